#pragma once

#include "events/checkpoints.h"
#include "protocol/sessionfold.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace pop3 {
class EventLog;
} // namespace pop3

// What the maildrop pane needs from the event stream, kept up to date event by event (cheap) and
// announced in batches (changed() at most every batchDelayMs): which user each session logged in
// as, which session holds which maildrop's lock, and its deletion marks — marked-deleted adds,
// marks-reset and expunged clear, a disconnection without QUIT drops them.
class MaildropWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaildropWatch)

public:
    explicit MaildropWatch(pop3::EventLog *log, QObject *parent = nullptr);

    // The user session logged in as, else the one its last USER named ("" if none).
    QString userOf(int session) const;
    // The session holding user's lock (0: none), and its marks.
    int lockHolder(const QString &user) const;
    QSet<int> marksFor(const QString &user) const;

    static constexpr int batchDelayMs = 30;

signals:
    void changed();

private:
    void handle(const pop3::Event &event);
    void reset();
    void rewind(qsizetype size); // a replay stepped back

    pop3::EventLog *m_log;
    pop3::SessionFold m_fold; // the one per-session fold (protocol/sessionfold.h)
    pop3::Checkpoints<pop3::SessionFold> m_checkpoints;
    qsizetype m_applied = 0; // events of the log folded
    QTimer m_batch;
};
