#pragma once

#include <QMenu>

#include <functional>

class QAction;
class QActionGroup;

namespace pop3 {
class Lab;
}

// The Faults menu of the window: what a teacher injects while a session runs, acting on the
// current terminal's session (drop it) or on the built-in server (slow it, refuse the next login,
// fail the next commit, deliver a message, kill it and start it again). The work is the Lab's
// (pop3::FaultInjector); this only asks and shows what is armed.
//
// The kill is the built-in server's, for real: its connections cut, its port closed, its lock
// files left on disk; Restart the Server starts it again and it finds them stale. Not the whole
// program's: the window is the teacher's view of it all (the diagram, the maildrop pane showing
// the stale lock file), and pop3lab-server --control's kill-process ends a real process.
class FaultsMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsMenu)

public:
    // currentSession: the built-in server's session id of the current terminal (0: none);
    // currentUser: whose maildrop a delivery goes to.
    FaultsMenu(pop3::Lab *lab,
        std::function<int()> currentSession,
        std::function<QString()> currentUser,
        QWidget *parent = nullptr);

    QAction *dropAction() const { return m_drop; }

    QAction *crashAction() const { return m_crash; }

    QAction *restartAction() const { return m_restart; }

    QAction *refuseLoginAction() const { return m_refuseLogin; }

    QAction *failCommitAction() const { return m_failCommit; }

    QAction *deliverAction() const { return m_deliver; }

    // The slow-replies choice of ms (0: off), or null.
    QAction *slowAction(int ms) const;

    // The delays offered, in ms (0: full speed).
    static QList<int> delays() { return {0, 300, 1000, 3000}; }

    void updateWidgets();

signals:
    void failed(const QString &why);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void deliverMessage();
    // Kill stops the server for every student and leaves a stale lock: it asks first, the safe
    // answer the default (Enter and Escape keep the server running).
    void confirmCrash();
    void crash();

    pop3::Lab *m_lab;
    std::function<int()> m_currentSession;
    std::function<QString()> m_currentUser;
    QAction *m_drop;
    QAction *m_crash;
    QAction *m_restart;
    QMenu *m_slow;
    QActionGroup *m_slowGroup;
    QAction *m_refuseLogin;
    QAction *m_failCommit;
    QAction *m_deliver;
};
