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

namespace {

// The core's fixed sentences of an event's detail: Pop3Connection's and Pop3Session's reasons
// for a disconnection, the commit's note on a lock already gone, the client-side tracker's.
// Kept word for word as the core writes them (tst_replaywords reads every scenario's in French).
constexpr const char *fixedDetails[] = {
    QT_TRANSLATE_NOOP("LockWords", "connection dropped by the server (fault injected)"),
    QT_TRANSLATE_NOOP(
        "LockWords", "the server process died (fault injected): its lock was not released"),
    QT_TRANSLATE_NOOP("LockWords", "the client stopped reading in the middle of a reply"),
    QT_TRANSLATE_NOOP("LockWords", "the client closed the connection without QUIT"),
    QT_TRANSLATE_NOOP("LockWords", "connection destroyed"),
    QT_TRANSLATE_NOOP("LockWords", "session destroyed"),
    QT_TRANSLATE_NOOP("LockWords", "the lock file was already gone or held by someone else"),
    QT_TRANSLATE_NOOP("LockWords", "inferred from the client side"),
};

QString detailLineWords(const QString &line)
{
    for (const char *english : fixedDetails) {
        if (line == QLatin1String(english))
            return QCoreApplication::translate("LockWords", english);
    }
    static const QRegularExpression tls(QStringLiteral("^the TLS handshake failed: (.*)$"));
    if (const QRegularExpressionMatch m = tls.match(line); m.hasMatch())
        return QCoreApplication::translate("LockWords", "the TLS handshake failed: %1")
            .arg(m.captured(1)); // the TLS library's own words
    const QString holder = lockHolderWords(line);
    if (holder != line)
        return holder;
    return maildropWarningWords(line);
}

} // namespace

QString eventDetailWords(const QString &detail)
{
    QStringList lines = detail.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = detailLineWords(line);
    return lines.join(QLatin1Char('\n'));
}

} // namespace pop3
