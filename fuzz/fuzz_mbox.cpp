// libFuzzer target: the mbox parser (Maildrop::parseMbox, the code load() runs on the mapped file)
// on octets in memory, with the unique-id side file's content after a line "@@uidl@@". No file is
// written: fuzz_mail covers the same parser through files, RETR and commits, much more slowly.
//
// Checked: messages follow each other in the mbox without overlapping, each right after a
// separator line ("From " at the start of a line); every unique-id has 1 to 70 printable ASCII
// characters and they are unique; the line counts and the wire size agree with the message's
// length; parsing the same octets again gives the same messages and ids.

#include "mail/maildrop.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_mbox: broken rule: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype cut = input.indexOf("\n@@uidl@@\n");
    const QByteArray mbox = cut < 0 ? input : input.left(cut + 1);
    const QByteArray uidList = cut < 0 ? QByteArray() : input.mid(cut + 10);

    const QList<pop3::MessageInfo> messages = pop3::Maildrop::parseMbox(mbox, uidList);
    qint64 previousEnd = 0;
    QSet<QByteArray> uids;
    for (const pop3::MessageInfo &m : messages) {
        check(m.mboxQuoted, "an mbox message is read unquoted");
        check(m.offset >= previousEnd && m.length >= 0 && m.offset + m.length <= mbox.size(),
            "messages lie in the mbox one after the other");
        // The separator line: "From " at the start of a line, the message right after its LF.
        check(m.offset > 0 && mbox.at(m.offset - 1) == '\n', "a message starts a line");
        const qsizetype lineStart = mbox.lastIndexOf('\n', m.offset - 2) + 1;
        check(lineStart >= previousEnd && mbox.size() - lineStart >= 5
                && std::memcmp(mbox.constData() + lineStart, "From ", 5) == 0,
            "a message follows its From separator line");
        previousEnd = m.offset + m.length;

        check(!m.uid.isEmpty() && m.uid.size() <= 70, "a unique-id has 1 to 70 characters");
        for (char c : m.uid) {
            if (uchar(c) < 0x21 || uchar(c) > 0x7e)
                std::fprintf(stderr, "fuzz_mbox: unique-id \"%s\"\n", m.uid.toHex(' ').constData());
            check(uchar(c) >= 0x21 && uchar(c) <= 0x7e, "a unique-id is printable ASCII");
        }
        uids.insert(m.uid);

        const qint64 lines = m.headerLines + qint64(m.bodyLines);
        check(m.headerLines >= 0 && m.bodyLines >= 0, "line counts are not negative");
        // Each line is sent with CRLF: at most its octets plus one (LF made CRLF, or a final
        // line given its CRLF), at least 2 (an unquoted ">From " loses one octet).
        check(m.wireSize >= 2 * lines && m.wireSize <= m.length + 2 * lines,
            "the wire size agrees with the length and the lines");
        check(lines <= m.length + 1, "no more lines than octets");
        for (const QByteArray *header : {&m.from, &m.subject, &m.date})
            check(!header->contains('\n'), "a summary header is one line");
    }
    check(uids.size() == messages.size(), "unique-ids are unique");

    const QList<pop3::MessageInfo> again = pop3::Maildrop::parseMbox(mbox, uidList);
    check(again.size() == messages.size(), "parsing again finds the same messages");
    for (qsizetype i = 0; i < again.size(); ++i) {
        check(again.at(i).offset == messages.at(i).offset
                && again.at(i).length == messages.at(i).length
                && again.at(i).uid == messages.at(i).uid,
            "parsing again gives the same offsets and ids");
    }
    return 0;
}
