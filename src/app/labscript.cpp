#include "app/labscript.h"

#include "app/mainwindow.h"
#include "app/terminal/terminalpane.h"
#include "app/terminal/terminalview.h"
#include "lab/lab.h"
#include "mail/mailstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QKeyEvent>

LabScript::LabScript(MainWindow *window, pop3::Lab *lab, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_lab(lab)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(20000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(false, QStringLiteral("timed out waiting for a reply to step %1").arg(m_next));
    });
}

QStringList LabScript::names()
{
    return {QStringLiteral("lab-sheet"), QStringLiteral("dele"), QStringLiteral("in-use")};
}

void LabScript::start(const QString &name, int stepDelayMs)
{
    m_delay = stepDelayMs;
    const QList<Step> login = {
        {0, QStringLiteral("USER: student"), "-ERR"},
        {0, QStringLiteral("user student"), "+OK"},
        {0, QStringLiteral("pass hessovs!"), "+OK"},
    };
    m_steps = login;
    if (name == QLatin1String("in-use")) {
        m_steps += {{1, QStringLiteral("user student"), "+OK"},
            {1, QStringLiteral("pass hessovs!"), "-ERR [IN-USE]"}};
    } else {
        m_steps += {{0, QStringLiteral("stat"), "+OK 35 "},
            {0, QStringLiteral("list"), "+OK"},
            {0, QStringLiteral("list 1"), "+OK 1 "},
            {0, QStringLiteral("retr 1"), "+OK"},
            {0, QStringLiteral("dele 1"), "+OK"}};
        if (name == QLatin1String("lab-sheet")) {
            m_steps += {{0, QStringLiteral("quit"), "+OK"}};
            m_checkQuit = true;
        }
    }
    m_timeout.start();
    QTimer::singleShot(0, this, &LabScript::next);
}

void LabScript::next()
{
    if (m_done)
        return;
    if (m_next >= m_steps.size()) {
        if (m_checkQuit)
            checkAfterQuit();
        else
            finish(true,
                QStringLiteral("%1 steps typed and answered as expected").arg(m_steps.size()));
        return;
    }
    const Step &step = m_steps.at(m_next);
    if (step.tab >= m_tabs.size()) { // open the tab and wait for its greeting
        TerminalPane *pane = m_window->terminalPane();
        TerminalView *view = pane->openSession(pane->builtinSettings());
        const int tab = int(m_tabs.size());
        m_tabs.append(view);
        m_replies.append(0);
        connect(view->session(),
            &TerminalSession::replyReceived,
            this,
            [this, tab](const QByteArray &line, bool) {
                replyArrived(tab, line);
            });
        m_waitTab = tab;
        m_waitCount = 1;
        m_waitExpect = "+OK";
        return;
    }
    TerminalView *view = m_tabs.at(step.tab);
    type(view, step.line);
    m_waitTab = step.tab;
    m_waitCount = m_replies.at(step.tab) + 1;
    m_waitExpect = step.expect;
    ++m_next;
}

void LabScript::type(TerminalView *view, const QString &text)
{
    view->setFocus();
    for (QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(view, &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    QCoreApplication::sendEvent(view, &enter);
}

void LabScript::replyArrived(int tab, const QByteArray &line)
{
    ++m_replies[tab];
    if (m_done || tab != m_waitTab || m_replies.at(tab) != m_waitCount)
        return;
    const QByteArray status = line.trimmed();
    m_log.append(QString::fromUtf8(status));
    if (!status.startsWith(m_waitExpect)) {
        finish(false,
            QStringLiteral("expected a reply starting with '%1', got '%2'")
                .arg(QString::fromUtf8(m_waitExpect), QString::fromUtf8(status)));
        return;
    }
    m_waitTab = -1;
    QTimer::singleShot(m_delay, this, &LabScript::next);
}

void LabScript::checkAfterQuit()
{
    pop3::MailStore *store = m_lab->store();
    const QString lock = store->lockPath(QStringLiteral("student"));
    TerminalSession *session = m_tabs.value(0) ? m_tabs.at(0)->session() : nullptr;
    if (!session) {
        finish(false, QStringLiteral("the terminal tab is gone"));
        return;
    }
    if (!session->hasEnded()) { // the server closes after QUIT: wait for it
        connect(session,
            &TerminalSession::ended,
            this,
            &LabScript::checkAfterQuit,
            Qt::UniqueConnection);
        return;
    }
    const qsizetype left = store->account(QStringLiteral("student"))->maildrop->messages().size();
    if (QFileInfo::exists(lock)) {
        finish(false, QStringLiteral("the lock file %1 is still there after QUIT").arg(lock));
        return;
    }
    if (left != 34) {
        finish(
            false, QStringLiteral("%1 messages left after DELE 1 and QUIT, expected 34").arg(left));
        return;
    }
    if (!m_window->resetMailbox(QStringLiteral("student"), false)
        || store->account(QStringLiteral("student"))->maildrop->messages().size() != 35) {
        finish(false, QStringLiteral("Reset mailbox did not bring 35 messages back"));
        return;
    }
    finish(true,
        QStringLiteral("lab sheet: %1 replies as expected; lock file gone after QUIT; 34 messages "
                       "left; reset back to 35")
            .arg(m_log.size()));
}

void LabScript::finish(bool ok, const QString &why)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    emit finished(ok, why);
}
