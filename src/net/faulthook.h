#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace pop3 {

// The fault-injection hook point. For every complete line a client sends, before its session
// sees it, the server asks the installed hook whether a fault strikes now. The faults a teacher
// shows a class (the connection lost just as QUIT leaves the client, …) are implementations of
// it; by default none is installed and the server never asks. A fault is recorded as a typed
// Note event (NoteKind::FaultDropped) before it acts, so every view draws and explains it.
class FaultHook
{
public:
    enum class Action {
        Deliver, // no fault: the session gets the line
        DropConnection, // the connection is cut before the line reaches the session
    };

    virtual ~FaultHook() = default;
    virtual Action beforeLine(int session, const QByteArray &line) = 0;

    // How long the reply to a line of session waits before it is written (0: at once). The loop
    // goes on serving the other connections meanwhile; the session's next lines wait behind it.
    virtual int replyDelayMs(int session) const
    {
        Q_UNUSED(session);
        return 0;
    }
};

} // namespace pop3
