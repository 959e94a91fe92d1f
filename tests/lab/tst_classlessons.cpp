// ClassLessons and AnswerServer over real TCP on 127.0.0.1: each student's lesson progress
// advances from that student's own POP3 commands only; the lab answers are checked against each
// student's own mailbox (one of them different); nobody answers for another or without their
// password; the teacher's copy of the results (through the observer stream) and its CSV.

#include "lab/answerserver.h"
#include "lab/classlessons.h"
#include "lab/lab.h"
#include "lab/labresults.h"
#include "lab/observerclient.h"
#include "lab/observerserver.h"
#include "lessons/lessonlibrary.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "support/pop3testclient.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;
using pop3test::Client;

namespace {

// carol's mailbox: three small messages, not the sample's 35.
const QByteArray carolFirst = "Subject: one\r\n\r\nhello\r\n"; // 23 octets
const QByteArray carolSecond = "Subject: two\r\n\r\nhello again\r\n";
const QByteArray carolThird = "Subject: three\r\n\r\nbye\r\n";

struct Classroom
{
    QTemporaryDir dir;
    std::unique_ptr<Lab> lab;
    std::unique_ptr<ObserverServer> observer;
    std::unique_ptr<ClassLessons> lessons;
    std::unique_ptr<AnswerServer> answers;

    bool start()
    {
        const QString carol = dir.filePath(QStringLiteral("carol"));
        QDir().mkpath(carol);
        pop3test::writeFile(carol + QStringLiteral("/1.eml"), carolFirst);
        pop3test::writeFile(carol + QStringLiteral("/2.eml"), carolSecond);
        pop3test::writeFile(carol + QStringLiteral("/3.eml"), carolThird);
        const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
        pop3test::writeFile(accounts,
            "alice \"pass a\" sample:student\n"
            "bob passb sample:student\n"
            "carol passc carol\n");
        lab = std::make_unique<Lab>();
        Lab::Config config;
        config.workspace = dir.filePath(QStringLiteral("ws"));
        config.progressFolder = dir.filePath(QStringLiteral("progress"));
        config.samples = false;
        config.accountsFile = accounts;
        config.listen.port = 0;
        config.listen.loginDelays = false;
        if (!lab->start(config))
            return false;
        observer = std::make_unique<ObserverServer>(lab.get());
        if (!observer->listen(QHostAddress(QHostAddress::LocalHost), 0))
            return false;
        LessonLibrary library;
        library.load(LessonLibrary::defaultFolders());
        const std::optional<Lesson> lesson =
            library.lesson(QStringLiteral("02-count-and-size"), QStringLiteral("en"));
        if (!lesson)
            return false;
        lessons = std::make_unique<ClassLessons>(lab.get());
        if (!lessons->start(*lesson,
                lab->store()->users(),
                dir.filePath(QStringLiteral("class-progress")),
                true))
            return false;
        observer->setClassLessons(lessons.get());
        answers = std::make_unique<AnswerServer>(lab->store(), lessons.get());
        answers->setFailureDelay(20); // the tests need not wait two seconds per wrong password
        return answers->listen(QHostAddress(QHostAddress::LocalHost), 0, lab->server()->port()).ok;
    }

    quint16 pop3Port() const { return lab->server()->port(); }

    int step(const QString &user) const { return lessons->progress(user).step; }

    // Logs in on the answers port; returns the reply to PASS.
    QByteArray logIn(Client &c, const QByteArray &user, const QByteArray &password)
    {
        if (!c.open(answers->port()).startsWith("+OK"))
            return {};
        if (!c.command("USER " + user).startsWith("+OK"))
            return {};
        return c.command("PASS " + password);
    }
};

} // namespace

class TestClassLessons : public QObject
{
    Q_OBJECT

private slots:
    void progressFollowsEachStudentsOwnCommands();
    void answersCheckedAgainstEachOwnMailbox();
    void nobodyAnswersForAnother();
    void neverOnThePop3Port();
    void csvIsExact();
    void answersSurviveARestart();
    void teachersCopyThroughTheStream();
};

void TestClassLessons::progressFollowsEachStudentsOwnCommands()
{
    Classroom room;
    QVERIFY(room.start());
    const Lesson &lesson = room.lessons->lesson();
    const int login = lesson.indexOf(QStringLiteral("login"));
    const int count = lesson.indexOf(QStringLiteral("count"));
    QCOMPARE(room.step(QStringLiteral("alice")), login);
    QSignalSpy progress(room.lessons.get(), &ClassLessons::progressChanged);

    Client alice, bob;
    QVERIFY(alice.open(room.pop3Port()).startsWith("+OK"));
    QVERIFY(bob.open(room.pop3Port()).startsWith("+OK"));
    // bob makes the lab sheet's typo: his session is his all the same, and it ticks nothing.
    QVERIFY(bob.command("USER: bob").startsWith("-ERR"));
    QVERIFY(alice.command("USER alice").startsWith("+OK"));
    QVERIFY(alice.command("PASS pass a").startsWith("+OK"));
    QTRY_COMPARE(room.step(QStringLiteral("alice")), login + 1); // "stat"
    QVERIFY(alice.command("STAT").startsWith("+OK 35 23183"));
    QTRY_COMPARE(room.step(QStringLiteral("alice")), count);
    QCOMPARE(room.step(QStringLiteral("bob")), login);
    QCOMPARE(room.step(QStringLiteral("carol")), login);
    QCOMPARE(room.lessons->runner(QStringLiteral("bob"))->tries(login), 1); // his -ERR

    // Every change was alice's, told once per step.
    QCOMPARE(progress.size(), 2);
    for (const QList<QVariant> &args : progress)
        QCOMPARE(args.at(0).value<StudentProgress>().user, QStringLiteral("alice"));
    const StudentProgress p = room.lessons->progress(QStringLiteral("alice"));
    QCOMPARE(p.stepId, QStringLiteral("count"));
    QCOMPARE(p.done, 2);
    QCOMPARE(p.of, int(lesson.steps.size()));

    // bob logs in as himself now: his own steps tick, alice's stay where they are.
    QVERIFY(bob.command("USER bob").startsWith("+OK"));
    QVERIFY(bob.command("PASS passb").startsWith("+OK"));
    QTRY_COMPARE(room.step(QStringLiteral("bob")), login + 1);
    QCOMPARE(room.step(QStringLiteral("alice")), count);

    // The progress is kept on disk, one file per student (written off the event loop).
    room.lessons->flush();
    QVERIFY(!QDir(room.dir.filePath(QStringLiteral("class-progress")))
                 .entryList(QDir::Files)
                 .isEmpty());
}

void TestClassLessons::answersCheckedAgainstEachOwnMailbox()
{
    Classroom room;
    QVERIFY(room.start());
    Client alice, bob, carol;
    QVERIFY(room.logIn(alice, "alice", "pass a").startsWith("+OK alice"));
    QVERIFY(room.logIn(bob, "bob", "passb").startsWith("+OK bob"));
    QVERIFY(room.logIn(carol, "carol", "passc").startsWith("+OK carol"));

    QCOMPARE(alice.command("ANSWER count 35"), QByteArray("+OK right\r\n"));
    QCOMPARE(alice.command("ANSWER size-1 376 octets"), QByteArray("+OK right\r\n"));
    QCOMPARE(bob.command("ANSWER count 34"), QByteArray("+OK wrong (try 1)\r\n"));
    // carol's mailbox holds 3 messages: the sample's 35 is wrong for her, 3 is right.
    QCOMPARE(carol.command("ANSWER count 35"), QByteArray("+OK wrong (try 1)\r\n"));
    QCOMPARE(carol.command("ANSWER count 3"), QByteArray("+OK right\r\n"));
    QCOMPARE(carol.command("ANSWER size-1 376"), QByteArray("+OK wrong (try 1)\r\n"));
    QCOMPARE(carol.command("ANSWER size-1 " + QByteArray::number(carolFirst.size())),
        QByteArray("+OK right\r\n"));
    QVERIFY(carol.command("ANSWER size-9 1").startsWith("-ERR no question size-9"));

    // alice deletes mail 1 for good: her mailbox now holds 34, and 34 is right for her.
    Client pop;
    QVERIFY(pop.open(room.pop3Port()).startsWith("+OK"));
    QVERIFY(pop.command("USER alice").startsWith("+OK"));
    QVERIFY(pop.command("PASS pass a").startsWith("+OK"));
    QVERIFY(pop.command("DELE 1").startsWith("+OK"));
    QVERIFY(pop.command("QUIT").startsWith("+OK"));
    QVERIFY(pop.waitClosed());
    QCOMPARE(alice.command("ANSWER count 34"), QByteArray("+OK right\r\n"));

    const LabResults &results = room.lessons->results();
    const LabAnswer *a = results.answer(QStringLiteral("alice"), QStringLiteral("count"));
    QVERIFY(a);
    QCOMPARE(a->given, QStringLiteral("34"));
    QCOMPARE(a->expected, QStringLiteral("34"));
    QVERIFY(a->correct);
    QCOMPARE(a->tries, 2);
    const LabAnswer *b = results.answer(QStringLiteral("bob"), QStringLiteral("count"));
    QVERIFY(b && !b->correct);
    QCOMPARE(b->expected, QStringLiteral("35"));
    const LabAnswer *c = results.answer(QStringLiteral("carol"), QStringLiteral("size-1"));
    QVERIFY(c && c->correct);
    QCOMPARE(c->expected, QString::number(carolFirst.size()));
    QCOMPARE(c->tries, 2);
    QCOMPARE(results.rightCount(QStringLiteral("alice")), 2);
    QCOMPARE(results.rightCount(QStringLiteral("bob")), 0);
    QCOMPARE(results.rightCount(QStringLiteral("carol")), 2);
    QCOMPARE(results.answer(QStringLiteral("bob"), QStringLiteral("size-1")), nullptr);
}

void TestClassLessons::nobodyAnswersForAnother()
{
    Classroom room;
    QVERIFY(room.start());
    QSignalSpy answered(room.lessons.get(), &ClassLessons::answered);

    // Without logging in: nothing is taken.
    Client anonymous;
    QVERIFY(anonymous.open(room.answers->port()).startsWith("+OK"));
    QVERIFY(anonymous.command("ANSWER count 35").startsWith("-ERR log in first"));
    QVERIFY(anonymous.command("QUESTIONS").startsWith("-ERR log in first"));
    QVERIFY(anonymous.command("PASS passb").startsWith("-ERR USER first"));

    // bob's name with alice's password, or a wrong one: refused; the third closes.
    Client mallory;
    QVERIFY(mallory.open(room.answers->port()).startsWith("+OK"));
    QVERIFY(mallory.command("USER bob").startsWith("+OK"));
    QCOMPARE(mallory.command("PASS pass a"), QByteArray("-ERR wrong user or password\r\n"));
    QVERIFY(mallory.command("USER bob").startsWith("+OK"));
    QCOMPARE(mallory.command("PASS guess"), QByteArray("-ERR wrong user or password\r\n"));
    QVERIFY(mallory.command("USER bob").startsWith("+OK"));
    QCOMPARE(mallory.command("PASS guess2"), QByteArray("-ERR wrong user or password, bye\r\n"));
    QVERIFY(mallory.waitClosed());

    // Logged in as alice, there is no way to name bob: the answer is alice's.
    Client alice;
    QVERIFY(room.logIn(alice, "alice", "pass a").startsWith("+OK"));
    QVERIFY(alice.command("USER bob").startsWith("-ERR already logged in as alice"));
    QVERIFY(alice.command("ANSWER bob count 35").startsWith("-ERR no question bob"));
    QCOMPARE(alice.command("ANSWER count 35"), QByteArray("+OK right\r\n"));
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).value<LabAnswer>().user, QStringLiteral("alice"));
    QCOMPARE(
        room.lessons->results().answer(QStringLiteral("bob"), QStringLiteral("count")), nullptr);

    // A POP3 account that is no student of the class (none here) or a known user with a password
    // of another account: the same refusal, nothing said about which part was wrong.
    Client stranger;
    QVERIFY(stranger.open(room.answers->port()).startsWith("+OK"));
    QVERIFY(stranger.command("USER nobody").startsWith("+OK"));
    QCOMPARE(stranger.command("PASS passb"), QByteArray("-ERR wrong user or password\r\n"));
}

void TestClassLessons::neverOnThePop3Port()
{
    Classroom room;
    QVERIFY(room.start());
    AnswerServer other(room.lab->store(), room.lessons.get());
    const Result r =
        other.listen(QHostAddress(QHostAddress::LocalHost), room.pop3Port(), room.pop3Port());
    QVERIFY(!r);
    QVERIFY(r.error.contains(QStringLiteral("port of their own")));
}

void TestClassLessons::csvIsExact()
{
    LabResults results;
    results.setQuestions({{QStringLiteral("count"), QStringLiteral("How many?"), {}, {}},
        {QStringLiteral("subject"), QStringLiteral("Subject of mail 3"), {}, {}}});
    results.setStudents({QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")});
    LabAnswer a{QStringLiteral("alice"),
        QStringLiteral("count"),
        QStringLiteral("35"),
        QStringLiteral("35"),
        true,
        1,
        0};
    results.apply(a);
    results.apply({QStringLiteral("alice"),
        QStringLiteral("subject"),
        QStringLiteral("Hello, \"world\""),
        QStringLiteral("Hello, \"world\""),
        true,
        2,
        0});
    results.apply({QStringLiteral("bob"),
        QStringLiteral("count"),
        QStringLiteral("=1+34"),
        QStringLiteral("35 | 34"),
        false,
        3,
        0});
    QCOMPARE(results.toCsv(),
        QByteArray(
            "student,count,count expected,count right,count tries,subject,subject "
            "expected,subject right,subject tries,right,questions\r\n"
            "alice,35,35,yes,1,\"Hello, \"\"world\"\"\",\"Hello, \"\"world\"\"\",yes,2,2,2\r\n"
            "bob,'=1+34,35 | 34,no,3,,,,,0,2\r\n"
            "carol,,,,,,,,,0,2\r\n"));
    // Anonymised names, by row.
    const QByteArray anonymous = results.toCsv([](int row) {
        return QStringLiteral("Student %1").arg(row + 1);
    });
    QVERIFY(anonymous.contains("\r\nStudent 2,'=1+34,"));
    QVERIFY(!anonymous.contains("alice"));
}

void TestClassLessons::answersSurviveARestart()
{
    Classroom room;
    QVERIFY(room.start());
    Client bob;
    QVERIFY(room.logIn(bob, "bob", "passb").startsWith("+OK"));
    QCOMPARE(bob.command("ANSWER count 34"), QByteArray("+OK wrong (try 1)\r\n"));
    QCOMPARE(bob.command("ANSWER total 23183"), QByteArray("+OK right\r\n"));

    // The same class served again (--accounts): the answers are still there ...
    room.lessons->flush(); // on disk, as when the first server has ended
    const QString folder = room.dir.filePath(QStringLiteral("class-progress"));
    ClassLessons again(room.lab.get());
    QVERIFY(again.start(room.lessons->lesson(), room.lab->store()->users(), folder, false));
    const LabAnswer *a = again.results().answer(QStringLiteral("bob"), QStringLiteral("count"));
    QVERIFY(a);
    QCOMPARE(a->given, QStringLiteral("34"));
    QVERIFY(!a->correct);
    QCOMPARE(again.results().rightCount(QStringLiteral("bob")), 1);
    // ... and a new class (--class) starts without them.
    ClassLessons fresh(room.lab.get());
    QVERIFY(fresh.start(room.lessons->lesson(), room.lab->store()->users(), folder, true));
    QCOMPARE(fresh.results().answer(QStringLiteral("bob"), QStringLiteral("count")), nullptr);
}

void TestClassLessons::teachersCopyThroughTheStream()
{
    Classroom room;
    QVERIFY(room.start());
    Client alice;
    QVERIFY(room.logIn(alice, "alice", "pass a").startsWith("+OK"));
    QCOMPARE(alice.command("ANSWER count 35"), QByteArray("+OK right\r\n"));

    // A teacher who joins now gets the lesson, everyone's step and the answer so far ...
    ObserverClient teacher;
    QSignalSpy lesson(&teacher, &ObserverClient::lessonReceived);
    QSignalSpy progress(&teacher, &ObserverClient::progressReceived);
    QSignalSpy answers(&teacher, &ObserverClient::labAnswerReceived);
    teacher.connectTo(QStringLiteral("127.0.0.1"), room.observer->port(), room.observer->token());
    QTRY_COMPARE(answers.size(), 1);
    QCOMPARE(lesson.size(), 1);
    QCOMPARE(lesson.at(0).at(0).toString(), QStringLiteral("02-count-and-size"));
    const auto questions = lesson.at(0).at(4).value<QList<LabQuestion>>();
    QCOMPARE(questions.first().id, QStringLiteral("count"));
    QCOMPARE(progress.size(), 3); // one per student
    // ... and then each change as it happens.
    QCOMPARE(alice.command("ANSWER total 1"), QByteArray("+OK wrong (try 1)\r\n"));
    QTRY_COMPARE(answers.size(), 2);
    const LabAnswer wrong = answers.at(1).at(0).value<LabAnswer>();
    QCOMPARE(wrong.user, QStringLiteral("alice"));
    QCOMPARE(wrong.question, QStringLiteral("total"));
    QCOMPARE(wrong.expected, QStringLiteral("23183"));
    QVERIFY(!wrong.correct);
    Client pop;
    QVERIFY(pop.open(room.pop3Port()).startsWith("+OK"));
    QVERIFY(pop.command("USER carol").startsWith("+OK"));
    QVERIFY(pop.command("PASS passc").startsWith("+OK"));
    QTRY_COMPARE(progress.size(), 4); // the snapshot's three, then carol's login
    const StudentProgress carol = progress.last().at(0).value<StudentProgress>();
    QCOMPARE(carol.user, QStringLiteral("carol"));
    QCOMPARE(carol.stepId, QStringLiteral("stat"));
}

QTEST_GUILESS_MAIN(TestClassLessons)
#include "tst_classlessons.moc"
