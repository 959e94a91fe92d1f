#include "app/terminal/terminalsession.h"

#include "events/eventlog.h"
#include "lab/lab.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace {

constexpr qsizetype maxQueuedLines = 100000;

// The built-in server's reason for ending a session (the id in its Disconnected event), in words.
QString serverReasonWords(const QString &id)
{
    using R = pop3::DisconnectReason;
    if (id == pop3::disconnectReasonName(R::IdleTimeout))
        return TerminalSession::tr("autologout: the session was idle too long");
    if (id == pop3::disconnectReasonName(R::TooManyErrors))
        return TerminalSession::tr("too many bad commands");
    if (id == pop3::disconnectReasonName(R::ServerShutdown))
        return TerminalSession::tr("the server was shut down");
    if (id == pop3::disconnectReasonName(R::Error))
        return TerminalSession::tr("a network error on the server's side");
    // Said inside "The server cut the connection without a QUIT (…)": not "dropped" again.
    return TerminalSession::tr("no reason given");
}

} // namespace

TerminalSession::TerminalSession(
    const ConnectionSettings &settings, pop3::Lab *lab, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_lab(lab)
    , m_socket(new QSslSocket(this))
    , m_tap(new WireTap(this))
    , m_builtin(lab->isBuiltinServer(settings.host, settings.port))
    , m_tracker(m_builtin ? nullptr : lab->log())
{
    connect(m_socket, &QTcpSocket::connected, this, &TerminalSession::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TerminalSession::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &TerminalSession::onRemoteClosed);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        onSocketError(error, m_socket->errorString());
    });
    connect(m_tap, &WireTap::ready, this, &TerminalSession::onTapReady);
    connect(m_tap, &WireTap::failed, this, &TerminalSession::onSocketError);
    connect(m_tap,
        &WireTap::captured,
        this,
        [this](WireTap::Direction direction, const QByteArray &bytes) {
            m_capture.add(direction, bytes);
            emit captureChanged();
        });
    connect(m_socket, &QSslSocket::sslErrors, this, &TerminalSession::onSslErrors);
    connect(m_socket, &QSslSocket::encrypted, this, &TerminalSession::onEncrypted);
    connect(lab->log(), &pop3::EventLog::eventAppended, this, &TerminalSession::watchEvent);
}

TerminalSession::~TerminalSession()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void TerminalSession::open()
{
    addNote(tr("Connecting to %1 (%2)...").arg(m_settings.endpoint(), m_settings.securityName()));
    m_tap->open(m_settings.host, m_settings.port);
}

void TerminalSession::onTapReady()
{
    // Through the tap; the certificate is still checked against the server's own name.
    const QString tap = QStringLiteral("127.0.0.1");
    m_socket->setPeerVerifyName(m_settings.host);
    if (m_settings.security == ConnectionSettings::Security::Tls) {
        trustBuiltinCertificate();
        m_socket->connectToHostEncrypted(tap, m_tap->listenPort(), m_settings.host);
    } else {
        m_socket->connectToHost(tap, m_tap->listenPort());
    }
}

void TerminalSession::onSocketError(QAbstractSocket::SocketError error, const QString &why)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        return;
    if (m_tracker.session() == 0 && !m_ended) {
        // Never connected: for another server the diagram says why, on its own lifeline.
        const pop3::DisconnectReason reason = error == QAbstractSocket::ConnectionRefusedError
            ? pop3::DisconnectReason::Refused
            : error == QAbstractSocket::HostNotFoundError ? pop3::DisconnectReason::HostNotFound
                                                          : pop3::DisconnectReason::Error;
        m_tracker.connectFailed(m_settings.endpoint(), reason, why);
    }
    onDisconnected(tr("Network error: %1").arg(why), pop3::DisconnectReason::Error);
}

bool TerminalSession::isEncrypted() const
{
    return isConnected() && m_socket->isEncrypted();
}

QString TerminalSession::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

void TerminalSession::trustBuiltinCertificate()
{
    // The built-in server's certificate is the window's own: trusted as a CA of one, so the
    // handshake checks it like any other (name, dates) without asking the student.
    const pop3::TlsIdentity *identity = m_builtin ? m_lab->tlsIdentity() : nullptr;
    if (!identity)
        return;
    QSslConfiguration configuration = m_socket->sslConfiguration();
    configuration.addCaCertificate(identity->certificate);
    m_socket->setSslConfiguration(configuration);
}

void TerminalSession::startTls()
{
    addNote(tr("The server said +OK to STLS: starting the TLS handshake..."));
    trustBuiltinCertificate();
    m_socket->startClientEncryption();
}

void TerminalSession::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    QStringList why;
    for (const QSslError &e : errors)
        why.append(e.errorString());
    addNote(tr("The server's certificate is not trusted: %1").arg(why.join(QStringLiteral("; "))));
    if (m_trustQuestion && m_trustQuestion(certificate, errors)) {
        m_userTrusted = true;
        addNote(tr("You chose to trust this certificate (SHA-256 %1) for this connection.")
                    .arg(fingerprint(certificate)));
        m_socket->ignoreSslErrors(errors);
        return;
    }
    // The handshake fails when this returns and the socket closes: the student's choice.
    m_userClosed = true;
    addNote(tr("You did not trust this certificate: the connection is dropped."));
}

void TerminalSession::onEncrypted()
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    const QSslCipher cipher = m_socket->sessionCipher();
    const QString date = QStringLiteral("yyyy-MM-dd");
    QStringList block;
    block << tr("TLS is on: from here an eavesdropper sees only encrypted records.")
          << tr("Certificate: %1")
                 .arg(certificate.subjectDisplayName().isEmpty()
                         ? certificate.subjectInfo(QSslCertificate::CommonName)
                               .join(QStringLiteral(", "))
                         : certificate.subjectDisplayName())
          << tr("SHA-256 fingerprint: %1").arg(fingerprint(certificate))
          << tr("Valid from %1 to %2")
                 .arg(certificate.effectiveDate().toUTC().toString(date),
                     certificate.expiryDate().toUTC().toString(date))
          << tr("Protocol: %1, cipher: %2").arg(cipher.protocolString(), cipher.name());
    if (m_builtin && m_lab->tlsIdentity() && !m_userTrusted)
        block << tr("Trusted automatically: this is the built-in server's own certificate, "
                    "which the window knows (its fingerprint is the one above).");
    for (const QString &line : std::as_const(block))
        addNote(line);
}

void TerminalSession::close()
{
    if (m_ended)
        return;
    m_userClosed = true;
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        m_tap->close();
        onDisconnected(tr("Connection closed."), pop3::DisconnectReason::PeerClosed);
    } else
        m_socket->disconnectFromHost();
}

bool TerminalSession::isConnected() const
{
    return !m_ended && m_socket->state() == QAbstractSocket::ConnectedState;
}

void TerminalSession::onConnected()
{
    // The server sees the tap's side of the connection: that is the session's endpoint.
    m_tap->pair(m_socket->localPort());
    m_local = m_tap->upstreamLocal();
    const QString server = m_tap->upstreamPeer();
    addNote(tr("Connected to %1.").arg(server));
    m_tracker.connected(m_local, server, m_settings.endpoint());
    if (!m_builtin) {
        m_sessionId = m_tracker.session();
        emit sessionIdentified(m_sessionId);
    } else {
        // The server may have logged our connection before this signal reached us.
        pop3::EventLog *log = m_lab->log();
        for (quint64 seq = log->lastSeq(); seq >= log->firstSeq() && seq > 0 && m_sessionId == 0;
             --seq) {
            const pop3::Event *e = log->find(seq);
            if (e && e->kind == pop3::EventKind::Connected && e->text == m_local) {
                m_sessionId = e->session;
                for (quint64 s = seq; s <= log->lastSeq(); ++s) {
                    if (const pop3::Event *later = log->find(s);
                        later && later->session == m_sessionId) {
                        if (later->kind == pop3::EventKind::ClientLine)
                            m_clientLineSeqs.append(later->seq);
                        else if (later->kind == pop3::EventKind::ServerReply)
                            m_replySeqs.append(later->seq);
                    }
                }
                emit sessionIdentified(m_sessionId);
            }
            if (seq + 200 < log->lastSeq())
                break; // it is recent or it is not there yet
        }
    }
    emit connectedChanged(true);
}

void TerminalSession::onRemoteClosed()
{
    if (m_userClosed) {
        onDisconnected(tr("Connection closed."), pop3::DisconnectReason::PeerClosed);
        return;
    }
    while (m_socket->bytesAvailable() > 0)
        onReadyRead(); // the +OK to QUIT may still be waiting
    if (m_tracker.quitAcknowledged()) {
        onDisconnected(
            tr("Connection closed by the server after QUIT."), pop3::DisconnectReason::Quit);
        return;
    }
    if (m_tracker.quitRefused()) {
        // QUIT was sent and answered -ERR: the UPDATE failed, perhaps half-way. The server closes
        // after QUIT all the same; saying it cut us off "without a QUIT" would be false.
        // The built-in server writes a journal first, so it can say what happens next.
        onDisconnected(m_builtin
                ? tr("Connection closed by the server after QUIT, but the commit failed (see the "
                     "-ERR above): it stopped half-way, so some marked messages are already "
                     "gone. The server's journal lists them all: the next login finishes the "
                     "commit.")
                : tr("Connection closed by the server after QUIT, but the commit failed (see the "
                     "-ERR above): some messages marked with DELE may not have been removed."),
            pop3::DisconnectReason::Error);
        return;
    }
    // The built-in server refused the login with [IN-USE] and closed on purpose, as Dovecot
    // does: no cut, and nothing was marked (the session never left AUTHORIZATION).
    if (m_serverReasonId == pop3::disconnectReasonName(pop3::DisconnectReason::MailboxInUse)) {
        onDisconnected(tr("Connection closed by the server after -ERR [IN-USE]: another session "
                          "holds the mailbox's lock. Once it has quit, press Enter to log in "
                          "again."),
            pop3::DisconnectReason::MailboxInUse);
        return;
    }
    // No QUIT: the server crashed, was stopped, timed out or cut us off. The built-in server
    // says why in its own events.
    // Marked messages are only mentioned when some were marked: after a refused login there
    // is nothing to keep, and saying "nothing marked was deleted" would suggest otherwise.
    const int marks = int(m_tracker.marks().size());
    QString why = m_serverReason.isEmpty()
        ? tr("The server cut the connection without a QUIT (it crashed, was stopped or dropped "
             "the connection).")
        : tr("The server cut the connection without a QUIT (%1).").arg(m_serverReason);
    if (marks > 0)
        why += QLatin1Char(' ')
            + tr("The %n message(s) marked with DELE were not deleted.", nullptr, marks);
    onDisconnected(why, pop3::DisconnectReason::Error);
}

void TerminalSession::watchEvent(const pop3::Event &event)
{
    if (m_sessionId == 0) {
        if (m_builtin && event.kind == pop3::EventKind::Connected && !m_local.isEmpty()
            && event.text == m_local) {
            m_sessionId = event.session;
            emit sessionIdentified(m_sessionId);
        }
        return;
    }
    // Faults › Kill the Server: its note comes just before the cut, which then is no "network
    // error" but the server's death, told as such.
    if (m_builtin && event.kind == pop3::EventKind::Note
        && event.note == pop3::NoteKind::FaultServerCrashed) {
        m_serverKilled = true;
        return;
    }
    if (event.session != m_sessionId)
        return;
    // Faults › Drop This Connection Now: the server aborts the socket on purpose, which its
    // Disconnected event calls an error; the student is told who did it, not "a network error".
    if (m_builtin && event.kind == pop3::EventKind::Note
        && event.note == pop3::NoteKind::FaultDropped) {
        m_droppedByTeacher = true;
        return;
    }
    if (event.kind == pop3::EventKind::ClientLine)
        m_clientLineSeqs.append(event.seq);
    else if (event.kind == pop3::EventKind::ServerReply)
        m_replySeqs.append(event.seq);
    else if (event.kind == pop3::EventKind::Disconnected && m_builtin) {
        m_serverReasonId = event.text;
        m_serverReason = m_serverKilled
            ? tr("the server was killed (Faults › Kill the Server), leaving its lock file")
            : m_droppedByTeacher
            ? tr("the teacher dropped this connection (Faults › Drop This Connection Now): the "
                 "server closed it on purpose, as a network fault would; its lock is released")
            : serverReasonWords(event.text);
    }
}

void TerminalSession::onReadyRead()
{
    // A bounded bite per turn of the event loop: a 50 MB RETR is read while the window repaints.
    m_readScheduled = false;
    const QByteArray bytes = m_socket->read(readChunk);
    if (m_socket->bytesAvailable() > 0 && !m_readScheduled) {
        m_readScheduled = true;
        QTimer::singleShot(0, this, &TerminalSession::onReadyRead);
    }
    if (bytes.isEmpty())
        return;
    m_transcript.addReceived(bytes);
    const QList<pop3::ClientTracker::ServerLine> lines = m_tracker.serverBytes(bytes);
    using Role = pop3::ClientTracker::LineRole;
    bool upgrade = false;
    for (const pop3::ClientTracker::ServerLine &l : lines) {
        Line line;
        line.bytes = l.bytes;
        line.ok = l.ok;
        line.stuffed = l.stuffed;
        switch (l.role) {
        case Role::Status:
            line.kind = Line::Kind::Status;
            line.ordinal = m_replyCount++;
            if (m_stlsAsked) {
                m_stlsAsked = false;
                upgrade = l.ok;
            }
            emit replyReceived(l.bytes, l.ok);
            break;
        case Role::Continuation:
            line.kind = Line::Kind::Continuation;
            line.ordinal = m_replyCount++;
            emit replyReceived(l.bytes, true);
            break;
        case Role::Body:
            line.kind = Line::Kind::Body;
            line.ordinal = m_replyCount - 1;
            break;
        case Role::Terminator:
            line.kind = Line::Kind::Terminator;
            line.ordinal = m_replyCount - 1;
            break;
        }
        addLine(std::move(line));
    }
    if (lines.isEmpty() && !m_tracker.partialServerLine().isEmpty())
        emit linesAvailable(); // a prompt without a line ending yet
    if (upgrade) {
        if (m_settings.security == ConnectionSettings::Security::Stls)
            startTls();
        else
            addNote(tr("The server now waits for a TLS handshake, but this tab is %1: it cannot "
                       "start TLS. Open a new session with \"Raw + STLS\" to go on.")
                        .arg(m_settings.securityName()));
    }
}

void TerminalSession::onDisconnected(const QString &why, pop3::DisconnectReason reason)
{
    if (m_ended)
        return;
    m_ended = true;
    while (m_socket->bytesAvailable() > 0)
        onReadyRead();
    const QByteArray partial = m_tracker.partialServerLine();
    if (!partial.isEmpty()) {
        Line line;
        line.kind = Line::Kind::Body;
        line.bytes = partial;
        line.ordinal = m_replyCount - 1;
        addLine(line);
    }
    const bool clean = m_tracker.quitAcknowledged();
    m_ending = m_userClosed ? Ending::UserClosed
        // After a QUIT answered -ERR the server closed as after any QUIT: not a cut.
        : clean || m_tracker.quitRefused()               ? Ending::Quit
        : m_local.isEmpty()                              ? Ending::Failed
        : reason == pop3::DisconnectReason::MailboxInUse ? Ending::InUse
                                                         : Ending::Cut;
    m_tracker.disconnected(clean ? pop3::DisconnectReason::Quit : reason, why);
    addNote(why);
    emit connectedChanged(false);
    emit ended(clean);
}

void TerminalSession::send(const QByteArray &bytes)
{
    if (!isConnected())
        return;
    m_transcript.addSent(bytes);
    m_tracker.clientBytes(bytes);
    m_socket->write(bytes);
    // Spot STLS: its +OK is the moment to start the handshake.
    m_sentLine += bytes;
    while (true) {
        const qsizetype end = m_sentLine.indexOf('\n');
        if (end < 0)
            break;
        const QByteArray line = m_sentLine.left(end).trimmed().toUpper();
        m_sentLine.remove(0, end + 1);
        if (line == "STLS" && !m_socket->isEncrypted())
            m_stlsAsked = true;
    }
}

void TerminalSession::sendLine(const QString &text)
{
    if (!isConnected())
        return;
    const QByteArray bytes = text.toUtf8() + m_settings.lineEndingBytes();
    Line line;
    line.kind = Line::Kind::Sent;
    line.bytes = bytes;
    line.ordinal = m_sentCount++;
    addLine(line);
    send(bytes);
}

void TerminalSession::sendKey(const QByteArray &bytes)
{
    if (!isConnected())
        return;
    if (bytes.endsWith('\n'))
        ++m_sentCount;
    Line line;
    line.kind = Line::Kind::SentBytes;
    line.bytes = bytes;
    addLine(line);
    send(bytes);
}

void TerminalSession::addLine(Line line)
{
    m_lines.append(std::move(line));
    if (m_lines.size() > maxQueuedLines) {
        const qsizetype excess = m_lines.size() - maxQueuedLines / 2;
        m_lines.remove(0, excess);
        m_skipped += excess;
    }
    emit linesAvailable();
}

void TerminalSession::addNote(const QString &text)
{
    m_transcript.addNote(text);
    Line line;
    line.kind = Line::Kind::Note;
    line.bytes = text.toUtf8();
    addLine(line);
}

QList<TerminalSession::Line> TerminalSession::takeLines(qsizetype max, qsizetype *skipped)
{
    QList<Line> lines;
    lines.swap(m_lines);
    qsizetype dropped = m_skipped;
    m_skipped = 0;
    if (lines.size() > max) {
        dropped += lines.size() - max;
        lines.remove(0, lines.size() - max);
    }
    if (skipped)
        *skipped = dropped;
    return lines;
}

quint64 TerminalSession::clientLineSeq(int ordinal) const
{
    return ordinal >= 0 && ordinal < m_clientLineSeqs.size() ? m_clientLineSeqs.at(ordinal) : 0;
}

quint64 TerminalSession::replySeq(int ordinal) const
{
    return ordinal >= 0 && ordinal < m_replySeqs.size() ? m_replySeqs.at(ordinal) : 0;
}
