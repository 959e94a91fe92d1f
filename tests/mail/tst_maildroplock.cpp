// MaildropLock: the lock file of RFC 1939 §8 and the 2000 tutorial.

#include "mail/maildroplock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace pop3;

namespace {

MaildropLock::Holder holder(int session)
{
    MaildropLock::Holder h;
    h.user = QStringLiteral("student");
    h.pid = QCoreApplication::applicationPid();
    h.session = session;
    h.peer = QStringLiteral("127.0.0.1:5%1").arg(session);
    h.host = QSysInfo::machineHostName();
    h.since = QDateTime(QDate(2026, 9, 2), QTime(17, 5), Qt::UTC);
    return h;
}

QByteArray procFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly | QIODevice::Unbuffered) ? f.read(4096).trimmed()
                                                               : QByteArray();
}

// Field 22 of /proc/PID/stat, read here on its own (not with the code under test).
qint64 startTimeOf(qint64 pid)
{
    const QByteArray stat = procFile(QStringLiteral("/proc/%1/stat").arg(pid));
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(19).toLongLong();
}

} // namespace

class TestMaildropLock : public QObject
{
    Q_OBJECT

private slots:
    void acquireCreatesAReadableFile();
    void secondAcquireIsRefusedAndNamesTheHolder();
    void releaseOnlyByItsSession();
    void staleLockOfADeadProcessIsCleared();
    void ownLockOfAGoneSessionIsStale();
    void lockOfAnotherHostIsNeverStale();
    void liveProcessThatIsNotTheHolder_data();
    void liveProcessThatIsNotTheHolder();
    void emptyLockFileIsStaleOnlyWhenOld();
    void missingFolderIsAnError();
    void unexpectedFileAtTheLockPathIsReported_data();
    void unexpectedFileAtTheLockPathIsReported();
    void holderRoundTrip();

private:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
};

void TestMaildropLock::acquireCreatesAReadableFile()
{
    const QString lock = path("a.lock");
    const auto attempt = MaildropLock::acquire(lock, holder(1), [](int) {
        return true;
    });
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::Acquired);
    QVERIFY(!attempt.staleFound);
    QFile file(lock);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("pop3lab maildrop lock\n"));
    QVERIFY(content.contains("user: student\n"));
    QVERIFY(content.contains(
        QByteArray("pid: " + QByteArray::number(QCoreApplication::applicationPid()) + "\n")));
    QVERIFY(content.contains("session: 1\n"));
    QVERIFY(content.contains("since: 2026-09-02T17:05:00Z\n"));
    QVERIFY(MaildropLock::release(lock, 1));
    QVERIFY(!QFile::exists(lock));
}

void TestMaildropLock::secondAcquireIsRefusedAndNamesTheHolder()
{
    const QString lock = path("b.lock");
    QCOMPARE(MaildropLock::acquire(lock,
                 holder(1),
                 [](int) {
                     return true;
                 })
                 .outcome,
        MaildropLock::Outcome::Acquired);
    const auto second = MaildropLock::acquire(lock, holder(2), [](int session) {
        return session == 1;
    });
    QCOMPARE(second.outcome, MaildropLock::Outcome::InUse);
    QCOMPARE(second.holder.session, 1);
    QCOMPARE(second.holder.peer, QStringLiteral("127.0.0.1:51"));
    QVERIFY2(second.holder.describe().startsWith(QStringLiteral("session 1 (127.0.0.1:51), pid ")),
        qPrintable(second.holder.describe()));
    QVERIFY(second.holder.describe().endsWith(QStringLiteral("since 2026-09-02T17:05:00Z")));
    QCOMPARE(MaildropLock::read(lock)->session, 1); // untouched
    QVERIFY(MaildropLock::release(lock, 1));
}

void TestMaildropLock::releaseOnlyByItsSession()
{
    const QString lock = path("c.lock");
    QCOMPARE(MaildropLock::acquire(lock, holder(3), {}).outcome, MaildropLock::Outcome::Acquired);
    QVERIFY(!MaildropLock::release(lock, 4));
    QVERIFY(QFile::exists(lock));
    QVERIFY(MaildropLock::release(lock, 3));
    QVERIFY(!QFile::exists(lock));
    QVERIFY(!MaildropLock::release(lock, 3)); // already gone
    // A lock of another process is never released by us.
    QVERIFY(MaildropLock::plantStale(lock, QStringLiteral("student")));
    QVERIFY(!MaildropLock::release(lock, 1));
    QVERIFY(QFile::exists(lock));
}

void TestMaildropLock::staleLockOfADeadProcessIsCleared()
{
    const QString lock = path("d.lock");
    QVERIFY(MaildropLock::plantStale(lock, QStringLiteral("student")));
    const auto ghost = MaildropLock::read(lock);
    QVERIFY(ghost);
    QVERIFY(MaildropLock::isStale(*ghost, {}));
    const auto attempt = MaildropLock::acquire(lock, holder(5), [](int) {
        return true;
    });
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::Acquired);
    QVERIFY(attempt.staleFound);
    QCOMPARE(attempt.staleFound->pid, ghost->pid);
    QCOMPARE(MaildropLock::read(lock)->session, 5);
}

void TestMaildropLock::ownLockOfAGoneSessionIsStale()
{
    const QString lock = path("e.lock");
    QCOMPARE(MaildropLock::acquire(lock, holder(6), {}).outcome, MaildropLock::Outcome::Acquired);
    // Session 6 is still alive: in use.
    QCOMPARE(MaildropLock::acquire(lock,
                 holder(7),
                 [](int s) {
                     return s == 6;
                 })
                 .outcome,
        MaildropLock::Outcome::InUse);
    // Session 6 is gone (the process lives on, but nobody holds it): stale.
    const auto attempt = MaildropLock::acquire(lock, holder(7), [](int) {
        return false;
    });
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::Acquired);
    QVERIFY(attempt.staleFound);
    QCOMPARE(attempt.staleFound->session, 6);
    QVERIFY(MaildropLock::release(lock, 7));
}

void TestMaildropLock::lockOfAnotherHostIsNeverStale()
{
    MaildropLock::Holder far = holder(1);
    far.host = QStringLiteral("elsewhere.example.net");
    far.pid = 4194305;
    QVERIFY(!MaildropLock::isStale(far, {}));
    const QString lock = path("f.lock");
    QFile file(lock);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(far.toFileContent());
    file.close();
    const auto attempt = MaildropLock::acquire(lock, holder(2), {});
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::InUse);
    QCOMPARE(attempt.holder.host, QStringLiteral("elsewhere.example.net"));
}

void TestMaildropLock::liveProcessThatIsNotTheHolder_data()
{
    QTest::addColumn<QByteArray>("boot"); // written in the file; empty: no such line
    QTest::addColumn<qint64>("startShift"); // added to the live process's real start time
    QTest::addColumn<bool>("withStart");
    QTest::addColumn<bool>("stale");
    const QByteArray now = procFile(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    QTest::newRow("the pid is alive but started later: reused after the holder died")
        << now << qint64(-1) << true << true;
    QTest::newRow("written before the machine last started (another boot id)")
        << QByteArray("00000000-0000-4000-8000-000000000000") << qint64(0) << true << true;
    QTest::newRow("the holder itself, still running: in use") << now << qint64(0) << true << false;
    QTest::newRow("an older lock file with a pid only, alive: in use as before")
        << QByteArray() << qint64(0) << false << false;
}

// Item 9 of issue 12: after a reboot (or once pids wrap) a stale lock's pid may belong to another
// live process; judged on its pid alone it blocked the maildrop for ever.
void TestMaildropLock::liveProcessThatIsNotTheHolder()
{
    QFETCH(QByteArray, boot);
    QFETCH(qint64, startShift);
    QFETCH(bool, withStart);
    QFETCH(bool, stale);
    const qint64 other = ::getppid(); // alive, and not this process
    QVERIFY(other > 1);
    QByteArray content = "pop3lab maildrop lock\nuser: student\npid: " + QByteArray::number(other)
        + "\nsession: 4\npeer: 127.0.0.1:40000\nhost: " + QSysInfo::machineHostName().toUtf8()
        + "\nsince: 2026-09-02T17:05:00Z\n";
    if (!boot.isEmpty())
        content += "boot: " + boot + '\n';
    if (withStart)
        content += "start: " + QByteArray::number(startTimeOf(other) + startShift) + '\n';
    const QString lock = path("reused.lock");
    QFile::remove(lock);
    QFile file(lock);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
    file.close();
    const auto attempt = MaildropLock::acquire(lock, holder(8), {});
    QCOMPARE(
        attempt.outcome, stale ? MaildropLock::Outcome::Acquired : MaildropLock::Outcome::InUse);
    QCOMPARE(bool(attempt.staleFound), stale);
    if (stale) {
        QCOMPARE(attempt.staleFound->pid, other);
        QCOMPARE(attempt.staleReason,
            boot.startsWith("00000000") ? MaildropLock::StaleReason::Rebooted
                                        : MaildropLock::StaleReason::PidReused);
        QVERIFY(MaildropLock::release(lock, 8));
    }
}

void TestMaildropLock::emptyLockFileIsStaleOnlyWhenOld()
{
    // A server killed between creating the lock and writing it leaves an empty file: once it is
    // old, it must not lock the maildrop forever.
    const QString lock = path("g.lock");
    QFile file(lock);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(MaildropLock::acquire(lock, holder(1), {}).outcome, MaildropLock::Outcome::InUse);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(
        QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime));
    file.close();
    const auto attempt = MaildropLock::acquire(lock, holder(1), {});
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::Acquired);
    QVERIFY(attempt.staleFound);
}

void TestMaildropLock::missingFolderIsAnError()
{
    const auto attempt = MaildropLock::acquire(path("no/such/folder/x.lock"), holder(1), {});
    QCOMPARE(attempt.outcome, MaildropLock::Outcome::Error);
    QVERIFY2(attempt.error.contains(QStringLiteral("x.lock")), qPrintable(attempt.error));
}

void TestMaildropLock::unexpectedFileAtTheLockPathIsReported_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reported");
    QTest::newRow("a dangling symbolic link")
        << QStringLiteral("dangling") << QStringLiteral("is a symbolic link to");
    QTest::newRow("a symbolic link to a file elsewhere")
        << QStringLiteral("link") << QStringLiteral("is a symbolic link to");
    QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("is a folder");
    QTest::newRow("a FIFO (opening it to read would block for ever)")
        << QStringLiteral("fifo") << QStringLiteral("is a special file");
}

// Something else than a lock file at the lock path blocks every login: the error says what is
// there (the -ERR [SYS/TEMP] of PASS carries it), nothing is followed, nothing hangs.
void TestMaildropLock::unexpectedFileAtTheLockPathIsReported()
{
    QFETCH(QString, kind);
    QFETCH(QString, reported);
    QTemporaryDir dir;
    const QString lock = dir.filePath(QStringLiteral("student.lock"));
    const QString elsewhere = dir.filePath(QStringLiteral("elsewhere.txt"));
    const QByteArray victim = "not a lock: somebody's file\n";
    if (kind == QLatin1String("dangling")) {
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone")), lock));
    } else if (kind == QLatin1String("link")) {
        QFile f(elsewhere);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(victim) == victim.size());
        f.close();
        // Old enough to look stale if it were read as an empty lock: it must not be removed.
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-3600), QFileDevice::FileModificationTime);
        f.close();
        QVERIFY(QFile::link(elsewhere, lock));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(lock));
    } else {
        QCOMPARE(::mkfifo(QFile::encodeName(lock).constData(), 0600), 0);
    }
    for (int attempt = 0; attempt < 2; ++attempt) { // the same answer every time
        const auto a = MaildropLock::acquire(lock, holder(1), {});
        QCOMPARE(a.outcome, MaildropLock::Outcome::Error);
        QVERIFY2(a.error.contains(lock) && a.error.contains(reported), qPrintable(a.error));
        QVERIFY2(!a.error.contains(QLatin1Char('\n')), qPrintable(a.error));
    }
    QVERIFY(!MaildropLock::release(lock, 1));
    QVERIFY(QFileInfo(lock).isSymLink() || QFileInfo::exists(lock)); // left for a human to see
    if (kind == QLatin1String("link")) {
        QFile f(elsewhere);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), victim);
    }
}

void TestMaildropLock::holderRoundTrip()
{
    const MaildropLock::Holder h = holder(9);
    const auto back = MaildropLock::Holder::fromFileContent(h.toFileContent());
    QVERIFY(back);
    QCOMPARE(back->user, h.user);
    QCOMPARE(back->pid, h.pid);
    QCOMPARE(back->session, h.session);
    QCOMPARE(back->peer, h.peer);
    QCOMPARE(back->host, h.host);
    QCOMPARE(back->since, h.since);
    // What a lock written now holds besides the pid: the boot and the start of the process.
    const MaildropLock::Holder me = MaildropLock::self();
    QCOMPARE(me.bootId.toUtf8(), procFile(QStringLiteral("/proc/sys/kernel/random/boot_id")));
    QCOMPARE(me.startTime, startTimeOf(QCoreApplication::applicationPid()));
    const auto mine = MaildropLock::Holder::fromFileContent(me.toFileContent());
    QVERIFY(mine);
    QCOMPARE(mine->bootId, me.bootId);
    QCOMPARE(mine->startTime, me.startTime);
    QVERIFY(!MaildropLock::Holder::fromFileContent("garbage without colons"));
}

QTEST_GUILESS_MAIN(TestMaildropLock)
#include "tst_maildroplock.moc"
