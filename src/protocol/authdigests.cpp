#include "protocol/authdigests.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace pop3 {

QByteArray apopDigest(const QByteArray &timestamp, const QByteArray &secret)
{
    QByteArray data = timestamp;
    data += secret;
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray cramMd5Digest(const QByteArray &challenge, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(challenge, secret, QCryptographicHash::Md5).toHex();
}

} // namespace pop3
