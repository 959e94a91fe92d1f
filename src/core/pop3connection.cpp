#include "core/pop3connection.h"

#include "core/pop3server.h"
#include "core/replybody.h"

#include <QDateTime>
#include <QTcpSocket>

#include <cstring>

namespace pop3 {

Pop3Connection::Pop3Connection(
    Pop3Server *server, QTcpSocket *socket, std::unique_ptr<Pop3Session> session)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_session(std::move(session))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(maxReadBuffer); // beyond this, TCP flow control holds the client
    connect(m_socket, &QTcpSocket::readyRead, this, &Pop3Connection::readInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Pop3Connection::pump);
    connect(m_socket, &QTcpSocket::disconnected, this, &Pop3Connection::socketGone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError
            && m_socket->state() != QAbstractSocket::ConnectedState)
            socketGone();
    });
}

Pop3Connection::~Pop3Connection()
{
    m_body.reset(); // reports a body cut short before the session ends
    if (m_session && m_session->state() != State::Closed)
        m_session->end(DisconnectReason::Error,
            QDateTime::currentMSecsSinceEpoch(),
            QStringLiteral("connection destroyed"));
}

void Pop3Connection::start()
{
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    m_socket->write(m_session->start(m_lastActivity));
    m_socket->flush();
}

void Pop3Connection::readInput()
{
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    processLines();
}

bool Pop3Connection::pullInput()
{
    if (m_socket->bytesAvailable() <= 0)
        return false;
    if (m_inputPos > 0) {
        m_input.remove(0, m_inputPos);
        m_inputPos = 0;
    }
    m_input += m_socket->readAll();
    return true;
}

// Answers the complete lines received so far, in order (RFC 2449 PIPELINING). Input is taken
// from the socket only while the replies already queued are below the high-water mark, so a
// client that pipelines without reading is slowed down by TCP instead of filling our memory.
void Pop3Connection::processLines()
{
    if (m_processing) {
        m_processAgain = true; // called from inside the loop (send, flush): go round once more
        return;
    }
    m_processing = true;
    do {
        m_processAgain = false;
        while (!m_body && !m_closing && m_socket->bytesToWrite() < highWater) {
            const char *base = m_input.constData() + m_inputPos;
            const qsizetype available = m_input.size() - m_inputPos;
            const char *nl = available > 0
                ? static_cast<const char *>(std::memchr(base, '\n', size_t(available)))
                : nullptr;
            if (!nl) {
                if (m_overlongLength >= 0) {
                    m_overlongLength += available;
                    m_inputPos = m_input.size();
                } else if (available > maxBufferedLine) {
                    m_overlongStart = QByteArray(base, 64);
                    m_overlongLength = available;
                    m_inputPos = m_input.size();
                }
                if (!pullInput())
                    break;
                continue;
            }
            const qsizetype lineSize = nl - base + 1;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (m_overlongLength >= 0) {
                const qint64 length = m_overlongLength + lineSize;
                m_overlongLength = -1;
                m_inputPos += lineSize;
                send(m_session->handleOverlongLine(m_overlongStart, length, now));
            } else {
                const QByteArray line(base, lineSize);
                m_inputPos += lineSize;
                send(m_session->handleLine(line, now));
            }
        }
        if (m_inputPos == m_input.size()) {
            m_input.clear();
            m_inputPos = 0;
        }
        // QTcpSocket only queues what write() is given and sends it when the event loop next sees
        // the socket writable: one more poll and dispatch per reply. Send this read's replies now
        // (a bytesWritten emitted from here may finish a body: then the loop goes round again).
        // Not while a body streams: flush() keeps writing as long as the kernel takes bytes, and
        // bytesWritten refills the body, so a fast reader would get a whole 50 MB message in one
        // go while every other client waits.
        if (!m_body)
            m_socket->flush();
    } while (m_processAgain && !m_finished);
    m_processing = false;
}

void Pop3Connection::send(Pop3Session::Reply reply)
{
    if (!reply.head.isEmpty())
        m_socket->write(reply.head);
    if (reply.close)
        m_closing = true;
    if (reply.body) {
        m_body = std::move(reply.body);
        pump();
    } else if (m_closing) {
        closeAfterWrites();
    }
}

void Pop3Connection::pump()
{
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    while (m_body && m_socket->bytesToWrite() < highWater) {
        const QByteArray chunk = m_body->read(32 * 1024);
        if (!chunk.isEmpty())
            m_socket->write(chunk);
        if (m_body->atEnd())
            m_body.reset();
    }
    if (m_body || m_finished)
        return;
    if (m_closing)
        closeAfterWrites();
    else
        processLines(); // pipelined commands waiting behind the body or the queued replies
}

void Pop3Connection::closeAfterWrites()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost(); // flushes what is queued first
    else
        socketGone();
}

void Pop3Connection::socketGone()
{
    if (m_finished)
        return;
    m_finished = true;
    m_body.reset();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_timedOut)
        m_session->end(DisconnectReason::IdleTimeout,
            now,
            QStringLiteral("the client stopped reading in the middle of a reply"));
    else if (m_dropped)
        m_session->end(DisconnectReason::Error,
            now,
            QStringLiteral("connection dropped by the server (fault injected)"));
    else if (m_session->isClosing())
        m_session->end(m_session->closeReason(), now);
    else
        m_session->end(DisconnectReason::PeerClosed,
            now,
            QStringLiteral("the client closed the connection without QUIT"));
    emit finished(this);
}

void Pop3Connection::timeOut()
{
    if (m_closing || m_finished)
        return;
    if (m_body) {
        // The client stopped reading in the middle of a body: no -ERR can follow half a message,
        // so the connection is cut (the reply is reported as truncated).
        m_body.reset();
        m_timedOut = true;
        m_socket->abort();
        socketGone();
        return;
    }
    send(m_session->idleTimeout(QDateTime::currentMSecsSinceEpoch()));
}

void Pop3Connection::shutdown()
{
    if (m_finished)
        return;
    m_body.reset();
    if (!m_closing)
        send(m_session->shutdown(QDateTime::currentMSecsSinceEpoch()));
    m_socket->flush();
    m_socket->abort();
    socketGone();
}

void Pop3Connection::drop()
{
    if (m_finished)
        return;
    m_dropped = true;
    m_body.reset();
    m_socket->abort();
    socketGone();
}

} // namespace pop3
