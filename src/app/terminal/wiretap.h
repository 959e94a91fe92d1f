#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QObject>

class QTcpServer;
class QTcpSocket;

// A relay on 127.0.0.1 between a terminal tab and its server, so that the eavesdropper view shows
// what really crossed the connection: the terminal connects to the tap, the tap to the server,
// and every byte passes through unchanged. After STLS, or on a TLS connection, the tap sees the
// TLS records the terminal's QSslSocket wrote, exactly as anyone on the path would; it never
// holds a key. (A capture from the event log would show the server's decrypted view instead.)
//
// The tap connects to the server first and only then listens, so a refused connection is told
// as it would be without the tap. It listens on 127.0.0.1 only and pairs with the one client
// whose port the terminal names (pair()), so another local program can't slip in.
class WireTap final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WireTap)

public:
    enum class Direction {
        ClientToServer,
        ServerToClient,
    };

    explicit WireTap(QObject *parent = nullptr);
    ~WireTap() override;

    // Connects to host:port; ready() or failed() follows.
    void open(const QString &host, quint16 port);
    // The port the terminal connects to (valid after ready()).
    quint16 listenPort() const;
    // The terminal's own port, once it is connected: only that connection is relayed.
    void pair(quint16 clientPort);
    void close();

    // The connection to the server as the server sees it ("127.0.0.1:50123", "127.0.0.1:1110").
    QString upstreamLocal() const;
    QString upstreamPeer() const;

    qint64 bytesRelayed(Direction direction) const;

    static QString endpoint(const QAbstractSocket *socket, bool local);

signals:
    void ready();
    void failed(QAbstractSocket::SocketError error, const QString &why);
    // Bytes that just crossed, in the order they crossed.
    void captured(WireTap::Direction direction, const QByteArray &bytes);

private:
    void onUpstreamConnected();
    void onNewConnection();
    void adopt(QTcpSocket *client);
    void fromServer();
    void fromClient();
    void onUpstreamClosed();

    QTcpSocket *m_upstream;
    QTcpServer *m_listener;
    QTcpSocket *m_client = nullptr;
    QList<QTcpSocket *> m_waiting; // accepted, not yet known to be the terminal
    quint16 m_clientPort = 0;
    QByteArray m_toClient; // from the server before the terminal is paired
    bool m_ready = false;
    bool m_upstreamClosed = false;
    qint64 m_bytes[2] = {0, 0};
};
