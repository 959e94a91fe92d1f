#include "lab/faultinjector.h"

#include "events/eventlog.h"
#include "mail/maildrop.h"
#include "mail/mailstore.h"
#include "protocol/replybody.h"

namespace pop3 {

FaultInjector::FaultInjector(EventLog *log, MailStore *store)
    : m_log(log)
    , m_store(store)
{ }

void FaultInjector::setReplyDelay(int ms)
{
    ms = qBound(0, ms, 60'000);
    if (ms == m_delayMs)
        return;
    m_delayMs = ms;
    Event e = Event::makeNote(NoteKind::FaultSlowReplies,
        ms > 0 ? QStringLiteral("every reply waits %1 ms before it is sent").arg(ms)
               : QStringLiteral("replies are sent at once again"));
    e.number = ms;
    m_log->append(e);
}

void FaultInjector::setRefuseNextLogin(bool armed)
{
    m_refuseNextLogin = armed;
}

void FaultInjector::setFailNextCommit(bool armed)
{
    m_failNextCommit = armed;
}

QString FaultInjector::refusedLoginReason()
{
    return QStringLiteral("the maildrop's storage is briefly unavailable (fault injected)");
}

QString FaultInjector::failedCommitReason()
{
    return QStringLiteral("a write error will stop the commit half-way, after its journal is "
                          "written and some of the messages are removed (fault injected)");
}

FaultHook::Action FaultInjector::beforeLine(int session, const QByteArray &line)
{
    Q_UNUSED(session);
    Q_UNUSED(line);
    return Action::Deliver; // a drop is asked for now, not armed (Lab::dropSession)
}

int FaultInjector::replyDelayMs(int session) const
{
    Q_UNUSED(session);
    return m_delayMs;
}

std::optional<QString> FaultInjector::secret(const QString &user) const
{
    return m_store->secret(user);
}

MailboxAccess::LockOutcome FaultInjector::lock(const LockRequest &request)
{
    if (m_refuseNextLogin) {
        m_refuseNextLogin = false;
        Event e = Event::makeNote(NoteKind::FaultLoginRefused, refusedLoginReason());
        e.session = request.session;
        e.user = request.user;
        m_log->append(e);
        LockOutcome out;
        out.kind = LockOutcome::Error;
        out.error = refusedLoginReason();
        return out;
    }
    LockOutcome out = m_store->lock(request);
    if (out.kind == LockOutcome::Acquired)
        m_holders.insert(request.user, request.session);
    return out;
}

MailboxAccess::UnlockOutcome FaultInjector::unlock(const QString &user, int session)
{
    if (m_holders.value(user) == session)
        m_holders.remove(user);
    return m_store->unlock(user, session);
}

QList<MessageInfo> FaultInjector::snapshot(const QString &user)
{
    return m_store->snapshot(user);
}

std::unique_ptr<ReplyBody> FaultInjector::body(const MessageInfo &message, int topLines)
{
    return m_store->body(message, topLines);
}

Result FaultInjector::expunge(
    const QString &user, const QList<MessageInfo> &victims, QStringList *removed)
{
    if (m_failNextCommit) {
        m_failNextCommit = false;
        Event e = Event::makeNote(NoteKind::FaultCommitFailed, failedCommitReason());
        e.session = m_holders.value(user);
        e.user = user;
        e.number = int(victims.size());
        m_log->append(e);
        // Half-way: about half of the messages go (never all of them) before the write error.
        const qsizetype removals = std::min((victims.size() + 1) / 2, victims.size() - 1);
        if (MailStore::Account *account = m_store->account(user))
            account->maildrop->interruptNextExpunge(int(removals));
    }
    return m_store->expunge(user, victims, removed);
}

} // namespace pop3
