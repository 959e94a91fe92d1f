#pragma once

#include "events/result.h"
#include "lab/classroll.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <map>

class QTcpServer;
class QTcpSocket;

namespace pop3 {

class ClassLessons;
class Lab;
struct Event;

// The observer stream of a classroom server: a teacher's window (or a script) follows every
// session live, on a TCP port of its own (never the POP3 port; 127.0.0.1 unless asked), once it
// has given the token printed at start (128 random bits). docs/classroom.md is the protocol:
//
//   client: TOKEN <32 hex digits> [SINCE <seq>]     nothing is ever sent before a right token;
//                                                   a wrong one closes the connection at once
//   server: {"hello":"pop3lab-observer","version":1,"pop3":..,"users":[..],"lastSeq":N}
//           then one JSON event per line (EventLog::toJsonLine), secrets always hidden
//   client: RESET <user> | RESET-CLASS             answered {"answer":"ok"|"error",...}
//   client: BODIES NONE | BODIES ALL | BODIES <user>...   whose mail bodies (RETR, TOP) the
//           events carry: all by default; a table of the class needs none, an open diagram one
//   without SINCE, after the hello: a {"student":..} snapshot per student seen so far (state,
//   lock, last command and reply, errors, last activity, open sessions): a late observer starts
//   from where the class is, not from nothing
//   with a class lesson (setClassLessons): after the hello {"lesson":..}, a {"progress":..} per
//   student and a {"labAnswer":..} per answer so far; then each change as it happens
//
// It shares the server's event loop but never blocks it: the lines of one turn of the loop go out
// together before it waits again (one send() per observer, the socket buffering what the kernel
// does not take), and an observer that reads too slowly (more than bufferLimit octets waiting)
// misses events, told by one {"dropped":N,...} line once it has caught up, instead of growing the
// buffer.
class ObserverServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObserverServer)

public:
    static constexpr qint64 defaultBufferLimit = 1 << 20;
    static constexpr int maxObservers = 16;
    static constexpr int maxPending = 32; // connections that have not given the token yet
    static constexpr int tokenTimeoutMs = 10'000;
    static constexpr int protocolVersion = 1;

    explicit ObserverServer(Lab *lab, QObject *parent = nullptr);
    ~ObserverServer() override;

    // Listens on address:port (0: any free port); refused on the POP3 server's own port.
    Result listen(const QHostAddress &address, quint16 port);

    QHostAddress address() const;
    quint16 port() const;

    // The token an observer must give: 32 hexadecimal digits, drawn at construction from the
    // system's CSPRNG.
    QByteArray token() const { return m_token; }

    // How many octets may wait for one observer before its events are dropped.
    void setBufferLimit(qint64 octets) { m_bufferLimit = octets; }

    int observerCount() const;

    // The class's lesson: each student's step and the lab answers go into the stream too.
    void setClassLessons(ClassLessons *lessons);

    // Events not sent to some observer because it was too slow (all observers, since start).
    qint64 droppedEvents() const { return m_dropped; }

    // The most octets that ever waited for one observer (never above the buffer limit).
    qint64 largestBacklog() const { return m_largestBacklog; }

signals:
    void observerJoined();

private:
    struct Client
    {
        bool authenticated = false;
        qint64 dropped = 0; // events missed since the last "dropped" line
        quint64 firstDropped = 0;
        quint64 lastDropped = 0;
        bool allBodies = true; // BODIES ALL (the default) or BODIES NONE / <user>...
        QSet<QString> bodyUsers; // without allBodies: the students whose bodies are wanted
        QByteArray pending; // lines of this turn of the event loop, not handed to the socket yet
    };

    void acceptConnections();
    void readRequests(QTcpSocket *socket);
    bool authenticate(QTcpSocket *socket, Client &client, const QByteArray &line);
    QByteArray answer(Client &client, const QByteArray &line);
    void sendEvent(const Event &event);
    void send(QTcpSocket *socket, Client &client, const QByteArray &line, quint64 seq);
    void drained(QTcpSocket *socket);
    void queue(Client &client, const QByteArray &bytes);
    void flushAll();
    void writeOut(QTcpSocket *socket, const QByteArray &bytes);
    QByteArray helloLine() const;
    void sendLessonState(Client &client);
    void sendSnapshot(Client &client);
    void sendToAll(const QByteArray &line);

    Lab *m_lab;
    ClassLessons *m_lessons = nullptr;
    QTcpServer *m_server;
    QByteArray m_token;
    qint64 m_bufferLimit = defaultBufferLimit;
    qint64 m_dropped = 0;
    qint64 m_largestBacklog = 0;
    bool m_flushDue = false; // some observer's pending lines wait for the end of the turn
    std::map<QTcpSocket *, Client> m_clients;
    ClassRoll m_roll; // the class as the stream has shown it so far: a late observer's start
};

} // namespace pop3
