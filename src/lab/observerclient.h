#pragma once

#include "events/event.h"
#include "lab/labresults.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace pop3 {

// The other end of ObserverServer (docs/classroom.md): connects, gives the token, and turns each
// line of the stream back into an Event (EventLog::fromJsonLine), an answer, or a count of missed
// events. What a teacher's overview stands on; it never blocks (the socket's signals drive it).
//
//   connectTo(host, port, token) ──► TOKEN ──► hello: joined(users) ──► eventReceived(event)...
//   resetStudent(user) / resetClass() ──► answered(ok, request, user, error)
class ObserverClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObserverClient)

public:
    explicit ObserverClient(QObject *parent = nullptr);
    ~ObserverClient() override;

    // Connects and gives token; since > 0 asks for the events after that sequence number first.
    void connectTo(const QString &host, quint16 port, const QByteArray &token, quint64 since = 0);
    void close();

    bool isJoined() const { return m_joined; }

    // How long to wait, once connected, for the observer's hello (default 10 s): a port that
    // stays silent is not an observer stream.
    void setHelloTimeout(int ms) { m_helloTimeoutMs = ms; }

    QStringList users() const { return m_users; }

    // Where the class's POP3 server listens, as the hello says ("0.0.0.0:1110"); empty before.
    QString pop3Endpoint() const { return m_pop3; }

    void resetStudent(const QString &user);
    void resetClass();

    // Asks for the mail bodies (RETR, TOP) of these students only; none when empty. Until it is
    // called the stream carries every body (the protocol's default). Kept across reconnections:
    // it goes right after the token.
    void setBodies(const QStringList &users);

signals:
    void joined(const QStringList &users);
    void eventReceived(const pop3::Event &event);
    // user: the student a RESET named (empty for RESET-CLASS).
    void answered(bool ok, const QString &request, const QString &user, const QString &error);
    void eventsMissed(qint64 count);
    // The server took the last setBodies(): the events from here on carry those bodies.
    void bodiesSet();
    // The class's lesson (its id, title, language, step ids and titles, and its questions), sent
    // after the hello by a server that keeps lesson progress per student.
    void lessonReceived(const QString &id,
        const QString &title,
        const QStringList &stepIds,
        const QStringList &stepTitles,
        const QList<pop3::LabQuestion> &questions);
    void progressReceived(const pop3::StudentProgress &progress);
    // Where one student is when the observer joins (the server's snapshot after the hello, see
    // ClassRoll::studentJson): a late observer's rows start from these.
    void studentReceived(const QJsonObject &student);
    void labAnswerReceived(const pop3::LabAnswer &answer);
    // The connection ended (a wrong token ends it before anything was received); why is
    // closeWords() at that moment.
    void closed(const QString &why);

public:
    // Why the last connection ended, in the language installed now (a window that switches
    // language says it again); empty before any end.
    QString closeWords() const { return m_closeWords ? m_closeWords() : QString(); }

    // The same words to keep: says them again, in the language of each call.
    std::function<QString()> closeReason() const { return m_closeWords; }

private:
    void end(std::function<QString()> words); // says why, then emits closed()
    void quietAbort();
    void readLines();
    void handleLine(const QByteArray &line);
    void notAnObserver(std::function<QString()> why);

    QTcpSocket *m_socket;
    QByteArray m_hello;
    QByteArray m_bodies; // the BODIES request line; empty: never asked (every body)
    QStringList m_users;
    QString m_pop3;
    bool m_joined = false;
    QTimer *m_helloTimer;
    int m_helloTimeoutMs = 10'000;
    std::function<QString()> m_closeWords;
};

} // namespace pop3
