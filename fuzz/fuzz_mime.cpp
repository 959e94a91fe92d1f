// libFuzzer target: the MIME header decoder (RFC 2047 encoded-words, charsets), on octets in
// memory: MimeHeader::decode on the input as a header value, and round trips through the
// pieces it is made of.
//
// Checked: a payload encoded in base64 ('B') or as "=XX" for every octet ('Q') decodes to the
// input; an encoded-word made of valid UTF-8 text decodes to that text; Latin-1 decoding keeps
// every octet; text cut at a NUL is decoded in the charset named before the NUL without harm.

#include "mail/mimeheader.h"

#include <QStringDecoder>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_mime: broken rule: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    pop3::MimeHeader::decode(input);

    bool ok = false;
    for (char b : {'B', 'b'}) {
        const QByteArray decoded = pop3::MimeHeader::decodePayload(b, input.toBase64(), &ok);
        check(ok && decoded == input, "a base64 payload decodes to what was encoded");
    }
    QByteArray q;
    for (char c : input)
        q += '=' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
    for (char e : {'Q', 'q'}) {
        const QByteArray decoded = pop3::MimeHeader::decodePayload(e, q, &ok);
        check(ok && decoded == input, "a Q payload decodes to what was encoded");
    }
    pop3::MimeHeader::decodePayload('B', input, &ok);
    pop3::MimeHeader::decodePayload('Q', input, &ok);

    check(pop3::MimeHeader::toUnicode("ISO-8859-1", input).toLatin1() == input,
        "Latin-1 keeps every octet");
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(input);
    if (!utf8.hasError()) {
        check(pop3::MimeHeader::toUnicode("UTF-8", input) == text, "UTF-8 text is read as such");
        const QByteArray word = "=?UTF-8?B?" + input.toBase64() + "?=";
        check(pop3::MimeHeader::decode(word) == text.trimmed(),
            "an encoded-word decodes to its text");
    }

    const qsizetype nul = input.indexOf('\0');
    if (nul >= 0)
        pop3::MimeHeader::toUnicode(input.left(nul), input.mid(nul + 1));
    return 0;
}
