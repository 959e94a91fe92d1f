// File > Hand In Lab Answers... against a real classroom server in this process (Lab,
// ClassLessons, AnswerServer) over TCP on 127.0.0.1: a student logs in with their own password,
// sees the questions, sends answers and reads right or wrong beside each; the server keeps them as
// that student's. A wrong password gets nothing.

#include "app/classroom/handindialog.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "lab/answerserver.h"
#include "lab/classlessons.h"
#include "lab/lab.h"
#include "lessons/lessonlibrary.h"
#include "mail/mailstore.h"
#include "support/classserver.h"
#include "support/labfixture.h"
#include "support/pop3testclient.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace pop3;

class TestHandIn : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void studentHandsInAnswers();
    void wrongPasswordGetsNothing();
    void theFileMenuOpensIt();
    void everyLabelHasItsMnemonic_data();
    void everyLabelHasItsMnemonic();
    void exportForHandInFromTheFileMenu();

private:
    std::unique_ptr<ClassServer> m_class;
    Lab *m_lab = nullptr;
    ClassLessons *m_lessons = nullptr;
    AnswerServer *m_answers = nullptr;
};

void TestHandIn::init()
{
    m_class = std::make_unique<ClassServer>();
    QVERIFY(m_class->start("alice \"pass a\" sample:student\ncarol passc sample:barakirs\n"));
    QVERIFY(m_class->startLessons());
    QVERIFY(m_class->startAnswers(20));
    m_lab = m_class->lab.get();
    m_lessons = m_class->lessons.get();
    m_answers = m_class->answers.get();
}

void TestHandIn::cleanup()
{
    m_class.reset();
}

void TestHandIn::studentHandsInAnswers()
{
    HandInDialog dialog;
    dialog.show();
    dialog.setServer(QStringLiteral("127.0.0.1"), m_answers->port());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("handInUser")), "carol");
    QLineEdit *password = dialog.findChild<QLineEdit *>(QStringLiteral("handInPassword"));
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, "passc");
    auto *send = dialog.findChild<QPushButton *>(QStringLiteral("handInSend"));
    QVERIFY(!send->isEnabled());
    QSignalSpy shown(&dialog, &HandInDialog::questionsShown);
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(shown.wait(5000));
    QVERIFY(send->isEnabled());
    QVERIFY(dialog.answerField(QStringLiteral("count")));
    QVERIFY(dialog.answerField(QStringLiteral("size-1")));

    // carol's mailbox is the mail-bombed one: 206 is right for her, the sample's 376 is not.
    QTest::keyClicks(dialog.answerField(QStringLiteral("count")), "206");
    QTest::keyClicks(dialog.answerField(QStringLiteral("size-1")), "376");
    QSignalSpy checked(&dialog, &HandInDialog::answerChecked);
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_COMPARE(checked.size(), 2);
    QCOMPARE(dialog.verdict(QStringLiteral("count")), QStringLiteral("✓ right"));
    QCOMPARE(dialog.verdict(QStringLiteral("size-1")), QStringLiteral("✗ wrong, try again"));
    QVERIFY(dialog.verdict(QStringLiteral("total")).isEmpty()); // left empty: not sent

    const LabAnswer *count =
        m_lessons->results().answer(QStringLiteral("carol"), QStringLiteral("count"));
    QVERIFY(count && count->correct);
    QCOMPARE(count->given, QStringLiteral("206"));
    QCOMPARE(
        m_lessons->results().answer(QStringLiteral("alice"), QStringLiteral("count")), nullptr);
}

void TestHandIn::wrongPasswordGetsNothing()
{
    HandInDialog dialog;
    dialog.show();
    dialog.setServer(QStringLiteral("127.0.0.1"), m_answers->port());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("handInUser")), "alice");
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("handInPassword")), "passc");
    dialog.logIn();
    QTRY_VERIFY(dialog.statusText().startsWith(QStringLiteral("Not logged in")));
    QVERIFY(dialog.statusText().contains(QStringLiteral("wrong user or password")));
    QVERIFY(!dialog.answerField(QStringLiteral("count")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("handInSend"))->isEnabled());
}

void TestHandIn::theFileMenuOpensIt()
{
    LabFixture fixture;
    QVERIFY(fixture.start());
    MainWindow window(fixture.services.get());
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("actionHandIn"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<HandInDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    action->trigger();
    QCOMPARE(window.findChildren<HandInDialog *>().size(), 1);
}

void TestHandIn::everyLabelHasItsMnemonic_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// A label with "&" shows it as an underline only when it has a buddy: "Se&rver and answers
// port:" once read with its ampersand, and Alt+R went nowhere. Each label's key must focus its
// field.
void TestHandIn::everyLabelHasItsMnemonic()
{
    QFETCH(QString, language);
    Translations translations;
    translations.install(QLocale(language));
    HandInDialog dialog;
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    int withKey = 0;
    for (QLabel *label : labels) {
        const QString text = label->text();
        const qsizetype amp = text.indexOf(QLatin1Char('&'));
        if (amp < 0 || amp + 1 >= text.size())
            continue;
        ++withKey;
        QVERIFY2(label->buddy(), qPrintable(text + QStringLiteral(": no buddy, the & is shown")));
        QTest::keyClick(&dialog, text.at(amp + 1).toLower().toLatin1(), Qt::AltModifier);
        QTRY_VERIFY2(label->buddy()->hasFocus(), qPrintable(text));
    }
    QCOMPARE(withKey, 3); // server, user, password
}

// File > Export for Hand-in... (Ctrl+Shift+E): in the menu with its key, the dialog opens in the
// folder of the last hand-in, and the window says where the PDF went, with a button to open it.
void TestHandIn::exportForHandInFromTheFileMenu()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("handIn"));
    LabFixture fixture;
    QVERIFY(fixture.start());
    MainWindow window(fixture.services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions())
            if (a->objectName() == QLatin1String("actionExportHandIn"))
                action = a;
    }
    QVERIFY2(action, "no Export for Hand-in in the menus");
    QVERIFY(action->text().contains(QLatin1Char('&')));
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));

    window.lessonPane()->setLearner(QStringLiteral("Ada Lovelace"));
    QVERIFY(window.lessonPane()->startLesson(QStringLiteral("01-connect-and-login")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("class")));
    const QString folder = dir.filePath(QStringLiteral("class"));
    QString opened; // the folder each dialog opened in
    const auto saveAs = [&](const QString &path) {
        opened.clear();
        QTimer::singleShot(0, this, [&opened, path] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            opened = dialog->directory().absolutePath();
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
        });
    };
    saveAs(QDir(folder).filePath(QStringLiteral("first.pdf")));
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    const QString first = QDir(folder).filePath(QStringLiteral("first.pdf"));
    QTRY_VERIFY(QFileInfo(first).size() > 1000);
    QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(first)),
        qPrintable(window.statusBar()->currentMessage()));
    auto *open = window.findChild<QPushButton *>(QStringLiteral("openHandInButton"));
    QVERIFY(open && open->isVisible());
    QVERIFY(open->text().contains(QLatin1Char('&')));

    // The next one opens where the last one went.
    saveAs(QDir(folder).filePath(QStringLiteral("second.pdf")));
    action->trigger();
    QCOMPARE(opened, QFileInfo(folder).absoluteFilePath());
    QTRY_VERIFY(QFileInfo(QDir(folder).filePath(QStringLiteral("second.pdf"))).exists());
}

QTEST_MAIN(TestHandIn)
#include "tst_handin.moc"
