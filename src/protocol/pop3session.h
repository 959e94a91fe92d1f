#pragma once

#include "events/event.h"
#include "protocol/mailboxaccess.h"
#include "protocol/personality.h"

#include <QBitArray>
#include <QByteArray>
#include <QString>

#include <memory>

namespace pop3 {

class EventLog;
class LoginThrottle;
class ReplyBody;

// One POP3 conversation as a pure state machine (RFC 1939, RFC 2449, RFC 5034): lines in, replies
// and events out. No socket, no timer and no file: the maildrop is reached through MailboxAccess;
// the caller passes the time in and moves the bytes, which is what makes every rule unit-testable.
//
//   start() ─► greeting, AUTHORIZATION
//   handleLine() ─► Reply { status line, optional streamed body, close? }
//   end() ─► the connection is gone: lock released, nothing committed unless QUIT got there
class Pop3Session final
{
    Q_DISABLE_COPY_MOVE(Pop3Session)

public:
    struct Reply
    {
        QByteArray head; // "+OK ...\r\n" or "-ERR ...\r\n" (or "+ ...\r\n")
        std::unique_ptr<ReplyBody> body; // multi-line body, read until atEnd()
        bool close = false; // the server closes after sending this
        // The connection sends this reply only after so many milliseconds, reading nothing more
        // from its client meanwhile (a failed login, Dovecot's wait for a locked mailbox).
        int delayMs = 0;

        QByteArray drain(); // head plus the whole body (tests, small replies)
    };

    struct Peer
    {
        QString remote; // "127.0.0.1:53412"
        QString local; // "127.0.0.1:1110"
        QString serverHost; // the address the greeting names ({host})
        bool tlsAvailable = false; // the transport can start TLS (STLS); today it never can
    };

    static constexpr qsizetype maxCommandLine = 255; // RFC 2449 §4, CRLF included
    static constexpr qsizetype maxSaslLine = 4096;
    static constexpr qsizetype maxReply = 512; // RFC 1939 §3, CRLF included

    Pop3Session(
        EventLog *log, MailboxAccess *store, const Personality *personality, int id, Peer peer);
    ~Pop3Session();

    QByteArray start(qint64 nowMs);
    // One line as received, line ending included (CRLF, or a bare LF).
    Reply handleLine(const QByteArray &rawLine, qint64 nowMs);
    // A line longer than the splitter keeps: only its length and first octets are known.
    Reply handleOverlongLine(const QByteArray &start, qint64 length, qint64 nowMs);
    // A line the client ended with a CR alone (or telnet's CR NUL): refused with the explanation,
    // not counted as a bad command.
    Reply handleBareCrLine(const QByteArray &rawLine, qint64 nowMs);
    // The RFC 1939 autologout, and an orderly server shutdown: the last words before closing.
    Reply idleTimeout(qint64 nowMs);
    Reply shutdown(qint64 nowMs);
    // The connection is gone. Releases the lock; commits nothing that QUIT did not commit.
    void end(DisconnectReason reason, qint64 nowMs, const QString &detail = {});

    // Failed logins are delayed per connection and, through a throttle shared by the server's
    // sessions, per source address. Without one, only the connection's own failures count.
    void setLoginThrottle(LoginThrottle *throttle) { m_throttle = throttle; }

    // 0 delays nothing (a teacher's demo, tests that are not about delays).
    void setLoginDelays(bool on) { m_loginDelays = on; }

    // The server dies (a fault injected): the lock is left on disk, not released, when the session
    // ends; the lock file then names a session that no longer exists, which makes it stale.
    void abandonLock() { m_holdsLock = false; }

    State state() const { return m_state; }

    int id() const { return m_id; }

    QString user() const { return m_user; }

    const Peer &peer() const { return m_peer; }

    bool isClosing() const { return m_closing; }

    // Why the session asked to close (valid once isClosing()).
    DisconnectReason closeReason() const { return m_closeReason; }

    bool expectsSaslResponse() const { return m_sasl != Sasl::None; }

    QByteArray apopTimestamp() const { return m_apopTimestamp; }

    // The maildrop as this session sees it (numbers fixed at login) and its deletion marks.
    const QList<MessageInfo> &messages() const { return m_messages; }

    bool isMarked(int number) const { return m_marks.testBit(number - 1); }

private:
    enum class Sasl {
        None,
        PlainResponse,
        LoginUser,
        LoginPassword,
    };

    Reply dispatch(
        const QByteArray &command, const QList<QByteArray> &args, const QByteArray &rest);
    Reply authorization(
        const QByteArray &cmd, const QList<QByteArray> &args, const QByteArray &rest);
    Reply transaction(const QByteArray &cmd, const QList<QByteArray> &args);
    QString remoteAddress() const;
    Reply saslStep(const QByteArray &line);
    Reply login(const QString &user, const QString &password, bool passwordChecked);
    Reply quit();

    // Parses a message number argument; on failure fills error with the reply.
    int messageNumber(const QByteArray &cmd,
        const QList<QByteArray> &args,
        qsizetype index,
        bool mustBeLast,
        Reply &error);

    static Reply statusReply(const char *status, const QString &text);
    Reply ok(const QString &text);
    // bad: an unknown command, which counts towards the bad-command limit.
    Reply err(const QString &text, bool bad = false);
    Reply unknownCommand(const QString &key, const Personality::Args &args);
    Reply failedLogin(Reply reply);
    Reply inUse(Reply reply);
    Reply withBody(Reply reply, std::unique_ptr<ReplyBody> body);
    Reply finishReply(Reply reply);
    Reply tooManyBad();
    bool badLimitReached() const;
    QString t(const QString &key, const Personality::Args &args = {}) const;

    void emitEvent(Event e);
    void changeState(State to);
    void releaseLock();
    void recountVisible();

    qint64 visibleOctets() const { return m_visibleOctets; }

    int visibleCount() const { return m_visibleCount; }

    EventLog *m_log;
    MailboxAccess *m_store;
    const Personality *m_personality;
    int m_id;
    Peer m_peer;
    qint64 m_now = 0;
    State m_state = State::Connecting;
    QString m_user;
    QString m_pendingUser; // after USER, before PASS
    QByteArray m_apopTimestamp;
    Sasl m_sasl = Sasl::None;
    int m_badInARow = 0;
    int m_failedLogins = 0;
    LoginThrottle *m_throttle = nullptr;
    bool m_loginDelays = true;
    bool m_closing = false;
    DisconnectReason m_closeReason = DisconnectReason::Quit;
    bool m_lastWasBad = false;
    bool m_holdsLock = false;
    bool m_pendingStateChange = false;
    State m_pendingState = State::Transaction;
    QString m_saslUser;
    QList<MessageInfo> m_messages;
    QBitArray m_marks;
    int m_visibleCount = 0; // messages not marked deleted
    qint64 m_visibleOctets = 0; // and their octets
};

// Sanitizes client bytes for echoing in a reply: printable ASCII kept, others as \xNN, at most
// maxChars characters (then "...").
QByteArray echoable(const QByteArray &bytes, qsizetype maxChars = 40);

} // namespace pop3
