#include "lab/observerserver.h"

#include "events/eventlog.h"
#include "lab/classlessons.h"
#include "lab/lab.h"
#include "mail/mailstore.h"

#include <QAbstractEventDispatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace pop3 {

namespace {

constexpr qint64 maxTokenLine = 256; // "TOKEN <32 hex> SINCE <seq>" and room
constexpr qint64 maxRequestLine = 1024;

// Compares without stopping at the first difference: the time taken tells nothing of the token.
bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray jsonLine(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

ObserverServer::ObserverServer(Lab *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_server(new QTcpServer(this))
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    m_token = QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex();
    connect(m_server, &QTcpServer::newConnection, this, &ObserverServer::acceptConnections);
    if (const MailStore *store = lab->store())
        m_roll.setStudents(store->users());
    connect(lab->log(), &EventLog::eventAppended, this, &ObserverServer::sendEvent);
    // Every call of processEvents() says one of the two before it polls: what this turn wrote
    // goes out then.
    if (QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(
            dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ObserverServer::flushAll);
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, &ObserverServer::flushAll);
    }
}

ObserverServer::~ObserverServer()
{
    for (auto &[socket, client] : m_clients) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

Result ObserverServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_lab->server() && port != 0 && port == m_lab->server()->port())
        return Result::failure(
            QStringLiteral("the observer stream needs a port of its own, not the POP3 port %1")
                .arg(port));
    if (!m_server->listen(address, port))
        return Result::failure(QStringLiteral("cannot listen for observers on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_server->errorString()));
    return Result::success();
}

QHostAddress ObserverServer::address() const
{
    return m_server->serverAddress();
}

quint16 ObserverServer::port() const
{
    return m_server->serverPort();
}

int ObserverServer::observerCount() const
{
    int n = 0;
    for (const auto &[socket, client] : m_clients)
        n += client.authenticated ? 1 : 0;
    return n;
}

void ObserverServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const int pending = int(m_clients.size()) - observerCount();
        if (pending >= maxPending || observerCount() >= maxObservers) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_clients.emplace(socket, Client{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            readRequests(socket);
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
            drained(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_clients.erase(socket);
            socket->deleteLater();
        });
        // Who has not given the token in time is closed: nothing is ever sent to them.
        QTimer::singleShot(tokenTimeoutMs, socket, [this, socket] {
            const auto it = m_clients.find(socket);
            if (it != m_clients.end() && !it->second.authenticated)
                socket->abort();
        });
    }
}

void ObserverServer::readRequests(QTcpSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    Client &client = it->second;
    while (socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 limit = client.authenticated ? maxRequestLine : maxTokenLine;
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > limit) // no line end in sight: not an observer
                socket->abort();
            return;
        }
        QByteArray line = socket->readLine(limit + 1);
        if (!line.endsWith('\n')) {
            socket->abort();
            return;
        }
        line = line.trimmed();
        if (!client.authenticated) {
            if (!authenticate(socket, client, line)) {
                socket->abort(); // a wrong token gets nothing, not even an error
                return;
            }
            continue;
        }
        queue(client, answer(client, line));
    }
}

bool ObserverServer::authenticate(QTcpSocket *socket, Client &client, const QByteArray &line)
{
    const QList<QByteArray> words = line.split(' ');
    if (words.size() != 2 && words.size() != 4)
        return false;
    if (words.at(0) != "TOKEN" || !sameToken(words.at(1).toLower(), m_token))
        return false;
    quint64 since = 0;
    bool catchUp = false;
    if (words.size() == 4) {
        if (words.at(2) != "SINCE")
            return false;
        since = words.at(3).toULongLong(&catchUp);
        if (!catchUp)
            return false;
    }
    client.authenticated = true;
    queue(client, helloLine());
    sendLessonState(client);
    if (!catchUp)
        sendSnapshot(client);
    if (catchUp) {
        const EventLog *log = m_lab->log();
        for (qsizetype i = 0; i < log->size(); ++i) {
            const Event &e = log->at(i);
            if (e.seq > since)
                send(socket, client, EventLog::toJsonLine(e.withoutSecret()) + '\n', e.seq);
        }
    }
    emit observerJoined();
    return true;
}

QByteArray ObserverServer::helloLine() const
{
    QJsonObject o;
    o.insert(QStringLiteral("hello"), QStringLiteral("pop3lab-observer"));
    o.insert(QStringLiteral("version"), protocolVersion);
    if (const Pop3Server *server = m_lab->server())
        o.insert(QStringLiteral("pop3"), server->endpoint());
    o.insert(QStringLiteral("users"), QJsonArray::fromStringList(m_lab->store()->users()));
    o.insert(QStringLiteral("lastSeq"), qint64(m_lab->log()->lastSeq()));
    return jsonLine(o);
}

void ObserverServer::setClassLessons(ClassLessons *lessons)
{
    m_lessons = lessons;
    connect(lessons, &ClassLessons::progressChanged, this, [this](const StudentProgress &p) {
        QJsonObject o;
        o.insert(QStringLiteral("progress"), p.toJson());
        sendToAll(jsonLine(o));
    });
    connect(lessons, &ClassLessons::answered, this, [this](const LabAnswer &a) {
        QJsonObject o;
        o.insert(QStringLiteral("labAnswer"), a.toJson());
        sendToAll(jsonLine(o));
    });
}

// What a teacher joining late needs: the lesson, where each student is, the answers so far.
void ObserverServer::sendLessonState(Client &client)
{
    if (!m_lessons)
        return;
    const Lesson &lesson = m_lessons->lesson();
    QJsonArray steps;
    for (const LessonStep &step : lesson.steps) {
        QJsonObject s;
        s.insert(QStringLiteral("id"), step.id);
        s.insert(QStringLiteral("title"), step.title);
        steps.append(s);
    }
    QJsonArray questions;
    for (const LabQuestion &q : m_lessons->questions())
        questions.append(q.toJson());
    QJsonObject l;
    l.insert(QStringLiteral("id"), lesson.id);
    l.insert(QStringLiteral("language"), lesson.language);
    l.insert(QStringLiteral("title"), lesson.title);
    l.insert(QStringLiteral("steps"), steps);
    l.insert(QStringLiteral("questions"), questions);
    QJsonObject o;
    o.insert(QStringLiteral("lesson"), l);
    queue(client, jsonLine(o));
    const LabResults &results = m_lessons->results();
    for (const QString &user : m_lessons->students()) {
        QJsonObject p;
        p.insert(QStringLiteral("progress"), m_lessons->progress(user).toJson());
        queue(client, jsonLine(p));
        for (const LabQuestion &q : results.questions()) {
            if (const LabAnswer *a = results.answer(user, q.id)) {
                QJsonObject line;
                line.insert(QStringLiteral("labAnswer"), a->toJson());
                queue(client, jsonLine(line));
            }
        }
    }
}

// Where each student is, as the stream has shown it so far (their passwords hidden as in the
// stream: the roll is fed the events without secrets). An observer that asks for SINCE instead
// rebuilds the same from the events.
void ObserverServer::sendSnapshot(Client &client)
{
    const QList<ClassRoll::Student> &students = m_roll.students();
    for (int row = 0; row < students.size(); ++row) {
        if (students.at(row).lastActivityMs == 0)
            continue; // not seen yet: the hello's list says it
        QJsonObject o;
        o.insert(QStringLiteral("student"), m_roll.studentJson(row));
        queue(client, jsonLine(o));
    }
}

// Progress and answers are few and small: never dropped, whatever the backlog.
void ObserverServer::sendToAll(const QByteArray &line)
{
    for (auto &[socket, client] : m_clients) {
        if (client.authenticated)
            queue(client, line);
    }
}

QByteArray ObserverServer::answer(Client &client, const QByteArray &line)
{
    const QList<QByteArray> words = line.simplified().split(' ');
    const QByteArray request = words.value(0).toUpper();
    QJsonObject o;
    o.insert(QStringLiteral("request"), QString::fromUtf8(request.toLower()));
    Result r = Result::failure(
        QStringLiteral("unknown request; RESET <user> | RESET-CLASS | BODIES NONE|ALL|<user>..."));
    if (request == "RESET" && words.size() == 2) {
        const QString user = QString::fromUtf8(words.at(1));
        o.insert(QStringLiteral("user"), user);
        r = m_lab->resetMailbox(user);
    } else if (request == "RESET-CLASS" && words.size() == 1) {
        r = m_lab->resetAllMailboxes();
    } else if (request == "RESET") {
        r = Result::failure(QStringLiteral("usage: RESET <user>"));
    } else if (request == "BODIES" && words.size() >= 2) {
        const QByteArray what = words.at(1).toUpper();
        client.bodyUsers.clear();
        client.allBodies = words.size() == 2 && what == "ALL";
        if (words.size() > 2 || (what != "ALL" && what != "NONE")) {
            for (qsizetype i = 1; i < words.size(); ++i)
                client.bodyUsers.insert(QString::fromUtf8(words.at(i)));
        }
        r = Result::success();
    } else if (request == "BODIES") {
        r = Result::failure(QStringLiteral("usage: BODIES NONE | BODIES ALL | BODIES <user>..."));
    }
    o.insert(QStringLiteral("answer"), r ? QStringLiteral("ok") : QStringLiteral("error"));
    if (!r)
        o.insert(QStringLiteral("error"), r.error);
    return jsonLine(o);
}

void ObserverServer::sendEvent(const Event &event)
{
    m_roll.apply(event.secretFrom >= 0 ? event.withoutSecret() : event);
    // Each line made once for every observer, and only when someone observes: with the mail's
    // body, or without it (the status line, the lines and octets stay) for the observers that
    // do not show it. The body is most of the stream (a RETR of 16 KiB against a NOOP's 150
    // octets): a teacher's table of the class needs none, an open diagram one student's.
    QByteArray full;
    QByteArray bare;
    const bool hasBody = !event.body.isEmpty();
    for (auto &[socket, client] : m_clients) {
        if (!client.authenticated)
            continue;
        const bool withBody = hasBody
            && (client.allBodies
                || (!client.bodyUsers.isEmpty()
                    && client.bodyUsers.contains(m_roll.userOfSession(event.session))));
        QByteArray &line = !hasBody || withBody ? full : bare;
        if (line.isEmpty()) {
            Event e = event.withoutSecret();
            if (!withBody)
                e.body.clear();
            line = EventLog::toJsonLine(e) + '\n';
        }
        send(socket, client, line, event.seq);
    }
}

void ObserverServer::send(QTcpSocket *socket, Client &client, const QByteArray &line, quint64 seq)
{
    const qint64 waiting = socket->bytesToWrite() + client.pending.size();
    // Once behind, an observer gets events again only when half the buffer has gone out.
    if ((client.dropped > 0 && waiting > m_bufferLimit / 2)
        || waiting + line.size() > m_bufferLimit) {
        if (client.dropped++ == 0)
            client.firstDropped = seq;
        client.lastDropped = seq;
        ++m_dropped;
        return;
    }
    drained(socket);
    queue(client, line);
    m_largestBacklog =
        std::max(m_largestBacklog, socket->bytesToWrite() + qint64(client.pending.size()));
}

void ObserverServer::queue(Client &client, const QByteArray &bytes)
{
    client.pending += bytes;
    m_flushDue = true;
}

// The lines of this turn of the event loop go out in one send() per observer, before the loop
// waits again. Written into the QTcpSocket line by line they enabled its write notifier at each
// event: one more turn of the loop (a poll() of every one of the 1,000+ connections of a class)
// to write them, and the notifier registered and unregistered with the event dispatcher each
// time (docs/performance.md, Classroom).
void ObserverServer::flushAll()
{
    if (!m_flushDue)
        return;
    m_flushDue = false;
    for (auto &[socket, client] : m_clients) {
        // Twice at most: what it missed is told as soon as there is room (drained() queues it).
        for (int round = 0; round < 2 && !client.pending.isEmpty(); ++round) {
            writeOut(socket, std::exchange(client.pending, QByteArray()));
            drained(socket);
        }
    }
}

void ObserverServer::writeOut(QTcpSocket *socket, const QByteArray &bytes)
{
    qint64 written = 0;
#ifdef Q_OS_UNIX
    // Straight to the kernel when the socket holds nothing older (else after it, in order).
    const qintptr fd = socket->socketDescriptor();
    if (socket->bytesToWrite() == 0 && fd >= 0
        && socket->state() == QAbstractSocket::ConnectedState) {
        ssize_t n;
        do {
            n = ::send(
                int(fd), bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        written = n > 0 ? qint64(n) : 0;
    }
#endif
    if (written < bytes.size()) // the kernel's buffer is full: QTcpSocket waits for room
        socket->write(bytes.constData() + written, bytes.size() - written);
}

// Tells an observer what it missed, once its buffer has room again.
void ObserverServer::drained(QTcpSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    Client &client = it->second;
    if (client.dropped == 0 || socket->bytesToWrite() + client.pending.size() > m_bufferLimit / 2)
        return;
    QJsonObject o;
    o.insert(QStringLiteral("dropped"), client.dropped);
    o.insert(QStringLiteral("firstSeq"), qint64(client.firstDropped));
    o.insert(QStringLiteral("lastSeq"), qint64(client.lastDropped));
    client.dropped = 0;
    queue(client, jsonLine(o));
}

} // namespace pop3
