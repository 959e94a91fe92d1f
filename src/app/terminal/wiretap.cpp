#include "app/terminal/wiretap.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

WireTap::WireTap(QObject *parent)
    : QObject(parent)
    , m_upstream(new QTcpSocket(this))
    , m_listener(new QTcpServer(this))
{
    connect(m_upstream, &QTcpSocket::connected, this, &WireTap::onUpstreamConnected);
    connect(m_upstream, &QTcpSocket::readyRead, this, &WireTap::fromServer);
    connect(m_upstream, &QTcpSocket::disconnected, this, &WireTap::onUpstreamClosed);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (!m_ready && !m_upstreamClosed) { // while connecting: the terminal is told
            m_upstreamClosed = true;
            emit failed(e, m_upstream->errorString());
        }
    });
    connect(m_listener, &QTcpServer::newConnection, this, &WireTap::onNewConnection);
}

WireTap::~WireTap()
{
    // The terminal's socket goes first (its owner deletes it): nothing to flush any more.
    m_upstream->disconnect(this);
    if (m_client)
        m_client->disconnect(this);
    m_upstream->abort();
}

void WireTap::open(const QString &host, quint16 port)
{
    m_upstream->connectToHost(host, port);
}

quint16 WireTap::listenPort() const
{
    return m_listener->serverPort();
}

QString WireTap::endpoint(const QAbstractSocket *socket, bool local)
{
    const QHostAddress address = local ? socket->localAddress() : socket->peerAddress();
    const quint16 port = local ? socket->localPort() : socket->peerPort();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QString host = isV4 ? QHostAddress(v4).toString()
                              : QLatin1Char('[') + address.toString() + QLatin1Char(']');
    return host + QLatin1Char(':') + QString::number(port);
}

QString WireTap::upstreamLocal() const
{
    return endpoint(m_upstream, true);
}

QString WireTap::upstreamPeer() const
{
    return endpoint(m_upstream, false);
}

qint64 WireTap::bytesRelayed(Direction direction) const
{
    return m_bytes[int(direction)];
}

void WireTap::onUpstreamConnected()
{
    if (!m_listener->listen(QHostAddress::LocalHost, 0)) {
        m_upstreamClosed = true;
        m_upstream->abort();
        emit failed(QAbstractSocket::SocketResourceError, m_listener->errorString());
        return;
    }
    m_ready = true;
    emit ready();
}

void WireTap::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        if (m_clientPort != 0 && socket->peerPort() == m_clientPort && !m_client) {
            adopt(socket);
        } else if (m_clientPort == 0) {
            m_waiting.append(socket);
        } else {
            socket->abort(); // not the terminal
            socket->deleteLater();
        }
    }
}

void WireTap::pair(quint16 clientPort)
{
    m_clientPort = clientPort;
    const QList<QTcpSocket *> waiting = std::exchange(m_waiting, {});
    for (QTcpSocket *socket : waiting) {
        if (!m_client && socket->peerPort() == clientPort) {
            adopt(socket);
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    if (!m_client)
        onNewConnection(); // it may be queued still
}

void WireTap::adopt(QTcpSocket *client)
{
    m_client = client;
    m_listener->close(); // one connection per tap
    connect(m_client, &QTcpSocket::readyRead, this, &WireTap::fromClient);
    connect(m_client, &QTcpSocket::disconnected, this, [this] {
        fromClient();
        m_upstream->disconnectFromHost();
    });
    if (!m_toClient.isEmpty())
        m_client->write(std::exchange(m_toClient, {}));
    fromClient();
    if (m_upstreamClosed)
        m_client->disconnectFromHost();
}

void WireTap::fromServer()
{
    const QByteArray bytes = m_upstream->readAll();
    if (bytes.isEmpty())
        return;
    m_bytes[int(Direction::ServerToClient)] += bytes.size();
    emit captured(Direction::ServerToClient, bytes);
    if (m_client)
        m_client->write(bytes);
    else
        m_toClient += bytes;
}

void WireTap::fromClient()
{
    if (!m_client)
        return;
    const QByteArray bytes = m_client->readAll();
    if (bytes.isEmpty())
        return;
    m_bytes[int(Direction::ClientToServer)] += bytes.size();
    emit captured(Direction::ClientToServer, bytes);
    if (m_upstream->state() == QAbstractSocket::ConnectedState)
        m_upstream->write(bytes);
}

void WireTap::onUpstreamClosed()
{
    fromServer(); // the last reply, the +OK of QUIT, comes before the close
    m_upstreamClosed = true;
    if (m_client)
        m_client->disconnectFromHost(); // after what is still to be written
}

void WireTap::close()
{
    if (m_client)
        m_client->disconnectFromHost();
    m_upstream->disconnectFromHost();
}
