#include "app/laboptions.h"
#include "diagram/sequencemodel.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "net/tlsidentity.h"
#include "protocol/personality.h"
#include "support/labfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextBlock>
#include <QTextDocument>

class TestTerminalPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typeUserAndReadTranscript();
    void backspaceAndCursorEditing();
    void historyWalksUpAndDown();
    void ctrlUErasesTheTypedLine();
    void pageKeysScrollWithoutSelecting();
    void netcatModeSendsBareLf();
    void windowsTelnetModeSendsEachKeyWithoutEcho();
    void secondTabIsRefusedInUse();
    void controlCharactersShowTheWire();
    void closedConnectionKeepsTabAndSaysSo();
    void closeOnCleanExitClosesTheTab();
    void saveTranscriptHidesPassword();
    void terminalLineMapsToEventAndBack();
    void builtinServerEventsAreNotDoubled();
    void externalServerEventsComeFromClientTracker();
    void longRetrKeepsTheWindowResponsive();
    void windowServerOffersStlsWithWorkspaceCertificate();
    void stlsUpgradesTheBuiltinTab();
    void untrustedCertificateIsAskedAbout_data();
    void untrustedCertificateIsAskedAbout();
    void diagramTellsWhatAnEavesdropperReads();

private:
    TerminalView *openBuiltin(
        ConnectionSettings::LineEnding ending = ConnectionSettings::LineEnding::CrLf,
        ConnectionSettings::Keyboard keys = ConnectionSettings::Keyboard::LineEditing);
    std::unique_ptr<LabFixture> m_labPtr;

    LabFixture &lab() { return *m_labPtr; }

    std::unique_ptr<TerminalPane> m_pane;
};

void TestTerminalPane::init()
{
    m_labPtr = std::make_unique<LabFixture>();
    QVERIFY(lab().start());
    m_pane = std::make_unique<TerminalPane>(lab().services.get());
    m_pane->resize(900, 600);
    m_pane->show();
}

void TestTerminalPane::cleanup()
{
    m_pane.reset();
    m_labPtr.reset();
}

TerminalView *TestTerminalPane::openBuiltin(
    ConnectionSettings::LineEnding ending, ConnectionSettings::Keyboard keys)
{
    ConnectionSettings s = m_pane->builtinSettings();
    s.lineEnding = ending;
    s.keyboard = keys;
    TerminalView *view = m_pane->openSession(s);
    if (!waitGreeting(view))
        return nullptr;
    return view;
}

void TestTerminalPane::typeUserAndReadTranscript()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(view->session()->isBuiltin());
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    view->flush();
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("✔ +OK Dovecot ready.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("user student")), qPrintable(text));
    QCOMPARE(lastClientLine(lab().services->log(), view->session()->sessionId()),
        QByteArray("user student\r\n"));
    QCOMPARE(typeLine(view, QStringLiteral("USER: student")).left(4), QByteArray("-ERR"));
    view->flush();
    QVERIFY(view->toPlainText().contains(QStringLiteral("✘ -ERR")));
}

void TestTerminalPane::backspaceAndCursorEditing()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QTest::keyClicks(view, QStringLiteral("usex"));
    QTest::keyClick(view, Qt::Key_Backspace);
    QTest::keyClicks(view, QStringLiteral("r studnt"));
    QTest::keyClick(view, Qt::Key_Left);
    QTest::keyClick(view, Qt::Key_Left);
    QTest::keyClicks(view, QStringLiteral("e"));
    QTest::keyClick(view, Qt::Key_Home);
    QTest::keyClick(view, Qt::Key_Delete);
    QTest::keyClicks(view, QStringLiteral("u"));
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->editLine(), QStringLiteral("user student"));
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(replies.wait(5000));
    QCOMPARE(replies.first().first().toByteArray(), QByteArray("+OK\r\n"));
    QCOMPARE(lastClientLine(lab().services->log(), view->session()->sessionId()),
        QByteArray("user student\r\n"));
    QCOMPARE(view->editLine(), QString());
}

// Ctrl+U as in a shell: what is typed before the cursor goes, nothing is sent.
void TestTerminalPane::ctrlUErasesTheTypedLine()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QTest::keyClicks(view, QStringLiteral("pass hessvos!"));
    QTest::keyClick(view, Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(view->editLine(), QString());
    QTest::keyClicks(view, QStringLiteral("xxuser student"));
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(view, Qt::Key_Left);
    QTest::keyClick(view, Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(view->editLine(), QStringLiteral("user student"));
    QCOMPARE(lastClientLine(lab().services->log(), view->session()->sessionId()), QByteArray());
}

void TestTerminalPane::historyWalksUpAndDown()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("noop")).isEmpty());
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    QTest::keyClicks(view, QStringLiteral("dra"));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->editLine(), QStringLiteral("user student"));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->editLine(), QStringLiteral("noop"));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->editLine(), QStringLiteral("noop"));
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->editLine(), QStringLiteral("user student"));
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->editLine(), QStringLiteral("dra"));
}

// Shift+Page Up scrolls back, as in a terminal (a student reads LIST's first lines above the
// fold): it selected the text instead, and the selection then spread over every new line.
void TestTerminalPane::pageKeysScrollWithoutSelecting()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    QVERIFY(!typeLine(view, QStringLiteral("pass hessovs!")).isEmpty());
    QVERIFY(!typeLine(view, QStringLiteral("list")).isEmpty());
    view->flush();
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    for (const Qt::KeyboardModifiers modifiers :
        {Qt::KeyboardModifiers(Qt::ShiftModifier), Qt::KeyboardModifiers(Qt::NoModifier)}) {
        bar->setValue(bar->maximum());
        QTest::keyClick(view, Qt::Key_PageUp, modifiers);
        QVERIFY2(bar->value() < bar->maximum(), "Page Up did not scroll back");
        QVERIFY2(!view->textCursor().hasSelection(),
            qPrintable(QStringLiteral("Page Up selected \"%1…\"")
                           .arg(view->textCursor().selectedText().left(40))));
        QTest::keyClick(view, Qt::Key_PageDown, modifiers);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(!view->textCursor().hasSelection());
    }
    QCOMPARE(typeLine(view, QStringLiteral("noop")), QByteArray("+OK")); // typing still goes on
}

void TestTerminalPane::netcatModeSendsBareLf()
{
    TerminalView *view = openBuiltin(ConnectionSettings::LineEnding::Lf);
    QVERIFY(view);
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(lastClientLine(lab().services->log(), view->session()->sessionId()),
        QByteArray("user student\n"));
}

void TestTerminalPane::windowsTelnetModeSendsEachKeyWithoutEcho()
{
    TerminalView *view = openBuiltin(
        ConnectionSettings::LineEnding::CrLf, ConnectionSettings::Keyboard::WindowsTelnet);
    QVERIFY(view);
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    QTest::keyClicks(view, QStringLiteral("usx"));
    QTest::keyClick(view, Qt::Key_Backspace);
    QTest::keyClicks(view, QStringLiteral("er student"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(replies.wait(5000));
    QCOMPARE(lastClientLine(lab().services->log(), view->session()->sessionId()),
        QByteArray("usx\x08"
                   "er student\r\n"));
    QVERIFY(replies.first().first().toByteArray().startsWith("-ERR"));
    view->flush();
    QVERIFY2(!view->toPlainText().contains(QStringLiteral("er student")), "no local echo");
    view->setShowControlCharacters(true);
    QVERIFY(view->toPlainText().contains(QStringLiteral("→ usx\\x08er student\\r\\n")));
}

void TestTerminalPane::secondTabIsRefusedInUse()
{
    TerminalView *first = openBuiltin();
    QVERIFY(first);
    QCOMPARE(typeLine(first, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(typeLine(first, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    TerminalView *second = openBuiltin();
    QVERIFY(second);
    QCOMPARE(m_pane->count(), 2);
    QCOMPARE(m_pane->currentView(), second);
    QCOMPARE(typeLine(second, QStringLiteral("user student")), QByteArray("+OK"));
    // Dovecot waits about 10 s for the lock before it answers, then closes the connection.
    const QByteArray refused = typeLine(second, QStringLiteral("pass hessovs!"), 20000);
    QVERIFY2(refused.startsWith("-ERR [IN-USE]"), refused.constData());
    second->flush();
    QVERIFY(second->toPlainText().contains(QStringLiteral("✘ -ERR [IN-USE]")));
    QTRY_VERIFY(!second->session()->isConnected());
    // Nothing was marked: the note says nothing of marked messages. The server closed on
    // purpose after [IN-USE]: said so, not "cut without a QUIT" (tst_terminaltabs has more).
    second->flush();
    const QString note = second->toPlainText();
    QVERIFY2(note.contains(QStringLiteral("closed by the server after -ERR [IN-USE]")),
        qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("marked")), qPrintable(note));
    // A lesson's Start frees the lock in one go: QUIT sent in the terminal holding it.
    QCOMPARE(m_pane->quitSessions({first->session()->sessionId()}), 1);
    QTRY_VERIFY(first->session()->hasEnded());
    QVERIFY(first->session()->endedCleanly());
}

void TestTerminalPane::controlCharactersShowTheWire()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    QVERIFY(!typeLine(view, QStringLiteral("pass hessovs!")).isEmpty());
    QVERIFY(!typeLine(view, QStringLiteral("list")).isEmpty());
    QSignalSpy lines(view->session(), &TerminalSession::linesAvailable);
    QTRY_VERIFY(view->session()->transcript().toText(false).endsWith(QStringLiteral("\n.\n")));
    view->flush();
    QVERIFY(!view->toPlainText().contains(QStringLiteral("\\r\\n")));
    m_pane->setShowControlCharacters(true);
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("✔ +OK Dovecot ready.\\r\\n")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("user student\\r\\n")));
    QVERIFY(text.contains(QStringLiteral("  .\\r\\n")));
    m_pane->setShowControlCharacters(false);
    QVERIFY(!view->toPlainText().contains(QStringLiteral("\\r\\n")));
}

void TestTerminalPane::closedConnectionKeepsTabAndSaysSo()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QVERIFY(ended.count() || ended.wait(5000));
    view->flush();
    QCOMPARE(m_pane->count(), 1);
    QVERIFY2(view->toPlainText().contains(
                 QStringLiteral("[Connection closed by the server after QUIT.]")),
        qPrintable(view->toPlainText()));
    QVERIFY(view->session()->endedCleanly());
}

void TestTerminalPane::closeOnCleanExitClosesTheTab()
{
    ConnectionSettings s = m_pane->builtinSettings();
    s.closeOnExit = ConnectionSettings::CloseOnExit::OnlyOnCleanExit;
    TerminalView *view = m_pane->openSession(s);
    QVERIFY(waitGreeting(view));
    QTest::keyClicks(view, QStringLiteral("quit"));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(m_pane->count(), 0);
}

void TestTerminalPane::saveTranscriptHidesPassword()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    QCOMPARE(typeLine(view, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    const QString path = lab().dir.filePath(QStringLiteral("transcript.txt"));
    QVERIFY(m_pane->saveTranscript(path, true));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray hidden = file.readAll();
    QVERIFY2(hidden.contains("pass ********\n"), hidden.constData());
    QVERIFY(!hidden.contains("hessovs!"));
    QVERIFY(hidden.contains("+OK Dovecot ready.\n"));
    QVERIFY(hidden.contains("user student\n+OK\n"));
    file.close();
    QVERIFY(m_pane->saveTranscript(path, false));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("pass hessovs!\n"));
}

void TestTerminalPane::terminalLineMapsToEventAndBack()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    const int session = view->session()->sessionId();
    QVERIFY(session > 0);
    quint64 userSeq = 0;
    for (const pop3::Event &e : lab().services->log()->events()) {
        if (e.session == session && e.kind == pop3::EventKind::ClientLine)
            userSeq = e.seq;
    }
    QVERIFY(userSeq > 0);
    QCOMPARE(view->session()->clientLineOrdinal(userSeq), 0);
    QCOMPARE(view->session()->clientLineSeq(0), userSeq);
    QVERIFY(view->highlightLine(false, 0));
    QVERIFY(m_pane->highlightEvent(userSeq));
    QCOMPARE(view->textCursor().block().text(), QStringLiteral("user student"));
    QSignalSpy picked(m_pane.get(), &TerminalPane::eventPicked);
    emit view->linePicked(false, 0);
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.first().first().toULongLong(), userSeq);
}

void TestTerminalPane::builtinServerEventsAreNotDoubled()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(!typeLine(view, QStringLiteral("user student")).isEmpty());
    int connected = 0;
    int lines = 0;
    for (const pop3::Event &e : lab().services->log()->events()) {
        connected += e.kind == pop3::EventKind::Connected ? 1 : 0;
        lines += e.kind == pop3::EventKind::ClientLine ? 1 : 0;
    }
    QCOMPARE(connected, 1);
    QCOMPARE(lines, 1);
}

void TestTerminalPane::externalServerEventsComeFromClientTracker()
{
    // Another server, with its own event log: the terminal cannot see into it.
    pop3::EventLog otherLog;
    pop3::MailStore otherStore(&otherLog);
    QTemporaryDir otherDir;
    otherStore.setWorkspace(otherDir.path());
    QVERIFY(otherStore.addSampleAccounts().ok);
    pop3::Pop3Server other(
        &otherLog, &otherStore, *pop3::Personality::load(QStringLiteral("uw-ipop3d")));
    pop3::Pop3Server::Options options;
    options.port = 0;
    QVERIFY(other.listen(options));

    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = other.port();
    TerminalView *view = m_pane->openSession(s);
    QVERIFY(!view->session()->isBuiltin());
    QVERIFY(waitGreeting(view));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    const int session = view->session()->sessionId();
    QVERIFY(session > 0);
    bool sawTransaction = false;
    for (const pop3::Event &e : lab().services->log()->events()) {
        QCOMPARE(e.session, session);
        if (e.kind == pop3::EventKind::StateChanged && e.to == pop3::State::Transaction)
            sawTransaction = true;
    }
    QVERIFY(sawTransaction);
}

void TestTerminalPane::longRetrKeepsTheWindowResponsive()
{
    // A fake server whose RETR answers with about 20 MB (300,000 lines).
    QTcpServer fake;
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    connect(&fake, &QTcpServer::newConnection, this, [&fake] {
        QTcpSocket *socket = fake.nextPendingConnection();
        socket->write("+OK fake ready\r\n");
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            QByteArray body = "+OK 20000000 octets\r\n";
            const QByteArray line = QByteArray(64, 'x') + "\r\n";
            for (int i = 0; i < 300000; ++i)
                body += line;
            body += ".\r\n";
            socket->write(body);
        });
    });
    ConnectionSettings s;
    s.port = fake.serverPort();
    TerminalView *view = m_pane->openSession(s);
    QVERIFY(waitGreeting(view));
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] {
        ++ticks;
    });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    QTest::keyClicks(view, QStringLiteral("retr 1"));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!view->session()->transcript().entries().isEmpty()
            && view->session()->transcript().entries().last().bytes.endsWith("\r\n.\r\n"),
        60000);
    QTRY_COMPARE_WITH_TIMEOUT(
        view->document()->lastBlock().previous().text(), QStringLiteral("  ."), 20000);
    qInfo("20 MB RETR shown in %lld ms, %d timer ticks", clock.elapsed(), ticks);
    QVERIFY(view->document()->blockCount() <= TerminalView::maxBlocks + 1);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // Every instruction costs several times more under a sanitizer (scripts/sanitize.sh): a tick
    // a second still tells a loop that kept running from one blocked for the whole body.
    constexpr qint64 msPerTick = 1000;
#else
    constexpr qint64 msPerTick = 200;
#endif
    QVERIFY2(ticks >= clock.elapsed() / msPerTick, "the event loop kept running");
}

QTEST_MAIN(TestTerminalPane)
#include "tst_terminalpane.moc"

void TestTerminalPane::windowServerOffersStlsWithWorkspaceCertificate()
{
    // The window's own configuration (what main.cpp starts), over real TCP.
    QTemporaryDir dir;
    QString error;
    QString output;
    const std::optional<LabOptions> options = LabOptions::parse({QStringLiteral("pop3lab"),
                                                                    QStringLiteral("--workspace"),
                                                                    dir.path(),
                                                                    QStringLiteral("--port"),
                                                                    QStringLiteral("0")},
        &error,
        &output);
    QVERIFY2(options, qPrintable(error));
    pop3::Lab::Config config = options->labConfig();
    config.progressFolder = dir.filePath(QStringLiteral("progress"));
    pop3::Lab window;
    QVERIFY(window.start(config).ok);
    QVERIFY(window.tlsIdentity());
    QVERIFY(window.tlsIdentity()->certificatePath.startsWith(dir.path() + QStringLiteral("/tls")));

    QSslSocket socket;
    // The server runs in this thread: wait with the event loop running, never blocking.
    const auto lineFrom = [&socket]() -> QByteArray {
        if (!QTest::qWaitFor(
                [&socket] {
                    return socket.canReadLine();
                },
                5000))
            return {};
        return socket.readLine();
    };
    socket.connectToHost(QStringLiteral("127.0.0.1"), window.server()->port());
    QVERIFY(lineFrom().startsWith("+OK"));
    socket.write("CAPA\r\n");
    QByteArrayList capa;
    for (QByteArray l = lineFrom(); !l.isEmpty() && l != ".\r\n"; l = lineFrom())
        capa.append(l.trimmed());
    QVERIFY2(capa.contains("STLS"), capa.join(' ').constData());
    // Loopback counts as secure for the default personality: USER still works in clear.
    socket.write("USER student\r\n");
    QVERIFY(lineFrom().startsWith("+OK"));
    socket.write("STLS\r\n");
    const QByteArray stls = lineFrom();
    QVERIFY2(stls.startsWith("+OK"), stls.constData());
    QSslConfiguration tls = socket.sslConfiguration();
    tls.setCaCertificates({window.tlsIdentity()->certificate});
    socket.setSslConfiguration(tls);
    socket.startClientEncryption();
    QTRY_VERIFY2_WITH_TIMEOUT(socket.isEncrypted(), qPrintable(socket.errorString()), 10000);
    QCOMPARE(socket.peerCertificate(), window.tlsIdentity()->certificate);
    socket.write("USER student\r\n"); // the USER before STLS was forgotten (RFC 2595)
    QVERIFY(lineFrom().startsWith("+OK"));
}

void TestTerminalPane::stlsUpgradesTheBuiltinTab()
{
    ConnectionSettings s = m_pane->builtinSettings();
    s.security = ConnectionSettings::Security::Stls;
    TerminalView *view = m_pane->openSession(s);
    QVERIFY(waitGreeting(view));
    QVERIFY(!view->session()->isEncrypted());
    QVERIFY(typeLine(view, QStringLiteral("STLS")).startsWith("+OK"));
    QTRY_VERIFY_WITH_TIMEOUT(view->session()->isEncrypted(), 10000);
    // The terminal keeps working after the upgrade.
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QCOMPARE(typeLine(view, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QVERIFY(typeLine(view, QStringLiteral("stat")).startsWith("+OK"));
    view->flush();
    const QString text = view->toPlainText();
    const QString fingerprint = lab().services->tlsIdentity()->fingerprint();
    QVERIFY2(
        text.contains(QStringLiteral("SHA-256 fingerprint: ") + fingerprint), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Certificate: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Valid from ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Protocol: TLSv1.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Trusted automatically")), qPrintable(text));
    QVERIFY(!QApplication::activeModalWidget()); // nothing was asked
}

void TestTerminalPane::untrustedCertificateIsAskedAbout_data()
{
    QTest::addColumn<bool>("fromStart");
    QTest::addColumn<bool>("trust");
    QTest::newRow("STLS, trusted by the student") << false << true;
    QTest::newRow("STLS, refused") << false << false;
    QTest::newRow("TLS from the start, trusted by the student") << true << true;
}

void TestTerminalPane::untrustedCertificateIsAskedAbout()
{
    QFETCH(bool, fromStart);
    QFETCH(bool, trust);
    // Another server with its own self-signed certificate: the window does not know it.
    pop3::EventLog otherLog;
    pop3::MailStore otherStore(&otherLog);
    QTemporaryDir otherDir;
    otherStore.setWorkspace(otherDir.path());
    QVERIFY(otherStore.addSampleAccounts().ok);
    pop3::Pop3Server other(
        &otherLog, &otherStore, *pop3::Personality::load(QStringLiteral("dovecot")));
    QString error;
    const std::optional<pop3::TlsIdentity> identity = pop3::TlsIdentity::generate(&error);
    QVERIFY2(identity, qPrintable(error));
    pop3::Pop3Server::Options options;
    options.port = 0;
    options.tlsPort = 0;
    options.certificate = identity->certificate;
    options.key = identity->key;
    QVERIFY(other.listen(options));

    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = fromStart ? other.tlsPort() : other.port();
    s.security = fromStart ? ConnectionSettings::Security::Tls : ConnectionSettings::Security::Stls;

    QString asked;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        answer.stop();
        asked = box->text() + QLatin1Char('\n') + box->informativeText();
        box->findChild<QPushButton *>(
               trust ? QStringLiteral("trustButton") : QStringLiteral("refuseButton"))
            ->click();
    });
    answer.start();

    TerminalView *view = m_pane->openSession(s);
    QVERIFY(!view->session()->isBuiltin());
    if (!fromStart) {
        QVERIFY(waitGreeting(view));
        QVERIFY(typeLine(view, QStringLiteral("STLS")).startsWith("+OK"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 10000);
    // Explained in plain words, with the fingerprint to compare.
    QVERIFY2(asked.contains(identity->fingerprint()), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("self-signed")), qPrintable(asked));
    if (!trust) {
        QTRY_VERIFY_WITH_TIMEOUT(view->session()->hasEnded(), 10000);
        QVERIFY(!view->session()->isEncrypted());
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(view->session()->isEncrypted(), 10000);
    if (fromStart) // the greeting comes right after the handshake
        QTRY_VERIFY((view->flush(), view->toPlainText().contains(QStringLiteral("+OK"))));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    view->flush();
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("You chose to trust")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Trusted automatically")), qPrintable(text));
}

void TestTerminalPane::diagramTellsWhatAnEavesdropperReads()
{
    // A login in clear, then one after STLS, both typed in terminal tabs over real TCP; the
    // diagram is drawn from the lab's own events.
    TerminalView *clear = openBuiltin();
    QVERIFY(clear);
    QVERIFY(typeLine(clear, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(clear, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    QVERIFY(typeLine(clear, QStringLiteral("quit")).startsWith("+OK"));
    QTRY_VERIFY(clear->session()->hasEnded());

    ConnectionSettings s = m_pane->builtinSettings();
    s.security = ConnectionSettings::Security::Stls;
    TerminalView *secure = m_pane->openSession(s);
    QVERIFY(waitGreeting(secure));
    QVERIFY(typeLine(secure, QStringLiteral("STLS")).startsWith("+OK"));
    QTRY_VERIFY_WITH_TIMEOUT(secure->session()->isEncrypted(), 10000);
    QVERIFY(typeLine(secure, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(secure, QStringLiteral("pass hessovs!")).startsWith("+OK"));

    pop3::SequenceModel model;
    for (const pop3::Event &e : lab().services->log()->events())
        model.append(e);
    using Kind = pop3::SequenceModel::RowKind;
    int clearPass = 0;
    int securePass = 0;
    bool sawTls = false;
    for (qsizetype i = 0; i < model.rowCount(); ++i) {
        const pop3::SequenceModel::Row &r = model.row(i);
        if (r.kind == Kind::ServerNote && r.note == pop3::NoteKind::TlsStarted)
            sawTls = true;
        if (r.session == secure->session()->sessionId()
            && (r.kind == Kind::Command || r.kind == Kind::Reply)) {
            // Every arrow after the handshake is marked, in the label (not colour alone) and in
            // words; none before it.
            QCOMPARE(r.has(pop3::SequenceModel::Encrypted), sawTls);
            QCOMPARE(model.label(i).startsWith(QStringLiteral("[TLS] ")), sawTls);
            QCOMPARE(model.caption(i).contains(QStringLiteral("Encrypted (TLS)")), sawTls);
        }
        if (r.kind != Kind::Command || r.command != pop3::Command::Pass)
            continue;
        if (r.session == clear->session()->sessionId()) {
            ++clearPass;
            QVERIFY2(model.eavesdropperWords(i).contains(QStringLiteral("The password leaks")),
                qPrintable(model.eavesdropperWords(i)));
            QVERIFY(model.caption(i).contains(QStringLiteral("\"hessovs!\"")));
        } else if (r.session == secure->session()->sessionId()) {
            ++securePass;
            QVERIFY(!model.caption(i).contains(QStringLiteral("hessovs!")));
        }
    }
    QVERIFY(sawTls);
    QCOMPARE(clearPass, 1);
    QCOMPARE(securePass, 1);
}
