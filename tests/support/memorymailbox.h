#pragma once

// A MailboxAccess held in memory: a Pop3Session driven against it touches no disk, which is what
// the interface is for (fast unit tests, fuzzing). Messages are plain CRLF text.

#include "protocol/mailboxaccess.h"
#include "protocol/replybody.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace pop3test {

class MemoryMailbox final : public pop3::MailboxAccess
{
public:
    // Adds an account with messages (each a whole message, CRLF line endings).
    void addAccount(const QString &user, const QString &password, const QList<QByteArray> &messages)
    {
        Account &a = m_accounts[user];
        a.password = password;
        for (const QByteArray &m : messages) {
            pop3::MessageInfo info;
            info.file = QStringLiteral("mem:%1/%2").arg(user).arg(a.messages.size() + 1);
            info.length = m.size();
            info.wireSize = m.size();
            info.uid = QByteArray("uid") + QByteArray::number(++m_nextUid);
            a.messages.append(info);
            a.contents.insert(info.file, m);
        }
    }

    std::optional<QString> secret(const QString &user) const override
    {
        const auto it = m_accounts.constFind(user);
        if (it == m_accounts.cend())
            return std::nullopt;
        return it->password;
    }

    LockOutcome lock(const LockRequest &request) override
    {
        LockOutcome out;
        out.path = QStringLiteral("mem:%1.lock").arg(request.user);
        const int holder = m_locks.value(request.user);
        if (holder != 0) {
            out.kind = LockOutcome::InUse;
            out.holder = QStringLiteral("session %1").arg(holder);
            return out;
        }
        m_locks.insert(request.user, request.session);
        out.kind = LockOutcome::Acquired;
        out.holder = QStringLiteral("session %1").arg(request.session);
        return out;
    }

    UnlockOutcome unlock(const QString &user, int session) override
    {
        UnlockOutcome out;
        out.path = QStringLiteral("mem:%1.lock").arg(user);
        out.removed = m_locks.value(user) == session;
        if (out.removed)
            m_locks.remove(user);
        return out;
    }

    QList<pop3::MessageInfo> snapshot(const QString &user) override
    {
        return m_accounts.value(user).messages;
    }

    std::unique_ptr<pop3::ReplyBody> body(const pop3::MessageInfo &message, int topLines) override
    {
        QList<QByteArray> lines;
        for (const Account &a : std::as_const(m_accounts)) {
            if (a.contents.contains(message.file)) {
                lines = a.contents.value(message.file).split('\n');
                break;
            }
        }
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        for (QByteArray &l : lines) {
            if (l.endsWith('\r'))
                l.chop(1);
        }
        if (topLines >= 0) {
            const qsizetype blank = lines.indexOf(QByteArray());
            if (blank >= 0)
                lines = lines.mid(0, blank + 1 + topLines);
        }
        return std::make_unique<pop3::LinesBody>(lines);
    }

    pop3::Result expunge(
        const QString &user, const QList<pop3::MessageInfo> &victims, QStringList *removed) override
    {
        Account &a = m_accounts[user];
        for (const pop3::MessageInfo &v : victims) {
            a.messages.removeIf([&](const pop3::MessageInfo &m) {
                return m.file == v.file;
            });
            a.contents.remove(v.file);
            if (removed)
                removed->append(v.file);
        }
        return pop3::Result::success();
    }

    int lockHolder(const QString &user) const { return m_locks.value(user); }

private:
    struct Account
    {
        QString password;
        QList<pop3::MessageInfo> messages;
        QHash<QString, QByteArray> contents;
    };

    QHash<QString, Account> m_accounts;
    QHash<QString, int> m_locks;
    int m_nextUid = 0;
};

} // namespace pop3test
