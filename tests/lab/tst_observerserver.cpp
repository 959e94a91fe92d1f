// ObserverServer: the classroom's observer stream, over real TCP on 127.0.0.1. Nothing without
// the token; with it, every student's events, never a credential; a reset asked over the stream
// touches one student's mailbox only; a slow observer misses events (told) rather than growing.

#include "events/eventlog.h"
#include "events/tracewriter.h"
#include "lab/classroster.h"
#include "lab/lab.h"
#include "lab/observerserver.h"
#include "mail/mailstore.h"
#include "support/pop3testclient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;
using pop3test::Client;

namespace {

// A lab serving a class of two generated students, and its observer stream.
struct Classroom
{
    QTemporaryDir dir;
    QList<ClassRoster::Student> students;
    std::unique_ptr<Lab> lab;
    std::unique_ptr<ObserverServer> observer;

    bool start(bool traceSecrets = false)
    {
        QString error;
        students = ClassRoster::generate(2, QStringLiteral("student"), &error);
        const QString accounts = dir.filePath(QStringLiteral("accounts.txt"));
        if (!ClassRoster::writeAccountsFile(accounts, students, QStringLiteral("sample:student")))
            return false;
        lab = std::make_unique<Lab>();
        Lab::Config config;
        config.workspace = dir.filePath(QStringLiteral("ws"));
        config.progressFolder = dir.filePath(QStringLiteral("progress"));
        config.samples = false;
        config.accountsFile = accounts;
        config.listen.port = 0;
        config.listen.loginDelays = false;
        config.trace = dir.filePath(QStringLiteral("trace.jsonl"));
        config.traceSecrets = traceSecrets;
        if (!lab->start(config))
            return false;
        observer = std::make_unique<ObserverServer>(lab.get());
        return observer->listen(QHostAddress(QHostAddress::LocalHost), 0).ok;
    }

    QByteArray user(int i) const { return students.at(i).user.toUtf8(); }

    QByteArray password(int i) const { return students.at(i).password.toUtf8(); }

    // Connects an observer with the right token; returns its hello line (parsed).
    QJsonObject join(Client &c, const QByteArray &extra = {})
    {
        if (!c.connectTo(observer->port()))
            return {};
        c.send("TOKEN " + observer->token() + extra + "\n");
        return QJsonDocument::fromJson(c.line()).object();
    }
};

// Reads the observer's lines until one satisfies done (or timeoutMs passes); returns them all
// (and, in raw, as they came).
template<typename Done>
QList<QJsonObject> readUntil(Client &c, Done done, int timeoutMs = 5000, QByteArray *raw = nullptr)
{
    QList<QJsonObject> lines;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const QByteArray line = c.line(int(std::max<qint64>(1, timeoutMs - clock.elapsed())));
        if (line.isEmpty())
            break;
        if (raw)
            raw->append(line);
        lines.append(QJsonDocument::fromJson(line).object());
        if (done(lines.last()))
            break;
    }
    return lines;
}

bool isDisconnect(const QJsonObject &o, int session = 0)
{
    return o.value(QStringLiteral("kind")).toString() == QLatin1String("disconnected")
        && (session == 0 || o.value(QStringLiteral("session")).toInt() == session);
}

} // namespace

class TestObserverServer : public QObject
{
    Q_OBJECT

private slots:
    void tokenIsRandom128Bits();
    void withoutTheTokenNothingIsSent();
    void eventsOfTwoStudentsArrive();
    void bodiesOnlyForWhoAsks();
    void credentialsNeverInTheStream();
    void resetOverTheStreamResetsOneStudentOnly();
    void slowObserverMissesEventsAndIsTold();
    void neverOnThePop3Port();
};

void TestObserverServer::tokenIsRandom128Bits()
{
    Classroom a, b;
    QVERIFY(a.start());
    QVERIFY(b.start());
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY(hex.match(QString::fromLatin1(a.observer->token())).hasMatch());
    QVERIFY(a.observer->token() != b.observer->token());
}

void TestObserverServer::withoutTheTokenNothingIsSent()
{
    Classroom room;
    QVERIFY(room.start());
    Client silent, wrong, garbage, shortToken, observer;
    QVERIFY(silent.connectTo(room.observer->port()));
    QVERIFY(wrong.connectTo(room.observer->port()));
    QVERIFY(garbage.connectTo(room.observer->port()));
    QVERIFY(shortToken.connectTo(room.observer->port()));
    QByteArray almost = room.observer->token();
    almost[0] = almost.at(0) == '0' ? '1' : '0';
    wrong.send("TOKEN " + almost + "\n");
    garbage.send("RESET " + room.user(0) + "\n");
    shortToken.send("TOKEN " + room.observer->token().left(31) + "\n");
    for (Client *c : {&wrong, &garbage, &shortToken}) {
        QVERIFY(c->waitClosed());
        QCOMPARE(c->buffered(), QByteArray());
    }
    QCOMPARE(room.observer->observerCount(), 0);

    QVERIFY(!room.join(observer).isEmpty());
    QCOMPARE(room.observer->observerCount(), 1);
    Client student;
    QVERIFY(student.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(student.login(room.user(0), room.password(0)));
    QVERIFY(student.command("QUIT").startsWith("+OK"));
    const QList<QJsonObject> seen = readUntil(observer, [](const QJsonObject &o) {
        return isDisconnect(o);
    });
    QVERIFY(!seen.isEmpty() && isDisconnect(seen.last()));
    // The one who said nothing got nothing while the observer got the whole session.
    QVERIFY(!silent.isClosed());
    QCOMPARE(silent.buffered(), QByteArray());
    QCOMPARE(silent.socket().bytesAvailable(), 0);
}

void TestObserverServer::eventsOfTwoStudentsArrive()
{
    Classroom room;
    QVERIFY(room.start());
    Client observer;
    const QJsonObject hello = room.join(observer);
    QCOMPARE(hello.value(QStringLiteral("hello")).toString(), QStringLiteral("pop3lab-observer"));
    QCOMPARE(hello.value(QStringLiteral("version")).toInt(), ObserverServer::protocolVersion);
    QCOMPARE(hello.value(QStringLiteral("users")).toArray().toVariantList(),
        (QVariantList{room.students.at(0).user, room.students.at(1).user}));
    QCOMPARE(hello.value(QStringLiteral("pop3")).toString(), room.lab->server()->endpoint());

    Client a, b;
    QVERIFY(a.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(b.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(room.user(0), room.password(0)));
    QVERIFY(b.login(room.user(1), room.password(1)));
    QVERIFY(a.command("STAT").startsWith("+OK 35 "));
    QVERIFY(b.command("DELE 1").startsWith("+OK"));
    QVERIFY(a.command("QUIT").startsWith("+OK"));
    QVERIFY(b.command("QUIT").startsWith("+OK"));

    int disconnects = 0;
    const QList<QJsonObject> events = readUntil(observer, [&](const QJsonObject &o) {
        return isDisconnect(o) && ++disconnects == 2;
    });
    QCOMPARE(disconnects, 2);
    QMap<QString, int> sessionOfUser; // from each student's lock
    QMap<int, QStringList> lines; // client lines per session
    for (const QJsonObject &o : events) {
        const QString kind = o.value(QStringLiteral("kind")).toString();
        const int session = o.value(QStringLiteral("session")).toInt();
        if (kind == QLatin1String("lock-created"))
            sessionOfUser.insert(o.value(QStringLiteral("user")).toString(), session);
        if (kind == QLatin1String("client-line"))
            lines[session].append(o.value(QStringLiteral("bytes")).toString().trimmed());
    }
    const int sa = sessionOfUser.value(room.students.at(0).user);
    const int sb = sessionOfUser.value(room.students.at(1).user);
    QVERIFY(sa != 0 && sb != 0 && sa != sb);
    QCOMPARE(lines.value(sa),
        (QStringList{QStringLiteral("USER ") + room.students.at(0).user,
            QStringLiteral("PASS ********"),
            QStringLiteral("STAT"),
            QStringLiteral("QUIT")}));
    QCOMPARE(lines.value(sb),
        (QStringList{QStringLiteral("USER ") + room.students.at(1).user,
            QStringLiteral("PASS ********"),
            QStringLiteral("DELE 1"),
            QStringLiteral("QUIT")}));
}

// BODIES: a teacher's table needs no mail bodies, an open diagram one student's. Three observers
// of the same RETRs: the default (every body), BODIES NONE (sizes, no body), BODIES of student01
// (theirs only); a line for a "bodies" request is answered ok.
void TestObserverServer::bodiesOnlyForWhoAsks()
{
    Classroom room;
    QVERIFY(room.start());
    Client all, none, one;
    QVERIFY(!room.join(all).isEmpty());
    QVERIFY(!room.join(none, "\nBODIES NONE").isEmpty());
    QVERIFY(!room.join(one, "\nBODIES " + room.user(0)).isEmpty());
    const auto answered = [](const QJsonObject &o) {
        return o.value(QStringLiteral("request")).toString() == QLatin1String("bodies");
    };
    for (Client *c : {&none, &one}) {
        const QList<QJsonObject> lines = readUntil(*c, answered);
        QVERIFY(!lines.isEmpty() && answered(lines.last()));
        QCOMPARE(lines.last().value(QStringLiteral("answer")).toString(), QStringLiteral("ok"));
    }

    Client a, b;
    QVERIFY(a.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(b.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(room.user(0), room.password(0)));
    QVERIFY(b.login(room.user(1), room.password(1)));
    QVERIFY(a.multiLineCommand("RETR 1").endsWith("\r\n.\r\n"));
    QVERIFY(b.multiLineCommand("RETR 1").endsWith("\r\n.\r\n"));
    QVERIFY(a.command("QUIT").startsWith("+OK"));
    QVERIFY(b.command("QUIT").startsWith("+OK"));

    // Per observer: the RETR replies of student01's and student02's sessions, in that order.
    const auto retrReplies = [&](Client &c) {
        int disconnects = 0;
        const QList<QJsonObject> events = readUntil(c, [&](const QJsonObject &o) {
            return isDisconnect(o) && ++disconnects == 2;
        });
        QList<QJsonObject> replies;
        for (const QJsonObject &o : events) {
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("server-reply")
                && o.value(QStringLiteral("multiLine")).toBool())
                replies.append(o);
        }
        return replies;
    };
    const QList<QJsonObject> toAll = retrReplies(all);
    const QList<QJsonObject> toNone = retrReplies(none);
    const QList<QJsonObject> toOne = retrReplies(one);
    QCOMPARE(toAll.size(), 2);
    QCOMPARE(toNone.size(), 2);
    QCOMPARE(toOne.size(), 2);
    const QString body = QStringLiteral("body");
    for (int i = 0; i < 2; ++i) {
        QVERIFY(toAll.at(i).contains(body));
        QVERIFY(!toNone.at(i).contains(body));
        // Without the body, what the diagram says of the reply is still there.
        QCOMPARE(toNone.at(i).value(QStringLiteral("octets")),
            toAll.at(i).value(QStringLiteral("octets")));
        QCOMPARE(toNone.at(i).value(QStringLiteral("lines")),
            toAll.at(i).value(QStringLiteral("lines")));
        QCOMPARE(toNone.at(i).value(QStringLiteral("bytes")),
            toAll.at(i).value(QStringLiteral("bytes")));
    }
    QCOMPARE(toOne.at(0).value(body), toAll.at(0).value(body)); // student01's RETR
    QVERIFY(!toOne.at(1).contains(body)); // student02's
}

// PASS, APOP digests and SASL responses are hidden in the stream whatever --trace-secrets says
// (the trace of this very lab keeps them: the option is on), live and in the catch-up alike.
void TestObserverServer::credentialsNeverInTheStream()
{
    Classroom room;
    QVERIFY(room.start(true));
    Client live;
    QVERIFY(!room.join(live).isEmpty());
    const QByteArray pw0 = room.password(0);
    const QByteArray pw1 = room.password(1);

    Client plain, saslInitial, saslContinued, apop;
    QVERIFY(plain.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(plain.login(room.user(0), pw0));
    QVERIFY(plain.command("QUIT").startsWith("+OK"));
    const QByteArray plainResponse = QByteArray('\0' + room.user(1) + '\0' + pw1).toBase64();
    QVERIFY(saslInitial.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(saslInitial.command("AUTH PLAIN " + plainResponse).startsWith("+OK"));
    QVERIFY(saslInitial.command("QUIT").startsWith("+OK"));
    QVERIFY(saslContinued.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(saslContinued.command("AUTH PLAIN").startsWith("+"));
    QVERIFY(saslContinued.command(plainResponse).startsWith("+OK"));
    QVERIFY(saslContinued.command("QUIT").startsWith("+OK"));
    QVERIFY(room.lab->setPersonality(QStringLiteral("rfc1939")));
    const QByteArray greeting = apop.open(room.lab->server()->port());
    const QByteArray stamp =
        greeting.mid(greeting.indexOf('<'), greeting.indexOf('>') - greeting.indexOf('<') + 1);
    QVERIFY2(stamp.startsWith('<'), greeting.constData());
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray(stamp + pw0), QCryptographicHash::Md5).toHex();
    QVERIFY(apop.command("APOP " + room.user(0) + " " + digest).startsWith("+OK"));
    QVERIFY(apop.command("QUIT").startsWith("+OK"));

    QByteArray liveStream;
    QByteArray lateStream;
    int disconnects = 0;
    readUntil(
        live,
        [&](const QJsonObject &o) {
            return isDisconnect(o) && ++disconnects == 4;
        },
        5000,
        &liveStream);
    QCOMPARE(disconnects, 4);
    Client late; // catches up on everything still in memory
    QVERIFY(!room.join(late, " SINCE 0").isEmpty());
    disconnects = 0;
    readUntil(
        late,
        [&](const QJsonObject &o) {
            return isDisconnect(o) && ++disconnects == 4;
        },
        5000,
        &lateStream);
    QCOMPARE(disconnects, 4);
    // PASS, AUTH PLAIN with its response, the response after "+ ", APOP
    QCOMPARE(liveStream.count("\"secretHidden\":true"), 4);
    QCOMPARE(lateStream.count("\"secretHidden\":true"), 4);

    room.lab->traceWriter()->flush();
    const QByteArray trace = pop3test::readFile(room.dir.filePath(QStringLiteral("trace.jsonl")));
    // pw1 travels only inside the base64 of AUTH PLAIN: the trace has the response, not pw1.
    for (const QByteArray &secret : {pw0, plainResponse, digest})
        QVERIFY2(trace.contains(secret), "the trace keeps secrets: --trace-secrets is on");
    for (const QByteArray &secret : {pw0, pw1, plainResponse, digest}) {
        QVERIFY2(!liveStream.contains(secret), secret.constData());
        QVERIFY2(!lateStream.contains(secret), secret.constData());
    }
}

void TestObserverServer::resetOverTheStreamResetsOneStudentOnly()
{
    Classroom room;
    QVERIFY(room.start());
    for (int i = 0; i < 2; ++i) {
        Client s;
        QVERIFY(s.open(room.lab->server()->port()).startsWith("+OK"));
        QVERIFY(s.login(room.user(i), room.password(i)));
        QVERIFY(s.command("DELE 1").startsWith("+OK"));
        QVERIFY(s.command("QUIT").startsWith("+OK"));
    }
    const auto stat = [&](int i) {
        Client s;
        s.open(room.lab->server()->port());
        s.login(room.user(i), room.password(i));
        const QByteArray reply = s.command("STAT");
        s.command("QUIT");
        return reply.left(reply.indexOf(' ', 4));
    };
    QCOMPARE(stat(0), QByteArray("+OK 34"));
    QCOMPARE(stat(1), QByteArray("+OK 34"));

    // A student still logged in is cut first (their marks lost), then the copy is made again.
    Client holding;
    QVERIFY(holding.open(room.lab->server()->port()).startsWith("+OK"));
    QVERIFY(holding.login(room.user(0), room.password(0)));
    QVERIFY(holding.command("DELE 2").startsWith("+OK"));

    Client observer;
    QVERIFY(!room.join(observer).isEmpty());
    observer.send("RESET " + room.user(0) + "\n");
    QList<QJsonObject> lines = readUntil(observer, [](const QJsonObject &o) {
        return o.contains(QStringLiteral("answer"));
    });
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(QStringLiteral("answer")).toString(), QStringLiteral("ok"));
    QCOMPARE(lines.last().value(QStringLiteral("user")).toString(), room.students.at(0).user);
    bool resetNote = false;
    for (const QJsonObject &o : lines)
        resetNote = resetNote
            || o.value(QStringLiteral("text")).toString() == QLatin1String("mailbox-reset");
    QVERIFY(resetNote);
    QVERIFY(holding.waitClosed());
    QCOMPARE(stat(0), QByteArray("+OK 35"));
    QCOMPARE(stat(1), QByteArray("+OK 34")); // the other student's mailbox is untouched

    observer.send("RESET nobody\n");
    lines = readUntil(observer, [](const QJsonObject &o) {
        return o.contains(QStringLiteral("answer"));
    });
    QCOMPARE(lines.last().value(QStringLiteral("answer")).toString(), QStringLiteral("error"));
    QVERIFY(
        lines.last().value(QStringLiteral("error")).toString().contains(QStringLiteral("nobody")));

    observer.send("RESET-CLASS\n");
    lines = readUntil(observer, [](const QJsonObject &o) {
        return o.contains(QStringLiteral("answer"));
    });
    QCOMPARE(lines.last().value(QStringLiteral("answer")).toString(), QStringLiteral("ok"));
    QCOMPARE(stat(1), QByteArray("+OK 35"));
}

void TestObserverServer::slowObserverMissesEventsAndIsTold()
{
    Classroom room;
    QVERIFY(room.start());
    room.observer->setBufferLimit(64 * 1024);
    Client observer;
    QVERIFY(!room.join(observer).isEmpty());
    observer.pause(4096);
    const int count = 4000;
    const QString filler(4000, QLatin1Char('x'));
    for (int i = 0; i < count; ++i) {
        Event e = Event::makeNote(NoteKind::SessionLabel, filler);
        e.number = i + 1;
        room.lab->log()->append(e);
    }
    QVERIFY(room.observer->droppedEvents() > 0);
    observer.resume();
    qint64 received = 0;
    qint64 dropped = 0;
    readUntil(
        observer,
        [&](const QJsonObject &o) {
            if (o.value(QStringLiteral("text")).toString() == QLatin1String("session-label"))
                ++received;
            dropped += o.value(QStringLiteral("dropped")).toInteger();
            return received + dropped == count;
        },
        20000);
    // Nothing vanishes silently: what did not arrive was counted in a "dropped" line.
    QCOMPARE(received + dropped, qint64(count));
    QCOMPARE(dropped, room.observer->droppedEvents());
    QVERIFY(received < count);
    QVERIFY(room.observer->largestBacklog() <= 64 * 1024); // the buffer never grew past it
}

void TestObserverServer::neverOnThePop3Port()
{
    Classroom room;
    QVERIFY(room.start());
    ObserverServer second(room.lab.get());
    const Result r =
        second.listen(QHostAddress(QHostAddress::LocalHost), room.lab->server()->port());
    QVERIFY(!r);
    QVERIFY2(r.error.contains(QStringLiteral("POP3 port")), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestObserverServer)
#include "tst_observerserver.moc"
