#pragma once

#include <QWidget>

namespace pop3 {
class EventLog;
class MailStore;
} // namespace pop3

// The lessons dock (issue 5). Placeholder until the lessons land: the contract is the
// constructor and the resetMailboxRequested() signal.
class LessonPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonPane)

public:
    LessonPane(pop3::EventLog *log, pop3::MailStore *store, QWidget *parent = nullptr);

signals:
    // A lesson (re)starts and wants a pristine copy of user's mailbox; the window asks the user
    // first when a session is open, then calls MailStore::resetMailbox().
    void resetMailboxRequested(const QString &user);
};
