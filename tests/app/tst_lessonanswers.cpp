// Answering from the keyboard, as the docs say ("Check, or Enter"): Enter on the Check button or
// in the choice box checks; an empty answer, typed or chosen, is refused without a wrong try; a
// skipped step reads "skipped" in the checklist, never ✔; a finished lesson opens on its summary.

#include "app/lessons/lessonpane.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace pop3;

class TestLessonAnswers final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answeredFromTheKeyboard();
    void choicesFromTheKeyboard();
    void finishedLessonOpensOnItsSummary();
    void handInDialogOpensAtHome();

private:
    LessonPane *openPane(const QString &learner);

    QTemporaryDir m_dir;
    QTemporaryDir m_lessons;
    std::unique_ptr<Lab> m_lab;
    Personality m_personality;
    std::unique_ptr<Pop3Session> m_session;
    std::unique_ptr<LessonPane> m_pane;
    qint64 m_now = 1'700'000'000'000;
};

void TestLessonAnswers::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir.filePath(QStringLiteral("workspace"));
    config.reset = true;
    config.listen.port = 0;
    config.progressFolder = m_dir.filePath(QStringLiteral("progress"));
    QVERIFY(m_lab->start(config).ok);
    m_personality = *Personality::load(Personality::defaultId());
    m_session = std::make_unique<Pop3Session>(m_lab->log(),
        m_lab->store(),
        &m_personality,
        m_lab->log()->newSessionId(),
        Pop3Session::Peer{QStringLiteral("127.0.0.1:5000"),
            QStringLiteral("127.0.0.1:1110"),
            QStringLiteral("127.0.0.1")});
    // One step of each kind: done by the server, optional, a typed answer, a chosen one.
    QFile file(m_lessons.filePath(QStringLiteral("91-keys.en.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": 1, "id": "91-keys", "language": "en", "title": "Keys",
        "goals": ["Answer from the keyboard."], "intro": "An intro.",
        "summary": "Well answered, all from the keyboard.",
        "steps": [{"id": "connect", "title": "Connect", "text": "Connect.",
                   "check": {"type": "connected"}},
                  {"id": "extra", "title": "An optional extra", "text": "Connect again.",
                   "optional": true, "check": {"type": "command", "command": "NOOP"}},
                  {"id": "word", "title": "The word", "question": {"prompt": "Which command counts?",
                     "answer": {"type": "text", "accept": ["STAT"]}}}],
        "quiz": [{"id": "q1", "title": "Pick", "question": {"prompt": "Which one counts?",
                     "choices": ["`STAT`", "`QUIT`"], "answer": {"type": "choice", "correct": 1}}}]
    })");
    file.close();
}

void TestLessonAnswers::cleanup()
{
    m_pane.reset();
    m_session.reset();
    m_lab.reset();
}

LessonPane *TestLessonAnswers::openPane(const QString &learner)
{
    qputenv("POP3LAB_LESSONS_DIR", QFile::encodeName(m_lessons.path()));
    m_pane = std::make_unique<LessonPane>(m_lab.get());
    qunsetenv("POP3LAB_LESSONS_DIR");
    m_pane->setProgressStore(m_dir.filePath(QStringLiteral("progress")), learner);
    m_pane->setLanguage(QStringLiteral("en"));
    m_pane->resize(600, 700);
    m_pane->show();
    m_pane->activateWindow();
    return m_pane.get();
}

void TestLessonAnswers::answeredFromTheKeyboard()
{
    LessonPane *pane = openPane(QStringLiteral("ada"));
    QVERIFY(QTest::qWaitForWindowActive(pane));
    QVERIFY(pane->startLesson(QStringLiteral("91-keys")));
    LessonRunner *runner = pane->runner();
    m_session->start(++m_now);
    QTRY_COMPARE(runner->currentStep(), 1);

    auto *checklist = pane->findChild<QListWidget *>(QStringLiteral("lessonChecklist"));
    auto *skip = pane->findChild<QPushButton *>(QStringLiteral("skipButton"));
    auto *answer = pane->findChild<QLineEdit *>(QStringLiteral("answerEdit"));
    auto *check = pane->findChild<QPushButton *>(QStringLiteral("checkButton"));
    auto *choices = pane->findChild<QComboBox *>(QStringLiteral("choiceBox"));
    auto *result = pane->findChild<QLabel *>(QStringLiteral("answerResult"));
    QVERIFY(checklist && skip && answer && check && choices && result);

    // Enter on a focused lesson button presses it, as Space does.
    skip->setFocus();
    QTRY_VERIFY(skip->hasFocus());
    QTest::keyClick(skip, Qt::Key_Return);
    QCOMPARE(runner->currentStep(), 2);
    // Skipped is not done: its own mark and word, for the eye and for a screen reader.
    const QString skipped = checklist->item(1)->text();
    QVERIFY2(!skipped.startsWith(QStringLiteral("✔")), qPrintable(skipped));
    QVERIFY2(skipped.startsWith(QStringLiteral("↷")), qPrintable(skipped));
    QVERIFY2(skipped.contains(QStringLiteral("skipped")), qPrintable(skipped));
    QVERIFY(checklist->item(1)
                ->data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("skipped"), Qt::CaseInsensitive));
    QVERIFY(checklist->item(0)
                ->data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("done"), Qt::CaseInsensitive));
    QVERIFY(checklist->accessibleDescription().contains(QStringLiteral("↷")));

    // An empty typed answer is no answer: said so, and not counted as a wrong try.
    QTRY_VERIFY(answer->hasFocus());
    QTest::keyClick(answer, Qt::Key_Return);
    QCOMPARE(runner->tries(2), 0);
    QVERIFY2(result->text().contains(QStringLiteral("Type an answer first")),
        qPrintable(result->text()));
    QTest::keyClicks(answer, QStringLiteral("   "));
    QTest::keyClick(answer, Qt::Key_Return);
    QCOMPARE(runner->tries(2), 0);

    // Enter on the focused Check button checks.
    answer->clear();
    QTest::keyClicks(answer, QStringLiteral("STAT"));
    check->setFocus();
    QTRY_VERIFY(check->hasFocus());
    QTest::keyClick(check, Qt::Key_Return);
    QVERIFY(runner->isDone(2));
    QCOMPARE(runner->currentStep(), 3);

    // Enter in the choice box: nothing chosen is refused, a choice is checked.
    QTRY_VERIFY(choices->hasFocus());
    QCOMPARE(choices->currentIndex(), -1);
    QTest::keyClick(choices, Qt::Key_Return);
    QCOMPARE(runner->tries(3), 0);
    QVERIFY2(result->text().contains(QStringLiteral("Pick")), qPrintable(result->text()));
    choices->setCurrentIndex(choices->findData(QStringLiteral("1")));
    QTest::keyClick(choices, Qt::Key_Enter);
    QVERIFY(runner->isDone(3));
    QCOMPARE(runner->currentStep(), -1);
}

// The closed choice list, from the keyboard: Down from nothing chosen is the first choice, Up the
// last; the arrows move one at a time and stop at the ends; Space never opens the list (it
// checks, as Return does); with nothing chosen both say "Pick" and count no wrong try.
void TestLessonAnswers::choicesFromTheKeyboard()
{
    LessonPane *pane = openPane(QStringLiteral("bea"));
    QVERIFY(QTest::qWaitForWindowActive(pane));
    QVERIFY(pane->startLesson(QStringLiteral("91-keys")));
    LessonRunner *runner = pane->runner();
    m_session->start(++m_now);
    QTRY_COMPARE(runner->currentStep(), 1);
    auto *skip = pane->findChild<QPushButton *>(QStringLiteral("skipButton"));
    auto *answer = pane->findChild<QLineEdit *>(QStringLiteral("answerEdit"));
    auto *choices = pane->findChild<QComboBox *>(QStringLiteral("choiceBox"));
    auto *result = pane->findChild<QLabel *>(QStringLiteral("answerResult"));
    QVERIFY(skip && answer && choices && result);
    skip->click();
    QTRY_VERIFY(answer->hasFocus());
    QTest::keyClicks(answer, QStringLiteral("STAT"));
    QTest::keyClick(answer, Qt::Key_Return);
    QCOMPARE(runner->currentStep(), 3);
    QTRY_VERIFY(choices->hasFocus());
    QCOMPARE(choices->count(), 2);

    QCOMPARE(choices->currentIndex(), -1);
    QTest::keyClick(choices, Qt::Key_Space);
    QVERIFY2(!choices->view()->isVisible(), "Space opened the closed list");
    QCOMPARE(runner->tries(3), 0);
    QVERIFY2(result->text().contains(QStringLiteral("Pick")), qPrintable(result->text()));
    QCOMPARE(choices->currentIndex(), -1);

    QTest::keyClick(choices, Qt::Key_Up); // nothing chosen: Up is the last choice
    QCOMPARE(choices->currentIndex(), 1);
    choices->setCurrentIndex(-1);
    QTest::keyClick(choices, Qt::Key_Down); // and Down the first
    QCOMPARE(choices->currentIndex(), 0);
    QTest::keyClick(choices, Qt::Key_Down);
    QCOMPARE(choices->currentIndex(), 1);
    QTest::keyClick(choices, Qt::Key_Down); // the end: it stays
    QCOMPARE(choices->currentIndex(), 1);
    QTest::keyClick(choices, Qt::Key_Up);
    QCOMPARE(choices->currentIndex(), 0);
    QVERIFY(!choices->view()->isVisible());

    // Space on a choice checks it: a wrong one is one wrong try, the right one passes.
    const int right = choices->findData(QStringLiteral("1"));
    choices->setCurrentIndex(1 - right);
    QTest::keyClick(choices, Qt::Key_Space);
    QVERIFY(!choices->view()->isVisible());
    QCOMPARE(runner->tries(3), 1);
    QTest::keyClick(choices, right == 0 ? Qt::Key_Up : Qt::Key_Down);
    QCOMPARE(choices->currentIndex(), right);
    QTest::keyClick(choices, Qt::Key_Space);
    QVERIFY(runner->isDone(3));
}

// The end of a lesson is what the learner reads first: "Lesson complete" and the summary on top,
// in view, before the goals.
void TestLessonAnswers::finishedLessonOpensOnItsSummary()
{
    LessonPane *pane = openPane(QStringLiteral("grace"));
    QVERIFY(pane->startLesson(QStringLiteral("91-keys")));
    LessonRunner *runner = pane->runner();
    m_session->start(++m_now);
    QTRY_COMPARE(runner->currentStep(), 1);
    QVERIFY(runner->skip());
    QVERIFY(runner->answer(QStringLiteral("STAT")).correct);
    QVERIFY(runner->answer(QStringLiteral("1")).correct);
    QCOMPARE(runner->currentStep(), -1);
    pane->startLesson(QStringLiteral("91-keys")); // resumed: the finished view again

    auto *stepView = pane->findChild<QTextBrowser *>(QStringLiteral("stepView"));
    QVERIFY(stepView);
    const QString text = stepView->toPlainText();
    const qsizetype complete = text.indexOf(QStringLiteral("Lesson complete"));
    const qsizetype summary = text.indexOf(QStringLiteral("Well answered"));
    const qsizetype goals = text.indexOf(QStringLiteral("Answer from the keyboard."));
    QVERIFY2(complete >= 0 && summary > complete, qPrintable(text));
    QVERIFY2(goals < 0 || goals > summary, qPrintable(text));
    QCOMPARE(stepView->verticalScrollBar()->value(), 0);
    // Its first lines are the completion, not the lesson's goals.
    QVERIFY2(text.left(complete).count(QLatin1Char('\n')) <= 2, qPrintable(text));
}

// Without a Documents folder the hand-in's dialog opens in the home folder, not in whatever
// folder the program was started from.
void TestLessonAnswers::handInDialogOpensAtHome()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    LessonPane *pane = openPane(QStringLiteral("alan"));
    QVERIFY(pane->startLesson(QStringLiteral("91-keys")));
    auto *exportButton = pane->findChild<QPushButton *>(QStringLiteral("exportButton"));
    QVERIFY(exportButton);
    const auto openedIn = [this, exportButton] {
        QString folder;
        QTimer::singleShot(0, this, [&folder] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            folder = dialog->directory().absolutePath();
            dialog->reject();
        });
        exportButton->click();
        return folder;
    };
    QCOMPARE(openedIn(), QDir(home.path()).absolutePath());
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Documents")));
    QCOMPARE(openedIn(), QDir(home.filePath(QStringLiteral("Documents"))).absolutePath());
    qputenv("HOME", oldHome);
}

QTEST_MAIN(TestLessonAnswers)
#include "tst_lessonanswers.moc"
