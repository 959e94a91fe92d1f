// The crash-consistency campaign (docs/reliability.md, "Crash campaign"): the real pop3lab-server
// is killed with SIGKILL at random instants while it commits a QUIT after many pipelined DELEs,
// and while it makes a fresh working copy (--reset), for a Maildir, an mbox and a folder of .eml
// files. After each kill a new server is started on the same workspace and asked over TCP
// (127.0.0.1) what it serves: UIDL and RETR of every message must give exactly the state before
// (every unique-id with its message) or exactly the state after, never a mix, a torn or a lost
// message, nor a renamed unique-id; the killed server's lock must not keep the user out; once
// the new server has started and served a login, no temporary or journal of the killed one may
// be left, and after it stops no lock file.
//
// tst_atomiccommit kills at instants spread evenly and checks the contents; this one draws the
// instants at random, checks the unique-ids too, and is the campaign's runner:
//   POP3LAB_CRASH_KILLS=34 build/tests/tst_crashcampaign    # 34 kills per row: 204 in all
//   POP3LAB_CRASH_SEED=N                                    # replays the instants of a run
// The default (4 kills per row, 24 in all) is the bounded run of the suite.

#include "support/bombedmailbox.h"
#include "support/pop3testclient.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using pop3test::Client;
using pop3test::ServerProcess;

namespace {

constexpr int messageCount = 150;
using State = QMap<QByteArray, QByteArray>; // unique-id -> RETR body

QList<QByteArray> makeMessages()
{
    return pop3test::bombedMessages(messageCount, 40);
}

QString makeMailbox(const QString &dir, const QString &format, const QList<QByteArray> &messages)
{
    return pop3test::writeBombedMailbox(dir, format, messages);
}

// Everything in the workspace that a finished operation never leaves: temporaries of an atomic
// write or a copy, a journal, a file in a Maildir's tmp/.
QStringList strays(const QString &workspace)
{
    QStringList found;
    QDirIterator it(workspace,
        QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        if (name.contains(QLatin1String(".pop3lab-tmp"))
            || name.contains(QLatin1String(".pop3lab-new"))
            || name.contains(QLatin1String(".pop3lab-old"))
            || name.startsWith(QLatin1String(".pop3lab-expunge"))
            || it.fileInfo().dir().dirName() == QLatin1String("tmp"))
            found.append(QDir(workspace).relativeFilePath(path));
    }
    return found;
}

QStringList locks(const QString &workspace)
{
    return QDir(QDir(workspace).filePath(QStringLiteral("mail")))
        .entryList({QStringLiteral("*.lock")}, QDir::AllEntries | QDir::Hidden | QDir::System);
}

// What a server on the workspace serves: UIDL, then every RETR, pipelined. Empty and an error
// when it cannot be asked.
State served(quint16 port, QString *error)
{
    Client c;
    if (!c.open(port).startsWith("+OK")) {
        *error = QStringLiteral("no greeting");
        return {};
    }
    if (!c.login("barakirs", "blacksun")) {
        *error = QStringLiteral("no login (the killed server's lock?)");
        return {};
    }
    const QByteArray uidl = c.multiLineCommand("UIDL", 10000);
    QList<QByteArray> uids;
    for (const QByteArray &line : uidl.split('\n').mid(1)) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() == 2)
            uids.append(fields.at(1));
    }
    QByteArray retrs;
    for (qsizetype n = 1; n <= uids.size(); ++n)
        retrs += "RETR " + QByteArray::number(n) + "\r\n";
    c.send(retrs);
    State state;
    for (const QByteArray &uid : std::as_const(uids)) {
        const QByteArray retr = c.multiLine(10000);
        if (!retr.startsWith("+OK")) {
            *error = QStringLiteral("RETR of %1: %2")
                         .arg(QString::fromLatin1(uid), QString::fromLatin1(retr.left(80)));
            return {};
        }
        if (state.contains(uid)) {
            *error = QStringLiteral("unique-id %1 served twice").arg(QString::fromLatin1(uid));
            return {};
        }
        state.insert(uid, retr.mid(retr.indexOf('\n') + 1));
    }
    if (!c.command("QUIT").startsWith("+OK"))
        *error = QStringLiteral("QUIT failed");
    c.waitClosed();
    return state;
}

QList<QByteArray> contents(const State &state)
{
    QList<QByteArray> list = state.values();
    std::sort(list.begin(), list.end());
    return list;
}

quint32 seed()
{
    static const quint32 value = qEnvironmentVariableIsSet("POP3LAB_CRASH_SEED")
        ? quint32(qEnvironmentVariableIntValue("POP3LAB_CRASH_SEED"))
        : QRandomGenerator::global()->generate();
    return value;
}

int killsPerRow()
{
    const int n = qEnvironmentVariableIntValue("POP3LAB_CRASH_KILLS");
    return n > 0 ? n : 4;
}

// How each kill came out, for the summary.
struct Tally
{
    int kills = 0;
    int sawOld = 0;
    int sawNew = 0;
    int leftBehind = 0; // kills after which the killed server's temporaries or journal were there
};

} // namespace

class TestCrashCampaign : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedDuringCommit_data();
    void killedDuringCommit();
    void killedDuringReset_data();
    void killedDuringReset();

private:
    // One server after a kill: starts, serves a state that must be old or fresh, leaves no stray.
    // newState: what the operation leaves when it is not killed (asked only when needed).
    void checkAfterKill(const QStringList &args,
        const QString &workspace,
        const State &old,
        const std::function<State()> &newState,
        const QString &what,
        Tally &tally);
};

void TestCrashCampaign::initTestCase()
{
    qInfo("POP3LAB_CRASH_SEED=%u, %d kills per row", seed(), killsPerRow());
}

void TestCrashCampaign::killedDuringCommit_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("a Maildir") << QStringLiteral("maildir");
    QTest::newRow("an mbox") << QStringLiteral("mbox");
    QTest::newRow("a folder of .eml files") << QStringLiteral("eml");
}

void TestCrashCampaign::checkAfterKill(const QStringList &args,
    const QString &workspace,
    const State &old,
    const std::function<State()> &newState,
    const QString &what,
    Tally &tally)
{
    ++tally.kills;
    if (!strays(workspace).isEmpty())
        ++tally.leftBehind;
    ServerProcess server;
    QVERIFY2(server.start(args),
        qPrintable(what + QStringLiteral(": no restart: ")
            + QString::fromLocal8Bit(server.standardError())));
    QString error;
    const State now = served(server.port(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(what + QStringLiteral(": ") + error));
    QVERIFY2(strays(workspace).isEmpty(),
        qPrintable(what + QStringLiteral(": left after the next start: ")
            + strays(workspace).join(QLatin1Char(' '))));
    QCOMPARE(server.stop(), 0);
    QVERIFY2(locks(workspace).isEmpty(), qPrintable(locks(workspace).join(QLatin1Char(' '))));
    if (now == old) {
        ++tally.sawOld;
        return;
    }
    const State fresh = newState();
    if (now == fresh) {
        ++tally.sawNew;
    } else {
        int changed = 0;
        for (auto it = now.cbegin(); it != now.cend(); ++it)
            changed += old.value(it.key()) != it.value() && fresh.value(it.key()) != it.value();
        QFAIL(qPrintable(what
            + QStringLiteral(": %1 messages served (before: %2, after: %3), %4 not as they were "
                             "under their unique-id")
                  .arg(now.size())
                  .arg(old.size())
                  .arg(fresh.size())
                  .arg(changed)));
    }
}

void TestCrashCampaign::killedDuringCommit()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QList<QByteArray> messages = makeMessages();
    const QString mailbox = makeMailbox(dir.path(), format, messages);
    const QString workspace = dir.filePath(QStringLiteral("ws"));
    const QStringList args = pop3test::bombedServerArguments(workspace, mailbox);
    QRandomGenerator random(seed() ^ qHash(format));

    // One commit from a fresh copy: a pipelined DELE of every message numbered so that
    // (n + round) % 3 != 0, and QUIT; the server is killed killAtNs after the commands went out
    // (or, with -1, runs to the end and *commitNs says how long that took). Returns the state
    // before and the state the whole commit leaves.
    auto commit = [&](int round, qint64 killAtNs, qint64 *commitNs) -> std::pair<State, State> {
        ServerProcess server;
        if (!server.start(args + QStringList{QStringLiteral("--reset")}))
            return {};
        QString error;
        const State before = served(server.port(), &error);
        Client c;
        if (!error.isEmpty() || !c.open(server.port()).startsWith("+OK")
            || !c.login("barakirs", "blacksun"))
            return {};
        const QByteArray uidl = c.multiLineCommand("UIDL");
        QByteArray commands;
        State after = before;
        const QList<QByteArray> lines = uidl.split('\n').mid(1);
        for (int n = 1; n <= before.size(); ++n) {
            if ((n + round) % 3 != 0) {
                commands += "DELE " + QByteArray::number(n) + "\r\n";
                after.remove(lines.value(n - 1).trimmed().split(' ').value(1));
            }
        }
        commands += "QUIT\r\n";
        QElapsedTimer clock;
        c.send(commands);
        clock.start();
        if (killAtNs >= 0) {
            // A deliberate instant, not a wait for an event: spin until it comes, then kill.
            while (clock.nsecsElapsed() < killAtNs) { }
            server.kill();
        } else {
            c.waitClosed(10000);
            *commitNs = clock.nsecsElapsed();
            server.stop();
        }
        return {before, after};
    };

    qint64 commitNs = 0;
    const auto [fullState, calibrated] = commit(0, -1, &commitNs);
    QCOMPARE(fullState.size(), messageCount);
    QCOMPARE(calibrated.size(), messageCount / 3);
    QVERIFY(commitNs > 0);

    Tally tally;
    for (int i = 0; i < killsPerRow(); ++i) {
        // From "as the commands leave" to 1.5 times the calibrated commit (the machine is busy).
        const qint64 killAt = qint64(random.bounded(1.5) * double(commitNs));
        const auto [before, after] = commit(i + 1, killAt, nullptr);
        // A fresh copy holds the original's messages (in an mbox, identical copies may keep the
        // ids the last copy gave them: the unique-id list stays beside it).
        QCOMPARE(contents(before), contents(fullState));
        const QString what = QStringLiteral("%1, kill at %2 us of a %3 us commit")
                                 .arg(format)
                                 .arg(killAt / 1000)
                                 .arg(commitNs / 1000);
        checkAfterKill(
            args,
            workspace,
            before,
            [&after = after] {
                return after;
            },
            what,
            tally);
        if (QTest::currentTestFailed())
            return;
    }
    qInfo("%s commits: %d kills, %d left the mailbox as it was, %d after the whole commit; "
          "%d left temporaries or a journal that the next start cleared",
        qPrintable(format),
        tally.kills,
        tally.sawOld,
        tally.sawNew,
        tally.leftBehind);
}

void TestCrashCampaign::killedDuringReset_data()
{
    killedDuringCommit_data();
}

// pop3lab-server --reset is killed at a random instant of its start (the copy of the original is
// most of it); the next server must serve the old working copy (a third of it deleted) or a whole
// new one, with the unique-ids each had.
void TestCrashCampaign::killedDuringReset()
{
    QFETCH(QString, format);
    QTemporaryDir dir;
    const QList<QByteArray> messages = makeMessages();
    const QString mailbox = makeMailbox(dir.path(), format, messages);
    const QString workspace = dir.filePath(QStringLiteral("ws"));
    const QStringList args = pop3test::bombedServerArguments(workspace, mailbox);
    QRandomGenerator random(seed() ^ qHash(format) ^ 0x5eed);

    // Exec to "listening" with a reset (the longest of three), and the fresh copy's state.
    State fresh;
    qint64 startNs = 0;
    for (int i = 0; i < 3; ++i) {
        ServerProcess server;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(server.start(args + QStringList{QStringLiteral("--reset")}));
        startNs = qMax(startNs, clock.nsecsElapsed());
        QString error;
        fresh = served(server.port(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        server.stop();
    }
    QCOMPARE(fresh.size(), messageCount);

    // The old working copy: every third message of a fresh one deleted.
    auto makeOld = [&]() -> State {
        ServerProcess server;
        if (!server.start(args + QStringList{QStringLiteral("--reset")}))
            return {};
        Client c;
        if (!c.open(server.port()).startsWith("+OK") || !c.login("barakirs", "blacksun"))
            return {};
        QByteArray commands;
        for (int n = 1; n <= messageCount; n += 3)
            commands += "DELE " + QByteArray::number(n) + "\r\n";
        c.send(commands + "QUIT\r\n");
        c.waitClosed(10000);
        server.stop();
        ServerProcess again;
        if (!again.start(args))
            return {};
        QString error;
        const State state = served(again.port(), &error);
        again.stop();
        return state;
    };
    State old = makeOld();
    QCOMPARE(old.size(), messageCount - (messageCount + 2) / 3);

    Tally tally;
    for (int i = 0; i < killsPerRow(); ++i) {
        const qint64 killAt = qint64(random.bounded(1.5) * double(startNs));
        ServerProcess server;
        server.process().setArguments(args
            + QStringList{QStringLiteral("--reset"),
                QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0")});
        QElapsedTimer clock;
        clock.start();
        server.process().start();
        QVERIFY(server.process().waitForStarted());
        while (clock.nsecsElapsed() < killAt) { }
        server.kill();
        const QString what = QStringLiteral("%1, kill at %2 ms of a %3 ms start")
                                 .arg(format)
                                 .arg(killAt / 1000000)
                                 .arg(startNs / 1000000);
        const int before = tally.sawNew;
        // A reset not killed, from the same working copy: the original's messages; in an mbox,
        // identical copies take the ids the list beside the old copy remembers, in order.
        auto resetState = [&]() -> State {
            ServerProcess reference;
            if (!reference.start(args + QStringList{QStringLiteral("--reset")}))
                return {};
            QString error;
            const State state = served(reference.port(), &error);
            reference.stop();
            return state;
        };
        checkAfterKill(args, workspace, old, resetState, what, tally);
        if (QTest::currentTestFailed())
            return;
        if (tally.sawNew > before) { // the reset got through: make the old copy again
            old = makeOld();
            QCOMPARE(old.size(), messageCount - (messageCount + 2) / 3);
        }
    }
    qInfo("%s resets: %d kills, %d left the old copy, %d a whole new one; %d left a half-made copy "
          "or temporaries that the next "
          "start cleared",
        qPrintable(format),
        tally.kills,
        tally.sawOld,
        tally.sawNew,
        tally.leftBehind);
}

QTEST_GUILESS_MAIN(TestCrashCampaign)
#include "tst_crashcampaign.moc"
