#pragma once

#include "events/result.h"

#include <QHostAddress>
#include <QObject>

#include <map>

class QTcpServer;
class QTcpSocket;

namespace pop3 {

class ClassLessons;
class MailStore;

// Where students hand in their lab answers (docs/classroom.md, "Handing in the answers"): a port
// of its own, never the POP3 port, with a line protocol a student can type into telnet as they
// typed POP3, and that the pop3lab window sends for them. A student logs in with their own POP3
// user name and password and can only ever answer as themselves:
//
//   S: +OK pop3lab lab answers, lesson 02-count-and-size: USER, PASS, then ANSWER <question>
//   <answer> C: USER student03          S: +OK C: PASS bafudimi47         S: +OK student03: 3
//   questions (QUESTIONS lists them) C: QUESTIONS               S: +OK 3 questions / count How many
//   mails... / . C: ANSWER count 35         S: +OK right     (or +OK wrong, or -ERR why it was not
//   taken) C: QUIT                    S: +OK bye
//
// Answers are checked by ClassLessons against the student's own mailbox. A wrong password is
// answered after failureDelayMs (nothing else waits meanwhile) and the third one closes the
// connection, so guessing a classmate's password is no faster here than on the POP3 port.
class AnswerServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerServer)

public:
    static constexpr int maxConnections = 256;
    static constexpr int maxLoginFailures = 3;
    static constexpr qint64 maxLine = 1024;
    static constexpr int idleTimeoutMs = 10 * 60 * 1000;
    static constexpr int defaultFailureDelayMs = 2000;

    AnswerServer(const MailStore *store, ClassLessons *lessons, QObject *parent = nullptr);
    ~AnswerServer() override;

    // Listens on address:port (0: any free port); refused on the POP3 port (pop3Port, 0: none).
    Result listen(const QHostAddress &address, quint16 port, quint16 pop3Port = 0);

    QHostAddress address() const;
    quint16 port() const;

    void setFailureDelay(int ms) { m_failureDelayMs = ms; }

private:
    struct Client
    {
        QString user; // given by USER
        bool authenticated = false;
        bool waiting = false; // a failed PASS's delay runs: lines wait
        int failures = 0;
    };

    void acceptConnections();
    void readLines(QTcpSocket *socket);
    void handle(QTcpSocket *socket, Client &client, const QByteArray &line);
    void passFailed(QTcpSocket *socket);
    QByteArray questionsReply() const;

    const MailStore *m_store;
    ClassLessons *m_lessons;
    QTcpServer *m_server;
    int m_failureDelayMs = defaultFailureDelayMs;
    std::map<QTcpSocket *, Client> m_clients;
};

} // namespace pop3
