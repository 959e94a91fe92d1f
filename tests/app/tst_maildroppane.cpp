#include "app/maildrop/maildropmodel.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "support/labfixture.h"

#include <QFileInfo>

// The maildrop pane inside the real window, driven through the terminal: DELE is only a mark,
// RSET restores it, QUIT removes the message, the lock file comes and goes, reset restores all.
class TestMaildropPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheSampleMailbox();
    void lockAppearsAtPassAndVanishesAtQuit();
    void deleStrikesRsetRestoresQuitRemoves();
    void disconnectWithoutQuitLosesMarksAndLock();
    void resetRestoresThePristineSample();
    void subjectsAreDecoded();
    void lockWordsAreThePersonalitys();
    void staleLockIsShownAsStale();
    void killedServersLockIsToldTruthfully();
    void deliveryShowsOnDiskNotInTheOpenSession();

private:
    TerminalView *login();
    bool isMarked(int row) const;

    std::unique_ptr<LabFixture> m_lab;
    std::unique_ptr<MainWindow> m_window;
};

void TestMaildropPane::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
    m_window = std::make_unique<MainWindow>(m_lab->services.get());
    m_window->show();
}

void TestMaildropPane::cleanup()
{
    m_window.reset();
    m_lab.reset();
}

TerminalView *TestMaildropPane::login()
{
    TerminalPane *pane = m_window->terminalPane();
    TerminalView *view = pane->openSession(pane->builtinSettings());
    if (!waitGreeting(view) || typeLine(view, QStringLiteral("user student")) != "+OK"
        || typeLine(view, QStringLiteral("pass hessovs!")) != "+OK Logged in.")
        return nullptr;
    return view;
}

bool TestMaildropPane::isMarked(int row) const
{
    const MaildropModel *model = m_window->maildropPane()->model();
    const QModelIndex index = model->index(row, MaildropModel::Subject);
    return model->data(index, MaildropModel::MarkedRole).toBool()
        && model->data(index, Qt::FontRole).value<QFont>().strikeOut();
}

void TestMaildropPane::showsTheSampleMailbox()
{
    MaildropPane *pane = m_window->maildropPane();
    QCOMPARE(pane->user(), QStringLiteral("student"));
    QCOMPARE(pane->model()->rowCount(), 35);
    QCOMPARE(pane->model()->data(pane->model()->index(0, MaildropModel::Size)).toLongLong(), 376);
    QVERIFY(!pane->model()
                 ->data(pane->model()->index(0, MaildropModel::UniqueId))
                 .toString()
                 .isEmpty());
    QVERIFY(!pane->lockShownAsPresent());
}

void TestMaildropPane::lockAppearsAtPassAndVanishesAtQuit()
{
    MaildropPane *pane = m_window->maildropPane();
    const QString lock = pane->lockPath();
    QVERIFY(!QFileInfo::exists(lock));
    TerminalView *view = login();
    QVERIFY(view);
    QVERIFY(QFileInfo::exists(lock));
    QTRY_VERIFY(pane->lockShownAsPresent());
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QTRY_VERIFY(!pane->lockShownAsPresent());
    QVERIFY(!QFileInfo::exists(lock));
}

void TestMaildropPane::deleStrikesRsetRestoresQuitRemoves()
{
    MaildropPane *pane = m_window->maildropPane();
    TerminalView *view = login();
    QVERIFY(view);
    const QString secondUid =
        pane->model()->data(pane->model()->index(1, MaildropModel::UniqueId)).toString();
    QVERIFY(typeLine(view, QStringLiteral("dele 1")).startsWith("+OK"));
    QTRY_VERIFY(isMarked(0));
    QVERIFY(!isMarked(1));
    QCOMPARE(pane->model()->rowCount(), 35);
    QVERIFY(typeLine(view, QStringLiteral("rset")).startsWith("+OK"));
    QTRY_VERIFY(!isMarked(0));
    QVERIFY(typeLine(view, QStringLiteral("dele 1")).startsWith("+OK"));
    QTRY_VERIFY(isMarked(0));
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QTRY_COMPARE(pane->model()->rowCount(), 34);
    QVERIFY(!isMarked(0));
    QCOMPARE(pane->model()->data(pane->model()->index(0, MaildropModel::UniqueId)).toString(),
        secondUid);
}

void TestMaildropPane::disconnectWithoutQuitLosesMarksAndLock()
{
    MaildropPane *pane = m_window->maildropPane();
    TerminalView *view = login();
    QVERIFY(view);
    QVERIFY(typeLine(view, QStringLiteral("dele 2")).startsWith("+OK"));
    QTRY_VERIFY(isMarked(1));
    // Closing a tab with marks asks first (the marks would be lost): the student says Close.
    m_window->terminalPane()->closeSession(0, false);
    QTRY_VERIFY(!isMarked(1));
    QTRY_VERIFY(!pane->lockShownAsPresent());
    QCOMPARE(pane->model()->rowCount(), 35);
}

void TestMaildropPane::resetRestoresThePristineSample()
{
    MaildropPane *pane = m_window->maildropPane();
    TerminalView *view = login();
    QVERIFY(view);
    QVERIFY(typeLine(view, QStringLiteral("dele 1")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("dele 2")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    QTRY_COMPARE(pane->model()->rowCount(), 33);
    QTRY_COMPARE(m_lab->services->server()->sessionCount(), 0);
    QVERIFY(m_window->resetMailbox(QStringLiteral("student"), false));
    QTRY_COMPARE(pane->model()->rowCount(), 35);
    // and the server serves the fresh copy
    TerminalView *again = login();
    QVERIFY(again);
    QVERIFY(typeLine(again, QStringLiteral("stat")).startsWith("+OK 35 "));
}

void TestMaildropPane::subjectsAreDecoded()
{
    const MaildropModel *model = m_window->maildropPane()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString subject = model->data(model->index(row, MaildropModel::Subject)).toString();
        QVERIFY2(!subject.contains(QStringLiteral("=?")), qPrintable(subject));
    }
}

// The pane quotes the refusal a second login really gets: UW ipop3d's words are not Dovecot's.
void TestMaildropPane::lockWordsAreThePersonalitys()
{
    MaildropPane *pane = m_window->maildropPane();
    m_window->setPersonality(QStringLiteral("uw-ipop3d"));
    TerminalPane *terminal = m_window->terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    QTRY_VERIFY(pane->lockShownAsPresent());
    QVERIFY2(pane->lockText().contains(QStringLiteral("-ERR Can't get lock.  Mailbox in use")),
        qPrintable(pane->lockText()));
    QVERIFY(!pane->lockText().contains(QStringLiteral("IN-USE")));
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    m_window->setPersonality(QStringLiteral("dovecot"));
    QVERIFY(login());
    QTRY_VERIFY(pane->lockShownAsPresent());
    QVERIFY2(pane->lockText().contains(
                 QStringLiteral("-ERR [IN-USE] Mailbox is locked by another POP3 session.")),
        qPrintable(pane->lockText()));
}

// A lock whose writer is dead holds nothing: the pane says it is stale, not "held by".
void TestMaildropPane::staleLockIsShownAsStale()
{
    MaildropPane *pane = m_window->maildropPane();
    QVERIFY(pop3::MaildropLock::plantStale(pane->lockPath(), QStringLiteral("student")));
    pane->refresh();
    QVERIFY(pane->lockShownAsPresent());
    QVERIFY2(
        pane->lockText().contains(QStringLiteral("Stale lock file")), qPrintable(pane->lockText()));
    QVERIFY(!pane->lockText().contains(QStringLiteral("held by")));
}

// Faults › Kill the server: the lock its session left names this very process, which still
// runs. The pane says the lock was left by the killed server (never that the window's own pid is
// a dead process), and the terminal that the server was killed (not "a network error").
void TestMaildropPane::killedServersLockIsToldTruthfully()
{
    TerminalView *view = login();
    QVERIFY(view);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(m_lab->services->crashServer().ok);
    QVERIFY(ended.count() > 0 || ended.wait());
    MaildropPane *pane = m_window->maildropPane();
    pane->refresh();
    const QString words = pane->lockText();
    QVERIFY2(words.contains(QStringLiteral("Stale lock file")), qPrintable(words));
    QVERIFY2(!words.contains(QStringLiteral("no longer running")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("killed")), qPrintable(words));
    QTRY_VERIFY(view->toPlainText().contains(QStringLiteral("killed")));
    QVERIFY2(!view->toPlainText().contains(QStringLiteral("network error")),
        qPrintable(view->toPlainText()));
}

// Issue 13: Faults › Deliver a New Message left the pane at the login's 35 messages while 36 were
// on disk. The pane shows the delivered one, marked as not in the open session's list, while the
// session keeps its snapshot (RFC 1939 §8) until it logs in again.
void TestMaildropPane::deliveryShowsOnDiskNotInTheOpenSession()
{
    MaildropPane *pane = m_window->maildropPane();
    TerminalView *view = login();
    QVERIFY(view);
    QTRY_VERIFY(pane->lockShownAsPresent());
    QCOMPARE(pane->model()->rowCount(), 35);
    const QByteArray message = "From: teacher@example.org\r\nSubject: Arrived during the "
                               "session\r\n\r\nHello.\r\n";
    QVERIFY(m_lab->services->deliver(QStringLiteral("student"), message).ok);
    QTRY_COMPARE(pane->model()->rowCount(), 36);
    MaildropModel *model = pane->model();
    QVERIFY(model->data(model->index(35, MaildropModel::Subject), MaildropModel::NewRole).toBool());
    QVERIFY(
        !model->data(model->index(34, MaildropModel::Subject), MaildropModel::NewRole).toBool());
    QCOMPARE(model->data(model->index(35, MaildropModel::Subject)).toString(),
        QStringLiteral("Arrived during the session"));
    QCOMPARE(model->data(model->index(35, MaildropModel::Size)).toLongLong(), message.size());
    QVERIFY2(model->data(model->index(35, MaildropModel::Number), Qt::ToolTipRole)
                 .toString()
                 .contains(QLatin1String("not in the open session")),
        qPrintable(
            model->data(model->index(35, MaildropModel::Number), Qt::ToolTipRole).toString()));
    QVERIFY2(pane->userText().contains(QLatin1String("36 message(s)"))
            && pane->userText().contains(QLatin1String("sees 35")),
        qPrintable(pane->userText()));
    // The session still has the maildrop as it was at its login.
    QVERIFY(typeLine(view, QStringLiteral("stat")).startsWith("+OK 35 "));
    QVERIFY(typeLine(view, QStringLiteral("quit")).startsWith("+OK"));
    // The next login's snapshot has it: no longer new.
    TerminalView *next = login();
    QVERIFY(next);
    QVERIFY(typeLine(next, QStringLiteral("stat")).startsWith("+OK 36 "));
    QTRY_VERIFY(
        !model->data(model->index(35, MaildropModel::Subject), MaildropModel::NewRole).toBool());
    QCOMPARE(model->rowCount(), 36);
}

QTEST_MAIN(TestMaildropPane)
#include "tst_maildroppane.moc"
