#pragma once

#include "events/event.h"
#include "protocol/commands.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>

namespace pop3 {

// A client command as the fold remembers it, until its reply comes.
struct FoldedCommand
{
    Command command = Command::None;
    QByteArray keyword; // as typed, upper case ("USER:" for the lab sheet's typo)
    QList<QByteArray> args;
    QByteArray raw; // the line as received
    quint64 seq = 0; // its client-line event
    bool continuation = false; // a SASL response line, not a command

    int number() const;
};

// One session's state as the event stream tells it. Folded ONCE, here, and read by every view
// (the diagram, the lessons, the maildrop pane), so they cannot tell different stories.
struct SessionFacts
{
    int id = 0;
    bool open = false; // connected and not yet disconnected
    State state = State::Connecting;
    QString peer; // the client's "address:port"
    QString local; // the server's "address:port"
    QString user; // logged in as (from the lock event, or the login command for other servers)
    QString namedUser; // what the last USER / APOP named, before the login succeeded
    bool holdsLock = false;
    QString lockPath;
    bool lockRefused = false; // the last login attempt met [IN-USE]
    QList<int> marks; // messages marked deleted now, in the order marked
    std::deque<FoldedCommand> pending; // commands still waiting for their reply
    FoldedCommand lastCommand;
    bool inSasl = false; // the last reply was a "+ " challenge: the next line is a response
    Command saslCommand = Command::None;
    QByteArray greeting;
    bool otherServer = false; // it talks to another server (a RemoteServer note)
    // The teacher's fault that is ending it, told just before the cut (FaultDropped for this
    // session, FaultServerCrashed for every open one of the built-in server); Other: none. Its
    // Disconnected event says only "error", which is not what happened.
    NoteKind cutByTeacher = NoteKind::Other;
};

// What one event meant for its session.
struct FoldStep
{
    const SessionFacts *session = nullptr;
    State stateBefore = State::Connecting;
    // ClientLine: the command just sent; ServerReply: the command it answers.
    FoldedCommand command;
    bool answersCommand = false; // ServerReply: it answers a command (not the greeting)
    // LockRemoved outside UPDATE, and Disconnected: the marks that were NOT committed.
    QList<int> lostMarks;
};

class SessionFold final
{
public:
    FoldStep apply(const Event &event);
    void clear();
    // Drops what is known of one session (a closed one nobody will ask about again).
    void forget(int id);

    const SessionFacts *session(int id) const;
    QList<int> openSessions() const;
    // The session holding user's maildrop lock, or 0.
    int lockHolder(const QString &user) const;

private:
    QHash<int, SessionFacts> m_sessions;
};

// The user whose maildrop a lock event is about: the event says so; traces written before it did
// are read by the lock file's name ("…/mail/student.lock").
QString lockEventUser(const Event &event);

} // namespace pop3
