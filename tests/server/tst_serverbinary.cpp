// The real pop3lab-server binary, run with QProcess in a temporary workspace on 127.0.0.1 port 0:
// its options, its one-line errors, the mailbox formats, the workspace copy and signals.

#include "events/eventlog.h"
#include "support/pop3testclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using pop3test::Client;
using pop3test::ServerProcess;

namespace {

const QByteArray messageA =
    "From: Marta Lindqvist <m.lindqvist@example.edu>\nTo: student@lab.example.edu\n"
    "Subject: first\n\nHello.\n.a line that starts with a dot\n..two dots\n";
const QByteArray messageB =
    "From: Tom <tom@example.edu>\nSubject: second\n\n"
    "From the start of this line, an mbox must quote it.\n>From quoted once\nbye\n";
const QByteArray messageC =
    "From: Ana <ana@example.edu>\r\nSubject: third, CRLF\r\n\r\nNo newline at the end";

QByteArray retrReply(const QByteArray &content)
{
    return "+OK " + QByteArray::number(pop3test::crlfLines(content).size()) + " octets\r\n"
        + pop3test::wireBody(content);
}

QString copyDir(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &name : QDir(from).entryList(QDir::Files))
        QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name));
    return to;
}

int countFiles(const QString &dir, const QString &pattern = QStringLiteral("*.eml"))
{
    return int(QDir(dir).entryList({pattern}, QDir::Files).size());
}

} // namespace

class TestServerBinary : public QObject
{
    Q_OBJECT

private slots:
    void helpAndVersion();
    void badCommandLine_data();
    void badCommandLine();
    void portInUse();
    void mailboxFormats_data();
    void mailboxFormats();
    void accountsFileServesAClass();
    void inPlaceChangesTheOriginalDefaultNever();
    void resetStartsFromAFreshCopy();
    void personalityUwIpop3d();
    void traceIsJsonLines();
    void traceHidesCredentialsUnlessAsked();
    void passwordFromAFileOrTheEnvironment_data();
    void passwordFromAFileOrTheEnvironment();
    void controlSocketInjectsFaults();
    void controlCrashEndsTheProcessAndTheNextStartReportsTheLock();
    void idleTimeoutOption();
    void connectionsStayBelowTheDescriptorLimit();
    void clientsResettingWithRepliesQueued();
    void signalStopsCleanly_data();
    void signalStopsCleanly();
    void signalLeavesStandardErrorEmpty_data();
    void signalLeavesStandardErrorEmpty();

private:
    QTemporaryDir m_dir;
};

void TestServerBinary::helpAndVersion()
{
    const pop3test::RunResult help = pop3test::runServer({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(!help.crashed);
    for (const char *option : {"--listen",
             "--mailbox",
             "--user",
             "--password",
             "--accounts",
             "--personality",
             "--workspace",
             "--reset",
             "--in-place",
             "--trace",
             "--control",
             "--idle-timeout",
             "--single-thread",
             "--version"})
        QVERIFY2(help.out.contains(option), option);
    const pop3test::RunResult version = pop3test::runServer({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QByteArray("pop3lab-server " POP3LAB_VERSION "\n"));
}

void TestServerBinary::badCommandLine_data()
{
    const QString d = m_dir.path();
    pop3test::writeFile(d + QStringLiteral("/notes.txt"), "hello, not an mbox\n");
    QDir().mkpath(d + QStringLiteral("/photos"));
    pop3test::writeFile(d + QStringLiteral("/photos/cat.jpg"), "\xff\xd8\xff");
    pop3test::writeFile(d + QStringLiteral("/bad-accounts.txt"), "alice secret\n");
    pop3test::writeFile(
        d + QStringLiteral("/missing-accounts.txt"), "alice secret nowhere/alice\n");

    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named"); // what the one-line error must name
    QTest::newRow("an unknown option")
        << QStringList{"--frobnicate"} << QStringLiteral("frobnicate");
    QTest::newRow("an option without its value")
        << QStringList{"--mailbox"} << QStringLiteral("mailbox");
    QTest::newRow("a stray argument") << QStringList{"student"} << QStringLiteral("student");
    QTest::newRow("a mailbox that does not exist")
        << QStringList{"--mailbox", d + "/nowhere", "--user", "a", "--password", "b"}
        << d + "/nowhere";
    QTest::newRow("a file that is not an mbox")
        << QStringList{"--mailbox", d + "/notes.txt", "--user", "a", "--password", "b"}
        << d + "/notes.txt";
    QTest::newRow("a folder that is no mailbox")
        << QStringList{"--mailbox", d + "/photos", "--user", "a", "--password", "b"}
        << d + "/photos";
    QTest::newRow("--mailbox without --user")
        << QStringList{"--mailbox", d + "/photos"} << QStringLiteral("--user");
    QTest::newRow("--user without --mailbox")
        << QStringList{"--user", "a", "--password", "b"} << QStringLiteral("--mailbox");
    QTest::newRow("--in-place without --mailbox")
        << QStringList{"--in-place"} << QStringLiteral("--in-place");
    QTest::newRow("a listen address without a port")
        << QStringList{"--listen", "127.0.0.1"} << QStringLiteral("--listen");
    QTest::newRow("a port out of range")
        << QStringList{"--listen", "127.0.0.1:70000"} << QStringLiteral("70000");
    QTest::newRow("an idle timeout that is no number")
        << QStringList{"--idle-timeout", "soon"} << QStringLiteral("soon");
    QTest::newRow("an unknown personality")
        << QStringList{"--personality", "exchange"} << QStringLiteral("exchange");
    QTest::newRow("an accounts file that does not exist")
        << QStringList{"--accounts", d + "/none.txt"} << d + "/none.txt";
    QTest::newRow("an accounts line without its mailbox")
        << QStringList{"--accounts", d + "/bad-accounts.txt"} << d + "/bad-accounts.txt:1";
    QTest::newRow("an accounts line naming a missing mailbox") << QStringList{
        "--accounts", d + "/missing-accounts.txt"} << QStringLiteral("nowhere/alice");
    pop3test::writeFile(d + QStringLiteral("/hostile-accounts.txt"),
        "alice pw sample:student\n.. pw sample:barakirs\n");
    QDir().mkpath(d + QStringLiteral("/Maildir/cur"));
    pop3test::writeFile(
        d + QStringLiteral("/Maildir/cur/1788000000.M1P1.lab:2,"), "Subject: x\n\nx\n");
    QTest::newRow("a user named ..")
        << QStringList{"--mailbox", d + "/Maildir", "--user", "..", "--password", "b"}
        << QStringLiteral("\"..\"");
    QTest::newRow("a user named .")
        << QStringList{"--mailbox", d + "/Maildir", "--user", ".", "--password", "b"}
        << QStringLiteral("\".\"");
    QTest::newRow("an accounts line for a user named ..") << QStringList{"--accounts",
        d + "/hostile-accounts.txt"} << d + "/hostile-accounts.txt:2: invalid user name \"..\"";
    pop3test::writeFile(d + QStringLiteral("/empty-accounts.txt"), "# nobody yet\n");
    QTest::newRow("an accounts file with no account") << QStringList{
        "--accounts", d + "/empty-accounts.txt"} << d + "/empty-accounts.txt: no account";
    QTest::newRow("a trace file that cannot be written")
        << QStringList{"--trace", d + "/no/such/dir/trace.jsonl"} << d + "/no/such/dir/trace.jsonl";
}

void TestServerBinary::badCommandLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    QTemporaryDir workspace;
    // The row's arguments last, so that an option missing its value is really missing it (a
    // later --listen wins over this one).
    const QStringList all =
        QStringList{"--workspace", workspace.path(), "--listen", "127.0.0.1:0"} + args;
    const pop3test::RunResult r = pop3test::runServer(all);
    QVERIFY2(!r.crashed, r.err.constData());
    QVERIFY2(r.exitCode != 0, r.out.constData());
    QVERIFY2(r.err.startsWith("pop3lab-server: "), r.err.constData());
    QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(named), r.err.constData());
    QVERIFY2(!r.out.contains("listening"), r.out.constData());
}

void TestServerBinary::portInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(occupier.serverPort());
    QTemporaryDir workspace;
    const pop3test::RunResult r =
        pop3test::runServer({"--workspace", workspace.path(), "--listen", "127.0.0.1:" + port});
    QVERIFY(!r.crashed);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.startsWith("pop3lab-server: ") && r.err.count('\n') == 1, r.err.constData());
    QVERIFY2(r.err.contains(QByteArray("127.0.0.1:" + port.toUtf8())), r.err.constData());
    QVERIFY2(r.err.contains("in use"), r.err.constData());
}

void TestServerBinary::mailboxFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("a Maildir (cur/ and new/)") << QStringLiteral("maildir");
    QTest::newRow("an mbox (mboxrd quoting)") << QStringLiteral("mbox");
    QTest::newRow("a folder of .eml files") << QStringLiteral("eml");
}

void TestServerBinary::mailboxFormats()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    QString mailbox;
    if (format == QLatin1String("maildir")) {
        mailbox = dir.filePath(QStringLiteral("Maildir"));
        QDir().mkpath(mailbox + QStringLiteral("/cur"));
        QDir().mkpath(mailbox + QStringLiteral("/new"));
        QDir().mkpath(mailbox + QStringLiteral("/tmp"));
        pop3test::writeFile(mailbox + QStringLiteral("/cur/1788000001.M1P1.lab:2,S"), messageA);
        pop3test::writeFile(mailbox + QStringLiteral("/new/1788000002.M2P1.lab"), messageB);
        pop3test::writeFile(mailbox + QStringLiteral("/cur/1788000003.M3P1.lab:2,"), messageC);
    } else if (format == QLatin1String("mbox")) {
        mailbox = dir.filePath(QStringLiteral("inbox.mbox"));
        pop3test::writeFile(mailbox, pop3test::mboxOf({messageA, messageB, messageC + '\n'}));
    } else {
        mailbox = dir.filePath(QStringLiteral("eml"));
        QDir().mkpath(mailbox);
        pop3test::writeFile(mailbox + QStringLiteral("/a.eml"), messageA);
        pop3test::writeFile(mailbox + QStringLiteral("/b.eml"), messageB);
        pop3test::writeFile(mailbox + QStringLiteral("/c.eml"), messageC);
    }
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--mailbox",
        mailbox,
        "--user",
        "ana",
        "--password",
        "s3cret"}));
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("ana", "s3cret"));
    const QList<QByteArray> messages{
        messageA, messageB, format == QLatin1String("mbox") ? messageC + '\n' : messageC};
    qint64 total = 0;
    for (const QByteArray &m : messages)
        total += pop3test::crlfLines(m).size();
    QCOMPARE(c.command("STAT"), "+OK 3 " + QByteArray::number(total) + "\r\n");
    for (int n = 1; n <= 3; ++n)
        QCOMPARE(
            c.multiLineCommand("RETR " + QByteArray::number(n)), retrReply(messages.at(n - 1)));
    QCOMPARE(c.command("QUIT"), QByteArray("+OK Logging out.\r\n"));
    QCOMPARE(server.stop(), 0);
}

void TestServerBinary::accountsFileServesAClass()
{
    QTemporaryDir dir;
    const QString alice = copyDir(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/mailbox/student"),
        dir.filePath(QStringLiteral("class/alice")));
    pop3test::writeFile(
        dir.filePath(QStringLiteral("class/carol.mbox")), pop3test::mboxOf({messageA, messageB}));
    pop3test::writeFile(dir.filePath(QStringLiteral("class/accounts.txt")),
        "# NET 210, group B\nalice pw-alice alice\n\nbob pw-bob sample:student\n"
        "carol pw-carol carol.mbox\n");
    ServerProcess server;
    QVERIFY(server.start({"--workspace",
        dir.filePath(QStringLiteral("ws")),
        "--accounts",
        dir.filePath(QStringLiteral("class/accounts.txt"))}));
    // Only the accounts of the file: the built-in samples are not served alongside.
    Client stranger;
    QVERIFY(stranger.open(server.port()).startsWith("+OK"));
    QCOMPARE(stranger.command("USER student"), QByteArray("+OK\r\n"));
    QVERIFY(stranger.command("PASS hessovs!").startsWith("-ERR [AUTH]"));

    // Three students at once, each on their own maildrop (no [IN-USE] between them).
    Client a, b, c;
    for (Client *client : {&a, &b, &c})
        QVERIFY(client->open(server.port()).startsWith("+OK"));
    QVERIFY(a.login("alice", "pw-alice"));
    QVERIFY(b.login("bob", "pw-bob"));
    QVERIFY(c.login("carol", "pw-carol"));
    QCOMPARE(a.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(b.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(c.command("STAT").left(6), QByteArray("+OK 2 "));
    QVERIFY(a.command("DELE 1").startsWith("+OK"));
    QVERIFY(a.command("DELE 2").startsWith("+OK"));
    QCOMPARE(a.command("QUIT"), QByteArray("+OK Logging out, messages deleted.\r\n"));
    QCOMPARE(b.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(b.command("QUIT"), QByteArray("+OK Logging out.\r\n"));
    QCOMPARE(c.multiLineCommand("RETR 2"), retrReply(messageB));
    QCOMPARE(c.command("QUIT"), QByteArray("+OK Logging out.\r\n"));

    Client again;
    QVERIFY(again.open(server.port()).startsWith("+OK"));
    QVERIFY(again.login("alice", "pw-alice"));
    QCOMPARE(again.command("STAT").left(7), QByteArray("+OK 33 "));
    QCOMPARE(server.stop(), 0);
    QCOMPARE(
        countFiles(alice), 35); // alice's original is untouched: her copy lives in the workspace
}

void TestServerBinary::inPlaceChangesTheOriginalDefaultNever()
{
    QTemporaryDir dir;
    const QString original =
        copyDir(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/mailbox/student"),
            dir.filePath(QStringLiteral("student")));
    const QStringList names =
        QDir(original).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    for (bool inPlace : {false, true}) {
        QStringList args{"--workspace",
            dir.filePath(inPlace ? QStringLiteral("ws2") : QStringLiteral("ws1")),
            "--mailbox",
            original,
            "--user",
            "student",
            "--password",
            "hessovs!"};
        if (inPlace)
            args << QStringLiteral("--in-place");
        ServerProcess server;
        QVERIFY(server.start(args));
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login("student", "hessovs!"));
        QCOMPARE(c.command("STAT"), QByteArray("+OK 35 23183\r\n"));
        QVERIFY(c.command("DELE 1").startsWith("+OK"));
        QCOMPARE(c.command("QUIT"), QByteArray("+OK Logging out, messages deleted.\r\n"));
        QVERIFY(c.waitClosed());
        QCOMPARE(server.stop(), 0);
        if (!inPlace) {
            QCOMPARE(countFiles(original), 35);
            QCOMPARE(countFiles(dir.filePath(QStringLiteral("ws1/mail/student"))), 34);
        }
    }
    // --in-place served the original itself: its first message is gone.
    QCOMPARE(countFiles(original), 34);
    QVERIFY(!QFile::exists(QDir(original).filePath(names.first())));
    QVERIFY(QFile::exists(QDir(original).filePath(names.at(1))));
}

void TestServerBinary::resetStartsFromAFreshCopy()
{
    QTemporaryDir dir;
    const QStringList base{"--workspace", dir.path()};
    auto stat = [&](const QStringList &extra, const QByteArray &then) -> QByteArray {
        ServerProcess server;
        if (!server.start(base + extra))
            return "no server";
        Client c;
        c.open(server.port());
        c.login("student", "hessovs!");
        const QByteArray reply = c.command("STAT");
        if (!then.isEmpty())
            c.command(then);
        c.command("QUIT");
        c.waitClosed();
        server.stop();
        return reply;
    };
    QCOMPARE(stat({}, "DELE 1"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(stat({}, {}), QByteArray("+OK 34 22807\r\n")); // the copy keeps its deletions
    QCOMPARE(stat({QStringLiteral("--reset")}, {}), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(stat({}, {}), QByteArray("+OK 35 23183\r\n"));
}

void TestServerBinary::personalityUwIpop3d()
{
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path(), "--personality", "uw-ipop3d"}));
    QCOMPARE(server.personality(), QStringLiteral("uw-ipop3d"));
    Client c;
    QCOMPARE(c.open(server.port()), QByteArray("+OK POP3 [127.0.0.1] v7.60 server ready\r\n"));
    QCOMPARE(c.command("CAPA").left(4), QByteArray("-ERR"));
    QCOMPARE(c.command("user barakirs"), QByteArray("+OK User name accepted, password please\r\n"));
    QCOMPARE(c.command("pass wrong"), QByteArray("-ERR Bad login\r\n"));
    QCOMPARE(c.command("user barakirs"), QByteArray("+OK User name accepted, password please\r\n"));
    QCOMPARE(c.command("pass blacksun"), QByteArray("+OK Mailbox open, 206 messages\r\n"));
    QVERIFY(c.command("QUIT").startsWith("+OK"));
    QCOMPARE(server.stop(), 0);
}

// --control: a teacher's fault commands over a Unix-domain socket, acting on live sessions.
void TestServerBinary::controlSocketInjectsFaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pop3lab.ctl"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path(), "--control", path}));
    QLocalSocket teacher;
    teacher.connectToServer(path);
    QVERIFY(teacher.waitForConnected(5000));
    const auto ask = [&teacher](const QByteArray &line) {
        teacher.write(line + '\n');
        teacher.flush();
        while (!teacher.canReadLine()) {
            if (!teacher.waitForReadyRead(5000))
                return QByteArray("(no answer)");
        }
        return teacher.readLine().trimmed();
    };
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(ask("refuse-next-login").startsWith("ok"));
    QVERIFY(c.command("USER student").startsWith("+OK"));
    QVERIFY(c.command("PASS hessovs!").startsWith("-ERR [SYS/TEMP]"));
    QVERIFY(c.login("student", "hessovs!"));
    const QByteArray sessions = ask("sessions");
    QVERIFY2(sessions.startsWith("ok 1 open: ") && sessions.endsWith(" student TRANSACTION"),
        sessions.constData());
    const QByteArray id = sessions.mid(11).split(' ').first();
    QVERIFY(ask("drop " + id).startsWith("ok"));
    QVERIFY(c.waitClosed());
    QVERIFY(ask("nonsense").startsWith("error"));
    QCOMPARE(server.stop(), 0);
    QVERIFY(!QFile::exists(path)); // the socket goes with the server
}

// "crash" over --control is a real one: the process ends at once (no destructor, no unlock),
// the lock file stays on disk, and the next start on the same workspace reports it as stale;
// the next login clears it and the uncommitted DELE is not lost.
void TestServerBinary::controlCrashEndsTheProcessAndTheNextStartReportsTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pop3lab.ctl"));
    const QString lock = dir.filePath(QStringLiteral("mail/student.lock"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path(), "--control", path}));
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QVERIFY(c.command("DELE 1").startsWith("+OK"));
    QVERIFY(QFile::exists(lock));
    const qint64 pid = server.process().processId();
    QLocalSocket teacher;
    teacher.connectToServer(path);
    QVERIFY(teacher.waitForConnected(5000));
    teacher.write("crash\n");
    teacher.flush();
    QTRY_VERIFY_WITH_TIMEOUT(teacher.canReadLine(), 5000);
    const QByteArray answer = teacher.readLine().trimmed();
    QVERIFY2(answer.startsWith("ok the server dies now"), answer.constData());
    // waitForFinished() is false when QProcess already saw the end (while QTRY_VERIFY spun the
    // event loop above): a busy CI machine did.
    QVERIFY(
        server.process().state() == QProcess::NotRunning || server.process().waitForFinished(5000));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 70);
    QVERIFY(c.waitClosed());
    QVERIFY(QFile::exists(lock)); // not released: it names a process that is gone
    QFile held(lock);
    QVERIFY(held.open(QIODevice::ReadOnly));
    const QByteArray pidLine = "pid: " + QByteArray::number(pid);
    QVERIFY(held.readAll().contains(pidLine));
    const QByteArray pidWord = "pid " + QByteArray::number(pid);

    ServerProcess next;
    QVERIFY(next.start({"--workspace", dir.path(), "--control", path}));
    QByteArray out = next.standardOutput();
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += next.process().readAllStandardOutput()).contains("clears it"), 5000);
    QVERIFY2(out.contains("student.lock: a stale lock, left by session") && out.contains(pidWord)
            && out.contains("the next login of student clears it"),
        out.constData());
    Client again;
    QVERIFY(again.open(next.port()).startsWith("+OK"));
    QVERIFY(again.login("student", "hessovs!"));
    QCOMPARE(again.command("STAT"), QByteArray("+OK 35 23183\r\n")); // DELE 1 never committed
    QVERIFY(again.command("QUIT").startsWith("+OK"));
    QCOMPARE(next.stop(), 0);
}

void TestServerBinary::traceIsJsonLines()
{
    QTemporaryDir dir;
    const QString trace = dir.filePath(QStringLiteral("trace.jsonl"));
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path(), "--trace", trace}));
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QVERIFY(c.multiLineCommand("RETR 1").startsWith("+OK"));
    QVERIFY(c.command("DELE 1").startsWith("+OK"));
    QVERIFY(c.command("QUIT").startsWith("+OK"));
    QVERIFY(c.waitClosed());
    QCOMPARE(server.stop(), 0);

    const QByteArray content = pop3test::readFile(trace);
    QVERIFY(content.endsWith('\n'));
    QStringList kinds;
    qint64 lastSeq = 0;
    const QList<QByteArray> lines = content.trimmed().split('\n');
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        const QJsonObject o = doc.object();
        QVERIFY2(o.value(QStringLiteral("seq")).toInteger() > lastSeq, line.constData());
        lastSeq = o.value(QStringLiteral("seq")).toInteger();
        QVERIFY(o.contains(QStringLiteral("time")));
        QVERIFY(o.contains(QStringLiteral("session")));
        QVERIFY(pop3::EventLog::fromJsonLine(line).has_value());
        kinds.append(o.value(QStringLiteral("kind")).toString());
    }
    for (const char *kind : {"connected",
             "client-line",
             "server-reply",
             "state-changed",
             "lock-created",
             "marked-deleted",
             "expunged",
             "lock-removed",
             "disconnected"})
        QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
    QCOMPARE(kinds.first(), QStringLiteral("connected"));
    QCOMPARE(kinds.last(), QStringLiteral("disconnected"));
    // The trace loads back into an EventLog, in the same order.
    pop3::EventLog log;
    QVERIFY(log.load(trace));
    QCOMPARE(log.size(), lines.size());
}

void TestServerBinary::traceHidesCredentialsUnlessAsked()
{
    for (const bool keep : {false, true}) {
        QTemporaryDir dir;
        const QString trace = dir.filePath(QStringLiteral("trace.jsonl"));
        QStringList args{"--workspace", dir.path(), "--trace", trace};
        if (keep)
            args << QStringLiteral("--trace-secrets");
        ServerProcess server;
        QVERIFY(server.start(args));
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login("student", "hessovs!"));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
        QVERIFY(c.waitClosed());
        QCOMPARE(server.stop(), 0);
        const QByteArray content = pop3test::readFile(trace);
        QCOMPARE(content.contains("hessovs!"), keep);
        QCOMPARE(content.contains("PASS ********"), !keep);
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther;
        QVERIFY(!(QFileInfo(trace).permissions() & others));
    }
}

void TestServerBinary::passwordFromAFileOrTheEnvironment_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("--password-file") << QStringLiteral("file");
    QTest::newRow("POP3LAB_PASSWORD") << QStringLiteral("environment");
}

void TestServerBinary::passwordFromAFileOrTheEnvironment()
{
    // The password is then not in /proc/PID/cmdline, where every user of the machine can read it.
    QFETCH(QString, how);
    QTemporaryDir dir;
    const QString mailbox = dir.filePath(QStringLiteral("inbox.mbox"));
    pop3test::writeFile(mailbox, pop3test::mboxOf({messageA}));
    QStringList args{
        "--workspace", dir.filePath(QStringLiteral("ws")), "--mailbox", mailbox, "--user", "ana"};
    ServerProcess server;
    if (how == QLatin1String("file")) {
        const QString file = dir.filePath(QStringLiteral("password"));
        pop3test::writeFile(file, "correct horse battery\n");
        args << QStringLiteral("--password-file") << file;
    } else {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("POP3LAB_PASSWORD"), QStringLiteral("correct horse battery"));
        server.process().setProcessEnvironment(env);
    }
    QVERIFY(server.start(args));
    const QByteArray cmdline =
        pop3test::readFile(QStringLiteral("/proc/%1/cmdline").arg(server.process().processId()));
    QVERIFY(!cmdline.isEmpty());
    QVERIFY(!cmdline.contains("horse"));
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("ana", "correct horse battery"));
    QVERIFY(c.command("QUIT").startsWith("+OK"));
    QCOMPARE(server.stop(), 0);
}

// The server's CPU time so far, in seconds (/proc/<pid>/stat: utime + stime).
double cpuSecondsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ::sysconf(_SC_CLK_TCK);
}

// A server whose descriptor limit is low (here 128, in the child only) meets more clients than it
// can hold: the ones beyond its cap are told so and closed at once; it does not spin while full;
// and once they leave, new clients are served.
void TestServerBinary::connectionsStayBelowTheDescriptorLimit()
{
    QTemporaryDir dir;
    ServerProcess server;
    server.process().setChildProcessModifier([] {
        const rlimit limit{128, 128};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    QVERIFY(server.start({"--workspace", dir.path(), "--quiet"}));
    std::vector<std::unique_ptr<Client>> clients;
    int greeted = 0;
    int refused = 0;
    int silent = 0;
    for (int i = 0; i < 150; ++i) {
        auto c = std::make_unique<Client>();
        QVERIFY(c->connectTo(server.port()));
        const QByteArray greeting = c->line(1000);
        if (greeting.startsWith("+OK"))
            ++greeted;
        else if (greeting.startsWith("-ERR [SYS/TEMP]"))
            ++refused;
        else
            ++silent;
        clients.push_back(std::move(c));
    }
    const double before = cpuSecondsOf(server.process().processId());
    QElapsedTimer clock;
    clock.start();
    clients.front()->waitClosed(1000); // a second of a full server, waiting on nothing
    const double cpu =
        (cpuSecondsOf(server.process().processId()) - before) / (clock.elapsed() / 1000.0);
    const QString counts = QStringLiteral("%1 greeted, %2 refused, %3 silent, CPU %4% while full")
                               .arg(greeted)
                               .arg(refused)
                               .arg(silent)
                               .arg(qRound(cpu * 100));
    qInfo("%s", qPrintable(counts));
    QVERIFY2(silent == 0 && refused > 0 && greeted > 20, qPrintable(counts));
    QVERIFY2(cpu < 0.2, qPrintable(counts));
    // The clients leave. The server may see a new client before their goodbyes (then it is
    // refused, full still): it must be served again within a moment, and from then on.
    clients.clear();
    qint64 recoveryMs = 0;
    const QByteArray greeting = pop3test::greetingOnceServedAgain(server.port(), 5000, &recoveryMs);
    QVERIFY2(greeting.startsWith("+OK"), greeting.isEmpty() ? "no greeting" : greeting.constData());
    qInfo("served again %d ms after the clients left", int(recoveryMs));
    for (int i = 0; i < 5; ++i) {
        Client c;
        QVERIFY(c.open(server.port(), 3000).startsWith("+OK"));
        QVERIFY(c.login("student", "hessovs!"));
        QVERIFY(c.command("QUIT").startsWith("+OK"));
    }
    QCOMPARE(server.stop(), 0);
}

void TestServerBinary::idleTimeoutOption()
{
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path(), "--idle-timeout", "1"}));
    Client c;
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("mail/student.lock"))));
    QCOMPARE(c.readUntilClosed(5000), QByteArray("-ERR Disconnected for inactivity.\r\n"));
    QVERIFY(c.isClosed());
    QTRY_VERIFY(!QFile::exists(dir.filePath(QStringLiteral("mail/student.lock"))));
    QCOMPARE(server.stop(), 0);
}

// A client that leaves the greeting unread, sends a command and closes: its kernel answers the
// server's reply with a reset, so the server's write fails in the middle of answering (this
// once crashed the server). A hundred of them, then a normal session.
void TestServerBinary::clientsResettingWithRepliesQueued()
{
    QTemporaryDir dir;
    ServerProcess server;
    QVERIFY(server.start({"--workspace", dir.path()}));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server.port());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 100; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        pollfd greeting{fd, POLLIN, 0};
        QCOMPARE(::poll(&greeting, 1, 5000), 1); // arrived, and left unread
        QCOMPARE(::send(fd, "CAPA\r\n", 6, MSG_NOSIGNAL), ssize_t(6));
        ::close(fd); // unread data: the kernel sends a reset
        QVERIFY2(server.isRunning(), qPrintable(QStringLiteral("died at connection %1").arg(i)));
    }
    Client c;
    QCOMPARE(c.open(server.port()), QByteArray("+OK Dovecot ready.\r\n"));
    QVERIFY(c.login("student", "hessovs!"));
    QCOMPARE(c.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(c.command("QUIT"), QByteArray("+OK Logging out.\r\n"));
    QCOMPARE(server.stop(), 0);
}

void TestServerBinary::signalStopsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT);
}

void TestServerBinary::signalStopsCleanly()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString lock = dir.filePath(QStringLiteral("mail/student.lock"));
    {
        ServerProcess server;
        QVERIFY(server.start({"--workspace", dir.path()}));
        Client c;
        QVERIFY(c.open(server.port()).startsWith("+OK"));
        QVERIFY(c.login("student", "hessovs!"));
        QVERIFY(c.command("DELE 1").startsWith("+OK"));
        QVERIFY(c.command("DELE 2").startsWith("+OK"));
        QVERIFY(QFile::exists(lock));
        QCOMPARE(server.stop(signal), 0);
        QCOMPARE(c.readUntilClosed(), QByteArray("-ERR [SYS/TEMP] Server shutting down.\r\n"));
        QVERIFY(!QFile::exists(lock));
        QVERIFY2(server.standardOutput().contains("stopped"), server.standardOutput().constData());
    }
    QCOMPARE(countFiles(dir.filePath(QStringLiteral("mail/student"))), 35);
    ServerProcess again;
    QVERIFY(again.start({"--workspace", dir.path()}));
    Client c;
    QVERIFY(c.open(again.port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QCOMPARE(c.command("STAT"), QByteArray("+OK 35 23183\r\n"));
    QCOMPARE(again.stop(), 0);
}

void TestServerBinary::signalLeavesStandardErrorEmpty_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("SIGINT (Ctrl+C), no trace") << int(SIGINT) << QStringList{};
    QTest::newRow("SIGTERM, no trace") << int(SIGTERM) << QStringList{};
    QTest::newRow("SIGTERM, quiet") << int(SIGTERM) << QStringList{"--quiet"};
    QTest::newRow("SIGINT with a trace") << int(SIGINT) << QStringList{"--trace", "trace.jsonl"};
}

// A clean stop says nothing on stderr (it once printed "QFileDevice::flush: No file engine" on
// every signal: the trace file was flushed though no --trace had opened it).
void TestServerBinary::signalLeavesStandardErrorEmpty()
{
    QFETCH(int, signal);
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    for (QString &arg : args) {
        if (arg.endsWith(QLatin1String(".jsonl")))
            arg = dir.filePath(arg);
    }
    ServerProcess server;
    QVERIFY(server.start(QStringList{"--workspace", dir.path()} + args));
    Client c; // its greeting shows the event loop runs, the signal handlers with it
    QVERIFY(c.open(server.port()).startsWith("+OK"));
    QCOMPARE(server.stop(signal), 0);
    QCOMPARE(server.standardError(), QByteArray());
    QVERIFY2(
        args.contains(QStringLiteral("--quiet")) || server.standardOutput().contains("stopped"),
        server.standardOutput().constData());
}

QTEST_GUILESS_MAIN(TestServerBinary)
#include "tst_serverbinary.moc"
