#pragma once

#include "events/result.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

namespace pop3 {

// File operations for the workspace, where a name may have been replaced by anything: nothing
// here follows a symbolic link at the last component, opens a FIFO or a device (which would
// block), or writes a file in place. Writes go to a temporary file beside the target, renamed
// over it; temporaries carry the writer's pid, so a leftover of a killed process is recognised.
class SafeFile final
{
public:
    enum class Kind {
        Missing,
        File,
        Dir,
        SymLink,
        Other, // a FIFO, a socket, a device
    };

    // What is at path itself (lstat); for a link, its target in linkTarget.
    static Kind kind(const QString &path, QString *linkTarget = nullptr);
    // "a symbolic link to /etc/passwd", "a folder", ...: for error messages.
    static QString describe(const QString &path);

    // Opens a regular file for reading without following a link or blocking on a FIFO. mode may
    // add QIODevice::Unbuffered.
    static bool openForReading(QFile &file,
        const QString &path,
        QString *error = nullptr,
        QIODevice::OpenMode mode = QIODevice::ReadOnly);
    // Reads at most maxSize octets of a regular file; nothing (and ok false) otherwise.
    static QByteArray read(const QString &path, qint64 maxSize, bool *ok = nullptr);

    // Replaces path with content: written beside it, flushed, renamed over it (a link at path is
    // replaced, never followed), the folder flushed. Owner-only permissions.
    static Result writeAtomically(const QString &path, const QByteArray &content);
    // Creates path (it must not exist: a link there is not followed) with content, flushed to
    // disk, with the given permissions.
    static Result writeNew(const QString &path, const QByteArray &content, int mode = 0600);

    // Flushes a folder's entries to disk (fsync of the folder): a file renamed or created in it
    // is then there after a power cut, not only after a kill. False if it cannot be opened.
    static bool syncFolder(const QString &dir);
    // Flushes everything written to the file system that holds path (syncfs): one call for a
    // whole copied tree.
    static bool syncFileSystem(const QString &path);

    // A name beside path for a temporary of this process: ".<name>.<tag>.<pid>".
    static QString temporaryFor(const QString &path, const QString &tag);
    // Removes the temporaries of path (any tag in tags) left by processes that are gone; returns
    // what was removed.
    static QStringList removeStaleTemporaries(const QString &path, const QStringList &tags);

    // Removes a file, a link (not its target) or a folder tree (links inside are removed, never
    // followed). True when nothing is left at path.
    static bool removeTree(const QString &path);

    // The names in a folder (no "." or ".."), each with its kind, read with readdir (no stat when
    // the file system reports types). Empty and ok false when it cannot be read.
    struct Entry
    {
        QString name;
        Kind kind = Kind::Other;
    };

    static QList<Entry> list(const QString &dir, bool *ok = nullptr);

    // Whether path, made absolute and cleaned, lies inside dir (also cleaned). Used for names
    // read from workspace files: never act on a path outside its maildrop.
    static bool isInside(const QString &path, const QString &dir);
};

} // namespace pop3
