#include "net/pop3connection.h"

#include "net/bodystreamer.h"
#include "net/faulthook.h"
#include "net/pop3server.h"
#include "net/transport.h"
#include "protocol/replybody.h"

#include <QDateTime>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace pop3 {

Pop3Connection::Pop3Connection(
    Pop3Server *server, QTcpSocket *socket, std::unique_ptr<Pop3Session> session)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_ssl(qobject_cast<QSslSocket *>(socket))
    , m_session(std::move(session))
{
    m_socket->setParent(this);
    m_session->setQueueProbe([this] {
        announceQueued();
    });
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (server->m_options.sendBufferSize > 0)
        m_socket->setSocketOption(
            QAbstractSocket::SendBufferSizeSocketOption, server->m_options.sendBufferSize);
    m_socket->setReadBufferSize(maxReadBuffer); // beyond this, TCP flow control holds the client
    if (m_ssl) {
        // QSslSocket emits readyRead, bytesWritten and encrypted from inside its own record
        // loop (transmit): a reply written from there, and above all the close after QUIT,
        // would re-enter that loop, which then goes on with the TLS state the close has freed
        // (a crash in Qt 6.4). So a TLS connection acts on them on the next turn of the loop.
        connect(
            m_ssl, &QSslSocket::readyRead, this, &Pop3Connection::readInput, Qt::QueuedConnection);
        connect(m_ssl, &QSslSocket::bytesWritten, this, &Pop3Connection::pumpLater);
        connect(m_ssl, &QSslSocket::encryptedBytesWritten, this, &Pop3Connection::pumpLater);
        connect(
            m_ssl, &QSslSocket::encrypted, this, &Pop3Connection::tlsReady, Qt::QueuedConnection);
    } else {
        connect(m_socket, &QTcpSocket::readyRead, this, &Pop3Connection::readInput);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &Pop3Connection::pump);
    }
    connect(m_socket, &QTcpSocket::disconnected, this, &Pop3Connection::socketGone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError && !m_finished) {
            m_tlsError = m_socket->errorString();
            m_socket->abort();
            socketGone();
            return;
        }
        if (error != QAbstractSocket::RemoteHostClosedError
            && m_socket->state() != QAbstractSocket::ConnectedState)
            socketGone();
    });
}

Pop3Connection::~Pop3Connection()
{
    dropBody(); // reports a body cut short before the session ends
    if (m_session && m_session->state() != State::Closed)
        m_session->end(DisconnectReason::Error,
            QDateTime::currentMSecsSinceEpoch(),
            QStringLiteral("connection destroyed"));
}

void Pop3Connection::start(bool implicitTls)
{
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    if (implicitTls && m_ssl) {
        m_handshaking = true;
        m_ssl->startServerEncryption();
    }
    m_socket->write(m_session->start(m_lastActivity));
    m_socket->flush();
}

qint64 Pop3Connection::queuedOctets() const
{
    return m_socket->bytesToWrite() + (m_ssl ? m_ssl->encryptedBytesToWrite() : 0);
}

void Pop3Connection::beginTls(const QByteArray &okLine)
{
    // RFC 2595 §4 (and the STARTTLS command injection, CVE-2011-0411): a client that waits for
    // this +OK sends nothing before its TLS hello, so whatever is already here was sent before
    // the encryption (or injected on the path): it is dropped, never answered after the
    // handshake. Nothing is read from the socket in between: the next octets are the hello.
    const qint64 discarded = m_lines.discard() + m_socket->bytesAvailable();
    m_announced = 0;
    if (m_socket->bytesAvailable() > 0)
        m_socket->readAll();
    m_bareCrTimer.stop();
    m_socket->write(okLine);
    m_socket->flush();
    if (discarded > 0)
        m_session->discardedAfterStls(discarded, QDateTime::currentMSecsSinceEpoch());
    m_handshaking = true;
    m_ssl->startServerEncryption();
}

void Pop3Connection::tlsReady()
{
    if (m_finished)
        return;
    m_handshaking = false;
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    const QSslCipher cipher = m_ssl->sessionCipher();
    m_session->tlsStarted(
        m_lastActivity, QStringLiteral("%1, %2").arg(cipher.protocolString(), cipher.name()));
    processLines(); // lines that came encrypted with the handshake's last flight
}

// Octets alone do not reset the autologout timer (RFC 1939 §3 counts commands): a client
// trickling a line that never ends is logged out like a silent one. processLines() resets it for
// each complete line.
void Pop3Connection::readInput()
{
    // A line that comes while a reply is held back (the slow-replies fault, a failed login's
    // delay) or a body is still going out waits its turn; it is taken in now, up to
    // maxReadBuffer, only so that the diagram shows it arriving (pipelining). Beyond that, TCP
    // holds the client back as before.
    if (!m_processing && !m_finished && !m_handshaking && (m_delayTimer.isActive() || bodyPending())
        && m_lines.pending() < maxReadBuffer && pullInput())
        announceQueued();
    processLines();
}

void Pop3Connection::announceQueued()
{
    if (m_finished || m_closing || m_handshaking || m_lines.pending() == 0)
        return;
    // A copy shares the input (next() on it never copies the octets): it is read ahead, m_lines
    // stays where the session is.
    LineSplitter ahead = m_lines;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < maxAnnounced; ++i) {
        const LineSplitter::Piece piece = ahead.next(false);
        if (piece.kind == LineSplitter::Piece::None)
            break;
        if (i < m_announced)
            continue;
        const qint64 length =
            piece.kind == LineSplitter::Piece::Overlong ? piece.length : piece.bytes.size();
        if (!m_session->lineQueued(piece.bytes, length, now))
            break;
        ++m_announced;
    }
}

bool Pop3Connection::pullInput()
{
    if (m_socket->bytesAvailable() <= 0)
        return false;
    m_lines.append(m_socket->readAll());
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
        while (!m_finished && !bodyPending() && !m_closing && !m_delayTimer.isActive()
            && !m_handshaking && queuedOctets() < highWater) {
            // The framing (LF, a CR alone, CR NUL, over-long lines) is LineSplitter's.
            LineSplitter::Piece piece = m_lines.next(m_bareCrDue);
            if (piece.kind == LineSplitter::Piece::None) {
                if (m_lines.waitsForLf() && !m_bareCrTimer.isActive())
                    m_bareCrTimer.start(bareCrGraceMs, this);
                if (!pullInput())
                    break;
                continue;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_lastActivity = now; // a complete command line
            m_session->setLineWasQueued(m_announced > 0);
            if (m_announced > 0)
                --m_announced;
            if (const FaultHook *slow = m_server->faultHook())
                m_session->setExtraReplyDelayMs(slow->replyDelayMs(m_session->id()));
            if (piece.kind == LineSplitter::Piece::BareCr) {
                m_bareCrDue = false;
                answer(m_session->handleBareCrLine(piece.bytes, now));
            } else if (piece.kind == LineSplitter::Piece::Overlong) {
                answer(m_session->handleOverlongLine(piece.bytes, piece.length, now));
            } else {
                FaultHook *hook = m_server->faultHook();
                if (hook
                    && hook->beforeLine(m_session->id(), piece.bytes)
                        == FaultHook::Action::DropConnection) {
                    m_server->dropSession(m_session->id()); // a typed note, then the cut
                    break;
                }
                answer(m_session->handleLine(piece.bytes, now));
            }
        }
        // QTcpSocket only queues what write() is given and sends it when the event loop next sees
        // the socket writable: one more poll and dispatch per reply. Send this read's replies now
        // (a bytesWritten emitted from here may finish a body: then the loop goes round again).
        // A body streaming is pump()'s business: it writes a bounded amount per loop turn.
        if (!bodyPending())
            m_socket->flush();
    } while (m_processAgain && !m_finished);
    m_processing = false;
}

qint64 Pop3Connection::lastActivityMs() const
{
    if (m_streamJob && m_server->m_streamer)
        return qMax(m_lastActivity, m_server->m_streamer->lastProgressMs(m_streamJob));
    return m_lastActivity;
}

void Pop3Connection::answer(Pop3Session::Reply reply)
{
    // The slow-replies fault's delay was added by the session (setExtraReplyDelayMs, set before
    // each line), to its own (a failed login's): the reply's event waits with the reply.
    m_session->setExtraReplyDelayMs(0);
    send(std::move(reply));
}

void Pop3Connection::send(Pop3Session::Reply reply)
{
    if (reply.delayMs > 0) {
        // Held back without blocking anyone: this connection reads nothing more until it goes.
        const int delay = reply.delayMs;
        reply.delayMs = 0;
        m_delayed = std::move(reply);
        m_delayTimer.start(delay, Qt::PreciseTimer, this); // never early: a delay is a promise
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    reply.report(now); // a delayed reply's event: sent now
    if (reply.body)
        reply.body->setSentAt(now); // a multi-line one's too, its head going out now
    if (m_delayTimer.isActive()) {
        // The last words (idle timeout, shutdown) replace a reply still waiting.
        m_delayTimer.stop();
        m_delayed.reset();
    }
    if (reply.close)
        m_closing = true;
    if (reply.startTls && m_ssl) {
        beginTls(reply.head);
        return;
    }
    if (reply.body && reply.body->sizeHint() >= BodyStreamer::threshold && m_server->bodyStreamer()
        && allowsDirectWrites(transportOf(m_socket))) {
        m_bulkHead = std::move(reply.head);
        m_body = std::move(reply.body);
        m_bulk = true;
        startStreamJob();
        return;
    }
    if (!reply.head.isEmpty())
        m_socket->write(reply.head);
    if (reply.body) {
        m_body = std::move(reply.body);
        m_body->holdReport(); // its event is appended once the last octet is written
        pump();
    } else if (m_closing) {
        closeAfterWrites();
    }
}

// Hands a large body to the worker thread once what QTcpSocket holds is written (the worker
// writes to the socket directly, so nothing may be queued ahead of it).
void Pop3Connection::startStreamJob()
{
    if (!m_bulk || !m_body)
        return;
    if (m_socket->bytesToWrite() > 0) {
        m_pumping = true; // flush() emits bytesWritten: pump() must not start the job from there
        m_socket->flush();
        m_pumping = false;
        if (m_socket->bytesToWrite() > 0 || m_finished)
            return; // bytesWritten brings us back through pump()
    }
    m_bulk = false;
    m_streamJob = m_server->m_streamer->start(
        m_socket->socketDescriptor(), m_bulkHead, m_body, [this](bool complete) {
            streamJobDone(complete);
        });
    if (!m_streamJob) { // no descriptor to share: stream it from here
        m_socket->write(m_bulkHead);
        m_bulkHead.clear();
        m_body->holdReport(); // as any body written from the loop
        pump();
    }
    m_bulkHead.clear();
}

void Pop3Connection::streamJobDone(bool complete)
{
    m_streamJob = 0;
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    if (!complete) { // the worker's write failed: the connection is gone
        m_socket->abort();
        socketGone();
        return;
    }
    if (m_closing)
        closeAfterWrites();
    else
        processLines(); // pipelined commands waiting behind the body
}

// Streams the body: each chunk is produced into the same buffer and written straight to the
// socket while the kernel takes it, at most turnBudget octets per event-loop turn. When the
// kernel's buffer is full, QTcpSocket is given the rest of the chunk (shared, not copied): its
// bytesWritten, once the socket drained, brings us back here.
void Pop3Connection::pump()
{
    if (m_pumping || m_finished || m_streamJob)
        return; // re-entered from flush()'s bytesWritten: the outer call goes on
    if (m_bulk) {
        startStreamJob();
        return;
    }
    m_pumping = true;
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    qint64 budget = turnBudget;
    while (!m_finished && bodyPending()) {
        if (m_ssl && m_ssl->encryptedBytesToWrite() >= highWater)
            break; // encryptedBytesWritten brings us back once the kernel took some
        if (m_socket->bytesToWrite() > 0) {
            m_socket->flush(); // the status line ahead of the body, or a rest handed over
            if (m_finished || m_socket->bytesToWrite() > 0)
                break; // a failed write ends the connection inside flush()
        }
        if (m_chunkPos == m_chunk.size()) {
            if (m_body->atEnd()) {
                m_body.reset(); // every octet written: the reply's event is appended now
                continue;
            }
            if (budget <= 0) {
                pumpLater();
                break;
            }
            m_chunk.resize(0);
            m_chunkPos = 0;
            m_body->readInto(m_chunk, chunkSize);
            continue;
        }
        const qint64 written =
            writeDirect(m_chunk.constData() + m_chunkPos, m_chunk.size() - m_chunkPos);
        if (written > 0) {
            m_chunkPos += written;
            budget -= written;
            continue;
        }
        // Full (or failed: QTcpSocket then reports the error as for any write).
        if (m_chunkPos > 0)
            m_chunk.remove(0, m_chunkPos);
        m_chunkPos = m_chunk.size();
        m_socket->write(m_chunk);
        break;
    }
    m_pumping = false;
    if (bodyPending() || m_finished)
        return;
    if (m_closing)
        closeAfterWrites();
    else
        processLines(); // pipelined commands waiting behind the body or the queued replies
}

// The grace for a CR last in the input is over: if nothing came after it, it ended its line.
void Pop3Connection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_delayTimer.timerId()) {
        sendDelayed();
        return;
    }
    if (event->timerId() != m_bareCrTimer.timerId())
        return QObject::timerEvent(event);
    m_bareCrTimer.stop();
    if (m_finished || !m_lines.waitsForLf())
        return;
    m_bareCrDue = true;
    processLines();
    m_bareCrDue = false;
}

void Pop3Connection::sendDelayed()
{
    m_delayTimer.stop();
    if (!m_delayed || m_finished)
        return;
    Pop3Session::Reply reply = std::move(*m_delayed);
    m_delayed.reset();
    m_lastActivity = QDateTime::currentMSecsSinceEpoch();
    send(std::move(reply));
    if (!bodyPending())
        m_socket->flush();
    if (!m_closing && !m_finished)
        processLines(); // the lines the client pipelined behind the failed login
}

void Pop3Connection::pumpLater()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

// Writes what the kernel takes now, without blocking; 0 when it takes nothing. Only called while
// QTcpSocket has nothing queued, so the bytes stay in order.
qint64 Pop3Connection::writeDirect(const char *data, qint64 size)
{
#ifdef Q_OS_UNIX
    if (!allowsDirectWrites(transportOf(m_socket)))
        return 0; // TLS: QSslSocket must encrypt every byte
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || m_socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    ssize_t written;
    do {
        written = ::send(int(fd), data, size_t(size), MSG_DONTWAIT | MSG_NOSIGNAL);
    } while (written < 0 && errno == EINTR);
    return written > 0 ? qint64(written) : 0;
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
    return 0;
#endif
}

void Pop3Connection::dropBody()
{
    if (m_streamJob) {
        m_server->m_streamer->cancel(m_streamJob);
        m_streamJob = 0;
    }
    if (m_body) // not all written: what is still here or queued in the socket never went out
        m_body->reportCutShort(m_chunk.size() - m_chunkPos + m_socket->bytesToWrite());
    m_bulk = false;
    m_bulkHead.clear();
    m_body.reset();
    m_chunk.clear();
    m_chunkPos = 0;
}

void Pop3Connection::closeAfterWrites()
{
    switch (m_socket->state()) {
    case QAbstractSocket::ConnectedState:
        // TLS: everything encrypted first. QSslSocket closing with plaintext still queued
        // ("pending close") shuts the TLS session down from inside its own write loop, which
        // then goes on with the freed TLS state (a crash in Qt 6.4 after QUIT).
        if (m_ssl && m_ssl->mode() != QSslSocket::UnencryptedMode)
            m_ssl->flush();
        m_socket->disconnectFromHost(); // writes what is queued first, then disconnected
        break;
    case QAbstractSocket::ClosingState:
        break; // still writing what is queued: disconnected follows
    default:
        socketGone();
    }
}

void Pop3Connection::socketGone()
{
    if (m_finished)
        return;
    m_finished = true;
    dropBody();
    m_delayTimer.stop();
    m_delayed.reset();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_tlsError.isEmpty())
        m_session->end(DisconnectReason::Error,
            now,
            QStringLiteral("the TLS handshake failed: %1").arg(m_tlsError));
    else if (m_crashed)
        m_session->end(DisconnectReason::Error,
            now,
            QStringLiteral("the server process died (fault injected): its lock was not released"));
    else if (m_timedOut)
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
    // A reply held back by the slow-replies fault is the server's silence, not the client's.
    if (m_finished || m_delayed)
        return;
    if (bodyPending() || m_closing || m_socket->bytesToWrite() > 0) {
        // The client stopped reading: in the middle of a body (no -ERR can follow half a
        // message; the reply is reported as truncated), or with replies still queued, such as the
        // goodbye of an earlier timeout. The connection is cut, and the maildrop's lock released.
        dropBody();
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
    const bool cut = bodyPending(); // no status line may follow half a message
    dropBody();
    if (!m_closing) {
        Pop3Session::Reply goodbye = m_session->shutdown(QDateTime::currentMSecsSinceEpoch());
        if (!cut)
            send(std::move(goodbye));
    }
    m_socket->flush();
    m_socket->abort();
    socketGone();
}

void Pop3Connection::crash()
{
    if (m_finished)
        return;
    m_crashed = true;
    m_session->abandonLock();
    dropBody();
    m_socket->abort();
    socketGone();
}

void Pop3Connection::drop()
{
    if (m_finished)
        return;
    m_dropped = true;
    dropBody();
    m_socket->abort();
    socketGone();
}

} // namespace pop3
