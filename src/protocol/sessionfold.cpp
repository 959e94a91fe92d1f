#include "protocol/sessionfold.h"

namespace pop3 {

int FoldedCommand::number() const
{
    if (args.isEmpty())
        return 0;
    bool ok = false;
    const int n = args.first().toInt(&ok);
    return ok && n > 0 ? n : 0;
}

QString lockEventUser(const Event &event)
{
    if (!event.user.isEmpty())
        return event.user;
    const QString file = event.text.section(QLatin1Char('/'), -1);
    return file.endsWith(QLatin1String(".lock")) ? file.chopped(5) : file;
}

void SessionFold::clear()
{
    m_sessions.clear();
}

void SessionFold::forget(int id)
{
    m_sessions.remove(id);
}

const SessionFacts *SessionFold::session(int id) const
{
    const auto it = m_sessions.constFind(id);
    return it == m_sessions.cend() ? nullptr : &*it;
}

QList<int> SessionFold::openSessions() const
{
    QList<int> ids;
    for (const SessionFacts &s : m_sessions) {
        if (s.open)
            ids.append(s.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

int SessionFold::lockHolder(const QString &user) const
{
    for (const SessionFacts &s : m_sessions) {
        if (s.holdsLock && s.user == user)
            return s.id;
    }
    return 0;
}

FoldStep SessionFold::apply(const Event &e)
{
    if (e.kind == EventKind::Connected && m_sessions.contains(e.session))
        m_sessions.remove(e.session); // a session id seen again (a reloaded trace): afresh
    SessionFacts &s = m_sessions[e.session];
    s.id = e.session;
    // A trace may start in the middle of a session: take its state from the first event.
    if (e.kind != EventKind::StateChanged && e.session != 0 && s.state == State::Connecting)
        s.state = e.state;

    FoldStep step;
    step.session = &s;
    step.stateBefore = s.state;
    switch (e.kind) {
    case EventKind::Connected:
        s.open = true;
        s.peer = e.text;
        s.local = e.detail;
        break;
    case EventKind::ClientLine: {
        FoldedCommand c;
        c.raw = e.bytes;
        c.seq = e.seq;
        if (s.inSasl) {
            c.command = s.saslCommand;
            c.continuation = true;
            s.inSasl = false;
        } else {
            const CommandLine parsed = parseCommandLine(e.bytes.trimmed());
            c.command = parsed.command();
            c.keyword = parsed.keyword.trimmed();
            c.args = parsed.args;
            if ((c.command == Command::User || c.command == Command::Apop) && !c.args.isEmpty())
                s.namedUser = QString::fromUtf8(c.args.first());
            s.lockRefused = false;
        }
        s.pending.push_back(c);
        s.lastCommand = c;
        step.command = c;
        break;
    }
    case EventKind::ServerReply:
        if (e.state == State::Connecting && s.pending.empty())
            s.greeting = e.bytes;
        if (!s.pending.empty()) {
            step.command = s.pending.front();
            step.answersCommand = true;
            s.pending.pop_front();
        }
        if (e.bytes.startsWith("+ ") || e.bytes == "+\r\n") {
            s.inSasl = true;
            s.saslCommand = step.command.command;
        }
        break;
    case EventKind::StateChanged:
        s.state = e.to;
        if (e.to == State::Transaction && s.user.isEmpty())
            s.user = s.namedUser; // a server whose lock we cannot see (another host)
        break;
    case EventKind::LockCreated:
        s.user = lockEventUser(e);
        s.holdsLock = true;
        s.lockPath = e.text;
        break;
    case EventKind::LockRemoved:
        s.holdsLock = false;
        if (e.state != State::Update)
            step.lostMarks = s.marks;
        break;
    case EventKind::LockRefused:
        s.lockRefused = true;
        break;
    case EventKind::MarkedDeleted:
        if (!s.marks.contains(e.number))
            s.marks.append(e.number);
        break;
    case EventKind::MarksReset:
    case EventKind::Expunged:
        s.marks.clear();
        break;
    case EventKind::Disconnected:
        step.lostMarks = s.marks;
        s.marks.clear();
        s.pending.clear();
        s.inSasl = false;
        s.holdsLock = false;
        s.open = false;
        s.state = State::Closed;
        break;
    case EventKind::Note:
        if (e.note == NoteKind::RemoteServer)
            s.otherServer = true;
        else if (e.note == NoteKind::FaultDropped && e.session != 0)
            s.cutByTeacher = NoteKind::FaultDropped;
        else if (e.note == NoteKind::FaultServerCrashed) {
            // The built-in server died with every connection it had; another server's did not.
            for (SessionFacts &other : m_sessions) {
                if (other.open && !other.otherServer && other.id != 0)
                    other.cutByTeacher = NoteKind::FaultServerCrashed;
            }
        }
        break;
    case EventKind::StaleLockCleared:
    case EventKind::LineQueued: // a line waiting its turn: it counts once the server reads it
        break;
    }
    return step;
}

} // namespace pop3
