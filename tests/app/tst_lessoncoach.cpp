// What the lessons pane says while a lesson runs, checked against what really happened: a skipped
// step is said skipped, lesson 6's timer shows while it runs, the error a step asks for is no
// mistake, and the hand-in prints no password even when the chosen answer quotes it.

#include "app/announcer.h"
#include "app/lessons/lessonexport.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace pop3;

class TestLessonCoach final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void skippedStepIsSaidSkipped();
    void lessonSixTimerShowsWhileItRuns();
    void askedForErrorIsNoMistake();
    void handInHidesThePasswordOfTheChosenAnswer();
    void mistakeBoxLeavesWithItsStep();
    void leftoverQuitLeavesLoginUndone();

private:
    // A session of the lab's server, typed into by hand on the wall clock (the lesson's timer
    // counts from the events' times).
    Pop3Session &open(const QString &personality = QStringLiteral("dovecot"))
    {
        m_personalities.push_back(std::make_unique<Personality>(*Personality::load(personality)));
        const int id = m_lab->log()->newSessionId();
        m_sessions.push_back(std::make_unique<Pop3Session>(m_lab->log(),
            m_lab->store(),
            m_personalities.back().get(),
            id,
            Pop3Session::Peer{QStringLiteral("127.0.0.1:%1").arg(7000 + id),
                QStringLiteral("127.0.0.1:1110"),
                QStringLiteral("127.0.0.1")}));
        m_sessions.back()->start(QDateTime::currentMSecsSinceEpoch());
        return *m_sessions.back();
    }

    static QString codes(const LessonRunner *runner)
    {
        QStringList found;
        for (const LessonMistake &m : runner->mistakes())
            found.append(m.code);
        return found.join(QLatin1Char(' '));
    }

    static void type(Pop3Session &session, const QByteArray &line)
    {
        Pop3Session::Reply reply =
            session.handleLine(line + "\r\n", QDateTime::currentMSecsSinceEpoch());
        reply.drain();
    }

    // Lesson 8 up to its optional STLS step; the eavesdropper question answered with the choice
    // that quotes the password.
    void walkLessonEight(LessonPane *pane);

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    std::vector<std::unique_ptr<Personality>> m_personalities;
    std::vector<std::unique_ptr<Pop3Session>> m_sessions;
};

void TestLessonCoach::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir.filePath(QStringLiteral("workspace"));
    config.reset = true;
    config.listen.port = 0;
    config.progressFolder = m_dir.filePath(QStringLiteral("progress"));
    QVERIFY(m_lab->start(config).ok);
}

void TestLessonCoach::cleanup()
{
    for (auto &s : m_sessions)
        s->end(DisconnectReason::ServerShutdown, QDateTime::currentMSecsSinceEpoch());
    m_sessions.clear();
    m_lab.reset();
}

void TestLessonCoach::walkLessonEight(LessonPane *pane)
{
    QVERIFY(pane->startLesson(QStringLiteral("08-plain-passwords"), true));
    LessonRunner *runner = pane->runner();
    Pop3Session &clear = open();
    type(clear, "user student");
    type(clear, "pass hessovs!");
    auto *choices = pane->findChild<QComboBox *>(QStringLiteral("choiceBox"));
    QTRY_COMPARE(runner->lesson().steps.at(runner->currentStep()).id, QStringLiteral("wire"));
    choices->setCurrentIndex(choices->findData(QStringLiteral("1"))); // in clear text
    QTest::mouseClick(
        pane->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
    QTRY_COMPARE(runner->lesson().steps.at(runner->currentStep()).id, QStringLiteral("eaves-pass"));
    const int quoted = choices->findData(QStringLiteral("1")); // "`hessovs!`: the password…"
    QVERIFY(quoted >= 0);
    QVERIFY(choices->itemText(quoted).contains(QStringLiteral("hessovs!")));
    choices->setCurrentIndex(quoted);
    QTest::mouseClick(
        pane->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
    QTRY_VERIFY(runner->isDone(2));
    type(clear, "quit");
    Pop3Session &apop = open(QStringLiteral("rfc1939")); // its greeting has a timestamp
    Q_UNUSED(apop);
    QTRY_COMPARE(runner->lesson().steps.at(runner->currentStep()).id, QStringLiteral("stls"));
}

// The status bar said "Step 5 of 6 done" for a step the learner skipped.
void TestLessonCoach::skippedStepIsSaidSkipped()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *pane = new LessonPane(m_lab.get(), &window);
    auto *announcer = new Announcer(&window);
    layout->addWidget(pane);
    layout->addWidget(announcer);
    pane->setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("ada"));
    pane->setLanguage(QStringLiteral("en"));
    window.show();
    walkLessonEight(pane);
    auto *skip = pane->findChild<QPushButton *>(QStringLiteral("skipButton"));
    QVERIFY(skip->isVisibleTo(pane));
    QTest::mouseClick(skip, Qt::LeftButton);
    QVERIFY2(announcer->text().contains(QStringLiteral("skipped")), qPrintable(announcer->text()));
    QVERIFY2(!announcer->text().contains(QStringLiteral("done")), qPrintable(announcer->text()));
}

// Lesson 6 times the learner from LIST to QUIT: the time shows while it runs, whole, in the lesson
// pane of a 1280×720 window.
void TestLessonCoach::lessonSixTimerShowsWhileItRuns()
{
    MainWindow window(m_lab.get());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pane = window.findChild<LessonPane *>();
    QVERIFY(pane);
    QVERIFY(pane->startLesson(QStringLiteral("06-mail-bomb-cleanup"), true));
    Pop3Session &s = open();
    type(s, "user barakirs");
    type(s, "pass blacksun");
    type(s, "list");
    QTRY_VERIFY(pane->runner()->isDone(1));
    QLabel *timer = nullptr;
    for (QLabel *label : pane->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("Time:")))
            timer = label;
    }
    QVERIFY2(timer, "no timer shown while the lesson times the learner");
    QTRY_VERIFY(timer->isVisible());
    const QString first = timer->text();
    QTRY_VERIFY2(timer->text() != first, qPrintable(timer->text())); // it counts
    QVERIFY2(timer->width() >= timer->sizeHint().width(), qPrintable(timer->text()));
    // In sight in the lesson pane (shown by Ctrl+4), above its scrolled content.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QTRY_VERIFY(pane->isVisible());
    auto *scroll = pane->findChild<QScrollArea *>(QStringLiteral("lessonScroll"));
    QVERIFY(!scroll->isAncestorOf(timer));
    const QRect seen(pane->mapTo(&window, QPoint()), pane->size());
    const QRect at(timer->mapTo(&window, QPoint()), timer->size());
    // With POP3LAB_SCREENSHOT_DIR set (under xvfb-run), the window as the learner sees it.
    if (const QString shots = qEnvironmentVariable("POP3LAB_SCREENSHOT_DIR"); !shots.isEmpty())
        QVERIFY(window.grab().save(shots + QStringLiteral("/lesson6-timer.png")));
    QVERIFY2(window.rect().contains(seen) && seen.contains(at),
        qPrintable(QStringLiteral("timer at %1,%2 %3x%4")
                       .arg(at.x())
                       .arg(at.y())
                       .arg(at.width())
                       .arg(at.height())));
}

// Lesson 1 asks for "USER: student", lesson 4 for RETR of a deleted message and for a dropped
// connection with marks: the -ERR and the drop they provoke are what the step wants, no mistake.
void TestLessonCoach::askedForErrorIsNoMistake()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("ada"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QVERIFY(pane.startLesson(QStringLiteral("01-connect-and-login"), true));
    LessonRunner *runner = pane.runner();
    Pop3Session &one = open();
    QTRY_COMPARE(runner->lesson().steps.at(runner->currentStep()).id, QStringLiteral("user-colon"));
    type(one, "USER: student");
    QTRY_VERIFY(runner->isDone(2));
    QVERIFY2(runner->mistakes().isEmpty(), qPrintable(codes(runner)));
    QVERIFY2(!feedback->toPlainText().contains(QStringLiteral("⚠")),
        qPrintable(feedback->toPlainText()));
    type(one, "quit");

    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo"), true));
    runner = pane.runner();
    Pop3Session &four = open();
    for (const char *line : {"user student", "pass hessovs!", "dele 1", "stat", "retr 1"})
        type(four, line);
    QTRY_VERIFY(runner->isDone(3)); // retr-deleted
    type(four, "rset");
    type(four, "dele 1");
    four.end(DisconnectReason::PeerClosed, QDateTime::currentMSecsSinceEpoch());
    QTRY_VERIFY(runner->isDone(6)); // drop
    QVERIFY2(runner->mistakes().isEmpty(), qPrintable(codes(runner)));
    QVERIFY2(!feedback->toPlainText().contains(QStringLiteral("⚠")),
        qPrintable(feedback->toPlainText()));

    // Not asked for: the same kind of error is still a mistake.
    Pop3Session &again = open();
    type(again, "USER: student");
    QTRY_COMPARE(runner->mistakes().size(), 1);
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("⚠")));
}

// Lesson 8's eavesdropper question answered with the choice that quotes the password: neither
// the hand-in's HTML nor its PDF holds the password.
void TestLessonCoach::handInHidesThePasswordOfTheChosenAnswer()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("ada"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    walkLessonEight(&pane);
    const QString html = LessonExport::html(*pane.runner(), QStringLiteral("Ada"));
    QVERIFY(html.contains(QStringLiteral("the password itself"))); // the chosen answer is there
    QVERIFY2(!html.contains(QStringLiteral("hessovs")),
        qPrintable(html.mid(html.indexOf(QStringLiteral("hessovs")) - 200, 260)));

    const QString pdf = m_dir.filePath(QStringLiteral("lesson8.pdf"));
    QString error;
    QVERIFY2(pane.exportHandIn(pdf, &error), qPrintable(error));
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not read back");
    QProcess text;
    text.start(pdftotext, {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    QVERIFY(words.contains(QStringLiteral("the password itself")));
    QVERIFY(!words.contains(QStringLiteral("hessovs")));
}

// Lesson 3: `retr 1` before logging in is explained while the learner is still on "Log in",
// and the explanation goes once that step is done: it stayed under the next five steps and
// their questions.
void TestLessonCoach::mistakeBoxLeavesWithItsStep()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("ada"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QVERIFY(pane.startLesson(QStringLiteral("03-read-a-mail"), true));
    LessonRunner *runner = pane.runner();
    Pop3Session &session = open();
    QCOMPARE(runner->currentStep(), 0); // log in
    type(session, "retr 1");
    QTRY_VERIFY(feedback->isVisibleTo(&pane));
    QVERIFY2(feedback->toPlainText().contains(QStringLiteral("retr 1\\r\\n")),
        qPrintable(feedback->toPlainText()));
    type(session, "user student"); // still on the step the mistake was made in: it stays
    QCOMPARE(runner->currentStep(), 0);
    QVERIFY(feedback->toPlainText().contains(QStringLiteral("⚠")));
    type(session, "pass hessovs!");
    QTRY_COMPARE(runner->currentStep(), 1);
    QVERIFY2(!feedback->toPlainText().contains(QStringLiteral("⚠")),
        qPrintable(feedback->toPlainText()));
    QVERIFY(!feedback->isVisibleTo(&pane));
    // A mistake in the step in hand is shown again, and goes when that step is done.
    type(session, "retr");
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("⚠")));
    type(session, "retr 1");
    QTRY_COMPARE(runner->currentStep(), 2);
    QVERIFY2(!feedback->toPlainText().contains(QStringLiteral("⚠")),
        qPrintable(feedback->toPlainText()));
}

// Lesson 2 left logged in, lesson 3 picked, "Send QUIT" (the default) pressed: the session is
// closed, so lesson 3's "Log in" is not done (it was ticked by the session being quit).
void TestLessonCoach::leftoverQuitLeavesLoginUndone()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("grace"));
    pane.setLearner(QStringLiteral("grace")); // no saved progress of lesson 3
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size"), true));
    Pop3Session &two = open();
    type(two, "user student");
    type(two, "pass hessovs!");
    QTRY_VERIFY(pane.runner()->isDone(0));
    // As the terminal does: QUIT goes out now, its reply comes back later.
    QList<int> quitAsked;
    connect(&pane, &LessonPane::quitSessionsRequested, this, [&](const QList<int> &ids) {
        quitAsked = ids;
        QTimer::singleShot(0, this, [&two] {
            type(two, "quit");
            two.end(two.closeReason(), QDateTime::currentMSecsSinceEpoch());
        });
    });
    bool offered = false;
    QTimer::singleShot(0, this, [&offered] {
        QWidget *box = QApplication::activeModalWidget();
        if (!box || box->objectName() != QLatin1String("quitLeftoversBox"))
            return;
        offered = true;
        QTest::keyClick(box, Qt::Key_Return); // Send QUIT, the default
    });
    auto *picker = pane.findChild<QComboBox *>(QStringLiteral("lessonPicker"));
    const int index = picker->findData(QStringLiteral("03-read-a-mail"));
    picker->setCurrentIndex(index);
    emit picker->activated(index);
    QVERIFY(offered);
    QCOMPARE(quitAsked, QList<int>{two.id()});
    LessonRunner *runner = pane.runner();
    QCOMPARE(runner->lesson().id, QStringLiteral("03-read-a-mail"));
    QTRY_VERIFY(!runner->tracker().fold().openSessions().contains(two.id()));
    QVERIFY2(!runner->isDone(0), "Log in is ticked with no session open");
    QCOMPARE(runner->currentStep(), 0);
    // The next login is the lesson's.
    Pop3Session &three = open();
    type(three, "user student");
    type(three, "pass hessovs!");
    QTRY_VERIFY(runner->isDone(0));
}

QTEST_MAIN(TestLessonCoach)
#include "tst_lessoncoach.moc"
