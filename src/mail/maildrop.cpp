#include "mail/maildrop.h"

#include "mail/messagebody.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cstring>

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
    const QByteArray start = file.read(5);
    if (start.isEmpty() || start == "From ")
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

Result Maildrop::load(const QString &path)
{
    QString error;
    const std::optional<Format> format = detect(path, &error);
    if (!format)
        return Result::failure(error);
    m_path = QFileInfo(path).absoluteFilePath();
    m_format = *format;
    m_messages.clear();
    if (m_format == Format::Mbox)
        return loadMbox();

    if (Result r = finishJournal(); !r)
        return r;
    QStringList files;
    const QDir dir(m_path);
    if (m_format == Format::Maildir) {
        for (const QString &sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
            const QDir subDir(dir.filePath(sub));
            const QStringList names = subDir.entryList(QDir::Files | QDir::NoDotAndDotDot);
            for (const QString &name : names) {
                if (!name.startsWith(QLatin1Char('.')))
                    files.append(subDir.filePath(name));
            }
        }
        // Maildir names start with the delivery time: order by name, whatever the subfolder.
        std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
            return QFileInfo(a).fileName() < QFileInfo(b).fileName();
        });
    } else {
        const QStringList names = dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        for (const QString &name : names)
            files.append(dir.filePath(name));
    }
    return loadFiles(files);
}

Result Maildrop::loadFiles(const QStringList &files)
{
    m_messages.reserve(files.size());
    QSet<QByteArray> seen;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Result::failure(
                QStringLiteral("cannot read message %1: %2").arg(path, file.errorString()));
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
        QString name = QFileInfo(path).fileName();
        if (m_format == Format::Maildir)
            name = name.section(QLatin1Char(':'), 0, 0);
        else if (name.endsWith(QLatin1String(".eml")))
            name.chop(4);
        QByteArray uid = sanitizeUid(name.toUtf8());
        for (int n = 2; seen.contains(uid); ++n)
            uid = sanitizeUid(name.toUtf8() + '.' + QByteArray::number(n));
        seen.insert(uid);
        info.uid = uid;
        m_messages.append(std::move(info));
    }
    return Result::success();
}

Result Maildrop::loadMbox()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Result::failure(
            QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return Result::success();
    const uchar *mapped = file.map(0, size);
    QByteArray fallback;
    const char *data = reinterpret_cast<const char *>(mapped);
    if (!data) {
        fallback = file.readAll();
        data = fallback.constData();
    }
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
    // Unique-ids of messages without X-UIDL are "content hash" or "hash.N" for identical copies,
    // remembered in a side file so that deleting one copy never renames the others (RFC 1939 §7).
    QHash<QByteArray, QList<QByteArray>> remembered; // hash -> ids, in mailbox order
    QHash<QByteArray, int> lastSuffix;
    for (const auto &[hash, uid] : readUidFile(uidFilePath())) {
        remembered[hash].append(uid);
        const qsizetype dot = uid.lastIndexOf('.');
        lastSuffix[hash] = qMax(lastSuffix.value(hash), dot < 0 ? 1 : uid.mid(dot + 1).toInt());
    }
    QSet<QByteArray> seen;
    m_mboxHashes.clear();
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
        info.file = m_path;
        info.offset = begin;
        info.mboxQuoted = true;
        scanMessage(data + begin, end - begin, true, info);
        const QByteArray content = QByteArray::fromRawData(data + begin, qsizetype(end - begin));
        const qsizetype headerEnd = content.indexOf("\n\n");
        const QByteArray header = content.left(headerEnd < 0 ? content.size() : headerEnd);
        const QByteArray hash =
            QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex().left(16);
        m_mboxHashes.append(hash);
        QByteArray uid = sanitizeUid(headerValue(header, "X-UIDL"));
        if (headerValue(header, "X-UIDL").isEmpty() || seen.contains(uid)) {
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
        info.uid = uid;
        m_messages.append(std::move(info));
    }
    // Loading writes nothing: until a first expunge the computed ids are stable by themselves,
    // and an original served read-only never gets a side file.
    return Result::success();
}

QString Maildrop::uidFilePath() const
{
    const QFileInfo fi(m_path);
    return fi.dir().filePath(QLatin1Char('.') + fi.fileName() + QStringLiteral(".pop3lab-uidl"));
}

QList<std::pair<QByteArray, QByteArray>> Maildrop::readUidFile(const QString &path)
{
    QList<std::pair<QByteArray, QByteArray>> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 2 && !fields.at(0).isEmpty() && !fields.at(1).isEmpty())
            entries.append({fields.at(0), fields.at(1)});
    }
    return entries;
}

Result Maildrop::writeUidFile(const QSet<qint64> &dropped)
{
    QByteArray content;
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (!dropped.contains(m_messages.at(i).offset))
            content += m_mboxHashes.value(i) + ' ' + m_messages.at(i).uid + '\n';
    }
    QFile existing(uidFilePath());
    if (existing.open(QIODevice::ReadOnly) && existing.readAll() == content)
        return Result::success();
    existing.close();
    QSaveFile file(uidFilePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Result::failure(QStringLiteral("cannot write the unique-id list %1: %2")
                                   .arg(uidFilePath(), file.errorString()));
    return Result::success();
}

Result Maildrop::finishJournal()
{
    const QString journalPath = QDir(m_path).filePath(journalName());
    QFile journal(journalPath);
    if (!journal.exists())
        return Result::success();
    if (!journal.open(QIODevice::ReadOnly))
        return Result::failure(QStringLiteral("cannot read the expunge journal %1: %2")
                                   .arg(journalPath, journal.errorString()));
    const QList<QByteArray> names = journal.readAll().split('\n');
    journal.close();
    const QDir dir(m_path);
    for (const QByteArray &name : names) {
        if (name.isEmpty())
            continue;
        const QString victim = dir.filePath(QString::fromUtf8(name));
        if (QFile::exists(victim) && !QFile::remove(victim))
            return Result::failure(QStringLiteral("cannot remove %1").arg(victim));
    }
    if (!QFile::remove(journalPath))
        return Result::failure(QStringLiteral("cannot remove %1").arg(journalPath));
    return Result::success();
}

Result Maildrop::expunge(const QList<MessageInfo> &victims, QStringList *removedFiles)
{
    if (victims.isEmpty())
        return Result::success();
    if (m_format == Format::Mbox) {
        QSet<qint64> drop;
        for (const MessageInfo &v : victims)
            drop.insert(v.offset);
        QFile in(m_path);
        if (!in.open(QIODevice::ReadOnly))
            return Result::failure(
                QStringLiteral("cannot read %1: %2").arg(m_path, in.errorString()));
        const QByteArray data = in.readAll();
        in.close();
        QSaveFile out(m_path);
        if (!out.open(QIODevice::WriteOnly))
            return Result::failure(
                QStringLiteral("cannot write %1: %2").arg(m_path, out.errorString()));
        // Each message is copied verbatim from its separator line to the start of the next one.
        for (qsizetype i = 0; i < m_messages.size(); ++i) {
            const MessageInfo &m = m_messages.at(i);
            if (drop.contains(m.offset)) {
                if (removedFiles)
                    removedFiles->append(QStringLiteral("%1@%2").arg(m_path).arg(m.offset));
                continue;
            }
            const qint64 sep = data.lastIndexOf('\n', m.offset - 2) + 1;
            const qint64 next = i + 1 < m_messages.size()
                ? data.lastIndexOf('\n', m_messages.at(i + 1).offset - 2) + 1
                : data.size();
            out.write(data.constData() + sep, next - sep);
        }
        if (!out.commit())
            return Result::failure(
                QStringLiteral("cannot replace %1: %2").arg(m_path, out.errorString()));
        // The kept messages keep their ids: forget the removed ones before reloading.
        if (Result r = writeUidFile(drop); !r)
            return r;
        return reload();
    }

    // File per message: write the journal first (atomically), then remove, then drop the journal.
    // A crash after the journal is written is finished by the next load().
    const QDir dir(m_path);
    QByteArray list;
    for (const MessageInfo &v : victims)
        list += dir.relativeFilePath(v.file).toUtf8() + '\n';
    QSaveFile journal(dir.filePath(journalName()));
    if (!journal.open(QIODevice::WriteOnly) || journal.write(list) != list.size()
        || !journal.commit())
        return Result::failure(QStringLiteral("cannot write the expunge journal in %1: %2")
                                   .arg(m_path, journal.errorString()));
    if (Result r = finishJournal(); !r)
        return r;
    if (removedFiles) {
        for (const MessageInfo &v : victims)
            removedFiles->append(v.file);
    }
    return reload();
}

std::unique_ptr<ReplyBody> Maildrop::body(const MessageInfo &message, int topLines)
{
    return std::make_unique<MessageBody>(
        message.file, message.offset, message.length, message.mboxQuoted, topLines);
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
