#pragma once

#include "app/maildrop/maildroppane.h"
#include "events/checkpoints.h"
#include "events/event.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace pop3 {
class EventLog;
class MailStore;
} // namespace pop3

// The maildrops a replay shows: a scratch copy of the sample accounts in a temporary folder,
// never the live workspace, on which the replayed events are done again — a lock file created
// and removed, messages expunged — so the maildrop pane shows them exactly as it shows live
// ones (from the files).
//
// The events are folded in memory (who holds which lock, which messages are left); the files
// are brought to that state by sync(), once per frame, with only the net change: a replay at
// full speed or a step back at the end of a long trace does not redo every lock and expunge on
// disk. When the replay's log is cleared the copy goes back to the pristine sample the
// scenarios start from; when it is truncated (a step back), the fold goes back to its nearest
// checkpoint.
class ReplayMaildrop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayMaildrop)

public:
    explicit ReplayMaildrop(pop3::EventLog *log, QObject *parent = nullptr);
    ~ReplayMaildrop() override;

    pop3::MailStore *store() const { return m_store.get(); }

    // False when the scratch copy could not be made (errorString says why).
    bool isValid() const { return m_error.isEmpty(); }

    QString errorString() const { return m_error; }

    // Brings the files to the folded state now (the replay pane calls it before it shows them).
    void sync();

    // The lock of user's maildrop as the trace tells it (none: no lock now). The scratch file is
    // this process's, so only these recorded facts say who held it and whether it is stale.
    std::optional<MaildropPane::RecordedLock> recordedLock(const QString &user) const;

private:
    struct Lock
    {
        int session = 0; // 0: no lock
        QString peer;
        qint64 sinceMs = 0;
        bool orphaned = false; // its session ended without removing it (a crash): stale
        QString path; // as recorded ("~/pop3lab/mail/student.lock")
        QString holder; // the trace's words for its holder (LockCreated's detail)
        bool killed = false; // a crash note of the teacher's (Kill the Server) named it
    };

    // What the replayed events say the maildrops are now.
    struct State
    {
        QHash<QString, QList<QByteArray>> left; // user -> unique-ids of the messages left
        QHash<QString, Lock> locks; // user -> the lock file's holder
        QHash<int, QString> userOf; // session -> the maildrop it locked
        QHash<int, QString> peerOf; // session -> its client's address:port, until it locks
    };

    void apply(const pop3::Event &event);
    void reset();
    void rewind(qsizetype size);
    void changed();

    pop3::EventLog *m_log;
    QTemporaryDir m_dir;
    std::unique_ptr<pop3::MailStore> m_store;
    QHash<QString, QList<QByteArray>> m_pristine; // user -> unique-ids of the sample
    State m_state;
    State m_onDisk; // what the files are (locks and messages; sessions unused)
    pop3::Checkpoints<State> m_checkpoints;
    qsizetype m_applied = 0;
    QTimer m_sync; // the files follow at most once per frame
    QString m_error;
};
