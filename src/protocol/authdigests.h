#pragma once

#include <QByteArray>

namespace pop3 {

// The challenge-response digests POP3 logins use instead of a password in clear. Each is
// readable by an eavesdropper but not reusable: it depends on a challenge the server chose
// for this one connection.

// RFC 1939 §7 APOP: MD5(timestamp + secret), 32 lower-case hex digits. The timestamp is the
// greeting's "<...>" (angle brackets included).
QByteArray apopDigest(const QByteArray &timestamp, const QByteArray &secret);

// RFC 2195 CRAM-MD5: HMAC-MD5 keyed with the secret over the challenge, 32 lower-case hex digits.
QByteArray cramMd5Digest(const QByteArray &challenge, const QByteArray &secret);

} // namespace pop3
