#include "mail/maildrop.h"

#include "mail/messagebody.h"
#include "mail/safefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pop3 {

namespace {

// RFC 1939 §7: a unique-id is 1 to 70 characters in the range 0x21 to 0x7E.
QByteArray sanitizeUid(const QByteArray &raw)
{
    QByteArray uid;
    uid.reserve(raw.size());
    for (char c : raw) {
        if (uchar(c) >= 0x21 && uchar(c) <= 0x7e)
            uid.append(c);
    }
    if (uid.size() > 70 || uid.isEmpty())
        uid = QCryptographicHash::hash(raw, QCryptographicHash::Sha1).toHex();
    return uid;
}

// A Maildir name is "unique:2,flags" (":1," is the experimental form); a mail reader changes only
// the flags. A colon followed by anything else is part of the name ("Subject: a").
QString maildirBase(const QString &name)
{
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return name;
    const QStringView info = QStringView(name).mid(colon + 1);
    if (info.startsWith(QLatin1String("2,")) || info.startsWith(QLatin1String("1,")))
        return name.left(colon);
    return name;
}

// The unique-id of a file per message comes from its name alone: the name itself when it is a
// valid id, else a hash of the whole name. Never a cleaned name (two names could clean to one)
// nor a number that depends on the other files.
QByteArray fileUid(const QString &base)
{
    const QByteArray raw = base.toUtf8();
    bool valid = !raw.isEmpty() && raw.size() <= 70;
    for (qsizetype i = 0; i < raw.size() && valid; ++i)
        valid = uchar(raw.at(i)) >= 0x21 && uchar(raw.at(i)) <= 0x7e;
    return valid ? raw : QCryptographicHash::hash(raw, QCryptographicHash::Sha1).toHex();
}

QByteArray headerValue(const QByteArray &header, const char *name)
{
    const QByteArray key = QByteArray(name) + ':';
    qsizetype pos = 0;
    while (pos < header.size()) {
        qsizetype eol = header.indexOf('\n', pos);
        if (eol < 0)
            eol = header.size();
        if (header.size() - pos >= key.size()
            && qstrnicmp(header.constData() + pos, key.constData(), key.size()) == 0) {
            QByteArray value = header.mid(pos + key.size(), eol - pos - key.size());
            // Unfold continuation lines.
            qsizetype next = eol + 1;
            while (next < header.size() && (header.at(next) == ' ' || header.at(next) == '\t')) {
                qsizetype nextEol = header.indexOf('\n', next);
                if (nextEol < 0)
                    nextEol = header.size();
                value += ' ' + header.mid(next, nextEol - next).trimmed();
                next = nextEol + 1;
            }
            return value.trimmed();
        }
        pos = eol + 1;
    }
    return {};
}

} // namespace

void scanMessage(const char *data, qint64 size, bool mboxQuoted, MessageInfo &info)
{
    info.length = size;
    qint64 wire = 0;
    int lines = 0;
    int headerLines = -1;
    qint64 headerEnd = size;
    const char *p = data;
    const char *end = data + size;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        qint64 len = lineEnd - p;
        if (len > 0 && p[len - 1] == '\r')
            --len;
        if (mboxQuoted && len > 5 && p[0] == '>') {
            qint64 q = 0;
            while (q < len && p[q] == '>')
                ++q;
            if (len - q >= 5 && std::memcmp(p + q, "From ", 5) == 0)
                --len;
        }
        wire += len + 2;
        ++lines;
        if (headerLines < 0 && len == 0) {
            headerLines = lines;
            headerEnd = p - data;
        }
        p = nl ? nl + 1 : end;
    }
    if (headerLines < 0)
        headerLines = lines;
    info.wireSize = wire;
    info.headerLines = headerLines;
    info.bodyLines = lines - headerLines;
    const QByteArray header = QByteArray::fromRawData(data, qsizetype(headerEnd));
    info.from = headerValue(header, "From");
    info.subject = headerValue(header, "Subject");
    info.date = headerValue(header, "Date");
}

std::optional<Maildrop::Format> Maildrop::detect(const QString &path, QString *error)
{
    const QFileInfo fi(path);
    if (!fi.exists()) {
        if (error)
            *error = QStringLiteral("%1 does not exist").arg(path);
        return std::nullopt;
    }
    if (fi.isDir()) {
        const QDir dir(path);
        if (dir.exists(QStringLiteral("cur")) || dir.exists(QStringLiteral("new")))
            return Format::Maildir;
        if (!dir.entryList({QStringLiteral("*.eml")}, QDir::Files).isEmpty()
            || dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty())
            return Format::EmlFolder;
        if (error)
            *error =
                QStringLiteral("%1 is neither a Maildir (no cur/ or new/) nor a folder of .eml "
                               "files")
                    .arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray start = file.read(4096);
    if (start.startsWith("From ") && start.contains('\r') && !start.contains('\n')) {
        // Old Mac OS line endings: no line could be split, the maildrop would look empty.
        if (error)
            *error = QStringLiteral("%1 has CR-only line endings (old Mac OS): an mbox needs LF or "
                                    "CRLF; convert it, e.g. tr '\\r' '\\n'")
                         .arg(path);
        return std::nullopt;
    }
    if (start.isEmpty() || start.startsWith("From "))
        return Format::Mbox;
    if (error)
        *error =
            QStringLiteral("%1 is not an mbox file (it does not start with \"From \")").arg(path);
    return std::nullopt;
}

QString Maildrop::formatName(Format format)
{
    switch (format) {
    case Format::Maildir:
        return QStringLiteral("Maildir");
    case Format::EmlFolder:
        return QStringLiteral(".eml folder");
    case Format::Mbox:
        return QStringLiteral("mbox");
    }
    return {};
}

qint64 Maildrop::totalSize() const
{
    qint64 total = 0;
    for (const MessageInfo &m : m_messages)
        total += m.wireSize;
    return total;
}

bool Maildrop::Look::sameAs(const Look &now) const
{
    // A change within the same clock tick as the last read would leave mtime as it was: only a
    // look taken well after the last change is trusted (the file system's clock is coarse).
    constexpr qint64 settleNs = 2'000'000'000;
    if (!valid && !now.valid && readAtNs != 0)
        return true; // missing then and now (a Maildir without new/)
    return valid && now.valid && device == now.device && inode == now.inode && size == now.size
        && mtimeNs == now.mtimeNs && ctimeNs == now.ctimeNs && mtimeNs < readAtNs - settleNs
        && ctimeNs < readAtNs - settleNs;
}

Maildrop::Look Maildrop::Look::of(const QString &path)
{
    Look look;
    struct timespec clock = {};
    ::clock_gettime(CLOCK_REALTIME, &clock);
    look.readAtNs = qint64(clock.tv_sec) * 1'000'000'000 + clock.tv_nsec;
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return look;
    look.device = quint64(st.st_dev);
    look.inode = quint64(st.st_ino);
    look.size = qint64(st.st_size);
    look.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    look.ctimeNs = qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    look.valid = true;
    return look;
}

Result Maildrop::load(const QString &path)
{
    QString error;
    const std::optional<Format> format = detect(path, &error);
    m_messages.clear();
    m_delivered.clear();
    m_scanned.clear();
    m_looks.clear();
    if (!format)
        return Result::failure(error);
    m_path = QFileInfo(path).absoluteFilePath();
    m_format = *format;
    if (m_format == Format::Mbox) {
        // A commit killed while it wrote the new mbox (or unique-id list) left its temporary.
        for (const QString &file : {m_path, uidFilePath()}) {
            for (const QString &gone :
                SafeFile::removeStaleTemporaries(file, {QStringLiteral("pop3lab-tmp")}))
                m_warnings.append(
                    QStringLiteral("removed %1, left by a process killed in a commit").arg(gone));
        }
        return loadMbox();
    }
    // A commit killed while it wrote its journal left the journal's temporary: that commit did
    // not happen (the journal is what makes it), so the temporary is only removed.
    for (const QString &gone : SafeFile::removeStaleTemporaries(
             QDir(m_path).filePath(journalName()), {QStringLiteral("pop3lab-tmp")}))
        m_warnings.append(
            QStringLiteral("removed %1, left by a process killed in a commit").arg(gone));
    if (Result r = finishJournal(nullptr, true); !r)
        return r;
    return loadFiles(false);
}

Result Maildrop::refresh()
{
    if (m_path.isEmpty())
        return Result::failure(QStringLiteral("no maildrop loaded"));
    m_delivered.clear(); // the list is read as the disk is now, deliveries included
    const SafeFile::Kind kind = SafeFile::kind(m_path);
    if (kind != (m_format == Format::Mbox ? SafeFile::Kind::File : SafeFile::Kind::Dir))
        return load(m_path); // gone, or replaced by another kind: a full load says what it is
    if (m_format == Format::Mbox) {
        if (m_looks.value(m_path).sameAs(Look::of(m_path)))
            return Result::success();
        m_messages.clear();
        return loadMbox();
    }
    if (QFile::exists(QDir(m_path).filePath(journalName()))) {
        // A commit was interrupted (a crash, a fault).
        if (Result r = finishJournal(nullptr, true); !r)
            return r;
    }
    return loadFiles(true);
}

QStringList Maildrop::messageFolders() const
{
    if (m_format == Format::Maildir)
        return {QDir(m_path).filePath(QStringLiteral("cur")),
            QDir(m_path).filePath(QStringLiteral("new"))};
    return {m_path};
}

// Lists the message folders (only those changed since the last look when onlyChanged) and scans
// the files not seen before; a file keeps what its scan found as long as it keeps its name.
Result Maildrop::loadFiles(bool onlyChanged)
{
    bool changed = !onlyChanged;
    QHash<QString, Look> looks;
    const QStringList folders = messageFolders();
    for (const QString &folder : folders) {
        const Look look = Look::of(folder);
        looks.insert(folder, look);
        changed = changed || !m_looks.value(folder).sameAs(look);
    }
    if (!changed)
        return Result::success();

    struct Name
    {
        QString name;
        qsizetype folder;
    };

    QList<Name> names;
    for (qsizetype f = 0; f < folders.size(); ++f) {
        bool readable = false;
        const QList<SafeFile::Entry> entries = SafeFile::list(folders.at(f), &readable);
        if (!readable && (m_format != Format::Maildir || QFileInfo::exists(folders.at(f))))
            return Result::failure(QStringLiteral("cannot read the folder %1").arg(folders.at(f)));
        for (const SafeFile::Entry &e : entries) {
            if (e.name.startsWith(QLatin1Char('.')))
                continue;
            if (e.kind == SafeFile::Kind::SymLink || e.kind == SafeFile::Kind::Other) {
                const QString at = QDir(folders.at(f)).filePath(e.name);
                m_warnings.append(QStringLiteral("%1 is %2, not a message: not served")
                                      .arg(at, SafeFile::describe(at)));
                continue;
            }
            if (e.kind != SafeFile::Kind::File)
                continue;
            if (m_format == Format::EmlFolder && !e.name.endsWith(QLatin1String(".eml")))
                continue;
            names.append({e.name, f});
        }
    }
    // Maildir names start with the delivery time: order by name, whatever the subfolder.
    std::sort(names.begin(), names.end(), [](const Name &a, const Name &b) {
        return a.name < b.name || (a.name == b.name && a.folder < b.folder);
    });

    const QString prefixes[2] = {
        folders.value(0) + QLatin1Char('/'), folders.value(1) + QLatin1Char('/')};
    QList<MessageInfo> messages;
    messages.reserve(names.size());
    for (const Name &n : std::as_const(names)) {
        const QString path = prefixes[n.folder] + n.name;
        const auto known = m_scanned.constFind(path);
        if (known != m_scanned.constEnd()) {
            messages.append(known.value());
            continue;
        }
        QFile file;
        QString error;
        if (!SafeFile::openForReading(file, path, &error)) {
            if (SafeFile::kind(path) == SafeFile::Kind::Missing)
                continue; // removed since the listing (by a mail reader): not in this snapshot
            return Result::failure(QStringLiteral("cannot read message %1").arg(error));
        }
        // Large messages are scanned through a mapping, so loading never holds one on the heap.
        const qint64 size = file.size();
        const uchar *mapped = size > 256 * 1024 ? file.map(0, size) : nullptr;
        const QByteArray data = mapped ? QByteArray() : file.readAll();
        MessageInfo info;
        info.file = path;
        if (mapped)
            scanMessage(reinterpret_cast<const char *>(mapped), size, false, info);
        else
            scanMessage(data.constData(), data.size(), false, info);
        if (mapped)
            file.unmap(const_cast<uchar *>(mapped));
        // The unique-id comes from the name (without the Maildir flags or ".eml"); only two
        // files with one Maildir name (flags apart) share it, and get a suffix in
        // assignFileUids().
        info.uid = fileUid(uidBase(path));
        m_scanned.insert(path, info);
        messages.append(std::move(info));
    }
    if (m_scanned.size() != messages.size()) { // some files are gone: forget them
        QHash<QString, MessageInfo> kept;
        kept.reserve(messages.size());
        for (const MessageInfo &m : std::as_const(messages))
            kept.insert(m.file, m);
        m_scanned = std::move(kept);
    }
    m_looks = std::move(looks);
    m_messages = std::move(messages);
    assignFileUids();
    return Result::success();
}

// Two files with one Maildir name ("x:2,S" and "x:2,T": one message for Maildir, twice on disk)
// would share an id: the later ones in name order get ".2", ".3"..., so ids stay unique.
void Maildrop::assignFileUids()
{
    QSet<QByteArray> seen;
    seen.reserve(m_messages.size());
    for (MessageInfo &info : m_messages) {
        if (seen.contains(info.uid)) {
            const QString name = uidBase(info.file);
            QByteArray uid = info.uid;
            for (int n = 2; seen.contains(uid); ++n)
                uid = fileUid(name + QLatin1Char('.') + QString::number(n));
            info.uid = uid;
        }
        seen.insert(info.uid);
    }
}

QString Maildrop::uidBase(const QString &file) const
{
    QString name = file.mid(file.lastIndexOf(QLatin1Char('/')) + 1);
    if (m_format == Format::Maildir)
        name = maildirBase(name);
    else if (name.endsWith(QLatin1String(".eml")))
        name.chop(4);
    return name;
}

Result Maildrop::loadMbox()
{
    const Look look = Look::of(m_path);
    QFile file;
    QString error;
    if (!SafeFile::openForReading(file, m_path, &error))
        return Result::failure(error);
    const qint64 size = file.size();
    if (size == 0) {
        m_looks.insert(m_path, look);
        return Result::success();
    }
    const uchar *mapped = file.map(0, size);
    QByteArray fallback;
    const char *data = reinterpret_cast<const char *>(mapped);
    if (!data) {
        fallback = file.readAll();
        data = fallback.constData();
    }
    MboxIndex index = parseMbox(data, mapped ? size : qint64(fallback.size()));
    m_messages = std::move(index.messages);
    m_looks.insert(m_path, look);
    // Loading writes nothing: until a first expunge the computed ids are stable by themselves,
    // and an original served read-only never gets a side file.
    return Result::success();
}

Maildrop::MboxIndex Maildrop::parseMbox(const char *data, qint64 size) const
{
    return parseMbox(data, size, m_path, readUidFile(uidFilePath()));
}

QList<MessageInfo> Maildrop::parseMbox(const QByteArray &mbox, const QByteArray &uidList)
{
    return parseMbox(mbox.constData(), mbox.size(), QString(), parseUidList(uidList)).messages;
}

Maildrop::MboxIndex Maildrop::parseMbox(
    const char *data, qint64 size, const QString &path, const QList<UidList> &lists)
{
    MboxIndex index;
    // Separators: "From " at the start of the file or after an empty line (LF or CRLF).
    QList<qint64> starts;
    if (size >= 5 && std::memcmp(data, "From ", 5) == 0)
        starts.append(0);
    qint64 pos = 0;
    while (pos < size) {
        const char *hit =
            static_cast<const char *>(memmem(data + pos, size_t(size - pos), "\nFrom ", 6));
        if (!hit)
            break;
        const qint64 at = hit - data + 1;
        if ((at >= 2 && data[at - 2] == '\n')
            || (at >= 3 && data[at - 2] == '\r' && data[at - 3] == '\n'))
            starts.append(at);
        pos = at;
    }
    // The blank line before a separator (or at the end of the file) belongs to no message.
    auto blankLineBefore = [data](qint64 end, qint64 begin) -> qint64 {
        if (end - begin >= 2 && data[end - 1] == '\n' && data[end - 2] == '\n')
            return 1;
        if (end - begin >= 4 && data[end - 1] == '\n' && data[end - 2] == '\r'
            && data[end - 3] == '\n')
            return 2;
        return 0;
    };
    // First the messages and their content hashes; their ids come after.
    QList<QByteArray> xuidls;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const qint64 sep = starts.at(i);
        const char *nl =
            static_cast<const char *>(std::memchr(data + sep, '\n', size_t(size - sep)));
        if (!nl)
            break;
        const qint64 begin = nl - data + 1;
        qint64 end = i + 1 < starts.size() ? starts.at(i + 1) : size;
        end -= blankLineBefore(end, begin);
        if (end < begin)
            end = begin;
        MessageInfo info;
        info.file = path;
        info.offset = begin;
        info.mboxQuoted = true;
        scanMessage(data + begin, end - begin, true, info);
        const QByteArray content = QByteArray::fromRawData(data + begin, qsizetype(end - begin));
        const qsizetype headerEnd = content.indexOf("\n\n");
        const QByteArray header = content.left(headerEnd < 0 ? content.size() : headerEnd);
        xuidls.append(headerValue(header, "X-UIDL"));
        index.messages.append(std::move(info));
        index.separators.append(sep);
        index.hashes.append(
            QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex().left(16));
    }
    // RFC 1939 §7: an id never changes while its message stays. The side file remembers the ids
    // of the mbox as the last commit left it (and, while a commit runs, as it was before): the
    // list whose content hashes start this mbox gives the first messages their ids, whatever
    // they would be computed as now (a duplicate X-UIDL whose first holder was deleted, copies of
    // one message after one was deleted). Messages after it (mail delivered since) get computed
    // ids: the X-UIDL if no earlier message has it, else "content hash" or "hash.N".
    qsizetype chosen = -1;
    for (qsizetype l = 0; l < lists.size(); ++l) {
        const UidList &list = lists.at(l);
        if (list.size() > index.messages.size()
            || (chosen >= 0 && list.size() <= lists.at(chosen).size()))
            continue;
        bool prefix = true;
        for (qsizetype i = 0; i < list.size() && prefix; ++i)
            prefix = list.at(i).first == index.hashes.at(i);
        if (prefix)
            chosen = l;
    }
    QSet<QByteArray> seen;
    qsizetype next = 0;
    if (chosen >= 0) {
        for (const auto &[hash, uid] : lists.at(chosen)) {
            if (seen.contains(uid))
                break; // a list that repeats an id is not ours: compute from here on
            index.messages[next++].uid = uid;
            seen.insert(uid);
        }
    }
    // Without a matching list (a side file older than the mbox's last rewrite by another
    // program), the ids remembered by content hash are used as before.
    QHash<QByteArray, QList<QByteArray>> remembered; // hash -> ids, in mailbox order
    QHash<QByteArray, int> lastSuffix;
    for (const UidList &list : lists) {
        for (const auto &[hash, uid] : list) {
            if (chosen < 0)
                remembered[hash].append(uid);
            const qsizetype dot = uid.lastIndexOf('.');
            // A count of copies, not any number (".2147483647" would overflow at the next copy).
            const int suffix = dot < 0 ? 1 : uid.mid(dot + 1).toInt();
            if (suffix < (1 << 30))
                lastSuffix[hash] = qMax(lastSuffix.value(hash), suffix);
        }
    }
    for (qsizetype i = next; i < index.messages.size(); ++i) {
        const QByteArray &hash = index.hashes.at(i);
        QByteArray uid = sanitizeUid(xuidls.at(i));
        if (xuidls.at(i).isEmpty() || seen.contains(uid)) {
            QList<QByteArray> &known = remembered[hash];
            while (!known.isEmpty() && seen.contains(known.first()))
                known.removeFirst();
            if (!known.isEmpty()) {
                uid = known.takeFirst();
            } else {
                do {
                    const int n = ++lastSuffix[hash];
                    uid = n == 1 ? hash : hash + '.' + QByteArray::number(n);
                } while (seen.contains(uid));
            }
        }
        seen.insert(uid);
        index.messages[i].uid = uid;
    }
    return index;
}

QString Maildrop::uidFilePath() const
{
    const QFileInfo fi(m_path);
    return fi.dir().filePath(QLatin1Char('.') + fi.fileName() + QStringLiteral(".pop3lab-uidl"));
}

// Lists of "hash id" lines, each list the mbox as one commit saw it, separated by an empty line
// (a side file written before lists were kept holds one list).
QList<Maildrop::UidList> Maildrop::readUidFile(const QString &path)
{
    QList<UidList> lists;
    bool ok = false;
    const QByteArray content = SafeFile::read(path, 64 * 1024 * 1024, &ok);
    if (!ok)
        return lists;
    return parseUidList(content);
}

QList<Maildrop::UidList> Maildrop::parseUidList(const QByteArray &content)
{
    QList<UidList> lists;
    lists.append(UidList());
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty()) {
            if (i + 1 < lines.size()) // not the end of the file: a new list starts
                lists.append(UidList());
            continue;
        }
        const QList<QByteArray> fields = line.split(' ');
        // Only what RFC 1939 allows is served: a damaged line (a CR, a control byte, too long)
        // is forgotten, and its message gets an id computed again.
        if (fields.size() == 2 && !fields.at(0).isEmpty() && !fields.at(1).isEmpty()
            && sanitizeUid(fields.at(1)) == fields.at(1))
            lists.last().append({fields.at(0), fields.at(1)});
    }
    return lists;
}

QByteArray Maildrop::uidList(const MboxIndex &index, const QSet<qsizetype> &dropped)
{
    QByteArray content;
    for (qsizetype i = 0; i < index.messages.size(); ++i) {
        if (!dropped.contains(i))
            content += index.hashes.value(i) + ' ' + index.messages.at(i).uid + '\n';
    }
    return content;
}

Result Maildrop::writeUidFile(const QByteArray &content)
{
    if (SafeFile::read(uidFilePath(), content.size() + 1) == content
        && (!content.isEmpty() || SafeFile::kind(uidFilePath()) == SafeFile::Kind::File))
        return Result::success();
    if (Result r = SafeFile::writeAtomically(uidFilePath(), content); !r)
        return Result::failure(QStringLiteral("cannot write the unique-id list: %1").arg(r.error));
    return Result::success();
}

// Rolls an interrupted expunge forward. The journal lists names separated by NUL (by newline
// before): a name may hold a newline. It is a workspace file like any other: an entry
// is acted on only if it names a file directly in one of the maildrop's message folders ("cur/x"
// or "new/x" in a Maildir, "x.eml" in an .eml folder); any other is ignored and reported.
Result Maildrop::finishJournal(QStringList *notRemoved, bool tell)
{
    m_notRemoved.clear();
    const QString journalPath = QDir(m_path).filePath(journalName());
    const SafeFile::Kind kind = SafeFile::kind(journalPath);
    if (kind == SafeFile::Kind::Missing)
        return Result::success();
    if (kind != SafeFile::Kind::File) {
        m_warnings.append(QStringLiteral("the expunge journal %1 is %2, not a journal: ignored")
                              .arg(journalPath, SafeFile::describe(journalPath)));
        if (kind == SafeFile::Kind::SymLink || kind == SafeFile::Kind::Other)
            QFile::remove(journalPath); // the link itself, never its target
        return Result::success();
    }
    QFile journal;
    QString error;
    if (!SafeFile::openForReading(journal, journalPath, &error))
        return Result::failure(QStringLiteral("cannot read the expunge journal: %1").arg(error));
    const QByteArray content = journal.readAll();
    const QList<QByteArray> names = content.split(content.contains('\0') ? '\0' : '\n');
    journal.close();
    const QDir dir(m_path);
    int listed = 0;
    int finished = 0;
    int stayed = 0;
    for (const QByteArray &name : names) {
        if (name.isEmpty())
            continue;
        const QString entry = QString::fromUtf8(name);
        const QString folder = entry.section(QLatin1Char('/'), 0, -2);
        const QString file = entry.section(QLatin1Char('/'), -1);
        const bool valid = !file.isEmpty() && !file.startsWith(QLatin1Char('.'))
            && (m_format == Format::Maildir
                    ? folder == QLatin1String("cur") || folder == QLatin1String("new")
                    : folder.isEmpty());
        if (!valid) {
            m_warnings.append(
                QStringLiteral("the expunge journal in %1 names \"%2\", not a message of this "
                               "maildrop: ignored")
                    .arg(m_path, entry.left(200)));
            continue;
        }
        MessageInfo victim;
        victim.file = dir.filePath(entry);
        // Renamed by a mail reader since the journal was written: the same message still goes.
        const QString current = locate(victim);
        ++listed;
        if (current.isEmpty())
            continue;
        QFile message(current);
        if (!message.remove()) {
            // The others still go (the journal stays until every entry was tried, so a kill
            // here is rolled forward); this one stays, and is said to stay.
            const QString failed =
                QStringLiteral("%1 (%2)").arg(dir.relativeFilePath(current), message.errorString());
            if (notRemoved)
                notRemoved->append(current);
            m_notRemoved.append(failed);
            ++stayed;
            continue;
        }
        ++finished;
    }
    if (!notRemoved) {
        for (const QString &failed : std::as_const(m_notRemoved))
            m_warnings.append(
                QStringLiteral("an interrupted commit could not remove %1: it stays").arg(failed));
        m_notRemoved.clear();
    }
    // The removals on disk before the journal that orders them goes.
    for (const QString &folder : messageFolders())
        SafeFile::syncFolder(folder);
    if (!QFile::remove(journalPath))
        return Result::failure(QStringLiteral("cannot remove %1").arg(journalPath));
    if (tell)
        m_warnings.append(
            QStringLiteral("a commit interrupted half-way was finished: its journal listed %1 "
                           "message(s) to remove, %2 already gone, %3 removed now and %4 that "
                           "could not be removed; the messages not marked deleted stay")
                .arg(listed)
                .arg(listed - finished - stayed)
                .arg(finished)
                .arg(stayed));
    return Result::success();
}

QString Maildrop::locate(const MessageInfo &message)
{
    if (SafeFile::kind(message.file) == SafeFile::Kind::File)
        return message.file;
    const QFileInfo fi(message.file);
    const QString folder = fi.dir().dirName();
    if (folder != QLatin1String("cur") && folder != QLatin1String("new"))
        return {};
    const QString base = maildirBase(fi.fileName());
    QDir root = fi.dir();
    root.cdUp();
    for (const QString &sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
        const QString dir = root.filePath(sub);
        for (const SafeFile::Entry &e : SafeFile::list(dir)) {
            if (e.kind == SafeFile::Kind::File && maildirBase(e.name) == base)
                return QDir(dir).filePath(e.name);
        }
    }
    return {};
}

Result Maildrop::expunge(const QList<MessageInfo> &victims, QStringList *removedFiles)
{
    if (victims.isEmpty())
        return Result::success();
    Result r = m_format == Format::Mbox ? expungeMbox(victims, removedFiles)
                                        : expungeFiles(victims, removedFiles);
    if (r)
        m_delivered.clear(); // the list was read again after the commit
    return r;
}

Result Maildrop::deliver(const QByteArray &message, QString *file)
{
    const QString stamp = QStringLiteral("%1.pop3lab%2")
                              .arg(QDateTime::currentMSecsSinceEpoch())
                              .arg(QCoreApplication::applicationPid());
    const QDir dir(m_path);
    if (m_format == Format::Maildir) {
        // Maildir's own protocol: written whole in tmp/, then renamed into new/.
        dir.mkpath(QStringLiteral("tmp"));
        dir.mkpath(QStringLiteral("new"));
        QString name = stamp;
        for (int n = 1; QFileInfo::exists(dir.filePath(QStringLiteral("new/") + name)); ++n)
            name = stamp + QLatin1Char('.') + QString::number(n);
        const QString tmp = dir.filePath(QStringLiteral("tmp/") + name);
        const QString target = dir.filePath(QStringLiteral("new/") + name);
        if (Result r = SafeFile::writeNew(tmp, message); !r)
            return r;
        if (::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(target).constData())
            != 0) {
            QFile::remove(tmp);
            return Result::failure(
                QStringLiteral("cannot move %1 into new/: %2").arg(tmp, qt_error_string(errno)));
        }
        SafeFile::syncFolder(dir.filePath(QStringLiteral("new")));
        noteDelivered(target, message);
        if (file)
            *file = target;
        return Result::success();
    }
    if (m_format == Format::EmlFolder) {
        QString target = dir.filePath(stamp + QStringLiteral(".eml"));
        for (int n = 1; QFileInfo::exists(target); ++n)
            target = dir.filePath(QStringLiteral("%1.%2.eml").arg(stamp).arg(n));
        if (Result r = SafeFile::writeNew(target, message); !r)
            return r;
        noteDelivered(target, message);
        if (file)
            *file = target;
        return Result::success();
    }
    // mbox: a separator line, the message quoted as mboxrd does (">From " gains one more '>'),
    // a blank line after it; appended under the POSIX write lock delivery agents take.
    QByteArray entry = "From pop3lab "
        + QDateTime::currentDateTimeUtc()
              .toString(QStringLiteral("ddd MMM d hh:mm:ss yyyy"))
              .toLatin1()
        + '\n';
    QByteArray text = message;
    if (!text.endsWith('\n'))
        text += '\n';
    QList<QByteArray> lines = text.split('\n');
    lines.removeLast(); // the empty piece after the last LF
    for (const QByteArray &line : std::as_const(lines)) {
        qsizetype q = 0;
        while (q < line.size() && line.at(q) == '>')
            ++q;
        if (line.mid(q, 5) == "From ")
            entry += '>';
        entry += line + '\n';
    }
    QFile out(m_path);
    if (!out.open(QIODevice::ReadWrite | QIODevice::Append)) // read: its last two octets
        return Result::failure(QStringLiteral("cannot open %1: %2").arg(m_path, out.errorString()));
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(out.handle(), F_SETLKW, &lock) != 0)
        return Result::failure(QStringLiteral("cannot lock %1").arg(m_path));
    // "From " starts a message only after an empty line: the mbox is made to end with one.
    const qint64 size = out.size();
    QByteArray tail(2, '\0');
    if (size > 0) {
        const ssize_t n = ::pread(out.handle(), tail.data(), 2, qMax<qint64>(0, size - 2));
        tail.truncate(qMax<qsizetype>(0, n));
        if (!tail.endsWith('\n'))
            entry.prepend("\n\n");
        else if (tail != "\n\n" && tail != "\n")
            entry.prepend('\n');
    }
    const qint64 separatorEnd = size + entry.indexOf('\n', entry.indexOf("From ")) + 1;
    if (out.write(entry) != entry.size() || !out.flush())
        return Result::failure(
            QStringLiteral("cannot write %1: %2").arg(m_path, out.errorString()));
    MessageInfo info;
    info.file = m_path;
    info.offset = separatorEnd;
    info.mboxQuoted = true;
    const QByteArray stored = entry.mid(separatorEnd - size);
    scanMessage(stored.constData(), stored.size(), true, info);
    m_delivered.append(std::move(info));
    if (file)
        *file = m_path;
    return Result::success();
}

void Maildrop::noteDelivered(const QString &file, const QByteArray &message)
{
    MessageInfo info;
    info.file = file;
    scanMessage(message.constData(), message.size(), false, info);
    info.uid = fileUid(uidBase(file)); // what the next read gives it (unless a duplicate)
    m_delivered.append(std::move(info));
}

// File per message: each victim is found where it is now (a Maildir message renamed by a mail
// reader still goes; one already gone counts as removed); then the journal is written
// (atomically), the files removed, the journal dropped. A crash after the journal is written is
// finished by the next load().
Result Maildrop::expungeFiles(const QList<MessageInfo> &victims, QStringList *removedFiles)
{
    const QDir dir(m_path);
    QByteArray list;
    QStringList removed;
    for (const MessageInfo &v : victims) {
        if (!SafeFile::isInside(v.file, m_path))
            return Result::failure(
                QStringLiteral("%1 is not in the maildrop %2").arg(v.file, m_path));
        const QString current = locate(v);
        if (current.isEmpty())
            continue;
        if (QFileInfo(current).size() != v.length)
            return Result::failure(
                QStringLiteral("%1 changed on disk since the session started").arg(current));
        // NUL-separated: a file name may hold a newline, never a NUL (journals written before
        // used newlines, and are still read).
        list += dir.relativeFilePath(current).toUtf8() + '\0';
        removed.append(current);
    }
    if (Result r = SafeFile::writeAtomically(dir.filePath(journalName()), list); !r)
        return Result::failure(QStringLiteral("cannot write the expunge journal: %1").arg(r.error));
    if (const int stop = std::exchange(m_interruptAfter, -1); stop >= 0) {
        qsizetype done = 0;
        for (; done < std::min<qsizetype>(stop, removed.size()); ++done)
            QFile::remove(removed.at(done));
        return Result::failure(
            // Wire text (a server's reply is English, as every POP3 server's), plural by hand.
            (removed.size() == 1
                    ? QStringLiteral("the commit stopped half-way (%1 of %2 message removed); its "
                                     "journal lists it, and the next login finishes it")
                    : QStringLiteral("the commit stopped half-way (%1 of %2 messages removed); "
                                     "its journal lists them all, and the next login finishes it"))
                .arg(done)
                .arg(removed.size()));
    }
    QStringList notRemoved;
    const Result finished = finishJournal(&notRemoved);
    const QStringList failures = std::exchange(m_notRemoved, {});
    if (removedFiles) {
        for (const QString &file : std::as_const(removed)) {
            if (!notRemoved.contains(file))
                removedFiles->append(file);
        }
    }
    const Result refreshed = refresh();
    if (!finished)
        return finished;
    if (!failures.isEmpty())
        // A partial commit: removedFiles says what went, the error what stayed.
        return Result::failure(QStringLiteral("could not remove %1 of %2: %3")
                                   .arg(failures.size())
                                   .arg(removed.size())
                                   .arg(failures.join(QStringLiteral(", "))));
    return refreshed;
}

// mbox: the file is read again under a POSIX read lock (the lock mail delivery agents take to
// append), the victims are found in it by unique-id and length, and everything else, mail
// delivered since the session's login included, is copied verbatim to a temporary file renamed
// over the mbox. If the mbox changed while the copy was written (a writer that ignores locks), the
// copy is thrown away and made again.
Result Maildrop::expungeMbox(const QList<MessageInfo> &victims, QStringList *removedFiles)
{
    const QByteArray path = QFile::encodeName(m_path);
    for (int attempt = 0; attempt < 5; ++attempt) {
        QFile in;
        QString error;
        if (!SafeFile::openForReading(in, m_path, &error))
            return Result::failure(error);
        const int fd = in.handle();
        struct flock lock = {};
        lock.l_type = F_RDLCK;
        lock.l_whence = SEEK_SET;
        bool locked = false;
        for (int wait = 0; wait < 50 && !locked; ++wait) {
            locked = ::fcntl(fd, F_SETLK, &lock) == 0;
            if (!locked)
                ::usleep(10'000); // a delivery in progress: at most half a second in all
        }
        if (!locked)
            return Result::failure(
                QStringLiteral("%1 is locked by another program (a mail delivery?)").arg(m_path));
        struct stat before = {};
        ::fstat(fd, &before);
        const QByteArray data = in.readAll();
        const MboxIndex index = parseMbox(data.constData(), data.size());

        QHash<QByteArray, qsizetype> byUid;
        for (qsizetype i = 0; i < index.messages.size(); ++i)
            byUid.insert(index.messages.at(i).uid, i);
        QSet<qsizetype> drop;
        for (const MessageInfo &v : victims) {
            const qsizetype i = byUid.value(v.uid, -1);
            if (i < 0 || index.messages.at(i).length != v.length)
                return Result::failure(
                    QStringLiteral("message %1 of %2 changed on disk since the session started")
                        .arg(QString::fromUtf8(v.uid), m_path));
            drop.insert(i);
        }

        // Each message is copied verbatim from its separator line to the start of the next one.
        QByteArray out;
        out.reserve(data.size());
        for (qsizetype i = 0; i < index.messages.size(); ++i) {
            if (drop.contains(i))
                continue;
            const qint64 next =
                i + 1 < index.messages.size() ? index.separators.at(i + 1) : data.size();
            out.append(data.constData() + index.separators.at(i), next - index.separators.at(i));
        }
        // The ids of the kept messages are written before the mbox is replaced, together with
        // the ids of the mbox as it is now: killed on either side of the rename, the next load
        // finds the list that matches the file it reads.
        const QByteArray keptIds = uidList(index, drop);
        if (Result r = writeUidFile(keptIds + '\n' + uidList(index, {})); !r)
            return r;
        const QString temporary = SafeFile::temporaryFor(m_path, QStringLiteral("pop3lab-tmp"));
        QFile::remove(temporary); // a leftover of a killed process that had our pid
        if (Result r = SafeFile::writeNew(temporary, out, int(before.st_mode & 07777)); !r)
            return r;
        struct stat after = {};
        ::fstat(fd, &after);
        if (after.st_size != before.st_size || after.st_mtim.tv_sec != before.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec) {
            QFile::remove(temporary); // written to while we read: read it again
            continue;
        }
        if (std::exchange(m_interruptAfter, -1) >= 0) // the copy is written, never renamed
            return Result::failure(
                QStringLiteral("the commit stopped half-way (its new copy written, not yet put in "
                               "place); the mbox is as it was, and the copy goes at the next "
                               "start"));
        if (::rename(QFile::encodeName(temporary).constData(), path.constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            QFile::remove(temporary);
            return Result::failure(QStringLiteral("cannot replace %1: %2").arg(m_path, reason));
        }
        SafeFile::syncFolder(QFileInfo(m_path).absolutePath()); // the rename, on disk
        in.close(); // releases the lock, now on the replaced file
        if (removedFiles) {
            for (qsizetype i = 0; i < index.messages.size(); ++i) {
                if (drop.contains(i))
                    removedFiles->append(
                        QStringLiteral("%1@%2").arg(m_path).arg(index.messages.at(i).offset));
            }
        }
        // The list of the mbox as it was is not needed any more.
        if (Result r = writeUidFile(keptIds); !r)
            return r;
        m_looks.clear();
        return refresh();
    }
    return Result::failure(QStringLiteral("%1 keeps changing: nothing deleted").arg(m_path));
}

std::unique_ptr<ReplyBody> Maildrop::body(const MessageInfo &message, int topLines)
{
    QString file = message.file;
    if (message.offset == 0 && SafeFile::kind(file) != SafeFile::Kind::File) {
        const QString moved = locate(message);
        if (!moved.isEmpty())
            file = moved;
    }
    auto body = std::make_unique<MessageBody>(
        file, message.offset, message.length, message.mboxQuoted, topLines);
    if (!body->isOpen())
        return nullptr;
    return body;
}

QByteArray Maildrop::content(const MessageInfo &message)
{
    QFile file(message.file);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(message.offset))
        return {};
    QByteArray data = file.read(message.length);
    if (message.mboxQuoted) {
        QByteArray out;
        out.reserve(data.size());
        const QList<QByteArray> lines = data.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            qsizetype q = 0;
            while (q < line.size() && line.at(q) == '>')
                ++q;
            if (q > 0 && line.mid(q, 5) == "From ")
                out += line.mid(1);
            else
                out += line;
            if (i + 1 < lines.size())
                out += '\n';
        }
        data = out;
    }
    return data;
}

} // namespace pop3
