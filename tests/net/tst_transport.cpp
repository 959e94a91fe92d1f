// The transport seam (net/transport.h): direct writes and the body worker are allowed on plain
// TCP only. A socket that speaks TLS, even while its handshake runs, must be written through
// QSslSocket, or plaintext would reach the wire.

#include "net/transport.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace pop3;

class TestTransport : public QObject
{
    Q_OBJECT

private slots:
    void plainSocketsAllowDirectWrites();
    void tlsSocketsNever();
};

void TestTransport::plainSocketsAllowDirectWrites()
{
    QTcpSocket tcp;
    QCOMPARE(transportOf(&tcp), TransportKind::Plain);
    QVERIFY(allowsDirectWrites(transportOf(&tcp)));
    QSslSocket notYetTls; // a QSslSocket before STLS is plain TCP
    QCOMPARE(transportOf(&notYetTls), TransportKind::Plain);
}

void TestTransport::tlsSocketsNever()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt has no TLS backend");
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSslSocket client;
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    QVERIFY(server.waitForNewConnection(5000));
    // The handshake has started (it will never finish: the server speaks no TLS).
    QTRY_COMPARE(client.mode(), QSslSocket::SslClientMode);
    QCOMPARE(transportOf(&client), TransportKind::Tls);
    QVERIFY(!allowsDirectWrites(transportOf(&client)));
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
