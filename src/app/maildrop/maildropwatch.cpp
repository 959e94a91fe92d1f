#include "app/maildrop/maildropwatch.h"

#include "events/eventlog.h"
#include "protocol/commands.h"

#include <QFileInfo>

MaildropWatch::MaildropWatch(pop3::EventLog *log, QObject *parent)
    : QObject(parent)
{
    m_batch.setSingleShot(true);
    m_batch.setInterval(batchDelayMs);
    connect(&m_batch, &QTimer::timeout, this, &MaildropWatch::changed);
    connect(log, &pop3::EventLog::eventAppended, this, &MaildropWatch::handle);
    connect(log, &pop3::EventLog::cleared, this, &MaildropWatch::reset);
    for (const pop3::Event &e : log->events())
        handle(e);
}

void MaildropWatch::reset()
{
    m_sessions.clear();
    m_batch.start();
}

QString MaildropWatch::userOf(int session) const
{
    const auto it = m_sessions.constFind(session);
    if (it == m_sessions.constEnd())
        return {};
    return it->user.isEmpty() ? it->namedUser : it->user;
}

int MaildropWatch::lockHolder(const QString &user) const
{
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it) {
        if (it->holdsLock && it->user == user)
            return it.key();
    }
    return 0;
}

QSet<int> MaildropWatch::marksFor(const QString &user) const
{
    const int holder = lockHolder(user);
    return holder ? m_sessions.value(holder).marks : QSet<int>();
}

void MaildropWatch::handle(const pop3::Event &e)
{
    using K = pop3::EventKind;
    SessionInfo &s = m_sessions[e.session];
    switch (e.kind) {
    case K::ClientLine: {
        const pop3::CommandLine line = pop3::parseCommandLine(e.bytes.trimmed());
        if (line.command() == pop3::Command::User && !line.rest.trimmed().isEmpty()) {
            s.namedUser = QString::fromUtf8(line.rest.trimmed());
            break;
        }
        return; // nothing the pane shows changed
    }
    case K::LockCreated:
        s.user = QFileInfo(e.text).completeBaseName();
        s.holdsLock = true;
        break;
    case K::LockRemoved:
        s.holdsLock = false;
        break;
    case K::MarkedDeleted:
        s.marks.insert(e.number);
        break;
    case K::MarksReset:
        s.marks.clear();
        break;
    case K::Expunged:
        s.marks.clear();
        break;
    case K::Disconnected:
        s.marks.clear();
        s.holdsLock = false;
        break;
    case K::LockRefused:
    case K::StaleLockCleared:
    case K::Note:
    case K::Connected:
        break;
    case K::ServerReply:
    case K::StateChanged:
        return;
    }
    if (!m_batch.isActive())
        m_batch.start();
}
