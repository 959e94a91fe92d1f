// The one command table (protocol/commands.h) and the session that answers by it must agree: a
// command the table allows in a state is handled there, one it does not allow gets the
// wrong-state answer, one it does not know (or LAST, removed from the standard) the unknown
// answer, and a +OK reply has a body exactly when the table says multi-line. Sessions here run
// against an in-memory MailboxAccess: no disk at all.

#include "events/eventlog.h"
#include "protocol/commands.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "support/memorymailbox.h"

#include <QTest>

using namespace pop3;
using pop3test::MemoryMailbox;

namespace {

const QByteArray message1 = "From: a@example.org\r\nSubject: one\r\n\r\nfirst line\r\nsecond\r\n";
const QByteArray message2 = "From: b@example.org\r\nSubject: two\r\n\r\n.dot-started line\r\n";

// A plausible line for each command, so its handler (not the argument check) answers.
QByteArray probeLine(const CommandSpec &spec)
{
    switch (spec.command) {
    case Command::User:
        return "USER student";
    case Command::Pass:
        return "PASS secret";
    case Command::Apop:
        return "APOP student 0123456789abcdef0123456789abcdef";
    case Command::Auth:
        return "AUTH PLAIN";
    case Command::List:
    case Command::Uidl:
    case Command::Retr:
    case Command::Dele:
        return QByteArray(spec.keyword) + " 1";
    case Command::Top:
        return "TOP 1 0";
    default:
        return spec.keyword;
    }
}

struct Bench
{
    EventLog log;
    MemoryMailbox mailbox;
    Personality personality;
    std::unique_ptr<Pop3Session> session;

    explicit Bench(const QString &personalityId)
    {
        personality = *Personality::load(personalityId);
        mailbox.addAccount(
            QStringLiteral("student"), QStringLiteral("secret"), {message1, message2});
        session = std::make_unique<Pop3Session>(&log,
            &mailbox,
            &personality,
            1,
            Pop3Session::Peer{QStringLiteral("127.0.0.1:5000"),
                QStringLiteral("127.0.0.1:110"),
                QStringLiteral("localhost")});
        session->start(1000);
    }

    Pop3Session::Reply send(const QByteArray &line)
    {
        return session->handleLine(line + "\r\n", 2000);
    }

    bool login()
    {
        send("USER student");
        return send("PASS secret").head.startsWith("+OK") && session->state() == State::Transaction;
    }

    QByteArray text(const char *key, const QByteArray &cmd) const
    {
        return personality
            .text(QString::fromLatin1(key), {{QStringLiteral("cmd"), QString::fromLatin1(cmd)}})
            .toUtf8();
    }
};

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private slots:
    void tableIsWellFormed();
    void tableAndSessionAgree_data();
    void tableAndSessionAgree();
    void lastIsUnknownInEveryState();
    void multiLineAsTheTableSays_data();
    void multiLineAsTheTableSays();
    void parseSplitsAsTheServerDoes();
    void oneSpellingOfControlBytes();
    void sessionRunsWithoutDisk();
    void secretOffsetFindsTheCredential_data();
    void secretOffsetFindsTheCredential();
    void sessionMarksEveryCredential();
    void overlongSaslResponseEndsTheExchange();
};

void TestCommands::tableIsWellFormed()
{
    QSet<QByteArray> seen;
    for (const CommandSpec &spec : commandTable()) {
        const QByteArray k = spec.keyword;
        QVERIFY2(!k.isEmpty() && k.size() <= 4 && k == k.toUpper(), k.constData());
        QVERIFY2(!seen.contains(k), k.constData());
        seen.insert(k);
        QCOMPARE(findCommand(k), &spec);
        QCOMPARE(findCommand(k.toLower()), &spec);
        QCOMPARE(commandKeyword(spec.command), QString::fromLatin1(k));
        QVERIFY2(QByteArray(spec.rfc).startsWith("RFC "), k.constData());
        QVERIFY(spec.maxArgs == -1 || spec.maxArgs >= spec.minArgs);
        QVERIFY2(!spec.historic || (!spec.authorization && !spec.transaction), k.constData());
    }
    QCOMPARE(findCommand("USER:"), nullptr);
    QCOMPARE(findCommand("XTND"), nullptr);
    QCOMPARE(commandKeyword(Command::Unknown), QString());
}

void TestCommands::tableAndSessionAgree_data()
{
    QTest::addColumn<QString>("personality");
    // base words "valid after login" and "Unknown command" differently: the two answers are told
    // apart. Dovecot words them the same, so only the base personalities are used here.
    QTest::newRow("base") << QStringLiteral("base");
    QTest::newRow("rfc1939") << QStringLiteral("rfc1939");
}

void TestCommands::tableAndSessionAgree()
{
    QFETCH(QString, personality);
    for (const CommandSpec &spec : commandTable()) {
        const QByteArray line = probeLine(spec);
        for (const State state : {State::Authorization, State::Transaction}) {
            Bench bench(personality);
            if (state == State::Transaction)
                QVERIFY(bench.login());
            const QByteArray head = bench.send(line).head;
            const bool auth = state == State::Authorization;
            const QByteArray unknown = "-ERR "
                + bench.text(auth ? "unknown.auth" : "unknown.transaction", spec.keyword) + "\r\n";
            const QByteArray wrongState = "-ERR "
                + bench.text(auth ? "wrongState.auth" : "wrongState.transaction", spec.keyword)
                + "\r\n";
            const QByteArray what = line + " in " + stateName(state).toLatin1() + ": " + head;
            if (spec.historic || !bench.personality.offers(spec.command))
                QVERIFY2(head == unknown, what.constData());
            else if (spec.allowedIn(state))
                QVERIFY2(head != unknown && head != wrongState, what.constData());
            else
                QVERIFY2(head == wrongState, what.constData());
        }
    }
}

void TestCommands::lastIsUnknownInEveryState()
{
    // It used to be "only valid after login" before login and "Unknown command" after it.
    Bench before(QStringLiteral("base"));
    QCOMPARE(before.send("LAST").head, QByteArray("-ERR Unknown command: LAST\r\n"));
    Bench after(QStringLiteral("base"));
    QVERIFY(after.login());
    QCOMPARE(after.send("LAST").head, QByteArray("-ERR Unknown command: LAST\r\n"));
}

void TestCommands::multiLineAsTheTableSays_data()
{
    QTest::addColumn<QByteArray>("line");
    for (const char *line : {"CAPA",
             "STAT",
             "LIST",
             "LIST 1",
             "UIDL",
             "UIDL 2",
             "RETR 2",
             "TOP 1 1",
             "NOOP",
             "DELE 1",
             "RSET"})
        QTest::newRow(line) << QByteArray(line);
}

void TestCommands::multiLineAsTheTableSays()
{
    QFETCH(QByteArray, line);
    Bench bench(QStringLiteral("dovecot"));
    QVERIFY(bench.login());
    const CommandLine parsed = parseCommandLine(line);
    QVERIFY(parsed.spec);
    Pop3Session::Reply reply = bench.send(line);
    QVERIFY2(reply.head.startsWith("+OK"), reply.head.constData());
    QCOMPARE(reply.body != nullptr, parsed.spec->repliesMultiLine(!parsed.args.isEmpty()));
}

void TestCommands::parseSplitsAsTheServerDoes()
{
    CommandLine c = parseCommandLine("top 3  10\r\n");
    QCOMPARE(c.keyword, QByteArray("TOP"));
    QCOMPARE(c.command(), Command::Top);
    QCOMPARE(c.args, (QList<QByteArray>{"3", "10"}));
    QCOMPARE(c.number(), 3);
    c = parseCommandLine("PASS my secret words\n");
    QCOMPARE(c.command(), Command::Pass);
    QCOMPARE(c.rest, QByteArray("my secret words"));
    QVERIFY(c.spec->secret);
    c = parseCommandLine("USER: student\r\n");
    QCOMPARE(c.keyword, QByteArray("USER:"));
    QCOMPARE(c.command(), Command::Unknown);
    QCOMPARE(parseCommandLine("dele x").number(), 0);
}

void TestCommands::oneSpellingOfControlBytes()
{
    // The same key press (Backspace, byte 0x08) reads the same in the terminal, the lesson coach
    // and the diagram: \x08, as the server's own error names it "0x08 (Backspace)".
    const QByteArray typed = "usx\x08"
                             "er\tstudent\x7f\r\n";
    QCOMPARE(escapeControls(typed), QStringLiteral("usx\\x08er\\tstudent\\x7F\\r\\n"));
    EscapeOptions terminal;
    terminal.keepTab = true;
    QCOMPARE(escapeControls(typed, terminal), QStringLiteral("usx\\x08er\tstudent\\x7F\\r\\n"));
    EscapeOptions diagram;
    diagram.dropLineEnding = true;
    diagram.maxChars = 5;
    QCOMPARE(escapeControls(typed, diagram), QStringLiteral("usx\\x08..."));
    EscapeOptions exact;
    exact.escapeBackslash = true;
    QCOMPARE(escapeControls(QByteArray("a\\b"), exact), QStringLiteral("a\\\\b"));
    QCOMPARE(escapeControls(QByteArray("caf\xc3\xa9")), QStringLiteral("café"));
}

void TestCommands::sessionRunsWithoutDisk()
{
    Bench bench(QStringLiteral("dovecot"));
    QVERIFY(bench.login());
    QCOMPARE(bench.mailbox.lockHolder(QStringLiteral("student")), 1);
    QCOMPARE(bench.send("STAT").head,
        QByteArray("+OK 2 " + QByteArray::number(message1.size() + message2.size()) + "\r\n"));
    Pop3Session::Reply retr = bench.send("RETR 2");
    QCOMPARE(retr.drain(),
        "+OK " + QByteArray::number(message2.size()) + " octets\r\n"
            + "From: b@example.org\r\nSubject: two\r\n\r\n..dot-started line\r\n.\r\n");
    QVERIFY(bench.send("DELE 1").head.startsWith("+OK"));
    QVERIFY(bench.send("QUIT").head.startsWith("+OK"));
    QCOMPARE(bench.mailbox.lockHolder(QStringLiteral("student")), 0);
    QCOMPARE(bench.mailbox.snapshot(QStringLiteral("student")).size(), 1);
}

void TestCommands::secretOffsetFindsTheCredential_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("sasl");
    QTest::addColumn<int>("offset");
    QTest::newRow("PASS") << QByteArray("PASS hessovs!\r\n") << false << 5;
    QTest::newRow("pass, lower case, two spaces") << QByteArray("pass  a b\r\n") << false << 6;
    QTest::newRow("PASS alone") << QByteArray("PASS\r\n") << false << -1;
    QTest::newRow("APOP keeps the user") << QByteArray("APOP student 0123abcd\r\n") << false << 13;
    QTest::newRow("APOP without digest") << QByteArray("APOP student\r\n") << false << -1;
    QTest::newRow("AUTH keeps the mechanism")
        << QByteArray("AUTH PLAIN AHN0dWRlbnQAaGVzc292cyE=\r\n") << false << 11;
    QTest::newRow("AUTH without response") << QByteArray("AUTH LOGIN\r\n") << false << -1;
    QTest::newRow("USER is not secret") << QByteArray("USER student\r\n") << false << -1;
    QTest::newRow("RETR is not secret") << QByteArray("RETR 1\r\n") << false << -1;
    QTest::newRow("a SASL response") << QByteArray("c3R1ZGVudA==\r\n") << true << 0;
    QTest::newRow("a SASL cancel") << QByteArray("*\r\n") << true << -1;
}

void TestCommands::secretOffsetFindsTheCredential()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, sasl);
    QFETCH(int, offset);
    QCOMPARE(secretOffset(line, sasl), qsizetype(offset));
}

void TestCommands::sessionMarksEveryCredential()
{
    // Every line that carries a credential says where, so that saved copies can hide it; the
    // hidden copy keeps the keyword (and the user of APOP, the mechanism of AUTH).
    Bench bench(QStringLiteral("dovecot"));
    bench.send("USER student");
    bench.send("PASS wrong one");
    bench.send("AUTH LOGIN");
    bench.send("c3R1ZGVudA==");
    bench.send("c2VjcmV0");
    QCOMPARE(bench.session->state(), State::Transaction);
    QStringList hidden;
    for (const Event &e : bench.log.events()) {
        if (e.kind == EventKind::ClientLine)
            hidden.append(QString::fromUtf8(e.withoutSecret().bytes));
    }
    QCOMPARE(hidden,
        QStringList({QStringLiteral("USER student\r\n"),
            QStringLiteral("PASS ********\r\n"),
            QStringLiteral("AUTH LOGIN\r\n"),
            QStringLiteral("********\r\n"),
            QStringLiteral("********\r\n")}));
    for (const Event &e : bench.log.events()) {
        const QByteArray saved = EventLog::toJsonLine(e.withoutSecret());
        QVERIFY2(!saved.contains("secret") || saved.contains("secretFrom"), saved.constData());
        QVERIFY(!saved.contains("c2VjcmV0"));
        QVERIFY(!saved.contains("wrong one"));
    }
}

void TestCommands::overlongSaslResponseEndsTheExchange()
{
    // A SASL response too long for the line buffer is refused and ends the exchange: the next
    // lines are commands again, never read as the user name and password (RFC 5034 §4).
    Bench bench(QStringLiteral("dovecot"));
    QCOMPARE(bench.send("AUTH LOGIN").head, QByteArray("+ VXNlcm5hbWU6\r\n"));
    const Pop3Session::Reply cut =
        bench.session->handleOverlongLine(QByteArray(64, 'A'), 90000, 2000);
    QVERIFY(cut.head.startsWith("-ERR"));
    QCOMPARE(bench.log.at(bench.log.size() - 2).secretFrom, qsizetype(0));
    QVERIFY(!bench.send("c3R1ZGVudA==").head.startsWith("+ "));
    bench.send("c2VjcmV0");
    QCOMPARE(bench.session->state(), State::Authorization);
    QCOMPARE(bench.send("NOOP").head, QByteArray("-ERR Unknown command.\r\n"));
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
