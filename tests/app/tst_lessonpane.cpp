// The lessons dock driven as a student would: pick a lesson, type into a session, watch the
// tick, answer right and wrong, meet a mistake, export the hand-in.

#include "app/lessons/lessonpane.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace pop3;

class TestLessonPane final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pickDriveAnswerAndExport();
    void frenchFollowsTheLanguage();
    void showsTheLabsRunner();

private:
    void type(const QByteArray &line)
    {
        Pop3Session::Reply reply = m_session->handleLine(line + "\r\n", ++m_now);
        reply.drain();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;
    Personality m_personality;
    std::unique_ptr<Pop3Session> m_session;
    qint64 m_now = 1'700'000'000'000;
};

void TestLessonPane::init()
{
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
    QVERIFY(result->text().startsWith(QStringLiteral("✔")));
    QVERIFY(checklist->item(2)->text().startsWith(QStringLiteral("✔")));

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
    QVERIFY(pane.startLesson(QStringLiteral("01-connect-and-login")));
    QCOMPARE(pane.runner()->lesson().language, QStringLiteral("fr"));
    m_session->start(++m_now);
    type("USER: student");
    auto *feedback = pane.findChild<QTextBrowser *>(QStringLiteral("lessonFeedback"));
    QTRY_VERIFY(feedback->toPlainText().contains(QStringLiteral("deux-points")));
    pane.setLanguage(QStringLiteral("de")); // no German lesson: English
    QCOMPARE(pane.runner()->lesson().language, QStringLiteral("en"));
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

QTEST_MAIN(TestLessonPane)
#include "tst_lessonpane.moc"
