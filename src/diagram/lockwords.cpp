// The words of a lock holder and of a stale lock, parsed back from the core's English (the
// trace's) and said again through the translator (context "LockWords").

#include "diagram/lockwords.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace pop3 {

QString lockHolderWords(const QString &described)
{
    // The shape MaildropLock::Holder::describe() writes; the time is an ISO date, no spaces.
    static const QRegularExpression shape(
        QStringLiteral("^session (\\d+) \\((.*)\\), pid (\\d+) on (.*), since (\\S+)$"));
    const QRegularExpressionMatch m = shape.match(described);
    if (!m.hasMatch())
        return described;
    return QCoreApplication::translate("LockWords", "session %1 (%2), pid %3 on %4, since %5")
        .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5));
}

QString maildropWarningWords(const QString &detail)
{
    // The two shapes Lab::findStaleLocks() writes: a crashed process's lock, and the lock of
    // this very program's server killed from the Faults menu.
    static const QRegularExpression gone(
        QStringLiteral("^(.*): a stale lock, left by (session .*, since \\S+), a process that is "
                       "gone \\(it crashed without releasing it\\); the next login of (.*) clears "
                       "it$"));
    static const QRegularExpression killed(
        QStringLiteral("^(.*): a stale lock, left by (session .*, since \\S+): this program's "
                       "server before it was killed \\(that session is gone and nothing removed "
                       "the file\\); the next login of (.*) clears it$"));
    if (const QRegularExpressionMatch m = gone.match(detail); m.hasMatch())
        return QCoreApplication::translate("LockWords",
            "%1: a stale lock, left by %2, a process that is gone (it crashed without "
            "releasing it); the next login of %3 clears it")
            .arg(m.captured(1), lockHolderWords(m.captured(2)), m.captured(3));
    if (const QRegularExpressionMatch m = killed.match(detail); m.hasMatch())
        return QCoreApplication::translate("LockWords",
            "%1: a stale lock, left by %2: this program's server before it was killed (that "
            "session is gone and nothing removed the file); the next login of %3 clears it")
            .arg(m.captured(1), lockHolderWords(m.captured(2)), m.captured(3));
    return detail;
}

QString maildropWarningShortWords(const QString &detail)
{
    static const QRegularExpression stale(
        QStringLiteral("^(.*): a stale lock, left by .*; the next login of (.*) clears it$"));
    const QRegularExpressionMatch m = stale.match(detail);
    if (!m.hasMatch())
        return {};
    const QString path = m.captured(1);
    const QString file = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    return QCoreApplication::translate(
        "LockWords", "stale lock %1 left behind: the next login of %2 clears it")
        .arg(file, m.captured(2));
}

} // namespace pop3
