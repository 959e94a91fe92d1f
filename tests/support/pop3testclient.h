#pragma once

// Helpers shared by the server tests: a POP3 client over a real QTcpSocket that waits by spinning
// the event loop (so an in-process Pop3Server keeps running while the test waits), and the wire
// form of a message file as RFC 1939 sends it.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QStringList>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace pop3test {

// A file's lines with CRLF endings (a final line without a newline gets one).
inline QByteArray crlfLines(const QByteArray &content)
{
    QByteArray out;
    out.reserve(content.size() + content.size() / 20);
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype nl = content.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? content.size() : nl;
        qsizetype len = end - pos;
        if (len > 0 && content.at(pos + len - 1) == '\r')
            --len;
        out.append(content.constData() + pos, len);
        out.append("\r\n");
        pos = end + 1;
    }
    return out;
}

// What RETR sends after the status line: CRLF lines, byte-stuffed, then ".\r\n".
inline QByteArray wireBody(const QByteArray &content)
{
    const QByteArray lines = crlfLines(content);
    QByteArray out;
    out.reserve(lines.size() + 64);
    bool lineStart = true;
    for (char c : lines) {
        if (lineStart && c == '.')
            out.append('.');
        out.append(c);
        lineStart = c == '\n';
    }
    return out + ".\r\n";
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// mboxrd: a From_ line before each message, ">*From " lines quoted once more, a blank line after.
inline QByteArray mboxOf(const QList<QByteArray> &messages)
{
    QByteArray mbox;
    for (const QByteArray &m : messages) {
        mbox += "From sender@example.edu Tue Sep  1 08:00:00 2026\n";
        for (const QByteArray &line : pop3test::crlfLines(m).split('\n')) {
            if (line.isEmpty())
                continue;
            QByteArray l = line.chopped(1); // CR
            qsizetype q = 0;
            while (q < l.size() && l.at(q) == '>')
                ++q;
            if (l.mid(q).startsWith("From "))
                l.prepend('>');
            mbox += l + '\n';
        }
        mbox += '\n';
    }
    return mbox;
}

// The sample student mailbox as shipped: its .eml files in message order.
inline QStringList sampleStudentFiles()
{
    const QDir dir(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/mailbox/student"));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

// Runs the event loop until predicate() holds or timeoutMs passes; the loop wakes up on any of
// the given sender's signals (what QSignalSpy::wait does for one signal), so nothing polls or
// sleeps.
template<typename Sender, typename Predicate, typename... Signals>
bool waitUntil(Sender *sender, Predicate predicate, int timeoutMs, Signals... wakeUps)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        const qint64 remaining = deadline.remainingTime();
        if (remaining <= 0)
            return false;
        QEventLoop loop;
        (QObject::connect(sender, wakeUps, &loop, &QEventLoop::quit), ...);
        QTimer::singleShot(int(remaining), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A POP3 client. Every wait spins the event loop until the bytes arrive (never a sleep).
class Client final
{
public:
    Client()
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            if (!m_paused)
                m_buffer += m_socket.readAll();
        });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] {
            if (m_socket.isOpen() && !m_paused)
                m_buffer += m_socket.readAll();
            m_closed = true;
        });
    }

    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    bool connectTo(quint16 port, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return wait(
            [this] {
                return m_socket.state() == QAbstractSocket::ConnectedState;
            },
            timeoutMs);
    }

    // Connects and returns the greeting line.
    QByteArray open(quint16 port, int timeoutMs = 5000)
    {
        return connectTo(port, timeoutMs) ? line(timeoutMs) : QByteArray();
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    // Sends one command and returns the one-line reply.
    QByteArray command(const QByteArray &cmd, int timeoutMs = 5000)
    {
        send(cmd + "\r\n");
        return line(timeoutMs);
    }

    // Sends a command and returns the status line plus the body (terminator included).
    QByteArray multiLineCommand(const QByteArray &cmd, int timeoutMs = 5000)
    {
        send(cmd + "\r\n");
        return multiLine(timeoutMs);
    }

    // The next line, CRLF included; empty after timeoutMs or when the connection closed first.
    QByteArray line(int timeoutMs = 5000)
    {
        if (!wait(
                [this] {
                    return m_buffer.contains('\n') || m_closed;
                },
                timeoutMs))
            return {};
        const qsizetype nl = m_buffer.indexOf('\n');
        if (nl < 0)
            return {};
        const QByteArray l = m_buffer.left(nl + 1);
        m_buffer.remove(0, nl + 1);
        return l;
    }

    // A status line and, when it is +OK, the body up to and including ".\r\n".
    QByteArray multiLine(int timeoutMs = 5000)
    {
        const QByteArray status = line(timeoutMs);
        if (!status.startsWith("+OK"))
            return status;
        qsizetype scanFrom = 0;
        qsizetype end = -1;
        const bool found = wait(
            [&] {
                if (m_buffer.startsWith(".\r\n")) {
                    end = 3;
                    return true;
                }
                const qsizetype at = m_buffer.indexOf("\r\n.\r\n", scanFrom);
                if (at >= 0) {
                    end = at + 5;
                    return true;
                }
                scanFrom = qMax<qsizetype>(0, m_buffer.size() - 4);
                return m_closed;
            },
            timeoutMs);
        if (!found || end < 0)
            return status + m_buffer;
        const QByteArray body = m_buffer.left(end);
        m_buffer.remove(0, end);
        return status + body;
    }

    bool login(const QByteArray &user, const QByteArray &password)
    {
        return command("USER " + user).startsWith("+OK")
            && command("PASS " + password).startsWith("+OK");
    }

    bool waitClosed(int timeoutMs = 5000)
    {
        return wait(
            [this] {
                return m_closed;
            },
            timeoutMs);
    }

    // Everything until the server closes the connection.
    QByteArray readUntilClosed(int timeoutMs = 5000)
    {
        waitClosed(timeoutMs);
        const QByteArray all = m_buffer;
        m_buffer.clear();
        return all;
    }

    // Stops reading (the socket's buffer fills, then TCP pushes back on the server).
    void pause(qint64 bufferSize)
    {
        m_paused = true;
        m_socket.setReadBufferSize(bufferSize);
    }

    void resume()
    {
        m_paused = false;
        m_socket.setReadBufferSize(0);
        if (m_socket.isOpen())
            m_buffer += m_socket.readAll();
    }

    bool isClosed() const { return m_closed; }

    const QByteArray &buffered() const { return m_buffer; }

    QTcpSocket &socket() { return m_socket; }

private:
    template<typename Predicate> bool wait(Predicate predicate, int timeoutMs)
    {
        return waitUntil(&m_socket,
            predicate,
            timeoutMs,
            &QTcpSocket::readyRead,
            &QTcpSocket::connected,
            &QTcpSocket::disconnected,
            &QTcpSocket::errorOccurred);
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
    bool m_paused = false;
};

// After a server refused clients for lack of descriptors and they left: new clients connect
// until one is greeted (the server may still refuse one that arrives before the goodbyes are
// seen), for at most timeoutMs. Returns that greeting (empty: none); elapsedMs, how long it took.
inline QByteArray greetingOnceServedAgain(quint16 port, int timeoutMs, qint64 *elapsedMs)
{
    QElapsedTimer clock;
    clock.start();
    QByteArray greeting;
    while (!greeting.startsWith("+OK") && clock.elapsed() < timeoutMs) {
        Client c;
        greeting = c.open(port, 3000);
    }
    *elapsedMs = clock.elapsed();
    return greeting;
}

} // namespace pop3test
