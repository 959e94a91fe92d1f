// The one per-session fold (protocol/sessionfold.h) that the diagram, the lessons and the maildrop
// pane read: fed the events of real sessions (against an in-memory mailbox), it must tell each
// session's state, user, lock, marks, and what a dropped connection loses.

#include "events/eventlog.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/sessionfold.h"
#include "support/memorymailbox.h"

#include <QTest>

using namespace pop3;

namespace {

const QByteArray message = "Subject: hi\r\n\r\nbody\r\n";

struct Bench
{
    EventLog log;
    pop3test::MemoryMailbox mailbox;
    Personality personality = *Personality::load(QStringLiteral("dovecot"));
    SessionFold fold;
    QList<FoldStep> steps; // one per event, in order
    std::vector<std::unique_ptr<Pop3Session>> sessions;

    Bench()
    {
        mailbox.addAccount(
            QStringLiteral("student"), QStringLiteral("pw"), {message, message, message});
        mailbox.addAccount(QStringLiteral("other"), QStringLiteral("pw"), {message});
        QObject::connect(&log, &EventLog::eventAppended, &log, [this](const Event &e) {
            steps.append(fold.apply(e));
        });
    }

    Pop3Session *open()
    {
        const int id = int(sessions.size()) + 1;
        sessions.push_back(std::make_unique<Pop3Session>(&log,
            &mailbox,
            &personality,
            id,
            Pop3Session::Peer{QStringLiteral("127.0.0.1:%1").arg(4000 + id),
                QStringLiteral("127.0.0.1:110"),
                QStringLiteral("localhost")}));
        sessions.back()->start(1000);
        return sessions.back().get();
    }

    static void send(Pop3Session *s, const QByteArray &line)
    {
        s->handleLine(line + "\r\n", 2000).drain();
    }
};

} // namespace

class TestSessionFold : public QObject
{
    Q_OBJECT

private slots:
    void followsALogin();
    void dropLosesTheMarksQuitDoesNot();
    void twoSessionsEachTheirOwnState();
    void repliesAnswerTheirCommands();
    void saslResponseIsNotACommand();
    void lockUserFromOldTraces();
};

void TestSessionFold::followsALogin()
{
    Bench b;
    Pop3Session *s = b.open();
    const SessionFacts *facts = b.fold.session(1);
    QVERIFY(facts);
    QVERIFY(facts->open);
    QCOMPARE(facts->state, State::Authorization);
    QCOMPARE(facts->greeting.left(3), QByteArray("+OK"));
    Bench::send(s, "USER student");
    QCOMPARE(facts->namedUser, QStringLiteral("student"));
    QCOMPARE(facts->user, QString());
    Bench::send(s, "PASS pw");
    QCOMPARE(facts->state, State::Transaction);
    QCOMPARE(facts->user, QStringLiteral("student"));
    QVERIFY(facts->holdsLock);
    QCOMPARE(facts->lockPath, QStringLiteral("mem:student.lock"));
    QCOMPARE(b.fold.lockHolder(QStringLiteral("student")), 1);
    Bench::send(s, "DELE 3");
    Bench::send(s, "DELE 1");
    QCOMPARE(facts->marks, (QList<int>{3, 1}));
    Bench::send(s, "RSET");
    QVERIFY(facts->marks.isEmpty());
}

void TestSessionFold::dropLosesTheMarksQuitDoesNot()
{
    Bench b;
    Pop3Session *dropped = b.open();
    Bench::send(dropped, "USER student");
    Bench::send(dropped, "PASS pw");
    Bench::send(dropped, "DELE 2");
    dropped->end(DisconnectReason::PeerClosed, 3000);
    QVERIFY(!b.fold.session(1)->open);
    QCOMPARE(b.fold.session(1)->state, State::Closed);
    QCOMPARE(b.fold.lockHolder(QStringLiteral("student")), 0);
    QList<QList<int>> lost;
    for (const FoldStep &step : std::as_const(b.steps)) {
        if (!step.lostMarks.isEmpty())
            lost.append(step.lostMarks);
    }
    // The lock is removed without UPDATE, then the connection ends: both say message 2 stays.
    QCOMPARE(lost, (QList<QList<int>>{{2}, {2}}));

    b.steps.clear();
    Pop3Session *quit = b.open();
    Bench::send(quit, "USER student");
    Bench::send(quit, "PASS pw");
    Bench::send(quit, "DELE 2");
    Bench::send(quit, "QUIT");
    quit->end(DisconnectReason::Quit, 3000);
    for (const FoldStep &step : std::as_const(b.steps))
        QVERIFY(step.lostMarks.isEmpty());
    QCOMPARE(b.mailbox.snapshot(QStringLiteral("student")).size(), 2);
}

void TestSessionFold::twoSessionsEachTheirOwnState()
{
    Bench b;
    Pop3Session *a = b.open();
    Bench::send(a, "USER student");
    Bench::send(a, "PASS pw");
    Pop3Session *c = b.open();
    QCOMPARE(b.fold.session(1)->state, State::Transaction);
    QCOMPARE(b.fold.session(2)->state, State::Authorization);
    Bench::send(c, "USER student");
    Bench::send(c, "PASS pw"); // [IN-USE]
    QVERIFY(b.fold.session(2)->lockRefused);
    QCOMPARE(b.fold.session(2)->state, State::Authorization);
    QCOMPARE(b.fold.lockHolder(QStringLiteral("student")), 1);
    QCOMPARE(b.fold.openSessions(), (QList<int>{1, 2}));
}

void TestSessionFold::repliesAnswerTheirCommands()
{
    Bench b;
    Pop3Session *s = b.open();
    Bench::send(s, "USER: student");
    const FoldStep &reply = b.steps.last();
    QVERIFY(reply.answersCommand);
    QCOMPARE(reply.command.keyword, QByteArray("USER:"));
    QCOMPARE(reply.command.command, Command::Unknown);
    Bench::send(s, "USER student");
    Bench::send(s, "PASS pw");
    Bench::send(s, "retr 2");
    bool sawRetrReply = false;
    for (const FoldStep &step : std::as_const(b.steps)) {
        if (step.answersCommand && step.command.command == Command::Retr) {
            QCOMPARE(step.command.number(), 2);
            sawRetrReply = true;
        }
    }
    QVERIFY(sawRetrReply);
    QVERIFY(b.fold.session(1)->pending.empty());
}

void TestSessionFold::saslResponseIsNotACommand()
{
    Bench b;
    Pop3Session *s = b.open();
    Bench::send(s, "AUTH PLAIN");
    Bench::send(s, QByteArray("\0student\0pw", 11).toBase64());
    const FoldStep *response = nullptr;
    for (const FoldStep &step : std::as_const(b.steps)) {
        if (step.command.continuation && !step.answersCommand)
            response = &step;
    }
    QVERIFY(response);
    QCOMPARE(response->command.command, Command::Auth);
    QCOMPARE(b.fold.session(1)->state, State::Transaction);
    QCOMPARE(b.fold.session(1)->user, QStringLiteral("student"));
}

void TestSessionFold::lockUserFromOldTraces()
{
    Event e;
    e.kind = EventKind::LockCreated;
    e.text = QStringLiteral("/ws/mail/barakirs.lock");
    QCOMPARE(lockEventUser(e), QStringLiteral("barakirs"));
    e.user = QStringLiteral("student");
    QCOMPARE(lockEventUser(e), QStringLiteral("student"));
}

QTEST_GUILESS_MAIN(TestSessionFold)
#include "tst_sessionfold.moc"
