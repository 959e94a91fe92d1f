#include "app/lessons/lessonpane.h"

#include "app/announcer.h"
#include "app/focusring.h"
#include "app/labsettings.h"
#include "app/translations.h"
#include "lab/lab.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessonrunner.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "protocol/personality.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMetaMethod>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcLessons, "pop3lab.lessons")

namespace {

constexpr int maxLearnerWidth = 220; // pixels of the learner's button text
// Below this many lines of height the pane folds the checklist: the progress bar and the step's
// heading say where the learner is, and the step's words get the room (at 1280×720 they had
// three lines and a half under a four-row checklist).
constexpr int checklistFoldLines = 28;

QString fill(QString text, const pop3::LessonMistake &m, const QString &holder)
{
    return text.replace(QLatin1String("{holder}"), holder)
        .replace(QLatin1String("{command}"), m.command)
        .replace(QLatin1String("{count}"), QString::number(m.count))
        .replace(QLatin1String("{message}"), QString::number(m.message));
}

// A step's title by its id (the timer's steps), the id itself if the lesson has no such step.
QString stepTitle(const pop3::Lesson &lesson, const QString &id)
{
    for (const pop3::LessonStep &step : lesson.steps) {
        if (step.id == id)
            return step.title;
    }
    return id;
}

} // namespace

namespace {

// The whole of w in sight: QScrollArea::ensureWidgetVisible() shows only a line edit's cursor
// rectangle, which leaves the field's lower border cut off by a few pixels.
void bringIntoSight(QScrollArea *scroll, QWidget *content, QWidget *w)
{
    const QRect r(w->mapTo(content, QPoint(0, 0)), w->size());
    scroll->ensureVisible(r.center().x(), r.center().y(), r.width() / 2 + 1, r.height() / 2 + 1);
}

} // namespace

LessonPane::LessonPane(pop3::Lab *lab, QWidget *parent)
    : QWidget(parent)
    , m_lab(lab)
    , m_learner(pop3::LessonProgressStore::defaultLearner())
    , m_language(QLocale().name().left(2))
    , m_picker(new QComboBox(this))
    , m_learnerButton(new QPushButton(this))
    , m_restartButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_progressBar(new QProgressBar(this))
    , m_timerLabel(new QLabel(this))
    , m_timerTick(new QTimer(this))
    , m_stepView(new QTextBrowser(this))
    , m_checklist(new QListWidget(this))
    , m_stepsToggle(new QToolButton(this))
    , m_questionLabel(new QLabel(this))
    , m_choiceBox(new QComboBox(this))
    , m_answerEdit(new QLineEdit(this))
    , m_checkButton(new QPushButton(this))
    , m_answerResult(new QLabel(this))
    , m_actionButton(new QPushButton(this))
    , m_hintButton(new QPushButton(this))
    , m_skipButton(new QPushButton(this))
    , m_feedback(new QTextBrowser(this))
{
    m_library.load(pop3::LessonLibrary::defaultFolders());
    for (const QString &error : m_library.errors())
        qCWarning(lcLessons, "lesson left out: %s", qPrintable(error));
    m_picker->setObjectName(QStringLiteral("lessonPicker"));
    m_checklist->setObjectName(QStringLiteral("lessonChecklist"));
    m_answerEdit->setObjectName(QStringLiteral("answerEdit"));
    m_choiceBox->setObjectName(QStringLiteral("choiceBox"));
    m_answerResult->setObjectName(QStringLiteral("answerResult"));
    m_feedback->setObjectName(QStringLiteral("lessonFeedback"));
    m_stepView->setObjectName(QStringLiteral("stepView"));
    m_questionLabel->setObjectName(QStringLiteral("questionLabel"));
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_learnerButton->setObjectName(QStringLiteral("learnerButton"));
    m_hintButton->setObjectName(QStringLiteral("hintButton"));
    m_skipButton->setObjectName(QStringLiteral("skipButton"));
    m_actionButton->setObjectName(QStringLiteral("actionButton"));
    m_restartButton->setObjectName(QStringLiteral("restartButton"));
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_picker->installEventFilter(this);
    m_choiceBox->installEventFilter(this);
    // Enter presses a focused button, as Space does (the docs say "Check, or Enter"): outside a
    // dialog a push button takes Enter only when it is an auto-default one.
    for (QPushButton *button : {m_learnerButton,
             m_restartButton,
             m_exportButton,
             m_checkButton,
             m_actionButton,
             m_hintButton,
             m_skipButton})
        button->setAutoDefault(true);

    // The picker has a row of its own and the buttons the next one: in one row, French words
    // and a long name pushed Export for hand-in out of a 1280-pixel window.
    auto *top = new QHBoxLayout;
    top->addWidget(m_picker, 1);
    auto *lessonButtons = new QHBoxLayout;
    lessonButtons->addWidget(m_learnerButton, 1);
    lessonButtons->addWidget(m_restartButton);
    lessonButtons->addWidget(m_exportButton);
    m_stepsToggle->setObjectName(QStringLiteral("stepsToggle"));
    m_stepsToggle->setCheckable(true);
    m_stepsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stepsToggle->setFocusPolicy(Qt::StrongFocus);
    connect(m_stepsToggle, &QToolButton::clicked, this, [this](bool shown) {
        m_checklistChoice = shown; // the learner's choice holds whatever the pane's height
        fitChecklist();
    });
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_stepsToggle);
    progress->addWidget(m_progressBar, 1);

    m_stepView->setOpenExternalLinks(true);
    m_feedback->setOpenExternalLinks(true);
    // Read from the keyboard as a page is: a caret lets Ctrl+End, Ctrl+Home and the Page keys
    // scroll (a browser's default flags take only the links from the keyboard). And a focus
    // frame round them, as round the terminal: the style draws none on a list or a text view.
    for (QTextBrowser *text : {m_stepView, m_feedback}) {
        text->setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
        FocusRing::watch(text);
    }
    FocusRing::watch(m_checklist);
    m_questionLabel->setTextFormat(Qt::MarkdownText);
    m_questionLabel->setWordWrap(true);
    m_answerResult->setWordWrap(true);
    auto *answer = new QHBoxLayout;
    answer->addWidget(m_choiceBox, 1);
    answer->addWidget(m_answerEdit, 1);
    answer->addWidget(m_checkButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_actionButton);
    buttons->addWidget(m_hintButton);
    buttons->addWidget(m_skipButton);
    buttons->addStretch();

    auto *stepBox = new QWidget(this);
    auto *stepLayout = new QVBoxLayout(stepBox);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_stepView, 3);
    stepLayout->addWidget(m_questionLabel);
    stepLayout->addLayout(answer);
    stepLayout->addWidget(m_answerResult);
    stepLayout->addLayout(buttons);
    stepLayout->addWidget(m_feedback, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_checklist);
    split->addWidget(stepBox);
    split->setStretchFactor(1, 3);
    // The step's text is what the learner reads: the checklist gets a few rows, the step the rest.
    m_checklist->setMinimumHeight(60);
    split->setSizes({110, 400});

    // At 1280×720 the pane gets about 250 pixels of height: it scrolls rather than squeezing or
    // cutting a control (the focus scrolls to the control it lands on).
    auto *content = new QWidget;
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lessonScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // its controls are the Tab stops, not the area
    // The area scrolls by itself only for Tab pressed inside it: a Tab or shortcut from another
    // pane that lands on a control here must scroll to it too.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll, content](QWidget *, QWidget *now) {
        if (now && content->isAncestorOf(now))
            bringIntoSight(scroll, content, now);
    });
    // The focus may be given to a control of a step shown a moment ago, before its layout has
    // run (focusNext()): once the content is laid out again, the focused control is brought
    // into sight once more, or it stays cut by the few pixels the layout moved it.
    m_scroll = scroll;
    m_content = content;
    content->installEventFilter(this);
    scroll->installEventFilter(this); // its height folds or shows the checklist
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // Lesson 6 times the learner: its clock stays in sight above the scrolled content, bold, as
    // a stopwatch is, whatever control the focus has scrolled to.
    m_timerLabel->setObjectName(QStringLiteral("lessonTimer"));
    QFont timerFont = m_timerLabel->font();
    timerFont.setBold(true);
    timerFont.setPointSizeF(timerFont.pointSizeF() * 1.2);
    m_timerLabel->setFont(timerFont);
    m_timerLabel->setAlignment(Qt::AlignCenter);
    m_timerLabel->setFrameShape(QFrame::StyledPanel);
    m_timerLabel->setMargin(2);
    m_timerLabel->setVisible(false);
    m_timerTick->setInterval(100);
    connect(m_timerTick, &QTimer::timeout, this, &LessonPane::updateTimer);
    outer->addWidget(m_timerLabel);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(top);
    layout->addLayout(lessonButtons);
    layout->addLayout(progress);
    layout->addWidget(split, 1);

    // Tab follows the eye, top to bottom and left to right: the lesson, its buttons, the
    // checklist, the step's words, the answer, the step's buttons, the hints (by creation order
    // the step's words came before the checklist drawn above them).
    const QList<QWidget *> stops{m_picker,
        m_learnerButton,
        m_restartButton,
        m_exportButton,
        m_stepsToggle,
        m_checklist,
        m_stepView,
        m_choiceBox,
        m_answerEdit,
        m_checkButton,
        m_actionButton,
        m_hintButton,
        m_skipButton,
        m_feedback};
    for (qsizetype i = 1; i < stops.size(); ++i)
        setTabOrder(stops.at(i - 1), stops.at(i));

    connect(m_picker, &QComboBox::activated, this, &LessonPane::pickLesson);
    connect(m_learnerButton, &QPushButton::clicked, this, &LessonPane::askLearner);
    connect(m_restartButton, &QPushButton::clicked, this, &LessonPane::restart);
    connect(m_exportButton, &QPushButton::clicked, this, &LessonPane::exportClicked);
    connect(m_checkButton, &QPushButton::clicked, this, &LessonPane::checkAnswer);
    connect(m_answerEdit, &QLineEdit::returnPressed, this, &LessonPane::checkAnswer);
    connect(m_actionButton, &QPushButton::clicked, this, &LessonPane::actionClicked);
    connect(m_hintButton, &QPushButton::clicked, this, [this] {
        m_runner->revealHint();
        focusNext();
    });
    connect(m_skipButton, &QPushButton::clicked, this, [this] {
        m_runner->skip();
        focusNext();
    });
    attachRunner();
    retranslateUi();
    fillPicker();
    updateWidgets();
    fitChecklist();
}

LessonPane::~LessonPane() = default;

void LessonPane::setProgressStore(const QString &folder, const QString &learner)
{
    m_lab->setProgressFolder(folder);
    setLearner(learner);
}

void LessonPane::setLearner(const QString &name)
{
    m_learnerKnown = true;
    if (name != m_learner) {
        m_runner->stop(); // the other learner's lesson is saved as it stands
        m_learner = name;
        attachRunner();
    }
    retranslateUi();
    fillPicker();
    updateWidgets();
}

// Asks the learner's name (the login name is only a guess): false when cancelled.
bool LessonPane::askLearner()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this,
        tr("Your name"),
        tr("Your name, as your teacher should read it on your hand-ins. Your progress is kept "
           "under this name."),
        QLineEdit::Normal,
        m_learnerKnown ? m_learner : QString(),
        &ok)
                             .simplified();
    if (!ok || name.isEmpty())
        return false;
    setLearner(name);
    emit learnerChanged(name);
    return true;
}

QString LessonPane::defaultHandInName() const
{
    static const QRegularExpression unsafe(QStringLiteral("[\\s/\\\\:*?\"<>|]+"));
    QString name = m_learner;
    name.replace(unsafe, QStringLiteral("-"));
    QString id = hasLesson() ? m_runner->lesson().id : tr("lesson");
    // The lesson's id is English words: another language names the file after its own title
    // ("06-nettoyer-une-boite-bombardee"), accents dropped so that any file system takes it.
    if (hasLesson() && m_runner->lesson().language != QLatin1String("en")) {
        QString title;
        for (const QChar c : m_runner->lesson().title.normalized(QString::NormalizationForm_D)) {
            if (c.category() != QChar::Mark_NonSpacing)
                title += c.toLower();
        }
        static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
        title.replace(other, QStringLiteral("-"));
        while (title.startsWith(QLatin1Char('-')))
            title.remove(0, 1);
        while (title.endsWith(QLatin1Char('-')))
            title.chop(1);
        if (!title.isEmpty())
            id = id.section(QLatin1Char('-'), 0, 0) + QLatin1Char('-') + title;
    }
    return QStringLiteral("%1-%2.pdf").arg(name, id);
}

void LessonPane::setLanguage(const QString &language)
{
    m_language = language;
    fillPicker();
    if (m_runner->isRunning())
        startLesson(m_runner->lesson().id);
}

// Shows the lab's runner for m_learner (lessons go on in the lab whether a pane shows them or not).
void LessonPane::attachRunner()
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = m_lab->lessonRunner(m_learner);
    pop3::LessonRunner *r = m_runner;
    connect(r, &pop3::LessonRunner::started, this, [this] {
        // The coach's words belong to the lesson they were said in.
        m_mistakeText.clear();
        m_hintText.clear();
        m_actionText.clear();
        m_rightText.clear();
        m_answerResult->clear();
    });
    connect(r, &pop3::LessonRunner::currentStepChanged, this, [this](int index) {
        // The coach's mistake box belongs to the step it was made in: kept while the learner is
        // still on it, gone once the lesson moves on (it stayed under five later steps).
        if (index != m_mistakeStep)
            m_mistakeText.clear();
        m_hintText.clear();
        m_actionText.clear();
        m_rightText.clear();
        m_answerResult->clear();
        m_answerEdit->clear();
    });
    connect(r, &pop3::LessonRunner::progressChanged, this, &LessonPane::updateWidgets);
    connect(r, &pop3::LessonRunner::stepTicked, this, &LessonPane::updateWidgets);
    connect(r, &pop3::LessonRunner::stepTicked, this, [this](int index) {
        const QList<pop3::LessonStep> &steps = m_runner->lesson().steps;
        if (index < 0 || index >= steps.size())
            return;
        // A skipped step is passed, not done: said so, as the checklist and the hand-in do.
        const bool skipped = m_runner->progress().steps.value(steps.at(index).id).skipped;
        Announcer::announce(this,
            (skipped ? tr("Step %1 of %2 skipped: %3") : tr("Step %1 of %2 done: %3"))
                .arg(index + 1)
                .arg(steps.size())
                .arg(steps.at(index).title));
    });
    connect(r, &pop3::LessonRunner::hintRevealed, this, &LessonPane::showHint);
    connect(r, &pop3::LessonRunner::mistakeDetected, this, &LessonPane::showMistake);
    connect(r, &pop3::LessonRunner::finished, this, &LessonPane::fillPicker);
    connect(r, &pop3::LessonRunner::answerChecked, this, [this](int index, bool correct) {
        if (!correct) {
            m_answerResult->setText(tr("✘ Not quite — try again."));
            return;
        }
        // The next question is already shown: the verdict goes with the question it was about.
        const pop3::LessonStep &step = m_runner->lesson().steps.at(index);
        m_answerResult->clear();
        m_rightText = QStringLiteral("**%1** %2").arg(tr("✔ Right:"), step.title);
        if (step.question && !step.question->explanation.isEmpty())
            m_rightText += QStringLiteral("\n\n") + step.question->explanation;
    });
}

bool LessonPane::hasLesson() const
{
    return !m_runner->lesson().id.isEmpty();
}

void LessonPane::fillPicker()
{
    const QString current = m_runner->lesson().id;
    const QStringList finished = m_lab->lessonProgress(m_learner)->finishedLessons();
    m_picker->clear();
    m_picker->addItem(tr("Choose a lesson…"));
    for (const QString &id : m_library.ids()) {
        const std::optional<pop3::Lesson> lesson = m_library.lesson(id, m_language);
        const QString mark = finished.contains(id) ? QStringLiteral(" ✔") : QString();
        m_picker->addItem(QStringLiteral("%1. %2%3")
                              .arg(id.section(QLatin1Char('-'), 0, 0).toInt())
                              .arg(lesson->title, mark),
            id);
        if (id == current)
            m_picker->setCurrentIndex(m_picker->count() - 1);
    }
}

void LessonPane::pickLesson(int index)
{
    if (m_browsingPicker) // arrows in the closed picker only browse; Return starts
        return;
    const QString id = m_picker->itemData(index).toString();
    if (id.isEmpty())
        return;
    if (!m_learnerKnown)
        askLearner(); // once; cancelled, the login name stands and it is asked again later
    const std::optional<pop3::Lesson> lesson = m_library.lesson(id, m_language);
    if (!lesson)
        return;
    // Asked before the lesson starts: a session being quit is no login of this lesson (its
    // "Log in" was ticked by it, with no session open once the QUIT was answered).
    const QList<int> quitting = offerToQuitLeftovers(lesson->account);
    if (startLesson(id, false, QSet<int>(quitting.begin(), quitting.end())))
        focusNext();
}

// A session the previous lesson left logged in holds the mailbox's lock: this lesson's first
// login would meet [IN-USE] (and Dovecot's hang-up). One key (Enter) sends QUIT in it.
QList<int> LessonPane::offerToQuitLeftovers(const QString &account)
{
    const pop3::SessionFold &fold = m_runner->tracker().fold();
    QList<int> holders;
    QStringList names;
    for (int id : fold.openSessions()) {
        const pop3::SessionFacts *s = fold.session(id);
        if (s->holdsLock && s->user == account) {
            holders.append(id);
            names.append(holderName(id));
        }
    }
    if (holders.isEmpty())
        return {};
    QMessageBox box(QMessageBox::Question,
        tr("A session is still logged in"),
        tr("%n session(s) still logged in as %1 hold(s) the mailbox's lock: %2. This lesson's "
           "login would be refused ([IN-USE]) until it is freed.",
            nullptr,
            int(holders.size()))
            .arg(account, QLocale().createSeparatedList(names)),
        QMessageBox::NoButton,
        this);
    box.setInformativeText(tr("Send QUIT in it now? QUIT ends the session cleanly and frees the "
                              "lock (marked messages are deleted, as at any QUIT)."));
    box.setObjectName(QStringLiteral("quitLeftoversBox"));
    QPushButton *quit = box.addButton(tr("Send &QUIT"), QMessageBox::AcceptRole);
    box.addButton(tr("&Keep it"), QMessageBox::RejectRole);
    box.setDefaultButton(quit);
    box.exec();
    if (box.clickedButton() != quit)
        return {};
    emit quitSessionsRequested(holders);
    return holders;
}

bool LessonPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_content
        && (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Resize)) {
        QTimer::singleShot(0, this, [this] {
            QWidget *focus = QApplication::focusWidget();
            if (focus && m_content->isAncestorOf(focus))
                bringIntoSight(m_scroll, m_content, focus);
        });
    }
    if (watched == m_scroll && event->type() == QEvent::Resize)
        fitChecklist();
    if (watched == m_picker && event->type() == QEvent::MouseButtonPress)
        m_browsingPicker = false;
    if (watched == m_picker && event->type() == QEvent::FocusOut && m_browsingPicker) {
        m_browsingPicker = false; // browsed away without Return: show the lesson that runs
        fillPicker();
    }
    // The closed choice box, predictable from the keyboard (the open list, Alt+Down or F4, takes
    // its own keys): Return, Enter and Space check the choice shown (Space used to open the list,
    // and Return with nothing chosen only says "Pick"); Down from nothing chosen is the first
    // choice, Up the last, and the arrows stop at the ends instead of doing nothing from -1.
    if (watched == m_choiceBox && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & ~Qt::KeypadModifier);
        const int count = m_choiceBox->count();
        const int at = m_choiceBox->currentIndex();
        switch (plain ? key->key() : 0) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Space:
            checkAnswer();
            return true;
        case Qt::Key_Down:
            if (count > 0)
                m_choiceBox->setCurrentIndex(at < 0 ? 0 : std::min(at + 1, count - 1));
            return true;
        case Qt::Key_Up:
            if (count > 0)
                m_choiceBox->setCurrentIndex(at < 0 ? count - 1 : std::max(at - 1, 0));
            return true;
        default:
            break;
        }
    }
    if (watched == m_picker && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_browsingPicker) {
                m_browsingPicker = false;
                pickLesson(m_picker->currentIndex());
                return true;
            }
            break;
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
        case Qt::Key_Escape:
            break;
        case Qt::Key_Space:
        case Qt::Key_F4:
            m_browsingPicker = false; // the popup opens: a choice there starts the lesson
            break;
        default:
            m_browsingPicker = !(key->modifiers() & Qt::AltModifier);
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// After a pick, an answer or a button, the keyboard goes where the next thing is typed: the
// answer of a question, else the terminal.
void LessonPane::focusNext()
{
    const int current = m_runner->isRunning() ? m_runner->currentStep() : -1;
    const pop3::LessonStep *step = current >= 0 ? &m_runner->lesson().steps.at(current) : nullptr;
    if (step && step->question) {
        QWidget *answer = step->question->answer == pop3::LessonQuestion::Answer::Choice
            ? static_cast<QWidget *>(m_choiceBox)
            : m_answerEdit;
        answer->setFocus(Qt::OtherFocusReason);
        return;
    }
    emit terminalFocusRequested();
}

QWidget *LessonPane::answerWidget() const
{
    const int current = m_runner->isRunning() ? m_runner->currentStep() : -1;
    if (current < 0 || !m_runner->lesson().steps.at(current).question)
        return nullptr;
    QWidget *answer = m_runner->lesson().steps.at(current).question->answer
            == pop3::LessonQuestion::Answer::Choice
        ? static_cast<QWidget *>(m_choiceBox)
        : m_answerEdit;
    return answer->isVisibleTo(this) ? answer : nullptr;
}

// The lesson quotes one server's words: the server speaks them from the next session on.
void LessonPane::applyLessonPersonality()
{
    // A finished lesson picked again is looked at or handed in, not done again: the server is
    // left as it is (a change now would be an event after the lesson ended). Restart sets it.
    if (m_runner->isFinished())
        return;
    const QString wanted = m_runner->lesson().personality;
    const pop3::Pop3Server *server = m_lab->server();
    if (wanted.isEmpty() || !server || server->personality().id == wanted)
        return;
    emit personalityRequested(wanted);
    if (server->personality().id == wanted)
        m_actionText = tr("The server now answers as %1, whose replies this lesson quotes (in the "
                          "sessions opened from now on).")
                           .arg(Translations::personalityName(
                               server->personality().id, server->personality().name));
}

bool LessonPane::startLesson(const QString &id, bool fresh, const QSet<int> &setAside)
{
    const std::optional<pop3::Lesson> lesson = m_library.lesson(id, m_language);
    if (!lesson)
        return false;
    m_runner->stop(); // the lesson it ran is saved as it stands and sees nothing of the reset
    if (fresh)
        emit resetMailboxRequested(lesson->account);
    m_runner->start(*lesson, fresh, setAside);
    applyLessonPersonality();
    fillPicker();
    updateWidgets();
    return true;
}

void LessonPane::restart()
{
    if (!hasLesson())
        return;
    startLesson(m_runner->lesson().id, true);
    focusNext();
}

void LessonPane::showHint(int index, const QString &hint)
{
    Q_UNUSED(index);
    m_hintText += QStringLiteral("**%1** %2\n\n").arg(tr("Hint:"), hint);
    updateWidgets();
}

// Who holds a lock, in the words of the window: "Terminal 1 (session 4)".
QString LessonPane::holderName(int session) const
{
    if (session <= 0)
        return tr("a program outside this window");
    const QString number = tr("session %1").arg(session);
    const QString name = m_sessionNamer ? m_sessionNamer(session) : QString();
    return name.isEmpty() || name == number ? number : tr("%1 (session %2)").arg(name).arg(session);
}

void LessonPane::showMistake(const pop3::LessonMistake &mistake)
{
    const pop3::LessonLibrary::MistakeText words =
        m_library.mistake(mistake.code, m_runner->lesson().language);
    // Shown until the step it happened in is left (see currentStepChanged).
    m_mistakeStep = m_runner->currentStep();
    m_mistakeText =
        QStringLiteral("**⚠ %1** — %2\n\n%3 `%4`\n\n")
            .arg(words.title,
                fill(words.explanation, mistake, holderName(mistake.holder)),
                tr("Bytes sent:"),
                pop3::LessonTracker::escape(pop3::LessonTracker::hideSecret(mistake.bytes)));
    updateWidgets();
}

void LessonPane::checkAnswer()
{
    if (m_runner->currentStep() < 0)
        return;
    const pop3::LessonStep &step = m_runner->lesson().steps.at(m_runner->currentStep());
    if (!step.question)
        return;
    const bool choice = step.question->answer == pop3::LessonQuestion::Answer::Choice;
    // What Check says sits at the pane's bottom edge: scrolled into sight once laid out.
    QTimer::singleShot(0, this, [this] {
        if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("lessonScroll"));
            scroll && m_answerResult->isVisible())
            scroll->ensureWidgetVisible(m_answerResult, 0, 0);
    });
    if (choice && m_choiceBox->currentIndex() < 0) { // not a wrong try: no answer was given
        m_answerResult->setText(tr("Pick one of the choices first."));
        updateWidgets();
        m_choiceBox->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!choice && m_answerEdit->text().trimmed().isEmpty()) { // as above: nothing typed yet
        m_answerResult->setText(tr("Type an answer first."));
        updateWidgets();
        m_answerEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    // The choice by identity: the item keeps the number it has in the lesson file.
    const QString given = choice ? m_choiceBox->currentData().toString() : m_answerEdit->text();
    const pop3::LessonRunner::AnswerResult result = m_runner->answer(given);
    if (!result.problem.isEmpty())
        m_answerResult->setText(
            tr("This question is about a message that is not in the mailbox of %1.")
                .arg(m_runner->contextUser()));
    updateWidgets();
    if (result.correct)
        focusNext();
}

void LessonPane::actionClicked()
{
    if (m_runner->currentStep() < 0)
        return;
    const pop3::MailStore *store = m_lab->store();
    const pop3::LessonStep &step = m_runner->lesson().steps.at(m_runner->currentStep());
    switch (step.action.type) {
    case pop3::LessonAction::Type::PlantStaleLock: {
        const QString user = m_runner->lesson().account;
        if (store->lockHolder(user) != 0) {
            m_actionText =
                tr("A session is logged in as %1: type `quit` there first, so the lock is free.")
                    .arg(user);
        } else if (const pop3::Result r = m_runner->plantStaleLock(); !r) {
            m_actionText = tr("The lock file could not be written: %1").arg(r.error);
        } else {
            m_actionText = tr("A stale lock file now sits at `%1`. Log in again as %2.")
                               .arg(store->lockPath(user), user);
        }
        break;
    }
    case pop3::LessonAction::Type::ApopDigest: {
        const QString user = m_runner->lesson().account;
        const pop3::MailStore::Account *account = store->account(user);
        const QByteArray line =
            account ? m_runner->apopCommand(user, account->password) : QByteArray();
        m_actionText = line.isEmpty()
            ? tr("The last greeting has no `<timestamp>`: switch to the rfc1939 personality and "
                 "open a new session.")
            : tr("Type this line:\n\n```\n%1\n```").arg(QString::fromLatin1(line));
        break;
    }
    case pop3::LessonAction::Type::Personality:
        emit personalityRequested(step.action.personality);
        m_actionText =
            tr("The server now uses the %1 personality for new sessions: open a new session.")
                .arg(step.action.personality);
        break;
    case pop3::LessonAction::Type::None:
        break;
    }
    updateWidgets();
    // The line the button produced is appended under the step: bring it into view.
    m_stepView->verticalScrollBar()->setValue(m_stepView->verticalScrollBar()->maximum());
    focusNext();
}

void LessonPane::exportClicked()
{
    exportWithDialog();
}

bool LessonPane::exportWithDialog()
{
    if (!hasLesson())
        return false;
    if (!m_learnerKnown)
        askLearner();
    const QString path = QFileDialog::getSaveFileName(this,
        tr("Export for hand-in"),
        QDir(LabSettings::handInFolder()).filePath(defaultHandInName()),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return true;
    QString error;
    if (!exportHandIn(path, &error)) {
        QMessageBox::warning(
            this, tr("Export for hand-in"), tr("Could not write %1: %2").arg(path, error));
        return true;
    }
    // The next hand-in opens where this one went (a class's folder, a USB stick).
    LabSettings::setHandInFolder(QFileInfo(path).absolutePath());
    emit handInWritten(path);
    return true;
}

bool LessonPane::exportHandIn(const QString &path, QString *error) const
{
    if (!hasLesson()) {
        if (error)
            *error = tr("no lesson is open");
        return false;
    }
    return LessonExport::writePdf(
        *m_runner, m_learner, mistakeTitles(), m_sessionNamer, path, error);
}

QHash<QString, QString> LessonPane::mistakeTitles() const
{
    QHash<QString, QString> titles;
    for (const QString &code : pop3::lessonMistakeCodes())
        titles.insert(code, m_library.mistake(code, m_runner->lesson().language).title);
    return titles;
}

void LessonPane::renderStep()
{
    if (!hasLesson()) {
        m_stepView->setMarkdown(
            tr("Pick a lesson above. Each step says what to type in the terminal and why; "
               "it is ticked when the server really saw it happen."));
        return;
    }
    const pop3::Lesson &lesson = m_runner->lesson();
    const int current = m_runner->currentStep();
    // The picker above names the lesson: the step's own words get the few lines a 1280×720
    // window leaves (the lesson's title as a heading took two of them).
    QString md;
    bool started = false;
    for (int i = 0; i < lesson.steps.size(); ++i)
        started = started || m_runner->isDone(i);
    if (current < 0) {
        // The end first, in view: the goals follow as what was learnt.
        md = QStringLiteral("#### %1 — %2\n\n%3\n\n")
                 .arg(tr("Lesson complete"), lesson.title, lesson.summary);
        if (m_runner->timerMs() >= 0)
            md +=
                tr("Your time: %1 s.").arg(QLocale().toString(m_runner->timerMs() / 1000.0, 'f', 1))
                + QStringLiteral("\n\n");
        md += tr("Use **Export for hand-in** to save a PDF with your transcript and answers.")
            + QStringLiteral("\n\n");
        if (!m_rightText.isEmpty())
            md += QStringLiteral("---\n\n") + m_rightText + QStringLiteral("\n\n");
        md += QStringLiteral("---\n\n**%1**\n\n").arg(tr("You learnt to:"));
        for (const QString &goal : lesson.goals)
            md += QStringLiteral("- %1\n").arg(goal);
    } else {
        if (!started) {
            md += QStringLiteral("**%1**\n\n").arg(tr("You will learn to:"));
            for (const QString &goal : lesson.goals)
                md += QStringLiteral("- %1\n").arg(goal);
            md += QStringLiteral("\n%1\n\n").arg(lesson.intro);
        }
        if (!m_rightText.isEmpty())
            md += m_rightText + QStringLiteral("\n\n---\n\n");
        const pop3::LessonStep &step = lesson.steps.at(current);
        md += QStringLiteral("#### %1 — %2\n\n%3\n")
                  .arg(step.quiz ? tr("Quiz")
                                 : tr("Step %1 of %2").arg(current + 1).arg(lesson.steps.size()),
                      step.title,
                      step.text);
    }
    if (!m_actionText.isEmpty())
        md += QStringLiteral("\n---\n\n%1\n").arg(m_actionText);
    m_stepView->setMarkdown(md);
}

void LessonPane::updateWidgets()
{
    const bool running = m_runner->isRunning();
    const int current = running ? m_runner->currentStep() : -1;
    const pop3::LessonStep *step = current >= 0 ? &m_runner->lesson().steps.at(current) : nullptr;
    const pop3::LessonQuestion *question = step && step->question ? &*step->question : nullptr;
    const bool choice = question && question->answer == pop3::LessonQuestion::Answer::Choice;

    m_restartButton->setEnabled(running);
    m_exportButton->setEnabled(running);
    m_checklist->clear();
    int done = 0;
    if (running) {
        const pop3::Lesson &lesson = m_runner->lesson();
        for (int i = 0; i < lesson.steps.size(); ++i) {
            const bool ticked = m_runner->isDone(i);
            // A skipped step is passed, not done: the hand-in says "skipped", so does the list.
            const bool skipped =
                ticked && m_runner->progress().steps.value(lesson.steps.at(i).id).skipped;
            done += ticked ? 1 : 0;
            const QString title = lesson.steps.at(i).quiz
                ? tr("Quiz: %1").arg(lesson.steps.at(i).title)
                : lesson.steps.at(i).title;
            QString text;
            QString spoken; // the mark in words, for a screen reader
            if (skipped) {
                text = QStringLiteral("↷ %1").arg(tr("%1 (skipped)").arg(title));
                spoken = tr("Skipped: %1").arg(title);
            } else if (ticked) {
                text = QStringLiteral("✔ %1").arg(title);
                spoken = tr("Step done: %1").arg(title);
            } else if (i == current) {
                text = QStringLiteral("▶ %1").arg(title);
                spoken = tr("Current step: %1").arg(title);
            } else {
                text = QStringLiteral("○ %1").arg(title);
                spoken = tr("To do: %1").arg(title);
            }
            auto *item = new QListWidgetItem(text, m_checklist);
            item->setData(Qt::AccessibleTextRole, spoken);
            item->setData(Qt::UserRole, ticked);
            if (i == current)
                m_checklist->setCurrentItem(item);
        }
        m_progressBar->setRange(0, int(lesson.steps.size()));
    }
    const bool chosen = hasLesson();
    m_progressBar->setValue(chosen ? done : 0);
    // Counted in words: French agrees with the steps done ("1 étape sur 9"), which a format's
    // %v cannot (numbers are all the text holds, never a '%' the bar would read).
    m_progressBar->setFormat(chosen
            ? tr("%n of %1 steps", nullptr, done).arg(m_progressBar->maximum())
            : tr("No lesson chosen yet"));
    updateTimer();

    m_questionLabel->setVisible(question);
    m_choiceBox->setVisible(choice);
    m_answerEdit->setVisible(question && !choice);
    m_checkButton->setVisible(question);
    // Lines that say nothing take none of the step's room (at 1280×720 every line counts).
    m_answerResult->setVisible(!m_answerResult->text().isEmpty());
    if (question) {
        m_questionLabel->setText(question->prompt);
        // Shuffled per learner and attempt, and nothing chosen: Check alone never passes.
        const QString key = QStringLiteral("%1|%2|%3")
                                .arg(m_runner->lesson().id)
                                .arg(current)
                                .arg(m_runner->progress().startedAtMs);
        if (choice && m_choiceBox->property("question").toString() != key) {
            m_choiceBox->clear();
            for (int original : m_runner->choiceOrder(current))
                m_choiceBox->addItem(LessonExport::markdownPlain(question->choices.at(original)),
                    QString::number(original + 1));
            m_choiceBox->setCurrentIndex(-1);
            m_choiceBox->setProperty("question", key);
        }
    }
    const bool hasAction = step && step->action.type != pop3::LessonAction::Type::None;
    const bool personalityWired =
        isSignalConnected(QMetaMethod::fromSignal(&LessonPane::personalityRequested));
    m_actionButton->setVisible(hasAction
        && (step->action.type != pop3::LessonAction::Type::Personality || personalityWired));
    if (hasAction) {
        switch (step->action.type) {
        case pop3::LessonAction::Type::PlantStaleLock:
            m_actionButton->setText(tr("Simulate a crash"));
            break;
        case pop3::LessonAction::Type::ApopDigest:
            m_actionButton->setText(tr("Compute APOP"));
            break;
        default:
            m_actionButton->setText(tr("Switch to %1").arg(step->action.personality));
            break;
        }
    }
    m_hintButton->setEnabled(step && m_runner->revealedHints(current).size() < step->hints.size());
    m_hintButton->setVisible(step && !step->hints.isEmpty());
    m_skipButton->setVisible(step && step->optional);
    m_feedback->setVisible(!m_hintText.isEmpty() || !m_mistakeText.isEmpty());
    // The hints of the step in hand first, then the latest mistake of this lesson.
    m_feedback->setMarkdown(m_hintText + m_mistakeText);
    renderStep();
}

void LessonPane::updateTimer()
{
    const bool running = hasLesson() && m_runner->isRunning();
    const qint64 timer = running ? m_runner->timerNowMs() : -1;
    const bool ticking = running && m_runner->timerRunning();
    if (ticking != m_timerTick->isActive())
        ticking ? m_timerTick->start() : m_timerTick->stop();
    m_timerLabel->setVisible(timer >= 0);
    if (timer < 0)
        return;
    const pop3::Lesson &lesson = m_runner->lesson();
    const QString text = tr("Time: %1 s").arg(timer / 1000.0, 0, 'f', 1);
    m_timerLabel->setText(text); // no stopwatch glyph: the usual fonts lack U+23F1
    m_timerLabel->setToolTip(ticking
            ? tr("The lesson times you: from “%1” to “%2”.")
                  .arg(stepTitle(lesson, lesson.timerFrom), stepTitle(lesson, lesson.timerTo))
            : tr("Your time, from “%1” to “%2”.")
                  .arg(stepTitle(lesson, lesson.timerFrom), stepTitle(lesson, lesson.timerTo)));
    m_timerLabel->setAccessibleName(m_timerLabel->toolTip() + QLatin1Char(' ') + text);
}

void LessonPane::retranslateUi()
{
    // What a screen reader says for each part of the pane.
    m_picker->setAccessibleName(tr("Lesson"));
    m_progressBar->setAccessibleName(tr("Lesson progress"));
    m_checklist->setAccessibleName(tr("Lesson steps"));
    m_checklist->setAccessibleDescription(tr("✔: done, ↷: skipped, ▶: the current step, ○: to do"));
    m_stepView->setAccessibleName(tr("Current step"));
    m_stepView->setAccessibleDescription(tr("What to type in the terminal, and why"));
    m_choiceBox->setAccessibleName(tr("Answer"));
    m_answerEdit->setAccessibleName(tr("Answer"));
    m_feedback->setAccessibleName(tr("Hints and mistakes"));
    m_restartButton->setText(tr("Restart"));
    m_restartButton->setToolTip(tr("Start the lesson again with a fresh copy of its mailbox"));
    m_exportButton->setText(tr("Export for hand-in"));
    m_exportButton->setToolTip(tr("Save a PDF with the transcript, the diagram and your answers"));
    m_checkButton->setText(tr("Check"));
    m_answerEdit->setPlaceholderText(tr("Your answer"));
    m_choiceBox->setPlaceholderText(tr("Choose an answer…"));
    m_picker->setToolTip(tr("Pick a lesson (from the keyboard: arrows browse, Enter starts)"));
    // A long name is shortened on the button (whole in its tooltip and accessible name), so the
    // lesson's buttons keep their room.
    const QString learner = m_learnerKnown ? tr("Learner: %1").arg(m_learner) : tr("Your name…");
    m_learnerButton->setText(
        m_learnerButton->fontMetrics().elidedText(learner, Qt::ElideRight, maxLearnerWidth));
    m_learnerButton->setAccessibleName(learner);
    m_learnerButton->setToolTip(tr("The name printed on your hand-ins; progress is kept per name"));
    m_stepsToggle->setText(tr("Steps"));
    m_stepsToggle->setToolTip(tr("Show or fold the list of the lesson's steps (folded when the "
                                 "pane is short, so the step's words get the room)"));
    m_stepsToggle->setAccessibleName(tr("Show the lesson's steps"));
    m_hintButton->setText(tr("Hint"));
    m_skipButton->setText(tr("Skip"));
}

// The checklist shown as the learner chose, else when the pane is tall enough for it and the
// step's words both.
void LessonPane::fitChecklist()
{
    const bool shown = m_checklistChoice.value_or(
        m_scroll->height() >= checklistFoldLines * fontMetrics().lineSpacing());
    m_checklist->setVisible(shown);
    m_stepsToggle->setChecked(shown);
    m_stepsToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
}

void LessonPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        updateWidgets();
    }
    QWidget::changeEvent(event);
}
