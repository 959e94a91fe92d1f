// The lessons dock driven as a student would: pick a lesson, type into a session, watch the
// tick, answer right and wrong, meet a mistake, export the hand-in.

#include "app/diagram/diagrampane.h"
#include "app/labsettings.h"
#include "app/lessons/lessonexport.h"
#include "app/lessons/lessonpane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "diagram/sequencemodel.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/labfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace pop3;

class TestLessonPane final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pickDriveAnswerAndExport();
    void frenchFollowsTheLanguage();
    void frenchHandInWords();
    void showsTheLabsRunner();
    void quizStartsUnselectedAndShuffled();
    void focusGoesBackToTheTerminal();
    void lessonSetsItsPersonality();
    void handInHoldsOnlyItsLesson();
    void handInStartsEachSessionInItsState();
    void finishedLessonPickedAgainIsLeftAsItWas();
    void handInTranscriptInWords_data();
    void handInTranscriptInWords();
    void coachSpeaksOfThisLessonOnly();
    void handInFromTheWindow();
    void learnerIsAskedOnce();
    void progressCountsInWords_data();
    void progressCountsInWords();

private:
    static void answerRight(LessonPane *pane);

    void type(const QByteArray &line) { typeOn(m_session.get(), line); }

    void typeOn(Pop3Session *session, const QByteArray &line)
    {
        Pop3Session::Reply reply = session->handleLine(line + "\r\n", ++m_now);
        reply.drain();
    }

    std::unique_ptr<Pop3Session> newSession()
    {
        const int id = m_lab->log()->newSessionId();
        return std::make_unique<Pop3Session>(m_lab->log(),
            m_lab->store(),
            &m_personality,
            id,
            Pop3Session::Peer{QStringLiteral("127.0.0.1:%1").arg(6000 + id),
                QStringLiteral("127.0.0.1:1110"),
                QStringLiteral("127.0.0.1")});
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    Personality m_personality;
    std::unique_ptr<Pop3Session> m_session;
    qint64 m_now = 1'700'000'000'000;
};

void TestLessonPane::init()
{
    QStandardPaths::setTestModeEnabled(true); // the window's QSettings away from the real home
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir.filePath(QStringLiteral("workspace"));
    config.reset = true;
    config.listen.port = 0;
    config.progressFolder = m_dir.filePath(QStringLiteral("progress")); // never the real home
    QVERIFY(m_lab->start(config).ok);
    m_personality = *Personality::load(Personality::defaultId());
    m_session = std::make_unique<Pop3Session>(m_lab->log(),
        m_lab->store(),
        &m_personality,
        m_lab->log()->newSessionId(),
        Pop3Session::Peer{QStringLiteral("127.0.0.1:5000"),
            QStringLiteral("127.0.0.1:1110"),
            QStringLiteral("127.0.0.1")});
}

void TestLessonPane::cleanup()
{
    m_session.reset();
    m_lab.reset();
}

void TestLessonPane::pickDriveAnswerAndExport()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress")), QStringLiteral("student1"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    auto *picker = pane.findChild<QComboBox *>(QStringLiteral("lessonPicker"));
    auto *checklist = pane.findChild<QListWidget *>(QStringLiteral("lessonChecklist"));
    auto *answer = pane.findChild<QLineEdit *>(QStringLiteral("answerEdit"));
    auto *result = pane.findChild<QLabel *>(QStringLiteral("answerResult"));
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QVERIFY(picker && checklist && answer && result && feedback);

    const int index = picker->findData(QStringLiteral("02-count-and-size"));
    QVERIFY(index > 0);
    picker->setCurrentIndex(index);
    emit picker->activated(index);
    QVERIFY(pane.runner());
    QCOMPARE(checklist->count(), pane.runner()->lesson().steps.size());
    QVERIFY(checklist->item(0)->text().startsWith(QStringLiteral("▶")));

    m_session->start(++m_now);
    type("user student");
    type("pass hessovs!");
    QTRY_VERIFY(checklist->item(0)->text().startsWith(QStringLiteral("✔")));
    type("stat");
    QTRY_VERIFY(checklist->item(1)->text().startsWith(QStringLiteral("✔")));
    QVERIFY(answer->isVisibleTo(&pane));

    QTest::keyClicks(answer, QStringLiteral("12"));
    QTest::keyClick(answer, Qt::Key_Return);
    QVERIFY(result->text().startsWith(QStringLiteral("✘")));
    QVERIFY(feedback->isVisibleTo(&pane));
    QVERIFY(feedback->toPlainText().contains(QStringLiteral("STAT")));
    QVERIFY(checklist->item(2)->text().startsWith(QStringLiteral("▶")));

    answer->clear();
    QTest::keyClicks(answer, QStringLiteral("35"));
    QTest::keyClick(answer, Qt::Key_Return);
    QVERIFY(checklist->item(2)->text().startsWith(QStringLiteral("✔")));
    // "✔ Right." goes with the question it was about, never under the next, unanswered one.
    QVERIFY2(!result->text().contains(QStringLiteral("✔")), qPrintable(result->text()));
    auto *stepView = pane.findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(stepView->toPlainText().contains(QStringLiteral("✔ Right:")));

    type("USER: student"); // a mistake: explained with the bytes
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("USER: student\\r\\n")));

    const QString pdf = m_dir.filePath(QStringLiteral("handin.pdf"));
    QString error;
    QVERIFY2(pane.exportHandIn(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY(file.size() > 2000);

    QSignalSpy reset(&pane, &LessonPane::resetMailboxRequested);
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size"), true));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.at(0).at(0).toString(), QStringLiteral("student"));
    QVERIFY(!checklist->item(2)->text().startsWith(QStringLiteral("✔")));
}

void TestLessonPane::frenchFollowsTheLanguage()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress-fr")), QStringLiteral("eleve"));
    pane.setLanguage(QStringLiteral("fr"));
    // Lesson 2: lesson 1 asks for "USER: student", which there is no mistake.
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size")));
    QCOMPARE(pane.runner()->lesson().language, QStringLiteral("fr"));
    m_session->start(++m_now);
    type("USER: student");
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("deux-points")));
    pane.setLanguage(QStringLiteral("de")); // no German lesson: English
    QCOMPARE(pane.runner()->lesson().language, QStringLiteral("en"));
}

// A French hand-in: "Rendu d'Elodie" (elided before a vowel, not "Rendu de Elodie"), a file
// named after the French title, and numbers with the locale's decimal comma.
void TestLessonPane::frenchHandInWords()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    Translations translations;
    translations.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(translations.hasOwnWords());
    LessonPane pane(m_lab.get());
    pane.setProgressStore(
        m_dir.filePath(QStringLiteral("progress-fr-words")), QStringLiteral("Elodie Müller"));
    pane.setLanguage(QStringLiteral("fr"));
    QVERIFY(pane.startLesson(QStringLiteral("06-mail-bomb-cleanup")));
    QCOMPARE(pane.defaultHandInName(),
        QStringLiteral("Elodie-Müller-06-nettoyer-une-boite-bombardee.pdf"));
    QCOMPARE(LessonExport::handInOf(QStringLiteral("Elodie Müller")),
        QStringLiteral("Rendu d'Elodie Müller"));
    QCOMPARE(LessonExport::handInOf(QStringLiteral("Émile")), QStringLiteral("Rendu d'Émile"));
    QCOMPARE(LessonExport::handInOf(QStringLiteral("Grace Hopper")),
        QStringLiteral("Rendu de Grace Hopper"));
    const QString html = LessonExport::html(*pane.runner(), pane.learner());
    QVERIFY2(html.contains(QStringLiteral("Rendu d&#x27;Elodie Müller"))
            || html.contains(QStringLiteral("Rendu d'Elodie Müller")),
        qPrintable(html.left(400)));
    QCOMPARE(QCoreApplication::translate("MainWindow", "pop3-transcript.txt", "a file name"),
        QStringLiteral("transcription-pop3.txt"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

// The runner is the lab's, one per learner: a lesson started there shows here, and goes on in
// the lab when the pane is gone.
void TestLessonPane::showsTheLabsRunner()
{
    LessonRunner *runner = m_lab->lessonRunner(QStringLiteral("student2"));
    {
        LessonPane pane(m_lab.get());
        pane.setProgressStore(
            m_dir.filePath(QStringLiteral("progress-lab")), QStringLiteral("student2"));
        QCOMPARE(pane.runner(), runner);
        auto *checklist = pane.findChild<QListWidget *>(QStringLiteral("lessonChecklist"));
        QCOMPARE(checklist->count(), 0);
        LessonLibrary library;
        library.load(LessonLibrary::defaultFolders());
        runner->start(
            *library.lesson(QStringLiteral("01-connect-and-login"), QStringLiteral("en")));
        QCOMPARE(checklist->count(), runner->lesson().steps.size());
    }
    QVERIFY(runner->isRunning());
    m_session->start(++m_now);
    QTRY_VERIFY(runner->isDone(0));
}

// A quiz item starts with nothing chosen, in an order of its own (the right answer first in the
// file is not first on screen), Check alone is no answer, and the answer is found by identity.
void TestLessonPane::quizStartsUnselectedAndShuffled()
{
    QTemporaryDir lessons;
    QFile file(lessons.filePath(QStringLiteral("90-quiz.en.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": 1, "id": "90-quiz", "language": "en", "title": "Quiz",
        "goals": ["Answer with `STAT`."],
        "steps": [{"id": "connect", "title": "Connect", "text": "Connect.",
                   "check": {"type": "connected"}}],
        "quiz": [{"id": "q1", "title": "Which command counts?", "question": {
                     "prompt": "Which command gives the count?",
                     "choices": ["`STAT`", "`LIST 1`", "`QUIT`", "`NOOP`", "`RSET`", "`UIDL`"],
                     "answer": {"type": "choice", "correct": 1}}},
                 {"id": "q2", "title": "Second", "question": {"prompt": "Which one?",
                     "choices": ["`RSET`", "`DELE`"], "answer": {"type": "choice", "correct": 2}}}]
    })");
    file.close();
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(lessons.path()));
    LessonPane pane(m_lab.get());
    qunsetenv("POP3LAB_LESSONS_DIR");
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress-quiz")), QStringLiteral("ada"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    QVERIFY(pane.startLesson(QStringLiteral("90-quiz")));
    m_session->start(++m_now);
    LessonRunner *runner = pane.runner();
    QTRY_COMPARE(runner->currentStep(), 1);

    auto *choices = pane.findChild<QComboBox *>(QStringLiteral("choiceBox"));
    auto *check = pane.findChild<QPushButton *>(QStringLiteral("checkButton"));
    auto *result = pane.findChild<QLabel *>(QStringLiteral("answerResult"));
    auto *stepView = pane.findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(choices && check && result && stepView);
    QVERIFY(choices->isVisibleTo(&pane));
    QCOMPARE(choices->currentIndex(), -1);
    QCOMPARE(choices->count(), 6);
    QStringList shown; // the file's numbers, in the order shown
    for (int i = 0; i < choices->count(); ++i) {
        QVERIFY2(
            !choices->itemText(i).contains(QLatin1Char('`')), qPrintable(choices->itemText(i)));
        shown.append(choices->itemData(i).toString());
    }
    QStringList expected;
    for (int original : runner->choiceOrder(1))
        expected.append(QString::number(original + 1));
    QCOMPARE(shown, expected);
    QStringList sorted = shown;
    sorted.sort();
    QCOMPARE(sorted, (QStringList{"1", "2", "3", "4", "5", "6"}));

    QTest::mouseClick(check, Qt::LeftButton); // nothing chosen: no answer, no wrong try
    QVERIFY(!runner->isDone(1));
    QCOMPARE(runner->tries(1), 0);
    QVERIFY2(result->text().contains(QStringLiteral("Pick")), qPrintable(result->text()));

    choices->setCurrentIndex(int(shown.indexOf(QStringLiteral("3"))));
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(!runner->isDone(1));
    QCOMPARE(runner->tries(1), 1); // the hand-in counts it
    QVERIFY(result->text().startsWith(QStringLiteral("✘")));

    choices->setCurrentIndex(int(shown.indexOf(QStringLiteral("1"))));
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(runner->isDone(1));
    QCOMPARE(runner->currentStep(), 2);
    QCOMPARE(choices->currentIndex(), -1); // the next question starts unselected too
    QVERIFY(!result->text().contains(QStringLiteral("✔")));
    QVERIFY(stepView->toPlainText().contains(QStringLiteral("Which command counts?")));

    const QString html = LessonExport::html(*runner, QStringLiteral("ada"));
    QVERIFY(!html.contains(QStringLiteral("`STAT`"))); // Markdown rendered, not shown
    QVERIFY(html.contains(QStringLiteral("STAT")));
    QCOMPARE(runner->progress().steps.value(QStringLiteral("q1")).tries, 1);
}

// After a pick or a lesson button, what is typed next goes to the terminal, not into the picker.
void TestLessonPane::focusGoesBackToTheTerminal()
{
    MainWindow window(m_lab.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    auto *pane = window.findChild<LessonPane *>();
    QVERIFY(pane);
    pane->setLearner(QStringLiteral("Ada")); // no name dialog
    window.findChild<QDockWidget *>(QStringLiteral("lessonsDock"))->raise();
    auto *picker = pane->findChild<QComboBox *>(QStringLiteral("lessonPicker"));
    picker->setFocus();
    QTRY_VERIFY(picker->hasFocus());

    QTest::keyClick(picker, Qt::Key_Down); // browsing the closed picker starts nothing
    QVERIFY(!pane->runner()->isRunning());
    QTest::keyClick(picker, Qt::Key_Tab); // and leaving it shows what runs: nothing yet
    QTRY_VERIFY(!picker->hasFocus());
    QCOMPARE(picker->currentIndex(), 0);
    picker->setFocus();
    QTRY_VERIFY(picker->hasFocus());
    QTest::keyClick(picker, Qt::Key_Down);
    QVERIFY(!pane->runner()->isRunning());
    QTest::keyClick(picker, Qt::Key_Return);
    QVERIFY(pane->runner()->isRunning());
    QCOMPARE(pane->runner()->lesson().id, QStringLiteral("01-connect-and-login"));
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("USER student"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    const int session = view->session()->sessionId();
    QTRY_COMPARE(lastClientLine(m_lab->log(), session), QByteArray("USER student\r\n"));

    auto *hint = pane->findChild<QPushButton *>(QStringLiteral("hintButton"));
    QVERIFY(hint && hint->isEnabled());
    hint->setFocus();
    QTRY_VERIFY(hint->hasFocus());
    QTest::keyClick(hint, Qt::Key_Space);
    QTRY_COMPARE(QApplication::focusWidget(), view);
}

// A lesson quotes one server's words; starting it makes the server speak them.
void TestLessonPane::lessonSetsItsPersonality()
{
    MainWindow window(m_lab.get());
    auto *pane = window.findChild<LessonPane *>();
    pane->setLearner(QStringLiteral("Ada"));
    window.setPersonality(QStringLiteral("uw-ipop3d"));
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("uw-ipop3d"));
    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file")));
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("dovecot"));
    QVERIFY(pane->startLesson(QStringLiteral("06-mail-bomb-cleanup")));
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("uw-ipop3d"));
    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file"), true)); // Restart too
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("dovecot"));
}

// Lesson 4's hand-in after lessons 3, 4 and 5 were done: only lesson 4's sessions and time in its
// diagram, the greeting of a session opened before the lesson in its transcript, no password.
void TestLessonPane::handInHoldsOnlyItsLesson()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(
        m_dir.filePath(QStringLiteral("progress-handin")), QStringLiteral("Ada Lovelace"));
    pane.setLanguage(QStringLiteral("en"));
    const QList<QByteArray> login{"user student", "pass hessovs!"};

    QVERIFY(pane.startLesson(QStringLiteral("03-read-a-mail")));
    m_session->start(++m_now);
    for (const QByteArray &line : login + QList<QByteArray>{"retr 1", "quit"})
        type(line);
    m_session->end(DisconnectReason::Quit, ++m_now);
    const int lesson3 = m_session->id();

    std::unique_ptr<Pop3Session> early = newSession(); // connected before lesson 4 is picked
    early->start(++m_now);
    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo")));
    for (const QByteArray &line : login + QList<QByteArray>{"dele 1", "stat", "rset", "quit"})
        typeOn(early.get(), line);
    early->end(DisconnectReason::Quit, ++m_now);
    std::unique_ptr<Pop3Session> second = newSession();
    second->start(++m_now);
    for (const QByteArray &line : login + QList<QByteArray>{"user student hessovs!", "quit"})
        typeOn(second.get(), line);
    second->end(DisconnectReason::Quit, ++m_now);
    std::unique_ptr<Pop3Session> sasl = newSession(); // AUTH PLAIN: the password in base64
    sasl->start(++m_now);
    const QByteArray plain = QByteArray("\0student\0hessovs!", 17).toBase64();
    for (const QByteArray &line : QList<QByteArray>{"auth plain", plain, "quit"})
        typeOn(sasl.get(), line);
    sasl->end(DisconnectReason::Quit, ++m_now);

    QVERIFY(pane.startLesson(QStringLiteral("05-the-lock-file")));
    std::unique_ptr<Pop3Session> later = newSession();
    later->start(++m_now);
    for (const QByteArray &line : login + QList<QByteArray>{"quit"})
        typeOn(later.get(), line);
    later->end(DisconnectReason::Quit, ++m_now);

    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo"))); // back to it, to hand it in
    SequenceModel model;
    LessonExport::buildDiagram(*pane.runner(), {}, &model);
    QCOMPARE(model.sessions(), (QList<int>{early->id(), second->id(), sasl->id()}));
    QVERIFY(!model.sessions().contains(lesson3));
    const QString diagram = model.toText();
    QVERIFY2(!diagram.contains(QStringLiteral("hessovs")), qPrintable(diagram));
    QVERIFY2(!diagram.contains(QString::fromLatin1(plain)), qPrintable(diagram));
    // The mechanism is no secret; the base64 line after it is (checked just above).
    QVERIFY2(diagram.contains(QStringLiteral("auth plain")), qPrintable(diagram));
    QVERIFY(diagram.contains(QStringLiteral("PASS ********"))
        || diagram.contains(QStringLiteral("pass ********")));

    const QStringList transcript = pane.runner()->progress().transcript;
    QVERIFY2(
        transcript.contains(QStringLiteral("#%1 S: +OK Dovecot ready.\\r\\n").arg(early->id())),
        qPrintable(transcript.join(QLatin1Char('\n'))));
    QVERIFY(!transcript.join(QLatin1Char('\n')).contains(QStringLiteral("hessovs")));
    QVERIFY2(!transcript.join(QLatin1Char('\n')).contains(QString::fromLatin1(plain)),
        qPrintable(transcript.join(QLatin1Char('\n'))));
    for (const QString &line : transcript)
        QVERIFY2(!line.startsWith(QStringLiteral("#%1 ").arg(later->id())), qPrintable(line));

    QCOMPARE(pane.defaultHandInName(), QStringLiteral("Ada-Lovelace-04-delete-and-undo.pdf"));
    const QString html = LessonExport::html(*pane.runner(), pane.learner(), pane.mistakeTitles());
    QVERIFY(html.contains(QStringLiteral("Ada Lovelace")));
    QVERIFY2(!html.contains(QStringLiteral("hessovs")), qPrintable(html)); // not in a mistake
    QVERIFY(html.contains(QStringLiteral("The password on the USER line"))); // its words, not
    QVERIFY(!html.contains(QStringLiteral("password-on-user-line"))); // its code
    const QString pdf = m_dir.filePath(pane.defaultHandInName());
    QString error;
    QVERIFY2(pane.exportHandIn(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    const qsizetype pages = bytes.count("/Type /Page") - bytes.count("/Type /Pages");
    QVERIFY2(pages >= 2, "the text pages and at least one diagram page");
    if (const QString keep = qEnvironmentVariable("POP3LAB_KEEP_HANDIN"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(pdf, keep); // for looking at it: pdftoppm -png
    }
}

// A session logged in during lesson 2 and kept through lesson 3 is drawn in lesson 4's hand-in
// in TRANSACTION, holding its lock, with the marks it still has: never in AUTHORIZATION. The
// transcript shows the login that brought it there (password hidden).
void TestLessonPane::handInStartsEachSessionInItsState()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(
        m_dir.filePath(QStringLiteral("progress-state")), QStringLiteral("Ada Lovelace"));
    pane.setLanguage(QStringLiteral("en"));
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size")));
    m_session->start(++m_now);
    for (const char *line : {"user student", "pass hessovs!", "stat", "dele 3"})
        type(line);
    QVERIFY(pane.startLesson(QStringLiteral("03-read-a-mail")));
    type("retr 1");
    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo")));
    for (const char *line : {"dele 1", "stat", "retr 1"})
        type(line);
    m_session->end(DisconnectReason::PeerClosed, ++m_now); // the tab closed: no UPDATE

    SequenceModel model;
    model.setHideSecrets(true);
    LessonExport::buildDiagram(*pane.runner(), {}, &model);
    const QString text = model.toText();
    const int id = m_session->id();
    QCOMPARE(model.sessions(), QList<int>{id});
    bool sawDele = false;
    for (qsizetype i = 0; i < model.rowCount(); ++i) {
        const SequenceModel::Row &r = model.row(i);
        if (r.kind == SequenceModel::RowKind::Command && r.text == QLatin1String("dele 1")) {
            sawDele = true;
            QVERIFY2(r.stateBefore == State::Transaction, qPrintable(text));
            QVERIFY2(model.stateAt(id, i) == State::Transaction, qPrintable(text));
        }
    }
    QVERIFY2(sawDele, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("AUTHORIZATION -> TRANSACTION")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("locks held: 1")), qPrintable(text)); // created, shown
    QVERIFY2(text.contains(QStringLiteral("marks lost: 3, 1")), qPrintable(text)); // both marks
    QVERIFY2(!text.contains(QStringLiteral("hessovs")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("C --> S stat")), qPrintable(text)); // lesson 2's

    const QString transcript = pane.runner()->progress().transcript.join(QLatin1Char('\n'));
    QVERIFY2(transcript.contains(QStringLiteral("#%1 C: pass ********").arg(id)),
        qPrintable(transcript));
    QVERIFY2(transcript.contains(QStringLiteral("#%1 S: +OK Logged in.").arg(id)),
        qPrintable(transcript));
    QVERIFY2(!transcript.contains(QStringLiteral("hessovs")), qPrintable(transcript));
    if (const QString keep = qEnvironmentVariable("POP3LAB_KEEP_STATE_HANDIN"); !keep.isEmpty()) {
        QString error;
        QVERIFY2(pane.exportHandIn(keep, &error), qPrintable(error)); // pdftoppm -png to look
    }
    if (const QString keep = qEnvironmentVariable("POP3LAB_KEEP_LOCK_HANDIN"); !keep.isEmpty()) {
        // Lesson 5's story too, for looking at its pages: [IN-USE], then a stale lock cleared.
        QVERIFY(pane.startLesson(QStringLiteral("05-the-lock-file"), true));
        std::unique_ptr<Pop3Session> first = newSession();
        std::unique_ptr<Pop3Session> second = newSession();
        first->start(++m_now);
        second->start(++m_now);
        for (const char *line : {"user student", "pass hessovs!"})
            typeOn(first.get(), line);
        for (const char *line : {"user student", "pass hessovs!"})
            typeOn(second.get(), line);
        second->end(DisconnectReason::MailboxInUse, m_now += 10000);
        typeOn(first.get(), "quit");
        first->end(DisconnectReason::Quit, ++m_now);
        QVERIFY(pane.runner()->plantStaleLock().ok);
        std::unique_ptr<Pop3Session> third = newSession();
        third->start(++m_now);
        for (const char *line : {"user student", "pass hessovs!", "quit"})
            typeOn(third.get(), line);
        third->end(DisconnectReason::Quit, ++m_now);
        QString error;
        QVERIFY2(pane.exportHandIn(keep, &error), qPrintable(error));
    }
}

void TestLessonPane::handInTranscriptInWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("english"); // words that must not be left in English
    QTest::newRow("en") << QStringLiteral("en") << QStringList();
    QTest::newRow("fr") << QStringLiteral("fr")
                        << QStringList{QStringLiteral("connection from"),
                               QStringLiteral("connected from"),
                               QStringLiteral("lock file created"),
                               QStringLiteral("marked deleted"),
                               QStringLiteral("marks reset"),
                               QStringLiteral("state AUTHORIZATION"),
                               QStringLiteral("disconnected"),
                               QStringLiteral("lines,"),
                               QStringLiteral("RFC 1939 examples"),
                               QStringLiteral("plain wording")};
}

// Every note kind and every way a connection ends, in the hand-in's transcript: words in the
// lesson's language, never an internal id (a note kind, a reason code).
void TestLessonPane::handInTranscriptInWords()
{
    QFETCH(QString, language);
    QFETCH(QStringList, english);
    Translations translations;
    translations.install(QLocale(language));
    QVERIFY(language == QLatin1String("en") || translations.hasOwnWords());
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress-words-") + language),
        QStringLiteral("Ada Lovelace"));
    pane.setLanguage(language);
    QVERIFY(pane.startLesson(QStringLiteral("04-delete-and-undo")));
    m_session->start(++m_now);
    for (const char *line :
        {"user student", "pass hessovs!", "list", "dele 1", "rset", "dele 2", "quit"})
        type(line);
    m_session->end(DisconnectReason::Quit, ++m_now);

    QStringList ids;
    EventLog *log = m_lab->log();
    for (int k = int(NoteKind::Other); k <= int(NoteKind::StlsInputDiscarded); ++k) {
        const NoteKind kind = NoteKind(k);
        ids << noteKindName(kind);
        QString detail = QStringLiteral("something happened");
        if (kind == NoteKind::PersonalityChanged)
            detail = QStringLiteral("uw-ipop3d");
        if (kind == NoteKind::StaleLockPlanted)
            detail = m_lab->store()->lockPath(QStringLiteral("student"));
        if (kind == NoteKind::RemoteServer)
            continue; // a session's, below
        log->append(Event::makeNote(kind, detail));
    }
    for (int r = int(DisconnectReason::Quit); r <= int(DisconnectReason::HostNotFound); ++r) {
        const DisconnectReason reason = DisconnectReason(r);
        ids << disconnectReasonName(reason);
        std::unique_ptr<Pop3Session> session = newSession();
        session->start(++m_now);
        typeOn(session.get(), "user student");
        session->end(reason, ++m_now);
    }
    ids << QStringLiteral("uw-ipop3d");
    // Every personality's name, as the diagram says it ("now answers as …").
    for (const QString &id : Personality::builtinIds())
        log->append(Event::makeNote(NoteKind::PersonalityChanged, id));

    const QString html = LessonExport::html(*pane.runner(), pane.learner(), pane.mistakeTitles());
    const QString transcript = pane.runner()->progress().transcript.join(QLatin1Char('\n'));
    QVERIFY2(transcript.contains(QStringLiteral("-- ")), qPrintable(transcript));
    for (const QString &id : std::as_const(ids)) {
        if (id.isEmpty() || id == QLatin1String("note")) // Other's id, and a plain word
            continue;
        // As a word of its own: "(quit)", "-- personality-changed"; an id with a dash anywhere.
        const QStringList forms = id.contains(QLatin1Char('-'))
            ? QStringList{id}
            : QStringList{QStringLiteral("(%1)").arg(id), QStringLiteral("-- %1").arg(id)};
        for (const QString &form : forms) {
            QVERIFY2(!transcript.contains(form),
                qPrintable(form + QStringLiteral(" in the transcript:\n") + transcript));
            QVERIFY2(!html.contains(form), qPrintable(form + QStringLiteral(" in the hand-in")));
        }
    }
    for (const QString &words : std::as_const(english))
        QVERIFY2(!transcript.contains(words),
            qPrintable(words + QStringLiteral(" left in English:\n") + transcript));
}

// A finished lesson picked again, to look at it or hand it in, is not done again: the server
// keeps the personality it has (Restart sets the lesson's), and nothing that happens now is
// added to the finished lesson's hand-in.
void TestLessonPane::finishedLessonPickedAgainIsLeftAsItWas()
{
    MainWindow window(m_lab.get());
    auto *pane = window.findChild<LessonPane *>();
    pane->setLearner(QStringLiteral("Ada"));
    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file"), true));
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("dovecot"));
    m_session->start(++m_now);
    for (const char *line : {"user student", "pass hessovs!", "quit"})
        type(line);
    m_session->end(DisconnectReason::Quit, ++m_now);
    LessonProgress done = pane->runner()->progress();
    done.finishedAtMs = ++m_now; // as if every step were ticked
    const QList<Event> events = pane->runner()->lessonEvents();
    const QStringList transcript = done.transcript;

    QVERIFY(pane->startLesson(QStringLiteral("06-mail-bomb-cleanup")));
    QVERIFY(m_lab->lessonProgress(QStringLiteral("Ada"))->save(done).ok);
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("uw-ipop3d"));
    std::unique_ptr<Pop3Session> open = newSession(); // open while lesson 5 is picked again
    open->start(++m_now);
    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file")));
    QVERIFY(pane->runner()->isFinished());
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("uw-ipop3d"));
    typeOn(open.get(), "user student");
    QCOMPARE(pane->runner()->lessonEvents().size(), events.size());
    QCOMPARE(pane->runner()->progress().transcript, transcript);

    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file"), true)); // Restart: done again
    QCOMPARE(m_lab->server()->personality().id, QStringLiteral("dovecot"));
}

// The mistake box and the hints belong to the lesson that is on.
void TestLessonPane::coachSpeaksOfThisLessonOnly()
{
    LessonPane pane(m_lab.get());
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress-coach")), QStringLiteral("ada"));
    pane.setLanguage(QStringLiteral("en"));
    pane.show();
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QVERIFY(pane.startLesson(QStringLiteral("02-count-and-size")));
    m_session->start(++m_now);
    type("USER: student");
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("USER: student")));
    QVERIFY(pane.startLesson(QStringLiteral("03-read-a-mail")));
    QVERIFY2(!feedback->toPlainText().contains(QStringLiteral("USER: student")),
        qPrintable(feedback->toPlainText()));
    QVERIFY(!feedback->isVisibleTo(&pane));

    // Dovecot hangs up after a run of bad commands: that has its own explanation.
    bool closed = false;
    for (int i = 0; i < 30 && !closed; ++i) {
        Pop3Session::Reply reply = m_session->handleLine("bogus\r\n", ++m_now);
        closed = reply.close;
        reply.drain();
    }
    QVERIFY(closed);
    m_session->end(DisconnectReason::TooManyErrors, ++m_now);
    QTRY_VERIFY2(feedback->toPlainText().contains(QStringLiteral("too many bad commands")),
        qPrintable(feedback->toPlainText()));
}

// Answers the current question right, through the pane's widgets (a choice by what it says).
void TestLessonPane::answerRight(LessonPane *pane)
{
    LessonRunner *runner = pane->runner();
    const LessonQuestion &q = *runner->lesson().steps.at(runner->currentStep()).question;
    if (q.answer == LessonQuestion::Answer::Choice) {
        auto *choices = pane->findChild<QComboBox *>(QStringLiteral("choiceBox"));
        choices->setCurrentIndex(choices->findData(QString::number(q.correct + 1)));
        QTest::mouseClick(
            pane->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
    } else {
        auto *answer = pane->findChild<QLineEdit *>(QStringLiteral("answerEdit"));
        answer->clear();
        QTest::keyClicks(answer,
            runner->expectedAnswer(runner->currentStep()).section(QStringLiteral(" | "), 0, 0));
        QTest::keyClick(answer, Qt::Key_Return);
    }
}

// Lessons 3, 4 and 5 done in the window's terminal tabs, over TCP: lesson 4's hand-in names its
// own tabs only, and the learner.
void TestLessonPane::handInFromTheWindow()
{
    MainWindow window(m_lab.get());
    window.resize(1280, 720);
    window.show();
    auto *pane = window.findChild<LessonPane *>();
    pane->setLearner(QStringLiteral("Ada Lovelace"));
    pane->setLanguage(QStringLiteral("en"));
    // The lessons dock shares a tab with the maildrop: bring it to the front (a dock behind a
    // tab is disabled, so that Tab never stops on it).
    QWidget *dock = pane;
    while (dock && !qobject_cast<QDockWidget *>(dock))
        dock = dock->parentWidget();
    QVERIFY(dock);
    dock->raise();
    QTRY_VERIFY(pane->isEnabled());
    TerminalPane *terminal = window.terminalPane();
    auto type = [](TerminalView *view, const QStringList &lines) {
        for (const QString &line : lines) {
            if (typeLine(view, line).isEmpty())
                return false;
        }
        return true;
    };
    const QStringList login{QStringLiteral("user student"), QStringLiteral("pass hessovs!")};

    QVERIFY(pane->startLesson(QStringLiteral("03-read-a-mail")));
    TerminalView *lesson3 = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(lesson3));
    QVERIFY(type(lesson3, login + QStringList{QStringLiteral("retr 1"), QStringLiteral("quit")}));

    TerminalView *first = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(first)); // opened before lesson 4 is picked
    QVERIFY(pane->startLesson(QStringLiteral("04-delete-and-undo")));
    LessonRunner *runner = pane->runner();
    QVERIFY(type(first,
        login
            + QStringList{QStringLiteral("dele 1"),
                QStringLiteral("stat"),
                QStringLiteral("retr 1"),
                QStringLiteral("rset"),
                QStringLiteral("dele 1")}));
    first->session()->close(); // the connection drops with a mark
    QTRY_COMPARE(runner->currentStep(), runner->lesson().indexOf(QStringLiteral("login-again")));
    TerminalView *second = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(second));
    QVERIFY(type(second, login));
    QTRY_COMPARE(runner->currentStep(), runner->lesson().indexOf(QStringLiteral("still-there")));
    answerRight(pane);
    QVERIFY(type(second, QStringList{QStringLiteral("dele 1"), QStringLiteral("quit")}));
    QTRY_COMPARE(runner->currentStep(), runner->lesson().indexOf(QStringLiteral("gone")));
    answerRight(pane);
    auto *choices = pane->findChild<QComboBox *>(QStringLiteral("choiceBox"));
    choices->setCurrentIndex(choices->findData(QStringLiteral("2"))); // one wrong try
    QTest::mouseClick(
        pane->findChild<QPushButton *>(QStringLiteral("checkButton")), Qt::LeftButton);
    while (runner->currentStep() >= 0)
        answerRight(pane);
    QVERIFY(runner->isFinished());

    QVERIFY(pane->startLesson(QStringLiteral("05-the-lock-file")));
    TerminalView *lesson5 = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(lesson5));
    QVERIFY(type(lesson5, login + QStringList{QStringLiteral("quit")}));

    QVERIFY(pane->startLesson(QStringLiteral("04-delete-and-undo")));
    SequenceModel model;
    LessonExport::buildDiagram(
        *runner,
        [&window](int session) {
            return window.diagramPane()->model().sessionName(session);
        },
        &model);
    QCOMPARE(model.sessions(),
        (QList<int>{first->session()->sessionId(), second->session()->sessionId()}));
    for (int session : model.sessions())
        QVERIFY2(model.sessionName(session).startsWith(QStringLiteral("Terminal")),
            qPrintable(model.sessionName(session)));
    QVERIFY(!model.toText().contains(QStringLiteral("hessovs")));
    QCOMPARE(runner->progress().steps.value(QStringLiteral("quiz-dele")).tries, 1);

    const QString pdf = m_dir.filePath(pane->defaultHandInName());
    QString error;
    QVERIFY2(pane->exportHandIn(pdf, &error), qPrintable(error));
    QVERIFY(QFileInfo(pdf).size() > 2000);
    if (const QString keep = qEnvironmentVariable("POP3LAB_KEEP_WINDOW_HANDIN"); !keep.isEmpty()) {
        QFile::remove(keep);
        QFile::copy(pdf, keep); // for looking at it: pdftoppm -png
    }
}

// The first lesson picked asks the learner's name; the window remembers it for the next run.
void TestLessonPane::learnerIsAskedOnce()
{
    LabSettings().setLearnerName(QString());
    {
        MainWindow window(m_lab.get());
        window.show();
        auto *pane = window.findChild<LessonPane *>();
        auto *picker = pane->findChild<QComboBox *>(QStringLiteral("lessonPicker"));
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            asked = true;
            dialog->setTextValue(QStringLiteral("  Grace   Hopper "));
            dialog->accept();
        });
        const int index = picker->findData(QStringLiteral("02-count-and-size"));
        picker->setCurrentIndex(index);
        emit picker->activated(index);
        QVERIFY(asked);
        QCOMPARE(pane->learner(), QStringLiteral("Grace Hopper"));
        QCOMPARE(pane->runner(), m_lab->lessonRunner(QStringLiteral("Grace Hopper")));
        QVERIFY(pane->runner()->isRunning());
        QCOMPARE(pane->defaultHandInName(), QStringLiteral("Grace-Hopper-02-count-and-size.pdf"));
        QCOMPARE(LabSettings().learnerName(), QStringLiteral("Grace Hopper"));
    }
    MainWindow again(m_lab.get()); // the next run: no question, the same learner and progress
    auto *pane = again.findChild<LessonPane *>();
    QCOMPARE(pane->learner(), QStringLiteral("Grace Hopper"));
    QVERIFY(m_lab->lessonProgress(QStringLiteral("Grace Hopper"))
                ->load(QStringLiteral("02-count-and-size"))
                .has_value());
    LabSettings().setLearnerName(QString());
}

void TestLessonPane::progressCountsInWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("none");
    QTest::addColumn<QString>("one");
    QTest::addColumn<QString>("two");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("0 of 3 steps")
                        << QStringLiteral("1 of 3 steps") << QStringLiteral("2 of 3 steps");
    // French counts 0 and 1 in the singular ("1 étapes sur 9" was shown).
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("0 étape sur 3")
                        << QStringLiteral("1 étape sur 3") << QStringLiteral("2 étapes sur 3");
}

// The progress bar's words agree with the count, in each language.
void TestLessonPane::progressCountsInWords()
{
    QFETCH(QString, language);
    QFETCH(QString, none);
    QFETCH(QString, one);
    QFETCH(QString, two);
    Translations translations;
    translations.install(QLocale(language));
    QTemporaryDir lessons;
    QFile file(lessons.filePath(QStringLiteral("95-count.%1.json").arg(language)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"({"format": 1, "id": "95-count", "language": "%1", "title": "Count",
        "goals": ["Count."], "intro": "An intro.", "summary": "Done.",
        "steps": [{"id": "a", "title": "A", "text": "A.", "optional": true,
                   "check": {"type": "command", "command": "STAT"}},
                  {"id": "b", "title": "B", "text": "B.", "optional": true,
                   "check": {"type": "command", "command": "STAT"}},
                  {"id": "c", "title": "C", "text": "C.", "optional": true,
                   "check": {"type": "command", "command": "STAT"}}]
    })")
                   .arg(language)
                   .toUtf8());
    file.close();
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(lessons.path()));
    LessonPane pane(m_lab.get());
    qunsetenv("POP3LAB_LESSONS_DIR");
    pane.setProgressStore(m_dir.filePath(QStringLiteral("progress-count")), QStringLiteral("Ada"));
    pane.setLanguage(language);
    QVERIFY(pane.startLesson(QStringLiteral("95-count"), true));
    auto *bar = pane.findChild<QProgressBar *>();
    QVERIFY(bar);
    QCOMPARE(bar->text(), none);
    QVERIFY(pane.runner()->skip());
    QCOMPARE(bar->text(), one);
    QVERIFY(pane.runner()->skip());
    QCOMPARE(bar->text(), two);
}

QTEST_MAIN(TestLessonPane)
#include "tst_lessonpane.moc"
