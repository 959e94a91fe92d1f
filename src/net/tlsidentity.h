#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <optional>

namespace pop3 {

// The certificate and private key a server shows in its TLS handshake (STLS, POP3S).
//
// Qt can use a key but not make one, so the lab's own is made with OpenSSL's libcrypto: an
// ECDSA P-256 key and a self-signed certificate for localhost, 127.0.0.1 and ::1, written once
// into the workspace, owner-only (0600, in a 0700 folder), never shipped in the repository.
// A student compares its SHA-256 fingerprint with what a client reports.
struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
    QString certificatePath;
    QString keyPath;
    bool created = false; // made just now (first run)

    // "AB:CD:..." (SHA-256 of the certificate's DER, as openssl x509 -fingerprint -sha256 prints)
    QString fingerprint() const;

    // Reads a PEM certificate and its PEM private key (RSA or EC, not encrypted).
    static std::optional<TlsIdentity> load(
        const QString &certificatePath, const QString &keyPath, QString *error);
    // The workspace's own identity in folder (server.crt, server.key), created on first use.
    static std::optional<TlsIdentity> workspace(const QString &folder, QString *error);
    // A fresh self-signed certificate and key, in memory (tests, and workspace()).
    static std::optional<TlsIdentity> generate(QString *error);
};

} // namespace pop3
