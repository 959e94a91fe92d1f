#pragma once

// The real pop3lab-server run as a child process: started on 127.0.0.1 port 0 in a workspace the
// test owns, its port read from the first line it prints, stopped by a signal.

#include "support/pop3testclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace pop3test {

class ServerProcess final
{
public:
    ServerProcess() { m_process.setProgram(QStringLiteral(POP3LAB_SERVER_BINARY)); }

    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts the server with args (plus --listen 127.0.0.1:0 unless args has --listen) and waits
    // for its first line; false if it did not say where it listens.
    bool start(QStringList args, int timeoutMs = 10000)
    {
        if (!args.contains(QStringLiteral("--listen")))
            args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
        m_process.setArguments(args);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs))
            return false;
        waitUntil(
            &m_process,
            [this] {
                m_stdout += m_process.readAllStandardOutput();
                return m_stdout.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            timeoutMs,
            &QProcess::readyReadStandardOutput,
            &QProcess::finished);
        m_firstLine = m_stdout.left(m_stdout.indexOf('\n'));
        static const QRegularExpression re(
            QStringLiteral("^pop3lab-server \\S+ listening on 127\\.0\\.0\\.1:(\\d+) "
                           "\\(personality ([\\w.-]+)\\)$"));
        const QRegularExpressionMatch m = re.match(QString::fromUtf8(m_firstLine));
        if (!m.hasMatch())
            return false;
        m_port = quint16(m.captured(1).toUInt());
        m_personality = m.captured(2);
        return m_port != 0;
    }

    // Sends sig and waits for the exit; returns the exit code (-1 if it crashed or hung).
    int stop(int sig = SIGTERM, int timeoutMs = 10000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        ::kill(pid_t(m_process.processId()), sig);
        if (!m_process.waitForFinished(timeoutMs))
            return -1;
        m_stdout += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // SIGKILL: no chance to clean up, as a crash or a power cut.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    quint16 port() const { return m_port; }

    bool isRunning() const { return m_process.state() == QProcess::Running; }

    QByteArray firstLine() const { return m_firstLine; }

    QString personality() const { return m_personality; }

    QByteArray standardOutput() const { return m_stdout; }

    QByteArray standardError() { return m_process.readAllStandardError(); }

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_firstLine;
    QString m_personality;
    quint16 m_port = 0;
};

struct RunResult
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

// Runs pop3lab-server to its end (for options that exit at once).
inline RunResult runServer(const QStringList &args, int timeoutMs = 10000)
{
    QProcess p;
    p.start(QStringLiteral(POP3LAB_SERVER_BINARY), args);
    RunResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        r.crashed = true;
    }
    r.exitCode = p.exitCode();
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace pop3test
