#pragma once

#include "lab/labresults.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

class QTcpSocket;

namespace pop3 {

// The student's end of AnswerServer (docs/classroom.md, "Handing in the answers"): logs in with
// the student's own user name and password, reads the questions, and sends answers one at a time,
// each told right or wrong by the server. Driven by the socket's signals; it never blocks.
//
//   logIn(host, port, user, password) ──► USER / PASS / QUESTIONS ──► loggedIn(questions)
//   answer(question, text) ──► ANSWER ──► answered(question, correct, error)
class AnswerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerClient)

public:
    explicit AnswerClient(QObject *parent = nullptr);
    ~AnswerClient() override;

    void logIn(const QString &host, quint16 port, const QString &user, const QString &password);
    void close();

    bool isLoggedIn() const { return m_step == Step::Ready; }

    // Sends one answer (queued behind the one waiting for its reply).
    void answer(const QString &question, const QString &text);

signals:
    // The questions by id and prompt (a choice's choices in "[1] …" on the prompt's line).
    void loggedIn(const QList<pop3::LabQuestion> &questions);
    // error: the server's words when the answer was not taken (correct is then false).
    void answered(const QString &question, bool correct, const QString &error);
    void failed(const QString &error);

private:
    enum class Step {
        Closed,
        Greeting,
        User,
        Pass,
        Questions,
        QuestionLines,
        Ready
    };

    void readLines();
    void handleLine(const QString &line);
    void sendNext();

    QTcpSocket *m_socket;
    Step m_step = Step::Closed;
    QString m_user;
    QString m_password;
    QList<LabQuestion> m_questions;
    QList<std::pair<QString, QString>> m_queue; // answers not sent yet
    QString m_waiting; // the question whose answer awaits its reply
};

} // namespace pop3
