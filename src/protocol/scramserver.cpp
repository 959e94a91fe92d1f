#include "protocol/scramserver.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace pop3 {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(bytes.data()), count / int(sizeof(quint32)));
    return bytes;
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// saslname (RFC 5802 §5.1): "," and "=" are sent as "=2C" and "=3D"; any other "=" is an error.
bool decodeSaslName(const QByteArray &in, QString *out)
{
    QByteArray name;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) == ',')
            return false;
        if (in.at(i) != '=') {
            name += in.at(i);
            continue;
        }
        const QByteArray code = in.mid(i + 1, 2);
        if (code == "2C")
            name += ',';
        else if (code == "3D")
            name += '=';
        else
            return false;
        i += 2;
    }
    *out = QString::fromUtf8(name);
    return !name.isEmpty();
}

// "k=value" attributes in their order.
QList<QByteArray> attributes(const QByteArray &message)
{
    return message.split(',');
}

bool printableNonce(const QByteArray &nonce)
{
    if (nonce.isEmpty())
        return false;
    for (char c : nonce) {
        if (c < 0x21 || c > 0x7e || c == ',')
            return false;
    }
    return true;
}

} // namespace

ScramServer::ScramServer(QByteArray serverNonce, QByteArray salt, int iterations)
    : m_serverNonce(serverNonce.isEmpty() ? randomBytes(18).toBase64() : std::move(serverNonce))
    , m_salt(salt.isEmpty() ? randomBytes(16) : std::move(salt))
    , m_iterations(iterations)
    , m_password(randomBytes(16).toBase64()) // an unknown user cannot match it
{ }

ScramServer::Outcome ScramServer::clientFirst(const QByteArray &message)
{
    // gs2-header: "n," or "y," (no channel binding), then an optional "a=authzid", then ",".
    if (!(message.startsWith("n,") || message.startsWith("y,")))
        return Outcome::Malformed; // "p=..." asks for channel binding, which we do not offer
    const qsizetype endOfHeader = message.indexOf(',', 2);
    if (endOfHeader < 0)
        return Outcome::Malformed;
    const QByteArray authz = message.mid(2, endOfHeader - 2);
    if (!authz.isEmpty()) {
        if (!authz.startsWith("a=") || !decodeSaslName(authz.mid(2), &m_authzid))
            return Outcome::Malformed;
    }
    m_gs2Header = message.left(endOfHeader + 1);
    m_clientFirstBare = message.mid(endOfHeader + 1);
    const QList<QByteArray> attrs = attributes(m_clientFirstBare);
    if (attrs.size() < 2 || !attrs.at(0).startsWith("n=") || !attrs.at(1).startsWith("r="))
        return Outcome::Malformed; // a mandatory extension ("m=") is not supported either
    if (!decodeSaslName(attrs.at(0).mid(2), &m_user))
        return Outcome::Malformed;
    const QByteArray clientNonce = attrs.at(1).mid(2);
    if (!printableNonce(clientNonce))
        return Outcome::Malformed;
    m_nonce = clientNonce + m_serverNonce;
    m_serverFirst =
        "r=" + m_nonce + ",s=" + m_salt.toBase64() + ",i=" + QByteArray::number(m_iterations);
    m_challenge = m_serverFirst;
    return Outcome::Continue;
}

ScramServer::Outcome ScramServer::clientFinal(const QByteArray &message)
{
    const qsizetype proofAt = message.lastIndexOf(",p=");
    if (m_serverFirst.isEmpty() || proofAt < 0)
        return Outcome::Malformed;
    const QByteArray withoutProof = message.left(proofAt);
    const QList<QByteArray> attrs = attributes(withoutProof);
    if (attrs.size() < 2 || attrs.at(0) != "c=" + m_gs2Header.toBase64()
        || attrs.at(1) != "r=" + m_nonce)
        return Outcome::Malformed;
    const auto proof = QByteArray::fromBase64Encoding(
        message.mid(proofAt + 3), QByteArray::AbortOnBase64DecodingErrors);
    if (!proof || proof.decoded.size() != 32)
        return Outcome::Malformed;

    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, m_password, m_salt, m_iterations, 32);
    const QByteArray authMessage = m_clientFirstBare + ',' + m_serverFirst + ',' + withoutProof;
    const QByteArray storedKey = sha256(hmac(salted, "Client Key"));
    const QByteArray clientSignature = hmac(storedKey, authMessage);
    QByteArray clientKey = proof.decoded;
    for (int i = 0; i < clientKey.size(); ++i)
        clientKey[i] = char(clientKey.at(i) ^ clientSignature.at(i));
    if (sha256(clientKey) != storedKey)
        return Outcome::BadProof;
    const QByteArray serverSignature = hmac(hmac(salted, "Server Key"), authMessage);
    m_challenge = "v=" + serverSignature.toBase64();
    return Outcome::Continue;
}

} // namespace pop3
