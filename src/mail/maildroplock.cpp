#include "mail/maildroplock.h"

#include "mail/safefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace pop3 {

namespace {

bool processExists(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return file.read(4096);
}

} // namespace

QString MaildropLock::Holder::describe() const
{
    return QStringLiteral("session %1 (%2), pid %3 on %4, since %5")
        .arg(session)
        .arg(peer.isEmpty() ? QStringLiteral("?") : peer)
        .arg(pid)
        .arg(host, since.toUTC().toString(Qt::ISODate));
}

QByteArray MaildropLock::Holder::toFileContent() const
{
    QByteArray out = "pop3lab maildrop lock\n";
    out += "user: " + user.toUtf8() + '\n';
    out += "pid: " + QByteArray::number(pid) + '\n';
    out += "session: " + QByteArray::number(session) + '\n';
    out += "peer: " + peer.toUtf8() + '\n';
    out += "host: " + host.toUtf8() + '\n';
    out += "since: " + since.toUTC().toString(Qt::ISODate).toUtf8() + '\n';
    if (!bootId.isEmpty())
        out += "boot: " + bootId.toUtf8() + '\n';
    if (startTime > 0)
        out += "start: " + QByteArray::number(startTime) + '\n';
    return out;
}

std::optional<MaildropLock::Holder> MaildropLock::Holder::fromFileContent(const QByteArray &content)
{
    Holder h;
    bool any = false;
    const QList<QByteArray> lines = content.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
        any = true;
        if (key == "user")
            h.user = value;
        else if (key == "pid")
            h.pid = value.toLongLong();
        else if (key == "session")
            h.session = value.toInt();
        else if (key == "peer")
            h.peer = value;
        else if (key == "host")
            h.host = value;
        else if (key == "since")
            h.since = QDateTime::fromString(value, Qt::ISODate);
        else if (key == "boot")
            h.bootId = value;
        else if (key == "start")
            h.startTime = value.toLongLong();
    }
    if (!any)
        return std::nullopt;
    return h;
}

std::optional<MaildropLock::Holder> MaildropLock::read(const QString &path)
{
    QFile file;
    if (!SafeFile::openForReading(file, path)) // a link is never followed, a FIFO never opened
        return std::nullopt;
    std::optional<Holder> h = Holder::fromFileContent(file.read(4096));
    if (!h) { // unreadable content: still a lock, by an unknown holder, dated by the file
        h = Holder{};
        h->since = QFileInfo(path).lastModified().toUTC();
    }
    return h;
}

QString MaildropLock::currentBootId()
{
    static const QString id =
        QString::fromLatin1(readProcFile(QStringLiteral("/proc/sys/kernel/random/boot_id")))
            .trimmed();
    return id;
}

qint64 MaildropLock::processStartTime(qint64 pid)
{
    if (pid <= 0)
        return 0;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields are counted
    // from the last ')'; state is field 3, starttime field 22.
    const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    constexpr int startField = 22 - 3;
    return fields.size() > startField ? fields.at(startField).toLongLong() : 0;
}

MaildropLock::Holder MaildropLock::self()
{
    Holder me;
    me.pid = QCoreApplication::applicationPid();
    me.host = QSysInfo::machineHostName();
    me.bootId = currentBootId();
    static const qint64 start = processStartTime(me.pid);
    me.startTime = start;
    return me;
}

MaildropLock::StaleReason MaildropLock::staleReason(
    const Holder &holder, const std::function<bool(int session)> &isOurSessionAlive)
{
    if (holder.pid == 0 && holder.host.isEmpty()) {
        // An empty or unreadable lock: a server killed between creating the file and writing it.
        // It is stale once it is clearly older than that instant (RFC 1939's lock story would
        // otherwise end with a maildrop locked for ever).
        const bool old = holder.since.isValid()
            && holder.since.secsTo(QDateTime::currentDateTimeUtc()) > emptyLockGraceSeconds;
        return old ? StaleReason::EmptyAndOld : StaleReason::NotStale;
    }
    if (holder.host != QSysInfo::machineHostName())
        return StaleReason::NotStale; // another machine's process cannot be checked
    // Written before the machine last started: whatever has the pid now is not the holder.
    if (!holder.bootId.isEmpty() && !currentBootId().isEmpty() && holder.bootId != currentBootId())
        return StaleReason::Rebooted;
    if (!processExists(holder.pid))
        return StaleReason::ProcessGone;
    // The pid is alive, but did it start when the holder did? (A lock file without a start time,
    // written by an older pop3lab, is judged on its pid alone, as before.)
    if (holder.startTime > 0) {
        const qint64 start = processStartTime(holder.pid);
        if (start > 0 && start != holder.startTime)
            return StaleReason::PidReused;
    }
    if (holder.pid == QCoreApplication::applicationPid())
        return isOurSessionAlive && isOurSessionAlive(holder.session) ? StaleReason::NotStale
                                                                      : StaleReason::SessionGone;
    return StaleReason::NotStale;
}

MaildropLock::Attempt MaildropLock::acquire(const QString &path,
    const Holder &me,
    const std::function<bool(int session)> &isOurSessionAlive)
{
    Attempt attempt;
    for (int tries = 0; tries < 3; ++tries) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            const QByteArray content = me.toFileContent();
            if (file.write(content) != content.size() || !file.flush()) {
                attempt.error = file.errorString();
                file.close();
                QFile::remove(path);
                return attempt;
            }
            attempt.outcome = Outcome::Acquired;
            return attempt;
        }
        switch (SafeFile::kind(path)) {
        case SafeFile::Kind::Missing:
            attempt.error =
                QStringLiteral("cannot create the lock file %1: %2").arg(path, file.errorString());
            return attempt;
        case SafeFile::Kind::File:
            break;
        default:
            // Not a lock file: it would block every login for ever, and no lock of ours is a link
            // or a folder. Said as it is, left for a human to remove.
            attempt.error = QStringLiteral("the lock path %1 is %2, not a lock file: remove it")
                                .arg(path, SafeFile::describe(path));
            return attempt;
        }
        const std::optional<Holder> other = read(path);
        if (!other) // vanished between our two looks: try again
            continue;
        const StaleReason why = staleReason(*other, isOurSessionAlive);
        if (why == StaleReason::NotStale) {
            attempt.outcome = Outcome::InUse;
            attempt.holder = *other;
            return attempt;
        }
        if (!QFile::remove(path) && QFileInfo::exists(path)) {
            attempt.error = QStringLiteral("cannot remove the stale lock file %1").arg(path);
            return attempt;
        }
        attempt.staleFound = *other;
        attempt.staleReason = why;
    }
    attempt.error = QStringLiteral("the lock file %1 keeps changing").arg(path);
    return attempt;
}

bool MaildropLock::release(const QString &path, int session)
{
    const std::optional<Holder> holder = read(path);
    if (!holder || holder->pid != QCoreApplication::applicationPid() || holder->session != session)
        return false;
    return QFile::remove(path);
}

bool MaildropLock::plantStale(const QString &path, const QString &user)
{
    // A pid above the kernel's pid_max cannot belong to a live process.
    Holder ghost;
    ghost.user = user;
    ghost.pid = 4194305;
    ghost.session = 1;
    ghost.peer = QStringLiteral("127.0.0.1:1023");
    ghost.host = QSysInfo::machineHostName();
    ghost.since = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(ghost.toFileContent()) > 0;
}

} // namespace pop3
