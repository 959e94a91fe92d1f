// The life of a terminal tab after its connection: restart it (Enter, or its menu, as PuTTY's
// "Restart Session"), tell a server's crash from a clean close, ask before dropping deletion
// marks, close every closed tab at once. Real TCP: the built-in server, or a QTcpServer that
// aborts the connection as a crashing server would.

#include "app/terminal/transcript.h"
#include "app/translations.h"
#include "lab/faultinjector.h"
#include "support/labfixture.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

class TestTerminalTabs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enterInAClosedTabRestartsTheSession();
    void typedInAClosedTabIsKeptNotSent();
    void restartKeepsWhatTheTabShowed();
    void restartKeepsKeysTypedOneByOne();
    void tabMenuOffersRestart();
    void serverCrashReadsDifferentlyFromCleanClose();
    void builtinServerCutSaysWhy();
    void inUseRefusalIsAClose();
    void failedCommitAfterQuitSaysSo();
    void refusedConnectionReadsFailed();
    void closingATabWithMarksAsksFirst();
    void closedTabsCanBeClosedAtOnce();

private:
    TerminalView *openBuiltin();
    QString tabText(TerminalView *view) const;
    QString lastNote(TerminalView *view) const;
    // Answers the next message box with button (from the event loop, as a user would).
    void answerNextMessageBox(QMessageBox::StandardButton button);

    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<TerminalPane> m_pane;
    QString m_question;
    QString m_closeText; // the Close button's text, with its mnemonic
};

void TestTerminalTabs::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_pane = std::make_unique<TerminalPane>(m_lab->services.get());
    m_pane->resize(900, 600);
    m_pane->show();
}

void TestTerminalTabs::cleanup()
{
    m_pane.reset();
    m_lab.reset();
}

TerminalView *TestTerminalTabs::openBuiltin()
{
    ConnectionSettings s = m_pane->builtinSettings();
    s.closeOnExit = ConnectionSettings::CloseOnExit::Never;
    TerminalView *view = m_pane->openSession(s);
    return waitGreeting(view) ? view : nullptr;
}

QString TestTerminalTabs::tabText(TerminalView *view) const
{
    auto *tabs = m_pane->findChild<QTabWidget *>(QStringLiteral("tabs"));
    return tabs->tabText(tabs->indexOf(view));
}

QString TestTerminalTabs::lastNote(TerminalView *view) const
{
    view->flush();
    const QStringList lines = view->toPlainText().split(QLatin1Char('\n'));
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith(QLatin1Char('[')))
            return *it;
    }
    return {};
}

void TestTerminalTabs::answerNextMessageBox(QMessageBox::StandardButton button)
{
    m_question.clear();
    QTimer::singleShot(0, this, [this, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        m_question = box->text();
        m_closeText =
            box->button(QMessageBox::Close) ? box->button(QMessageBox::Close)->text() : QString();
        box->button(button)->click();
    });
}

void TestTerminalTabs::enterInAClosedTabRestartsTheSession()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    QTRY_VERIFY(tabText(view).endsWith(QStringLiteral("(closed)")));
    const QString title = tabText(view);
    QVERIFY(title.startsWith(QStringLiteral("Terminal 1")));
    QCOMPARE(view->accessibleName(),
        QStringLiteral("Terminal to %1, closed").arg(view->session()->settings().endpoint()));

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_pane->count(), 1);
    TerminalView *fresh = m_pane->view(0);
    QVERIFY(fresh != view);
    QVERIFY(waitGreeting(fresh) || fresh->session()->isConnected());
    QTRY_VERIFY(fresh->session()->isConnected());
    QCOMPARE(tabText(fresh), QStringLiteral("Terminal 1")); // the same tab, the same name
    QCOMPARE(m_pane->currentView(), fresh);
    QVERIFY(fresh->hasFocus());
    QCOMPARE(typeLine(fresh, QStringLiteral("user student")), QByteArray("+OK"));
}

// A student types `retr 1` + Enter in a tab whose session was closed: Enter restarts the
// session, and what was typed waits in the new session's input line (unsent: it was typed for
// a session that is gone, and would be sent before the greeting). It was silently dropped.
void TestTerminalTabs::typedInAClosedTabIsKeptNotSent()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    QTRY_VERIFY(tabText(view).endsWith(QStringLiteral("(closed)")));
    view->setFocus();
    QTest::keyClicks(view, QStringLiteral("retr 1"));
    QCOMPARE(view->editLine(), QStringLiteral("retr 1"));
    view->flush();
    QVERIFY2(view->toPlainText().trimmed().endsWith(QStringLiteral("retr 1")),
        qPrintable(view->toPlainText()));
    QTest::keyClick(view, Qt::Key_Return);
    TerminalView *fresh = m_pane->view(0);
    QVERIFY(fresh != view);
    QVERIFY(waitGreeting(fresh));
    QCOMPARE(fresh->editLine(), QStringLiteral("retr 1"));
    fresh->flush();
    QVERIFY(fresh->toPlainText().contains(QStringLiteral("retr 1")));
    const auto sent = [fresh] {
        const QList<Transcript::Entry> &entries = fresh->session()->transcript().entries();
        return std::count_if(entries.begin(), entries.end(), [](const Transcript::Entry &e) {
            return e.kind == Transcript::Kind::Sent;
        });
    };
    QCOMPARE(sent(), 0); // kept, not sent
    // Enter sends it, as any typed line.
    QSignalSpy replies(fresh->session(), &TerminalSession::replyReceived);
    QTest::keyClick(fresh, Qt::Key_Return);
    QVERIFY(replies.wait(5000));
    QVERIFY(fresh->editLine().isEmpty());
    QCOMPARE(sent(), 1);
    QVERIFY(replies.first().first().toByteArray().startsWith("-ERR")); // not logged in
}

// A teacher showed a dropped session, pressed Enter to log in again, and what the class had just
// read was gone: the restarted tab began empty. Like PuTTY's Restart Session it now keeps the
// earlier session's lines above a separator, and the commands typed (Up brings them back); only
// the new session's lines are linked to the diagram.
void TestTerminalTabs::restartKeepsWhatTheTabShowed()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    TerminalView *fresh = m_pane->view(0);
    QVERIFY(fresh != view);
    QVERIFY(waitGreeting(fresh));
    fresh->flush();
    const QString text = fresh->toPlainText();
    const qsizetype user = text.indexOf(QStringLiteral("user student"));
    const qsizetype separator = text.indexOf(QStringLiteral("restarted"));
    QVERIFY2(user >= 0 && separator > user, qPrintable(text));
    // The new greeting comes after the separator; the old one is still above it.
    QVERIFY2(text.indexOf(QStringLiteral("+OK"), separator) > separator, qPrintable(text));
    QVERIFY2(text.lastIndexOf(QStringLiteral("+OK"), user) >= 0, qPrintable(text));
    // Up in the new session brings back the last command typed in the old one.
    QTest::keyClick(fresh, Qt::Key_Up);
    QCOMPARE(fresh->editLine(), QStringLiteral("quit"));
    // The old lines are not the new session's: before it sends anything, no line is its first
    // command; then its first command is the new one, under the separator.
    QVERIFY(!fresh->highlightLine(false, 0));
    fresh->setEditLine(QString());
    QVERIFY(typeLine(fresh, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(fresh->highlightLine(false, 0));
    QVERIFY(fresh->textCursor().position() > separator);
}

// The same in Windows-telnet mode with control characters shown: each key goes at once, and the
// tab shows the line the server saw ("→ user student\r\n"). Those lines are kept above a restart
// too, and the new session's first line is still its own (numbered from 0).
void TestTerminalTabs::restartKeepsKeysTypedOneByOne()
{
    ConnectionSettings settings = m_pane->builtinSettings();
    settings.closeOnExit = ConnectionSettings::CloseOnExit::Never;
    settings.keyboard = ConnectionSettings::Keyboard::WindowsTelnet;
    TerminalView *view = m_pane->openSession(settings);
    QVERIFY(waitGreeting(view));
    view->setShowControlCharacters(true);
    view->setFocus();
    QSignalSpy replies(view->session(), &TerminalSession::replyReceived);
    QTest::keyClicks(view, QStringLiteral("user student"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(replies.wait(5000));
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QTest::keyClicks(view, QStringLiteral("quit"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    QTest::keyClick(view, Qt::Key_Return);
    TerminalView *fresh = m_pane->view(0);
    QVERIFY(fresh != view);
    QVERIFY(waitGreeting(fresh));
    fresh->setShowControlCharacters(true);
    fresh->flush();
    const QString text = fresh->toPlainText();
    const qsizetype user = text.indexOf(QStringLiteral("→ user student"));
    const qsizetype separator = text.indexOf(QStringLiteral("restarted"));
    QVERIFY2(user >= 0 && separator > user, qPrintable(text));
    QVERIFY(!fresh->highlightLine(false, 0)); // nothing sent in the new session yet
    QSignalSpy again(fresh->session(), &TerminalSession::replyReceived);
    QTest::keyClicks(fresh, QStringLiteral("noop"));
    QTest::keyClick(fresh, Qt::Key_Return);
    QVERIFY(again.wait(5000));
    QVERIFY(fresh->highlightLine(false, 0));
    QVERIFY(fresh->textCursor().position() > separator); // the new NOOP, not the old USER
}

void TestTerminalTabs::tabMenuOffersRestart()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    std::unique_ptr<QMenu> open(m_pane->tabMenu(0));
    QAction *restart = nullptr;
    for (QAction *a : open->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Restart session"))
            restart = a;
    }
    QVERIFY(restart);
    QVERIFY(!restart->isEnabled()); // nothing to restart while it is connected

    QSignalSpy ended(view->session(), &TerminalSession::ended);
    view->session()->close();
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    std::unique_ptr<QMenu> closed(m_pane->tabMenu(0));
    restart = nullptr;
    for (QAction *a : closed->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Restart session"))
            restart = a;
    }
    QVERIFY(restart);
    QVERIFY(restart->isEnabled());
    restart->trigger();
    QTRY_VERIFY(m_pane->view(0)->session()->isConnected());
    QVERIFY(m_pane->view(0) != view);
}

// A server that greets, then dies (RST) versus one that answers QUIT and closes.
void TestTerminalTabs::serverCrashReadsDifferentlyFromCleanClose()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    bool crash = true;
    connect(&server, &QTcpServer::newConnection, this, [&server, &crash] {
        QTcpSocket *socket = server.nextPendingConnection();
        socket->write("+OK fake server ready\r\n");
        socket->flush();
        if (crash) {
            socket->abort();
            return;
        }
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (socket->readAll().toUpper().startsWith("QUIT")) {
                socket->write("+OK bye\r\n");
                socket->disconnectFromHost();
            }
        });
    });
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.serverPort();
    s.closeOnExit = ConnectionSettings::CloseOnExit::Never;

    TerminalView *crashed = m_pane->openSession(s);
    QSignalSpy crashEnded(crashed->session(), &TerminalSession::ended);
    QVERIFY(crashEnded.wait(5000));
    QCOMPARE(crashEnded.first().first().toBool(), false);
    QCOMPARE(crashed->session()->ending(), TerminalSession::Ending::Cut);
    QVERIFY2(tabText(crashed).endsWith(QStringLiteral("(cut)")), qPrintable(tabText(crashed)));
    QVERIFY2(lastNote(crashed).contains(QStringLiteral("without a QUIT")),
        qPrintable(lastNote(crashed)));

    crash = false;
    TerminalView *clean = m_pane->openSession(s);
    QVERIFY(waitGreeting(clean));
    QSignalSpy cleanEnded(clean->session(), &TerminalSession::ended);
    QTest::keyClicks(clean, QStringLiteral("quit"));
    QTest::keyClick(clean, Qt::Key_Return);
    QVERIFY(cleanEnded.count() > 0 || cleanEnded.wait(5000));
    QCOMPARE(clean->session()->ending(), TerminalSession::Ending::Quit);
    QVERIFY2(tabText(clean).endsWith(QStringLiteral("(closed)")), qPrintable(tabText(clean)));
    QVERIFY2(lastNote(clean).contains(QStringLiteral("after QUIT")), qPrintable(lastNote(clean)));
    QVERIFY(lastNote(clean) != lastNote(crashed));
}

// The built-in server says why it ended a session; a reset of the mailbox cuts the session
// holding it, which the tab reports as a cut, not as a close.
void TestTerminalTabs::builtinServerCutSaysWhy()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(typeLine(view, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(m_lab->services->resetMailbox(QStringLiteral("student")).ok);
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    QCOMPARE(view->session()->ending(), TerminalSession::Ending::Cut);
    QVERIFY2(
        lastNote(view).contains(QStringLiteral("without a QUIT (")), qPrintable(lastNote(view)));
}

// Faults › Fail the Next Commit: the client did send QUIT, and part of the commit happened; the
// tab must say so (and what the next login does), not that the server cut without a QUIT.
// Dovecot's way, which the built-in server follows: a second login meets -ERR [IN-USE] and the
// server closes the connection on purpose. The tab read "(cut)" with a warning icon and the
// note "The server cut the connection without a QUIT (the server dropped the connection)".
void TestTerminalTabs::inUseRefusalIsAClose()
{
    TerminalView *first = openBuiltin();
    QVERIFY(first);
    QCOMPARE(typeLine(first, QStringLiteral("user student")), QByteArray("+OK"));
    QVERIFY(typeLine(first, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    TerminalView *second = openBuiltin();
    QVERIFY(second);
    QSignalSpy ended(second->session(), &TerminalSession::ended);
    QCOMPARE(typeLine(second, QStringLiteral("user student")), QByteArray("+OK"));
    QVERIFY(typeLine(second, QStringLiteral("pass hessovs!"), 30000).contains("[IN-USE]"));
    QVERIFY(ended.count() > 0 || ended.wait(30000));
    QCOMPARE(second->session()->ending(), TerminalSession::Ending::InUse);
    QVERIFY2(!tabText(second).contains(QStringLiteral("(cut)")), qPrintable(tabText(second)));
    QVERIFY2(tabText(second).contains(QStringLiteral("[IN-USE]")), qPrintable(tabText(second)));
    const QString note = lastNote(second);
    QVERIFY2(note.contains(QStringLiteral("after -ERR [IN-USE]"))
            && !note.contains(QStringLiteral("without a QUIT")),
        qPrintable(note));
}

void TestTerminalTabs::failedCommitAfterQuitSaysSo()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(typeLine(view, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QVERIFY(typeLine(view, QStringLiteral("dele 1")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("dele 2")).startsWith("+OK"));
    m_lab->services->faults()->failNextCommit();
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    const QByteArray quit = typeLine(view, QStringLiteral("quit"));
    QVERIFY2(quit.startsWith("-ERR [SYS/TEMP]"), quit.constData());
    QVERIFY2(quit.contains("(1 of 2 messages removed)"), quit.constData());
    QVERIFY(ended.count() > 0 || ended.wait(5000));
    QCOMPARE(view->session()->ending(), TerminalSession::Ending::Quit); // closed, not cut
    const QString note = lastNote(view);
    QVERIFY2(!note.contains(QStringLiteral("without a QUIT")), qPrintable(note));
    QVERIFY2(!note.contains(QStringLiteral("nothing marked")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("after QUIT")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("half-way")), qPrintable(note));
    QVERIFY2(note.contains(QStringLiteral("next login")), qPrintable(note));
}

void TestTerminalTabs::refusedConnectionReadsFailed()
{
    QTcpServer probe; // a port nobody listens on any more
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = probe.serverPort();
    s.closeOnExit = ConnectionSettings::CloseOnExit::Never;
    probe.close();
    TerminalView *view = m_pane->openSession(s);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(ended.wait(5000));
    QCOMPARE(view->session()->ending(), TerminalSession::Ending::Failed);
    QVERIFY2(tabText(view).endsWith(QStringLiteral("(failed)")), qPrintable(tabText(view)));
}

void TestTerminalTabs::closingATabWithMarksAsksFirst()
{
    TerminalView *view = openBuiltin();
    QVERIFY(view);
    QCOMPARE(typeLine(view, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(typeLine(view, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QCOMPARE(typeLine(view, QStringLiteral("dele 1")), QByteArray("+OK Marked to be deleted."));
    QCOMPARE(view->session()->pendingMarks(), 1);

    // In the window's words for one (the English catalogue has the plural forms): never
    // "1 message(s)"; and Close has its Alt key.
    Translations english;
    english.install(QLocale(QLocale::English));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange); // before the box opens
    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!m_pane->closeSession(0));
    QVERIFY2(m_question.startsWith(QStringLiteral("1 message of this session is marked")),
        qPrintable(m_question));
    QVERIFY2(m_closeText.contains(QLatin1Char('&')), qPrintable(m_closeText));
    QCOMPARE(m_pane->count(), 1);
    QVERIFY(view->session()->isConnected());

    answerNextMessageBox(QMessageBox::Close);
    QVERIFY(m_pane->closeSession(0));
    QCOMPARE(m_pane->count(), 0);

    // RSET: nothing to lose, no question.
    TerminalView *second = openBuiltin();
    QVERIFY(second);
    QCOMPARE(typeLine(second, QStringLiteral("user student")), QByteArray("+OK"));
    QCOMPARE(typeLine(second, QStringLiteral("pass hessovs!")), QByteArray("+OK Logged in."));
    QCOMPARE(typeLine(second, QStringLiteral("dele 2")), QByteArray("+OK Marked to be deleted."));
    QVERIFY(typeLine(second, QStringLiteral("rset")).startsWith("+OK"));
    QCOMPARE(second->session()->pendingMarks(), 0);
    m_question.clear();
    QVERIFY(m_pane->closeSession(0));
    QVERIFY(m_question.isEmpty());
}

void TestTerminalTabs::closedTabsCanBeClosedAtOnce()
{
    QList<TerminalView *> views;
    for (int i = 0; i < 3; ++i) {
        views.append(openBuiltin());
        QVERIFY(views.last());
    }
    for (int i : {0, 2}) {
        QSignalSpy ended(views.at(i)->session(), &TerminalSession::ended);
        QVERIFY(typeLine(views.at(i), QStringLiteral("quit")).startsWith("+OK"));
        QVERIFY(ended.count() > 0 || ended.wait(5000));
    }
    QCOMPARE(m_pane->endedCount(), 2);
    std::unique_ptr<QMenu> menu(m_pane->tabMenu(1));
    QAction *closeAll = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QStringLiteral("Close all closed tabs"))
            closeAll = a;
    }
    QVERIFY(closeAll);
    QVERIFY(closeAll->isEnabled());
    closeAll->trigger();
    QCOMPARE(m_pane->count(), 1);
    QCOMPARE(m_pane->view(0), views.at(1));
    QVERIFY(views.at(1)->session()->isConnected());
}

QTEST_MAIN(TestTerminalTabs)
#include "tst_terminaltabs.moc"
