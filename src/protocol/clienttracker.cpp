#include "protocol/clienttracker.h"

#include "events/eventlog.h"

#include <algorithm>

namespace pop3 {

ClientTracker::ClientTracker(EventLog *log)
    : m_log(log)
{ }

void ClientTracker::emitEvent(Event e)
{
    if (!m_log)
        return;
    e.session = m_session;
    e.state = m_state;
    m_log->append(std::move(e));
}

void ClientTracker::changeState(State to)
{
    if (to == m_state)
        return;
    Event e;
    e.kind = EventKind::StateChanged;
    e.from = m_state;
    e.to = to;
    emitEvent(e);
    m_state = to;
}

void ClientTracker::connected(const QString &client, const QString &server, const QString &name)
{
    if (m_log && m_session == 0)
        m_session = m_log->newSessionId();
    // Said first, so that no view ever draws this session on the built-in server's lifeline.
    emitEvent(Event::makeNote(NoteKind::RemoteServer, name.isEmpty() ? server : name));
    Event e;
    e.kind = EventKind::Connected;
    e.text = client;
    e.detail = server;
    emitEvent(e);
}

void ClientTracker::clientBytes(const QByteArray &bytes)
{
    m_clientBuffer += bytes;
    qsizetype start = 0;
    for (qsizetype lf = m_clientBuffer.indexOf('\n'); lf >= 0;
         lf = m_clientBuffer.indexOf('\n', start)) {
        clientLine(m_clientBuffer.mid(start, lf + 1 - start));
        start = lf + 1;
    }
    m_clientBuffer.remove(0, start);
}

void ClientTracker::clientLine(const QByteArray &line)
{
    Event e;
    e.kind = EventKind::ClientLine;
    e.bytes = line;
    e.octets = line.size();
    e.secretFrom = secretOffset(line, m_awaitingSasl);
    emitEvent(e);

    Pending p;
    const QByteArray content = withoutLineEnding(line);
    if (m_awaitingSasl) {
        m_awaitingSasl = false;
        p.command = Command::Auth;
        p.argument = content;
        p.hasArgument = true;
    } else {
        const CommandLine parsed = parseCommandLine(content);
        p.command = parsed.command();
        p.argument = parsed.rest.trimmed();
        p.hasArgument = !p.argument.isEmpty();
    }
    m_pending.push_back(p);
}

QList<ClientTracker::ServerLine> ClientTracker::serverBytes(const QByteArray &bytes)
{
    QList<ServerLine> lines;
    m_serverBuffer += bytes;
    qsizetype start = 0;
    for (qsizetype lf = m_serverBuffer.indexOf('\n'); lf >= 0;
         lf = m_serverBuffer.indexOf('\n', start)) {
        lines.append(serverLine(m_serverBuffer.mid(start, lf + 1 - start)));
        start = lf + 1;
    }
    m_serverBuffer.remove(0, start);
    return lines;
}

ClientTracker::ServerLine ClientTracker::serverLine(const QByteArray &line)
{
    ServerLine out;
    out.bytes = line;
    if (!m_inBody) {
        statusLine(line, out);
        return out;
    }
    const QByteArray content = withoutLineEnding(line);
    if (content == ".") {
        out.role = LineRole::Terminator;
        finishBody(false);
        return out;
    }
    out.role = LineRole::Body;
    out.stuffed = content.startsWith('.');
    if (m_reply.body.size() < bodyPreviewLimit)
        m_reply.body.append(line.left(bodyPreviewLimit - m_reply.body.size()));
    m_reply.octets += content.size() - (out.stuffed ? 1 : 0) + 2;
    ++m_reply.lines;
    return out;
}

void ClientTracker::statusLine(const QByteArray &line, ServerLine &out)
{
    out.ok = line.startsWith("+OK");
    const bool continuation = !out.ok && line.startsWith('+');
    out.role = continuation ? LineRole::Continuation : LineRole::Status;

    Event e;
    e.kind = EventKind::ServerReply;
    e.ok = line.startsWith('+');
    e.bytes = line;

    if (!m_greeted) { // the greeting answers no command
        m_greeted = true;
        emitEvent(e);
        if (out.ok)
            changeState(State::Authorization);
        return;
    }
    const Pending command = m_pending.empty() ? Pending{} : m_pending.front();
    if (!m_pending.empty())
        m_pending.pop_front();
    if (continuation) {
        emitEvent(e);
        m_awaitingSasl = command.command == Command::Auth;
        return;
    }
    if (out.ok && commandSpec(command.command).repliesMultiLine(command.hasArgument)) {
        e.multiLine = true;
        m_reply = e;
        m_replyCommand = command;
        m_inBody = true;
        return;
    }
    emitEvent(e);
    replyCompleted(command, out.ok);
}

void ClientTracker::finishBody(bool truncated)
{
    m_inBody = false;
    m_reply.truncated = truncated;
    emitEvent(m_reply);
    if (!truncated)
        replyCompleted(m_replyCommand, true);
    m_reply = Event{};
}

void ClientTracker::replyCompleted(const Pending &command, bool ok)
{
    const Command k = command.command;
    if (!ok) {
        if (k == Command::Quit && m_state == State::Transaction)
            m_quitRefused = true; // UPDATE failed: the server closes all the same
        return;
    }
    if (k == Command::Quit)
        m_quitAcknowledged = true;
    if (m_state == State::Authorization
        && (k == Command::Pass || k == Command::Apop || k == Command::Auth)) {
        changeState(State::Transaction);
    } else if (m_state == State::Transaction && k == Command::Dele) {
        bool numberOk = false;
        const int n = command.argument.toInt(&numberOk);
        if (numberOk && n > 0) {
            m_marks.insert(n);
            Event e;
            e.kind = EventKind::MarkedDeleted;
            e.number = n;
            emitEvent(e);
        }
    } else if (m_state == State::Transaction && k == Command::Rset) {
        if (!m_marks.isEmpty()) {
            Event e;
            e.kind = EventKind::MarksReset;
            e.numbers = m_marks.values();
            std::sort(e.numbers.begin(), e.numbers.end());
            m_marks.clear();
            emitEvent(e);
        }
    } else if (m_state == State::Transaction && k == Command::Quit) {
        changeState(State::Update);
        if (!m_marks.isEmpty()) {
            Event e;
            e.kind = EventKind::Expunged;
            e.numbers = m_marks.values();
            std::sort(e.numbers.begin(), e.numbers.end());
            e.detail = QStringLiteral("inferred from the client side");
            m_marks.clear();
            emitEvent(e);
        }
    }
}

void ClientTracker::connectFailed(
    const QString &name, DisconnectReason reason, const QString &detail)
{
    if (m_state == State::Closed)
        return;
    if (m_log && m_session == 0)
        m_session = m_log->newSessionId();
    emitEvent(Event::makeNote(NoteKind::RemoteServer, name));
    m_state = State::Closed;
    Event e;
    e.kind = EventKind::Disconnected;
    e.text = disconnectReasonName(reason);
    e.detail = detail;
    emitEvent(e);
}

void ClientTracker::disconnected(DisconnectReason reason, const QString &detail)
{
    if (m_session == 0 && m_log)
        return; // never connected: connectFailed() tells it
    if (m_state == State::Closed)
        return;
    if (m_inBody)
        finishBody(true);
    m_marks.clear(); // a connection gone without QUIT commits nothing
    m_pending.clear();
    changeState(State::Closed);
    Event e;
    e.kind = EventKind::Disconnected;
    e.text = disconnectReasonName(reason);
    e.detail = detail;
    emitEvent(e);
}

} // namespace pop3
