// The replay scenarios shipped in resources/scenarios/ are recorded, not written by hand: each is
// played here against the real built-in server (a Lab in a temporary workspace) by a real POP3
// client, and what the server logged is compared with the shipped trace — the same events, in the
// same order, with the same bytes. POP3LAB_WRITE_SCENARIOS=1 writes the traces again (paths and
// the host name normalised, so no build machine's details are shipped).

#include "events/eventlog.h"
#include "lab/lab.h"
#include "net/pop3server.h"
#include "support/pop3testclient.h"

#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace pop3;

namespace {

// What must match between a fresh run and the shipped trace: no times, ports, pids or paths.
QStringList signature(const QList<Event> &events)
{
    QStringList out;
    for (const Event &shown : events) {
        const Event e = shown.withoutSecret(); // the shipped traces hide the password
        QString line = QStringLiteral("%1 %2").arg(e.session).arg(eventKindName(e.kind));
        if (e.kind == EventKind::ClientLine || e.kind == EventKind::ServerReply)
            line += QLatin1Char(' ') + QString::fromUtf8(e.bytes).trimmed();
        if (e.kind == EventKind::StateChanged)
            line += QStringLiteral(" %1>%2").arg(stateName(e.from), stateName(e.to));
        if (e.kind == EventKind::ServerReply && e.bytes.contains("@") && e.bytes.contains("<"))
            line = QStringLiteral("%1 greeting").arg(e.session); // carries an APOP timestamp
        if (!e.numbers.isEmpty())
            line += QStringLiteral(" %1").arg(e.numbers.size());
        if (e.kind == EventKind::Note)
            line += QLatin1Char(' ') + e.text; // its kind: a replay draws and words it by that
        out.append(line);
    }
    return out;
}

bool disconnected(const EventLog *log, int count)
{
    int seen = 0;
    for (const Event &e : log->events())
        seen += e.kind == EventKind::Disconnected;
    return seen >= count;
}

} // namespace

using Script = std::function<bool(quint16 port, const EventLog *log)>;
using LabScript = std::function<bool(Lab &lab)>; // a scenario that also acts on the lab (a crash)
Q_DECLARE_METATYPE(LabScript)
Q_DECLARE_METATYPE(Script)

class TestScenarios : public QObject
{
    Q_OBJECT

private slots:
    void scenario_data();
    void scenario();
};

void TestScenarios::scenario_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Script>("script");
    QTest::addColumn<QString>("personality"); // empty: the default (Dovecot)
    QTest::addColumn<LabScript>("labScript"); // runs instead of script when set

    QTest::newRow("the lab sheet") << QStringLiteral(
        "lab-sheet") << Script([](quint16 port, const EventLog *log) {
        pop3test::Client c;
        return c.open(port).startsWith("+OK") && c.command("USER: student").startsWith("-ERR")
            && c.login("student", "hessovs!") && c.command("STAT").startsWith("+OK 35 ")
            && c.multiLineCommand("LIST").startsWith("+OK")
            && c.command("LIST 1").startsWith("+OK 1 ")
            && c.multiLineCommand("RETR 1").startsWith("+OK")
            && c.command("DELE 1").startsWith("+OK") && c.command("QUIT").startsWith("+OK")
            && c.waitClosed()
            && pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 1);
                },
                5000,
                &EventLog::eventAppended);
    }) << QString() << LabScript();

    QTest::newRow("a lock conflict with [IN-USE]") << QStringLiteral(
        "lock-conflict") << Script([](quint16 port, const EventLog *log) {
        pop3test::Client first, second;
        return first.open(port).startsWith("+OK") && first.login("student", "hessovs!")
            && second.open(port).startsWith("+OK")
            && second.command("USER student").startsWith("+OK")
            // Dovecot waits about 10 s for the lock, refuses, then closes.
            && second.command("PASS hessovs!", 20000).startsWith("-ERR [IN-USE]")
            && second.waitClosed(5000) && first.command("STAT").startsWith("+OK 35 ")
            && first.command("QUIT").startsWith("+OK") && first.waitClosed()
            && pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 2);
                },
                5000,
                &EventLog::eventAppended);
    }) << QString() << LabScript();

    QTest::newRow("a dropped connection keeps the mail") << QStringLiteral(
        "dropped-connection") << Script([](quint16 port, const EventLog *log) {
        {
            pop3test::Client dropped;
            if (!dropped.open(port).startsWith("+OK") || !dropped.login("student", "hessovs!")
                || !dropped.command("DELE 1").startsWith("+OK")
                || !dropped.command("DELE 2").startsWith("+OK"))
                return false;
        } // the client goes away without QUIT: no UPDATE, the marks are lost
        if (!pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 1);
                },
                5000,
                &EventLog::eventAppended))
            return false;
        pop3test::Client again;
        return again.open(port).startsWith("+OK") && again.login("student", "hessovs!")
            && again.command("STAT").startsWith("+OK 35 ")
            && again.command("QUIT").startsWith("+OK") && again.waitClosed()
            && pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 2);
                },
                5000,
                &EventLog::eventAppended);
    }) << QString() << LabScript();

    // The 2000 tutorial ("Using POP3 By Hand"): a UW ipop3d server, lower-case commands typed in
    // telnet, a mail-bombed mailbox surveyed with LIST, junk told by TOP n 0 and deleted where it
    // lies, then QUIT commits; a new login finds 196 messages.
    QTest::newRow("the 2000 tutorial's mail-bomb clean-up")
        << QStringLiteral("mail-bomb") << Script() << QStringLiteral("uw-ipop3d")
        << LabScript([](Lab &lab) {
               const quint16 port = lab.server()->port();
               const EventLog *log = lab.log();
               pop3test::Client c;
               if (!c.open(port).startsWith("+OK") || !c.command("user barakirs").startsWith("+OK")
                   || !c.command("pass blacksun").startsWith("+OK Mailbox open, 206 messages")
                   || !c.multiLineCommand("list").startsWith("+OK")
                   || !c.multiLineCommand("top 3 0").contains("MAIL-BOMBED"))
                   return false;
               for (int n = 3; n <= 12; ++n) {
                   if (!c.command("dele " + QByteArray::number(n)).startsWith("+OK"))
                       return false;
               }
               if (!c.command("quit").startsWith("+OK") || !c.waitClosed()
                   || !pop3test::waitUntil(
                       log,
                       [log] {
                           return disconnected(log, 1);
                       },
                       5000,
                       &EventLog::eventAppended))
                   return false;
               pop3test::Client again;
               return again.open(port).startsWith("+OK")
                   && again.command("user barakirs").startsWith("+OK")
                   && again.command("pass blacksun").startsWith("+OK Mailbox open, 196 messages")
                   && again.command("quit").startsWith("+OK") && again.waitClosed()
                   && pop3test::waitUntil(
                       log,
                       [log] {
                           return disconnected(log, 2);
                       },
                       5000,
                       &EventLog::eventAppended);
           });

    // The server dies holding the lock (the teacher's crash fault, as the window does it): the
    // connection is cut, no UPDATE, the lock file stays; started again, the server reports it
    // stale; the next login clears it and goes on, and the DELE before the crash was never
    // committed.
    QTest::newRow("a stale lock after a crash") << QStringLiteral(
        "stale-lock") << Script() << QString() << LabScript([](Lab &lab) {
        const quint16 port = lab.server()->port();
        const EventLog *log = lab.log();
        pop3test::Client c;
        if (!c.open(port).startsWith("+OK") || !c.login("student", "hessovs!")
            || !c.command("DELE 1").startsWith("+OK") || !lab.crashServer().ok || !c.waitClosed()
            || !pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 1);
                },
                5000,
                &EventLog::eventAppended)
            || !lab.restartServer().ok) // it finds the lock file and says it is stale
            return false;
        pop3test::Client next;
        return next.open(port).startsWith("+OK") && next.login("student", "hessovs!")
            && next.command("STAT").startsWith("+OK 35 ") && next.command("QUIT").startsWith("+OK")
            && next.waitClosed()
            && pop3test::waitUntil(
                log,
                [log] {
                    return disconnected(log, 2);
                },
                5000,
                &EventLog::eventAppended);
    });
}

void TestScenarios::scenario()
{
    QFETCH(QString, name);
    QFETCH(Script, script);
    QFETCH(QString, personality);
    QFETCH(LabScript, labScript);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Lab lab;
    Lab::Config config;
    config.workspace = dir.path();
    config.listen.port = 0;
    config.progressFolder = dir.filePath(QStringLiteral("progress"));
    config.personality = personality;
    QVERIFY(lab.start(config).ok);
    const qsizetype before = lab.log()->size(); // the start's own notes are not the scenario's
    QVERIFY2(
        labScript ? labScript(lab) : script(lab.server()->port(), lab.log()), qPrintable(name));
    QList<Event> events = lab.log()->events().mid(before);
    QVERIFY(!events.isEmpty());

    const QString shipped =
        QStringLiteral(POP3LAB_SOURCE_DIR "/resources/scenarios/%1.jsonl").arg(name);
    if (qEnvironmentVariableIsSet("POP3LAB_WRITE_SCENARIOS")) {
        EventLog out;
        const QString host = QSysInfo::machineHostName();
        for (Event e : std::as_const(events)) {
            for (QString *s : {&e.text, &e.detail}) {
                s->replace(dir.path(), QStringLiteral("~/pop3lab"));
                if (!host.isEmpty())
                    s->replace(host, QStringLiteral("lab-pc"));
            }
            out.append(e);
        }
        QVERIFY(out.save(shipped));
    }
    EventLog recorded;
    QString error;
    QVERIFY2(recorded.load(shipped, &error), qPrintable(error));
    QCOMPARE(signature(recorded.events()), signature(events));
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
