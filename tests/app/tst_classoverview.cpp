// The teacher's class overview against a real classroom server in this process (Lab and
// ObserverServer, as pop3lab-server --class runs them) over TCP on 127.0.0.1: two students log in,
// one stuck on "USER: student02"; the rows, the trouble, sorting, filtering, anonymised names, a
// student's own diagram and transcript, the ticking idle time, and a reset through the stream.

#include "app/classroom/classoverview.h"
#include "app/classroom/classrollmodel.h"
#include "app/classroom/resultspane.h"
#include "app/classroom/studentwindow.h"
#include "app/diagram/diagrampane.h"
#include "app/mainwindow.h"
#include "app/translations.h"
#include "events/eventlog.h"
#include "lab/classroll.h"
#include "lab/classroster.h"
#include "lab/lab.h"
#include "lab/observerclient.h"
#include "lab/observerserver.h"
#include "net/pop3server.h"
#include "support/classserver.h"
#include "support/labfixture.h"
#include "support/pop3testclient.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace pop3;

class TestClassOverview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void watchesTheClass();
    void aLateOverviewSeesTheClassAtOnce();
    void aCommandDoesNotMeasureTheWholeTable();
    void mailBodiesOnlyForAnOpenDiagram();
    void aReadOfManyEventsChangesARowOnce();
    void theTickRepaintsTheIdleTimesOnly();
    void theFileMenuOpensIt();
    void aTableNoLongerLiveSaysSo();
    void theStatusFollowsTheLanguage();

private:
    // The proxy row showing user (-1 if none).
    static int proxyRow(const QSortFilterProxyModel *proxy, const QString &user);
    static QString cell(const QSortFilterProxyModel *proxy, int row, int column);

    QList<ClassRoster::Student> m_students;
    std::unique_ptr<ClassServer> m_class;
    Lab *m_lab = nullptr;
    ObserverServer *m_server = nullptr;
};

void TestClassOverview::init()
{
    QString error;
    m_students = ClassRoster::generate(3, QStringLiteral("student"), &error);
    QCOMPARE(m_students.size(), qsizetype(3));
    m_class = std::make_unique<ClassServer>();
    QVERIFY(m_class->startClass(m_students));
    QVERIFY(m_class->startObserver());
    m_lab = m_class->lab.get();
    m_server = m_class->observer.get();
}

void TestClassOverview::cleanup()
{
    m_class.reset();
}

int TestClassOverview::proxyRow(const QSortFilterProxyModel *proxy, const QString &user)
{
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(ClassRollModel::UserNameRole).toString() == user)
            return row;
    }
    return -1;
}

QString TestClassOverview::cell(const QSortFilterProxyModel *proxy, int row, int column)
{
    return proxy->index(row, column).data().toString();
}

void TestClassOverview::watchesTheClass()
{
    const QString good = m_students.at(0).user; // student01
    const QString typo = m_students.at(1).user; // student02
    const QString absent = m_students.at(2).user; // student03
    qint64 now = QDateTime::currentMSecsSinceEpoch();

    ClassOverview overview;
    overview.model()->setClock([&now] {
        return now;
    });
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    const QSortFilterProxyModel *proxy = overview.proxy();
    QCOMPARE(proxy->rowCount(), 3);

    // Two students over TCP: one logs in, one types the lab sheet's colon three times.
    pop3test::Client a;
    QVERIFY(a.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(good.toUtf8(), m_students.at(0).password.toUtf8()));
    pop3test::Client b;
    QVERIFY(b.open(m_lab->server()->port()).startsWith("+OK"));
    for (int i = 0; i < ClassRoll::errorRunLimit; ++i)
        QVERIFY(b.command("USER: " + typo.toUtf8()).startsWith("-ERR"));

    using C = ClassRollModel;
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(proxy, proxyRow(proxy, good), C::LockColumn), QStringLiteral("held"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(proxy, proxyRow(proxy, typo), C::ErrorsColumn).toInt() >= ClassRoll::errorRunLimit,
        5000);
    int row = proxyRow(proxy, good);
    QCOMPARE(cell(proxy, row, C::StateColumn), QStringLiteral("TRANSACTION"));
    QCOMPARE(cell(proxy, row, C::CommandColumn), QStringLiteral("PASS ********"));
    QCOMPARE(cell(proxy, row, C::TroubleColumn), QStringLiteral("fine"));
    QVERIFY(!proxy->index(row, C::StudentColumn).data(Qt::BackgroundRole).isValid());
    // The typo student stands out in words, with an icon, and in colour.
    row = proxyRow(proxy, typo);
    QVERIFY2(cell(proxy, row, C::TroubleColumn).contains(QStringLiteral("-ERR")),
        qPrintable(cell(proxy, row, C::TroubleColumn)));
    QVERIFY(cell(proxy, row, C::CommandColumn).startsWith(QStringLiteral("USER: ")));
    QVERIFY(!proxy->index(row, C::StudentColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(proxy->index(row, C::IdleColumn).data(Qt::BackgroundRole).isValid());
    row = proxyRow(proxy, absent);
    QCOMPARE(cell(proxy, row, C::IdleColumn), QStringLiteral("not seen yet"));
    QCOMPARE(cell(proxy, row, C::TroubleColumn), QStringLiteral("fine"));

    // Sorted by the number of errors, most first; then by name again.
    overview.table()->sortByColumn(C::ErrorsColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, 0).data(C::UserNameRole).toString(), typo);
    overview.table()->sortByColumn(C::StudentColumn, Qt::AscendingOrder);
    QCOMPARE(proxy->index(0, 0).data(C::UserNameRole).toString(), good);
    QCOMPARE(proxy->index(2, 0).data(C::UserNameRole).toString(), absent);

    // Filtered by what a row says.
    auto *filter = overview.findChild<QLineEdit *>(QStringLiteral("classFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("transaction"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, 0).data(C::UserNameRole).toString(), good);
    filter->clear();
    QCOMPARE(proxy->rowCount(), 3);

    // Anonymised: no account name in the Student column.
    auto *anonymise = overview.findChild<QCheckBox *>(QStringLiteral("anonymiseNames"));
    QVERIFY(anonymise);
    anonymise->click();
    QStringList shown;
    for (int r = 0; r < proxy->rowCount(); ++r)
        shown << cell(proxy, r, C::StudentColumn);
    shown.sort();
    QCOMPARE(shown, (QStringList{"Student 1", "Student 2", "Student 3"}));
    // ...nor anywhere else on the projector (teacher's trial: "Student 7 ... USER: student07"),
    // and the filter finds nobody by the real name.
    for (int r = 0; r < proxy->rowCount(); ++r) {
        for (int c = 0; c < C::ColumnCount; ++c) {
            for (const QString &name : {good, typo, absent})
                QVERIFY2(!cell(proxy, r, c).contains(name, Qt::CaseInsensitive),
                    qPrintable(cell(proxy, r, c)));
        }
    }
    QVERIFY(cell(proxy, proxyRow(proxy, typo), C::CommandColumn).startsWith("USER: Student "));
    QTest::keyClicks(filter, typo);
    QCOMPARE(proxy->rowCount(), 0);
    filter->clear();
    anonymise->click();
    QCOMPARE(cell(proxy, proxyRow(proxy, good), C::StudentColumn), good);

    // The idle time ticks without the model being rebuilt; a lock held idle is trouble.
    QSignalSpy changed(overview.model(), &QAbstractItemModel::dataChanged);
    QSignalSpy resets(overview.model(), &QAbstractItemModel::modelReset);
    now += ClassRoll::idleLimitMs + 5'000;
    QVERIFY(changed.wait(3000));
    QCOMPARE(resets.count(), 0);
    row = proxyRow(proxy, good);
    QVERIFY2(cell(proxy, row, C::IdleColumn).contains(QStringLiteral("min")),
        qPrintable(cell(proxy, row, C::IdleColumn)));
    QVERIFY(cell(proxy, row, C::TroubleColumn).contains(QStringLiteral("lock")));

    // Enter on the typo student's row opens their own diagram and transcript, only theirs.
    QTableView *table = overview.table();
    table->setFocus();
    table->setCurrentIndex(proxy->index(proxyRow(proxy, typo), C::StudentColumn));
    QTest::keyClick(table, Qt::Key_Return);
    StudentWindow *typoWindow = overview.studentWindow(typo);
    QVERIFY(typoWindow);
    QVERIFY(typoWindow->isVisible());
    QVERIFY(typoWindow->transcript().contains(QStringLiteral("S: +OK"))); // the greeting
    QVERIFY(typoWindow->transcript().contains(QString(QStringLiteral("C: USER: ") + typo)));
    QVERIFY(!typoWindow->transcript().contains(good));
    const QString diagram = typoWindow->diagram()->model().toText();
    QVERIFY2(diagram.contains(QString(QStringLiteral("USER: ") + typo)), qPrintable(diagram));
    QCOMPARE(typoWindow->diagram()->model().sessions().size(), qsizetype(1));
    // ... and a live one: what the student types next comes in
    // (this server gives up on the session after so many bad commands: more trouble)
    b.command("USER " + typo.toUtf8());
    QVERIFY(b.waitClosed(5000));
    QTRY_VERIFY_WITH_TIMEOUT(cell(proxy, proxyRow(proxy, typo), C::TroubleColumn)
                                 .contains(QStringLiteral("too many errors")),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        typoWindow->transcript().contains(QString(QStringLiteral("C: USER ") + typo)), 5000);
    // They connect again and log in right: the cut-off is history (it stayed on the row for the
    // whole class); the errors column still counts what happened.
    pop3test::Client again;
    QVERIFY(again.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(again.login(typo.toUtf8(), m_students.at(1).password.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(proxy, proxyRow(proxy, typo), C::LockColumn), QStringLiteral("held"), 5000);
    QVERIFY2(!cell(proxy, proxyRow(proxy, typo), C::TroubleColumn)
                  .contains(QStringLiteral("too many errors")),
        qPrintable(cell(proxy, proxyRow(proxy, typo), C::TroubleColumn)));
    QVERIFY(
        cell(proxy, proxyRow(proxy, typo), C::ErrorsColumn).toInt() >= ClassRoll::errorRunLimit);
    // Their diagram's server is the classroom server, not the one built into the window.
    QTemporaryDir drawn;
    const QString svg = drawn.filePath(QStringLiteral("student.svg"));
    QString error;
    QVERIFY2(typoWindow->diagram()->exportTo(svg, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("classroom server"));
    QVERIFY(svgText.contains(
        QByteArray("127.0.0.1:").append(QByteArray::number(m_lab->server()->port()))));
    QVERIFY(!svgText.contains("built into pop3lab"));
    StudentWindow *goodWindow = overview.openStudent(good);
    QVERIFY(goodWindow->transcript().contains(QStringLiteral("C: PASS ********")));
    QVERIFY(!goodWindow->transcript().contains(m_students.at(0).password));
    QVERIFY(!goodWindow->diagram()->model().toText().contains(m_students.at(0).password));

    // Reset the good student's mailbox: asked first, then the server cuts their session.
    table->setCurrentIndex(proxy->index(proxyRow(proxy, good), C::StudentColumn));
    auto *resetButton = overview.findChild<QPushButton *>(QStringLiteral("resetStudent"));
    QVERIFY(resetButton && resetButton->isEnabled());
    resetButton->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = overview.findChild<QMessageBox *>()) != nullptr);
    QPushButton *confirm = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(confirm);
    confirm->click();
    QVERIFY(a.waitClosed(5000));
    // The status names whose mailbox (a teacher may reset several in a row).
    QTRY_COMPARE_WITH_TIMEOUT(overview.statusText(),
        QStringLiteral("The server reset the mailbox of %1.").arg(good),
        5000);
    // Names hidden for the projector: the status says the alias at once.
    auto *hideNames = overview.findChild<QCheckBox *>(QStringLiteral("anonymiseNames"));
    const bool wasAnonymised = hideNames->isChecked();
    hideNames->setChecked(true);
    QVERIFY2(!overview.statusText().contains(good), qPrintable(overview.statusText()));
    QVERIFY2(overview.statusText().contains(QStringLiteral("Student ")),
        qPrintable(overview.statusText()));
    hideNames->setChecked(wasAnonymised);
    QTRY_COMPARE_WITH_TIMEOUT(cell(proxy, proxyRow(proxy, good), C::LockColumn), QString(), 5000);
    const auto resetShown = [goodWindow] {
        const SequenceModel &model = goodWindow->diagram()->model();
        for (qsizetype r = 0; r < model.rowCount(); ++r) {
            if (model.row(r).note == NoteKind::MailboxReset)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(resetShown(), 5000);
}

// The teacher opens the overview after the students logged in: every row shows where the student
// is at once, without waiting for them to type again (the server's snapshot after the hello).
void TestClassOverview::aLateOverviewSeesTheClassAtOnce()
{
    pop3test::Client a;
    QVERIFY(a.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(m_students.at(0).user.toUtf8(), m_students.at(0).password.toUtf8()));
    pop3test::Client b;
    QVERIFY(b.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(b.login(m_students.at(1).user.toUtf8(), m_students.at(1).password.toUtf8()));
    QVERIFY(b.command("RETR 999").startsWith("-ERR"));

    ClassOverview overview;
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    const QSortFilterProxyModel *proxy = overview.proxy();
    using C = ClassRollModel;
    for (int i = 0; i < 2; ++i) {
        const QString user = m_students.at(i).user;
        QTRY_COMPARE_WITH_TIMEOUT(cell(proxy, proxyRow(proxy, user), C::StateColumn),
            QStringLiteral("TRANSACTION"),
            5000);
        QCOMPARE(cell(proxy, proxyRow(proxy, user), C::LockColumn), QStringLiteral("held"));
        QVERIFY(
            cell(proxy, proxyRow(proxy, user), C::IdleColumn) != QStringLiteral("not seen yet"));
    }
    int row = proxyRow(proxy, m_students.at(0).user);
    QCOMPARE(cell(proxy, row, C::CommandColumn), QStringLiteral("PASS ********"));
    QVERIFY(cell(proxy, row, C::ReplyColumn).startsWith(QStringLiteral("+OK")));
    row = proxyRow(proxy, m_students.at(1).user);
    QCOMPARE(cell(proxy, row, C::CommandColumn), QStringLiteral("RETR 999"));
    QVERIFY(cell(proxy, row, C::ReplyColumn).startsWith(QStringLiteral("-ERR")));
    QCOMPARE(cell(proxy, row, C::ErrorsColumn), QStringLiteral("1"));
    QCOMPARE(cell(proxy, proxyRow(proxy, m_students.at(2).user), C::IdleColumn),
        QStringLiteral("not seen yet"));

    // Their sessions are known too: what a student does next lands on their row.
    QVERIFY(a.command("QUIT").startsWith("+OK"));
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(proxy, proxyRow(proxy, m_students.at(0).user), C::LockColumn), QString(), 5000);
    QCOMPARE(
        cell(proxy, proxyRow(proxy, m_students.at(1).user), C::LockColumn), QStringLiteral("held"));
}

namespace {

// Counts how many cells the view measures.
class CountingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++measured;
        return QStyledItemDelegate::sizeHint(option, index);
    }

    mutable int measured = 0;
};

} // namespace

// A class of 60 sends thousands of events a second: one student's command must repaint their
// row, not measure every cell of the table again (a header resizing to its contents did, at each
// event, and the overview fell seconds behind the class: benchmarks/classroom).
void TestClassOverview::aCommandDoesNotMeasureTheWholeTable()
{
    ClassOverview overview;
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    auto *delegate = new CountingDelegate(overview.table());
    overview.table()->setItemDelegate(delegate);
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    pop3test::Client a;
    QVERIFY(a.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(m_students.at(0).user.toUtf8(), m_students.at(0).password.toUtf8()));
    const QString user = m_students.at(0).user;
    const QSortFilterProxyModel *proxy = overview.proxy();
    QTRY_COMPARE_WITH_TIMEOUT(cell(proxy, proxyRow(proxy, user), ClassRollModel::StateColumn),
        QStringLiteral("TRANSACTION"),
        5000);
    QCoreApplication::processEvents();
    delegate->measured = 0;
    constexpr int commands = 40;
    for (int i = 0; i < commands; ++i) {
        QVERIFY(a.command("NOOP").startsWith("+OK"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(proxy, proxyRow(proxy, user), ClassRollModel::ErrorsColumn),
            QStringLiteral("0"),
            5000);
        QCoreApplication::processEvents(); // each reply on its own: painted before the next
    }
    // Two events per command (the line and the reply); measuring the table once in a while
    // (a few times a second at most) is fine, measuring it at each event is not.
    QVERIFY2(delegate->measured < commands * proxy->rowCount(),
        qPrintable(QStringLiteral("%1 cells measured for %2 commands")
                       .arg(delegate->measured)
                       .arg(commands)));
}

// The table needs no mail body: the overview asks the stream for the bodies of the students
// whose diagram is open only (a class reading its mail sends mostly bodies).
void TestClassOverview::mailBodiesOnlyForAnOpenDiagram()
{
    ClassOverview overview;
    overview.show();
    auto *client = overview.findChild<ObserverClient *>();
    QVERIFY(client);
    QSignalSpy bodiesSet(client, &ObserverClient::bodiesSet);
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(bodiesSet.count(), 1, 5000); // BODIES NONE, behind the token
    const QString user = m_students.at(0).user;
    pop3test::Client a;
    QVERIFY(a.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(user.toUtf8(), m_students.at(0).password.toUtf8()));
    // The RETR replies in the student's log, in order.
    const auto retrs = [&overview, &user] {
        QList<Event> replies;
        EventLog *log = overview.studentLog(user);
        for (qsizetype i = 0; i < log->size(); ++i) {
            if (log->at(i).kind == EventKind::ServerReply && log->at(i).multiLine)
                replies.append(log->at(i));
        }
        return replies;
    };
    QVERIFY(a.multiLineCommand("RETR 1").endsWith("\r\n.\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(retrs().size(), qsizetype(1), 5000);
    QVERIFY(retrs().at(0).body.isEmpty());
    QVERIFY(retrs().at(0).octets > 0); // the size still says what was read

    StudentWindow *window = overview.openStudent(user);
    QVERIFY(bodiesSet.wait(5000));
    const QByteArray second = a.multiLineCommand("RETR 2");
    QVERIFY(second.endsWith("\r\n.\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(retrs().size(), qsizetype(2), 5000);
    const QByteArray body = retrs().at(1).body;
    QVERIFY(body.size() > 20);
    QVERIFY(second.contains(body.left(20))); // the mail as the student read it

    window->close(); // closed: no more bodies
    QVERIFY(bodiesSet.wait(5000));
    QVERIFY(a.multiLineCommand("RETR 3").endsWith("\r\n.\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(retrs().size(), qsizetype(3), 5000);
    QVERIFY(retrs().at(2).body.isEmpty());
}

// One read of the stream brings dozens of events of a class at work: the table hears of each
// row once per turn of the event loop, not once per event (the proxy sorted and filtered, and
// the view scheduled a repaint, at each one).
void TestClassOverview::aReadOfManyEventsChangesARowOnce()
{
    ClassRollModel model;
    model.setStudents({QStringLiteral("student01"), QStringLiteral("student02")});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 50; ++i) {
        Event e;
        e.seq = quint64(i + 1);
        e.timeMs = now + i;
        e.session = 4;
        e.kind = i % 2 ? EventKind::ServerReply : EventKind::ClientLine;
        e.ok = true;
        e.state = State::Authorization;
        e.bytes = i == 0 ? QByteArray("USER student02\r\n")
            : i % 2      ? QByteArray("+OK\r\n")
                         : QByteArray("NOOP\r\n");
        QCOMPARE(model.apply(e), QStringLiteral("student02"));
    }
    QCOMPARE(changed.count(), 0); // not yet: the events of this read may not be all
    const auto rowSignals = [&changed] {
        int n = 0;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            if (from.row() == 1 && to.row() == 1) // not the idle time's tick of every row
                ++n;
        }
        return n;
    };
    QTRY_COMPARE(rowSignals(), 1);
    QCOMPARE(
        model.index(1, ClassRollModel::CommandColumn).data().toString(), QStringLiteral("NOOP"));
}

// Each second the idle times tick: their column changes, and the rows whose trouble the time
// changes (a lock held and idle); the whole table repainted each second was the overview's
// slowest frame with a class at work (benchmarks/classroom).
void TestClassOverview::theTickRepaintsTheIdleTimesOnly()
{
    ClassRollModel model;
    model.setStudents({QStringLiteral("student01"), QStringLiteral("student02")});
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    Event lock;
    lock.seq = 1;
    lock.timeMs = start;
    lock.session = 3;
    lock.kind = EventKind::LockCreated;
    lock.user = QStringLiteral("student01");
    QCOMPARE(model.apply(lock), QStringLiteral("student01"));
    QCoreApplication::processEvents(); // the row's own change
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    using C = ClassRollModel;
    const auto ranges = [&changed] {
        QStringList r;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto from = args.at(0).value<QModelIndex>();
            const auto to = args.at(1).value<QModelIndex>();
            r << QStringLiteral("%1,%2-%3,%4")
                     .arg(from.row())
                     .arg(from.column())
                     .arg(to.row())
                     .arg(to.column());
        }
        return r;
    };
    const QString idleColumn = QStringLiteral("0,%1-1,%1").arg(C::IdleColumn);
    model.setClock([start] {
        return start + 5'000;
    });
    QCOMPARE(ranges(), QStringList{idleColumn});
    changed.clear();
    model.setClock([start] {
        return start + ClassRoll::idleLimitMs + 1'000; // student01 holds the lock, idle
    });
    QCOMPARE(
        ranges(), (QStringList{QStringLiteral("0,0-0,%1").arg(C::ColumnCount - 1), idleColumn}));
    QVERIFY(model.trouble(0) & ClassRoll::LockHeldIdle);
}

void TestClassOverview::theFileMenuOpensIt()
{
    LabFixture fixture;
    QVERIFY(fixture.start());
    MainWindow window(fixture.services.get());
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("actionWatchClass"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QVERIFY(!window.findChild<ClassOverview *>());
    action->trigger();
    auto *overview = window.findChild<ClassOverview *>();
    QVERIFY(overview);
    QVERIFY(overview->isVisible());
    // The token is typed hidden, as a password: the projector never shows it.
    auto *token = overview->findChild<QLineEdit *>(QStringLiteral("observerToken"));
    QVERIFY(token);
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    action->trigger(); // the same window again, not a second one
    QCOMPARE(window.findChildren<ClassOverview *>().size(), 1);
}

// A tester restarted the classroom server during the trial: after the stream ended, and after a
// failed reconnect, the table went on as if live (idle times counting, the lock "held") with only
// the status line at the bottom saying otherwise. Now a banner over the table says since when it
// is not live, and the idle times stop where the stream ended; joining again makes it live.
void TestClassOverview::aTableNoLongerLiveSaysSo()
{
    const QString good = m_students.at(0).user;
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    ClassOverview overview;
    overview.model()->setClock([&now] {
        return now;
    });
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    const quint16 observerPort = m_server->port();
    overview.connectTo(QStringLiteral("127.0.0.1"), observerPort, m_server->token());
    QVERIFY(joined.wait(5000));
    QVERIFY(overview.notLiveText().isEmpty());
    pop3test::Client a;
    QVERIFY(a.open(m_lab->server()->port()).startsWith("+OK"));
    QVERIFY(a.login(good.toUtf8(), m_students.at(0).password.toUtf8()));
    const QSortFilterProxyModel *proxy = overview.proxy();
    using C = ClassRollModel;
    QTRY_COMPARE_WITH_TIMEOUT(
        cell(proxy, proxyRow(proxy, good), C::LockColumn), QStringLiteral("held"), 5000);

    // The classroom server's stream ends (its observer port closes).
    const QByteArray token = m_server->token();
    m_class->observer.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!overview.notLiveText().isEmpty(), 5000);
    QVERIFY2(overview.notLiveText().contains(QStringLiteral("Not live since")),
        qPrintable(overview.notLiveText()));
    const QString idle = cell(proxy, proxyRow(proxy, good), C::IdleColumn);
    now += 90'000;
    overview.model()->setClock([&now] {
        return now;
    });
    QCOMPARE(cell(proxy, proxyRow(proxy, good), C::IdleColumn), idle); // stopped with the stream

    // Watch again while nothing listens there: refused, and the banner stays.
    overview.connectTo(QStringLiteral("127.0.0.1"), observerPort, token);
    QTRY_VERIFY_WITH_TIMEOUT(
        overview.statusText().startsWith(QStringLiteral("Not connected")), 10'000);
    QVERIFY2(overview.notLiveText().contains(QStringLiteral("Not live since")),
        qPrintable(overview.notLiveText()));
    QCOMPARE(cell(proxy, proxyRow(proxy, good), C::IdleColumn), idle);
    // The results still name the server the class used (the failed Watch forgot its address,
    // and a language change words the lesson again).
    const QString pop3 = QStringLiteral("127.0.0.1:%1").arg(m_lab->server()->port());
    QCOMPARE(overview.resultsPane()->server(), pop3);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&overview, &change);
    QCOMPARE(overview.resultsPane()->server(), pop3);

    // A new stream: live again, the idle times move with the clock.
    QVERIFY(m_class->startObserver());
    overview.connectTo(
        QStringLiteral("127.0.0.1"), m_class->observer->port(), m_class->observer->token());
    QVERIFY(joined.wait(5000));
    QVERIFY(overview.notLiveText().isEmpty());
    now += 60'000;
    overview.model()->setClock([&now] {
        return now;
    });
    QVERIFY(cell(proxy, proxyRow(proxy, good), C::IdleColumn) != idle);
}

// A tester switched the window to French during the class: the overview's status line stayed
// "Watching 3 students." (and the not-live banner English) until something else happened.
void TestClassOverview::theStatusFollowsTheLanguage()
{
    ClassOverview overview;
    overview.show();
    QSignalSpy joined(&overview, &ClassOverview::joined);
    overview.connectTo(QStringLiteral("127.0.0.1"), m_server->port(), m_server->token());
    QVERIFY(joined.wait(5000));
    QVERIFY(overview.statusText().startsWith(QStringLiteral("Watching 3 student")));
    m_class->observer.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!overview.notLiveText().isEmpty(), 5000);
    Translations french;
    french.install(QLocale(QLocale::French, QLocale::France));
    QVERIFY(french.hasOwnWords());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    const QString status = overview.statusText();
    const QString banner = overview.notLiveText();
    french.remove();
    // All of it: the reason the observer client gave in English is said again in French.
    QVERIFY2(status == QStringLiteral("Le flux s'est arrêté : le serveur a fermé le flux"),
        qPrintable(status));
    QVERIFY2(banner.startsWith(QStringLiteral("Plus en direct depuis")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("(le serveur a fermé le flux)")), qPrintable(banner));
}

QTEST_MAIN(TestClassOverview)
#include "tst_classoverview.moc"
