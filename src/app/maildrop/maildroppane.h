#pragma once

#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace Ui {
class MaildropPane;
}

namespace pop3 {
class EventLog;
class MailStore;
class Personality;
} // namespace pop3

class MaildropModel;
class MaildropWatch;

// The maildrop of the user whose terminal session is selected, as the server has it: the
// messages (struck through once DELE marks them), the raw message selected, and the lock file as
// a real object — its path, whether it exists right now (the file is checked, not assumed) and
// who holds it. Refreshed in batches from the event stream, and checked on disk every second.
class MaildropPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaildropPane)

public:
    MaildropPane(pop3::EventLog *log, pop3::MailStore *store, QWidget *parent = nullptr);
    ~MaildropPane() override;

    // The terminal's selected session (0: none yet); external: it talks to another server.
    void setSession(int sessionId, bool external);

    QString user() const { return m_user; }

    // The user shown while the selected session's own is not known yet (before its USER): a
    // replay sets it from the events so far, so a step back shows what the same point did going
    // forward. Takes effect at the next refresh(); an unknown user is ignored.
    void setUser(const QString &user);
    // The replay's maildrop (a scratch copy nobody resets) has no Reset button; in a narrow
    // column it leaves the message preview out, for the rows a class watches.
    void setResetVisible(bool visible);
    // Presentation mode: at least this many messages in view (0: as the layout gives).
    void setMinimumRows(int rows);
    void setPreviewVisible(bool visible);

    MaildropModel *model() const { return m_model; }

    // A lock file as a recording tells it (a replay's trace), not as this machine's processes
    // would judge it: the replay's scratch file is written by this very process, so its pid is
    // the live window's, and comparing it with the running processes told a class that the
    // recorded lock was left by "this window's own server (still running)".
    struct RecordedLock
    {
        QString holder; // as the trace names it: "session 1 (…), pid 20670 on lab-pc, since …"
        bool stale = false; // its session ended without removing it
        bool killed = false; // ... because the teacher killed that server (Faults menu)
    };

    using RecordedLocks = std::function<std::optional<RecordedLock>(const QString &user)>;
    // Given, the lock file is described from these facts alone (a replay); empty: live.
    void setRecordedLocks(RecordedLocks locks);

    bool lockShownAsPresent() const { return m_lockPresent; }

    // The server's words, for the reply a second login gets (the window follows its changes).
    void setPersonality(const pop3::Personality *personality);
    // What the pane says about the lock file (rich text).
    QString lockText() const;

    QString lockPath() const;
    // The line above the messages: whose maildrop, how many, how many marked or new (rich text).
    QString userText() const;

    // Reads the maildrop and the lock file again now.
    void refresh();

signals:
    void resetRequested(const QString &user);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
    void fitLockBox();
    void updateWidgets();
    void updateLock();
    void showSelectedMessage();

    std::unique_ptr<Ui::MaildropPane> m_ui;
    pop3::MailStore *m_store;
    MaildropWatch *m_watch;
    MaildropModel *m_model;
    QTimer m_poll;
    int m_session = 0;
    bool m_external = false;
    QString m_user = QStringLiteral("student");
    bool m_lockPresent = false;
    const pop3::Personality *m_personality = nullptr;
    int m_minimumRows = 0;
    RecordedLocks m_recordedLocks;
};
