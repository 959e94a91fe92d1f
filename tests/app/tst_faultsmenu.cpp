// The window's Faults menu (offscreen): each action injects its fault into a real Lab, against a
// client over real TCP, and the menu shows what is armed.

#include "app/faultsmenu.h"
#include "diagram/sequencemodel.h"
#include "events/eventlog.h"
#include "lab/faultinjector.h"
#include "lab/lab.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/pop3session.h"
#include "support/pop3testclient.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;
using pop3test::Client;

class TestFaultsMenu : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void dropsTheCurrentSession();
    void armsAndShowsTheFaults();
    void deliversToTheCurrentUser();
    void crashLeavesTheLock();
    void lockBandClosesAfterTheStaleLockIsCleared();
    void armedFaultsUntickFromTheKeyboard();
    void killAsksFirstDropDoesNot();

private:
    int current() const { return m_session; }

    // Kill the Server asks first (issue 13): the open question, once it is shown.
    static QMessageBox *killQuestion();
    void killConfirmed();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Lab> m_lab;
    std::unique_ptr<FaultsMenu> m_menu;
    int m_session = 0;
    QString m_user = QStringLiteral("student");
};

void TestFaultsMenu::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_lab = std::make_unique<Lab>();
    Lab::Config config;
    config.workspace = m_dir->filePath(QStringLiteral("ws"));
    config.listen.port = 0;
    config.progressFolder = m_dir->filePath(QStringLiteral("progress"));
    QVERIFY(m_lab->start(config).ok);
    m_session = 0;
    m_menu = std::make_unique<FaultsMenu>(
        m_lab.get(),
        [this] {
            return current();
        },
        [this] {
            return m_user;
        });
}

void TestFaultsMenu::cleanup()
{
    m_menu.reset();
    m_lab.reset();
    m_dir.reset();
}

QMessageBox *TestFaultsMenu::killQuestion()
{
    QMessageBox *box = nullptr;
    // Shown with open(), not exec(): the question is a window of its own, found when it is up.
    for (int i = 0; i < 100 && !box; ++i) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible())
                box = b;
        }
        if (!box)
            QTest::qWait(20);
    }
    return box;
}

void TestFaultsMenu::killConfirmed()
{
    m_menu->crashAction()->trigger();
    QMessageBox *box = killQuestion();
    QVERIFY(box);
    QAbstractButton *kill = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            kill = b;
    }
    QVERIFY(kill);
    kill->click();
    QTRY_VERIFY(!box->isVisible());
}

void TestFaultsMenu::dropsTheCurrentSession()
{
    m_menu->updateWidgets();
    QVERIFY(!m_menu->dropAction()->isEnabled()); // no session yet
    Client c;
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    m_session = m_lab->server()->sessions().first()->id();
    m_menu->updateWidgets();
    QVERIFY(m_menu->dropAction()->isEnabled());
    m_menu->dropAction()->trigger();
    QVERIFY(c.waitClosed());
    QTRY_COMPARE(m_lab->server()->sessionCount(), 0);
    m_menu->updateWidgets();
    QVERIFY(!m_menu->dropAction()->isEnabled());
}

void TestFaultsMenu::armsAndShowsTheFaults()
{
    QVERIFY(m_menu->slowAction(0)->isChecked());
    m_menu->slowAction(1000)->trigger();
    QCOMPARE(m_lab->faults()->replyDelay(), 1000);
    m_menu->slowAction(0)->trigger();
    QCOMPARE(m_lab->faults()->replyDelay(), 0);

    m_menu->refuseLoginAction()->trigger();
    QVERIFY(m_lab->faults()->refusesNextLogin());
    QVERIFY(m_menu->refuseLoginAction()->isChecked());
    m_menu->failCommitAction()->trigger();
    QVERIFY(m_lab->faults()->failsNextCommit());

    Client c; // the login uses the armed fault up
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.command("USER student").startsWith("+OK"));
    QVERIFY(c.command("PASS hessovs!").startsWith("-ERR [SYS/TEMP]"));
    m_menu->updateWidgets();
    QVERIFY(!m_menu->refuseLoginAction()->isChecked());
    QVERIFY(m_menu->failCommitAction()->isChecked());
}

void TestFaultsMenu::deliversToTheCurrentUser()
{
    m_menu->updateWidgets();
    QVERIFY(m_menu->deliverAction()->isEnabled());
    QVERIFY(m_menu->deliverAction()->text().contains(QStringLiteral("student")));
    m_menu->deliverAction()->trigger();
    Client c;
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    QVERIFY(c.command("STAT").startsWith("+OK 36 "));
    m_user = QStringLiteral("nobody");
    m_menu->updateWidgets();
    QVERIFY(!m_menu->deliverAction()->isEnabled());
}

void TestFaultsMenu::crashLeavesTheLock()
{
    Client c;
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    m_menu->updateWidgets();
    QVERIFY(m_menu->crashAction()->isEnabled());
    QVERIFY(!m_menu->restartAction()->isEnabled());
    const quint16 port = m_lab->server()->port();
    killConfirmed();
    QVERIFY(c.waitClosed());
    const QString lock = m_lab->store()->lockPath(QStringLiteral("student"));
    QVERIFY(QFile::exists(lock));
    // Killed for real: nothing answers on its port, and only a restart is offered.
    QVERIFY(!m_lab->server()->isListening());
    QTcpSocket refused;
    QSignalSpy error(&refused, &QTcpSocket::errorOccurred);
    refused.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(error.wait());
    QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
    QVERIFY(!m_menu->crashAction()->isEnabled());
    QVERIFY(m_menu->restartAction()->isEnabled());

    // Restarted: it finds the lock the dead server left and says why it is stale.
    const qsizetype before = m_lab->log()->size();
    m_menu->restartAction()->trigger();
    QVERIFY(m_lab->server()->isListening());
    QCOMPARE(m_lab->server()->port(), port);
    bool explained = false;
    for (const pop3::Event &e : m_lab->log()->eventsSince(before))
        explained = explained
            || (e.kind == pop3::EventKind::Note && e.note == pop3::NoteKind::StaleLockFound
                && e.detail == lock);
    QVERIFY(explained);
    QVERIFY(m_menu->crashAction()->isEnabled());
    QVERIFY(!m_menu->restartAction()->isEnabled());
    Client next; // and the next login clears it
    QVERIFY(next.open(port).startsWith("+OK"));
    QVERIFY(next.login("student", "hessovs!"));
    QCOMPARE(QFile::exists(lock), true); // the new session's own lock now
    QCOMPARE(pop3::MaildropLock::read(lock)->session, m_lab->server()->sessions().last()->id());
}

// Issue 13: after Kill the Server, Restart and a login that clears the stale lock, a QUIT (or a
// dropped connection) left the diagram's lock band hatched: the dead server's lock was counted
// as still held.
void TestFaultsMenu::lockBandClosesAfterTheStaleLockIsCleared()
{
    auto lockBandAtTheEnd = [this] {
        pop3::SequenceModel model;
        for (const pop3::Event &e : m_lab->log()->eventsSince(0))
            model.append(e);
        return model.row(model.rowCount() - 1).locksAfter;
    };
    Client c;
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    m_menu->updateWidgets();
    killConfirmed();
    QVERIFY(c.waitClosed());
    QCOMPARE(lockBandAtTheEnd(), 1); // the stale lock file is still there
    m_menu->restartAction()->trigger();
    QVERIFY(m_lab->server()->isListening());
    Client next;
    QVERIFY(next.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(next.login("student", "hessovs!"));
    QCOMPARE(lockBandAtTheEnd(), 1); // the new session's lock, the stale one cleared
    QVERIFY(next.command("QUIT").startsWith("+OK"));
    QVERIFY(next.waitClosed());
    QTRY_COMPARE(m_lab->server()->sessionCount(), 0);
    QCOMPARE(lockBandAtTheEnd(), 0);
    // A dropped connection ("lock removed, no UPDATE") closes it as well.
    Client dropped;
    QVERIFY(dropped.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(dropped.login("student", "hessovs!"));
    m_session = m_lab->server()->sessions().last()->id();
    m_menu->updateWidgets();
    m_menu->dropAction()->trigger();
    QVERIFY(dropped.waitClosed());
    QTRY_COMPARE(m_lab->server()->sessionCount(), 0);
    QCOMPARE(lockBandAtTheEnd(), 0);
}

// A ticked "Refuse the Next Login" (or "Fail the Next Commit") is unticked by Enter on it, as it
// was ticked: the fault is disarmed, and the next login gets in.
void TestFaultsMenu::armedFaultsUntickFromTheKeyboard()
{
    auto pressOn = [this](QAction *action) {
        m_menu->popup(QPoint(10, 10));
        QVERIFY(QTest::qWaitForWindowExposed(m_menu.get()));
        m_menu->setActiveAction(action);
        QTest::keyClick(m_menu.get(), Qt::Key_Return);
        QTRY_VERIFY(!m_menu->isVisible());
    };
    pressOn(m_menu->refuseLoginAction());
    QVERIFY(m_lab->faults()->refusesNextLogin());
    pressOn(m_menu->refuseLoginAction());
    QVERIFY(!m_lab->faults()->refusesNextLogin());
    m_menu->updateWidgets();
    QVERIFY(!m_menu->refuseLoginAction()->isChecked());

    pressOn(m_menu->failCommitAction());
    QVERIFY(m_lab->faults()->failsNextCommit());
    pressOn(m_menu->failCommitAction());
    QVERIFY(!m_lab->faults()->failsNextCommit());

    Client c; // disarmed for real: the login gets in
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
}

// Issue 13, in front of a class: Kill the Server (a stale lock, the server down for every
// student) sat under Drop This Connection with nothing between them. Kill now asks, the safe
// answer the default (Enter, Escape), and says it is for everyone; Drop stays one action.
void TestFaultsMenu::killAsksFirstDropDoesNot()
{
    QVERIFY(m_menu->crashAction()->text().contains(QStringLiteral("Everyone")));
    QVERIFY(m_menu->crashAction()->text().endsWith(QStringLiteral("…")));
    QVERIFY(!m_menu->dropAction()->text().endsWith(QStringLiteral("…")));
    Client c;
    QVERIFY(c.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(c.login("student", "hessovs!"));
    m_menu->updateWidgets();
    m_menu->crashAction()->trigger();
    QMessageBox *box = killQuestion();
    QVERIFY2(box, "Kill the Server killed without asking");
    QVERIFY(m_lab->server()->isListening()); // nothing done yet
    QVERIFY(box->defaultButton());
    QCOMPARE(box->buttonRole(box->defaultButton()), QMessageBox::RejectRole);
    QCOMPARE(box->escapeButton(), box->defaultButton());
    QVERIFY(box->defaultButton()->hasFocus() || !box->focusWidget()
        || box->focusWidget() == box->defaultButton());
    QTest::keyClick(box, Qt::Key_Return); // the keyboard's answer: the safe one
    QTRY_VERIFY(!box->isVisible());
    QVERIFY(m_lab->server()->isListening());
    QCOMPARE(m_lab->server()->sessionCount(), 1);
    killConfirmed(); // asked and answered: killed
    QVERIFY(c.waitClosed());
    QVERIFY(!m_lab->server()->isListening());
    // Drop: one action, no question.
    QVERIFY(m_menu->restartAction()->isEnabled());
    m_menu->restartAction()->trigger();
    Client d;
    QVERIFY(d.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(d.login("student", "hessovs!"));
    m_session = m_lab->server()->sessions().last()->id();
    m_menu->updateWidgets();
    m_menu->dropAction()->trigger();
    QVERIFY(d.waitClosed());
    QVERIFY(!killQuestion());
}

QTEST_MAIN(TestFaultsMenu)
#include "tst_faultsmenu.moc"
