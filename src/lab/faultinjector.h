#pragma once

#include "net/faulthook.h"
#include "protocol/mailboxaccess.h"

#include <QHash>

namespace pop3 {

class EventLog;
class MailStore;

// The faults a teacher injects while sessions run (issue 13), in one place between the server
// and the mail storage: the server asks it as its FaultHook (how slow a reply is) and as the
// MailboxAccess its sessions use, which it passes on to the real MailStore unless a fault is
// armed. Each fault is told as a typed Note before it acts, so the diagram draws and explains it.
//
//   Pop3Server ──FaultHook──► FaultInjector ──MailboxAccess──► MailStore (the real files)
//   setReplyDelay(ms)   every reply waits ms (the loop goes on: other clients are not slowed)
//   refuseNextLogin()   the next login's lock fails: -ERR [SYS/TEMP], nothing locked
//   failNextCommit()    the next UPDATE stops half-way: its journal written, only some of the
//                       marked messages removed; the next login finishes it (Maildrop's journal)
//
// Dropping a connection, the crash and a delivery act on the server or the store: see Lab.
class FaultInjector final
    : public FaultHook
    , public MailboxAccess
{
public:
    FaultInjector(EventLog *log, MailStore *store);

    void setReplyDelay(int ms);

    int replyDelay() const { return m_delayMs; }

    void refuseNextLogin() { setRefuseNextLogin(true); }

    // Armed or disarmed again (the window's tick, which a second press clears).
    void setRefuseNextLogin(bool armed);

    bool refusesNextLogin() const { return m_refuseNextLogin; }

    void failNextCommit() { setFailNextCommit(true); }

    void setFailNextCommit(bool armed);

    bool failsNextCommit() const { return m_failNextCommit; }

    // The reasons the storage gives (the session words its reply around them).
    static QString refusedLoginReason();
    static QString failedCommitReason();

    // FaultHook
    Action beforeLine(int session, const QByteArray &line) override;
    int replyDelayMs(int session) const override;

    // MailboxAccess: passed on to the store, unless a fault is armed.
    std::optional<QString> secret(const QString &user) const override;
    LockOutcome lock(const LockRequest &request) override;
    UnlockOutcome unlock(const QString &user, int session) override;
    QList<MessageInfo> snapshot(const QString &user) override;
    std::unique_ptr<ReplyBody> body(const MessageInfo &message, int topLines = -1) override;
    Result expunge(
        const QString &user, const QList<MessageInfo> &victims, QStringList *removed) override;

private:
    EventLog *m_log;
    MailStore *m_store;
    int m_delayMs = 0;
    bool m_refuseNextLogin = false;
    bool m_failNextCommit = false;
    QHash<QString, int> m_holders; // user -> the session holding the lock (whose QUIT commits)
};

} // namespace pop3
