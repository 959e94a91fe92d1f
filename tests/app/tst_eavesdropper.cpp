// The eavesdropper view over real TCP: terminal sessions to the built-in server through their
// WireTap, and what the view shows of them. A login in clear shows the password; after STLS, or on
// a TLS connection, nothing typed appears, only records whose sizes add up to the bytes relayed.

#include "app/eavesdropper/eavesdropperpane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"
#include "support/labfixture.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextEdit>

class TestEavesdropper : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void userPassShowsThePassword();
    void nothingReadableAfterStls();
    void authPlainAndLoginAreDecoded();
    void digestsAreReadableButNotReusable();
    void tlsFromTheStartShowsOnlyRecords();
    void recordsAreCutAcrossChunks();
    void tapRelaysOnlyTheTerminal();
    void refusedConnectionIsToldAsBefore();
    void frenchFollowsLanguageChange();
    void ctrl6FollowsTheCurrentTab();

private:
    TerminalSession *open(ConnectionSettings::Security security, quint16 port = 0);
    QByteArray send(TerminalSession *session, const QString &line);
    QString shown(TerminalSession *session);
    static qint64 recordedSizes(const WireCapture &capture);
    static qint64 terminalBytes(const TerminalSession *session, Transcript::Kind kind);

    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<EavesdropperPane> m_pane;
    QList<TerminalSession *> m_sessions;
};

void TestEavesdropper::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_pane = std::make_unique<EavesdropperPane>();
    m_pane->resize(640, 480);
    m_pane->show();
}

void TestEavesdropper::cleanup()
{
    m_pane.reset();
    qDeleteAll(m_sessions);
    m_sessions.clear();
    m_lab.reset();
}

TerminalSession *TestEavesdropper::open(ConnectionSettings::Security security, quint16 port)
{
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port ? port : m_lab->services->server()->port();
    s.security = security;
    auto *session = new TerminalSession(s, m_lab->services.get());
    m_sessions.append(session);
    // Another port than the built-in server's: its certificate is trusted for the test.
    session->setTrustQuestion([](const QSslCertificate &, const QList<QSslError> &) {
        return true;
    });
    m_pane->setSession(session, QStringLiteral("Terminal 1"));
    QSignalSpy replies(session, &TerminalSession::replyReceived);
    session->open();
    if (security != ConnectionSettings::Security::Tls && !replies.wait(5000))
        return nullptr;
    return session;
}

QByteArray TestEavesdropper::send(TerminalSession *session, const QString &line)
{
    QSignalSpy replies(session, &TerminalSession::replyReceived);
    session->sendLine(line);
    if (!replies.wait(5000))
        return {};
    return replies.first().first().toByteArray().trimmed();
}

QString TestEavesdropper::shown(TerminalSession *session)
{
    // What crossed the wire so far has reached the capture once the terminal read its reply;
    // the client's own last bytes are in the tap before the server could answer them.
    Q_UNUSED(session);
    m_pane->refresh();
    return m_pane->plainText();
}

qint64 TestEavesdropper::recordedSizes(const WireCapture &capture)
{
    qint64 total = 0;
    for (const WireCapture::Entry &e : capture.entries()) {
        if (e.kind == WireCapture::Entry::Kind::Record
            || e.kind == WireCapture::Entry::Kind::Folded)
            total += e.size;
    }
    return total;
}

qint64 TestEavesdropper::terminalBytes(const TerminalSession *session, Transcript::Kind kind)
{
    qint64 total = 0;
    for (const Transcript::Entry &e : session->transcript().entries()) {
        if (e.kind == kind)
            total += e.bytes.size();
    }
    return total;
}

void TestEavesdropper::userPassShowsThePassword()
{
    TerminalSession *s = open(ConnectionSettings::Security::Raw);
    QVERIFY(s);
    QVERIFY(send(s, QStringLiteral("user student")).startsWith("+OK"));
    QCOMPARE(send(s, QStringLiteral("PASS hessovs!")), QByteArray("+OK Logged in."));
    const QString text = shown(s);
    QVERIFY2(text.contains(QStringLiteral("C→S  PASS hessovs!")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The password, in clear: hessovs!")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Password readable on the wire: hessovs!")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("S→C  +OK Dovecot ready.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The user name, in clear: student")), qPrintable(text));
    // The password is highlighted in the view's rich text.
    QVERIFY(m_pane->view()->toHtml().contains(QStringLiteral("#8b0000")));
    // Every byte the terminal sent and received crossed the tap, in clear.
    const WireCapture &c = s->capture();
    QCOMPARE(c.tlsBytes(), 0);
    QCOMPARE(c.clearBytes(),
        terminalBytes(s, Transcript::Kind::Sent) + terminalBytes(s, Transcript::Kind::Received));
}

void TestEavesdropper::nothingReadableAfterStls()
{
    TerminalSession *s = open(ConnectionSettings::Security::Stls);
    QVERIFY(s);
    QVERIFY(send(s, QStringLiteral("STLS")).startsWith("+OK"));
    QTRY_VERIFY_WITH_TIMEOUT(s->isEncrypted(), 10000);
    const QStringList typed = {QStringLiteral("user student"),
        QStringLiteral("pass hessovs!"),
        QStringLiteral("list"),
        QStringLiteral("retr 1"),
        QStringLiteral("noop")};
    for (const QString &line : typed)
        QVERIFY2(send(s, line).startsWith("+OK"), qPrintable(line));
    QTRY_VERIFY(s->capture().tlsRecords() > 6);
    const QString text = shown(s);
    // Before STLS in clear, then not one word typed or received after it.
    QVERIFY2(text.contains(QStringLiteral("C→S  STLS")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("S→C  +OK Begin TLS negotiation now.")), qPrintable(text));
    for (const QString &line : typed)
        QVERIFY2(!text.contains(line, Qt::CaseInsensitive), qPrintable(line + '\n' + text));
    for (const QString &word : {QStringLiteral("hessovs"),
             QStringLiteral("student"),
             QStringLiteral("Logged in"),
             QStringLiteral("Subject:"),
             QStringLiteral("From:")})
        QVERIFY2(!text.contains(word), qPrintable(word + '\n' + text));
    QVERIFY2(text.contains(QStringLiteral("No password readable on the wire.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("handshake: ClientHello")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("TLS record 17 03 03 ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("bytes, encrypted")), qPrintable(text));
    // The records' headers account for every byte after STLS: they are the real framing.
    const WireCapture &c = s->capture();
    QCOMPARE(recordedSizes(c), c.tlsBytes());
    QCOMPARE(c.clearBytes(),
        qint64(
            QByteArray("+OK Dovecot ready.\r\nSTLS\r\n+OK Begin TLS negotiation now.\r\n").size()));
}

void TestEavesdropper::authPlainAndLoginAreDecoded()
{
    TerminalSession *s = open(ConnectionSettings::Security::Raw);
    QVERIFY(s);
    // "\0student\0hessovs!" in base64, as the initial response (RFC 4616, RFC 5034).
    QVERIFY(send(s, QStringLiteral("AUTH PLAIN AHN0dWRlbnQAaGVzc292cyE=")).startsWith("+OK"));
    QString text = shown(s);
    QVERIFY2(text.contains(QStringLiteral("decoded, this is ␀student␀hessovs!")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("The password hessovs! of student leaks")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Password readable on the wire: hessovs!")), qPrintable(text));
    QVERIFY(send(s, QStringLiteral("quit")).startsWith("+OK"));

    TerminalSession *login = open(ConnectionSettings::Security::Raw);
    QVERIFY(login);
    QCOMPARE(send(login, QStringLiteral("AUTH LOGIN")), QByteArray("+ VXNlcm5hbWU6"));
    QCOMPARE(send(login, QStringLiteral("YmFyYWtpcnM=")), QByteArray("+ UGFzc3dvcmQ6"));
    QVERIFY(send(login, QStringLiteral("YmxhY2tzdW4=")).startsWith("+OK"));
    text = shown(login);
    QVERIFY2(text.contains(QStringLiteral("The SASL mechanism, in clear.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The user name, in clear: barakirs")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("decoded, this is blacksun")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Password readable on the wire: blacksun")), qPrintable(text));
}

void TestEavesdropper::digestsAreReadableButNotReusable()
{
    // APOP with the rfc1939 personality (a timestamp in the greeting), then CRAM-MD5 (RFC 2195):
    // the digests cross in clear, marked as readable but not reusable, and no password shows.
    QVERIFY(m_lab->services->setPersonality(QStringLiteral("rfc1939")).ok);
    TerminalSession *s = open(ConnectionSettings::Security::Raw);
    QVERIFY(s);
    const QByteArray greeting = s->transcript().entries().last().bytes;
    const qsizetype from = greeting.indexOf('<');
    const qsizetype to = greeting.indexOf('>', from);
    QVERIFY2(from > 0 && to > from, greeting.constData());
    const QByteArray digest = QCryptographicHash::hash(
        QByteArray(greeting.mid(from, to - from + 1) + "hessovs!"), QCryptographicHash::Md5)
                                  .toHex();
    QVERIFY(
        send(s, QStringLiteral("APOP student ") + QString::fromLatin1(digest)).startsWith("+OK"));
    QString text = shown(s);
    QVERIFY2(text.contains(QStringLiteral("APOP digest of student: readable but not reusable")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("No password in clear: only digests")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("hessovs")), qPrintable(text));
    QVERIFY(send(s, QStringLiteral("quit")).startsWith("+OK"));

    // CRAM-MD5 as RFC 2195 shows it (none of the shipped personalities in the window offers it).
    WireCapture cram;
    using D = WireTap::Direction;
    cram.add(D::ClientToServer, "AUTH CRAM-MD5\r\n");
    cram.add(D::ServerToClient, "+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n");
    cram.add(D::ClientToServer, "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n");
    cram.add(D::ServerToClient, "+OK\r\n");
    QCOMPARE(cram.entries().size(), 4);
    QCOMPARE(cram.entries().at(0).leak, WireCapture::Leak::Mechanism);
    const WireCapture::Entry &answer = cram.entries().at(2);
    QCOMPARE(answer.leak, WireCapture::Leak::CramMd5);
    QCOMPARE(answer.user, QStringLiteral("tim"));
    QCOMPARE(answer.secret, QStringLiteral("b913a602c7eda7a495b4e6e7334d3890"));
    QCOMPARE(cram.leaks().size(), 1);
}

void TestEavesdropper::tlsFromTheStartShowsOnlyRecords()
{
    // The window's server with POP3S on a second port.
    pop3::Pop3Server other(m_lab->services->log(),
        m_lab->services->store(),
        *pop3::Personality::load(QStringLiteral("dovecot")));
    pop3::Pop3Server::Options options;
    options.port = 0;
    options.tlsPort = 0;
    options.certificate = m_lab->services->tlsIdentity()->certificate;
    options.key = m_lab->services->tlsIdentity()->key;
    QVERIFY(other.listen(options));
    TerminalSession *s = open(ConnectionSettings::Security::Tls, other.tlsPort());
    QTRY_VERIFY_WITH_TIMEOUT(s->isEncrypted(), 10000);
    QTRY_VERIFY(terminalBytes(s, Transcript::Kind::Received) > 0); // the greeting, inside TLS
    QVERIFY(send(s, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(send(s, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    const QString text = shown(s);
    const WireCapture &c = s->capture();
    QCOMPARE(c.clearBytes(), 0);
    QVERIFY(c.tlsSeen());
    QCOMPARE(recordedSizes(c), c.tlsBytes());
    QVERIFY(!c.entries().isEmpty());
    QCOMPARE(c.entries().first().kind, WireCapture::Entry::Kind::Record);
    QCOMPARE(c.entries().first().handshakeType, 1); // ClientHello, the first byte on the wire
    for (const QString &word : {QStringLiteral("+OK"),
             QStringLiteral("Dovecot"),
             QStringLiteral("student"),
             QStringLiteral("hessovs")})
        QVERIFY2(!text.contains(word), qPrintable(word + '\n' + text));
}

void TestEavesdropper::recordsAreCutAcrossChunks()
{
    // Records arrive as TCP delivers them: a header split in two, two records in one read.
    WireCapture c;
    using D = WireTap::Direction;
    const QByteArray hello = QByteArray::fromHex("160301000501") + QByteArray(4, 'x');
    const QByteArray data = QByteArray::fromHex("170303004a") + QByteArray(0x4a, '\x9c');
    c.add(D::ClientToServer, hello.left(3));
    c.add(D::ClientToServer, hello.mid(3) + data.left(10));
    c.add(D::ClientToServer, data.mid(10) + data);
    QCOMPARE(c.tlsRecords(), 3);
    QCOMPARE(c.entries().size(), 3);
    QCOMPARE(c.entries().at(0).handshakeType, 1);
    QCOMPARE(c.entries().at(1).size, 79);
    QCOMPARE(c.entries().at(1).bytes.left(5), QByteArray::fromHex("170303004a"));
    QCOMPARE(c.clearBytes(), 0);
    QCOMPARE(c.tlsBytes(), hello.size() + 2 * data.size());

    // Lines pipelined after STLS, before its +OK, crossed in clear: they are shown so.
    WireCapture stls;
    stls.add(D::ServerToClient, "+OK ready\r\n");
    stls.add(D::ClientToServer, "STLS\r\nUSER early\r\n");
    stls.add(D::ServerToClient, "+OK Begin TLS\r\n" + QByteArray::fromHex("1603030002") + "\x02x");
    stls.add(D::ClientToServer, data);
    QCOMPARE(stls.entries().size(), 6);
    QCOMPARE(stls.entries().at(2).user, QStringLiteral("early"));
    QCOMPARE(stls.entries().at(4).handshakeType, 2); // ServerHello
    QCOMPARE(stls.entries().at(5).recordType, 23);
}

void TestEavesdropper::tapRelaysOnlyTheTerminal()
{
    // Another program on this machine connects to the tap's port first: it gets nothing, the
    // terminal's own socket (named by its port) gets the server.
    WireTap tap;
    QSignalSpy ready(&tap, &WireTap::ready);
    tap.open(QStringLiteral("127.0.0.1"), m_lab->services->server()->port());
    QVERIFY(ready.wait(5000));
    QTcpSocket intruder;
    intruder.connectToHost(QHostAddress::LocalHost, tap.listenPort());
    QVERIFY(intruder.waitForConnected(5000));
    QTcpSocket terminal;
    terminal.connectToHost(QHostAddress::LocalHost, tap.listenPort());
    QVERIFY(terminal.waitForConnected(5000));
    QSignalSpy intruderClosed(&intruder, &QTcpSocket::disconnected);
    tap.pair(terminal.localPort());
    QTRY_VERIFY(terminal.bytesAvailable() > 0);
    QCOMPARE(terminal.readAll(), QByteArray("+OK Dovecot ready.\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(intruderClosed.count(), 1, 5000);
    QCOMPARE(intruder.readAll(), QByteArray());
    QCOMPARE(tap.bytesRelayed(WireTap::Direction::ServerToClient), 20);
}

void TestEavesdropper::refusedConnectionIsToldAsBefore()
{
    // Nothing listens there: the tab says so, as it did before the tap, and never connects.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    TerminalSession session(s, m_lab->services.get());
    QSignalSpy ended(&session, &TerminalSession::ended);
    session.open();
    QVERIFY(ended.wait(5000));
    QCOMPARE(session.ending(), TerminalSession::Ending::Failed);
    QVERIFY(session.localEndpoint().isEmpty());
}

void TestEavesdropper::frenchFollowsLanguageChange()
{
    TerminalSession *s = open(ConnectionSettings::Security::Raw);
    QVERIFY(s);
    QVERIFY(send(s, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(send(s, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(french.hasOwnWords());
    QApplication::processEvents(); // LanguageChange
    const QString text = shown(s);
    french.remove();
    QVERIFY2(
        text.contains(QStringLiteral("Le mot de passe, en clair : hessovs!")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Mot de passe lisible sur le fil : hessovs!")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("C→S")), qPrintable(text));
    QCOMPARE(m_pane->view()->accessibleName(), QStringLiteral("Ce que voit un espion"));
}

void TestEavesdropper::ctrl6FollowsTheCurrentTab()
{
    m_pane.reset();
    MainWindow window(m_lab->services.get());
    window.resize(1280, 720);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    TerminalPane *terminal = window.terminalPane();
    TerminalView *first = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(first));
    QVERIFY(typeLine(first, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(first, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    TerminalView *second = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(second));
    EavesdropperPane *pane = window.eavesdropperPane();
    QCOMPARE(pane->session(), second->session());
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), pane->view());
    QTRY_VERIFY(pane->view()->visibleRegion().boundingRect() == pane->view()->rect());
    pane->refresh();
    QVERIFY(!pane->plainText().contains(QStringLiteral("hessovs!")));
    QTest::keyClick(pane->view(), Qt::Key_1, Qt::ControlModifier); // back to the terminal
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(pane->session(), first->session());
    pane->refresh();
    QVERIFY2(pane->plainText().contains(QStringLiteral("hessovs!")), qPrintable(pane->plainText()));
}

QTEST_MAIN(TestEavesdropper)
#include "tst_eavesdropper.moc"
