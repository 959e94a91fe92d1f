#pragma once

#include <QByteArray>
#include <QString>

namespace pop3 {

// The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) without channel binding: the client's
// gs2 header is "n,," (or "y,,": the client could bind but believes we cannot). The password
// never crosses the wire, not even hashed: the client proves it knows it, and the server proves
// in turn that it knows it too (the server signature).
//
//   clientFirst("n,,n=user,r=cnonce") ─► "r=cnonce+snonce,s=salt,i=4096"  (then setPassword)
//   clientFinal("c=biws,r=...,p=proof") ─► "v=server signature" when the proof is right
class ScramServer final
{
public:
    enum class Outcome {
        Continue, // send challenge() to the client
        Malformed, // the message breaks RFC 5802's grammar (or asks for channel binding)
        BadProof, // the client does not know the password
    };

    static constexpr int defaultIterations = 4096; // RFC 7677 §4: at least 4096

    // serverNonce and salt empty: random ones (tests pass RFC 7677's own).
    explicit ScramServer(
        QByteArray serverNonce = {}, QByteArray salt = {}, int iterations = defaultIterations);

    Outcome clientFirst(const QByteArray &message);

    // The user named in the client's first message (saslname decoded: "=2C" ",", "=3D" "=").
    QString user() const { return m_user; }

    // The authorization identity of the gs2 header ("a="), empty when none was given.
    QString authzid() const { return m_authzid; }

    // The password of user() (an unknown user: any password, so the exchange goes on and fails
    // at the proof, without telling which names exist).
    void setPassword(const QByteArray &password) { m_password = password; }

    Outcome clientFinal(const QByteArray &message);

    // What to send after the last step that returned Continue: server-first, then server-final.
    QByteArray challenge() const { return m_challenge; }

private:
    QByteArray m_serverNonce;
    QByteArray m_salt;
    int m_iterations;
    QByteArray m_gs2Header;
    QByteArray m_clientFirstBare;
    QByteArray m_nonce; // client nonce + server nonce
    QByteArray m_serverFirst;
    QByteArray m_password;
    QByteArray m_challenge;
    QString m_user;
    QString m_authzid;
};

} // namespace pop3
