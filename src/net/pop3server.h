#pragma once

#include "protocol/loginthrottle.h"
#include "protocol/personality.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <memory>
#include <optional>

class QSocketNotifier;
class QTcpServer;
class QTimer;

namespace pop3 {

class BodyStreamer;
class EventLog;
class FaultHook;
class MailboxAccess;
class Pop3Connection;
class Pop3Session;

// The listener: a QTcpServer on 127.0.0.1 (another address only when asked), one Pop3Session per
// connection, all in one event loop. Replies are written as the socket drains, so a slow or
// silent client never delays the others, and a large RETR is never held whole in memory.
class Pop3Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pop3Server)

public:
    struct Options
    {
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 1110;
        bool tryNextPorts = true; // when port is taken, the next free one (up to +50)
        int idleTimeoutSecs = 600; // RFC 1939 §3: at least 10 minutes
        // At most this many connections; fewer when the open-file limit would not hold them
        // (connectionCap()): those beyond are told "-ERR [SYS/TEMP] Too many connections".
        int maxConnections = 20000;
        // Large bodies (a RETR of BodyStreamer::threshold octets or more) are written by a worker
        // thread; off, every body streams from the event loop.
        bool bulkThread = true;
        // The kernel's send buffer per connection in octets (0: the system's own, autotuned). A
        // small one makes every large reply queue in the server, as on a slow link (tests).
        int sendBufferSize = 0;
        // Failed logins are answered after a growing delay (per connection and per source
        // address; the personality sets the base) and Dovecot's wait after [IN-USE] is kept. Off:
        // every reply at once (a teacher's demo, tests that are not about delays).
        bool loginDelays = true;
        // TLS: with a certificate and its key, STLS (RFC 2595) on the port above and, when
        // tlsPort >= 0, implicit TLS (POP3S, RFC 8314) on a second port (0: any free one). No
        // certificate: no TLS, and STLS answers -ERR.
        QSslCertificate certificate;
        QSslKey key;
        int tlsPort = -1;
        // Plain-text logins refused until TLS, and whether a client on this machine counts as
        // secure: the personality's choice unless set here (the teacher's).
        std::optional<bool> disablePlaintextAuth;
        std::optional<bool> localIsSecure;
    };

    Pop3Server(
        EventLog *log, MailboxAccess *store, Personality personality, QObject *parent = nullptr);
    ~Pop3Server() override;

    bool listen(const Options &options);

    QString errorString() const { return m_error; }

    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    // "127.0.0.1:1110"
    QString endpoint() const;

    // Whether the server has a certificate (STLS offered, the POP3S port open if asked for).
    bool hasTls() const { return !m_options.certificate.isNull(); }

    // The POP3S port, 0 when there is none.
    quint16 tlsPort() const;
    // "127.0.0.1:995", empty when there is no POP3S port.
    QString tlsEndpoint() const;
    // The certificate's SHA-256 fingerprint, "AB:CD:...", empty without TLS.
    QString tlsFingerprint() const;

    const Personality &personality() const { return *m_personality; }

    void setPersonality(Personality personality); // for sessions that start from now on
    void setIdleTimeout(int secs);

    // The fault-injection hook point (net/faulthook.h); nullptr: none. Not owned.
    void setFaultHook(FaultHook *hook) { m_faultHook = hook; }

    FaultHook *faultHook() const { return m_faultHook; }

    int idleTimeout() const { return m_options.idleTimeoutSecs; }

    int sessionCount() const { return int(m_connections.size()); }

    // The connections served at most: maxConnections, or fewer so that each can have two
    // descriptors (its socket, a message file) under the open-file limit at listen().
    int connectionCap() const { return m_connectionCap; }

    QList<const Pop3Session *> sessions() const;
    const Pop3Session *session(int id) const;
    // Cuts a session's connection as a network fault would: no QUIT, nothing committed.
    bool dropSession(int id);
    // The server process dies, as far as its clients can tell (a fault injected): every connection
    // is cut at once and no session releases its maildrop lock; the ids of the sessions cut are
    // returned. Listening is stopListening()'s (Lab::crashServer does both).
    QList<int> crash();
    // Stops listening, as a server that died (a crash): its port refuses connections. The
    // connections are left as they are (crash() cuts them). listenAgain() listens on the same
    // address and ports again, as the server started again would.
    void stopListening();
    bool listenAgain();

    EventLog *log() const { return m_log; }

    MailboxAccess *store() const { return m_store; }

    // Says goodbye to every session (no commit), closes the listener.
    void shutdown();

    // The worker thread for large bodies, started on first use; null when options say no or it
    // can't run here.
    BodyStreamer *bodyStreamer();

signals:
    void sessionStarted(int id);
    void sessionEnded(int id);
    void sessionCountChanged(int count);

private:
    void startAccepting();
    QSocketNotifier *acceptOn(QTcpServer *listener, bool tls);
    void acceptReady(QTcpServer *listener, bool tls);
    void serve(int descriptor, bool tls);
    void refuseOneWhenExhausted(QTcpServer *listener, bool tls);
    void pauseAccepting();
    void resumeAccepting();
    void sweepIdle();
    void connectionFinished(Pop3Connection *connection);

    EventLog *m_log;
    MailboxAccess *m_store;
    FaultHook *m_faultHook = nullptr;
    // Shared with the sessions started under it: a switch makes a new one, so a session keeps
    // the wording it greeted with (lesson 6: "only sessions opened from now on").
    std::shared_ptr<const Personality> m_personality;
    Options m_options;
    LoginThrottle m_throttle; // failed logins per source address, shared by all connections
    QTcpServer *m_tcp; // listens; the accepting is ours (acceptReady)
    QSocketNotifier *m_acceptNotifier = nullptr;
    QTcpServer *m_tlsTcp; // POP3S, when asked for
    QSocketNotifier *m_tlsAcceptNotifier = nullptr;
    QSslConfiguration m_tlsConfig;
    QTimer *m_idleTimer;
    QTimer *m_resumeTimer; // accepting paused when descriptors ran out: try again soon
    int m_spareDescriptor = -1; // given up when descriptors run out, to answer one client
    int m_connectionCap = 0;
    QSet<Pop3Connection *> m_finishing; // finished, their queued connectionFinished to come
    quint16 m_stoppedPort = 0; // the port it listened on, while stopped
    bool m_exhaustionNoted = false;
    QString m_error;
    QList<Pop3Connection *> m_connections;
    std::unique_ptr<BodyStreamer> m_streamer; // outlives the connections (deleted in shutdown())
    bool m_streamerTried = false;
    friend class Pop3Connection;
};

// Raises this process's open-file limit to the hard limit; returns the new soft limit.
long raiseOpenFileLimit();

// For the calling thread: a short time slice (Linux 6.12 and later, EEVDF's custom slice), so the
// thread preempts the running task as soon as it wakes instead of waiting for the end of that
// task's slice, and a nice value (by default the one it has). The server's event loop asks for
// 0.1 ms: another client's command is answered while a large body streams on a saturated machine.
// Older kernels ignore the slice. False when refused (then only the nice value is set).
bool tuneThreadScheduling(int sliceMicroseconds, std::optional<int> nice = std::nullopt);

} // namespace pop3
