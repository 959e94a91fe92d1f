#include "lab/answerclient.h"

#include <QTcpSocket>

namespace pop3 {

namespace {

constexpr qint64 maxLine = 4096;

} // namespace

AnswerClient::AnswerClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
{
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_step = Step::Greeting;
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &AnswerClient::readLines);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_step == Step::Closed)
            return;
        m_step = Step::Closed;
        emit failed(m_socket->errorString());
    });
}

AnswerClient::~AnswerClient() = default;

void AnswerClient::logIn(
    const QString &host, quint16 port, const QString &user, const QString &password)
{
    close();
    m_user = user;
    m_password = password;
    m_questions.clear();
    m_step = Step::Greeting;
    m_socket->connectToHost(host, port);
}

void AnswerClient::close()
{
    m_step = Step::Closed;
    m_queue.clear();
    m_waiting.clear();
    const QSignalBlocker quiet(m_socket); // our own close is not news
    m_socket->abort();
}

void AnswerClient::answer(const QString &question, const QString &text)
{
    // One line each: a line break in the text would start another command.
    QString t = text;
    t.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_queue.append({question, t.trimmed()});
    sendNext();
}

void AnswerClient::sendNext()
{
    if (m_step != Step::Ready || !m_waiting.isEmpty() || m_queue.isEmpty())
        return;
    const auto [question, text] = m_queue.takeFirst();
    m_waiting = question;
    m_socket->write("ANSWER " + question.toUtf8() + ' ' + text.toUtf8() + "\r\n");
}

void AnswerClient::readLines()
{
    while (m_socket->canReadLine()) {
        QByteArray line = m_socket->readLine(maxLine);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        handleLine(QString::fromUtf8(line));
        if (m_step == Step::Closed)
            return;
    }
    if (m_socket->bytesAvailable() > maxLine) {
        close();
        emit failed(QStringLiteral("a line from the server is too long"));
    }
}

void AnswerClient::handleLine(const QString &line)
{
    const bool ok = line.startsWith(QLatin1String("+OK"));
    auto fail = [this, &line] {
        close();
        emit failed(line.startsWith(QLatin1String("-ERR ")) ? line.mid(5) : line);
    };
    switch (m_step) {
    case Step::Closed:
        return;
    case Step::Greeting:
        if (!ok || !line.contains(QLatin1String("lab answers")))
            return fail();
        m_step = Step::User;
        m_socket->write("USER " + m_user.toUtf8() + "\r\n");
        return;
    case Step::User:
        if (!ok)
            return fail();
        m_step = Step::Pass;
        m_socket->write("PASS " + m_password.toUtf8() + "\r\n");
        return;
    case Step::Pass:
        if (!ok)
            return fail();
        m_step = Step::Questions;
        m_socket->write("QUESTIONS\r\n");
        return;
    case Step::Questions:
        if (!ok)
            return fail();
        m_step = Step::QuestionLines;
        return;
    case Step::QuestionLines: {
        if (line == QLatin1String(".")) {
            m_step = Step::Ready;
            emit loggedIn(m_questions);
            sendNext();
            return;
        }
        const QString l = line.startsWith(QLatin1Char('.')) ? line.mid(1) : line;
        const qsizetype space = l.indexOf(QLatin1Char(' '));
        m_questions.append({space < 0 ? l : l.left(space),
            QString(),
            space < 0 ? QString() : l.mid(space + 1),
            {}});
        return;
    }
    case Step::Ready: {
        const QString question = m_waiting;
        m_waiting.clear();
        if (ok)
            emit answered(question, line.startsWith(QLatin1String("+OK right")), QString());
        else
            emit answered(question, false, line.mid(5));
        sendNext();
        return;
    }
    }
}

} // namespace pop3
