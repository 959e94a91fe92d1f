#include "app/classroom/classoverview.h"

#include "app/classroom/classrollmodel.h"
#include "app/classroom/labresultsmodel.h"
#include "app/classroom/resultspane.h"
#include "app/classroom/studentwindow.h"
#include "app/diagram/diagrampane.h"
#include "events/eventlog.h"
#include "lab/observerclient.h"
#include "lessons/lessonlibrary.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

constexpr qsizetype studentLogCapacity = 20'000; // events kept per student for their diagram
constexpr qsizetype pendingLimit = 64; // events of a session before it names a student

} // namespace

ClassOverview::ClassOverview(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_client(new pop3::ObserverClient(this))
    , m_model(new ClassRollModel(this))
    , m_resultsModel(new LabResultsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_hostLabel(new QLabel(this))
    , m_host(new QLineEdit(QStringLiteral("127.0.0.1"), this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_tokenLabel(new QLabel(this))
    , m_token(new QLineEdit(this))
    , m_connect(new QPushButton(this))
    , m_filter(new QLineEdit(this))
    , m_anonymise(new QCheckBox(this))
    , m_tabs(new QTabWidget(this))
    , m_table(new QTableView(this))
    , m_results(new ResultsPane(m_resultsModel, this))
    , m_open(new QPushButton(this))
    , m_reset(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_notLive(new QLabel(this))
    , m_widen(new QTimer(this))
{
    setObjectName(QStringLiteral("classOverview"));
    m_port->setRange(1, 65535);
    m_port->setValue(1111);
    m_token->setEchoMode(QLineEdit::Password); // on a projector, the token stays unseen
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);
    m_tokenLabel->setBuddy(m_token);
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("classFilter"));
    m_anonymise->setObjectName(QStringLiteral("anonymiseNames"));
    m_reset->setObjectName(QStringLiteral("resetStudent"));
    m_token->setObjectName(QStringLiteral("observerToken"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    // Not live: said in words over the table, in the tooltip's colours (readable in a light or a
    // dark theme), with a frame and a bold face so that it is not colour alone.
    m_notLive->setObjectName(QStringLiteral("notLive"));
    m_notLive->setTextFormat(Qt::PlainText);
    m_notLive->setWordWrap(true);
    m_notLive->setFrameShape(QFrame::StyledPanel);
    m_notLive->setMargin(6);
    m_notLive->setAutoFillBackground(true);
    m_notLive->setForegroundRole(QPalette::ToolTipText);
    m_notLive->setBackgroundRole(QPalette::ToolTipBase);
    QFont bold = m_notLive->font();
    bold.setBold(true);
    m_notLive->setFont(bold);
    m_notLive->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClassRollModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClassRollModel::StudentColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Not ResizeToContents: that measured every cell of the table at each event of the stream
    // (thousands a second with a class of 60) and the window fell seconds behind. The columns
    // fit when the table is new, renamed or zoomed, and grow to new contents once a second.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_widen->setSingleShot(true);
    m_widen->setInterval(1000);
    connect(m_widen, &QTimer::timeout, this, &ClassOverview::widenColumns);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_widen->isActive())
            m_widen->start();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ClassOverview::fitColumns);

    auto *connectRow = new QHBoxLayout;
    connectRow->addWidget(m_hostLabel);
    connectRow->addWidget(m_host, 2);
    connectRow->addWidget(m_portLabel);
    connectRow->addWidget(m_port);
    connectRow->addWidget(m_tokenLabel);
    connectRow->addWidget(m_token, 3);
    connectRow->addWidget(m_connect);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_anonymise);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(connectRow);
    layout->addLayout(filterRow);
    layout->addWidget(m_notLive);
    auto *studentsPage = new QWidget(m_tabs);
    auto *studentsLayout = new QVBoxLayout(studentsPage);
    studentsLayout->setContentsMargins(0, 0, 0, 0);
    studentsLayout->addWidget(m_table, 1);
    studentsLayout->addLayout(buttons);
    m_tabs->addTab(studentsPage, QString());
    m_tabs->addTab(m_results, QString());
    layout->addWidget(m_tabs, 1);

    connect(m_connect, &QPushButton::clicked, this, &ClassOverview::connectFromUi);
    connect(m_token, &QLineEdit::returnPressed, this, &ClassOverview::connectFromUi);
    // One filter over both tabs: the rows of the students it keeps, whichever tab is shown.
    m_results->proxy()->setFilterKeyColumn(-1);
    m_results->proxy()->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter,
        &QLineEdit::textChanged,
        m_results->proxy(),
        &QSortFilterProxyModel::setFilterFixedString);
    connect(m_anonymise, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setAnonymised(on);
        m_resultsModel->setAnonymised(on);
        fitColumns();
        for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
            if (it.value())
                it.value()->setStudentName(shownName(it.key()));
        }
        if (m_statusWords) // "reset the mailbox of alice" becomes "of Student 1" at once
            m_status->setText(m_statusWords());
    });
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (const QString user = currentUser(); !user.isEmpty())
            openStudent(user);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const QString user = currentUser(); !user.isEmpty())
            openStudent(user);
    });
    connect(m_reset, &QPushButton::clicked, this, &ClassOverview::confirmResetCurrent);
    connect(m_table->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &ClassOverview::updateWidgets);

    connect(m_client, &pop3::ObserverClient::joined, this, [this](const QStringList &users) {
        m_connecting = false;
        m_model->setStudents(users);
        m_resultsModel->setStudents(users);
        m_lessonId.clear();
        m_lessonTitle.clear();
        m_questions.clear();
        m_serverStepTitles.clear();
        m_classEndpoint = joinedEndpoint();
        wordLesson();
        m_notLiveSinceMs = -1;
        m_model->setLive(true);
        showNotLive();
        setStatus([this, n = int(users.size())] {
            return tr("Watching %n student(s).", nullptr, n);
        });
        updateWidgets();
        emit joined();
    });
    connect(m_client, &pop3::ObserverClient::eventReceived, this, &ClassOverview::receive);
    connect(m_client, &pop3::ObserverClient::lessonReceived, this, &ClassOverview::takeLesson);
    connect(
        m_client, &pop3::ObserverClient::progressReceived, m_model, &ClassRollModel::applyProgress);
    connect(
        m_client, &pop3::ObserverClient::studentReceived, m_model, &ClassRollModel::applySnapshot);
    connect(m_client,
        &pop3::ObserverClient::labAnswerReceived,
        m_resultsModel,
        &LabResultsModel::apply);
    connect(m_client,
        &pop3::ObserverClient::answered,
        this,
        [this](bool ok, const QString &request, const QString &user, const QString &error) {
            setStatus([this, ok, request, user, error] {
                if (request == QLatin1String("reset-class"))
                    return ok ? tr("The server reset every student's mailbox.")
                              : tr("The server refused to reset the class: %1").arg(error);
                if (!user.isEmpty())
                    return ok ? tr("The server reset the mailbox of %1.").arg(shownName(user))
                              : tr("The server refused to reset the mailbox of %1: %2")
                                    .arg(shownName(user), m_model->withoutNames(error));
                return ok
                    ? tr("The server reset the mailbox.")
                    : tr("The server refused the reset: %1").arg(m_model->withoutNames(error));
            });
        });
    connect(m_client, &pop3::ObserverClient::eventsMissed, this, [this](qint64 count) {
        setStatus([this, n = int(count)] {
            return tr("%n event(s) missed: the window could not keep up.", nullptr, n);
        });
    });
    connect(m_client, &pop3::ObserverClient::closed, this, [this](const QString &why) {
        Q_UNUSED(why) // said again by the client's closeReason(), in the language of the moment
        setStatus([this, connecting = m_connecting, reason = m_client->closeReason()] {
            return connecting
                ? tr("Not connected (wrong token, or no observer stream there): %1").arg(reason())
                : tr("The stream ended: %1").arg(reason());
        });
        // The rows stay (the class as last seen) but stop looking live; a failed reconnection
        // keeps the first moment and reason.
        if (m_notLiveSinceMs < 0 && m_model->rowCount() > 0) {
            m_notLiveSinceMs = QDateTime::currentMSecsSinceEpoch();
            m_notLiveWhy = m_client->closeReason();
            m_model->setLive(false);
            showNotLive();
        }
        m_connecting = false;
        updateWidgets();
    });

    // Readable on a projector: the table's own zoom (Ctrl++ / Ctrl+-), as the window's panes.
    auto *zoomIn = new QAction(this);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, this, [this] {
        zoom(+1);
    });
    auto *zoomOut = new QAction(this);
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] {
        zoom(-1);
    });
    addActions({zoomIn, zoomOut});

    askForBodies(); // none until a student's diagram is open
    m_token->setFocus(); // the address and port are usually right already
    resize(1100, 560);
    retranslateUi();
    updateWidgets();
}

ClassOverview::~ClassOverview()
{
    // The student windows watch logs this object owns: they go first.
    for (const QPointer<StudentWindow> &w : std::as_const(m_windows))
        delete w.data();
}

void ClassOverview::connectTo(const QString &host, quint16 port, const QByteArray &token)
{
    m_host->setText(host);
    m_port->setValue(port);
    m_token->setText(QString::fromLatin1(token));
    connectFromUi();
}

void ClassOverview::connectFromUi()
{
    m_connecting = true;
    setStatus([this, host = m_host->text().trimmed(), port = m_port->value()] {
        return tr("Connecting to %1:%2...").arg(host).arg(port);
    });
    m_client->connectTo(
        m_host->text().trimmed(), quint16(m_port->value()), m_token->text().trimmed().toLatin1());
    updateWidgets();
}

QString ClassOverview::statusText() const
{
    return m_status->text();
}

void ClassOverview::setStatus(std::function<QString()> words)
{
    m_statusWords = std::move(words);
    m_status->setText(m_statusWords());
}

QString ClassOverview::notLiveText() const
{
    return m_notLive->isVisibleTo(this) ? m_notLive->text() : QString();
}

void ClassOverview::showNotLive()
{
    if (m_notLiveSinceMs < 0) {
        m_notLive->hide();
        return;
    }
    const QString when = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(m_notLiveSinceMs).time(), QLocale::LongFormat);
    m_notLive->setText(tr("Not live since %1 (%2). The table shows the class as it was then: "
                          "press Watch to connect again.")
                           .arg(when, m_notLiveWhy()));
    m_notLive->show();
}

pop3::EventLog *ClassOverview::studentLog(const QString &user)
{
    std::unique_ptr<pop3::EventLog> &log = m_logs[user];
    if (!log) {
        log = std::make_unique<pop3::EventLog>();
        log->setCapacity(studentLogCapacity);
    }
    return log.get();
}

void ClassOverview::receive(const pop3::Event &event)
{
    QString user = m_model->apply(event);
    if (user.isEmpty() && event.kind == pop3::EventKind::Note
        && event.note == pop3::NoteKind::MailboxReset && !event.user.isEmpty())
        user = event.user; // the student's diagram shows their reset too
    if (user.isEmpty()) {
        // Not a student's yet (the greeting before USER): kept until the session names one.
        if (event.session == 0)
            return;
        if (event.kind == pop3::EventKind::Disconnected) {
            m_pending.remove(event.session);
            return;
        }
        QList<pop3::Event> &pending = m_pending[event.session];
        if (pending.size() < pendingLimit)
            pending.append(event);
        return;
    }
    pop3::EventLog *log = studentLog(user);
    for (const pop3::Event &before : m_pending.take(event.session))
        log->append(before);
    log->append(event);
}

QString ClassOverview::currentUser() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ClassRollModel::UserNameRole).toString() : QString();
}

QString ClassOverview::shownName(const QString &user) const
{
    const QList<pop3::ClassRoll::Student> &students = m_model->roll().students();
    for (int row = 0; row < students.size(); ++row) {
        if (students.at(row).user == user)
            return m_model->data(m_model->index(row, ClassRollModel::StudentColumn)).toString();
    }
    return user;
}

StudentWindow *ClassOverview::openStudent(const QString &user)
{
    QPointer<StudentWindow> &window = m_windows[user];
    if (!window) {
        window = new StudentWindow(studentLog(user), shownName(user), this);
        window->diagram()->setServerName(tr("classroom server"), classServerWords());
        connect(window, &StudentWindow::shownChanged, this, &ClassOverview::askForBodies);
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

// Under the server lifeline of a student's diagram: where the students reach the classroom
// server (its POP3 address from the hello; a wildcard address is the host the overview watches).
// Taken when the stream is joined (the host then watched): a failed reconnection or an edited
// Server field does not change what the class's results and diagrams say.
QString ClassOverview::classServerWords() const
{
    return m_classEndpoint.isEmpty() ? tr("the students' POP3 server") : m_classEndpoint;
}

QString ClassOverview::joinedEndpoint() const
{
    QString endpoint = m_client->pop3Endpoint();
    const qsizetype colon = endpoint.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString host = endpoint.left(colon);
        if (host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]"))
            endpoint = m_host->text().trimmed() + endpoint.mid(colon);
    }
    return endpoint;
}

// The mail bodies only of the students whose diagram is open: the table needs none, and with a
// class of 60 reading their mail the bodies are most of the stream, parsed here for nothing
// (docs/performance.md, Classroom). A diagram opened later shows the bodies read from then on.
void ClassOverview::askForBodies()
{
    QStringList users;
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
        if (it.value() && it.value()->isVisible())
            users.append(it.key());
    }
    users.sort();
    m_client->setBodies(users);
}

StudentWindow *ClassOverview::studentWindow(const QString &user) const
{
    return m_windows.value(user).data();
}

void ClassOverview::confirmResetCurrent()
{
    const QString user = currentUser();
    if (user.isEmpty() || !m_client->isJoined())
        return;
    auto *box = new QMessageBox(QMessageBox::Question,
        tr("Reset this student's mailbox?"),
        tr("The mailbox of %1 is put back as it was at the start of the class: the sessions "
           "holding it are cut and their deletions are lost.")
            .arg(shownName(user)),
        QMessageBox::NoButton,
        this);
    QPushButton *reset = box->addButton(tr("Reset the Mailbox"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, reset, user] {
        if (box->clickedButton() == reset) {
            setStatus([this, user] {
                return tr("Resetting the mailbox of %1...").arg(shownName(user));
            });
            m_client->resetStudent(user);
        }
    });
    box->open();
}

void ClassOverview::takeLesson(const QString &id,
    const QString &title,
    const QStringList &stepIds,
    const QStringList &stepTitles,
    const QList<pop3::LabQuestion> &questions)
{
    m_lessonId = id;
    m_lessonTitle = title;
    m_questions = questions;
    m_serverStepTitles.clear();
    for (qsizetype i = 0; i < stepIds.size() && i < stepTitles.size(); ++i)
        m_serverStepTitles.insert(stepIds.at(i), stepTitles.at(i));
    wordLesson();
}

// The lesson's words in the window's language when the window has the lesson too, else the
// server's.
void ClassOverview::wordLesson()
{
    QHash<QString, QString> titles = m_serverStepTitles;
    QString lessonTitle = m_lessonTitle;
    QList<pop3::LabQuestion> questions = m_questions;
    if (!m_lessonId.isEmpty()) {
        pop3::LessonLibrary library;
        library.load(pop3::LessonLibrary::defaultFolders());
        if (const std::optional<pop3::Lesson> own =
                library.lesson(m_lessonId, QLocale().name().left(2))) {
            for (const pop3::LessonStep &step : own->steps) {
                if (titles.contains(step.id))
                    titles.insert(step.id, step.title);
            }
            for (pop3::LabQuestion &q : questions) {
                const int index = own->indexOf(q.id);
                if (index >= 0 && own->steps.at(index).question)
                    q.prompt = own->steps.at(index).question->prompt;
            }
            lessonTitle = own->title;
        }
    }
    m_model->setStepTitles(titles);
    m_resultsModel->setQuestions(questions, titles); // the answers stay
    // The server the students used (its POP3 address), never the observer port watched here.
    m_results->setLesson(lessonTitle, classServerWords());
}

void ClassOverview::zoom(int delta)
{
    QFont f = m_table->font();
    f.setPointSizeF(qBound(6.0, f.pointSizeF() + 2 * delta, 48.0));
    m_table->setFont(f);
    m_table->horizontalHeader()->setFont(f);
    fitColumns();
}

void ClassOverview::fitColumns()
{
    m_table->resizeColumnsToContents();
}

// Grows a column whose contents got wider; never shrinks one (no jumping on a projector).
void ClassOverview::widenColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c + 1 < m_proxy->columnCount(); ++c) {
        const int before = header->sectionSize(c);
        m_table->resizeColumnToContents(c);
        if (header->sectionSize(c) < before)
            header->resizeSection(c, before);
    }
}

void ClassOverview::updateWidgets()
{
    const bool row = m_table->currentIndex().isValid();
    m_open->setEnabled(row);
    m_reset->setEnabled(row && m_client->isJoined());
    m_connect->setEnabled(!m_connecting);
}

void ClassOverview::retranslateUi()
{
    setWindowTitle(tr("Class overview"));
    m_hostLabel->setText(tr("&Server:"));
    m_portLabel->setText(tr("&Port:"));
    m_tokenLabel->setText(tr("&Token:"));
    m_token->setPlaceholderText(tr("the 32 digits pop3lab-server printed"));
    m_connect->setText(tr("&Watch"));
    m_filter->setPlaceholderText(
        tr("Filter both tabs: a name, a state, a command, a trouble, an answer..."));
    m_anonymise->setText(tr("&Anonymise names"));
    m_table->setAccessibleName(tr("Students"));
    m_filter->setAccessibleName(tr("Filter the students and their results"));
    m_anonymise->setToolTip(tr("Shows Student 1, Student 2... instead of the account names"));
    m_open->setText(tr("&Open Diagram"));
    m_reset->setText(tr("&Reset This Student's Mailbox..."));
    m_tabs->setTabText(0, tr("Stude&nts"));
    m_tabs->setTabText(1, tr("La&b Results"));
    // The status says again what it said, in the language now chosen.
    if (m_statusWords)
        m_status->setText(m_statusWords());
    else
        setStatus([this] {
            return tr("Not connected.");
        });
    showNotLive();
}

void ClassOverview::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        wordLesson();
        for (const QPointer<StudentWindow> &w : std::as_const(m_windows)) {
            if (w)
                w->diagram()->setServerName(tr("classroom server"), classServerWords());
        }
    }
}
