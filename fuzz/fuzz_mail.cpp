// libFuzzer target: every parser of mail and traces, on arbitrary octets. Byte 0 selects:
//   0  an mbox file (and, after the line "@@uidl@@", its unique-id side file)
//   1  a Maildir: entries "name\0content\0..." (a name starting with "n" goes to new/, else cur/;
//      a name starting with "!" is the expunge journal)
//   2  a folder of .eml files, entries as for 1
//   3  MIME header words (RFC 2047): decode, decodePayload, toUnicode (charset "\0" bytes)
//   4  scanMessage on one message in memory
//   5  one JSON Lines trace line (EventLog::fromJsonLine), written back and read again
// Selector bit 0x80 (file maildrops): DELE the first message and commit, then load again.
//
// The maildrops are written into a temporary folder of this process (under TMPDIR), never in a
// workspace. Checked: every message's RETR body is lines ending with CRLF (a CR inside a stored
// line is data, sent as stored and counted), then ".\r\n", whose octets,
// unstuffed, are the size LIST announced; TOP sends at most the header and the lines asked; a
// trace line that was read is written and read back the same.

#include "events/eventlog.h"
#include "mail/maildrop.h"
#include "mail/mimeheader.h"
#include "protocol/replybody.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_mail: broken rule: %s\n", what);
        std::abort();
    }
}

// This process's scratch folder, emptied before each input.
QString scratch()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/pop3lab-fuzz-XXXXXX"));
    check(dir.isValid(), "a temporary folder can be made");
    const QString path = dir.filePath(QStringLiteral("m"));
    QDir(path).removeRecursively();
    QDir().mkpath(path);
    return path;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
}

// A name the file system takes: no '/', no NUL (split already), not "." or "..", not too long.
QString fileName(QByteArray name)
{
    name.replace('/', '_');
    if (name.size() > 100)
        name.truncate(100);
    if (name.isEmpty() || name == "." || name == "..")
        return {};
    return QString::fromLatin1(name);
}

// The octets of a body as LIST counts them: without the terminator and the byte-stuffing.
qint64 unstuffedSize(const QByteArray &body, int *lines)
{
    check(body.endsWith(".\r\n") && (body.size() == 3 || body.endsWith("\r\n.\r\n")),
        "a body ends with CRLF.CRLF");
    qint64 size = 0;
    *lines = 0;
    qsizetype start = 0;
    const qsizetype end = body.size() - 3;
    while (start < end) {
        const qsizetype lf = body.indexOf('\n', start);
        check(lf > start && body.at(lf - 1) == '\r', "body lines end with CRLF");
        qint64 lineSize = lf + 1 - start;
        if (body.at(start) == '.') {
            check(lineSize > 3 && body.at(start + 1) == '.', "a line starting with . is stuffed");
            --lineSize;
        }
        size += lineSize;
        ++*lines;
        start = lf + 1;
    }
    return size;
}

void checkMaildrop(const QString &path, bool commit)
{
    pop3::Maildrop drop;
    if (!drop.load(path))
        return;
    drop.takeWarnings();
    for (const pop3::MessageInfo &m : drop.messages()) {
        check(!m.uid.isEmpty() && m.uid.size() <= 70, "a unique-id has 1 to 70 characters");
        for (char c : m.uid)
            check(uchar(c) >= 0x21 && uchar(c) <= 0x7e, "a unique-id is printable ASCII");
        std::unique_ptr<pop3::ReplyBody> body = pop3::Maildrop::body(m);
        check(body != nullptr, "a message just loaded can be read");
        int lines = 0;
        check(unstuffedSize(body->readAll(), &lines) == m.wireSize,
            "RETR sends the octets LIST announced");
        check(lines == m.headerLines + m.bodyLines, "RETR sends every line");
        std::unique_ptr<pop3::ReplyBody> top = pop3::Maildrop::body(m, 1);
        check(top != nullptr, "a message just loaded can be read for TOP");
        unstuffedSize(top->readAll(), &lines);
        check(lines <= m.headerLines + 1, "TOP n 1 sends the header and at most one line");
    }
    QSet<QByteArray> uids;
    QSet<QString> bases;
    bool sameMaildirName = false;
    for (const pop3::MessageInfo &m : drop.messages()) {
        uids.insert(m.uid);
        if (drop.format() != pop3::Maildrop::Format::Maildir)
            continue;
        // Two files with one Maildir name, flags apart ("a:2,S" and "a:2,T", or "a" in new/ and
        // "a:2," in cur/): one message for Maildir, stored twice. An id that must survive a mail
        // reader's change of flags cannot tell them apart, so they are numbered in name order.
        QString name = m.file.mid(m.file.lastIndexOf(QLatin1Char('/')) + 1);
        const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0
            && (name.mid(colon + 1).startsWith(QLatin1String("2,"))
                || name.mid(colon + 1).startsWith(QLatin1String("1,"))))
            name.truncate(colon);
        sameMaildirName = sameMaildirName || bases.contains(name);
        bases.insert(name);
    }
    check(uids.size() == drop.messages().size(), "unique-ids are unique");
    check(bool(drop.refresh()), "refreshing an unchanged maildrop works");
    if (!commit || drop.messages().isEmpty())
        return;
    const qsizetype before = drop.messages().size();
    const QByteArray keptUid = before > 1 ? drop.messages().at(1).uid : QByteArray();
    if (!drop.expunge({drop.messages().first()}))
        return;
    pop3::Maildrop again;
    check(bool(again.load(path)), "a maildrop loads after a commit");
    check(again.messages().size() == before - 1, "a commit removes exactly one message");
    // RFC 1939 §7, checked whatever the names or X-UIDL headers (issue 12, item 15): names equal
    // once cleaned and duplicate X-UIDLs used to renumber the others. Only a Maildir holding one
    // message twice (see above) is left out.
    if (before > 1 && !sameMaildirName)
        check(again.messages().first().uid == keptUid, "unique-ids stay across a commit");
}

void fileMaildrop(const QByteArray &input, bool maildir, bool commit)
{
    const QString root = scratch();
    QDir dir(root);
    if (maildir) {
        dir.mkdir(QStringLiteral("cur"));
        dir.mkdir(QStringLiteral("new"));
        dir.mkdir(QStringLiteral("tmp"));
    }
    const QList<QByteArray> fields = input.split('\0');
    for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
        const QByteArray &name = fields.at(i);
        if (name.startsWith('!')) {
            writeFile(dir.filePath(pop3::Maildrop::journalName()), fields.at(i + 1));
            continue;
        }
        QString file = fileName(name);
        if (file.isEmpty())
            continue;
        if (maildir)
            file = (name.startsWith('n') ? QStringLiteral("new/") : QStringLiteral("cur/")) + file;
        else if (!file.endsWith(QLatin1String(".eml")))
            file += QStringLiteral(".eml");
        writeFile(dir.filePath(file), fields.at(i + 1));
    }
    checkMaildrop(root, commit);
}

void mbox(const QByteArray &input, bool commit)
{
    const QString root = scratch();
    const QString path = QDir(root).filePath(QStringLiteral("inbox"));
    const qsizetype cut = input.indexOf("\n@@uidl@@\n");
    writeFile(path, cut < 0 ? input : input.left(cut + 1));
    if (cut >= 0)
        writeFile(QDir(root).filePath(QStringLiteral(".inbox.pop3lab-uidl")), input.mid(cut + 10));
    checkMaildrop(path, commit);
}

void mime(const QByteArray &input)
{
    pop3::MimeHeader::decode(input);
    bool ok = false;
    pop3::MimeHeader::decodePayload('B', input, &ok);
    pop3::MimeHeader::decodePayload('q', input, &ok);
    const qsizetype nul = input.indexOf('\0');
    if (nul >= 0)
        pop3::MimeHeader::toUnicode(input.left(nul), input.mid(nul + 1));
}

void scan(const QByteArray &input)
{
    for (bool quoted : {false, true}) {
        pop3::MessageInfo info;
        pop3::scanMessage(input.constData(), input.size(), quoted, info);
        check(info.length == input.size(), "the length is the input's");
        check(info.headerLines >= 0 && info.bodyLines >= 0, "line counts are not negative");
        check(info.wireSize >= 0 && info.wireSize <= 2 * input.size() + 2, "the wire size is sane");
    }
}

void traceLine(const QByteArray &input)
{
    const std::optional<pop3::Event> event = pop3::EventLog::fromJsonLine(input);
    if (!event)
        return;
    const QByteArray written = pop3::EventLog::toJsonLine(*event);
    const std::optional<pop3::Event> again = pop3::EventLog::fromJsonLine(written);
    check(again.has_value(), "a trace line written is read back");
    check(pop3::EventLog::toJsonLine(*again) == written, "a trace line reads back the same");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const bool commit = selector & 0x80;
    switch ((selector & 0x7f) % 6) {
    case 0:
        mbox(input, commit);
        break;
    case 1:
        fileMaildrop(input, true, commit);
        break;
    case 2:
        fileMaildrop(input, false, commit);
        break;
    case 3:
        mime(input);
        break;
    case 4:
        scan(input);
        break;
    default:
        traceLine(input);
        break;
    }
    return 0;
}
