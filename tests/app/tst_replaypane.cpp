// Replay, step by step (issue 13): a scenario plays into a log of its own; the diagram, the
// replay's transcript and its maildrop pane move together; a step back leaves every view exactly
// as it was one event earlier; and the live server, log and mailbox are never touched.

#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/maildrop/maildropmodel.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "app/replay/replaypane.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"
#include "mail/mailstore.h"
#include "support/labfixture.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>

#include <algorithm>

class TestReplayPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyScenarioLoads();
    void everyShippedScenarioIsListed();
    void stepBackUndoesExactlyOneEventInEveryView();
    void tutorialAndStaleLockScenariosPlay_data();
    void stepBackAtTheEndOfALongTraceIsExact_data();
    void stepBackAtTheEndOfALongTraceIsExact();
    void tutorialAndStaleLockScenariosPlay();
    void staleLockIsTheRecordedHoldersNotTheLiveProcess();
    void spaceStepsInTheDiagram();
    void backToLiveEndsTheReplay();
    void replaysThisSessionSoFar();

private:
    // Everything a view shows of the replay, to compare before and after a step (the diagram's
    // rows too, unless withDiagram is false: a long trace's are many).
    static QStringList views(MainWindow &window, bool withDiagram = true);
    // The scenarios in resources/scenarios/, whatever the pane lists.
    static QStringList shippedScenarios();
    // The live mailbox as files: names and sizes, and whether its lock file exists.
    QStringList liveFiles() const;
    std::unique_ptr<LabFixture> m_lab;
};

void TestReplayPane::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

QStringList TestReplayPane::views(MainWindow &window, bool withDiagram)
{
    QStringList out;
    const pop3::SequenceModel &model = window.diagramPane()->model();
    out.append(QStringLiteral("diagram rows %1").arg(model.rowCount()));
    for (qsizetype row = 0; withDiagram && row < model.rowCount(); ++row)
        out.append(QStringLiteral("diagram %1 %2 %3")
                       .arg(row)
                       .arg(model.label(row))
                       .arg(int(model.stateAt(model.row(row).session, row))));
    ReplayPane *replay = window.replayPane();
    out.append(QStringLiteral("transcript ") + replay->transcript());
    MaildropPane *maildrop = replay->maildropPane();
    const MaildropModel *messages = maildrop->model();
    out.append(QStringLiteral("maildrop %1 %2").arg(messages->rowCount()).arg(maildrop->user()));
    for (int row = 0; row < messages->rowCount(); ++row) {
        if (messages->isMarked(row))
            out.append(QStringLiteral("marked %1").arg(row + 1));
    }
    out.append(
        QStringLiteral("lock %1 %2").arg(maildrop->lockShownAsPresent()).arg(maildrop->lockText()));
    return out;
}

QStringList TestReplayPane::liveFiles() const
{
    pop3::MailStore *store = m_lab->services->store();
    QStringList out;
    const QFileInfo maildrop(store->account(QStringLiteral("student"))->maildropPath);
    QDir dir(maildrop.isDir() ? maildrop.filePath() : maildrop.path());
    dir.setFilter(QDir::Files | QDir::Hidden | QDir::AllDirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &f : dir.entryInfoList(QDir::NoFilter, QDir::Name))
        out.append(QStringLiteral("%1 %2").arg(f.fileName()).arg(f.size()));
    out.append(QStringLiteral("lock %1").arg(
        QFileInfo::exists(store->lockPath(QStringLiteral("student")))));
    out.append(QStringLiteral("messages %1")
                   .arg(store->account(QStringLiteral("student"))->maildrop->messages().size()));
    return out;
}

void TestReplayPane::everyScenarioLoads()
{
    MainWindow window(m_lab->services.get());
    for (const QString &name : ReplayPane::scenarios()) {
        QString error;
        QVERIFY2(window.replayPane()->loadScenario(name, &error), qPrintable(name + error));
        QVERIFY(window.replayPane()->replayer()->count() > 5);
    }
    QVERIFY(!window.replayPane()->loadScenario(QStringLiteral("no-such-scenario")));
}

QStringList TestReplayPane::shippedScenarios()
{
    QStringList names;
    const QStringList files =
        QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.jsonl")}, QDir::Files);
    for (const QString &file : files)
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

// Every scenario shipped in resources/scenarios/ is offered in the pane (a scenario left out
// because its replay was wrong is a defect, not a choice).
void TestReplayPane::everyShippedScenarioIsListed()
{
    QStringList shipped = shippedScenarios();
    QVERIFY(shipped.contains(QStringLiteral("mail-bomb")));
    QStringList listed = ReplayPane::scenarios();
    shipped.sort();
    listed.sort();
    QCOMPARE(listed, shipped);
}

void TestReplayPane::stepBackUndoesExactlyOneEventInEveryView()
{
    MainWindow window(m_lab->services.get());
    window.show();
    const qsizetype liveEvents = m_lab->services->log()->size();
    const QStringList liveBefore = liveFiles();
    ReplayPane *replay = window.replayPane();
    QString error;
    QVERIFY2(replay->loadScenario(QStringLiteral("lab-sheet"), &error), qPrintable(error));
    QVERIFY(window.diagramPane()->isShowingReplay());
    QVERIFY(window.diagramPane()->bannerText().contains(QStringLiteral("REPLAY")));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("replayDock"))->isVisible());

    pop3::TraceReplayer *replayer = replay->replayer();
    QList<QStringList> seen{views(window)};
    bool sawLock = false, sawMark = false;
    while (replayer->position() < replayer->count()) {
        replayer->stepForward();
        seen.append(views(window));
        sawLock = sawLock || replay->maildropPane()->lockShownAsPresent();
        sawMark = sawMark || seen.last().contains(QStringLiteral("marked 1"));
    }
    // The views did move: the lock file came and went, DELE struck message 1, UPDATE removed it.
    QVERIFY(sawLock);
    QVERIFY(sawMark);
    QVERIFY(!replay->maildropPane()->lockShownAsPresent());
    QCOMPARE(replay->maildropPane()->model()->rowCount(), 34);
    QVERIFY(replay->transcript().contains(QStringLiteral("C: DELE 1")));

    // Back one event at a time: every view is exactly what it was.
    while (replayer->position() > 0) {
        replayer->stepBack();
        QCOMPARE(views(window), seen.at(replayer->position()));
    }
    QCOMPARE(replay->maildropPane()->model()->rowCount(), 35);

    // Nothing reached the live server, log or mailbox.
    QCOMPARE(m_lab->services->log()->size(), liveEvents);
    QCOMPARE(liveFiles(), liveBefore);
    QCOMPARE(window.maildropPane()->model()->rowCount(), 35);
}

// A scenario repeated with fresh sessions: a class-sized trace of count events. Between two
// rounds the teacher resets the mailbox the scenario uses (a MailboxReset note, as the window's
// Reset mailbox logs it), so every round does what the first did — and a step back across a
// round's expunge, or across a reset, must bring the removed messages back.
static QList<pop3::Event> longTrace(const QString &name, qsizetype count)
{
    pop3::EventLog scenario;
    if (!scenario.load(ReplayPane::scenarioPath(name)))
        return {};
    const QList<pop3::Event> one = scenario.events();
    QString user;
    for (const pop3::Event &e : one) {
        if (e.kind == pop3::EventKind::LockCreated && user.isEmpty())
            user = e.user;
    }
    const qint64 span = one.last().timeMs - one.first().timeMs + 250;
    QList<pop3::Event> out;
    for (int round = 0; out.size() < count; ++round) {
        if (round > 0 && !user.isEmpty()) {
            pop3::Event reset = pop3::Event::makeNote(pop3::NoteKind::MailboxReset, user);
            reset.user = user;
            reset.timeMs = one.first().timeMs + round * span - 100;
            out.append(reset);
        }
        for (pop3::Event e : one) {
            if (out.size() >= count)
                break;
            if (e.session > 0)
                e.session += round * 1000;
            e.timeMs += round * span;
            out.append(e);
        }
    }
    return out;
}

void TestReplayPane::stepBackAtTheEndOfALongTraceIsExact_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : shippedScenarios())
        QTest::addRow("%s", qPrintable(name)) << name;
}

// At the end of a 20,000-event trace made of each shipped scenario (a transcript longer than the
// view keeps, the replay's checkpoints behind it) a step back is exact: over the last 300 events,
// across checkpoints, every view after each step back is what it was on the way forward (the
// diagram's 20,000 rows compared whole at points on both sides of a checkpoint). How long it
// takes is benchmarks/replay's job.
void TestReplayPane::stepBackAtTheEndOfALongTraceIsExact()
{
    QFETCH(QString, name);
    MainWindow window(m_lab->services.get());
    window.resize(1280, 720);
    window.show();
    ReplayPane *replay = window.replayPane();
    const QList<pop3::Event> trace = longTrace(name, 20000);
    QCOMPARE(trace.size(), 20000);
    replay->loadEvents(trace, QStringLiteral("a long trace"));
    pop3::TraceReplayer *replayer = replay->replayer();
    const qsizetype end = replayer->count();
    const qsizetype from = end - 300;
    const QList<qsizetype> marks{from, end - 257, end - 256, end - 255, end - 100, end - 1};
    const auto settle = [&] {
        replay->flush();
        window.diagramPane()->view()->flush();
    };
    QHash<qsizetype, QStringList> forward;
    replayer->seek(from);
    settle();
    forward.insert(from, views(window));
    while (replayer->position() < end) {
        replayer->stepForward();
        settle();
        forward.insert(replayer->position(), views(window, marks.contains(replayer->position())));
    }
    int compared = 0;
    while (replayer->position() > from) {
        replayer->stepBack();
        settle();
        const qsizetype at = replayer->position();
        QCOMPARE(views(window, marks.contains(at)), forward.value(at));
        compared += marks.contains(at) ? 1 : 0;
    }
    QCOMPARE(compared, marks.size());
}

void TestReplayPane::tutorialAndStaleLockScenariosPlay_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("messagesAtEnd");
    QTest::addRow("mail-bomb") << QStringLiteral("mail-bomb") << QStringLiteral("barakirs") << 196;
    QTest::addRow("stale-lock") << QStringLiteral("stale-lock") << QStringLiteral("student") << 35;
}

// The 2000 tutorial's clean-up and the stale lock after a crash play in the pane: the maildrop
// pane follows (ten junk messages struck then removed; a lock file that outlives its session
// until the next login clears it), and stepping back restores every view, event by event.
void TestReplayPane::tutorialAndStaleLockScenariosPlay()
{
    QFETCH(QString, name);
    QFETCH(QString, user);
    QFETCH(int, messagesAtEnd);
    MainWindow window(m_lab->services.get());
    window.show();
    const QStringList liveBefore = liveFiles();
    ReplayPane *replay = window.replayPane();
    QString error;
    QVERIFY2(replay->loadScenario(name, &error), qPrintable(error));
    pop3::TraceReplayer *replayer = replay->replayer();
    QList<QStringList> seen{views(window)};
    int mostMarked = 0;
    bool lockOutlivedItsSession = false;
    bool crashed = false;
    while (replayer->position() < replayer->count()) {
        replayer->stepForward();
        const pop3::Event &e = replayer->events().at(replayer->position() - 1);
        crashed = crashed
            || (e.kind == pop3::EventKind::Note && e.note == pop3::NoteKind::FaultServerCrashed);
        if (crashed && e.kind == pop3::EventKind::Disconnected && !lockOutlivedItsSession) {
            // The crashed session's end: its lock file is still there, and said to be stale.
            lockOutlivedItsSession = replay->maildropPane()->lockShownAsPresent()
                && replay->maildropPane()->lockText().contains(QStringLiteral("Stale"));
        }
        seen.append(views(window));
        const auto marked =
            std::count_if(seen.last().cbegin(), seen.last().cend(), [](const QString &v) {
                return v.startsWith(QLatin1String("marked "));
            });
        mostMarked = std::max(mostMarked, int(marked));
    }
    QCOMPARE(replay->maildropPane()->user(), user);
    QCOMPARE(replay->maildropPane()->model()->rowCount(), messagesAtEnd);
    QVERIFY(!replay->maildropPane()->lockShownAsPresent());
    if (name == QLatin1String("mail-bomb")) {
        QCOMPARE(mostMarked, 10);
        QVERIFY(replay->transcript().contains(QStringLiteral("C: top 3 0")));
        QVERIFY(replay->transcript().contains(QStringLiteral("(UPDATE: 10 message(s) removed")));
    } else {
        QVERIFY(crashed);
        QVERIFY(lockOutlivedItsSession); // the crash left the file behind
        QVERIFY(window.diagramPane()->model().toText().contains(QStringLiteral("stale lock")));
    }
    while (replayer->position() > 0) {
        replayer->stepBack();
        QCOMPARE(views(window), seen.at(replayer->position()));
    }
    QCOMPARE(liveFiles(), liveBefore);
}

// In class, at event 22 of the stale-lock replay the maildrop pane said the lock was "left by
// session 1 of this window's own server (process 24512, still running)": 24512 was the live
// window's pid (the scratch lock file is written by this process), while the trace says pid 20670
// on lab-pc, whose session is gone. A replay tells the recorded holder, never the live process.
void TestReplayPane::staleLockIsTheRecordedHoldersNotTheLiveProcess()
{
    MainWindow window(m_lab->services.get());
    window.show();
    ReplayPane *replay = window.replayPane();
    QString error;
    QVERIFY2(replay->loadScenario(QStringLiteral("stale-lock"), &error), qPrintable(error));
    pop3::TraceReplayer *replayer = replay->replayer();
    const QString livePid = QString::number(QCoreApplication::applicationPid());
    int staleSteps = 0;
    while (replayer->position() < replayer->count()) {
        replayer->stepForward();
        replay->flush();
        const QString words = replay->maildropPane()->lockText();
        if (!words.contains(QLatin1String("Stale lock file")))
            continue;
        ++staleSteps;
        const QString at = QStringLiteral("event %1: %2").arg(replayer->position()).arg(words);
        QVERIFY2(words.contains(QLatin1String("pid 20670 on lab-pc")), qPrintable(at));
        QVERIFY2(words.contains(QLatin1String("session is gone")), qPrintable(at));
        QVERIFY2(words.contains(QLatin1String("killed")), qPrintable(at)); // the teacher's fault
        for (const QString &live :
            {livePid, QStringLiteral("still running"), QStringLiteral("this window")})
            QVERIFY2(!words.contains(live), qPrintable(live + QStringLiteral(" in ") + at));
    }
    QVERIFY(staleSteps > 0); // from the crash to the login that clears it (event 22 among them)
}

void TestReplayPane::spaceStepsInTheDiagram()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lock-conflict")));
    SequenceView *view = window.diagramPane()->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Space);
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(replay->replayer()->position(), 2);
    QTest::keyClick(view, Qt::Key_Space, Qt::ShiftModifier);
    QCOMPARE(replay->replayer()->position(), 1);
}

void TestReplayPane::backToLiveEndsTheReplay()
{
    MainWindow window(m_lab->services.get());
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("dropped-connection")));
    replay->replayer()->toEnd();
    QVERIFY(window.diagramPane()->model().rowCount() > 0);
    window.diagramPane()->showLive(); // the banner's "Back to live"
    QVERIFY(!replay->isActive());
    QVERIFY(!window.diagramPane()->isShowingTrace());
    QVERIFY(window.diagramPane()->bannerText().isEmpty());
}

void TestReplayPane::replaysThisSessionSoFar()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("dele 3")).startsWith("+OK"));
    const qsizetype liveEvents = m_lab->services->log()->size();
    ReplayPane *replay = window.replayPane();
    replay->loadLiveLog();
    QCOMPARE(replay->replayer()->count(), liveEvents);
    replay->replayer()->toEnd();
    QVERIFY(replay->transcript().contains(QStringLiteral("C: dele 3")));
    QVERIFY(replay->maildropPane()->model()->isMarked(2));
    // The live session goes on, untouched by the replay.
    QVERIFY(typeLine(view, QStringLiteral("stat")).startsWith("+OK 34 "));
    QCOMPARE(replay->replayer()->count(), liveEvents);
}

QTEST_MAIN(TestReplayPane)
#include "tst_replaypane.moc"
