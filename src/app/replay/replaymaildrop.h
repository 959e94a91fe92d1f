#pragma once

#include "events/event.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace pop3 {
class EventLog;
class MailStore;
} // namespace pop3

// The maildrops a replay shows: a scratch copy of the sample accounts in a temporary folder,
// never the live workspace, on which the replayed events are done again — a lock file created
// and removed, messages expunged — so the maildrop pane shows them exactly as it shows live
// ones (from the files). When the replay's log is cleared (a step back rebuilds it from the
// start), the copy goes back to the pristine sample the scenarios start from.
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

private:
    void apply(const pop3::Event &event);
    void reset();

    QTemporaryDir m_dir;
    std::unique_ptr<pop3::MailStore> m_store;
    QHash<int, QString> m_userOf; // session -> the maildrop it locked
    QHash<int, QString> m_peerOf; // session -> its client's address:port
    QSet<QString> m_changed; // users whose copy the replay changed
    QString m_error;
};
