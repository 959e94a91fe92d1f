#include "app/faultsmenu.h"

#include "lab/faultinjector.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/pop3session.h"

#include <QActionGroup>
#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

FaultsMenu::FaultsMenu(pop3::Lab *lab,
    std::function<int()> currentSession,
    std::function<QString()> currentUser,
    QWidget *parent)
    : QMenu(parent)
    , m_lab(lab)
    , m_currentSession(std::move(currentSession))
    , m_currentUser(std::move(currentUser))
    , m_drop(addAction(QString()))
    , m_crash(addAction(QString()))
    , m_restart(addAction(QString()))
    , m_slow(addMenu(QString()))
    , m_slowGroup(new QActionGroup(this))
    , m_refuseLogin(addAction(QString()))
    , m_failCommit(addAction(QString()))
    , m_deliver(addAction(QString()))
{
    setObjectName(QStringLiteral("menuFaults"));
    insertSeparator(m_slow->menuAction());
    insertSeparator(m_deliver);
    for (int ms : delays()) {
        QAction *a = m_slow->addAction(QString());
        a->setCheckable(true);
        a->setData(ms);
        a->setChecked(ms == 0);
        m_slowGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, ms] {
            m_lab->faults()->setReplyDelay(ms);
        });
    }
    m_refuseLogin->setCheckable(true);
    m_failCommit->setCheckable(true);
    connect(m_drop, &QAction::triggered, this, [this] {
        if (const pop3::Result r = m_lab->dropSession(m_currentSession()); !r)
            emit failed(r.error);
    });
    connect(m_crash, &QAction::triggered, this, &FaultsMenu::confirmCrash);
    connect(m_restart, &QAction::triggered, this, [this] {
        if (const pop3::Result r = m_lab->restartServer(); !r)
            emit failed(r.error);
        updateWidgets();
    });
    // A tick arms the fault until a login (a commit) uses it; the same press on a ticked one,
    // from the keyboard or the mouse, disarms it.
    connect(m_refuseLogin, &QAction::triggered, this, [this](bool armed) {
        m_lab->faults()->setRefuseNextLogin(armed);
        updateWidgets();
    });
    connect(m_failCommit, &QAction::triggered, this, [this](bool armed) {
        m_lab->faults()->setFailNextCommit(armed);
        updateWidgets();
    });
    connect(m_deliver, &QAction::triggered, this, &FaultsMenu::deliverMessage);
    connect(this, &QMenu::aboutToShow, this, &FaultsMenu::updateWidgets);
    retranslate();
    updateWidgets();
}

QAction *FaultsMenu::slowAction(int ms) const
{
    for (QAction *a : m_slowGroup->actions()) {
        if (a->data().toInt() == ms)
            return a;
    }
    return nullptr;
}

void FaultsMenu::retranslate()
{
    setTitle(tr("Fa&ults"));
    m_drop->setText(tr("&Drop This Connection Now"));
    m_drop->setToolTip(tr("Cut the current terminal's connection only, as a network fault would: "
                          "no QUIT, so no UPDATE; the lock is released. The server goes on."));
    m_crash->setText(tr("&Kill the Server for Everyone, Leaving Its Locks…"));
    m_crash->setToolTip(tr("The built-in server dies: every connection is cut at once, its port "
                           "refuses connections and the lock files stay behind. Restart it to "
                           "see it find them stale."));
    m_restart->setText(tr("Res&tart the Server"));
    m_restart->setToolTip(tr("Start the killed server again on the same port: it finds the lock "
                             "files it left and says they are stale; the next login clears them."));
    m_slow->setTitle(tr("&Slow Replies"));
    for (QAction *a : m_slowGroup->actions()) {
        const int ms = a->data().toInt();
        a->setText(ms == 0 ? tr("At Full Speed") : tr("%1 ms per Reply").arg(ms));
    }
    m_refuseLogin->setText(tr("&Refuse the Next Login ([SYS/TEMP])"));
    m_failCommit->setText(tr("&Fail the Next Commit (UPDATE)"));
    updateWidgets();
}

void FaultsMenu::updateWidgets()
{
    const pop3::Pop3Server *server = m_lab->server();
    const int session = m_currentSession ? m_currentSession() : 0;
    m_drop->setEnabled(server && session != 0 && server->session(session) != nullptr);
    m_crash->setEnabled(server && server->isListening());
    m_restart->setEnabled(server && !server->isListening());
    if (QAction *a = slowAction(m_lab->faults()->replyDelay()))
        a->setChecked(true);
    else
        for (QAction *other : m_slowGroup->actions())
            other->setChecked(false);
    m_refuseLogin->setChecked(m_lab->faults()->refusesNextLogin());
    m_failCommit->setChecked(m_lab->faults()->failsNextCommit());
    const QString user = m_currentUser ? m_currentUser() : QString();
    const bool known = !user.isEmpty() && m_lab->store()->account(user) != nullptr;
    m_deliver->setEnabled(known);
    m_deliver->setText(
        known ? tr("D&eliver a New Message to %1").arg(user) : tr("D&eliver a New Message"));
}

void FaultsMenu::confirmCrash()
{
    QWidget *window = parentWidget() ? parentWidget()->window() : nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning,
        tr("Kill the server?"),
        tr("Kill the built-in server for everyone?"),
        QMessageBox::NoButton,
        window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("killServerQuestion"));
    box->setInformativeText(tr("Every connection is cut at once, not only this terminal's; the "
                               "port refuses new ones until Faults › Restart the Server; the lock "
                               "files stay behind, stale. To cut only this terminal's connection, "
                               "use Drop This Connection Now."));
    QPushButton *kill = box->addButton(tr("&Kill the Server"), QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(tr("Keep It &Running"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, kill](QAbstractButton *button) {
        if (button == kill)
            crash();
    });
    // open(), not exec(): no nested event loop under a menu's action (and a test can answer).
    box->open();
    keep->setFocus();
}

void FaultsMenu::crash()
{
    if (const pop3::Result r = m_lab->crashServer(); !r)
        emit failed(r.error);
    updateWidgets();
}

void FaultsMenu::deliverMessage()
{
    const QString user = m_currentUser();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A message a class can recognise; protocol text, so not translated.
    const QByteArray message = "From: POP3 Lab <teacher@pop3lab.invalid>\r\nTo: " + user.toUtf8()
        + "@pop3lab.invalid\r\nDate: "
        + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss +0000")).toLatin1()
        + "\r\nSubject: Delivered during your session (" + now.toString(Qt::ISODate).toLatin1()
        + ")\r\n\r\nThis message arrived while a session was open. RFC 1939: that session keeps\r\n"
          "the maildrop as it was at login; log in again to see it.\r\n";
    if (const pop3::Result r = m_lab->deliver(user, message); !r)
        emit failed(r.error);
}

void FaultsMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}
