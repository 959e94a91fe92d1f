#pragma once

#include "events/event.h"
#include "events/result.h"
#include "mail/maildrop.h"
#include "mail/maildroplock.h"
#include "protocol/mailboxaccess.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace pop3 {

class EventLog;

// The accounts a server knows and where their maildrops live. A maildrop is served from a working
// copy in the workspace (so DELE + QUIT really removes files there, and the original is never
// touched), unless an account is explicitly served in place. The lock files live in the
// workspace too, next to the copies, as /var/spool/mail/user.lock did.
class MailStore final : public MailboxAccess
{
public:
    struct Account
    {
        QString user;
        QString password;
        QString source; // the original mailbox (a path, or ":/mailbox/..." for samples)
        QString maildropPath; // what is served: the workspace copy, or the source in place
        bool inPlace = false;
        std::shared_ptr<Maildrop> maildrop;
    };

    explicit MailStore(EventLog *log = nullptr);

    // The default workspace: <AppDataLocation>/workspace.
    static QString defaultWorkspace();

    void setWorkspace(const QString &dir) { m_workspace = dir; }

    QString workspace() const { return m_workspace; }

    // Adds an account served from source; reset: start again from a fresh copy. The user name
    // names files in the workspace: only a plain, safe file name is accepted (userNameProblem),
    // and never one whose working copy or lock would be another account's.
    Result addAccount(const QString &user,
        const QString &password,
        const QString &source,
        bool inPlace = false,
        bool reset = false);
    // The built-in sample accounts: student / hessovs! and barakirs / blacksun.
    Result addSampleAccounts(bool reset = false);
    // One account per line: "name password mailbox" (spaces or tabs); '#' starts a comment; a
    // relative mailbox path is taken from the file's folder. A field in double quotes may hold
    // spaces, tabs and '#'; inside them \" is a quote and \\ a backslash (docs/classroom.md).
    Result addAccountsFile(const QString &path, bool reset = false);
    // The fields of one accounts-file line (quotes removed), or nullopt and why (never quoting
    // the line: it holds a password).
    static std::optional<QStringList> accountsLineFields(const QString &line, QString *error);
    // value as an accounts-file field: bare when it can be, else quoted and escaped.
    static QString accountsField(const QString &value);

    QStringList users() const { return m_order; }

    // Why user cannot name an account (empty, too long, a leading dot, a slash, a control
    // character, a space), or nothing when it can.
    static QString userNameProblem(const QString &user);
    // user in double quotes, control characters as \xNN: an error message stays one line.
    static QString quotedUserName(const QString &user);
    static constexpr int maxUserNameLength = 64;

    const Account *account(const QString &user) const;
    Account *account(const QString &user);
    bool checkPassword(const QString &user, const QString &password) const;

    QString lockPath(const QString &user) const;
    // Throws the working copy away and copies the original again.
    Result resetMailbox(const QString &user);

    // Delivers message into user's maildrop (what a mail server's delivery agent does) and tells
    // it as a MessageDelivered note. Open sessions do not see it until they log in again.
    Result deliver(const QString &user, const QByteArray &message);

    // Which sessions of this process hold which maildrop lock (for stale-lock detection).
    void noteLockHeld(const QString &user, int session) { m_lockHolders.insert(user, session); }

    void noteLockReleased(const QString &user) { m_lockHolders.remove(user); }

    bool isSessionHoldingLock(int session) const;

    int lockHolder(const QString &user) const { return m_lockHolders.value(user, 0); }

    // MailboxAccess: what a Pop3Session asks of the storage.
    std::optional<QString> secret(const QString &user) const override;
    LockOutcome lock(const LockRequest &request) override;
    UnlockOutcome unlock(const QString &user, int session) override;
    QList<MessageInfo> snapshot(const QString &user) override;
    std::unique_ptr<ReplyBody> body(const MessageInfo &message, int topLines = -1) override;
    Result expunge(
        const QString &user, const QList<MessageInfo> &victims, QStringList *removed) override;

    static constexpr const char *sampleStudentPassword = "hessovs!";
    static constexpr const char *sampleBarakirsPassword = "blacksun";

private:
    Result prepareCopy(Account &account, bool reset);
    QString plannedMaildropPath(const Account &account) const;
    void note(NoteKind what, const QString &detail);
    void reportWarnings(Account &account);

    EventLog *m_log = nullptr;
    QString m_workspace;
    QHash<QString, Account> m_accounts;
    QStringList m_order;
    QHash<QString, int> m_lockHolders;
};

} // namespace pop3
