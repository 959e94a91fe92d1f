#include "events/eventlog.h"
#include "protocol/clienttracker.h"

#include <QTest>

using namespace pop3;

// The client-side inference must tell the same story as the server's own events for the lab
// sheet, from the bytes alone.
class TestClientTracker : public QObject
{
    Q_OBJECT

private slots:
    void labSheet();
    void multiLineByCommand_data();
    void multiLineByCommand();
    void byteStuffingAndOctets();
    void keysOneAtATime();
    void pipelinedCommands();
    void rsetRestoresMarks();
    void droppedConnectionLosesMarksAndTruncatesBody();
    void saslContinuation();
    void classifiesWithoutLog();

private:
    static QList<EventKind> kinds(const EventLog &log);
};

QList<EventKind> TestClientTracker::kinds(const EventLog &log)
{
    QList<EventKind> list;
    for (const Event &e : log.events())
        list.append(e.kind);
    return list;
}

void TestClientTracker::labSheet()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected(QStringLiteral("127.0.0.1:50000"), QStringLiteral("10.130.25.239:110"));
    QVERIFY(t.session() > 0);
    t.serverBytes("+OK Dovecot ready.\r\n");
    QCOMPARE(t.state(), State::Authorization);
    t.clientBytes("USER: student\r\n");
    t.serverBytes("-ERR Unknown command.\r\n");
    t.clientBytes("user student\r\n");
    t.serverBytes("+OK\r\n");
    t.clientBytes("pass hessovs!\r\n");
    QCOMPARE(t.state(), State::Authorization);
    t.serverBytes("+OK Logged in.\r\n");
    QCOMPARE(t.state(), State::Transaction);
    t.clientBytes("stat\r\n");
    t.serverBytes("+OK 2 320\r\n");
    t.clientBytes("dele 1\r\n");
    t.serverBytes("+OK Marked to be deleted.\r\n");
    QCOMPARE(t.marks(), QSet<int>{1});
    t.clientBytes("quit\r\n");
    t.serverBytes("+OK Logging out, messages deleted.\r\n");
    QCOMPARE(t.state(), State::Update);
    t.disconnected(DisconnectReason::Quit);
    QCOMPARE(t.state(), State::Closed);

    using K = EventKind;
    const QList<K> expected = {K::Note, // the other server, named: its own lifeline in the diagram
        K::Connected,
        K::ServerReply,
        K::StateChanged,
        K::ClientLine,
        K::ServerReply,
        K::ClientLine,
        K::ServerReply,
        K::ClientLine,
        K::ServerReply,
        K::StateChanged,
        K::ClientLine,
        K::ServerReply,
        K::ClientLine,
        K::ServerReply,
        K::MarkedDeleted,
        K::ClientLine,
        K::ServerReply,
        K::StateChanged,
        K::Expunged,
        K::StateChanged,
        K::Disconnected};
    QCOMPARE(kinds(log), expected);
    const QList<Event> events = log.events();
    for (const Event &e : events)
        QCOMPARE(e.session, t.session());
    QCOMPARE(events.at(4).bytes, QByteArray("USER: student\r\n"));
    QCOMPARE(events.at(5).ok, false);
    QCOMPARE(events.at(10).from, State::Authorization);
    QCOMPARE(events.at(10).to, State::Transaction);
    QCOMPARE(events.at(15).number, 1);
    QCOMPARE(events.at(19).numbers, QList<int>{1});
    QCOMPARE(events.at(21).text, QStringLiteral("quit"));
}

void TestClientTracker::multiLineByCommand_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<bool>("multiLine");
    QTest::newRow("LIST without argument has a body") << QByteArray("LIST") << true;
    QTest::newRow("LIST n has none") << QByteArray("list 2") << false;
    QTest::newRow("UIDL without argument has a body") << QByteArray("uidl") << true;
    QTest::newRow("UIDL n has none") << QByteArray("UIDL 1") << false;
    QTest::newRow("RETR has a body") << QByteArray("retr 1") << true;
    QTest::newRow("TOP has a body") << QByteArray("TOP 1 0") << true;
    QTest::newRow("CAPA has a body") << QByteArray("CAPA") << true;
    QTest::newRow("STAT has none") << QByteArray("STAT") << false;
    QTest::newRow("NOOP has none") << QByteArray("NOOP") << false;
}

void TestClientTracker::multiLineByCommand()
{
    QFETCH(QByteArray, command);
    QFETCH(bool, multiLine);
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK ready\r\n");
    t.clientBytes("USER a\r\nPASS b\r\n");
    t.serverBytes("+OK\r\n+OK\r\n");
    t.clientBytes(command + "\r\n");
    const QList<ClientTracker::ServerLine> lines = t.serverBytes("+OK x\r\n1 2\r\n.\r\n");
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).role, ClientTracker::LineRole::Status);
    QCOMPARE(lines.at(1).role,
        multiLine ? ClientTracker::LineRole::Body : ClientTracker::LineRole::Status);
    QCOMPARE(lines.at(2).role,
        multiLine ? ClientTracker::LineRole::Terminator : ClientTracker::LineRole::Status);
    QCOMPARE(log.events().last().kind == EventKind::ServerReply && log.events().last().multiLine,
        multiLine);
}

void TestClientTracker::byteStuffingAndOctets()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK\r\n");
    t.clientBytes("retr 1\r\n");
    const auto lines = t.serverBytes("+OK 12 octets\r\nab\r\n..dot\r\n");
    QCOMPARE(lines.at(2).stuffed, true);
    QVERIFY(t.inBody());
    t.serverBytes(".\r\n");
    QVERIFY(!t.inBody());
    const Event reply = log.events().last();
    QCOMPARE(reply.kind, EventKind::ServerReply);
    QVERIFY(reply.multiLine);
    QCOMPARE(reply.lines, 2);
    QCOMPARE(reply.octets, qint64(4 + 6)); // "ab\r\n" + ".dot\r\n": the stuffing dot not counted
    QCOMPARE(reply.body, QByteArray("ab\r\n..dot\r\n"));
    QCOMPARE(reply.bytes, QByteArray("+OK 12 octets\r\n"));
}

void TestClientTracker::keysOneAtATime()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    for (char c : QByteArray("usx\bser a\r\n"))
        t.clientBytes(QByteArray(1, c));
    const QList<Event> events = log.events();
    QCOMPARE(events.size(), 3); // remote-server note, connected, the line
    QCOMPARE(events.at(0).note, NoteKind::RemoteServer);
    QCOMPARE(events.at(2).kind, EventKind::ClientLine);
    QCOMPARE(events.at(2).bytes, QByteArray("usx\bser a\r\n"));
}

void TestClientTracker::pipelinedCommands()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK\r\n");
    t.clientBytes("USER a\r\nPASS b\r\nLIST\r\nSTAT\r\n");
    t.serverBytes("+OK\r\n+OK in\r\n+OK 1 messages\r\n1 20\r\n.\r\n+OK 1 20\r\n");
    QCOMPARE(t.state(), State::Transaction);
    QCOMPARE(log.events().last().bytes, QByteArray("+OK 1 20\r\n"));
    QVERIFY(!log.events().last().multiLine);
}

void TestClientTracker::rsetRestoresMarks()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK\r\n");
    t.clientBytes("USER a\r\nPASS b\r\nDELE 2\r\nDELE 1\r\nDELE 9\r\nRSET\r\n");
    t.serverBytes("+OK\r\n+OK\r\n+OK\r\n+OK\r\n-ERR no such message\r\n+OK\r\n");
    const Event last = log.events().last();
    QCOMPARE(last.kind, EventKind::MarksReset);
    QCOMPARE(last.numbers, (QList<int>{1, 2}));
    QVERIFY(t.marks().isEmpty());
}

void TestClientTracker::droppedConnectionLosesMarksAndTruncatesBody()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK\r\n");
    t.clientBytes("USER a\r\nPASS b\r\nDELE 1\r\nRETR 2\r\n");
    t.serverBytes("+OK\r\n+OK\r\n+OK\r\n+OK\r\nhalf a mess");
    QCOMPARE(t.partialServerLine(), QByteArray("half a mess"));
    t.disconnected(DisconnectReason::PeerClosed, QStringLiteral("connection closed by server"));
    const QList<Event> events = log.events();
    QCOMPARE(events.last().kind, EventKind::Disconnected);
    QCOMPARE(events.last().text, QStringLiteral("peer-closed"));
    QCOMPARE(events.at(events.size() - 3).kind, EventKind::ServerReply);
    QVERIFY(events.at(events.size() - 3).truncated);
    for (const Event &e : events)
        QVERIFY(e.kind != EventKind::Expunged);
    QVERIFY(t.marks().isEmpty());
}

void TestClientTracker::saslContinuation()
{
    EventLog log;
    ClientTracker t(&log);
    t.connected({}, {});
    t.serverBytes("+OK\r\n");
    t.clientBytes("AUTH PLAIN\r\n");
    const auto lines = t.serverBytes("+ \r\n");
    QCOMPARE(lines.at(0).role, ClientTracker::LineRole::Continuation);
    t.clientBytes("AGEAYg==\r\n");
    t.serverBytes("+OK Logged in.\r\n");
    QCOMPARE(t.state(), State::Transaction);
}

void TestClientTracker::classifiesWithoutLog()
{
    ClientTracker t;
    t.connected({}, {});
    QCOMPARE(t.session(), 0);
    auto lines = t.serverBytes("+OK Dovecot ready.\r\n");
    QCOMPARE(lines.at(0).ok, true);
    t.clientBytes("list\n"); // netcat: a bare LF
    lines = t.serverBytes("+OK 1 messages:\r\n1 376\r\n.\r\n");
    QCOMPARE(lines.at(1).role, ClientTracker::LineRole::Body);
    QCOMPARE(lines.at(2).role, ClientTracker::LineRole::Terminator);
}

QTEST_GUILESS_MAIN(TestClientTracker)
#include "tst_clienttracker.moc"
