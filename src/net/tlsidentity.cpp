#include "net/tlsidentity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pop3 {

namespace {

template<typename T, void (*Free)(T *)> struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};

using PKey = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QSslKey readKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

// Owner-only from the first octet (no window in which another user could open it), written to
// a temporary name and renamed, never through a link.
bool writePrivate(const QString &path, const QByteArray &data, QString *error)
{
    const QByteArray temporary = QFile::encodeName(path + QStringLiteral(".tmp"));
    ::unlink(temporary.constData());
    const int fd =
        ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    if (ok) {
        qsizetype done = 0;
        while (ok && done < data.size()) {
            const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
            ok = n > 0;
            done += n > 0 ? n : 0;
        }
        ok = ::fsync(fd) == 0 && ok;
        ok = ::close(fd) == 0 && ok;
    }
    if (ok)
        ok = ::rename(temporary.constData(), QFile::encodeName(path).constData()) == 0;
    if (!ok) {
        ::unlink(temporary.constData());
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(errno));
    }
    return ok;
}

} // namespace

QString TlsIdentity::fingerprint() const
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

std::optional<TlsIdentity> TlsIdentity::generate(QString *error)
{
    const auto failed = [error](const QString &what) -> std::optional<TlsIdentity> {
        if (error)
            *error = QStringLiteral("cannot create the TLS certificate: %1").arg(what);
        return std::nullopt;
    };
    PKey key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert)
        return failed(QStringLiteral("no key"));
    X509_set_version(cert.get(), 2); // v3
    ASN1_INTEGER_set_uint64(X509_get_serialNumber(cert.get()),
        QRandomGenerator::system()->generate64() >> 1); // positive
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3650L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const auto text = [](const char *s) {
        return reinterpret_cast<const unsigned char *>(s);
    };
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, text("pop3lab"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "OU", MBSTRING_ASC, text("the lab's own server (self-signed)"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, text("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name); // self-signed: it is its own issuer
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(
            cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1"))
        return failed(QStringLiteral("extensions"));
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return failed(QStringLiteral("signature"));

    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return failed(QStringLiteral("PEM"));
    TlsIdentity identity;
    identity.certificate = QSslCertificate(bioBytes(certBio.get()), QSsl::Pem);
    identity.key = readKey(bioBytes(keyBio.get()));
    if (identity.certificate.isNull() || identity.key.isNull())
        return failed(QStringLiteral("Qt cannot read what OpenSSL wrote"));
    identity.created = true;
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::load(
    const QString &certificatePath, const QString &keyPath, QString *error)
{
    QFile certFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2")
                         .arg(certFile.isOpen() ? keyPath : certificatePath,
                             certFile.isOpen() ? keyFile.errorString() : certFile.errorString());
        return std::nullopt;
    }
    TlsIdentity identity;
    identity.certificatePath = certificatePath;
    identity.keyPath = keyPath;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (!chain.isEmpty())
        identity.certificate = chain.first();
    identity.key = readKey(keyFile.readAll());
    if (identity.certificate.isNull()) {
        if (error)
            *error = QStringLiteral("%1 holds no PEM certificate").arg(certificatePath);
        return std::nullopt;
    }
    if (identity.key.isNull()) {
        if (error)
            *error =
                QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPath);
        return std::nullopt;
    }
    return identity;
}

std::optional<TlsIdentity> TlsIdentity::workspace(const QString &folder, QString *error)
{
    const QString certPath = folder + QStringLiteral("/server.crt");
    const QString keyPath = folder + QStringLiteral("/server.key");
    if (QFileInfo::exists(certPath) && QFileInfo::exists(keyPath))
        return load(certPath, keyPath, error);
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(folder);
        return std::nullopt;
    }
    std::optional<TlsIdentity> identity = generate(error);
    if (!identity)
        return std::nullopt;
    if (!writePrivate(keyPath, identity->key.toPem(), error)
        || !writePrivate(certPath, identity->certificate.toPem(), error))
        return std::nullopt;
    identity->certificatePath = certPath;
    identity->keyPath = keyPath;
    return identity;
}

} // namespace pop3
