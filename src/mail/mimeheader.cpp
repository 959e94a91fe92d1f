#include "mail/mimeheader.h"

#include <QStringDecoder>

namespace pop3::MimeHeader {

namespace {

QString text8bit(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

// Windows-1252 differs from Latin-1 in 0x80..0x9F only.
constexpr char16_t cp1252High[32] = {
    0x20AC,
    0xFFFD,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0xFFFD,
    0x017D,
    0xFFFD,
    0xFFFD,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0xFFFD,
    0x017E,
    0x0178,
};

QString fromCp1252(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        const uchar u = uchar(c);
        out.append(u >= 0x80 && u < 0xA0 ? QChar(cp1252High[u - 0x80]) : QChar(u));
    }
    return out;
}

QString fromLatin9(const QByteArray &bytes)
{
    QString out = QString::fromLatin1(bytes);
    for (QChar &c : out) {
        switch (c.unicode()) {
        case 0xA4:
            c = QChar(0x20AC);
            break;
        case 0xA6:
            c = QChar(0x0160);
            break;
        case 0xA8:
            c = QChar(0x0161);
            break;
        case 0xB4:
            c = QChar(0x017D);
            break;
        case 0xB8:
            c = QChar(0x017E);
            break;
        case 0xBC:
            c = QChar(0x0152);
            break;
        case 0xBD:
            c = QChar(0x0153);
            break;
        case 0xBE:
            c = QChar(0x0178);
            break;
        default:
            break;
        }
    }
    return out;
}

struct EncodedWord
{
    qsizetype start = -1;
    qsizetype end = -1; // one past "?="
    QString text;
};

// Finds the next well-formed encoded-word at or after from: =?charset?E?payload?=
EncodedWord nextEncodedWord(const QByteArray &raw, qsizetype from)
{
    qsizetype pos = from;
    while ((pos = raw.indexOf("=?", pos)) >= 0) {
        const qsizetype q1 = raw.indexOf('?', pos + 2);
        if (q1 < 0 || q1 + 2 >= raw.size() || raw.at(q1 + 2) != '?') {
            pos += 2;
            continue;
        }
        const char encoding = raw.at(q1 + 1);
        const qsizetype close = raw.indexOf("?=", q1 + 3);
        if (close < 0)
            return {};
        QByteArray charset = raw.mid(pos + 2, q1 - pos - 2);
        if (const qsizetype star = charset.indexOf('*'); star >= 0) // RFC 2231 language
            charset.truncate(star);
        const QByteArray payload = raw.mid(q1 + 3, close - q1 - 3);
        bool ok = false;
        const QByteArray bytes = decodePayload(encoding, payload, &ok);
        if (!ok || charset.isEmpty() || payload.contains(' ')) {
            pos += 2;
            continue;
        }
        return {pos, close + 2, toUnicode(charset, bytes)};
    }
    return {};
}

} // namespace

QByteArray decodePayload(char encoding, const QByteArray &payload, bool *ok)
{
    if (ok)
        *ok = true;
    if (encoding == 'B' || encoding == 'b') {
        const auto result =
            QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
        if (!result) {
            if (ok)
                *ok = false;
            return {};
        }
        return *result;
    }
    if (encoding == 'Q' || encoding == 'q') {
        QByteArray out;
        out.reserve(payload.size());
        for (qsizetype i = 0; i < payload.size(); ++i) {
            const char c = payload.at(i);
            if (c == '_') {
                out += ' ';
            } else if (c == '=' && i + 2 < payload.size()) {
                bool hexOk = false;
                const int value = payload.mid(i + 1, 2).toInt(&hexOk, 16);
                if (hexOk) {
                    out += char(value);
                    i += 2;
                } else {
                    out += c;
                }
            } else {
                out += c;
            }
        }
        return out;
    }
    if (ok)
        *ok = false;
    return {};
}

QString toUnicode(const QByteArray &charset, const QByteArray &bytes)
{
    const QByteArray cs = charset.trimmed().toLower();
    if (cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii")
        return text8bit(bytes);
    if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "l1")
        return QString::fromLatin1(bytes);
    if (cs == "iso-8859-15" || cs == "latin9" || cs == "iso8859-15")
        return fromLatin9(bytes);
    if (cs == "windows-1252" || cs == "cp1252")
        return fromCp1252(bytes);
    if (auto encoding = QStringConverter::encodingForName(cs.constData())) {
        QStringDecoder decoder(*encoding);
        return decoder.decode(bytes);
    }
    return QString::fromLatin1(bytes);
}

QString decode(const QByteArray &raw)
{
    // Unfold: CRLF followed by white space is just that white space (RFC 5322 §2.2.3).
    QByteArray value = raw;
    value.replace("\r\n", "\n");
    for (qsizetype i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i))
        value.remove(i, 1);
    QString out;
    qsizetype pos = 0;
    bool lastWasWord = false;
    while (pos < value.size()) {
        const EncodedWord word = nextEncodedWord(value, pos);
        if (word.start < 0) {
            out += text8bit(value.mid(pos));
            break;
        }
        const QByteArray between = value.mid(pos, word.start - pos);
        // RFC 2047 §6.2: linear white space between two encoded-words is ignored.
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += text8bit(between);
        out += word.text;
        pos = word.end;
        lastWasWord = true;
    }
    return out.trimmed();
}

} // namespace pop3::MimeHeader
