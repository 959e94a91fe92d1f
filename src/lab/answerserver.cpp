#include "lab/answerserver.h"

#include "lab/classlessons.h"
#include "mail/mailstore.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace pop3 {

namespace {

QByteArray reply(const QString &text)
{
    return text.toUtf8() + "\r\n";
}

// A prompt on one line: the Markdown kept, its line breaks made spaces.
QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace

AnswerServer::AnswerServer(const MailStore *store, ClassLessons *lessons, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_lessons(lessons)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &AnswerServer::acceptConnections);
}

AnswerServer::~AnswerServer()
{
    for (auto &[socket, client] : m_clients) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

Result AnswerServer::listen(const QHostAddress &address, quint16 port, quint16 pop3Port)
{
    if (port != 0 && port == pop3Port)
        return Result::failure(
            QStringLiteral("the answers need a port of their own, not the POP3 port %1").arg(port));
    if (!m_server->listen(address, port))
        return Result::failure(QStringLiteral("cannot listen for answers on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_server->errorString()));
    return Result::success();
}

QHostAddress AnswerServer::address() const
{
    return m_server->serverAddress();
}

quint16 AnswerServer::port() const
{
    return m_server->serverPort();
}

void AnswerServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (int(m_clients.size()) >= maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_clients.emplace(socket, Client{});
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(idleTimeoutMs);
        connect(idle, &QTimer::timeout, socket, [socket] {
            socket->write(reply(QStringLiteral("-ERR idle for too long, bye")));
            socket->disconnectFromHost();
        });
        idle->start();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start();
            readLines(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_clients.erase(socket);
            socket->deleteLater();
        });
        socket->write(reply(QStringLiteral("+OK pop3lab lab answers, lesson %1: USER, PASS, then "
                                           "ANSWER <question> <answer>")
                                .arg(m_lessons->lesson().id)));
    }
}

void AnswerServer::readLines(QTcpSocket *socket)
{
    for (;;) {
        const auto it = m_clients.find(socket);
        if (it == m_clients.end() || it->second.waiting
            || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > maxLine) {
                socket->write(reply(QStringLiteral("-ERR line too long, bye")));
                socket->disconnectFromHost();
            }
            return;
        }
        QByteArray line = socket->readLine(maxLine + 1);
        if (!line.endsWith('\n')) {
            socket->write(reply(QStringLiteral("-ERR line too long, bye")));
            socket->disconnectFromHost();
            return;
        }
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        handle(socket, it->second, line);
    }
}

QByteArray AnswerServer::questionsReply() const
{
    const QList<LabQuestion> &questions = m_lessons->questions();
    QByteArray out = reply(QStringLiteral("+OK %1 questions").arg(questions.size()));
    for (const LabQuestion &q : questions) {
        QString line = q.id + QLatin1Char(' ') + oneLine(q.prompt);
        // A choice is answered by its number, in the order written here.
        for (qsizetype i = 0; i < q.choices.size(); ++i)
            line += QStringLiteral(" [%1] %2").arg(i + 1).arg(oneLine(q.choices.at(i)));
        if (line.startsWith(QLatin1Char('.')))
            line.prepend(QLatin1Char('.'));
        out += reply(line);
    }
    return out + ".\r\n";
}

void AnswerServer::handle(QTcpSocket *socket, Client &client, const QByteArray &raw)
{
    const QString line = QString::fromUtf8(raw);
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    const QString keyword = (space < 0 ? line : line.left(space)).toUpper();
    const QString rest = space < 0 ? QString() : line.mid(space + 1);
    if (keyword == QLatin1String("QUIT")) {
        socket->write(reply(QStringLiteral("+OK bye")));
        socket->disconnectFromHost();
        return;
    }
    if (!client.authenticated) {
        if (keyword == QLatin1String("USER") && !rest.trimmed().isEmpty()) {
            client.user = rest.trimmed();
            socket->write(reply(QStringLiteral("+OK now PASS")));
        } else if (keyword == QLatin1String("PASS") && !client.user.isEmpty()) {
            // The whole rest of the line is the password: it may hold spaces.
            if (m_store->checkPassword(client.user, rest) && m_lessons->runner(client.user)) {
                client.authenticated = true;
                socket->write(reply(QStringLiteral("+OK %1: %2 questions (QUESTIONS lists them)")
                                        .arg(client.user)
                                        .arg(m_lessons->questions().size())));
            } else {
                passFailed(socket);
            }
        } else if (keyword == QLatin1String("PASS")) {
            socket->write(reply(QStringLiteral("-ERR USER first")));
        } else {
            socket->write(reply(QStringLiteral("-ERR log in first: USER, then PASS")));
        }
        return;
    }
    if (keyword == QLatin1String("QUESTIONS")) {
        socket->write(questionsReply());
    } else if (keyword == QLatin1String("ANSWER")) {
        const QString trimmed = rest.trimmed();
        const qsizetype gap = trimmed.indexOf(QLatin1Char(' '));
        if (gap < 0) {
            socket->write(reply(QStringLiteral("-ERR usage: ANSWER <question> <answer>")));
            return;
        }
        LabAnswer answer;
        // Always as the account that logged in: there is no way to name another student.
        const Result r =
            m_lessons->submit(client.user, trimmed.left(gap), trimmed.mid(gap + 1), &answer);
        if (!r)
            socket->write(reply(QStringLiteral("-ERR ") + r.error));
        else
            socket->write(
                reply(answer.correct ? QStringLiteral("+OK right")
                                     : QStringLiteral("+OK wrong (try %1)").arg(answer.tries)));
    } else if (keyword == QLatin1String("USER") || keyword == QLatin1String("PASS")) {
        socket->write(reply(QStringLiteral("-ERR already logged in as %1").arg(client.user)));
    } else {
        socket->write(reply(QStringLiteral("-ERR unknown command; QUESTIONS, ANSWER, QUIT")));
    }
}

void AnswerServer::passFailed(QTcpSocket *socket)
{
    Client &client = m_clients.at(socket);
    ++client.failures;
    client.user.clear();
    client.waiting = true;
    QTimer::singleShot(m_failureDelayMs, socket, [this, socket] {
        const auto it = m_clients.find(socket);
        if (it == m_clients.end())
            return;
        Client &c = it->second;
        c.waiting = false;
        if (c.failures >= maxLoginFailures) {
            socket->write(reply(QStringLiteral("-ERR wrong user or password, bye")));
            socket->disconnectFromHost();
            return;
        }
        socket->write(reply(QStringLiteral("-ERR wrong user or password")));
        readLines(socket); // what came meanwhile
    });
}

} // namespace pop3
