// libFuzzer target: the parser of one message file (scanMessage, what loading a Maildir or a
// folder of .eml files runs on each file, and an mbox on each message), on octets in memory,
// and the header values it finds decoded as the window's maildrop view shows them. Byte 0 bit 0:
// the message is an mbox region (">From " lines unquoted).
//
// Checked: the length is the input's; the lines counted are the input's (a last line without its
// LF counts); the header ends at the first empty line; the wire size is what RETR sends (each
// line with CRLF, a trailing CR dropped, one '>' fewer on a quoted From line), computed here
// line by line; a summary header value is one line.

#include "mail/maildrop.h"
#include "mail/mimeheader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_message: broken rule: %s\n", what);
        std::abort();
    }
}

bool isQuotedFrom(const QByteArray &line)
{
    qsizetype q = 0;
    while (q < line.size() && line.at(q) == '>')
        ++q;
    return q > 0 && line.mid(q).startsWith("From ");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool quoted = data[0] & 1;
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    pop3::MessageInfo info;
    pop3::scanMessage(input.constData(), input.size(), quoted, info);
    check(info.length == input.size(), "the length is the input's");

    // The same figures, the slow way.
    qint64 lines = 0;
    qint64 wire = 0;
    qint64 headerLines = -1;
    for (qsizetype start = 0; start < input.size();) {
        qsizetype lf = input.indexOf('\n', start);
        const qsizetype end = lf < 0 ? input.size() : lf;
        QByteArray line = input.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (quoted && isQuotedFrom(line))
            line.remove(0, 1);
        wire += line.size() + 2;
        ++lines;
        if (headerLines < 0 && line.isEmpty())
            headerLines = lines;
        start = end + 1;
    }
    if (headerLines < 0)
        headerLines = lines;
    check(info.headerLines == headerLines, "the header ends at the first empty line");
    check(info.headerLines + qint64(info.bodyLines) == lines, "every line is counted");
    check(info.wireSize == wire, "the wire size is what RETR sends");

    for (const QByteArray *value : {&info.from, &info.subject, &info.date}) {
        check(!value->contains('\n'), "a summary header value is one line");
        check(value->trimmed() == *value, "a summary header value is trimmed");
        pop3::MimeHeader::decode(*value);
    }
    return 0;
}
