#include "workspaceclaim.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

WorkspaceClaim::~WorkspaceClaim()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

pop3::Result WorkspaceClaim::claim(const QString &workspace, bool replacing)
{
    if (!QDir().mkpath(workspace))
        return pop3::Result::failure(
            QStringLiteral("cannot create the workspace %1 (nothing was changed)").arg(workspace));
    const QByteArray path = QFile::encodeName(workspace + QStringLiteral("/.pop3lab-server.lock"));
    // O_NOFOLLOW: a symlink planted at the lock's path is refused, not followed (issue 12).
    m_fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (m_fd < 0)
        return pop3::Result::failure(
            QStringLiteral("cannot open %1: %2 (nothing was changed)")
                .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno))));
    int r;
    do {
        r = ::flock(m_fd, (replacing ? LOCK_EX : LOCK_SH) | LOCK_NB);
    } while (r != 0 && errno == EINTR);
    if (r == 0)
        return pop3::Result::success();
    if (errno == EWOULDBLOCK && replacing)
        return pop3::Result::failure(
            QStringLiteral("another pop3lab-server serves the workspace %1: a new class (or "
                           "--reset) would replace its mailboxes and passwords under it; stop "
                           "that server first, or give another --workspace (nothing was changed)")
                .arg(workspace));
    if (errno == EWOULDBLOCK) // a replacing start is making its copies: a moment
        r = ::flock(m_fd, LOCK_SH);
    if (r == 0)
        return pop3::Result::success();
    return pop3::Result::failure(
        QStringLiteral("cannot lock %1: %2 (nothing was changed)")
            .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno))));
}

void WorkspaceClaim::share()
{
    if (m_fd >= 0)
        ::flock(m_fd, LOCK_SH);
}
