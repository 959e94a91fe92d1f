#pragma once

#include "protocol/linesplitter.h"
#include "protocol/pop3session.h"

#include <QBasicTimer>
#include <QObject>

#include <memory>
#include <optional>

class QSslSocket;
class QTcpSocket;

namespace pop3 {

class Pop3Server;
class ReplyBody;

// One TCP connection of Pop3Server: splits the input into lines (answering pipelined commands in
// order), feeds them to its Pop3Session and streams the replies out as the socket drains. With a
// certificate the socket is a QSslSocket: plain until STLS (or encrypted from the start on the
// POP3S port); the transport seam (net/transport.h) keeps direct writes and the body worker off
// it once TLS begins.
class Pop3Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pop3Connection)

public:
    Pop3Connection(Pop3Server *server, QTcpSocket *socket, std::unique_ptr<Pop3Session> session);
    ~Pop3Connection() override;

    // The greeting; on the POP3S port (implicitTls) the handshake starts first and the greeting
    // waits, queued in QSslSocket, until it completes.
    void start(bool implicitTls = false);

    Pop3Session *session() const { return m_session.get(); }

    // The last complete line received or octet sent (a body written by the worker thread
    // counts); a partial line does not.
    qint64 lastActivityMs() const;

    void timeOut();
    void shutdown();
    void drop();
    // The server process "dies": the connection is cut and the session ends without releasing
    // its maildrop lock (a fault injected: the lock file stays behind, stale).
    void crash();

    // Lines longer than this are not buffered: the rest is discarded and the line refused.
    static constexpr qsizetype maxBufferedLine = LineSplitter::maxBufferedLine;
    // Replies queued in the socket before the next commands wait for it to drain.
    static constexpr qint64 highWater = 64 * 1024;
    // A body is produced this much at a time into one reused buffer.
    static constexpr qint64 chunkSize = 64 * 1024;
    // Body octets written per event-loop turn: then the other connections get their turn.
    static constexpr qint64 turnBudget = 64 * 1024;
    // Received octets the socket buffers before the server stops reading from the kernel.
    static constexpr qint64 maxReadBuffer = 64 * 1024;
    // Pipelined lines told to the session (LineQueued events) ahead of the one answered.
    static constexpr int maxAnnounced = 64;
    // How long a CR last in the input waits for its LF before it ends the line by itself.
    static constexpr int bareCrGraceMs = 250;

signals:
    void finished(pop3::Pop3Connection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void readInput();
    void processLines();
    bool pullInput(); // appends what the socket has buffered to m_lines; false if nothing
    // Tells the session about the complete lines waiting behind the one being answered (at most
    // maxAnnounced ahead), each once.
    void announceQueued();
    void send(Pop3Session::Reply reply);
    void sendDelayed();
    // send() now, or after the fault hook's delay (the next lines wait behind it).
    void answer(Pop3Session::Reply reply);
    void pump();
    void pumpLater();
    // STLS accepted: the +OK in clear, the input behind it discarded, then the handshake.
    void beginTls(const QByteArray &okLine);
    void tlsReady();
    // Octets queued and not yet on the wire (with TLS: plaintext and encrypted records).
    qint64 queuedOctets() const;

    bool bodyPending() const { return m_body || m_chunkPos < m_chunk.size() || m_streamJob; }

    void startStreamJob();
    void streamJobDone(bool complete);
    qint64 writeDirect(const char *data, qint64 size);
    void dropBody();
    void closeAfterWrites();
    void socketGone();

    Pop3Server *m_server;
    QTcpSocket *m_socket;
    QSslSocket *m_ssl; // m_socket when the server has a certificate, else null
    std::unique_ptr<Pop3Session> m_session;
    std::unique_ptr<ReplyBody> m_body;
    QByteArray m_chunk; // the part of the body being written, from m_chunkPos on
    qsizetype m_chunkPos = 0;
    QByteArray m_bulkHead; // the status line of a body waiting for the worker thread
    bool m_bulk = false; // m_body goes to the worker once the socket's queue is empty
    quint64 m_streamJob = 0; // the worker thread is writing the body
    LineSplitter m_lines; // the input not yet answered, cut into lines
    int m_announced = 0; // complete lines at the front of m_lines already told as queued
    QBasicTimer m_bareCrTimer; // a CR last in the input: its LF may still come
    // A reply held back (a failed login's delay, the slow-replies fault): nothing more is read
    // meanwhile.
    QBasicTimer m_delayTimer;
    std::optional<Pop3Session::Reply> m_delayed;
    bool m_bareCrDue = false; // it did not: the CR ends the line
    qint64 m_lastActivity = 0;
    bool m_closing = false;
    bool m_finished = false;
    bool m_dropped = false;
    bool m_crashed = false;
    bool m_timedOut = false;
    bool m_handshaking = false; // no line is read until the TLS handshake completes
    QString m_tlsError; // the handshake failed: why
    bool m_processing = false;
    bool m_processAgain = false;
    bool m_pumping = false;
    bool m_pumpQueued = false;
};

} // namespace pop3
