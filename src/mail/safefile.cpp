#include "mail/safefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pop3 {

namespace {

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

SafeFile::Kind kindOf(mode_t mode)
{
    if (S_ISREG(mode))
        return SafeFile::Kind::File;
    if (S_ISDIR(mode))
        return SafeFile::Kind::Dir;
    if (S_ISLNK(mode))
        return SafeFile::Kind::SymLink;
    return SafeFile::Kind::Other;
}

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

SafeFile::Kind SafeFile::kind(const QString &path, QString *linkTarget)
{
    struct stat st = {};
    if (::lstat(native(path).constData(), &st) != 0)
        return Kind::Missing;
    const Kind k = kindOf(st.st_mode);
    if (k == Kind::SymLink && linkTarget)
        *linkTarget = QFileInfo(path).symLinkTarget();
    return k;
}

QString SafeFile::describe(const QString &path)
{
    QString target;
    switch (kind(path, &target)) {
    case Kind::Missing:
        return QStringLiteral("nothing");
    case Kind::File:
        return QStringLiteral("a file");
    case Kind::Dir:
        return QStringLiteral("a folder");
    case Kind::SymLink:
        return target.isEmpty() ? QStringLiteral("a symbolic link")
                                : QStringLiteral("a symbolic link to %1").arg(target);
    case Kind::Other:
        break;
    }
    return QStringLiteral("a special file (FIFO, socket or device)");
}

bool SafeFile::openForReading(
    QFile &file, const QString &path, QString *error, QIODevice::OpenMode mode)
{
    const int fd = ::open(native(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        if (error)
            *error = e == ELOOP ? QStringLiteral("%1 is %2, not a file").arg(path, describe(path))
                                : QStringLiteral("cannot read %1: %2").arg(path, errnoText(e));
        return false;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (error)
            *error = QStringLiteral("%1 is %2, not a file").arg(path, describe(path));
        return false;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, mode | QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray SafeFile::read(const QString &path, qint64 maxSize, bool *ok)
{
    QFile file;
    const bool opened = openForReading(file, path);
    if (ok)
        *ok = opened;
    if (!opened)
        return {};
    // QIODevice::read(n) allocates n octets before it reads: the 64 MB cap of the unique-id list
    // was a 64 MB allocation (and, under ASan, 8 MB of shadow cleared) at every mbox load.
    const qint64 size = file.size();
    return file.read(qMin(maxSize, size));
}

QString SafeFile::temporaryFor(const QString &path, const QString &tag)
{
    const QFileInfo fi(path);
    return fi.dir().filePath(QStringLiteral(".%1.%2.%3")
                                 .arg(fi.fileName(), tag)
                                 .arg(QCoreApplication::applicationPid()));
}

QStringList SafeFile::removeStaleTemporaries(const QString &path, const QStringList &tags)
{
    QStringList removed;
    const QFileInfo fi(path);
    const QString dir = fi.absolutePath();
    for (const Entry &e : list(dir)) {
        for (const QString &tag : tags) {
            const QString prefix = QStringLiteral(".%1.%2.").arg(fi.fileName(), tag);
            if (!e.name.startsWith(prefix))
                continue;
            bool isNumber = false;
            const qint64 pid = e.name.mid(prefix.size()).toLongLong(&isNumber);
            if (isNumber && processGone(pid) && removeTree(QDir(dir).filePath(e.name)))
                removed.append(QDir(dir).filePath(e.name));
        }
    }
    return removed;
}

Result SafeFile::writeNew(const QString &path, const QByteArray &content, int mode)
{
    const QByteArray p = native(path);
    const int fd =
        ::open(p.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return Result::failure(QStringLiteral("cannot create %1: %2").arg(path, errnoText(errno)));
    qint64 done = 0;
    int error = 0;
    while (done < content.size() && !error) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n > 0)
            done += n;
        else if (n == 0 || errno != EINTR)
            error = n == 0 ? EIO : errno;
    }
    if (!error && ::fchmod(fd, mode_t(mode & 07777)) != 0)
        error = errno;
    if (!error && ::fdatasync(fd) != 0)
        error = errno;
    ::close(fd);
    if (error) {
        ::unlink(p.constData());
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(path, errnoText(error)));
    }
    return Result::success();
}

Result SafeFile::writeAtomically(const QString &path, const QByteArray &content)
{
    const QString temporary = temporaryFor(path, QStringLiteral("pop3lab-tmp"));
    ::unlink(native(temporary).constData()); // a leftover of a killed process that had our pid
    if (Result r = writeNew(temporary, content); !r)
        return r;
    if (::rename(native(temporary).constData(), native(path).constData()) != 0) {
        const int e = errno;
        ::unlink(native(temporary).constData());
        return Result::failure(QStringLiteral("cannot replace %1: %2").arg(path, errnoText(e)));
    }
    syncFolder(QFileInfo(path).absolutePath()); // the rename itself, on disk
    return Result::success();
}

bool SafeFile::syncFileSystem(const QString &path)
{
    const int fd = ::open(native(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    const bool ok = ::syncfs(fd) == 0;
    ::close(fd);
    return ok;
}

bool SafeFile::syncFolder(const QString &dir)
{
    const int fd = ::open(native(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool SafeFile::removeTree(const QString &path)
{
    const QByteArray p = native(path);
    struct stat st = {};
    if (::lstat(p.constData(), &st) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(st.st_mode))
        return ::unlink(p.constData()) == 0 || errno == ENOENT;
    bool ok = true;
    for (const Entry &e : list(path))
        ok = removeTree(QDir(path).filePath(e.name)) && ok;
    return (::rmdir(p.constData()) == 0 || errno == ENOENT) && ok;
}

QList<SafeFile::Entry> SafeFile::list(const QString &dir, bool *ok)
{
    QList<Entry> entries;
    const int fd = ::open(native(dir).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd < 0 ? nullptr : ::fdopendir(fd);
    if (ok)
        *ok = d != nullptr;
    if (!d) {
        if (fd >= 0)
            ::close(fd);
        return entries;
    }
    while (const dirent *e = ::readdir(d)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        Entry entry;
        entry.name = QFile::decodeName(e->d_name);
        switch (e->d_type) {
        case DT_REG:
            entry.kind = Kind::File;
            break;
        case DT_DIR:
            entry.kind = Kind::Dir;
            break;
        case DT_LNK:
            entry.kind = Kind::SymLink;
            break;
        case DT_UNKNOWN: {
            struct stat st = {};
            entry.kind = ::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
                ? kindOf(st.st_mode)
                : Kind::Missing;
            break;
        }
        default:
            entry.kind = Kind::Other;
        }
        entries.append(entry);
    }
    ::closedir(d);
    return entries;
}

bool SafeFile::isInside(const QString &path, const QString &dir)
{
    const QString base = QDir::cleanPath(QDir(dir).absolutePath());
    const QString p = QDir::cleanPath(QDir(base).absoluteFilePath(path));
    return p.startsWith(base + QLatin1Char('/')) && p.size() > base.size() + 1;
}

} // namespace pop3
