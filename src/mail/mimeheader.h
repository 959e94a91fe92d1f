#pragma once

#include <QByteArray>
#include <QString>

namespace pop3 {

// Header values as a mail reader shows them: RFC 2047 encoded-words ("=?UTF-8?B?...?=",
// "=?ISO-8859-1?Q?...?=") decoded, whitespace between two adjacent encoded-words dropped, folded
// lines unfolded. Raw 8-bit bytes outside encoded-words are taken as UTF-8, or Latin-1 when they
// are not valid UTF-8. Unknown charsets fall back to Latin-1 rather than failing.
namespace MimeHeader {

QString decode(const QByteArray &raw);

// One encoded-word's payload decoded to bytes: encoding is 'B' or 'Q' (either case).
QByteArray decodePayload(char encoding, const QByteArray &payload, bool *ok = nullptr);

// Bytes in charset to text (UTF-8, US-ASCII, ISO-8859-1/-15, Windows-1252, UTF-16 variants).
QString toUnicode(const QByteArray &charset, const QByteArray &bytes);

} // namespace MimeHeader

} // namespace pop3
