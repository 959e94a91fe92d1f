#include "app/replay/replaypane.h"

#include "app/maildrop/maildroppane.h"
#include "app/replay/replaymaildrop.h"
#include "app/replay/transcripthighlighter.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"
#include "mail/mailstore.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

using pop3::EventKind;

namespace {

constexpr qsizetype transcriptLimit = 3000; // lines kept on screen (a long trace stays cheap)

} // namespace

ReplayPane::ReplayPane(const pop3::EventLog *live, QWidget *parent)
    : QWidget(parent)
    , m_live(live)
    , m_log(new pop3::EventLog(this))
    , m_replayer(new pop3::TraceReplayer(m_log, this))
    , m_files(new ReplayMaildrop(m_log, this))
{
    buildUi();
    connect(m_log, &pop3::EventLog::eventAppended, this, &ReplayPane::addEvent);
    connect(m_log, &pop3::EventLog::cleared, this, &ReplayPane::clearTranscript);
    connect(m_log, &pop3::EventLog::truncated, this, &ReplayPane::rewind);
    connect(m_replayer, &pop3::TraceReplayer::positionChanged, this, &ReplayPane::positionChanged);
    connect(m_replayer, &pop3::TraceReplayer::playingChanged, this, [this] {
        flush();
    });
    m_frame.setSingleShot(true);
    m_frame.setInterval(16);
    connect(&m_frame, &QTimer::timeout, this, &ReplayPane::flush);
    retranslateUi();
    setPace(Pace::KeyPress);
}

ReplayPane::~ReplayPane() = default;

void ReplayPane::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("replayBanner"));
    m_banner->setStyleSheet(QStringLiteral(
        "#replayBanner { background: #fff3cd; color: black; border-bottom: 2px solid #e0a800; "
        "padding: 4px 8px; }"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    layout->addWidget(m_banner);

    // Two rows of plain buttons, no toolbar: a toolbar too narrow for its tools hides the last
    // ones behind a "more" arrow, and at 1280x720 in presentation mode that was the speed.
    // Here every control keeps its place; the pane's minimum width follows from them.
    auto *transport = new QHBoxLayout;
    transport->setContentsMargins(4, 2, 4, 0);
    transport->setSpacing(2);
    const auto addButton = [this, transport](QAction *action) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        transport->addWidget(button);
        return button;
    };
    // Each control has a word beside its symbol: a symbol alone (or a colour) is not enough.
    m_toStart = new QAction(this);
    m_stepBack = new QAction(this);
    m_playPause = new QAction(this);
    m_stepForward = new QAction(this);
    m_toEnd = new QAction(this);
    m_stop = new QAction(this);
    m_toStart->setObjectName(QStringLiteral("replayToStart"));
    m_stepBack->setObjectName(QStringLiteral("replayStepBack"));
    m_playPause->setObjectName(QStringLiteral("replayPlayPause"));
    m_stepForward->setObjectName(QStringLiteral("replayStepForward"));
    m_toEnd->setObjectName(QStringLiteral("replayToEnd"));
    connect(m_toStart, &QAction::triggered, m_replayer, &pop3::TraceReplayer::toStart);
    connect(m_stepBack, &QAction::triggered, m_replayer, &pop3::TraceReplayer::stepBack);
    connect(m_playPause, &QAction::triggered, this, [this] {
        if (m_replayer->isPlaying()) {
            m_replayer->pause();
            return;
        }
        // "One event per key press" has no clock of its own, and the hint at event 0 says P
        // plays them all: a teacher pressing P means "go on by yourself", so P takes the class
        // pace (the pace list shows it) and plays. Space still steps, at any pace.
        if (Pace(m_paceCombo->currentData().toInt()) == Pace::KeyPress)
            setPace(Pace::Class);
        m_replayer->play();
    });
    connect(m_stepForward, &QAction::triggered, m_replayer, &pop3::TraceReplayer::stepForward);
    connect(m_toEnd, &QAction::triggered, m_replayer, &pop3::TraceReplayer::toEnd);
    connect(m_stop, &QAction::triggered, this, &ReplayPane::stop);
    addButton(m_toStart);
    addButton(m_stepBack);
    m_playButton = addButton(m_playPause);
    addButton(m_stepForward);
    addButton(m_toEnd);
    transport->addStretch(1);
    m_stepForward->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Right)});
    m_stepBack->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_Space), QKeySequence(Qt::Key_Left)});
    m_toStart->setShortcut(QKeySequence(Qt::Key_Home));
    m_toEnd->setShortcut(QKeySequence(Qt::Key_End));
    m_playPause->setShortcut(QKeySequence(Qt::Key_P));
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape)); // a finished replay's banner says so
    for (QAction *a : {m_toStart, m_stepBack, m_playPause, m_stepForward, m_toEnd, m_stop}) {
        // While a replay runs its keys are the window's, wherever the focus is (a live
        // terminal included: P or Space there would be typed into a live session). With no
        // replay the actions are disabled and the keys go where they always went.
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    layout->addLayout(transport);

    auto *options = new QHBoxLayout;
    options->setContentsMargins(4, 0, 4, 0);
    m_sourceButton = new QToolButton(this);
    m_sourceButton->setObjectName(QStringLiteral("replaySource"));
    m_sourceButton->setPopupMode(QToolButton::InstantPopup);
    m_sourceButton->setMenu(new QMenu(m_sourceButton));
    m_sourceButton->installEventFilter(this); // Return and Enter open it, as Space does
    options->addWidget(m_sourceButton);
    m_paceCombo = new QComboBox(this);
    m_paceCombo->setObjectName(QStringLiteral("replayPace"));
    // Shrinks (its text elided) rather than pushing the other controls out.
    m_paceCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_paceCombo->setMinimumContentsLength(12);
    options->addWidget(m_paceCombo, 1);
    auto *stopButton = new QToolButton(this);
    stopButton->setDefaultAction(m_stop);
    options->addWidget(stopButton);
    layout->addLayout(options);

    // The scrubber has a row of its own, the whole width: dragging it follows the hand.
    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setObjectName(QStringLiteral("replayScrubber"));
    m_scrubber->setMinimumWidth(160);
    m_scrubber->setPageStep(1);
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("replayPosition"));
    m_positionLabel->setWordWrap(true);
    auto *scrubRow = new QVBoxLayout;
    scrubRow->setContentsMargins(8, 2, 8, 2);
    scrubRow->setSpacing(0);
    scrubRow->addWidget(m_scrubber);
    scrubRow->addWidget(m_positionLabel);
    layout->addLayout(scrubRow);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    auto *splitter = m_splitter;
    m_transcriptView = new QPlainTextEdit(splitter);
    m_transcriptView->setReadOnly(true);
    m_transcriptView->setMaximumBlockCount(int(transcriptLimit));
    QFont fixed; // the family only: the size follows the pane's (presentation mode's zoom)
    fixed.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    fixed.setStyleHint(QFont::Monospace);
    m_transcriptView->setFont(fixed);
    m_transcriptView->setObjectName(QStringLiteral("replayTranscript"));
    new TranscriptHighlighter(m_transcriptView); // the live terminal's colours
    m_maildrop = new MaildropPane(m_log, m_files->store(), splitter);
    m_maildrop->setResetVisible(false); // a replay's scratch copy: a reset there would do nothing
    // Its lock file is written by this process: who held it, and whether that session is gone,
    // are the trace's to say (never the live window's pid compared with the running processes).
    m_maildrop->setRecordedLocks([files = m_files](const QString &user) {
        return files->recordedLock(user);
    });
    splitter->addWidget(m_transcriptView);
    splitter->addWidget(m_maildrop);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);

    connect(m_scrubber, &QSlider::valueChanged, this, [this](int value) {
        if (value != m_replayer->position())
            m_replayer->seek(value);
    });
    connect(m_paceCombo, &QComboBox::activated, this, [this](int index) {
        setPace(Pace(m_paceCombo->itemData(index).toInt()));
    });
}

void ReplayPane::retranslateUi()
{
    m_scrubber->setAccessibleName(tr("Replay position"));
    m_transcriptView->setAccessibleName(tr("Replayed transcript"));
    m_sourceButton->setText(tr("Replay…"));
    m_sourceButton->setToolTip(tr("Choose what to replay: a saved trace, this session so far, or "
                                  "a ready-made scenario"));
    QMenu *menu = m_sourceButton->menu();
    menu->clear();
    menu->addAction(tr("A saved trace…"), this, &ReplayPane::chooseFile);
    menu->addAction(tr("This session so far"), this, &ReplayPane::loadLiveLog);
    menu->addSection(tr("Scenarios"));
    for (const QString &name : scenarios()) {
        menu->addAction(scenarioTitle(name), this, [this, name] {
            QString error;
            if (!loadScenario(name, &error))
                QMessageBox::warning(this, tr("Replay"), error);
        });
    }
    m_toStart->setText(tr("|◀ Start"));
    m_toStart->setToolTip(tr("Back to the first event (Home)"));
    m_stepBack->setText(tr("◀ Back"));
    m_stepBack->setToolTip(tr("Undo one event in every view (Shift+Space or Left)"));
    m_stepForward->setText(tr("Step ▶"));
    m_stepForward->setToolTip(tr("One more event (Space or Right)"));
    m_toEnd->setText(tr("End ▶|"));
    m_toEnd->setToolTip(tr("To the last event (End)"));
    m_stop->setText(tr("Back to live"));
    m_stop->setToolTip(tr("End the replay; the diagram shows the live server again (Esc)"));
    const int pace = m_paceCombo->currentIndex();
    m_paceCombo->clear();
    m_paceCombo->addItem(tr("One event per key press"), int(Pace::KeyPress));
    m_paceCombo->addItem(tr("Class pace (one event every %1 s)")
                             .arg(QLocale().toString(m_classPaceMs / 1000.0, 'g', 2)),
        int(Pace::Class));
    m_paceCombo->addItem(tr("Real time"), int(Pace::RealTime));
    m_paceCombo->addItem(tr("Fast"), int(Pace::Fast));
    m_paceCombo->setCurrentIndex(std::max(0, pace));
    m_paceCombo->setToolTip(tr("How fast Play goes"));
    updateWidgets();
}

void ReplayPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QStringList ReplayPane::scenarios()
{
    return {QStringLiteral("lab-sheet"),
        QStringLiteral("lock-conflict"),
        QStringLiteral("dropped-connection"),
        QStringLiteral("stale-lock"),
        QStringLiteral("mail-bomb")};
}

QString ReplayPane::scenarioPath(const QString &name)
{
    return QStringLiteral(":/scenarios/%1.jsonl").arg(name);
}

QString ReplayPane::scenarioTitle(const QString &name) const
{
    if (name == QLatin1String("lab-sheet"))
        return tr("The lab sheet: log in, list, read, delete, QUIT");
    if (name == QLatin1String("lock-conflict"))
        return tr("A second login while the maildrop is locked: [IN-USE]");
    if (name == QLatin1String("dropped-connection"))
        return tr("A dropped connection keeps the mail (no UPDATE)");
    if (name == QLatin1String("mail-bomb"))
        return tr("The 2000 tutorial: cleaning up a mail bomb with TOP and DELE");
    if (name == QLatin1String("stale-lock"))
        return tr("The server crashes holding the lock: the next login finds it stale");
    return name;
}

bool ReplayPane::loadScenario(const QString &name, QString *error)
{
    pop3::EventLog scratch;
    if (!scenarios().contains(name) || !scratch.load(scenarioPath(name), error)) {
        if (error && !scenarios().contains(name))
            *error = tr("There is no scenario called %1.").arg(name);
        return false;
    }
    loadEvents(scratch.events(), tr("the scenario “%1”").arg(scenarioTitle(name)));
    return true;
}

bool ReplayPane::loadFile(const QString &path, QString *error)
{
    pop3::EventLog scratch;
    if (!scratch.load(path, error))
        return false;
    loadEvents(scratch.events(), tr("the saved trace %1").arg(QFileInfo(path).fileName()));
    return true;
}

void ReplayPane::loadLiveLog()
{
    loadEvents(m_live->events(), tr("this session (%n event(s) so far)", nullptr, m_live->size()));
}

void ReplayPane::loadEvents(const QList<pop3::Event> &events, const QString &what)
{
    m_what = what;
    m_replayer->setEvents(events);
    m_scrubber->setRange(0, int(events.size()));
    flush();
    emit started(m_log, what);
}

void ReplayPane::stop()
{
    if (!isActive())
        return;
    m_replayer->setEvents({});
    m_what.clear();
    flush();
    emit stopped();
}

void ReplayPane::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this,
        tr("Replay a trace"),
        QDir::homePath(),
        tr("pop3lab traces (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadFile(path, &error))
        QMessageBox::warning(this, tr("Replay"), tr("Cannot open %1: %2").arg(path, error));
}

void ReplayPane::setPace(Pace pace)
{
    switch (pace) {
    case Pace::KeyPress:
        m_replayer->pause();
        m_replayer->setSpeed(1.0);
        m_replayer->setMinGapMs(0);
        break;
    case Pace::Class:
        m_replayer->setSpeed(1.0);
        m_replayer->setMinGapMs(m_classPaceMs);
        m_replayer->setMaxGapMs(std::max(m_classPaceMs, 2000));
        break;
    case Pace::RealTime:
        m_replayer->setSpeed(1.0);
        m_replayer->setMinGapMs(0);
        m_replayer->setMaxGapMs(2000);
        break;
    case Pace::Fast:
        m_replayer->setSpeed(50.0);
        m_replayer->setMinGapMs(0);
        m_replayer->setMaxGapMs(20);
        break;
    }
    m_paceCombo->setCurrentIndex(std::max(0, m_paceCombo->findData(int(pace))));
    updateWidgets();
}

void ReplayPane::setClassPaceMs(int ms)
{
    m_classPaceMs = std::max(50, ms);
    const bool classPace = Pace(m_paceCombo->currentData().toInt()) == Pace::Class;
    retranslateUi(); // the combo says the pace
    if (classPace)
        setPace(Pace::Class);
}

void ReplayPane::addEvent(const pop3::Event &e)
{
    if (e.session > 0)
        m_session = e.session;
    if (e.kind == EventKind::ClientLine) {
        const QStringList words =
            QString::fromUtf8(e.bytes.trimmed()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // A user the scratch copy has (else the pane keeps the last one it could show).
        if (words.size() == 2
            && words.first().compare(QLatin1String("USER"), Qt::CaseInsensitive) == 0
            && m_files->store()->account(words.last()))
            m_user = words.last();
    } else if (e.kind == EventKind::LockCreated && m_files->store()->account(e.user)) {
        m_user = e.user;
    }
    const pop3::FoldStep step = m_fold.apply(e);
    const QString line = lineFor(e, step.session->cutByTeacher);
    if (!line.isNull())
        m_lines.append(line);
    if (m_lines.size() > 2 * transcriptLimit) { // keep memory bounded on a long trace
        const qsizetype drop = m_lines.size() - transcriptLimit;
        m_lines.remove(0, drop);
        m_dropped += drop;
    }
    m_checkpoints.afterAppend(*m_log, ++m_applied, [this] {
        return Saved{m_lines, m_dropped, m_session, m_user, m_fold};
    });
}

void ReplayPane::rewind(qsizetype size)
{
    std::optional<std::pair<qsizetype, Saved>> saved = m_checkpoints.restore(size);
    m_lines = saved ? saved->second.lines : QStringList();
    m_dropped = saved ? saved->second.dropped : 0;
    m_session = saved ? saved->second.session : 0;
    m_user = saved ? saved->second.user : QStringLiteral("student");
    m_fold = saved ? saved->second.fold : pop3::SessionFold();
    m_applied = saved ? saved->first : 0;
    for (qsizetype i = m_applied; i < size; ++i)
        addEvent(m_log->at(i));
    // The view keeps what it shows: flush() removes the lines after this point (one or two for
    // a step back), not the whole text again.
}

void ReplayPane::clearTranscript()
{
    m_checkpoints.clear();
    m_applied = 0;
    m_lines.clear();
    m_dropped = 0;
    m_rebuild = true;
    m_session = 0;
    m_user = QStringLiteral("student");
    m_fold.clear();
}

void ReplayPane::positionChanged()
{
    if (m_replayer->isPlaying()) {
        if (!m_frame.isActive())
            m_frame.start();
        return;
    }
    flush();
}

void ReplayPane::flush()
{
    m_frame.stop();
    syncTranscript();
    m_transcriptView->moveCursor(QTextCursor::End);
    m_files->sync(); // the scratch files, then the pane that shows them
    m_maildrop->setUser(m_user); // until the session's own user is known
    m_maildrop->setSession(m_session, false);
    {
        const QSignalBlocker blocker(m_scrubber);
        m_scrubber->setValue(int(m_replayer->position()));
    }
    updateWidgets();
}

void ReplayPane::syncTranscript()
{
    // The view shows the last lines (at most transcriptLimit) of the transcript's first
    // m_shownTotal lines; it is brought to the first `total` by the difference alone.
    const qsizetype total = m_dropped + qsizetype(m_lines.size());
    QTextDocument *doc = m_transcriptView->document();
    const qsizetype shown = m_shownTotal == 0 ? 0 : doc->blockCount();
    const qsizetype cut = m_shownTotal - total; // lines after this point (a step back)
    if (!m_rebuild && cut > 0 && cut < shown) {
        QTextCursor cursor(doc->findBlockByNumber(int(shown - cut)));
        cursor.movePosition(QTextCursor::PreviousCharacter); // the line break before them
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        // Lines the limit had pushed out at the front come back.
        const qsizetype want = std::min(transcriptLimit, total);
        const qsizetype have = shown - cut;
        if (want > have) {
            cursor.movePosition(QTextCursor::Start);
            cursor.insertText(
                m_lines.mid(total - want - m_dropped, want - have).join(QLatin1Char('\n'))
                + QLatin1Char('\n'));
        }
    } else if (m_rebuild || cut > 0 || m_shownTotal < m_dropped) {
        const qsizetype from = std::max<qsizetype>(0, qsizetype(m_lines.size()) - transcriptLimit);
        m_transcriptView->setPlainText(m_lines.mid(from).join(QLatin1Char('\n')));
    } else if (cut < 0) {
        m_transcriptView->appendPlainText(
            m_lines.mid(m_shownTotal - m_dropped).join(QLatin1Char('\n')));
    }
    m_rebuild = false;
    m_shownTotal = total;
}

bool ReplayPane::highlightEvent(quint64 seq)
{
    // The transcript's line of that event (or of the last event before it that has one): the
    // lines are those addEvent() wrote, one per event that writes one.
    qsizetype line = -1;
    qsizetype lines = 0;
    for (qsizetype i = 0; i < m_log->size(); ++i) {
        const pop3::Event &e = m_log->at(i);
        if (e.seq > seq)
            break;
        if (writesLine(e))
            line = lines++;
    }
    const qsizetype total = m_dropped + qsizetype(m_lines.size());
    const qsizetype block = line - (total - m_transcriptView->document()->blockCount());
    if (line < 0 || block < 0)
        return false;
    QTextCursor cursor(m_transcriptView->document()->findBlockByNumber(int(block)));
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_transcriptView->setTextCursor(cursor);
    m_transcriptView->ensureCursorVisible();
    return true;
}

QString ReplayPane::selectedTranscriptLine() const
{
    return m_transcriptView->textCursor().selectedText();
}

void ReplayPane::resizeEvent(QResizeEvent *event)
{
    // A tall narrow pane (presentation mode's column) stacks the transcript over the maildrop,
    // which gets two thirds (its rows, struck and restored, are what a class watches); a wide
    // low one (under the terminal) puts them side by side.
    const Qt::Orientation orientation = height() > width() * 3 / 4 ? Qt::Vertical : Qt::Horizontal;
    if (orientation != m_splitter->orientation()) {
        m_splitter->setOrientation(orientation);
        m_maildrop->setPreviewVisible(orientation == Qt::Horizontal);
        // The diagram above says REPLAY in its own banner; the column keeps its height for rows.
        m_banner->setVisible(isActive() && orientation == Qt::Horizontal);
        const int length = orientation == Qt::Vertical ? m_splitter->height() : m_splitter->width();
        m_splitter->setSizes({length * 3 / 10, length - length * 3 / 10});
    }
    QWidget::resizeEvent(event);
}

bool ReplayPane::eventFilter(QObject *watched, QEvent *event)
{
    // A tool button opens its menu on Space only; a keyboard user presses Return on a focused
    // button (issue 13), as on every push button of the window.
    if (watched == m_sourceButton && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_sourceButton->showMenu();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString ReplayPane::transcript() const
{
    return m_transcriptView->toPlainText();
}

void ReplayPane::updateWidgets()
{
    const bool active = isActive();
    const qsizetype position = m_replayer->position();
    const qsizetype count = m_replayer->count();
    const bool keyPress = Pace(m_paceCombo->currentData().toInt()) == Pace::KeyPress;
    m_banner->setVisible(active && m_splitter->orientation() == Qt::Horizontal);
    m_banner->setText(active ? tr("REPLAY of %1 — not live: nothing here reaches the server or "
                                  "the mailbox.")
                                   .arg(m_what)
                             : QString());
    m_toStart->setEnabled(active && position > 0);
    m_stepBack->setEnabled(active && position > 0);
    m_stepForward->setEnabled(active && position < count);
    m_toEnd->setEnabled(active && position < count);
    m_playPause->setEnabled(active && (position < count || m_replayer->isPlaying()));
    // While playing the button is Pause, in every way it can be perceived: its words, its
    // icon (in menus), its tooltip and the name a screen reader says.
    const bool playing = m_replayer->isPlaying();
    m_playPause->setText(playing ? tr("|| Pause") : tr("▶ Play"));
    m_playPause->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(playing ? tr("Pause the replay here (P)")
            : keyPress ? tr("Play at class pace, one event every %1 s (P); Space steps one event")
                             .arg(QLocale().toString(m_classPaceMs / 1000.0, 'g', 2))
                       : tr("Play at the chosen speed (P); Space steps one event"));
    m_playButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_stop->setEnabled(active);
    m_scrubber->setEnabled(active && count > 0);
    if (!active) {
        m_positionLabel->setText(tr("No replay: choose a trace or a scenario under Replay…"));
        return;
    }
    QString where = tr("Event %1 of %2").arg(position).arg(count);
    if (position > 0) {
        const pop3::Event &last = m_replayer->events().at(position - 1);
        where += QStringLiteral(" · ")
            + QDateTime::fromMSecsSinceEpoch(last.timeMs, Qt::UTC)
                  .toString(QStringLiteral("HH:mm:ss.zzz"))
            + QStringLiteral(" UTC · ") + kindWords(last);
    }
    m_positionLabel->setText(where);
}
