#pragma once

#include "events/result.h"

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace pop3 {

class Lab;

// pop3lab-server's control for a classroom: a Unix-domain socket (owner-only, on this machine
// alone) that takes one command per line and answers one line, "ok ..." or "error ...":
//
//   sessions             the open sessions: "id user state" each
//   drop ID              cut session ID now (marks lost, lock released, no UPDATE)
//   slow MS              every reply waits MS milliseconds (0: full speed again)
//   refuse-next-login    the next login gets -ERR [SYS/TEMP]
//   fail-next-commit     the next QUIT's UPDATE stops half-way; the next login finishes it
//   deliver USER FILE    FILE (a message) is delivered into USER's maildrop
//   crash                the server dies without releasing its locks: in pop3lab-server the
//                        process ends at once (exit status 70, Lab::crashProcess), and the
//                        next start reports the stale lock; in a window's lab, simulated
//                        (the sessions cut, the lock files left, listening again)
//   reset USER           USER's sessions cut, their mailbox a fresh copy again
//   reset-class          the same for every account
//   help                 this list
//
// For example: echo "slow 800" | socat - UNIX-CONNECT:/tmp/pop3lab.ctl
class FaultControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultControl)

public:
    explicit FaultControl(Lab *lab, QObject *parent = nullptr);
    ~FaultControl() override;

    // Listens on path (a socket left there by an earlier run is replaced; any other file is
    // not). The socket is readable and writable by its owner only.
    Result listen(const QString &path);

    QString path() const;

    // Runs one command line; returns the answer line (without its line ending).
    QString execute(const QString &line);

    static QString helpText();

    // crash ends this process for real (pop3lab-server); off: Lab::crashServer's simulation.
    void setCrashEndsProcess(bool on) { m_crashEndsProcess = on; }

private:
    void acceptConnections();
    void readCommands(QLocalSocket *socket);

    Lab *m_lab;
    QLocalServer *m_server;
    bool m_crashEndsProcess = false;
    bool m_crashNow = false; // set by execute("crash"): dies once the answer is written
};

} // namespace pop3
