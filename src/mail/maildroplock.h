#pragma once

#include "protocol/mailboxaccess.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace pop3 {

// The maildrop lock file of RFC 1939 §8 and the 2000 tutorial: a real file, created when a
// session logs in (O_EXCL, so two servers cannot both win) and removed when it leaves. It holds
// who has it, in plain text a student can read. A lock whose process is gone is stale: it is
// removed and reported so the story can be told. A pid alone does not name a process for ever
// (after a reboot, or once pids wrap, another program may have it), so the file also holds the
// machine's boot id and the holder's start time: a live pid with another start is not the holder.
class MaildropLock final
{
public:
    struct Holder
    {
        QString user;
        qint64 pid = 0;
        int session = 0;
        QString peer;
        QString host;
        QDateTime since;
        QString bootId; // /proc/sys/kernel/random/boot_id when written; empty in older files
        qint64 startTime = 0; // the holder's start, in clock ticks since boot; 0 if unknown

        QString describe() const; // "session 3 (127.0.0.1:53412), pid 1234 on host, since …"
        QByteArray toFileContent() const;
        static std::optional<Holder> fromFileContent(const QByteArray &content);
    };

    enum class Outcome {
        Acquired,
        InUse, // someone alive holds it
        Error, // the file could not be created or read
    };

    using StaleReason = MailboxAccess::StaleReason;

    struct Attempt
    {
        Outcome outcome = Outcome::Error;
        Holder holder; // the other holder when InUse
        std::optional<Holder> staleFound; // a dead holder whose lock was removed first
        StaleReason staleReason = StaleReason::NotStale; // why staleFound was stale
        QString error;
    };

    // isOurSessionAlive answers, for a lock written by this very process, whether that session
    // still exists (a lock of ours whose session is gone is stale too).
    static Attempt acquire(const QString &path,
        const Holder &me,
        const std::function<bool(int session)> &isOurSessionAlive);
    // Removes the lock if it is held by session (of this process); true if it was removed.
    static bool release(const QString &path, int session);
    static std::optional<Holder> read(const QString &path);
    // Whether the process that wrote holder is gone (same host, and no such pid, or the machine
    // rebooted since, or the pid is now another process's), and why.
    static StaleReason staleReason(
        const Holder &holder, const std::function<bool(int session)> &isOurSessionAlive);

    static bool isStale(
        const Holder &holder, const std::function<bool(int session)> &isOurSessionAlive)
    {
        return staleReason(holder, isOurSessionAlive) != StaleReason::NotStale;
    }

    // This boot's id, and a process's start time (field 22 of /proc/PID/stat; 0 if unknown).
    static QString currentBootId();
    static qint64 processStartTime(qint64 pid);
    // A holder for this process: pid, host, boot id and start time filled in.
    static Holder self();
    // An empty lock file (its writer died before filling it) older than this is stale.
    static constexpr int emptyLockGraceSeconds = 60;
    // Writes a lock for a process that no longer exists, as a crashed server leaves one.
    static bool plantStale(const QString &path, const QString &user);
};

} // namespace pop3
