#include "net/pop3server.h"

#include "events/eventlog.h"
#include "net/bodystreamer.h"
#include "net/pop3connection.h"
#include "protocol/pop3session.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace pop3 {

namespace {

QString endpointOf(const QHostAddress &address, quint16 port)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    const QString host = isV4 ? QHostAddress(v4).toString()
        : address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
        : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

} // namespace

long raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return long(limit.rlim_cur);
}

bool tuneThreadScheduling(int sliceMicroseconds, std::optional<int> nice)
{
#ifdef Q_OS_LINUX
    const auto tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    const int wanted = nice.value_or(errno == 0 ? current : 0);

    struct SchedAttr // struct sched_attr of <linux/sched/types.h>; glibc 2.36 has no wrapper
    {
        quint32 size;
        quint32 policy;
        quint64 flags;
        qint32 nice;
        quint32 priority;
        quint64 runtime;
        quint64 deadline;
        quint64 period;
    };

    SchedAttr attr{};
    attr.size = sizeof attr;
    attr.policy = 0; // SCHED_OTHER
    attr.nice = wanted;
    attr.runtime = quint64(sliceMicroseconds) * 1000; // the slice, in ns
    if (syscall(SYS_sched_setattr, 0, &attr, 0) == 0)
        return true;
    if (nice)
        setpriority(PRIO_PROCESS, tid, *nice);
#else
    Q_UNUSED(sliceMicroseconds);
    Q_UNUSED(nice);
#endif
    return false;
}

Pop3Server::Pop3Server(
    EventLog *log, MailboxAccess *store, Personality personality, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_store(store)
    , m_personality(std::make_shared<const Personality>(std::move(personality)))
    , m_tcp(new QTcpServer(this))
    , m_tlsTcp(new QTcpServer(this))
    , m_idleTimer(new QTimer(this))
    , m_resumeTimer(new QTimer(this))
{
    connect(m_idleTimer, &QTimer::timeout, this, &Pop3Server::sweepIdle);
    m_resumeTimer->setSingleShot(true);
    connect(m_resumeTimer, &QTimer::timeout, this, &Pop3Server::resumeAccepting);
}

Pop3Server::~Pop3Server()
{
    shutdown();
}

BodyStreamer *Pop3Server::bodyStreamer()
{
    if (!m_options.bulkThread)
        return nullptr;
    if (!m_streamerTried) {
        m_streamerTried = true;
        m_streamer = std::make_unique<BodyStreamer>();
        if (!m_streamer->isRunning())
            m_streamer.reset();
    }
    return m_streamer.get();
}

bool Pop3Server::listen(const Options &options)
{
    m_options = options;
    m_tcp->setMaxPendingConnections(1024);
    // Qt's default kernel backlog is 50: a class connecting at once overflows it and the
    // dropped SYNs are retried only after 1 s, which is the slowest greeting a client sees.
    m_tcp->setListenBacklogSize(4096);
    m_tlsTcp->setListenBacklogSize(4096);
    if (hasTls()) {
        m_tlsConfig = QSslConfiguration::defaultConfiguration();
        m_tlsConfig.setLocalCertificate(options.certificate);
        m_tlsConfig.setPrivateKey(options.key);
        m_tlsConfig.setPeerVerifyMode(QSslSocket::VerifyNone); // clients show no certificate
        m_tlsConfig.setProtocol(QSsl::TlsV1_2OrLater); // RFC 8996: no TLS 1.0 or 1.1
    }
    const auto listenOn = [&options](QTcpServer *tcp, quint16 first) {
        const int attempts = options.tryNextPorts && first != 0 ? 50 : 1;
        for (int i = 0; i < attempts; ++i) {
            if (tcp->listen(options.address, quint16(first + i)))
                return true;
            if (tcp->serverError() != QAbstractSocket::AddressInUseError)
                break;
        }
        return false;
    };
    if (!listenOn(m_tcp, options.port)) {
        m_error = QStringLiteral("cannot listen on %1: %2")
                      .arg(endpointOf(options.address, options.port), m_tcp->errorString());
        return false;
    }
    if (options.tlsPort >= 0) {
        if (!hasTls()) {
            m_error = QStringLiteral("a POP3S port needs a certificate and its key");
            m_tcp->close();
            return false;
        }
        if (!listenOn(m_tlsTcp, quint16(options.tlsPort))) {
            m_error = QStringLiteral("cannot listen on %1: %2")
                          .arg(endpointOf(options.address, quint16(options.tlsPort)),
                              m_tlsTcp->errorString());
            m_tcp->close();
            return false;
        }
    }
    setIdleTimeout(options.idleTimeoutSecs);
    startAccepting();
    return true;
}

quint16 Pop3Server::tlsPort() const
{
    return m_tlsTcp->isListening() ? m_tlsTcp->serverPort() : 0;
}

QString Pop3Server::tlsEndpoint() const
{
    return m_tlsTcp->isListening() ? endpointOf(m_tlsTcp->serverAddress(), m_tlsTcp->serverPort())
                                   : QString();
}

QString Pop3Server::tlsFingerprint() const
{
    if (!hasTls())
        return {};
    return QString::fromLatin1(
        m_options.certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool Pop3Server::isListening() const
{
    return m_tcp->isListening();
}

QHostAddress Pop3Server::address() const
{
    return m_tcp->serverAddress();
}

quint16 Pop3Server::port() const
{
    // Stopped (a crash): still the port it listens on when it starts again.
    return m_tcp->isListening() ? m_tcp->serverPort() : m_stoppedPort;
}

QString Pop3Server::endpoint() const
{
    return endpointOf(address(), port());
}

void Pop3Server::setPersonality(Personality personality)
{
    m_personality = std::make_shared<const Personality>(std::move(personality));
    m_log->append(Event::makeNote(NoteKind::PersonalityChanged, m_personality->id));
}

void Pop3Server::setIdleTimeout(int secs)
{
    m_options.idleTimeoutSecs = secs;
    if (secs <= 0) {
        m_idleTimer->stop();
        return;
    }
    // Check often enough that a timeout fires within a tenth of its length (at most 1 s late).
    m_idleTimer->start(qBound(20, secs * 100, 1000));
}

QList<const Pop3Session *> Pop3Server::sessions() const
{
    QList<const Pop3Session *> list;
    for (const Pop3Connection *c : m_connections)
        list.append(c->session());
    return list;
}

const Pop3Session *Pop3Server::session(int id) const
{
    for (const Pop3Connection *c : m_connections) {
        if (c->session()->id() == id)
            return c->session();
    }
    return nullptr;
}

bool Pop3Server::dropSession(int id)
{
    for (Pop3Connection *c : m_connections) {
        if (c->session()->id() == id) {
            Event e = Event::makeNote(NoteKind::FaultDropped,
                QStringLiteral("connection cut by the server, as a network fault would"));
            e.session = id;
            m_log->append(e);
            c->drop();
            return true;
        }
    }
    return false;
}

QList<int> Pop3Server::crash()
{
    QList<int> ids;
    const QList<Pop3Connection *> connections = m_connections;
    for (Pop3Connection *c : connections) {
        ids.append(c->session()->id());
        c->crash();
    }
    return ids;
}

void Pop3Server::stopListening()
{
    if (!m_tcp->isListening())
        return;
    m_stoppedPort = m_tcp->serverPort();
    m_options.port = m_stoppedPort; // the same ports again, not the next free ones
    m_options.tryNextPorts = false;
    if (m_tlsTcp->isListening())
        m_options.tlsPort = m_tlsTcp->serverPort();
    delete m_acceptNotifier; // before its descriptor is closed
    m_acceptNotifier = nullptr;
    delete m_tlsAcceptNotifier;
    m_tlsAcceptNotifier = nullptr;
    m_resumeTimer->stop();
    m_tlsTcp->close();
    m_tcp->close();
}

bool Pop3Server::listenAgain()
{
    return m_tcp->isListening() || listen(m_options);
}

// QTcpServer accepts in a loop that, when descriptors run out (EMFILE is a "temporary" error
// to it), keeps the listening socket's notifier on and so spins the CPU for as long as a client
// waits. The server accepts itself instead: QTcpServer only listens.
void Pop3Server::startAccepting()
{
    rlimit limit{};
    const long files = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
        ? long(qMin<rlim_t>(limit.rlim_cur, 1 << 30))
        : 1 << 30;
    // Each connection may hold two descriptors (its socket and, during RETR, its message file);
    // 32 are left for the rest (event loop, lock and maildrop files, a trace, a window's own).
    m_connectionCap = int(qBound(1L, (files - 32) / 2, long(m_options.maxConnections)));
    if (m_spareDescriptor < 0)
        m_spareDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    m_acceptNotifier = acceptOn(m_tcp, false);
    if (m_tlsTcp->isListening())
        m_tlsAcceptNotifier = acceptOn(m_tlsTcp, true);
}

QSocketNotifier *Pop3Server::acceptOn(QTcpServer *listener, bool tls)
{
    listener->pauseAccepting();
    auto *notifier = new QSocketNotifier(listener->socketDescriptor(), QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this, listener, tls] {
        acceptReady(listener, tls);
    });
    return notifier;
}

void Pop3Server::acceptReady(QTcpServer *listener, bool tls)
{
    const int fdListener = int(listener->socketDescriptor());
    for (int batch = 0; batch < 256; ++batch) { // then the connections get their turn
        const int fd = ::accept4(fdListener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            serve(fd, tls);
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED:
        case EPROTO:
            continue;
        case EMFILE:
        case ENFILE:
        case ENOBUFS:
        case ENOMEM:
            refuseOneWhenExhausted(listener, tls);
            pauseAccepting();
            return;
        default: // EAGAIN: nobody is waiting any more
            return;
        }
    }
}

// No descriptor left: the spare one is given up for a moment, so that the client waiting first
// is answered and closed (instead of waiting in the backlog, unanswered), then taken back.
void Pop3Server::refuseOneWhenExhausted(QTcpServer *listener, bool tls)
{
    if (!m_exhaustionNoted) {
        m_exhaustionNoted = true;
        Event e = Event::makeNote(NoteKind::DescriptorsExhausted,
            QStringLiteral("no file descriptor left for a new connection (%1 open): new "
                           "clients are refused until some leave")
                .arg(m_connections.size()));
        m_log->append(e);
    }
    if (m_spareDescriptor < 0)
        return;
    ::close(m_spareDescriptor);
    m_spareDescriptor = -1;
    const int fd = ::accept4(int(listener->socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0 && !tls) { // a POP3S client would take a plain -ERR for a broken handshake
        static const char refusal[] = "-ERR [SYS/TEMP] Too many connections, try again later.\r\n";
        [[maybe_unused]] const ssize_t n =
            ::send(fd, refusal, sizeof refusal - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
    }
    if (fd >= 0)
        ::close(fd);
    m_spareDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

// Accepting stops until a connection ends or a moment passes: a client waiting in the backlog
// must not wake the loop again and again while nothing can be accepted.
void Pop3Server::pauseAccepting()
{
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(false);
    if (m_tlsAcceptNotifier)
        m_tlsAcceptNotifier->setEnabled(false);
    m_resumeTimer->start(100);
}

void Pop3Server::resumeAccepting()
{
    m_resumeTimer->stop();
    if (!m_acceptNotifier || m_acceptNotifier->isEnabled())
        return;
    if (m_spareDescriptor < 0)
        m_spareDescriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    m_acceptNotifier->setEnabled(true); // level-triggered: wakes now if a client waits
    if (m_tlsAcceptNotifier)
        m_tlsAcceptNotifier->setEnabled(true);
}

void Pop3Server::serve(int descriptor, bool tls)
{
    // With a certificate every connection may become TLS (STLS): a QSslSocket, plain until then.
    QSslSocket *ssl = hasTls() ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = ssl ? ssl : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(descriptor);
        delete socket;
        return;
    }
    if (ssl)
        ssl->setSslConfiguration(m_tlsConfig);
    // Connections whose client has gone still count until their queued connectionFinished:
    // not against a newcomer (seen with the epoll loop, which wakes for the listener in the same
    // turn as for the 48 goodbyes of a full server: the next client was refused, full still).
    if (m_connections.size() - m_finishing.size() >= m_connectionCap) {
        socket->write("-ERR [SYS/TEMP] Too many connections, try again later.\r\n");
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    m_exhaustionNoted = false;
    Pop3Session::Peer peer;
    peer.remote = endpointOf(socket->peerAddress(), socket->peerPort());
    peer.local = endpointOf(socket->localAddress(), socket->localPort());
    bool isV4 = false;
    const quint32 v4 = socket->localAddress().toIPv4Address(&isV4);
    peer.serverHost = isV4 ? QHostAddress(v4).toString() : socket->localAddress().toString();
    peer.tlsAvailable = ssl != nullptr;
    peer.tls = tls;
    peer.onThisMachine = socket->peerAddress().isLoopback()
        || socket->peerAddress().isEqual(socket->localAddress(), QHostAddress::TolerantConversion);
    auto session =
        std::make_unique<Pop3Session>(m_log, m_store, m_personality, m_log->newSessionId(), peer);
    session->setLoginThrottle(&m_throttle);
    session->setLoginDelays(m_options.loginDelays);
    session->setPlaintextAuthDisabled(
        // The personality's default only where TLS is there to log in with; the teacher's
        // explicit choice always (APOP, CRAM-MD5 and SCRAM-SHA-256 still work without TLS).
        m_options.disablePlaintextAuth.value_or(m_personality->disablePlaintextAuth && hasTls()),
        m_options.localIsSecure.value_or(m_personality->localIsSecure));
    auto *connection = new Pop3Connection(this, socket, std::move(session));
    connect(connection, &Pop3Connection::finished, this, [this](Pop3Connection *c) {
        m_finishing.insert(c);
    });
    connect(connection,
        &Pop3Connection::finished,
        this,
        &Pop3Server::connectionFinished,
        Qt::QueuedConnection);
    m_connections.append(connection);
    const int id = connection->session()->id();
    connection->start(tls);
    emit sessionStarted(id);
    emit sessionCountChanged(sessionCount());
}

void Pop3Server::connectionFinished(Pop3Connection *connection)
{
    m_finishing.remove(connection);
    if (!m_connections.removeOne(connection))
        return;
    const int id = connection->session()->id();
    connection->deleteLater();
    emit sessionEnded(id);
    emit sessionCountChanged(sessionCount());
    if (m_resumeTimer->isActive()) // a descriptor is free again (once the socket is deleted)
        QTimer::singleShot(0, this, &Pop3Server::resumeAccepting);
}

void Pop3Server::sweepIdle()
{
    if (m_options.idleTimeoutSecs <= 0)
        return;
    const qint64 limit =
        QDateTime::currentMSecsSinceEpoch() - qint64(m_options.idleTimeoutSecs) * 1000;
    const QList<Pop3Connection *> connections = m_connections;
    for (Pop3Connection *c : connections) {
        if (c->lastActivityMs() < limit)
            c->timeOut();
    }
}

void Pop3Server::shutdown()
{
    delete m_acceptNotifier; // before its descriptor is closed
    m_acceptNotifier = nullptr;
    delete m_tlsAcceptNotifier;
    m_tlsAcceptNotifier = nullptr;
    m_tlsTcp->close();
    m_resumeTimer->stop();
    if (m_spareDescriptor >= 0)
        ::close(m_spareDescriptor);
    m_spareDescriptor = -1;
    m_tcp->close();
    m_idleTimer->stop();
    const QList<Pop3Connection *> connections = m_connections;
    m_connections.clear();
    m_finishing.clear();
    for (Pop3Connection *c : connections) {
        c->shutdown();
        delete c;
    }
}

} // namespace pop3
