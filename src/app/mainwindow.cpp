#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/diagram/diagrampane.h"
#include "app/faultsmenu.h"
#include "app/helpdialog.h"
#include "app/labsettings.h"
#include "app/lessons/lessonpane.h"
#include "app/maildrop/maildroppane.h"
#include "app/personalitycomparedialog.h"
#include "app/preferencesdialog.h"
#include "app/terminal/terminalpane.h"
#include "app/terminal/terminalsession.h"
#include "app/terminal/terminalview.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QStandardPaths>
#include <QStyle>

MainWindow::MainWindow(pop3::Lab *lab, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_lab(lab)
    , m_terminal(new TerminalPane(lab, this))
    , m_endpointLabel(new QLabel(this))
    , m_personalityLabel(new QLabel(this))
    , m_sessionsLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/pop3lab.svg")));
    setCentralWidget(m_terminal);
    createDocks();
    statusBar()->addWidget(m_endpointLabel);
    statusBar()->addWidget(new QLabel(QStringLiteral("·"), this));
    statusBar()->addWidget(m_personalityLabel);
    statusBar()->addPermanentWidget(m_sessionsLabel);
    connectActions();

    const LabSettings settings;
    m_terminal->setFontPointSize(settings.fontPointSize());
    m_terminal->setLastSettings(settings.lastConnection(m_terminal->builtinSettings()));
    if (!restoreGeometry(settings.windowGeometry())) {
        const QSize screen = QGuiApplication::primaryScreen()->availableSize();
        resize(qMin(1400, screen.width()), qMin(900, screen.height()));
    }
    restoreState(settings.windowState());
    updateWidgets();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    const auto addDock =
        [this](QWidget *pane, const QString &title, const QString &name, Qt::DockWidgetArea area) {
            auto *dock = new QDockWidget(title, this);
            dock->setObjectName(name); // saveState() needs it
            dock->setWidget(pane);
            addDockWidget(area, dock);
            m_ui->menuView->addAction(dock->toggleViewAction());
            return dock;
        };
    m_maildrop = new MaildropPane(m_lab->log(), m_lab->store(), this);
    m_diagram = new DiagramPane(m_lab->log(), this);
    m_lessons = new LessonPane(m_lab, this);
    QDockWidget *diagram = addDock(
        m_diagram, tr("Sequence diagram"), QStringLiteral("diagramDock"), Qt::RightDockWidgetArea);
    QDockWidget *maildrop = addDock(m_maildrop,
        tr("Maildrop and lock file"),
        QStringLiteral("maildropDock"),
        Qt::RightDockWidgetArea);
    QDockWidget *lessons =
        addDock(m_lessons, tr("Lessons"), QStringLiteral("lessonsDock"), Qt::RightDockWidgetArea);
    // One column beside the terminal, so the window fits a 1366-pixel projector: the diagram on
    // top (what no other tool shows), the maildrop and its lock file below it, the lessons a tab
    // away from the maildrop.
    splitDockWidget(diagram, maildrop, Qt::Vertical);
    tabifyDockWidget(maildrop, lessons);
    maildrop->raise();
    resizeDocks({diagram}, {620}, Qt::Horizontal);
    resizeDocks({diagram, maildrop}, {480, 420}, Qt::Vertical);
}

void MainWindow::connectActions()
{
    m_ui->actionNewSession->setIcon(QIcon(QStringLiteral(":/icons/new-session.svg")));
    m_ui->actionSaveTranscript->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_ui->actionResetMailbox->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_ui->actionQuit->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_ui->actionHelp->setIcon(style()->standardIcon(QStyle::SP_DialogHelpButton));
    m_ui->actionZoomIn->setShortcuts(
        {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_ui->actionZoomOut->setShortcuts(QKeySequence::ZoomOut);
    connect(m_ui->actionNewSession,
        &QAction::triggered,
        m_terminal,
        &TerminalPane::openSessionWithDialog);
    connect(m_ui->actionCloseSession,
        &QAction::triggered,
        m_terminal,
        &TerminalPane::closeCurrentSession);
    connect(m_ui->actionSaveTranscript, &QAction::triggered, this, &MainWindow::saveTranscript);
    connect(m_ui->actionResetMailbox, &QAction::triggered, this, [this] {
        resetMailbox(m_maildrop->user());
    });
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionShowControl,
        &QAction::toggled,
        m_terminal,
        &TerminalPane::setShowControlCharacters);
    connect(m_ui->actionZoomIn, &QAction::triggered, this, [this] {
        zoom(+1);
    });
    connect(m_ui->actionZoomOut, &QAction::triggered, this, [this] {
        zoom(-1);
    });
    connect(m_ui->actionZoomReset, &QAction::triggered, this, [this] {
        zoom(0);
    });
    connect(m_ui->actionHelp, &QAction::triggered, this, [this] {
        HelpDialog(this).exec();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_terminal, &TerminalPane::sessionsChanged, this, &MainWindow::updateWidgets);
    connect(
        m_terminal, &TerminalPane::currentSessionChanged, this, &MainWindow::currentSessionChanged);
    connect(m_terminal, &TerminalPane::eventPicked, m_diagram, &DiagramPane::highlightEvent);
    connect(m_diagram, &DiagramPane::eventActivated, m_terminal, &TerminalPane::highlightEvent);
    connect(m_terminal, &TerminalPane::sessionLabelled, m_diagram, &DiagramPane::setPeerLabel);
    m_lessons->setSessionNamer([this](int session) {
        return m_diagram->model().sessionName(session);
    });
    if (const QString learner = LabSettings().learnerName(); !learner.isEmpty())
        m_lessons->setLearner(learner);
    connect(m_lessons, &LessonPane::learnerChanged, this, [](const QString &name) {
        LabSettings().setLearnerName(name);
    });
    connect(m_lessons, &LessonPane::terminalFocusRequested, this, [this] {
        if (QWidget *view = m_terminal->currentView()) {
            view->activateWindow();
            view->setFocus(Qt::OtherFocusReason);
        }
    });
    connect(m_lessons, &LessonPane::personalityRequested, this, &MainWindow::setPersonality);
    connect(
        m_terminal, &TerminalPane::lastSettingsChanged, this, [this](const ConnectionSettings &s) {
            LabSettings().setLastConnection(s, m_lab->isBuiltinServer(s.host, s.port));
        });
    connect(m_maildrop, &MaildropPane::resetRequested, this, [this](const QString &user) {
        resetMailbox(user);
    });
    connect(m_lessons, &LessonPane::resetMailboxRequested, this, [this](const QString &user) {
        resetMailbox(user);
    });
    // The terminal's checkbox and the View menu stay in step.
    connect(m_terminal,
        &TerminalPane::showControlCharactersChanged,
        m_ui->actionShowControl,
        &QAction::setChecked);
    if (pop3::Pop3Server *server = m_lab->server())
        connect(server, &pop3::Pop3Server::sessionCountChanged, this, &MainWindow::updateWidgets);

    auto *faults = new FaultsMenu(
        m_lab,
        [this] {
            const TerminalSession *s = m_terminal->currentSession();
            return s && s->isBuiltin() ? s->sessionId() : 0;
        },
        [this] {
            return m_maildrop->user();
        },
        this);
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), faults);
    faults->addSeparator();
    faults->addAction(tr("Compare &Personalities Side by Side..."), this, [this] {
        PersonalityCompareDialog(this).exec();
    });
    connect(faults, &FaultsMenu::failed, this, [this](const QString &why) {
        QMessageBox::warning(this, tr("Fault not injected"), why);
    });
}

void MainWindow::currentSessionChanged(TerminalSession *session)
{
    m_maildrop->setSession(session ? session->sessionId() : 0, session && !session->isBuiltin());
    updateWidgets();
}

void MainWindow::updateWidgets()
{
    const pop3::Pop3Server *server = m_lab->server();
    m_endpointLabel->setText(server && server->isListening()
            ? tr("Built-in server listening on %1").arg(server->endpoint())
            : tr("Built-in server not running"));
    m_personalityLabel->setText(
        server ? tr("Personality: %1").arg(server->personality().name) : QString());
    m_maildrop->setPersonality(server ? &server->personality() : nullptr);
    m_sessionsLabel->setText(tr("Server sessions: %1 · Terminal tabs connected: %2")
                                 .arg(server ? server->sessionCount() : 0)
                                 .arg(m_terminal->connectedCount()));
    const bool hasTab = m_terminal->currentSession() != nullptr;
    m_ui->actionCloseSession->setEnabled(hasTab);
    m_ui->actionSaveTranscript->setEnabled(hasTab);
    m_ui->actionResetMailbox->setEnabled(m_lab->store()->account(m_maildrop->user()) != nullptr);
}

bool MainWindow::resetMailbox(const QString &user, bool ask)
{
    const pop3::Pop3Server *server = m_lab->server();
    if (ask && server && server->sessionCount() > 0) {
        const QString question = m_lab->sessionsHolding(user).isEmpty()
            ? tr("A session is open. Reset %1's mailbox to the pristine sample anyway?").arg(user)
            : tr("A session is logged in as %1 and holds the maildrop. Resetting cuts it off (its "
                 "deletion marks are lost, as after a dropped connection). Reset anyway?")
                  .arg(user);
        if (QMessageBox::question(this, tr("Reset mailbox"), question) != QMessageBox::Yes)
            return false;
    }
    const pop3::Result r = m_lab->resetMailbox(user);
    if (!r) {
        QMessageBox::warning(
            this, tr("Reset mailbox"), tr("The mailbox could not be reset: %1").arg(r.error));
        return false;
    }
    m_maildrop->refresh();
    statusBar()->showMessage(tr("%1's mailbox is back to the pristine sample.").arg(user), 5000);
    return true;
}

void MainWindow::setPersonality(const QString &idOrPath)
{
    if (const pop3::Result r = m_lab->setPersonality(idOrPath); !r)
        QMessageBox::warning(this,
            tr("Server personality"),
            tr("The server keeps its personality: %1").arg(r.error));
    updateWidgets();
}

void MainWindow::saveTranscript()
{
    QMessageBox ask(QMessageBox::Question,
        tr("Save transcript"),
        tr("Save what this terminal tab sent and received as a text file."),
        QMessageBox::Save | QMessageBox::Cancel,
        this);
    auto *hide = new QCheckBox(tr("Hide the password (PASS ********)"), &ask);
    hide->setChecked(true);
    ask.setCheckBox(hide);
    if (ask.exec() != QMessageBox::Save)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Save transcript"),
        QDir(dir).filePath(QStringLiteral("pop3-transcript.txt")),
        tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_terminal->saveTranscript(path, hide->isChecked(), &error))
        QMessageBox::warning(
            this, tr("Save transcript"), tr("Could not save %1: %2").arg(path, error));
    else
        statusBar()->showMessage(tr("Transcript saved to %1").arg(path), 5000);
}

void MainWindow::showPreferences()
{
    LabSettings settings;
    pop3::Pop3Server *server = m_lab->server();
    PreferencesDialog::Values values;
    values.fontPointSize = m_terminal->fontPointSize();
    values.lineEnding = settings.defaultLineEnding();
    values.personality = server ? server->personality().id : settings.personality();
    values.idleTimeoutSecs = server ? server->idleTimeout() : settings.idleTimeoutSecs();
    PreferencesDialog dialog(values, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PreferencesDialog::Values v = dialog.values();
    m_terminal->setFontPointSize(v.fontPointSize);
    settings.setFontPointSize(v.fontPointSize);
    settings.setDefaultLineEnding(v.lineEnding);
    ConnectionSettings last = m_terminal->lastSettings();
    last.lineEnding = v.lineEnding;
    m_terminal->setLastSettings(last);
    settings.setPersonality(v.personality);
    settings.setIdleTimeoutSecs(v.idleTimeoutSecs);
    if (server) {
        server->setIdleTimeout(v.idleTimeoutSecs);
        if (v.personality != server->personality().id)
            setPersonality(v.personality);
    }
    updateWidgets();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
        tr("About pop3lab"),
        tr("<h3>pop3lab %1</h3><p>Learn POP3 by hand, and see what the terminal hides: "
           "every command, reply, state change and the maildrop's lock file.</p>"
           "<p>The built-in server knows <b>student</b> / <b>hessovs!</b> and "
           "<b>barakirs</b> / <b>blacksun</b>.</p><p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::zoom(int delta)
{
    const int size =
        delta == 0 ? LabSettings::defaultFontPointSize : m_terminal->fontPointSize() + delta;
    m_terminal->setFontPointSize(size);
    LabSettings().setFontPointSize(m_terminal->fontPointSize());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    LabSettings().setWindow(saveGeometry(), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateWidgets();
    }
}
