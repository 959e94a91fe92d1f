#pragma once

#include <QDialog>
#include <QHash>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace pop3 {
class AnswerClient;
struct LabQuestion;
} // namespace pop3

// File > Hand In Lab Answers...: a student sends their answers to the class server's answers
// port (pop3lab-server --answers), logged in with their own user name and password from the
// login slip; the server checks each against the student's own mailbox and says right or wrong,
// shown beside each question. The same protocol a student can type into telnet
// (docs/classroom.md).
class HandInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandInDialog)

public:
    explicit HandInDialog(QWidget *parent = nullptr);

    void setServer(const QString &host, quint16 port);
    // Logs in with what the fields hold.
    void logIn();
    // Sends every answer typed.
    void sendAnswers();

    // The answer field of question id (null before the questions came).
    QLineEdit *answerField(const QString &id) const;
    // What the server said of question id's answer ("✓ right", "✗ wrong", an error).
    QString verdict(const QString &id) const;
    QString statusText() const;

signals:
    void questionsShown();
    void answerChecked(const QString &question, bool correct);

private:
    void showQuestions(const QList<pop3::LabQuestion> &questions);
    void clearQuestions();
    void updateWidgets();

    pop3::AnswerClient *m_client;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_logIn;
    QWidget *m_questionsBox;
    QFormLayout *m_questionsForm;
    QPushButton *m_send;
    QLabel *m_status;
    QHash<QString, QLineEdit *> m_answers;
    QHash<QString, QLabel *> m_verdicts;
    int m_pending = 0;
};
