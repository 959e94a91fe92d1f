#pragma once

#include "app/terminal/connectionsettings.h"
#include "app/terminal/transcript.h"
#include "app/terminal/wirecapture.h"
#include "protocol/clienttracker.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>

#include <functional>

class QSslSocket;

namespace pop3 {
class Lab;
struct Event;
} // namespace pop3

// One terminal tab's connection, without any widget: a real QTcpSocket (to the built-in server
// over 127.0.0.1, as telnet would, or to any host:port), what was sent and received, and the
// received text cut into classified lines for the view. It also finds its session in the event
// stream: for the built-in server by its local port in the server's "connected" event (those
// events are authoritative), for another server through a ClientTracker that appends them.
class TerminalSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSession)

public:
    // One line for the view.
    struct Line
    {
        enum class Kind {
            Sent, // local echo of a line sent (line-editing mode)
            SentBytes, // keys sent one at a time (shown only with control characters)
            Status, // +OK / -ERR
            Continuation, // "+ " during AUTH
            Body, // a line of a multi-line reply
            Terminator, // "."
            Note, // the terminal's own words (connected, closed...)
        };
        Kind kind = Kind::Note;
        QByteArray bytes; // line ending included; UTF-8 text for Note
        bool ok = false;
        bool stuffed = false;
        int ordinal = -1; // Sent: nth line sent; Status/Continuation/Body/Terminator: nth reply
        bool history = false; // an ended session's, kept above a restart (no diagram link)
    };

    TerminalSession(const ConnectionSettings &settings, pop3::Lab *lab, QObject *parent = nullptr);
    ~TerminalSession() override;

    void open();
    void close(); // the user closes the connection
    bool isConnected() const;
    // TLS is on (after STLS's +OK and the handshake, or from the start).
    bool isEncrypted() const;

    // Asked when the server's certificate is not trusted (self-signed, another name, expired):
    // true continues the handshake, false drops the connection. Without a question the
    // certificate is refused: it is never accepted silently.
    using TrustQuestion =
        std::function<bool(const QSslCertificate &certificate, const QList<QSslError> &errors)>;

    void setTrustQuestion(TrustQuestion question) { m_trustQuestion = std::move(question); }

    // "AB:CD:..." (SHA-256 of the DER, as openssl x509 -fingerprint -sha256 prints it)
    static QString fingerprint(const QSslCertificate &certificate);

    bool hasEnded() const { return m_ended; }

    bool endedCleanly() const { return m_ended && m_tracker.quitAcknowledged(); }

    // How the connection ended, for the tab: the user closed it, the server closed it after
    // QUIT, or it was cut (a crash, an abort, a timeout, a network error).
    enum class Ending {
        None, // still open
        UserClosed,
        Quit,
        Cut,
        Failed, // never connected (refused, host not found)
        InUse, // the server closed it on purpose after -ERR [IN-USE] (as Dovecot does)
    };

    Ending ending() const { return m_ending; }

    // The messages DELE marked that QUIT has not committed yet (what closing now would lose).
    int pendingMarks() const { return isConnected() ? int(m_tracker.marks().size()) : 0; }

    const ConnectionSettings &settings() const { return m_settings; }

    bool isBuiltin() const { return m_builtin; }

    int sessionId() const { return m_sessionId; }

    QString localEndpoint() const { return m_local; }

    // Line-editing mode: sends text plus the line ending.
    void sendLine(const QString &text);
    // Windows-telnet mode: sends the bytes of one key at once.
    void sendKey(const QByteArray &bytes);

    const Transcript &transcript() const { return m_transcript; }

    // The bytes that crossed the connection, as an eavesdropper on the path sees them (the tab
    // talks through a WireTap relay on 127.0.0.1).
    const WireCapture &capture() const { return m_capture; }

    // Lines not yet taken by the view, the newest max at most; skipped tells how many older ones
    // were dropped unseen (a burst faster than anyone can read).
    QList<Line> takeLines(qsizetype max, qsizetype *skipped);

    QByteArray partialLine() const { return m_tracker.partialServerLine(); }

    // Event seq of the nth line sent / nth reply of this session (0: unknown), and back.
    quint64 clientLineSeq(int ordinal) const;
    quint64 replySeq(int ordinal) const;

    int clientLineOrdinal(quint64 seq) const { return int(m_clientLineSeqs.indexOf(seq)); }

    int replyOrdinal(quint64 seq) const { return int(m_replySeqs.indexOf(seq)); }

    static constexpr qint64 readChunk = 128 * 1024;

signals:
    void linesAvailable();
    void connectedChanged(bool connected);
    void sessionIdentified(int sessionId);
    void replyReceived(const QByteArray &statusLine, bool ok);
    void ended(bool clean);
    void captureChanged();

private:
    void onTapReady();
    void onSocketError(QAbstractSocket::SocketError error, const QString &why);
    void onConnected();
    void onReadyRead();
    void onDisconnected(const QString &why, pop3::DisconnectReason reason);
    void onRemoteClosed();
    void send(const QByteArray &bytes);
    void startTls();
    void trustBuiltinCertificate();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void addLine(Line line);
    void addNote(const QString &text);
    void watchEvent(const pop3::Event &event);

    ConnectionSettings m_settings;
    pop3::Lab *m_lab;
    QSslSocket *m_socket;
    WireTap *m_tap;
    WireCapture m_capture;
    TrustQuestion m_trustQuestion;
    QByteArray m_sentLine; // the client line being typed, to spot STLS
    bool m_stlsAsked = false; // STLS sent, its reply not read yet
    bool m_userTrusted = false; // the student chose to trust an untrusted certificate
    bool m_builtin = false;
    bool m_ended = false;
    bool m_userClosed = false;
    Ending m_ending = Ending::None;
    bool m_serverKilled = false; // the built-in server was killed by a fault
    bool m_droppedByTeacher = false; // Faults › Drop This Connection Now, on this session
    QString m_serverReason; // built-in server: its words for why it ended the session
    QString m_serverReasonId; // and its id (DisconnectReason's name)
    bool m_readScheduled = false;
    QString m_local;
    int m_sessionId = 0;
    pop3::ClientTracker m_tracker; // appends events only for an external server
    Transcript m_transcript;
    QList<Line> m_lines;
    qsizetype m_skipped = 0;
    int m_sentCount = 0;
    int m_replyCount = 0;
    QList<quint64> m_clientLineSeqs;
    QList<quint64> m_replySeqs;
};
