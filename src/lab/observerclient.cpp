#include "lab/observerclient.h"

#include "events/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalBlocker>
#include <QTcpSocket>

namespace pop3 {

namespace {

constexpr qint64 maxLine = 1 << 20; // an event with its 16 KiB body preview fits many times

} // namespace

ObserverClient::ObserverClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_helloTimer(new QTimer(this))
{
    m_helloTimer->setSingleShot(true);
    connect(m_helloTimer, &QTimer::timeout, this, [this] {
        notAnObserver([seconds = (m_helloTimeoutMs + 999) / 1000] {
            return tr("no observer stream answered within %n second(s)", nullptr, seconds);
        });
    });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        // The request behind the token: the server reads it before it sends any event.
        m_socket->write(m_hello + m_bodies);
        m_helloTimer->start(m_helloTimeoutMs);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ObserverClient::readLines);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_joined = false;
        m_helloTimer->stop();
        end([] {
            return tr("the server closed the stream");
        });
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            return;
        // The usual ones in our words (said again in another language); any other in Qt's.
        switch (m_socket->error()) {
        case QAbstractSocket::ConnectionRefusedError:
            end([] {
                return tr("connection refused: nothing listens on that port");
            });
            break;
        case QAbstractSocket::HostNotFoundError:
            end([] {
                return tr("host not found");
            });
            break;
        case QAbstractSocket::SocketTimeoutError:
            end([] {
                return tr("the connection timed out");
            });
            break;
        default:
            end([qt = m_socket->errorString()] {
                return qt;
            });
        }
    });
}

ObserverClient::~ObserverClient()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void ObserverClient::connectTo(
    const QString &host, quint16 port, const QByteArray &token, quint64 since)
{
    close();
    m_hello = "TOKEN " + token.trimmed();
    if (since > 0)
        m_hello += " SINCE " + QByteArray::number(since);
    m_hello += '\n';
    m_socket->connectToHost(host, port);
}

void ObserverClient::close()
{
    m_helloTimer->stop();
    m_joined = false;
    m_users.clear();
    m_pop3.clear();
    const QSignalBlocker quiet(m_socket); // our own close is not news
    m_socket->abort();
}

void ObserverClient::resetStudent(const QString &user)
{
    if (m_joined)
        m_socket->write("RESET " + user.toUtf8() + '\n');
}

void ObserverClient::resetClass()
{
    if (m_joined)
        m_socket->write("RESET-CLASS\n");
}

void ObserverClient::setBodies(const QStringList &users)
{
    QByteArray line = "BODIES";
    if (users.isEmpty())
        line += " NONE";
    for (const QString &user : users)
        line += ' ' + user.toUtf8();
    line += '\n';
    if (line == m_bodies)
        return;
    m_bodies = line;
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(m_bodies);
}

void ObserverClient::readLines()
{
    while (m_socket->canReadLine()) {
        // readLine() sized to the line: readLine(maxLine) would allocate (and page in, and give
        // back) a whole MiB for every event, which kept a class's overview seconds behind.
        const QByteArray line = m_socket->readLine();
        if (line.size() > maxLine) {
            quietAbort();
            end([] {
                return tr("a line of the stream is too long");
            });
            return;
        }
        handleLine(line);
    }
    if (m_socket->bytesAvailable() > maxLine) {
        quietAbort();
        end([] {
            return tr("a line of the stream is too long");
        });
    }
}

// Our own abort: its "disconnected" would say "the server closed the stream" before the reason.
void ObserverClient::quietAbort()
{
    m_helloTimer->stop();
    m_joined = false;
    const QSignalBlocker quiet(m_socket);
    m_socket->abort();
}

// Said once, then the connection goes: what the teacher reads in the overview's status line.
void ObserverClient::end(std::function<QString()> words)
{
    m_closeWords = std::move(words);
    emit closed(m_closeWords());
}

void ObserverClient::notAnObserver(std::function<QString()> why)
{
    quietAbort(); // no second "closed" from the abort
    end([why = std::move(why)] {
        return tr("%1; the observer port is the one pop3lab-server printed after \"observer "
                  "stream on\", with its token")
            .arg(why());
    });
}

void ObserverClient::handleLine(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    const QJsonObject o = document.object();
    if (!m_joined) {
        // Not JSON: another protocol's greeting (the POP3 port's "+OK ...", the answers port's).
        if (!document.isObject()) {
            notAnObserver([said = QString::fromUtf8(line.left(80)).trimmed()] {
                return tr("that port said \"%1\", which is not the observer stream").arg(said);
            });
            return;
        }
        if (o.value(QStringLiteral("hello")).toString() != QLatin1String("pop3lab-observer"))
            return;
        m_helloTimer->stop();
        m_joined = true;
        m_users.clear();
        m_pop3 = o.value(QStringLiteral("pop3")).toString();
        for (const QJsonValue &v : o.value(QStringLiteral("users")).toArray())
            m_users.append(v.toString());
        emit joined(m_users);
        return;
    }
    if (o.contains(QStringLiteral("answer"))) {
        if (o.value(QStringLiteral("request")).toString() == QLatin1String("bodies")) {
            emit bodiesSet(); // setBodies's own answer: nothing for the window to say
            return;
        }
        emit answered(o.value(QStringLiteral("answer")).toString() == QLatin1String("ok"),
            o.value(QStringLiteral("request")).toString(),
            o.value(QStringLiteral("user")).toString(),
            o.value(QStringLiteral("error")).toString());
        return;
    }
    if (o.contains(QStringLiteral("progress"))) {
        emit progressReceived(
            StudentProgress::fromJson(o.value(QStringLiteral("progress")).toObject()));
        return;
    }
    if (o.contains(QStringLiteral("student"))) {
        emit studentReceived(o.value(QStringLiteral("student")).toObject());
        return;
    }
    if (o.contains(QStringLiteral("labAnswer"))) {
        emit labAnswerReceived(
            LabAnswer::fromJson(o.value(QStringLiteral("labAnswer")).toObject()));
        return;
    }
    if (o.contains(QStringLiteral("lesson"))) {
        const QJsonObject l = o.value(QStringLiteral("lesson")).toObject();
        QStringList ids;
        QStringList titles;
        for (const QJsonValue &v : l.value(QStringLiteral("steps")).toArray()) {
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
            titles.append(v.toObject().value(QStringLiteral("title")).toString());
        }
        QList<LabQuestion> questions;
        for (const QJsonValue &v : l.value(QStringLiteral("questions")).toArray())
            questions.append(LabQuestion::fromJson(v.toObject()));
        emit lessonReceived(l.value(QStringLiteral("id")).toString(),
            l.value(QStringLiteral("title")).toString(),
            ids,
            titles,
            questions);
        return;
    }
    if (o.contains(QStringLiteral("dropped"))) {
        emit eventsMissed(o.value(QStringLiteral("dropped")).toInteger());
        return;
    }
    if (const std::optional<Event> e = EventLog::fromJson(o))
        emit eventReceived(*e);
}

} // namespace pop3
