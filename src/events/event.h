#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace pop3 {

// The protocol states of RFC 1939 §3, plus the two ends of a connection's life.
enum class State : quint8 {
    Connecting, // before the greeting
    Authorization, // USER/PASS/APOP/AUTH
    Transaction, // logged in, maildrop locked
    Update, // after QUIT in TRANSACTION: deletions are committed
    Closed, // the connection is gone
};

// Every kind of fact the event stream carries (see docs/architecture.md).
enum class EventKind : quint8 {
    Connected, // text: peer "address:port", detail: local "address:port"
    ClientLine, // bytes: the raw line as received, line ending included
    ServerReply, // bytes: status line; body: first bytes of a multi-line body
    StateChanged, // from -> to
    LockCreated, // text: lock path, detail: holder description, user: whose maildrop
    LockRemoved, // text: lock path
    LockRefused, // text: lock path, detail: who holds it
    StaleLockCleared, // text: lock path, detail: the dead holder, number: why (StaleReason)
    MarkedDeleted, // number: message number
    MarksReset, // numbers: messages that were unmarked
    Expunged, // numbers: message numbers removed, detail: files
    Disconnected, // text: reason code (see DisconnectReason), detail: human words
    Note, // text: what happened (fault injected, mailbox reset, ...)
    // bytes: a line that arrived while an earlier command of the session was still unanswered
    // (RFC 2449 pipelining, or typed while the server was slow): it waits its turn. Its
    // ClientLine follows when the server reads it, with `queued` set.
    LineQueued,
};

enum class DisconnectReason : quint8 {
    Quit, // the client sent QUIT and the server closed
    PeerClosed, // the client went away without QUIT
    IdleTimeout, // the RFC 1939 autologout timer fired
    TooManyErrors, // the bad-command limit (unknown commands in a row)
    ServerShutdown,
    Error, // socket error
    TooManyLoginFailures, // the connection's failed-login limit
    MailboxInUse, // after [IN-USE], as Dovecot closes
    Refused, // a connection to another server was refused (nothing listens there)
    HostNotFound, // another server's name could not be resolved
};

// What a Note event tells (its text is the id, for traces and for people reading them).
enum class NoteKind : quint8 {
    Other, // a note this version does not know (from a newer trace)
    MailboxReset, // detail: the user and the source copied again
    PersonalityChanged, // detail: the new personality's id
    FaultDropped, // the teacher dropped this connection
    StaleLockPlanted, // a lesson planted a crashed server's lock; detail: its path
    ExpungeFailed, // UPDATE could not remove every marked message; detail: why
    SessionLabel, // detail: the name a view gives the session ("Terminal 2")
    MaildropUnreadable, // a maildrop could not be read again at login; detail: why
    MaildropWarning, // a maildrop was read with a warning (CR-only mbox, ...); detail: what
    DescriptorsExhausted, // no descriptor left: new clients refused until some leave
    RemoteServer, // the session talks to another server; detail: its "host:port" as typed
    // Faults a teacher injects (lab/faultinjector.h); each is told before it acts.
    FaultSlowReplies, // number: the delay per reply in ms (0: full speed again)
    FaultLoginRefused, // the next login is refused with -ERR [SYS/TEMP]; detail: why
    FaultCommitFailed, // the next UPDATE fails before removing anything; detail: why
    FaultServerCrashed, // the server died holding locks; detail: the lock files left
    MessageDelivered, // user: whose maildrop; detail: the new message's file
    TlsStarted, // the TLS handshake completed (STLS or POP3S); detail: protocol and cipher
    StlsInputDiscarded, // number: octets sent after STLS before the handshake, discarded
    // A lock file left by a holder that is gone, found when the server starts (or restarts after
    // Faults › Kill the Server); detail: its path, user: whose, number: the pid written in it.
    StaleLockFound,
};

struct Event
{
    quint64 seq = 0;
    qint64 timeMs = 0; // milliseconds since the Unix epoch
    int session = 0; // 0: the server itself
    EventKind kind = EventKind::Note;
    State state = State::Connecting; // the session's state when the event happened
    State from = State::Connecting; // StateChanged only
    State to = State::Connecting; // StateChanged only
    bool ok = false; // ServerReply: +OK (true) or -ERR (false)
    bool multiLine = false; // ServerReply: a body followed
    bool truncated = false; // ServerReply: the body was cut short (connection lost)
    int number = 0; // message number, where one applies
    int lines = 0; // ServerReply: body lines sent
    qint64 octets = 0; // ServerReply: body octets sent (terminator excluded)
    QByteArray bytes; // ClientLine / ServerReply: what crossed the wire
    QByteArray body; // ServerReply: the first bodyPreviewLimit octets of the body
    QString text; // see EventKind
    QString detail; // see EventKind
    QString user; // the maildrop's user on lock events (Lock*, StaleLockCleared), MailboxReset
    QList<int> numbers; // MarksReset / Expunged
    NoteKind note = NoteKind::Other; // Note only
    // ClientLine, LineQueued: where a credential starts in bytes (a password, an APOP digest, a
    // SASL response), -1 when the line holds none. Saved copies hide bytes from there on.
    qsizetype secretFrom = -1;
    bool secretHidden = false; // ClientLine: the credential was replaced by hiddenSecret
    bool queued = false; // ClientLine: announced earlier by a LineQueued event (it waited)

    // A Note event of a typed kind (text set to its id).
    static Event makeNote(NoteKind kind, const QString &detail = {});

    // A line the client sent: ClientLine or LineQueued.
    bool isClientBytes() const
    {
        return kind == EventKind::ClientLine || kind == EventKind::LineQueued;
    }

    // This event as a saved copy shows it by default: a client line's credential replaced by
    // hiddenSecret (the keyword and the line ending kept). Other events are returned as they are.
    Event withoutSecret() const;
};

inline constexpr qsizetype bodyPreviewLimit = 16 * 1024;
// What a hidden credential reads as in traces, saved copies and hand-ins.
inline constexpr char hiddenSecret[] = "********";

QString stateName(State state);
State stateFromName(const QString &name);
QString eventKindName(EventKind kind);
EventKind eventKindFromName(const QString &name, bool *ok = nullptr);
QString disconnectReasonName(DisconnectReason reason);
QString noteKindName(NoteKind kind); // "mailbox-reset", ...
NoteKind noteKindFromName(const QString &name); // Other when unknown

} // namespace pop3

Q_DECLARE_METATYPE(pop3::Event)
