#include "app/diagram/diagrampane.h"

#include "app/diagram/diagramexport.h"
#include "app/diagram/sequenceview.h"
#include "diagram/lockwords.h"
#include "events/eventlog.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using pop3::SequenceModel;

DiagramPane::DiagramPane(pop3::EventLog *log, QWidget *parent)
    : QWidget(parent)
    , m_live(log)
{
    // The diagram is what a projector shows: a password is drawn as ******** as in a saved
    // trace and its replay (issue 12's rule); the student's own terminal shows what was typed.
    m_model.setHideSecrets(true);
    m_view = new SequenceView(&m_model, this);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("stepDetails"));
    m_details->setOpenLinks(false);
    m_details->setMinimumHeight(60);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    buildToolBar();
    // A saved trace is not live traffic: say so above the diagram, with the way back.
    m_traceBanner = new QFrame(this);
    m_traceBanner->setObjectName(QStringLiteral("traceBanner"));
    m_traceBanner->setStyleSheet(
        QStringLiteral("#traceBanner { background: #fff3cd; border-bottom: 2px solid #e0a800; }"));
    auto *bannerLayout = new QHBoxLayout(m_traceBanner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_traceLabel = new QLabel(m_traceBanner);
    m_traceLabel->setObjectName(QStringLiteral("traceBannerText"));
    m_traceLabel->setWordWrap(true);
    m_traceLabel->setTextFormat(Qt::PlainText);
    m_liveButton = new QPushButton(m_traceBanner);
    connect(m_liveButton, &QPushButton::clicked, this, &DiagramPane::showLive);
    bannerLayout->addWidget(m_traceLabel, 1);
    bannerLayout->addWidget(m_liveButton);
    layout->addWidget(m_traceBanner);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({700, 150});
    layout->addWidget(m_splitter);
    // The explanation's height follows its text when the pane is resized or its font changes
    // (presentation mode's zoom), see fitDetails().
    m_splitter->installEventFilter(this);
    m_details->installEventFilter(this);

    connect(m_view, &SequenceView::rowSelected, this, &DiagramPane::showDetails);
    connect(m_view, &SequenceView::rowActivated, this, &DiagramPane::eventActivated);
    connect(m_view, &SequenceView::expandToggled, this, [this](qsizetype row) {
        setExpanded(row, !m_model.isExpanded(row));
    });
    connect(m_view, &SequenceView::followingChanged, m_followAction, &QAction::setChecked);
    connect(m_view, &SequenceView::laidOut, this, &DiagramPane::refreshSessions);

    retranslateUi();
    attach(m_live);
}

DiagramPane::~DiagramPane() = default;

void DiagramPane::buildToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sessionCombo = new QComboBox(bar);
    m_sessionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_sessionCombo);
    m_collapseAction = bar->addAction(QString());
    m_collapseAction->setCheckable(true);
    m_hideNoopAction = bar->addAction(QString());
    m_hideNoopAction->setCheckable(true);
    bar->addSeparator();
    m_zoomOutAction = bar->addAction(QString(), m_view, &SequenceView::zoomOut);
    m_zoomInAction = bar->addAction(QString(), m_view, &SequenceView::zoomIn);
    m_fitAction = bar->addAction(QString(), m_view, &SequenceView::zoomToFit);
    m_followAction = bar->addAction(QString());
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    bar->addSeparator();
    m_expandAction = bar->addAction(QString());
    // An action, not a widget: the toolbar's overflow (››) menu lists actions only.
    m_exportAction = new QAction(this);
    m_exportAction->setMenu(new QMenu(this));
    bar->addAction(m_exportAction);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_exportAction)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_openAction = bar->addAction(QString(), this, &DiagramPane::chooseOpenTrace);
    m_saveAction = bar->addAction(QString(), this, &DiagramPane::chooseSaveTrace);
    layout()->addWidget(bar);

    // The same actions in a menu, with shortcuts that work from any pane (the window's own zoom,
    // Ctrl++, is the terminal's: the diagram's adds Alt).
    m_collapseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_hideNoopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Minus));
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Equal),
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Plus)});
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_expandAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_menu = new QMenu(this);
    m_menu->addActions({m_collapseAction, m_hideNoopAction});
    m_menu->addSeparator();
    m_menu->addActions({m_zoomOutAction, m_zoomInAction, m_fitAction, m_followAction});
    m_menu->addSeparator();
    m_menu->addActions({m_expandAction, m_exportAction, m_openAction, m_saveAction});

    connect(m_sessionCombo, &QComboBox::currentIndexChanged, this, &DiagramPane::applyFilterFromUi);
    connect(m_collapseAction, &QAction::toggled, this, &DiagramPane::applyFilterFromUi);
    connect(m_hideNoopAction, &QAction::toggled, this, &DiagramPane::applyFilterFromUi);
    connect(m_followAction, &QAction::toggled, m_view, &SequenceView::setFollowing);
    connect(m_expandAction, &QAction::triggered, this, [this] {
        const qsizetype row = m_view->selectedRow();
        if (row >= 0)
            setExpanded(row, !m_model.isExpanded(row));
    });
}

void DiagramPane::retranslateUi()
{
    // Qt's own "more tools" button of a toolbar too narrow for its tools has no name.
    for (QToolButton *more : findChildren<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More diagram tools"));
    m_details->setAccessibleName(tr("Selected step"));
    m_menu->setTitle(tr("Diagram tool&s"));
    m_collapseAction->setText(tr("Collapse login"));
    m_collapseAction->setToolTip(tr("Draw the AUTHORIZATION exchange of each session as one step"));
    m_hideNoopAction->setText(tr("Hide NOOP"));
    m_zoomOutAction->setText(tr("Zoom out"));
    m_zoomInAction->setText(tr("Zoom in"));
    m_fitAction->setText(tr("Fit"));
    m_followAction->setText(tr("Follow"));
    m_followAction->setToolTip(
        tr("Keep the newest step in view (scroll back to stop, End to resume)"));
    m_expandAction->setText(tr("Show body"));
    m_expandAction->setToolTip(
        tr("Show or fold the body of the selected multi-line reply (Enter)"));
    m_exportAction->setText(tr("Export"));
    m_exportAction->setToolTip(tr("Write the diagram as shown to a PNG, SVG, PDF or text file"));
    QMenu *menu = m_exportAction->menu();
    menu->clear();
    for (const QString &format : DiagramExport::formats()) {
        const QString name = format == QLatin1String("txt")
            ? tr("Plain text (.txt)…")
            : tr("%1 (.%2)…").arg(format.toUpper(), format);
        menu->addAction(name, this, [this, format] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export the diagram"), QStringLiteral("pop3-diagram.") + format);
            if (path.isEmpty())
                return;
            QString error;
            if (!exportTo(path, &error))
                QMessageBox::warning(this, tr("Export failed"), error);
        });
    }
    m_openAction->setText(tr("Open trace…"));
    m_saveAction->setText(tr("Save trace…"));
    m_liveButton->setText(tr("Back to live"));
    m_details->setPlaceholderText(
        tr("Click an arrow to see what it means and where RFC 1939 describes it."));
    m_knownSessions = -1;
    refreshSessions();
    updateWidgets();
    // The explanation of the step selected, said again in the new language.
    if (m_view && m_view->selectedRow() >= 0)
        showDetails(m_view->selectedRow());
}

void DiagramPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DiagramPane::updateWidgets()
{
    m_traceBanner->setVisible(isShowingTrace());
    if (m_replay && m_replayCount > 0 && m_replayPosition >= m_replayCount)
        m_traceLabel->setText(tr("REPLAY of %1: finished, paused on its last event (%2 of %2). "
                                 "Esc or Back to live returns to the live terminal.")
                                  .arg(m_replayWhat)
                                  .arg(m_replayCount));
    else if (m_replay)
        m_traceLabel->setText(tr("REPLAY of %1: not live traffic. Nothing here reaches the "
                                 "server or the mailbox.")
                                  .arg(m_replayWhat));
    else
        m_traceLabel->setText(m_trace ? tr("Showing the saved trace %1, not live traffic.")
                                            .arg(QFileInfo(m_tracePath).fileName())
                                      : QString());
    // At event 0 of a replay the empty diagram says where the replay is, not "connect a
    // terminal" (nothing typed reaches a replay).
    m_view->setPlaceholderText(m_replay ? tr("Replay: event 0 of %1.\nPress Space or → to play "
                                             "the first event, P to play them all.")
                                              .arg(m_replayCount)
                                        : QString());
    const qsizetype row = m_view->selectedRow();
    const bool multi = row >= 0 && m_model.row(row).has(SequenceModel::MultiLine);
    m_expandAction->setEnabled(multi);
    m_expandAction->setText(multi && m_model.isExpanded(row) ? tr("Hide body") : tr("Show body"));
    m_saveAction->setEnabled(m_source && m_source->size() > 0);
}

void DiagramPane::setReplayPosition(qsizetype position, qsizetype count)
{
    const bool wasFinished = m_replayCount > 0 && m_replayPosition >= m_replayCount;
    const bool finished = count > 0 && position >= count;
    const bool newCount = count != m_replayCount;
    m_replayPosition = position;
    m_replayCount = count;
    if (finished != wasFinished || newCount) // not at every event of a fast replay
        updateWidgets();
}

void DiagramPane::attach(pop3::EventLog *log)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = log;
    resetModel();
    if (!log)
        return;
    connect(log, &pop3::EventLog::eventAppended, this, &DiagramPane::appendEvent);
    connect(log, &pop3::EventLog::cleared, this, &DiagramPane::resetModel);
    connect(log, &pop3::EventLog::truncated, this, &DiagramPane::rewind);
}

void DiagramPane::resetModel()
{
    m_model.clear();
    m_checkpoints.clear();
    if (m_source) {
        for (qsizetype i = 0; i < m_source->size(); ++i) {
            m_model.append(m_source->at(i));
            m_checkpoints.afterAppend(*m_source, i + 1, [this] {
                return m_model;
            });
        }
    }
    m_view->modelReset();
    m_knownSessions = -1;
    refreshSessions();
    showDetails(-1);
}

void DiagramPane::rewind(qsizetype size)
{
    // From the nearest checkpoint (its rows shared, not copied), the few events after it again.
    std::optional<std::pair<qsizetype, SequenceModel>> saved = m_checkpoints.restore(size);
    if (!saved) {
        resetModel();
        return;
    }
    m_model = std::move(saved->second);
    for (qsizetype i = saved->first; i < size; ++i) {
        m_model.append(m_source->at(i));
        m_checkpoints.afterAppend(*m_source, i + 1, [this] {
            return m_model;
        });
    }
    m_view->modelReset();
    refreshSessions();
    showDetails(m_view->selectedRow());
}

void DiagramPane::appendEvent(const pop3::Event &event)
{
    m_model.append(event);
    if (m_source)
        m_checkpoints.afterAppend(*m_source, m_source->size(), [this] {
            return m_model;
        });
    m_view->modelAppended(); // even a hidden row may recolour a visible one (a state change)
}

void DiagramPane::refreshSessions()
{
    const QList<int> sessions = m_model.sessions();
    if (sessions.size() == m_knownSessions)
        return;
    m_knownSessions = sessions.size();
    const int current = m_model.filter().session;
    const QSignalBlocker blocker(m_sessionCombo);
    m_sessionCombo->clear();
    m_sessionCombo->addItem(tr("All sessions"), 0);
    // A class session can have thousands: list the latest ones.
    for (qsizetype i = std::max<qsizetype>(0, sessions.size() - 200); i < sessions.size(); ++i)
        m_sessionCombo->addItem(
            tr("Session %1: %2").arg(sessions[i]).arg(m_model.sessionName(sessions[i])),
            sessions[i]);
    m_sessionCombo->setCurrentIndex(std::max(0, m_sessionCombo->findData(current)));
}

void DiagramPane::applyFilterFromUi()
{
    setFilter({m_sessionCombo->currentData().toInt(),
        m_collapseAction->isChecked(),
        m_hideNoopAction->isChecked()});
}

void DiagramPane::setFilter(const SequenceModel::Filter &filter)
{
    const qsizetype selected = m_view->selectedRow();
    m_model.setFilter(filter);
    m_checkpoints.clear(); // they keep the old filter
    m_view->modelReset();
    {
        const QSignalBlocker a(m_sessionCombo), b(m_collapseAction), c(m_hideNoopAction);
        m_sessionCombo->setCurrentIndex(std::max(0, m_sessionCombo->findData(filter.session)));
        m_collapseAction->setChecked(filter.collapseAuthorization);
        m_hideNoopAction->setChecked(filter.hideNoop);
    }
    if (selected >= 0 && m_model.isVisible(selected))
        m_view->ensureRowVisible(selected);
}

void DiagramPane::setExpanded(qsizetype row, bool expanded)
{
    if (row < 0 || row >= m_model.rowCount())
        return;
    const pop3::Event *event = m_source ? m_source->find(m_model.row(row).seq) : nullptr;
    m_model.setExpanded(row, expanded, event ? event->body : QByteArray());
    m_checkpoints.clear();
    m_view->modelReset();
    showDetails(m_view->selectedRow());
}

void DiagramPane::highlightEvent(quint64 seq)
{
    const qsizetype row = m_model.rowForSeq(seq);
    if (row < 0)
        return;
    m_view->selectRow(row);
}

void DiagramPane::setPeerLabel(const QString &peer, const QString &label)
{
    m_model.setPeerLabel(peer, label);
    m_checkpoints.clear();
    m_knownSessions = -1;
    refreshSessions();
    m_view->viewport()->update();
}

void DiagramPane::setServerName(const QString &name, const QString &words)
{
    m_model.setMainServer(name, words);
    m_view->viewport()->update();
}

void DiagramPane::showDetails(qsizetype row)
{
    updateWidgets();
    if (row < 0 || row >= m_model.rowCount()) {
        m_details->clear();
        fitDetails();
        return;
    }
    const SequenceModel::Row &r = m_model.row(row);
    QString html =
        QStringLiteral("<p style='font-size:large'><b>%1</b></p><p>%2</p>")
            .arg(m_model.label(row).toHtmlEscaped(), m_model.caption(row).toHtmlEscaped());
    const QString section = m_model.rfcSection(row);
    if (!section.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(section.toHtmlEscaped());
    html += QStringLiteral("<p style='color:gray'>%1 · %2 · %3</p>")
                .arg(tr("event %1").arg(r.seq),
                    m_model.timeText(row) + QStringLiteral(" UTC"),
                    m_model.sessionName(r.session).toHtmlEscaped());
    // The detail of a lock or a disconnect (who holds it, why it ended); a note's detail is in
    // its words already, and may hold ids or resource paths.
    if (!r.detail.isEmpty()
        && (r.kind == SequenceModel::RowKind::MaildropNote
            || r.kind == SequenceModel::RowKind::Disconnect))
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(pop3::eventDetailWords(r.detail).toHtmlEscaped().replace(
                        QLatin1Char('\n'), QStringLiteral("<br>")));
    if (m_model.isExpanded(row)) {
        const pop3::Event *event = m_source ? m_source->find(r.seq) : nullptr;
        if (event)
            html +=
                QStringLiteral("<pre>%1</pre>").arg(QString::fromUtf8(event->body).toHtmlEscaped());
    } else if (r.has(SequenceModel::MultiLine)) {
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("Double-click the arrow, or press Enter, to show the body."));
    }
    m_details->setHtml(html);
    fitDetails();
}

bool DiagramPane::eventFilter(QObject *watched, QEvent *event)
{
    if (m_fitDetails
        && ((watched == m_splitter && event->type() == QEvent::Resize)
            || (watched == m_details && event->type() == QEvent::FontChange)))
        fitDetails();
    return QWidget::eventFilter(watched, event);
}

void DiagramPane::setDetailsFitText(bool on)
{
    if (on == m_fitDetails)
        return;
    m_fitDetails = on;
    if (on)
        m_splitterState = m_splitter->saveState();
    else
        m_splitter->restoreState(m_splitterState);
    fitDetails();
}

// In a room the explanation is read from the back: whole, never behind a scroll bar (it showed
// three lines, its RFC line cut in half), up to 45 % of the column; the diagram keeps the rest.
// Laid out after the dock's own layout, so that the width it wraps to is the final one.
void DiagramPane::fitDetails()
{
    if (!m_fitDetails)
        return;
    QTimer::singleShot(0, this, [this] {
        if (!m_fitDetails)
            return;
        const int total = m_splitter->height();
        QTextDocument *doc = m_details->document();
        doc->setTextWidth(m_details->viewport()->width());
        const int text = m_details->toPlainText().isEmpty()
            ? 3 * m_details->fontMetrics().lineSpacing() // the placeholder's two lines
            : int(std::ceil(doc->size().height()));
        const int wanted = text + 2 * m_details->frameWidth() + 2;
        const int height = std::clamp(wanted, m_details->minimumHeight(), total * 45 / 100);
        m_splitter->setSizes({total - height, height});
    });
}

bool DiagramPane::exportTo(const QString &path, QString *error) const
{
    return DiagramExport::write(m_model, path, error);
}

void DiagramPane::render(QPainter *painter, const QRectF &target, bool hideSecrets) const
{
    if (!hideSecrets || m_model.hidesSecrets()) {
        DiagramExport::render(m_model, painter, target);
        return;
    }
    SequenceModel hidden = m_model;
    hidden.setHideSecrets(true);
    DiagramExport::render(hidden, painter, target);
}

bool DiagramPane::openTrace(const QString &path, QString *error)
{
    auto trace = std::make_unique<pop3::EventLog>();
    if (!trace->load(path, error))
        return false;
    if (m_replay)
        showLive(); // the replay ends: its log is not shown any more
    m_trace = std::move(trace);
    m_tracePath = path;
    attach(m_trace.get());
    updateWidgets();
    return true;
}

bool DiagramPane::saveTrace(const QString &path, QString *error) const
{
    if (!m_source) {
        if (error)
            *error = tr("There is nothing to save.");
        return false;
    }
    return m_source->save(path, error);
}

void DiagramPane::showLive()
{
    const bool wasTrace = isShowingTrace();
    attach(m_live);
    m_trace.reset();
    m_tracePath.clear();
    m_replay = nullptr;
    m_replayWhat.clear();
    m_replayPosition = 0;
    m_replayCount = 0;
    updateWidgets();
    if (wasTrace)
        emit liveShown();
}

void DiagramPane::showReplay(pop3::EventLog *log, const QString &what)
{
    m_trace.reset();
    m_tracePath.clear();
    m_replay = log;
    m_replayWhat = what;
    attach(log);
    updateWidgets();
}

QString DiagramPane::bannerText() const
{
    return isShowingTrace() ? m_traceLabel->text() : QString();
}

QString DiagramPane::detailsText() const
{
    return m_details->toPlainText();
}

void DiagramPane::chooseOpenTrace()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a trace"), QString(), tr("pop3lab traces (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openTrace(path, &error))
        QMessageBox::warning(this, tr("Cannot open the trace"), error);
}

void DiagramPane::chooseSaveTrace()
{
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Save the trace"),
        QStringLiteral("pop3-trace.jsonl"),
        tr("pop3lab traces (*.jsonl)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTrace(path, &error))
        QMessageBox::warning(this, tr("Cannot save the trace"), error);
}
