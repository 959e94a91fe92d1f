#include "app/replay/replaypane.h"
#include "diagram/lockwords.h"
#include "diagram/sequencemodel.h"

// The replay's words: a transcript line per event that has one, and the scrubber's name for what
// happened (translated, as every word the window shows).

using pop3::EventKind;

namespace {

QString lineOf(const QByteArray &bytes)
{
    QByteArray line = bytes;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

QString ReplayPane::lineFor(const pop3::Event &e, pop3::NoteKind cutBy) const
{
    const QString who = tr("[%1]").arg(e.session);
    switch (e.kind) {
    case EventKind::Connected:
        return tr("%1 ── connected from %2 ──").arg(who, e.text);
    case EventKind::ClientLine:
        if (e.queued)
            return QString(); // written when it arrived (its LineQueued)
        return tr("%1 C: %2").arg(who, lineOf(e.bytes));
    case EventKind::LineQueued:
        return tr("%1 C: %2   (pipelined: waits for the reply before it)")
            .arg(who, lineOf(e.withoutSecret().bytes));
    case EventKind::ServerReply:
        return e.multiLine
            ? tr("%1 S: %2 (+ %n line(s) of body)", nullptr, e.lines).arg(who, lineOf(e.bytes))
            : tr("%1 S: %2").arg(who, lineOf(e.bytes));
    case EventKind::LockCreated:
        return tr("%1    (lock file created: %2's maildrop is locked)").arg(who, e.user);
    case EventKind::LockRemoved:
        return tr("%1    (lock file removed)").arg(who);
    case EventKind::LockRefused:
        return tr("%1    (lock file refused: held by %2)")
            .arg(who, pop3::lockHolderWords(e.detail));
    case EventKind::StaleLockCleared:
        return tr("%1    (stale lock file cleared: it was left by %2)")
            .arg(who, pop3::lockHolderWords(e.detail));
    case EventKind::Expunged:
        return tr("%1    (UPDATE: %n message(s) removed from the maildrop)",
            nullptr,
            int(e.numbers.size()))
            .arg(who);
    case EventKind::Disconnected:
        // The diagram's words for the reason (translated), never the trace's reason id
        // ("mailbox-in-use") nor the core's English detail.
        return tr("%1 ── %2 ──").arg(who, pop3::SequenceModel::disconnectWords(e.text, cutBy));
    case EventKind::Note:
        if (e.note == pop3::NoteKind::FaultServerCrashed) {
            // The detail names the lock files left, one a line (text is the note's id).
            const QStringList locks = e.detail.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (locks.isEmpty())
                return tr("── the server crashed: it held no lock ──");
            return tr("── the server crashed: %n lock file(s) left behind: %1 ──",
                nullptr,
                int(locks.size()))
                .arg(locks.join(QStringLiteral(", ")));
        }
        if (e.note == pop3::NoteKind::StaleLockFound)
            return tr("── server: stale lock found: %1, left by pid %2 (its session is gone); the "
                      "next login of %3 clears it ──")
                .arg(e.detail)
                .arg(e.number)
                .arg(e.user);
        if (e.note == pop3::NoteKind::MaildropWarning && !e.detail.isEmpty())
            return tr("── server: %1 ──").arg(pop3::maildropWarningWords(e.detail));
        return QString();
    default:
        return QString();
    }
}

bool ReplayPane::writesLine(const pop3::Event &e) const
{
    return !lineFor(e).isNull();
}

QString ReplayPane::kindWords(const pop3::Event &e) const
{
    switch (e.kind) {
    case EventKind::Connected:
        return tr("connected");
    case EventKind::ClientLine:
        return tr("client's command");
    case EventKind::ServerReply:
        return e.ok ? tr("server's reply (+OK)") : tr("server's reply (-ERR)");
    case EventKind::StateChanged:
        return tr("state changed");
    case EventKind::LockCreated:
        return tr("lock file created");
    case EventKind::LockRemoved:
        return tr("lock file removed");
    case EventKind::LockRefused:
        return tr("lock refused");
    case EventKind::StaleLockCleared:
        return tr("stale lock file cleared");
    case EventKind::MarkedDeleted:
        return tr("message marked deleted");
    case EventKind::MarksReset:
        return tr("marks reset");
    case EventKind::Expunged:
        return tr("messages removed (UPDATE)");
    case EventKind::Disconnected:
        return tr("disconnected");
    case EventKind::Note:
        return tr("note");
    case EventKind::LineQueued:
        return tr("client's command, pipelined");
    }
    return QString();
}
