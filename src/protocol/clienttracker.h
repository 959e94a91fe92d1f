#pragma once

#include "events/event.h"
#include "protocol/commands.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>

namespace pop3 {

class EventLog;

// The events of a POP3 conversation inferred from the client's side of the wire, for a server we
// cannot see into (a lab's real server): what the client sent, what came back, and what the
// replies imply — multi-line bodies by command (CAPA, LIST and UIDL without argument, RETR, TOP),
// AUTHORIZATION → TRANSACTION on a +OK to PASS/APOP/AUTH, UPDATE on a +OK to QUIT, deletion marks
// on DELE/RSET. Lock events cannot be seen from outside and are never invented.
//
// Without a log it only classifies the received lines (status, body, terminator), which the
// terminal uses to mark +OK/-ERR and byte-stuffing for any server, the built-in one included.
class ClientTracker final
{
public:
    enum class LineRole : quint8 {
        Status, // "+OK ..." / "-ERR ..." (or anything unexpected in its place)
        Continuation, // "+ ..." during AUTH
        Body, // a line of a multi-line reply
        Terminator, // the "." that ends a multi-line reply
    };

    struct ServerLine
    {
        QByteArray bytes; // as received, line ending included
        LineRole role = LineRole::Status;
        bool ok = false; // Status: +OK
        bool stuffed = false; // Body: starts with a byte-stuffing dot
    };

    explicit ClientTracker(EventLog *log = nullptr);

    // The connection is up: client is our "address:port", server the peer's; name is the server
    // as the user typed it ("mail.example.org:110"), which names its lifeline in the diagram.
    void connected(const QString &client, const QString &server, const QString &name = {});
    // The connection never came up (refused, host not found): a session of its own that says so.
    void connectFailed(const QString &name, DisconnectReason reason, const QString &detail);
    // Bytes the client sent (whole lines, or one key at a time).
    void clientBytes(const QByteArray &bytes);
    // Bytes received; returns the complete lines, classified (a partial line waits).
    QList<ServerLine> serverBytes(const QByteArray &bytes);

    QByteArray partialServerLine() const { return m_serverBuffer; }

    // The connection is gone (a body cut short is reported truncated).
    void disconnected(DisconnectReason reason, const QString &detail = {});

    int session() const { return m_session; }

    State state() const { return m_state; }

    bool inBody() const { return m_inBody; }

    // The server said +OK to QUIT: a clean end of the conversation.
    bool quitAcknowledged() const { return m_quitAcknowledged; }

    // The server said -ERR to QUIT in TRANSACTION: its UPDATE failed (RFC 1939 section 6).
    bool quitRefused() const { return m_quitRefused; }

    QSet<int> marks() const { return m_marks; }

private:
    struct Pending
    {
        Command command = Command::None; // Auth also for a SASL response line
        QByteArray argument;
        bool hasArgument = false;
    };

    void emitEvent(Event e);
    void changeState(State to);
    void clientLine(const QByteArray &line);
    ServerLine serverLine(const QByteArray &line);
    void statusLine(const QByteArray &line, ServerLine &out);
    void replyCompleted(const Pending &command, bool ok);
    void finishBody(bool truncated);

    EventLog *m_log;
    int m_session = 0;
    State m_state = State::Connecting;
    bool m_greeted = false;
    bool m_awaitingSasl = false;
    bool m_quitAcknowledged = false;
    bool m_quitRefused = false;
    QByteArray m_clientBuffer;
    QByteArray m_serverBuffer;
    std::deque<Pending> m_pending;
    QSet<int> m_marks;
    // The multi-line reply being received.
    bool m_inBody = false;
    Event m_reply;
    Pending m_replyCommand;
};

} // namespace pop3
