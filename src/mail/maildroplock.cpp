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

bool MaildropLock::isStale(
    const Holder &holder, const std::function<bool(int session)> &isOurSessionAlive)
{
    if (holder.pid == 0 && holder.host.isEmpty()) {
        // An empty or unreadable lock: a server killed between creating the file and writing it.
        // It is stale once it is clearly older than that instant (RFC 1939's lock story would
        // otherwise end with a maildrop locked for ever).
        return holder.since.isValid()
            && holder.since.secsTo(QDateTime::currentDateTimeUtc()) > emptyLockGraceSeconds;
    }
    if (holder.host != QSysInfo::machineHostName())
        return false; // another machine's process cannot be checked
    if (holder.pid == QCoreApplication::applicationPid())
        return !(isOurSessionAlive && isOurSessionAlive(holder.session));
    return !processExists(holder.pid);
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
        if (!isStale(*other, isOurSessionAlive)) {
            attempt.outcome = Outcome::InUse;
            attempt.holder = *other;
            return attempt;
        }
        if (!QFile::remove(path) && QFileInfo::exists(path)) {
            attempt.error = QStringLiteral("cannot remove the stale lock file %1").arg(path);
            return attempt;
        }
        attempt.staleFound = *other;
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
