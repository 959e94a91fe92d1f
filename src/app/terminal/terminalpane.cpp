#include "app/terminal/terminalpane.h"

#include "ui_terminalpane.h"

#include "app/terminal/connectiondialog.h"
#include "app/terminal/terminalsession.h"
#include "app/terminal/terminalview.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "net/pop3server.h"

#include <QIcon>
#include <QSaveFile>
#include <QTabBar>

TerminalPane::TerminalPane(pop3::Lab *lab, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TerminalPane>())
    , m_lab(lab)
{
    m_ui->setupUi(this);
    m_ui->newButton->setIcon(QIcon(QStringLiteral(":/icons/new-session.svg")));
    m_last = builtinSettings();
    connect(m_ui->newButton, &QToolButton::clicked, this, &TerminalPane::openSessionWithDialog);
    connect(m_ui->controlCheck, &QCheckBox::toggled, this, &TerminalPane::setShowControlCharacters);
    connect(m_ui->tabs, &QTabWidget::tabCloseRequested, this, &TerminalPane::closeSession);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        updateWidgets();
        emit currentSessionChanged(currentSession());
    });
    updateWidgets();
}

TerminalPane::~TerminalPane() = default;

ConnectionSettings TerminalPane::builtinSettings() const
{
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    if (m_lab->server())
        s.port = m_lab->server()->port();
    return s;
}

TerminalView *TerminalPane::openSession(const ConnectionSettings &settings)
{
    auto *session = new TerminalSession(settings, m_lab);
    auto *view = new TerminalView(session, m_ui->tabs);
    session->setParent(view);
    QFont font = view->font();
    font.setPointSize(m_fontPointSize);
    view->setFont(font);
    view->setShowControlCharacters(m_showControl);
    view->setToolTip(settings.describe());
    const int number = ++m_opened;
    const QString title = session->isBuiltin()
        ? tr("Terminal %1").arg(number)
        : tr("Terminal %1 — %2").arg(number).arg(settings.endpoint());
    view->setObjectName(QStringLiteral("terminal%1").arg(number));
    view->setProperty("baseTitle", title);
    const int index =
        m_ui->tabs->addTab(view, QIcon(QStringLiteral(":/icons/connected.svg")), title);
    connect(session, &TerminalSession::ended, this, [this, view](bool clean) {
        sessionEnded(view, clean);
    });
    connect(session, &TerminalSession::connectedChanged, this, [this] {
        updateWidgets();
        emit sessionsChanged();
    });
    connect(session, &TerminalSession::sessionIdentified, this, [this, session, title] {
        emit sessionLabelled(session->localEndpoint(), title);
        if (session == currentSession())
            emit currentSessionChanged(session);
    });
    connect(view, &TerminalView::linePicked, this, [this, view](bool reply, int ordinal) {
        linePicked(view, reply, ordinal);
    });
    m_ui->tabs->setCurrentIndex(index);
    session->open();
    view->setFocus();
    m_last = settings;
    emit lastSettingsChanged(settings);
    emit sessionsChanged();
    updateWidgets();
    return view;
}

bool TerminalPane::openSessionWithDialog()
{
    ConnectionDialog dialog(m_last, builtinSettings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    openSession(dialog.settings());
    return true;
}

void TerminalPane::closeSession(int index)
{
    TerminalView *v = view(index);
    if (!v)
        return;
    m_ui->tabs->removeTab(index);
    v->session()->close();
    v->deleteLater();
    emit sessionsChanged();
    updateWidgets();
}

void TerminalPane::closeCurrentSession()
{
    closeSession(m_ui->tabs->currentIndex());
}

int TerminalPane::count() const
{
    return m_ui->tabs->count();
}

TerminalView *TerminalPane::view(int index) const
{
    return qobject_cast<TerminalView *>(m_ui->tabs->widget(index));
}

TerminalView *TerminalPane::currentView() const
{
    return qobject_cast<TerminalView *>(m_ui->tabs->currentWidget());
}

TerminalSession *TerminalPane::currentSession() const
{
    TerminalView *v = currentView();
    return v ? v->session() : nullptr;
}

int TerminalPane::connectedCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += view(i)->session()->isConnected() ? 1 : 0;
    return n;
}

void TerminalPane::setFontPointSize(int points)
{
    m_fontPointSize = qBound(6, points, 48);
    for (int i = 0; i < count(); ++i) {
        QFont font = view(i)->font();
        font.setPointSize(m_fontPointSize);
        view(i)->setFont(font);
    }
}

void TerminalPane::setShowControlCharacters(bool show)
{
    if (show == m_showControl)
        return;
    m_showControl = show;
    emit showControlCharactersChanged(show);
    m_ui->controlCheck->setChecked(show);
    for (int i = 0; i < count(); ++i)
        view(i)->setShowControlCharacters(show);
}

bool TerminalPane::saveTranscript(const QString &path, bool hidePassword, QString *error) const
{
    TerminalSession *session = currentSession();
    if (!session)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)
        || file.write(session->transcript().toText(hidePassword).toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool TerminalPane::highlightEvent(quint64 seq)
{
    const pop3::Event *event = m_lab->log()->find(seq);
    if (!event)
        return false;
    for (int i = 0; i < count(); ++i) {
        TerminalView *v = view(i);
        if (v->session()->sessionId() != event->session)
            continue;
        const bool reply = event->kind != pop3::EventKind::ClientLine;
        int ordinal =
            reply ? v->session()->replyOrdinal(seq) : v->session()->clientLineOrdinal(seq);
        if (ordinal < 0 && event->kind != pop3::EventKind::ClientLine) {
            // Not a line itself (a state change, a lock...): the reply that caused it.
            for (quint64 s = seq; s > 0 && ordinal < 0; --s) {
                const pop3::Event *e = m_lab->log()->find(s);
                if (!e)
                    break;
                if (e->session == event->session && e->kind == pop3::EventKind::ServerReply)
                    ordinal = v->session()->replyOrdinal(s);
            }
        }
        m_ui->tabs->setCurrentIndex(i);
        return ordinal >= 0 && v->highlightLine(reply, ordinal);
    }
    return false;
}

void TerminalPane::linePicked(TerminalView *view, bool reply, int ordinal)
{
    const quint64 seq =
        reply ? view->session()->replySeq(ordinal) : view->session()->clientLineSeq(ordinal);
    if (seq)
        emit eventPicked(seq);
}

void TerminalPane::sessionEnded(TerminalView *view, bool clean)
{
    const int index = m_ui->tabs->indexOf(view);
    if (index < 0)
        return;
    const ConnectionSettings::CloseOnExit rule = view->session()->settings().closeOnExit;
    if (rule == ConnectionSettings::CloseOnExit::Always
        || (rule == ConnectionSettings::CloseOnExit::OnlyOnCleanExit && clean)) {
        closeSession(index);
        return;
    }
    m_ui->tabs->setTabIcon(index, QIcon(QStringLiteral(":/icons/disconnected.svg")));
    m_ui->tabs->setTabText(index, tr("%1 (closed)").arg(view->property("baseTitle").toString()));
    updateWidgets();
    emit sessionsChanged();
}

void TerminalPane::updateWidgets()
{
    TerminalSession *session = currentSession();
    if (!session)
        m_ui->modeLabel->setText(tr("No session: File ▸ New session (Ctrl+Shift+T)"));
    else if (session->hasEnded())
        m_ui->modeLabel->setText(tr("%1 · closed").arg(session->settings().endpoint()));
    else
        m_ui->modeLabel->setText(session->settings().describe());
}

void TerminalPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateWidgets();
    }
}
