#pragma once

#include "core/pop3session.h"

#include <QObject>

#include <memory>

class QTcpSocket;

namespace pop3 {

class Pop3Server;
class ReplyBody;

// One TCP connection of Pop3Server: splits the input into lines (answering pipelined commands in
// order), feeds them to its Pop3Session and streams the replies out as the socket drains.
class Pop3Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pop3Connection)

public:
    Pop3Connection(Pop3Server *server, QTcpSocket *socket, std::unique_ptr<Pop3Session> session);
    ~Pop3Connection() override;

    void start();

    Pop3Session *session() const { return m_session.get(); }

    qint64 lastActivityMs() const { return m_lastActivity; }

    void timeOut();
    void shutdown();
    void drop();

    // Lines longer than this are not buffered: the rest is discarded and the line refused.
    static constexpr qsizetype maxBufferedLine = 8192;
    // Body bytes queued in the socket before waiting for it to drain.
    static constexpr qint64 highWater = 64 * 1024;
    // Received octets the socket buffers before the server stops reading from the kernel.
    static constexpr qint64 maxReadBuffer = 64 * 1024;

signals:
    void finished(pop3::Pop3Connection *connection);

private:
    void readInput();
    void processLines();
    bool pullInput(); // appends what the socket has buffered to m_input; false if nothing
    void send(Pop3Session::Reply reply);
    void pump();
    void closeAfterWrites();
    void socketGone();

    Pop3Server *m_server;
    QTcpSocket *m_socket;
    std::unique_ptr<Pop3Session> m_session;
    std::unique_ptr<ReplyBody> m_body;
    QByteArray m_input;
    qsizetype m_inputPos = 0;
    QByteArray m_overlongStart;
    qint64 m_overlongLength = -1; // >= 0 while discarding an overlong line
    qint64 m_lastActivity = 0;
    bool m_closing = false;
    bool m_finished = false;
    bool m_dropped = false;
    bool m_timedOut = false;
    bool m_processing = false;
    bool m_processAgain = false;
};

} // namespace pop3
