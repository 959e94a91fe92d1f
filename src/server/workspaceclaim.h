#pragma once

#include "events/result.h"

#include <QString>

// Who serves a workspace, so that a start which replaces it (--class, --reset) never does so
// under a running server. Every pop3lab-server holds a shared flock(2) on
// <workspace>/.pop3lab-server.lock while it runs; a replacing start first asks for it exclusive
// (without waiting), and goes down to shared once the copies are made. The kernel drops the lock
// with the process, killed or not: no stale lock to clear.
//
// Why: the start command of a class run again by mistake (the teacher's trial) wrote new
// passwords over the accounts file and copied every mailbox afresh under the running class. The
// window, which may share the default workspace, does not take part (its sessions hold their
// maildrop locks only).
class WorkspaceClaim
{
public:
    WorkspaceClaim() = default;
    ~WorkspaceClaim();
    WorkspaceClaim(const WorkspaceClaim &) = delete;
    WorkspaceClaim &operator=(const WorkspaceClaim &) = delete;

    // replacing: exclusive (fails when another server holds the workspace), else shared.
    pop3::Result claim(const QString &workspace, bool replacing);
    // After the replacement: shared, so that other servers may serve the workspace beside this one.
    void share();

private:
    int m_fd = -1;
};
