#include "app/terminal/terminalpane.h"

#include "ui_terminalpane.h"

#include "app/focusring.h"
#include "app/terminal/connectiondialog.h"
#include "app/terminal/terminalsession.h"
#include "app/terminal/terminalview.h"
#include "events/eventlog.h"
#include "lab/lab.h"
#include "net/pop3server.h"

#include <QAbstractButton>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStyle>
#include <QTabBar>

#include <memory>

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
    connect(m_ui->tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        closeSession(index);
    });
    // Ctrl+Page Down / Up: the next / previous tab, from the terminal itself (as in a browser).
    for (const auto &[key, step] :
        {std::pair{Qt::Key_PageDown, 1}, std::pair{Qt::Key_PageUp, -1}}) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, step = step] {
            if (const int n = count(); n > 1)
                m_ui->tabs->setCurrentIndex((m_ui->tabs->currentIndex() + step + n) % n);
        });
    }
    m_ui->tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        const int index = m_ui->tabs->tabBar()->tabAt(pos);
        std::unique_ptr<QMenu> menu(tabMenu(index));
        menu->exec(m_ui->tabs->tabBar()->mapToGlobal(pos));
    });
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        updateWidgets();
        emit currentSessionChanged(currentSession());
    });
    updateWidgets();
}

TerminalPane::~TerminalPane() = default;

bool TerminalPane::askTrust(const ConnectionSettings &settings,
    const QSslCertificate &certificate,
    const QList<QSslError> &errors)
{
    QStringList why;
    for (const QSslError &e : errors)
        why.append(e.errorString());
    QMessageBox box(QMessageBox::Warning,
        tr("Untrusted certificate"),
        tr("The server at %1 showed a certificate that this computer does not trust.")
            .arg(settings.endpoint()),
        QMessageBox::NoButton,
        this);
    box.setObjectName(QStringLiteral("untrustedCertificate"));
    box.setInformativeText(
        tr("<p>Encryption would still hide what you type from an eavesdropper, but nothing "
           "proves that you talk to the real server: someone on the path could show their own "
           "certificate and read everything. A self-signed certificate (like the one pop3lab or "
           "pop3lab-server makes for itself) always looks like this.</p>"
           "<p>Compare this SHA-256 fingerprint with the one the server printed when it started "
           "(or the one the teacher shows). Continue only if they are the same.</p>"
           "<p><tt>%1</tt></p><p>Why it is not trusted: %2</p>")
            .arg(TerminalSession::fingerprint(certificate),
                why.join(QStringLiteral("; ")).toHtmlEscaped()));
    QPushButton *trust =
        box.addButton(tr("&Continue: the fingerprints match"), QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *refuse = box.addButton(tr("&Disconnect"), QMessageBox::RejectRole);
    refuse->setObjectName(QStringLiteral("refuseButton"));
    box.setDefaultButton(refuse);
    box.exec();
    return box.clickedButton() == trust;
}

ConnectionSettings TerminalPane::builtinSettings() const
{
    ConnectionSettings s;
    s.host = QStringLiteral("127.0.0.1");
    // Plain TCP as in the lab sheet; when the student types STLS the tab starts TLS.
    s.security = m_lab->tlsIdentity() ? ConnectionSettings::Security::Stls
                                      : ConnectionSettings::Security::Raw;
    if (m_lab->server())
        s.port = m_lab->server()->port();
    return s;
}

TerminalView *TerminalPane::openSession(const ConnectionSettings &settings)
{
    TerminalView *view = createView(settings, ++m_opened, -1);
    m_last = settings;
    emit lastSettingsChanged(settings);
    emit sessionsChanged();
    updateWidgets();
    return view;
}

TerminalView *TerminalPane::createView(const ConnectionSettings &settings, int number, int index)
{
    auto *session = new TerminalSession(settings, m_lab);
    auto *view = new TerminalView(session, m_ui->tabs);
    session->setTrustQuestion(
        [this, settings](const QSslCertificate &certificate, const QList<QSslError> &errors) {
            return askTrust(settings, certificate, errors);
        });
    session->setParent(view);
    QFont font = view->font();
    font.setPointSize(m_fontPointSize);
    view->setFont(font);
    view->setShowControlCharacters(m_showControl);
    view->setToolTip(settings.describe());
    const QString title = session->isBuiltin()
        ? tr("Terminal %1").arg(number)
        : tr("Terminal %1 — %2").arg(number).arg(settings.endpoint());
    view->setObjectName(QStringLiteral("terminal%1").arg(number));
    view->setProperty("baseTitle", title);
    view->setProperty("number", number);
    index =
        m_ui->tabs->insertTab(index, view, QIcon(QStringLiteral(":/icons/connected.svg")), title);
    if (QWidget *close = m_ui->tabs->tabBar()->tabButton(index, QTabBar::RightSide))
        close->setAccessibleName(tr("Close %1").arg(title));
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
    connect(view, &TerminalView::restartRequested, this, [this, view] {
        restartSession(m_ui->tabs->indexOf(view));
    });
    connect(view, &TerminalView::closeRequested, this, [this, view] {
        closeSession(m_ui->tabs->indexOf(view));
    });
    FocusRing::watch(view);
    m_ui->tabs->setCurrentIndex(index);
    session->open();
    view->setFocus();
    return view;
}

TerminalView *TerminalPane::restartSession(int index)
{
    TerminalView *old = view(index);
    if (!old || !old->session()->hasEnded())
        return nullptr;
    const ConnectionSettings settings = old->session()->settings();
    const int number = old->property("number").toInt();
    const QString typed = old->editLine();
    m_ui->tabs->removeTab(index);
    TerminalView *fresh = createView(settings, number, index); // focused, as a new tab is
    fresh->keepHistoryOf(old); // what the class just read stays, above a separator
    old->deleteLater();
    // Typed in the closed tab, then Enter: kept typed, not sent. It was typed for a session
    // that is gone, and would reach the server before its greeting; the student sends it.
    fresh->setEditLine(typed);
    emit sessionsChanged();
    updateWidgets();
    return fresh;
}

int TerminalPane::endedCount() const
{
    int n = 0;
    for (int i = 0; i < count(); ++i)
        n += view(i)->session()->hasEnded() ? 1 : 0;
    return n;
}

int TerminalPane::quitSessions(const QList<int> &sessionIds)
{
    int sent = 0;
    for (int i = 0; i < count(); ++i) {
        TerminalSession *s = view(i)->session();
        if (s->isConnected() && s->isBuiltin() && sessionIds.contains(s->sessionId())) {
            s->sendLine(QStringLiteral("QUIT")); // shown in its terminal as if typed
            ++sent;
        }
    }
    return sent;
}

int TerminalPane::closeEndedSessions()
{
    int closed = 0;
    for (int i = count() - 1; i >= 0; --i) {
        if (view(i)->session()->hasEnded() && closeSession(i, false))
            ++closed;
    }
    return closed;
}

QMenu *TerminalPane::tabMenu(int index)
{
    auto *menu = new QMenu(this);
    TerminalView *v = view(index);
    if (v)
        menu->addActions(v->sessionActions());
    menu->addSeparator();
    QAction *closeEnded = menu->addAction(tr("Close all c&losed tabs"));
    closeEnded->setEnabled(endedCount() > 0);
    connect(closeEnded, &QAction::triggered, this, &TerminalPane::closeEndedSessions);
    return menu;
}

bool TerminalPane::openSessionWithDialog()
{
    ConnectionDialog dialog(m_last, builtinSettings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    openSession(dialog.settings());
    return true;
}

bool TerminalPane::closeSession(int index, bool ask)
{
    TerminalView *v = view(index);
    if (!v)
        return false;
    if (const int marks = v->session()->pendingMarks(); ask && marks > 0) {
        m_ui->tabs->setCurrentIndex(index);
        QMessageBox ask(QMessageBox::Question,
            tr("Close the session"),
            tr("%n message(s) of this session are marked for deletion. Closing the tab drops "
               "the connection without QUIT: the server deletes nothing and the marks are lost. "
               "Close it anyway?",
                nullptr,
                marks),
            QMessageBox::Close | QMessageBox::Cancel,
            this);
        ask.setDefaultButton(QMessageBox::Cancel);
        // Qt's own "Close" has no key to press with Alt: this one has, in each language.
        ask.button(QMessageBox::Close)->setText(tr("&Close"));
        if (ask.exec() != QMessageBox::Close)
            return false;
    }
    m_ui->tabs->removeTab(index);
    v->session()->close();
    v->deleteLater();
    emit sessionsChanged();
    updateWidgets();
    return true;
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

QString TerminalPane::currentTitle() const
{
    const int index = m_ui->tabs->currentIndex();
    return index < 0 ? QString() : m_ui->tabs->tabText(index);
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
    const TerminalSession::Ending ending = view->session()->ending();
    const QString base = view->property("baseTitle").toString();
    if (ending == TerminalSession::Ending::Cut || ending == TerminalSession::Ending::Failed) {
        const bool failed = ending == TerminalSession::Ending::Failed;
        m_ui->tabs->setTabIcon(index, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_ui->tabs->setTabText(
            index, failed ? tr("%1 (failed)").arg(base) : tr("%1 (cut)").arg(base));
        m_ui->tabs->setTabToolTip(index,
            failed ? tr("The connection could not be opened. Enter or right-click: try again.")
                   : tr("The server cut this connection without a QUIT. Enter or right-click: "
                        "restart."));
    } else if (ending == TerminalSession::Ending::InUse) { // closed on purpose, not cut
        m_ui->tabs->setTabIcon(index, QIcon(QStringLiteral(":/icons/disconnected.svg")));
        m_ui->tabs->setTabText(index, tr("%1 (closed, [IN-USE])").arg(base));
        m_ui->tabs->setTabToolTip(index,
            tr("The server closed this connection after -ERR [IN-USE]: another session holds "
               "the mailbox's lock. Enter or right-click: restart."));
    } else {
        m_ui->tabs->setTabIcon(index, QIcon(QStringLiteral(":/icons/disconnected.svg")));
        m_ui->tabs->setTabText(index, tr("%1 (closed)").arg(base));
        m_ui->tabs->setTabToolTip(
            index, tr("This connection is closed. Enter or right-click: restart."));
    }
    updateWidgets();
    emit sessionsChanged();
}

void TerminalPane::updateWidgets()
{
    TerminalSession *session = currentSession();
    if (!session) {
        m_modeText = tr("No session: File ▸ New session (Ctrl+Shift+T)");
        m_shortModeText = tr("No session: Ctrl+Shift+T");
    } else if (session->hasEnded()) {
        m_modeText = tr("%1 · closed · Enter: restart").arg(session->settings().endpoint());
        // The short form still names the connection (the French one used to drop it); the tab
        // says "(closed)".
        m_shortModeText = tr("%1 · Enter: restart").arg(session->settings().endpoint());
    } else {
        m_modeText = session->settings().describe();
        m_shortModeText = QStringLiteral("%1 %2").arg(
            session->settings().securityName(), session->settings().endpoint());
    }
    showModeText();
}

// The line beside the buttons says the whole mode when there is room; in a narrow pane (1280
// pixels, French) its short form, which keeps what matters (the connection, how to restart), and
// only in a narrower one still an elided (…) text. The whole text is always in its tooltip and
// accessible name.
void TerminalPane::showModeText()
{
    QLabel *label = m_ui->modeLabel;
    const QFontMetrics metrics = label->fontMetrics();
    const int room = qMax(0, label->contentsRect().width());
    QString text = m_modeText;
    if (metrics.horizontalAdvance(text) > room)
        text = metrics.elidedText(m_shortModeText, Qt::ElideRight, room);
    label->setText(text);
    label->setToolTip(m_modeText);
    label->setAccessibleName(m_modeText);
}

void TerminalPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showModeText();
}

void TerminalPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateWidgets();
    }
}
