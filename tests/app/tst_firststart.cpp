// The window at its first start (no saved geometry) on a 1280×720 screen: it must fit the screen's
// available area, frame included (it was taller than 720 px: the bottom of the terminal and the
// status bar were off screen). The offscreen platform is given that screen by a configuration
// file, written before the application starts.

#include "app/mainwindow.h"
#include "support/labfixture.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestFirstStart final : public QObject
{
    Q_OBJECT

private slots:
    void windowFitsTheScreen();
};

void TestFirstStart::windowFitsTheScreen()
{
    QSettings().clear(); // no saved geometry: the first start
    QScreen *screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    const QRect available = screen->availableGeometry();
    QCOMPARE(available.size(), QSize(1280, 720));
    LabFixture lab;
    QVERIFY(lab.start());
    MainWindow window(lab.services.get());
    window.showAtStart(); // as main() does
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect frame = window.frameGeometry();
    QVERIFY2(available.contains(frame),
        qPrintable(QStringLiteral("the window is %1x%2 at %3,%4 (minimum %5x%6) on a %7x%8 screen")
                       .arg(frame.width())
                       .arg(frame.height())
                       .arg(frame.x())
                       .arg(frame.y())
                       .arg(window.minimumSizeHint().width())
                       .arg(window.minimumSizeHint().height())
                       .arg(available.width())
                       .arg(available.height())));
}

int main(int argc, char **argv)
{
    // A 1280×720 screen for the offscreen platform (its default is 800×600).
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"({"screens": [{"name": "first", "x": 0, "y": 0, "width": 1280, "height": 720,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("pop3lab-test-firststart"));
    QApplication::setApplicationName(QStringLiteral("pop3lab-test-firststart"));
    TestFirstStart test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_firststart.moc"
