// ObserverClient against a real ObserverServer over TCP on 127.0.0.1: it joins with the token,
// gets the class's events back as Events (credentials hidden), asks for a reset; a wrong token
// ends the stream before anything arrived.

#include "events/eventlog.h"
#include "lab/classroster.h"
#include "lab/lab.h"
#include "lab/observerclient.h"
#include "lab/observerserver.h"
#include "support/classserver.h"
#include "support/pop3testclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;

class TestObserverClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void joinsAndReceivesTheClassEvents();
    void wrongTokenGetsNothing();
    void aPop3PortIsToldAtOnce();
    void aSilentPortTimesOut();
    void asksForAReset();
    void anOverlongLineIsSaidOnce();

private:
    QList<ClassRoster::Student> m_students;
    std::unique_ptr<ClassServer> m_class;
    Lab *m_lab = nullptr;
    ObserverServer *m_server = nullptr;
};

void TestObserverClient::init()
{
    QString error;
    m_students = ClassRoster::generate(2, QStringLiteral("student"), &error);
    m_class = std::make_unique<ClassServer>();
    QVERIFY(m_class->startClass(m_students));
    QVERIFY(m_class->startObserver());
    m_lab = m_class->lab.get();
    m_server = m_class->observer.get();
}

void TestObserverClient::cleanup()
{
    m_class.reset();
}

void TestObserverClient::joinsAndReceivesTheClassEvents()
{
    ObserverClient client;
    QSignalSpy joined(&client, &ObserverClient::joined);
    QSignalSpy events(&client, &ObserverClient::eventReceived);
    client.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    QCOMPARE(client.users(), (QStringList{m_students.at(0).user, m_students.at(1).user}));

    pop3test::Client student;
    QVERIFY(student.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(student.login(m_students.at(1).user.toUtf8(), m_students.at(1).password.toUtf8()));
    QVERIFY(student.command("QUIT").startsWith("+OK"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !events.isEmpty() && events.last().first().value<Event>().kind == EventKind::Disconnected,
        5000);
    QList<QByteArray> lines;
    QString lockUser;
    for (const QList<QVariant> &args : std::as_const(events)) {
        const Event e = args.first().value<Event>();
        if (e.kind == EventKind::ClientLine)
            lines.append(e.bytes.trimmed());
        if (e.kind == EventKind::LockCreated)
            lockUser = e.user;
    }
    QCOMPARE(lines,
        (QList<QByteArray>{"USER " + m_students.at(1).user.toUtf8(), "PASS ********", "QUIT"}));
    QCOMPARE(lockUser, m_students.at(1).user);
}

// Teacher's trial: the overview pointed at the POP3 port (or the answers port) stayed on
// "Connecting..." for minutes, every line before the observer's hello ignored.
void TestObserverClient::aPop3PortIsToldAtOnce()
{
    QTcpServer pop3;
    QVERIFY(pop3.listen(QHostAddress::LocalHost, 0));
    connect(&pop3, &QTcpServer::newConnection, this, [&] {
        pop3.nextPendingConnection()->write("+OK Dovecot ready.\r\n");
    });
    ObserverClient client;
    QSignalSpy closed(&client, &ObserverClient::closed);
    client.connectTo(QStringLiteral("127.0.0.1"), pop3.serverPort(), "0123456789abcdef");
    QVERIFY(closed.wait(5000));
    const QString why = closed.first().first().toString();
    QVERIFY2(why.contains(QLatin1String("+OK Dovecot ready.")), qPrintable(why));
    QVERIFY2(why.contains(QLatin1String("observer stream on")), qPrintable(why));
    QVERIFY(!client.isJoined());
}

void TestObserverClient::aSilentPortTimesOut()
{
    QTcpServer silent; // accepts, never speaks
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ObserverClient client;
    client.setHelloTimeout(300);
    QSignalSpy closed(&client, &ObserverClient::closed);
    client.connectTo(QStringLiteral("127.0.0.1"), silent.serverPort(), "0123456789abcdef");
    QVERIFY(closed.wait(5000));
    QVERIFY2(closed.first().first().toString().contains(QLatin1String("observer stream on")),
        qPrintable(closed.first().first().toString()));
}

void TestObserverClient::wrongTokenGetsNothing()
{
    ObserverClient client;
    QSignalSpy joined(&client, &ObserverClient::joined);
    QSignalSpy events(&client, &ObserverClient::eventReceived);
    QSignalSpy closed(&client, &ObserverClient::closed);
    client.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), QByteArray(32, 'f'));
    QVERIFY(closed.wait(5000));
    QCOMPARE(joined.count(), 0);
    QCOMPARE(events.count(), 0);
    QVERIFY(!client.isJoined());
}

void TestObserverClient::asksForAReset()
{
    ObserverClient client;
    QSignalSpy joined(&client, &ObserverClient::joined);
    QSignalSpy answered(&client, &ObserverClient::answered);
    client.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    client.resetStudent(m_students.at(0).user);
    QVERIFY(answered.wait(5000));
    QCOMPARE(answered.first().at(0).toBool(), true);
    QCOMPARE(answered.first().at(1).toString(), QStringLiteral("reset"));
    QCOMPARE(answered.first().at(2).toString(), m_students.at(0).user); // whose
    client.resetStudent(QStringLiteral("nobody"));
    QVERIFY(answered.wait(5000));
    QCOMPARE(answered.last().at(0).toBool(), false);
    QCOMPARE(answered.last().at(2).toString(), QStringLiteral("nobody"));
    QVERIFY(answered.last().at(3).toString().contains(QStringLiteral("nobody")));
    client.resetClass();
    QVERIFY(answered.wait(5000));
    QCOMPARE(answered.last().at(0).toBool(), true);
    QCOMPARE(answered.last().at(1).toString(), QStringLiteral("reset-class"));
    QCOMPARE(answered.last().at(2).toString(), QString());
}

// A stream line over 1 MiB ends the stream, said once and for that reason (the abort's own
// "disconnected" said "the server closed the stream" first, which the overview kept).
void TestObserverClient::anOverlongLineIsSaidOnce()
{
    QTcpServer flood;
    QVERIFY(flood.listen(QHostAddress::LocalHost, 0));
    connect(&flood, &QTcpServer::newConnection, this, [&flood] {
        QTcpSocket *socket = flood.nextPendingConnection();
        socket->write(QByteArray(2 << 20, 'x')); // 2 MiB, no line ending
    });
    ObserverClient client;
    QSignalSpy closed(&client, &ObserverClient::closed);
    client.connectTo(QStringLiteral("127.0.0.1"), flood.serverPort(), "0123456789abcdef");
    QVERIFY(closed.wait(5000));
    QVERIFY2(closed.first().first().toString().contains(QLatin1String("too long")),
        qPrintable(closed.first().first().toString()));
    QCoreApplication::processEvents();
    QCOMPARE(closed.count(), 1);
    QVERIFY(!client.isJoined());
}

QTEST_GUILESS_MAIN(TestObserverClient)
#include "tst_observerclient.moc"
