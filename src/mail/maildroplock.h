#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace pop3 {

// The maildrop lock file of RFC 1939 §8 and the 2000 tutorial: a real file, created when a
// session logs in (O_EXCL, so two servers cannot both win) and removed when it leaves. It holds
// who has it, in plain text a student can read. A lock whose process is gone is stale: it is
// removed and reported so the story can be told.
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

        QString describe() const; // "session 3 (127.0.0.1:53412), pid 1234 on host, since …"
        QByteArray toFileContent() const;
        static std::optional<Holder> fromFileContent(const QByteArray &content);
    };

    enum class Outcome {
        Acquired,
        InUse, // someone alive holds it
        Error, // the file could not be created or read
    };

    struct Attempt
    {
        Outcome outcome = Outcome::Error;
        Holder holder; // the other holder when InUse
        std::optional<Holder> staleFound; // a dead holder whose lock was removed first
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
    // Whether the process that wrote holder is gone (same host, no such pid).
    static bool isStale(
        const Holder &holder, const std::function<bool(int session)> &isOurSessionAlive);
    // An empty lock file (its writer died before filling it) older than this is stale.
    static constexpr int emptyLockGraceSeconds = 60;
    // Writes a lock for a process that no longer exists, as a crashed server leaves one.
    static bool plantStale(const QString &path, const QString &user);
};

} // namespace pop3
