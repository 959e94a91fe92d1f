#include "lab/faultcontrol.h"

#include "lab/faultinjector.h"
#include "lab/lab.h"
#include "protocol/pop3session.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>

#include <sys/stat.h>

namespace pop3 {

namespace {

QString answer(const Result &r, const QString &done)
{
    return r ? QStringLiteral("ok ") + done : QStringLiteral("error ") + r.error;
}

} // namespace

FaultControl::FaultControl(Lab *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_server(new QLocalServer(this))
{
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &FaultControl::acceptConnections);
}

FaultControl::~FaultControl()
{
    m_server->close(); // removes the socket file
}

Result FaultControl::listen(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return Result::failure(
                QStringLiteral("%1 exists and is not a socket: not replaced").arg(path));
        QLocalServer::removeServer(path); // a socket an earlier run left behind
    }
    if (!m_server->listen(path))
        return Result::failure(
            QStringLiteral("cannot listen on %1: %2").arg(path, m_server->errorString()));
    return Result::success();
}

QString FaultControl::path() const
{
    return m_server->fullServerName();
}

QString FaultControl::helpText()
{
    return QStringLiteral("commands: sessions | drop ID | slow MS | refuse-next-login | "
                          "fail-next-commit | deliver USER FILE | crash | reset USER | "
                          "reset-class | help");
}

QString FaultControl::execute(const QString &line)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList words = line.trimmed().split(space, Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("error empty command; ") + helpText();
    const QString cmd = words.first().toLower();
    const auto number = [&](int *value) {
        bool ok = false;
        *value = words.size() == 2 ? words.at(1).toInt(&ok) : 0;
        return ok && *value >= 0;
    };
    if (cmd == QLatin1String("help"))
        return QStringLiteral("ok ") + helpText();
    if (!m_lab->server())
        return QStringLiteral("error the server is not running");
    if (cmd == QLatin1String("sessions") && words.size() == 1) {
        QStringList list;
        for (const Pop3Session *s : m_lab->server()->sessions())
            list.append(QStringLiteral("%1 %2 %3")
                            .arg(s->id())
                            .arg(s->user().isEmpty() ? QStringLiteral("-") : s->user(),
                                stateName(s->state())));
        return QStringLiteral("ok %1 open").arg(list.size())
            + (list.isEmpty() ? QString() : QStringLiteral(": ") + list.join(QStringLiteral(", ")));
    }
    if (cmd == QLatin1String("drop")) {
        int id = 0;
        if (!number(&id))
            return QStringLiteral("error usage: drop ID");
        return answer(m_lab->dropSession(id), QStringLiteral("session %1 dropped").arg(id));
    }
    if (cmd == QLatin1String("slow")) {
        int ms = 0;
        if (!number(&ms) || ms > 60'000)
            return QStringLiteral("error usage: slow MS (0 to 60000)");
        m_lab->faults()->setReplyDelay(ms);
        return ms > 0 ? QStringLiteral("ok every reply waits %1 ms").arg(ms)
                      : QStringLiteral("ok replies at full speed");
    }
    if (cmd == QLatin1String("refuse-next-login") && words.size() == 1) {
        m_lab->faults()->refuseNextLogin();
        return QStringLiteral("ok the next login will be refused with [SYS/TEMP]");
    }
    if (cmd == QLatin1String("fail-next-commit") && words.size() == 1) {
        m_lab->faults()->failNextCommit();
        return QStringLiteral("ok the next commit will stop half-way; the next login finishes it");
    }
    if (cmd == QLatin1String("deliver")) {
        if (words.size() != 3)
            return QStringLiteral("error usage: deliver USER FILE");
        QFile file(words.at(2));
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("error cannot read %1: %2").arg(words.at(2), file.errorString());
        constexpr qint64 maxMessage = 64 * 1024 * 1024;
        const QByteArray message = file.read(maxMessage + 1);
        if (message.size() > maxMessage)
            return QStringLiteral("error %1 is larger than 64 MiB").arg(words.at(2));
        return answer(m_lab->deliver(words.at(1), message),
            QStringLiteral("delivered to %1: open sessions see it at their next login")
                .arg(words.at(1)));
    }
    if (cmd == QLatin1String("crash") && words.size() == 1 && m_crashEndsProcess) {
        m_crashNow = true;
        return QStringLiteral("ok the server dies now, holding its locks (exit status %1)")
            .arg(Lab::crashExitCode);
    }
    if (cmd == QLatin1String("reset")) {
        if (words.size() != 2)
            return QStringLiteral("error usage: reset USER");
        return answer(m_lab->resetMailbox(words.at(1)),
            QStringLiteral("%1's mailbox is a fresh copy again").arg(words.at(1)));
    }
    if (cmd == QLatin1String("reset-class") && words.size() == 1)
        return answer(
            m_lab->resetAllMailboxes(), QStringLiteral("every mailbox is a fresh copy again"));
    if (cmd == QLatin1String("crash") && words.size() == 1) {
        // Killed, then started again at once (this control lives in the same process and a
        // class's clients expect the server back); the restart reports the stale locks.
        const Result crashed = m_lab->crashServer();
        return answer(crashed ? m_lab->restartServer() : crashed,
            QStringLiteral("the server died holding its locks, and listens again"));
    }
    return QStringLiteral("error unknown command; ") + helpText();
}

void FaultControl::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            readCommands(socket);
        });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        readCommands(socket);
    }
}

void FaultControl::readCommands(QLocalSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(4096);
        socket->write(execute(QString::fromUtf8(line)).toUtf8() + '\n');
        if (m_crashNow) {
            socket->waitForBytesWritten(1000); // the teacher reads why the server is gone
            m_lab->crashProcess();
        }
    }
    if (socket->bytesAvailable() > 4096) { // no line end in sight: not a control client
        socket->write("error line too long\n");
        socket->disconnectFromServer();
    }
}

} // namespace pop3
