#include "app/mainwindow.h"

#include "ui_mainwindow.h"

#include "app/announcer.h"
#include "app/classroom/classoverview.h"
#include "app/classroom/handindialog.h"
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/eavesdropper/eavesdropperpane.h"
#include "app/faultsmenu.h"
#include "app/filedialogfit.h"
#include "app/focusring.h"
#include "app/helpdialog.h"
#include "app/labsettings.h"
#include "app/lessons/lessonpane.h"
#include "app/maildrop/maildroppane.h"
#include "app/paneswitcher.h"
#include "app/personalitycomparedialog.h"
#include "app/preferencesdialog.h"
#include "app/presentation/presentationmode.h"
#include "app/replay/replaypane.h"
#include "app/terminal/terminalpane.h"
#include "app/terminal/terminalsession.h"
#include "app/terminal/terminalview.h"
#include "app/translations.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QUrl>

MainWindow::MainWindow(pop3::Lab *lab, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_lab(lab)
    , m_terminal(new TerminalPane(lab, this))
    , m_endpointLabel(new ElidingLabel(this))
    , m_personalityLabel(new ElidingLabel(this))
    , m_sessionsLabel(new ElidingLabel(this))
    , m_announcer(new Announcer(this))
    , m_focusRing(new FocusRing(this))
    , m_panes(new PaneSwitcher(this))
{
    m_ui->setupUi(this);
    FileDialogFit::install(); // Qt's own file dialogs (Export, Save transcript) show whole columns
    setWindowIcon(QIcon(QStringLiteral(":/icons/pop3lab.svg")));
    setCentralWidget(m_terminal);
    createDocks();
    m_presentation = new PresentationMode(this, m_terminal, m_diagram);
    m_ui->menuView->addSeparator();
    m_ui->menuView->addAction(m_presentation->toggleAction());
    m_ui->menuView->addAction(m_presentation->highContrastAction());
    statusBar()->addWidget(m_endpointLabel);
    statusBar()->addWidget(new QLabel(QStringLiteral("·"), this));
    statusBar()->addWidget(m_personalityLabel);
    statusBar()->addWidget(m_announcer, 1);
    statusBar()->addPermanentWidget(m_sessionsLabel);
    createPaneActions();
    connectActions();

    const LabSettings settings;
    m_terminal->setFontPointSize(settings.fontPointSize());
    m_terminal->setLastSettings(settings.lastConnection(m_terminal->builtinSettings()));
    if (!restoreGeometry(settings.windowGeometry())) {
        // The first start. 1400×900 and its frame where the screen has room; on a smaller one
        // (1280×720) the window is maximized: a client area of the screen's whole size put the
        // title bar and the frame past the bottom of the screen, the status bar off it.
        const QSize screen = QGuiApplication::primaryScreen()->availableSize();
        const QSize wanted(1400, 900);
        const QSize frameRoom(16, 64); // a title bar and borders, as window managers draw them
        resize(qMin(wanted.width(), screen.width() - frameRoom.width()),
            qMin(wanted.height(), screen.height() - frameRoom.height()));
        m_maximizeAtStart = screen.width() < wanted.width() + frameRoom.width()
            || screen.height() < wanted.height() + frameRoom.height();
    }
    restoreState(settings.windowState());
    updateWidgets();
}

MainWindow::~MainWindow() = default;

void MainWindow::showAtStart()
{
    if (m_maximizeAtStart)
        setWindowState(windowState() | Qt::WindowMaximized);
    show();
}

void MainWindow::createDocks()
{
    const auto addDock =
        [this](QWidget *pane, const QString &title, const QString &name, Qt::DockWidgetArea area) {
            auto *dock = new QDockWidget(title, this);
            dock->setObjectName(name); // saveState() needs it
            dock->setWidget(pane);
            addDockWidget(area, dock);
            // A dock behind another's tab is only moved out of sight: disabled meanwhile, so that
            // Tab does not stop on its invisible controls.
            connect(dock, &QDockWidget::visibilityChanged, pane, &QWidget::setEnabled);
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
    FocusRing::watch(m_diagram->view());
    // One column beside the terminal, so the window fits a 1366-pixel projector: the diagram on
    // top (what no other tool shows), the maildrop and its lock file below it, the lessons a tab
    // away from the maildrop.
    splitDockWidget(diagram, maildrop, Qt::Vertical);
    tabifyDockWidget(maildrop, lessons);
    // The eavesdropper view (issue 14), the current terminal tab as it crossed the wire, a tab
    // beside the lessons: the column keeps its heights (a 1280x720 lesson pane is not cut).
    m_eavesdropper = new EavesdropperPane(this);
    m_eavesdropperDock = addDock(m_eavesdropper,
        tr("Eavesdropper"),
        QStringLiteral("eavesdropperDock"),
        Qt::RightDockWidgetArea);
    tabifyDockWidget(lessons, m_eavesdropperDock);
    maildrop->raise();
    resizeDocks({diagram}, {620}, Qt::Horizontal);
    resizeDocks({diagram, maildrop}, {480, 420}, Qt::Vertical);
    // Replay (issue 13): under the terminal only, the right column keeping its full height.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_replay = new ReplayPane(m_lab->log(), this);
    QDockWidget *replay = addDock(
        m_replay, tr("Replay (not live)"), QStringLiteral("replayDock"), Qt::BottomDockWidgetArea);
    replay->hide();
    addActions(m_replay->keyActions()); // the replay's keys wherever the focus is, while it runs
    connect(m_replay,
        &ReplayPane::started,
        this,
        [this, replay](pop3::EventLog *log, const QString &what) {
            m_diagram->setReplayPosition(
                m_replay->replayer()->position(), m_replay->replayer()->count());
            m_diagram->showReplay(log, what);
            replay->show();
            replay->raise();
            if (m_presentation)
                m_presentation->relayout(); // the replay's column in the room's layout
        });
    connect(m_replay->replayer(),
        &pop3::TraceReplayer::positionChanged,
        this,
        [this](qsizetype position) {
            if (m_replay->isActive())
                m_diagram->setReplayPosition(position, m_replay->replayer()->count());
        });
    connect(m_replay, &ReplayPane::stopped, m_diagram, &DiagramPane::showLive);
    connect(m_replay, &ReplayPane::stopped, this, [this] {
        if (m_presentation)
            m_presentation->relayout(); // the live terminal back in its place
    });
    connect(m_diagram, &DiagramPane::liveShown, m_replay, &ReplayPane::stop);
}

void MainWindow::createPaneActions()
{
    m_panes->addPane(m_terminal, [this]() -> QWidget * {
        return m_terminal->currentView();
    });
    m_panes->addPane(m_diagram, [this]() -> QWidget * {
        return m_diagram->view();
    });
    m_panes->addPane(m_maildrop);
    // A question in hand: Ctrl+4 lands on its answer (the keyboard was in the terminal when the
    // step before it was ticked), not on the lesson picker six Tab stops above.
    m_panes->addPane(m_lessons, [this]() -> QWidget * {
        return m_lessons->answerWidget();
    });
    m_panes->addPane(m_replay);
    m_panes->addPane(m_eavesdropper, [this]() -> QWidget * {
        return m_eavesdropper->view();
    });
    m_ui->menuView->addSeparator();
    m_ui->menuView->addActions(m_panes->actions());
    m_ui->menuView->addSeparator();
    m_ui->menuView->addMenu(m_diagram->menu());
    m_closeEndedAction = new QAction(this);
    m_ui->menuFile->insertAction(m_ui->actionSaveTranscript, m_closeEndedAction);
    connect(m_closeEndedAction, &QAction::triggered, m_terminal, &TerminalPane::closeEndedSessions);
    retranslatePaneActions();
}

void MainWindow::retranslatePaneActions()
{
    const QStringList names = {tr("Go to the &terminal"),
        tr("Go to the sequence &diagram"),
        tr("Go to the &maildrop"),
        tr("Go to the &lessons"),
        tr("Go to the &replay"),
        tr("Go to the &eavesdropper view")};
    for (int i = 0; i < names.size(); ++i)
        m_panes->actions().at(i)->setText(names.at(i));
    m_closeEndedAction->setText(tr("Close all c&losed tabs"));
    m_closeEndedAction->setToolTip(tr("Close every terminal tab whose connection has ended"));
}

void MainWindow::announceRow(quint64 seq)
{
    if (m_diagram->isShowingTrace())
        return;
    const pop3::SequenceModel &model = m_diagram->model();
    const qsizetype row = model.rowForSeq(seq);
    if (row < 0 || model.row(row).seq != seq)
        return; // the event drew no row of its own
    // What the diagram shows, no more: a login summary is there only while logins are collapsed,
    // a filtered-out session's arrows not at all.
    if (!model.isVisible(row))
        return;
    const pop3::SequenceModel::Row &r = model.row(row);
    using Kind = pop3::SequenceModel::RowKind;
    const QString client = model.sessionName(r.session);
    if (r.kind == Kind::Command || r.kind == Kind::Connect)
        m_announcer->say(tr("Diagram: %1 → server: %2").arg(client, model.label(row)));
    else if (r.kind == Kind::Reply)
        m_announcer->say(tr("Diagram: server → %1: %2").arg(client, model.label(row)));
    else
        m_announcer->say(tr("Diagram: %1").arg(model.label(row)));
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
    // The teacher's overview of a classroom server (docs/classroom.md), made when first asked.
    auto *watchClass = new QAction(tr("&Watch a class..."), this);
    watchClass->setObjectName(QStringLiteral("actionWatchClass"));
    watchClass->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_ui->menuFile->insertAction(m_ui->actionPreferences, watchClass);
    // The lesson's hand-in, from the menu too (it was only a button in the Lessons pane).
    auto *exportHandIn = new QAction(tr("&Export for Hand-in..."), this);
    exportHandIn->setObjectName(QStringLiteral("actionExportHandIn"));
    exportHandIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_ui->menuFile->insertAction(m_ui->actionPreferences, exportHandIn);
    connect(exportHandIn, &QAction::triggered, this, [this] {
        if (!m_lessons->exportWithDialog())
            statusBar()->showMessage(
                tr("Pick a lesson first: a hand-in is the record of one lesson."), 8000);
    });
    // Said where it went, with a button to open it (the status bar's message alone fades).
    m_openHandInButton = new QPushButton(this);
    m_openHandInButton->setObjectName(QStringLiteral("openHandInButton"));
    m_openHandInButton->setFlat(true);
    m_openHandInButton->hide();
    statusBar()->addPermanentWidget(m_openHandInButton);
    connect(m_lessons, &LessonPane::handInWritten, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Hand-in saved to %1").arg(QDir::toNativeSeparators(path)));
        m_openHandInButton->setProperty("path", path);
        m_openHandInButton->setText(tr("&Open the hand-in"));
        m_openHandInButton->setToolTip(QDir::toNativeSeparators(path));
        m_openHandInButton->show();
    });
    connect(m_openHandInButton, &QPushButton::clicked, this, [this] {
        const QString path = m_openHandInButton->property("path").toString();
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            statusBar()->showMessage(
                tr("No program opens %1 here: open it from its folder.").arg(path), 8000);
        m_openHandInButton->hide();
    });
    // A student's end of the same class: the lab answers, sent as themselves.
    auto *handIn = new QAction(tr("&Hand In Lab Answers..."), this);
    handIn->setObjectName(QStringLiteral("actionHandIn"));
    m_ui->menuFile->insertAction(m_ui->actionPreferences, handIn);
    m_ui->menuFile->insertSeparator(m_ui->actionPreferences);
    connect(handIn, &QAction::triggered, this, [this] {
        auto *dialog = findChild<HandInDialog *>();
        if (!dialog)
            dialog = new HandInDialog(this);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    connect(watchClass, &QAction::triggered, this, [this] {
        auto *overview = findChild<ClassOverview *>();
        if (!overview)
            overview = new ClassOverview(this);
        overview->show();
        overview->raise();
        overview->activateWindow();
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
    connect(m_diagram, &DiagramPane::eventActivated, this, [this](quint64 seq) {
        // During a replay the diagram's events are the replay's: their lines are in the replay's
        // transcript, never in a live terminal (whose log numbers the same seq differently).
        if (m_replay->isActive())
            m_replay->highlightEvent(seq);
        else if (!m_diagram->isShowingTrace())
            m_terminal->highlightEvent(seq);
    });
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
    connect(m_lessons, &LessonPane::quitSessionsRequested, this, [this](const QList<int> &ids) {
        m_terminal->quitSessions(ids);
    });
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
    // A killed server says so in the status bar ("not running") until it is started again.
    connect(m_lab, &pop3::Lab::serverRunningChanged, this, &MainWindow::updateWidgets);
    // After the diagram's own connection (made when it was created): its row is there.
    connect(m_lab->log(), &pop3::EventLog::eventAppended, this, [this](const pop3::Event &event) {
        announceRow(event.seq);
    });

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
    m_eavesdropper->setSession(session, m_terminal->currentTitle());
    updateWidgets();
}

void MainWindow::updateWidgets()
{
    const pop3::Pop3Server *server = m_lab->server();
    m_endpointLabel->setText(server && server->isListening()
            ? tr("Built-in server listening on %1").arg(server->endpoint())
            : tr("Built-in server not running"));
    m_personalityLabel->setText(server
            ? tr("Personality: %1")
                  .arg(Translations::personalityName(
                      server->personality().id, server->personality().name))
            : QString());
    m_maildrop->setPersonality(server ? &server->personality() : nullptr);
    m_sessionsLabel->setText(tr("Server sessions: %1 · Terminal tabs connected: %2")
                                 .arg(server ? server->sessionCount() : 0)
                                 .arg(m_terminal->connectedCount()));
    const bool hasTab = m_terminal->currentSession() != nullptr;
    m_ui->actionCloseSession->setEnabled(hasTab);
    m_ui->actionSaveTranscript->setEnabled(hasTab);
    m_closeEndedAction->setEnabled(m_terminal->endedCount() > 0);
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

bool MainWindow::startLesson(const QString &id)
{
    if (!m_lessons->startLesson(id))
        return false;
    for (QWidget *w = m_lessons->parentWidget(); w; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise(); // its tab shares the place of the maildrop's
            break;
        }
    }
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
    const QString dir = LabSettings::saveFolder();
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Save transcript"),
        QDir(dir).filePath(tr("pop3-transcript.txt", "a file name")),
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
    if (m_presentation->isActive()) { // one zoom for every pane, not saved
        m_presentation->zoomBy(delta);
        return;
    }
    const int size =
        delta == 0 ? LabSettings::defaultFontPointSize : m_terminal->fontPointSize() + delta;
    m_terminal->setFontPointSize(size);
    LabSettings().setFontPointSize(m_terminal->fontPointSize());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_presentation->setActive(false); // what is saved is the window's own layout
    LabSettings().setWindow(saveGeometry(), saveState());
    QMainWindow::closeEvent(event);
}

QMenu *MainWindow::viewMenu() const
{
    return m_ui->menuView;
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslatePaneActions();
        m_eavesdropperDock->setWindowTitle(tr("Eavesdropper"));
        updateWidgets();
    }
}
