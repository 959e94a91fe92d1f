// TLS on a real Pop3Server over TCP on 127.0.0.1: STLS (RFC 2595) and implicit TLS (POP3S, RFC
// 8314) with a certificate made for the test, what is pipelined after STLS discarded, plain-text
// logins refused until TLS, and a large RETR that arrives byte-identical while a relay on the path
// (an eavesdropper) sees none of it: the body worker and direct writes stay off TLS sockets.

#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "net/tlsidentity.h"
#include "protocol/pop3session.h"
#include "support/anyloopmain.h"
#include "support/pop3testclient.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sys/stat.h>

using namespace pop3;
using pop3test::waitUntil;

namespace {

// Three messages, the middle one about 3 MB with dot-led lines: large enough for the body worker
// on a plain socket.
QList<QByteArray> archiveMessages()
{
    QByteArray big = "From: archive@lab.example.edu\nSubject: the capture\n\n";
    for (int i = 0; i < 40000; ++i) {
        if (i % 113 == 0)
            big += ".dot-led line " + QByteArray::number(i) + "\n";
        else
            big += "SECRETPAYLOAD" + QByteArray(63, char('A' + i % 26)) + "\n";
    }
    const QByteArray small = "From: teacher@lab.example.edu\nSubject: note\n\n.a dot\nbye\n";
    return {small, big, small};
}

// A relay between client and server that keeps every octet it passes on: what anybody on the
// path would capture.
class Eavesdropper final : public QObject
{
public:
    explicit Eavesdropper(quint16 target)
        : m_target(target)
    {
        m_listener.listen(QHostAddress::LocalHost, 0);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *client = m_listener.nextPendingConnection();
            auto *server = new QTcpSocket(client);
            server->connectToHost(QHostAddress::LocalHost, m_target);
            connect(client, &QTcpSocket::readyRead, server, [this, client, server] {
                const QByteArray bytes = client->readAll();
                m_fromClient += bytes;
                server->write(bytes);
            });
            connect(server, &QTcpSocket::readyRead, client, [this, client, server] {
                const QByteArray bytes = server->readAll();
                m_fromServer += bytes;
                client->write(bytes);
            });
            connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
        });
    }

    quint16 port() const { return m_listener.serverPort(); }

    QByteArray fromServer() const { return m_fromServer; }

    QByteArray fromClient() const { return m_fromClient; }

private:
    QTcpServer m_listener;
    quint16 m_target;
    QByteArray m_fromServer;
    QByteArray m_fromClient;
};

// A POP3 client on a QSslSocket that trusts the test's certificate and nothing else.
class TlsClient final
{
public:
    explicit TlsClient(const QSslCertificate &trusted)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates({trusted});
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_socket.setSslConfiguration(config);
        QObject::connect(&m_socket, &QSslSocket::readyRead, &m_socket, [this] {
            m_buffer += m_socket.readAll();
        });
        QObject::connect(&m_socket, &QSslSocket::disconnected, &m_socket, [this] {
            m_closed = true;
        });
        QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket, [this](const auto &errors) {
            for (const QSslError &e : errors)
                m_errors.append(e.errorString());
        });
    }

    QByteArray open(quint16 port, bool tls = false)
    {
        if (tls)
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        else
            m_socket.connectToHost(QHostAddress::LocalHost, port);
        return line();
    }

    bool startTls()
    {
        m_socket.startClientEncryption();
        return wait([this] {
            return m_socket.isEncrypted() || m_closed;
        }) && m_socket.isEncrypted();
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    QByteArray command(const QByteArray &cmd)
    {
        send(cmd + "\r\n");
        return line();
    }

    QByteArray line()
    {
        if (!wait([this] {
                return m_buffer.contains('\n') || m_closed;
            }))
            return {};
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl < 0)
            return {};
        const QByteArray l = m_buffer.left(nl + 1);
        m_buffer.remove(0, nl + 1);
        return l;
    }

    // The status line and the body, terminator included.
    QByteArray multiLine(const QByteArray &cmd)
    {
        send(cmd + "\r\n");
        const QByteArray status = line();
        if (!status.startsWith("+OK"))
            return status;
        qsizetype end = -1;
        wait(
            [&] {
                if (m_buffer.startsWith(".\r\n"))
                    end = 3;
                else if (const qsizetype at = m_buffer.indexOf("\r\n.\r\n"); at >= 0)
                    end = at + 5;
                return end >= 0 || m_closed;
            },
            30000);
        const QByteArray body = m_buffer.left(end < 0 ? m_buffer.size() : end);
        m_buffer.remove(0, body.size());
        return status + body;
    }

    QByteArray pending() const { return m_buffer; }

    bool closed() const { return m_closed; }

    QSslSocket &socket() { return m_socket; }

    QStringList errors() const { return m_errors; }

private:
    template<typename Predicate> bool wait(Predicate predicate, int timeoutMs = 10000)
    {
        return waitUntil(&m_socket,
            predicate,
            timeoutMs,
            &QSslSocket::readyRead,
            &QSslSocket::encrypted,
            &QSslSocket::disconnected,
            &QSslSocket::errorOccurred);
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
    QStringList m_errors;
    bool m_closed = false;
};

// A server with TLS on a fresh workspace: the sample accounts and archive / pw.
struct TlsLab
{
    QTemporaryDir dir;
    EventLog log;
    MailStore store{&log};
    std::optional<TlsIdentity> identity = TlsIdentity::generate(nullptr);
    std::unique_ptr<Pop3Server> server;
    Pop3Server::Options options;

    TlsLab()
    {
        store.setWorkspace(dir.filePath(QStringLiteral("ws")));
        options.port = 0;
        options.tlsPort = 0;
        options.loginDelays = false;
    }

    bool start(const QString &personality = Personality::defaultId())
    {
        if (!identity || !store.addSampleAccounts())
            return false;
        const QString archive = dir.filePath(QStringLiteral("archive"));
        QDir().mkpath(archive);
        const QList<QByteArray> messages = archiveMessages();
        for (qsizetype i = 0; i < messages.size(); ++i)
            pop3test::writeFile(QDir(archive).filePath(
                                    QStringLiteral("%1.eml").arg(i + 1, 4, 10, QLatin1Char('0'))),
                messages.at(i));
        if (!store.addAccount(QStringLiteral("archive"), QStringLiteral("pw"), archive))
            return false;
        options.certificate = identity->certificate;
        options.key = identity->key;
        server = std::make_unique<Pop3Server>(&log, &store, *Personality::load(personality));
        return server->listen(options);
    }

    bool hasNote(NoteKind kind, int number = -1) const
    {
        for (const Event &e : log.events()) {
            if (e.kind == EventKind::Note && e.note == kind && (number < 0 || e.number == number))
                return true;
        }
        return false;
    }
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void stlsUpgradesTheConnection();
    void largeRetrOverStlsIsEncryptedAndIntact_data();
    void largeRetrOverStlsIsEncryptedAndIntact();
    void pop3sFromTheFirstOctet();
    void pipelinedAfterStlsIsDiscarded();
    void stlsRefusedTwiceAndAfterLogin();
    void plaintextLoginRefusedUntilTls();
    void aFailedHandshakeEndsTheSession();
    void quitPipelinedBehindABodyOverTls();
    void workspaceIdentityIsOwnerOnlyAndKept();
};

void TestTls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt's OpenSSL TLS backend is missing");
}

void TestTls::stlsUpgradesTheConnection()
{
    TlsLab lab;
    QVERIFY(lab.start());
    TlsClient client(lab.identity->certificate);
    QCOMPARE(client.open(lab.server->port()), QByteArray("+OK Dovecot ready.\r\n"));
    QVERIFY(client.multiLine("CAPA").contains("\r\nSTLS\r\n"));
    QCOMPARE(client.command("STLS"), QByteArray("+OK Begin TLS negotiation now.\r\n"));
    QVERIFY2(client.startTls(), qPrintable(client.errors().join(QStringLiteral("; "))));
    QVERIFY(client.errors().isEmpty()); // our certificate, for 127.0.0.1, trusted as given
    QCOMPARE(client.socket().peerCertificate(), lab.identity->certificate);
    const QByteArray capa = client.multiLine("CAPA");
    QVERIFY(!capa.contains("STLS"));
    QVERIFY(capa.contains("\r\nUSER\r\nSASL PLAIN LOGIN\r\n"));
    QCOMPARE(client.command("USER student"), QByteArray("+OK\r\n"));
    QCOMPARE(client.command("PASS hessovs!"), QByteArray("+OK Logged in.\r\n"));
    QCOMPARE(client.command("QUIT"), QByteArray("+OK Logging out.\r\n"));
    QVERIFY(lab.hasNote(NoteKind::TlsStarted));
}

void TestTls::largeRetrOverStlsIsEncryptedAndIntact_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("plain TCP: the eavesdropper reads the message (the test can fail)") << false;
    QTest::newRow("after STLS: intact for the client, opaque on the path") << true;
}

void TestTls::largeRetrOverStlsIsEncryptedAndIntact()
{
    QFETCH(bool, tls);
    TlsLab lab;
    QVERIFY(lab.start());
    Eavesdropper path(lab.server->port());
    TlsClient client(lab.identity->certificate);
    QVERIFY(client.open(path.port()).startsWith("+OK"));
    if (tls) {
        QVERIFY(client.command("STLS").startsWith("+OK"));
        QVERIFY(client.startTls());
    }
    QVERIFY(client.command("USER archive").startsWith("+OK"));
    QVERIFY(client.command("PASS pw").startsWith("+OK"));
    const QByteArray big = archiveMessages().at(1);
    const QByteArray expected = pop3test::wireBody(big);
    QVERIFY(expected.size() > 3000000);
    for (int round = 0; round < 2; ++round) { // twice: the connection goes on after a large body
        const QByteArray got = client.multiLine("RETR 2");
        QVERIFY2(got.startsWith("+OK"), got.left(80).constData());
        QCOMPARE(got.mid(got.indexOf("\r\n") + 2), expected);
    }
    QCOMPARE(client.command("QUIT").left(3), QByteArray("+OK"));
    QVERIFY(waitUntil(
        &client.socket(),
        [&] {
            return client.closed();
        },
        5000,
        &QSslSocket::disconnected));
    // On the path: the plaintext of the body only when no TLS protected it.
    QCOMPARE(path.fromServer().contains("SECRETPAYLOAD"), !tls);
    QCOMPARE(path.fromClient().contains("PASS pw"), !tls);
    QVERIFY(path.fromServer().size() > expected.size()); // every octet went through the relay
}

void TestTls::pop3sFromTheFirstOctet()
{
    TlsLab lab;
    QVERIFY(lab.start());
    QVERIFY(lab.server->tlsPort() != 0);
    QVERIFY(lab.server->tlsPort() != lab.server->port());
    Eavesdropper path(lab.server->tlsPort());
    TlsClient client(lab.identity->certificate);
    // The certificate names 127.0.0.1 too; the client connects through the relay on it.
    QCOMPARE(client.open(path.port(), true), QByteArray("+OK Dovecot ready.\r\n"));
    QVERIFY(client.socket().isEncrypted());
    QVERIFY(client.errors().isEmpty());
    const QByteArray capa = client.multiLine("CAPA");
    QVERIFY(!capa.contains("STLS")); // already TLS
    QCOMPARE(client.command("STLS"), QByteArray("-ERR TLS is already active.\r\n"));
    QVERIFY(client.command("USER archive").startsWith("+OK"));
    QVERIFY(client.command("PASS pw").startsWith("+OK"));
    const QByteArray got = client.multiLine("RETR 2");
    QCOMPARE(got.mid(got.indexOf("\r\n") + 2), pop3test::wireBody(archiveMessages().at(1)));
    QVERIFY(client.command("QUIT").startsWith("+OK"));
    QVERIFY(!path.fromServer().contains("Dovecot ready")); // not even the greeting in clear
    QVERIFY(!path.fromServer().contains("SECRETPAYLOAD"));
}

void TestTls::pipelinedAfterStlsIsDiscarded()
{
    TlsLab lab;
    QVERIFY(lab.start());
    TlsClient client(lab.identity->certificate);
    QVERIFY(client.open(lab.server->port()).startsWith("+OK"));
    // CVE-2011-0411: commands written in clear after STLS (by the client or injected on the
    // path) must never be answered inside the encrypted session.
    client.send("STLS\r\nUSER student\r\nPASS hessovs!\r\n");
    QCOMPARE(client.line(), QByteArray("+OK Begin TLS negotiation now.\r\n"));
    QVERIFY(client.startTls());
    QVERIFY(client.pending().isEmpty());
    // Had USER/PASS been kept, this would be "+OK" to a CAPA in TRANSACTION or a login reply.
    QCOMPARE(client.command("PASS hessovs!"), QByteArray("-ERR No username given.\r\n"));
    QVERIFY(lab.hasNote(NoteKind::StlsInputDiscarded, 29));
    for (const Pop3Session *s : lab.server->sessions())
        QCOMPARE(s->state(), State::Authorization);
}

void TestTls::stlsRefusedTwiceAndAfterLogin()
{
    TlsLab lab;
    QVERIFY(lab.start());
    TlsClient client(lab.identity->certificate);
    QVERIFY(client.open(lab.server->port()).startsWith("+OK"));
    QVERIFY(client.command("USER student").startsWith("+OK"));
    QVERIFY(client.command("PASS hessovs!").startsWith("+OK"));
    // After login STLS is a command of the wrong state (RFC 2595 §4), in Dovecot's words.
    QCOMPARE(client.command("STLS"), QByteArray("-ERR Unknown command: STLS\r\n"));
    QCOMPARE(client.command("NOOP"), QByteArray("+OK\r\n")); // still plain TCP, still talking
    TlsClient second(lab.identity->certificate);
    QVERIFY(second.open(lab.server->port()).startsWith("+OK"));
    QVERIFY(second.command("STLS").startsWith("+OK"));
    QVERIFY(second.startTls());
    QCOMPARE(second.command("STLS"), QByteArray("-ERR TLS is already active.\r\n"));
}

void TestTls::plaintextLoginRefusedUntilTls()
{
    TlsLab lab;
    lab.options.localIsSecure = false; // the teacher: 127.0.0.1 is no safer than the network
    QVERIFY(lab.start());
    TlsClient client(lab.identity->certificate);
    QVERIFY(client.open(lab.server->port()).startsWith("+OK"));
    const QByteArray capa = client.multiLine("CAPA");
    QVERIFY(!capa.contains("USER"));
    QVERIFY(!capa.contains("SASL"));
    QCOMPARE(client.command("USER student"),
        QByteArray("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) "
                   "connections.\r\n"));
    QVERIFY(client.command("STLS").startsWith("+OK"));
    QVERIFY(client.startTls());
    QCOMPARE(client.command("USER student"), QByteArray("+OK\r\n"));
    QCOMPARE(client.command("PASS hessovs!"), QByteArray("+OK Logged in.\r\n"));

    // Dovecot's default: a client on this machine counts as secure.
    TlsLab local;
    QVERIFY(local.start());
    TlsClient onLoopback(local.identity->certificate);
    QVERIFY(onLoopback.open(local.server->port()).startsWith("+OK"));
    QCOMPARE(onLoopback.command("USER student"), QByteArray("+OK\r\n"));
}

void TestTls::aFailedHandshakeEndsTheSession()
{
    TlsLab lab;
    QVERIFY(lab.start());
    QSignalSpy ended(lab.server.get(), &Pop3Server::sessionEnded);
    pop3test::Client plain; // speaks POP3 in clear to the POP3S port
    QVERIFY(plain.connectTo(lab.server->tlsPort()));
    plain.send("USER student\r\n");
    QVERIFY(ended.wait(10000));
    const QList<Event> events = lab.log.events();
    const auto gone = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
        return e.kind == EventKind::Disconnected;
    });
    QVERIFY(gone != events.cend());
    QVERIFY2(gone->detail.startsWith(QStringLiteral("the TLS handshake failed")),
        qPrintable(gone->detail));
    for (const Event &e : events)
        QVERIFY(e.kind != EventKind::ClientLine); // nothing was taken for a command
}

void TestTls::quitPipelinedBehindABodyOverTls()
{
    // The close after QUIT, reached from inside QSslSocket's own write loop (a body's last
    // bytesWritten), used to free the TLS state under that loop: the server crashed.
    TlsLab lab;
    QVERIFY(lab.start());
    QSignalSpy ended(lab.server.get(), &Pop3Server::sessionEnded);
    for (int round = 1; round <= 3; ++round) {
        TlsClient client(lab.identity->certificate);
        QVERIFY(client.open(lab.server->port()).startsWith("+OK"));
        QVERIFY(client.command("STLS").startsWith("+OK"));
        QVERIFY(client.startTls());
        client.send("USER archive\r\nPASS pw\r\nRETR 1\r\nQUIT\r\n");
        QVERIFY(waitUntil(
            &client.socket(),
            [&] {
                return client.closed();
            },
            10000,
            &QSslSocket::disconnected));
        QVERIFY(client.pending().endsWith("\r\n.\r\n+OK Logging out.\r\n"));
        QTRY_COMPARE(ended.count(), round);
        QTRY_COMPARE(lab.server->sessionCount(), 0);
    }
}

void TestTls::workspaceIdentityIsOwnerOnlyAndKept()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("ws/tls"));
    QString error;
    const std::optional<TlsIdentity> first = TlsIdentity::workspace(folder, &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->created);
    const auto mode = [](const QString &path) {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    };
    QCOMPARE(mode(first->keyPath), 0600);
    QCOMPARE(mode(first->certificatePath), 0600);
    QCOMPARE(mode(folder), 0700);
    QCOMPARE(first->certificate.subjectInfo(QSslCertificate::CommonName),
        QStringList{QStringLiteral("localhost")});
    QVERIFY(first->certificate.expiryDate() > QDateTime::currentDateTime().addYears(5));
    QCOMPARE(first->fingerprint().size(), 32 * 3 - 1); // "AB:CD:..."
    const std::optional<TlsIdentity> second = TlsIdentity::workspace(folder, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(!second->created);
    QCOMPARE(second->fingerprint(), first->fingerprint());
    QCOMPARE(second->key.toPem(), first->key.toPem());
}

POP3LAB_GUILESS_MAIN_ANY_LOOP(TestTls)
#include "tst_tls.moc"
