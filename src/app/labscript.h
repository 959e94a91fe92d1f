#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class MainWindow;
class TerminalView;

namespace pop3 {
class Lab;
}

// Types a scripted session into the terminal key by key, as a student would, and checks each
// reply: the lab sheet for --smoke-test (then checks the maildrop and the lock file, resets, and
// reports). (--demo replays a recorded scenario instead: see app/replay/replaypane.h.)
class LabScript final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabScript)

public:
    LabScript(MainWindow *window, pop3::Lab *lab, QObject *parent = nullptr);

    // name: lab-sheet, dele or in-use; keyDelayMs: pause between steps (0 for tests).
    void start(const QString &name, int stepDelayMs);

    static QStringList names();

signals:
    void finished(bool ok, const QString &report);

private:
    struct Step
    {
        int tab = 0; // which tab of the script (a new one is opened when it first appears)
        QString line; // typed, then Enter
        QByteArray expect; // the reply must start with it
    };

    void next();
    void type(TerminalView *view, const QString &text);
    void replyArrived(int tab, const QByteArray &line);
    void finish(bool ok, const QString &why);
    void checkAfterQuit();

    MainWindow *m_window;
    pop3::Lab *m_lab;
    QList<Step> m_steps;
    QList<TerminalView *> m_tabs;
    QList<int> m_replies; // replies seen per tab
    qsizetype m_next = 0;
    int m_waitTab = -1;
    int m_waitCount = 0;
    QByteArray m_waitExpect;
    int m_delay = 0;
    bool m_checkQuit = false;
    bool m_done = false;
    QTimer m_timeout;
    QStringList m_log;
};
