#pragma once

#include "events/event.h"
#include "protocol/mailboxaccess.h"
#include "protocol/personality.h"

#include <QBitArray>
#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pop3 {

class EventLog;
class LoginThrottle;
class ReplyBody;
class ScramServer;

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
        // STLS accepted (RFC 2595 §4): once this +OK is written, what the client sent after STLS
        // is discarded and the TLS handshake starts; the session goes on with tlsStarted().
        bool startTls = false;
        // A delayed reply's event: appended by report() when the reply is really written, so the
        // diagram, the lessons and the hand-in see it when the client does (not at the command).
        EventLog *heldLog = nullptr;
        std::optional<Event> held;

        // Appends the held event (if any) as written at nowMs; a reply dropped unsent tells none.
        void report(qint64 nowMs);
        // Head plus the whole body (tests, small replies); a held event is reported as written
        // once its delay is over.
        QByteArray drain();
    };

    struct Peer
    {
        QString remote; // "127.0.0.1:53412"
        QString local; // "127.0.0.1:1110"
        QString serverHost; // the address the greeting names ({host})
        bool tlsAvailable = false; // the transport can start TLS (STLS): the server has a key
        bool tls = false; // encrypted from the first octet (POP3S, RFC 8314)
        // The client is on this machine (loopback, or its address is the server's own): Dovecot
        // counts such a connection as secure, as if it were TLS, for plain-text logins.
        bool onThisMachine = false;
    };

    static constexpr qsizetype maxCommandLine = 255; // RFC 2449 §4, CRLF included
    static constexpr qsizetype maxSaslLine = 4096;
    static constexpr qsizetype maxReply = 512; // RFC 1939 §3, CRLF included

    Pop3Session(
        EventLog *log, MailboxAccess *store, const Personality *personality, int id, Peer peer);
    // The same, keeping its own reference to the personality it started with (the server's
    // may be switched while the session runs).
    Pop3Session(EventLog *log,
        MailboxAccess *store,
        std::shared_ptr<const Personality> personality,
        int id,
        Peer peer);
    ~Pop3Session();

    QByteArray start(qint64 nowMs);
    // One line as received, line ending included (CRLF, or a bare LF).
    Reply handleLine(const QByteArray &rawLine, qint64 nowMs);
    // A line longer than the splitter keeps: only its length and first octets are known.
    Reply handleOverlongLine(const QByteArray &start, qint64 length, qint64 nowMs);
    // A line the client ended with a CR alone (or telnet's CR NUL): refused with the explanation,
    // not counted as a bad command.
    Reply handleBareCrLine(const QByteArray &rawLine, qint64 nowMs);
    // A line that arrived while an earlier one is still unanswered (pipelined, or typed while the
    // server is slow): a LineQueued event, so the diagram draws it when it arrived. Its credential
    // is hidden like a ClientLine's; after a queued AUTH every queued line counts as a SASL answer
    // (the state it will be read in is not known yet). false: nothing told (the session is
    // closing: the line will never be answered).
    bool lineQueued(const QByteArray &bytes, qint64 length, qint64 nowMs);

    // Called right after a line's ClientLine event, before the line is answered (its reply's
    // event may be logged inside handleLine): the connection tells lineQueued() the lines
    // already waiting behind it, so they are logged between the command and its reply.
    void setQueueProbe(std::function<void()> probe) { m_queueProbe = std::move(probe); }

    // The next line handled was announced by lineQueued (its ClientLine says so); false also
    // means the queue is empty.
    void setLineWasQueued(bool queued);
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

    // The slow-replies fault: every reply to the lines handled from now on waits this long more.
    // Set here, not added by the connection afterwards, so that the reply's event is held with the
    // reply and logged when it is written (the diagram then draws it after the client's command).
    void setExtraReplyDelayMs(int ms) { m_extraDelayMs = ms > 0 ? ms : 0; }

    // Plain-text logins (USER/PASS, SASL PLAIN and LOGIN) refused until TLS (Dovecot's
    // disable_plaintext_auth): -ERR [AUTH], and CAPA no longer lists them. localIsSecure: a
    // client on this machine (Peer::onThisMachine) counts as secure (Dovecot's default).
    void setPlaintextAuthDisabled(bool disabled, bool localIsSecure)
    {
        m_plaintextDisabled = disabled;
        m_localIsSecure = localIsSecure;
    }

    // Whether USER/PASS, PLAIN and LOGIN are allowed now.
    bool plaintextAuthAllowed() const;

    // The TLS handshake that STLS (or the POP3S port) began has completed; detail: protocol and
    // cipher, for the note. What the client knew before is forgotten (RFC 2595 §4).
    void tlsStarted(qint64 nowMs, const QString &detail);
    // Octets the client sent after STLS, before the handshake: discarded unread (RFC 2595 §4;
    // the STARTTLS command injection of CVE-2011-0411).
    void discardedAfterStls(qint64 octets, qint64 nowMs);

    bool isTls() const { return m_tls; }

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
        CramResponse, // RFC 2195: "user digest"
        ScramFirst, // RFC 5802: client-first-message
        ScramFinal, // client-final-message
        ScramDone, // the client's empty answer to the server's signature
    };

    Reply dispatch(
        const QByteArray &command, const QList<QByteArray> &args, const QByteArray &rest);
    Reply authorization(
        const QByteArray &cmd, const QList<QByteArray> &args, const QByteArray &rest);
    Reply transaction(const QByteArray &cmd, const QList<QByteArray> &args);
    QString remoteAddress() const;
    Reply startSasl(const QString &mech, const QList<QByteArray> &args);
    Reply saslStep(const QByteArray &line);
    Reply scramStep(Sasl step, const QByteArray &data);
    Reply continuation(const QByteArray &challenge);
    Reply plaintextRefused();
    QByteArray challengeStamp() const;
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
    std::shared_ptr<const Personality> m_ownPersonality; // null: the caller keeps it alive
    const Personality *m_personality;
    int m_id;
    Peer m_peer;
    qint64 m_now = 0;
    int m_extraDelayMs = 0; // the slow-replies fault's, see setExtraReplyDelayMs
    void probeQueue(const QByteArray &line);
    bool m_lineWasQueued = false; // see setLineWasQueued
    std::function<void()> m_queueProbe; // see setQueueProbe
    bool m_queueAfterAuth = false; // a queued line was an AUTH: what follows may be its answer
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
    QByteArray m_cramChallenge;
    std::unique_ptr<ScramServer> m_scram;
    bool m_tls = false;
    bool m_plaintextDisabled = false;
    bool m_localIsSecure = true;
    QList<MessageInfo> m_messages;
    QBitArray m_marks;
    int m_visibleCount = 0; // messages not marked deleted
    qint64 m_visibleOctets = 0; // and their octets
};

// Sanitizes client bytes for echoing in a reply: printable ASCII kept, others as \xNN, at most
// maxChars characters (then "...").
QByteArray echoable(const QByteArray &bytes, qsizetype maxChars = 40);

} // namespace pop3
