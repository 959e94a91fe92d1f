#include "lab/classroll.h"

#include <QJsonArray>

namespace pop3 {

void ClassRoll::setStudents(const QStringList &users)
{
    m_students.clear();
    m_rows.clear();
    m_sessionUser.clear();
    for (const QString &user : users)
        rowOf(user);
}

int ClassRoll::rowOf(const QString &user)
{
    const auto it = m_rows.constFind(user);
    if (it != m_rows.constEnd())
        return it.value();
    Student s;
    s.user = user;
    m_students.append(s);
    m_rows.insert(user, int(m_students.size() - 1));
    return int(m_students.size() - 1);
}

// The student a USER line names, typos of the lab sheet included ("USER: student07"); empty
// when the line is no USER command.
QString ClassRoll::userNamedBy(const QByteArray &line)
{
    QByteArray l = line.trimmed();
    if (l.size() < 4 || qstrnicmp(l.constData(), "USER", 4) != 0)
        return {};
    l = l.mid(4);
    while (!l.isEmpty() && (l.at(0) == ':' || l.at(0) == ' ' || l.at(0) == '\t'))
        l.remove(0, 1);
    return QString::fromUtf8(l.trimmed());
}

int ClassRoll::apply(const Event &e)
{
    QString user = m_sessionUser.value(e.session);
    if (e.kind == EventKind::ClientLine) {
        // A session belongs to the student it names, known account or not yet: a student stuck
        // on "USER: student07" is shown on student07's row.
        const QString named = userNamedBy(e.bytes);
        if (!named.isEmpty() && m_rows.contains(named) && named != user) {
            user = named;
            m_sessionUser.insert(e.session, user);
            m_students[m_rows.value(user)].errorRun = 0; // a new session's run starts again
        }
    }
    if ((e.kind == EventKind::LockCreated) && !e.user.isEmpty()) {
        user = e.user;
        m_sessionUser.insert(e.session, user);
    }
    if (user.isEmpty())
        return -1;
    const int row = rowOf(user);
    Student &s = m_students[row];
    if (e.timeMs > s.lastActivityMs)
        s.lastActivityMs = e.timeMs;
    switch (e.kind) {
    case EventKind::ClientLine:
        s.lastCommand = e.bytes.trimmed();
        s.state = e.state;
        break;
    case EventKind::ServerReply:
        s.lastReply = e.bytes.trimmed();
        if (e.ok) {
            s.errorRun = 0;
        } else {
            ++s.errors;
            ++s.errorRun;
        }
        break;
    case EventKind::StateChanged:
        s.state = e.to;
        // Logged in again: the cut-off is history now (the errors column still counts it).
        if (e.to == State::Transaction)
            s.disconnectedForErrors = false;
        break;
    case EventKind::LockCreated:
        s.lockHeld = true;
        break;
    case EventKind::LockRemoved:
        s.lockHeld = false;
        break;
    case EventKind::Disconnected:
        s.state = State::Closed;
        if (e.text == disconnectReasonName(DisconnectReason::TooManyErrors))
            s.disconnectedForErrors = true;
        m_sessionUser.remove(e.session);
        break;
    default:
        break;
    }
    return row;
}

int ClassRoll::applyProgress(const StudentProgress &progress)
{
    if (progress.user.isEmpty())
        return -1;
    const int row = rowOf(progress.user);
    m_students[row].lesson = progress;
    return row;
}

QJsonObject ClassRoll::studentJson(int row) const
{
    const Student &s = m_students.at(row);
    QJsonArray sessions;
    for (auto it = m_sessionUser.constBegin(); it != m_sessionUser.constEnd(); ++it) {
        if (it.value() == s.user)
            sessions.append(it.key());
    }
    QJsonObject o;
    o.insert(QStringLiteral("user"), s.user);
    o.insert(QStringLiteral("state"), stateName(s.state));
    o.insert(QStringLiteral("lock"), s.lockHeld);
    o.insert(QStringLiteral("lastCommand"), QString::fromUtf8(s.lastCommand));
    // The status line only: a RETR's reply carries the start of the mail too.
    const qsizetype lineEnd = s.lastReply.indexOf('\n');
    o.insert(QStringLiteral("lastReply"),
        QString::fromUtf8(lineEnd < 0 ? s.lastReply : s.lastReply.left(lineEnd).trimmed()));
    o.insert(QStringLiteral("errors"), s.errors);
    o.insert(QStringLiteral("errorRun"), s.errorRun);
    o.insert(QStringLiteral("cutOff"), s.disconnectedForErrors);
    o.insert(QStringLiteral("lastActivity"), s.lastActivityMs);
    o.insert(QStringLiteral("sessions"), sessions);
    return o;
}

int ClassRoll::applySnapshot(const QJsonObject &o)
{
    const QString user = o.value(QStringLiteral("user")).toString();
    if (user.isEmpty())
        return -1;
    const int row = rowOf(user);
    Student &s = m_students[row];
    s.state = stateFromName(o.value(QStringLiteral("state")).toString());
    s.lockHeld = o.value(QStringLiteral("lock")).toBool();
    s.lastCommand = o.value(QStringLiteral("lastCommand")).toString().toUtf8();
    s.lastReply = o.value(QStringLiteral("lastReply")).toString().toUtf8();
    s.errors = o.value(QStringLiteral("errors")).toInt();
    s.errorRun = o.value(QStringLiteral("errorRun")).toInt();
    s.disconnectedForErrors = o.value(QStringLiteral("cutOff")).toBool();
    s.lastActivityMs = o.value(QStringLiteral("lastActivity")).toInteger();
    for (const QJsonValue &v : o.value(QStringLiteral("sessions")).toArray())
        m_sessionUser.insert(v.toInt(), user);
    return row;
}

unsigned ClassRoll::trouble(int row, qint64 nowMs) const
{
    if (row < 0 || row >= m_students.size())
        return None;
    const Student &s = m_students.at(row);
    unsigned t = None;
    if (s.errorRun >= errorRunLimit)
        t |= RepeatedErrors;
    if (s.lockHeld && s.lastActivityMs > 0 && nowMs - s.lastActivityMs >= idleLimitMs)
        t |= LockHeldIdle;
    if (s.disconnectedForErrors)
        t |= DisconnectedForErrors;
    return t;
}

} // namespace pop3
