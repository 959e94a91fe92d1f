// The status bar's announcer says what the diagram shows: with "Collapse login" off, the login is
// drawn arrow by arrow and never announced as "collapsed"; with it on, it is.

#include "app/announcer.h"
#include "app/diagram/diagrampane.h"
#include "app/mainwindow.h"
#include "support/labfixture.h"

#include <QAction>
#include <QSignalSpy>

class TestAnnouncer final : public QObject
{
    Q_OBJECT

private slots:
    void loginIsCollapsedOnlyWhenTheDiagramCollapsesIt();
};

void TestAnnouncer::loginIsCollapsedOnlyWhenTheDiagramCollapsesIt()
{
    LabFixture lab;
    QVERIFY(lab.start());
    MainWindow window(lab.services.get());
    window.resize(1280, 720);
    window.show();
    QSignalSpy said(window.announcer(), &Announcer::said);
    auto login = [&] {
        TerminalPane *pane = window.terminalPane();
        TerminalView *view = pane->openSession(pane->builtinSettings());
        QVERIFY(waitGreeting(view));
        QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
        QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
        QCOMPARE(typeLine(view, QStringLiteral("quit")).left(3), QByteArray("+OK"));
    };
    auto collapsedSaid = [&] {
        for (const QList<QVariant> &args : std::as_const(said)) {
            if (args.first().toString().contains(QStringLiteral("collapsed")))
                return args.first().toString();
        }
        return QString();
    };
    login();
    QVERIFY2(collapsedSaid().isEmpty(), qPrintable(collapsedSaid()));

    // Ctrl+Shift+L: the diagram collapses each login, and the announcer says so.
    QAction *collapse = nullptr;
    for (QAction *a : window.diagramPane()->findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L))
            collapse = a;
    }
    QVERIFY(collapse);
    collapse->trigger();
    QVERIFY(collapse->isChecked());
    said.clear();
    login();
    QVERIFY(!collapsedSaid().isEmpty());
}

QTEST_MAIN(TestAnnouncer)
#include "tst_announcer.moc"
