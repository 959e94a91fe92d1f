#pragma once

#include "events/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pop3 {

class ReplyBody;

// One message of a maildrop, as a session sees it (numbers are positions in the snapshot taken at
// login). The storage fills it; the session only reads sizes, the unique-id and the summary.
struct MessageInfo
{
    QString file; // absolute path of the file holding the message
    qint64 offset = 0; // where the message starts in file (mbox), 0 otherwise
    qint64 length = 0; // octets in file
    qint64 wireSize = 0; // octets as sent on the wire: CRLF line endings, no byte-stuffing
    int headerLines = 0; // lines up to and including the blank line after the header
    int bodyLines = 0; // lines after it
    bool mboxQuoted = false;
    QByteArray uid; // RFC 1939 unique-id: 1 to 70 characters 0x21..0x7E
    QByteArray from; // raw (possibly encoded) header values, unfolded
    QByteArray subject;
    QByteArray date;
};

// Everything a POP3 session needs from the mail storage, and nothing else: Pop3Session does no
// file I/O of its own, so it can be tested (and fuzzed) against an in-memory implementation.
// MailStore (src/mail) implements it on real maildrops, with real lock files.
class MailboxAccess
{
public:
    virtual ~MailboxAccess() = default;

    // The account's shared secret (POP3 passwords are shared secrets: APOP and CRAM-MD5 need the
    // plain text), or nothing when there is no such account.
    virtual std::optional<QString> secret(const QString &user) const = 0;

    struct LockRequest
    {
        QString user;
        int session = 0;
        QString peer; // "127.0.0.1:53412"
        qint64 sinceMs = 0;
    };

    // Why a lock file was found stale (its number is the StaleLockCleared event's number).
    enum class StaleReason {
        NotStale = 0,
        ProcessGone = 1, // no process has the holder's pid
        Rebooted = 2, // the machine started again since (another boot id)
        PidReused = 3, // a process has the pid, but it started at another time: not the holder
        SessionGone = 4, // written by this very process for a session that has ended
        EmptyAndOld = 5, // empty or unreadable, older than a server's start could explain
    };

    struct LockOutcome
    {
        enum Kind {
            Acquired,
            InUse, // someone alive holds it
            Error, // it could not be taken (the reason in error)
        };

        Kind kind = Error;
        QString path; // the lock file
        QString holder; // Acquired: us, described; InUse: who holds it
        QString staleCleared; // a dead holder's lock removed first, described; empty if none
        StaleReason staleReason = StaleReason::NotStale; // why it was found stale
        QString error;
    };

    // RFC 1939 §8: an exclusive-access lock on the maildrop, taken at login.
    virtual LockOutcome lock(const LockRequest &request) = 0;

    struct UnlockOutcome
    {
        QString path;
        bool removed = false; // false: it was gone already, or held by someone else
    };

    virtual UnlockOutcome unlock(const QString &user, int session) = 0;

    // The maildrop as it is now: the snapshot a session works on from login to QUIT.
    virtual QList<MessageInfo> snapshot(const QString &user) = 0;

    // The wire form of a message (RETR) or its header and first topLines body lines (TOP); null
    // when it cannot be read now (its file vanished or is not a file any more).
    virtual std::unique_ptr<ReplyBody> body(const MessageInfo &message, int topLines = -1) = 0;

    // RFC 1939 §6 UPDATE: removes the given messages of the snapshot, atomically (all or none).
    // removed lists what was removed (files, or "mbox@offset" regions). The one exception: a file
    // the system refuses to remove (permissions) fails the commit after the others went; removed
    // then lists those, and the error names the ones that stay.
    virtual Result expunge(
        const QString &user, const QList<MessageInfo> &victims, QStringList *removed) = 0;
};

} // namespace pop3
