#include "app/maildrop/maildropwatch.h"

#include "events/eventlog.h"

MaildropWatch::MaildropWatch(pop3::EventLog *log, QObject *parent)
    : QObject(parent)
    , m_log(log)
{
    m_batch.setSingleShot(true);
    m_batch.setInterval(batchDelayMs);
    connect(&m_batch, &QTimer::timeout, this, &MaildropWatch::changed);
    connect(log, &pop3::EventLog::eventAppended, this, &MaildropWatch::handle);
    connect(log, &pop3::EventLog::cleared, this, &MaildropWatch::reset);
    connect(log, &pop3::EventLog::truncated, this, &MaildropWatch::rewind);
    for (const pop3::Event &e : log->events())
        handle(e);
}

void MaildropWatch::reset()
{
    m_fold.clear();
    m_checkpoints.clear();
    m_applied = 0;
    m_batch.start();
}

void MaildropWatch::rewind(qsizetype size)
{
    std::optional<std::pair<qsizetype, pop3::SessionFold>> saved = m_checkpoints.restore(size);
    m_fold = saved ? std::move(saved->second) : pop3::SessionFold();
    m_applied = saved ? saved->first : 0;
    for (qsizetype i = m_applied; i < size; ++i)
        handle(m_log->at(i));
    m_batch.start();
}

QString MaildropWatch::userOf(int session) const
{
    const pop3::SessionFacts *s = m_fold.session(session);
    if (!s)
        return {};
    return s->user.isEmpty() ? s->namedUser : s->user;
}

int MaildropWatch::lockHolder(const QString &user) const
{
    return m_fold.lockHolder(user);
}

QSet<int> MaildropWatch::marksFor(const QString &user) const
{
    const pop3::SessionFacts *s = m_fold.session(lockHolder(user));
    return s && s->id != 0 ? QSet<int>(s->marks.cbegin(), s->marks.cend()) : QSet<int>();
}

void MaildropWatch::handle(const pop3::Event &e)
{
    using K = pop3::EventKind;
    const pop3::FoldStep step = m_fold.apply(e);
    m_checkpoints.afterAppend(*m_log, ++m_applied, [this] {
        return m_fold;
    });
    switch (e.kind) {
    case K::ClientLine:
        if (step.command.command != pop3::Command::User)
            return; // nothing the pane shows changed
        break;
    case K::ServerReply:
    case K::StateChanged:
        return;
    default:
        break;
    }
    if (!m_batch.isActive())
        m_batch.start();
}
