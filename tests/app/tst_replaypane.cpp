// Replay, step by step (issue 13): a scenario plays into a log of its own; the diagram, the
// replay's transcript and its maildrop pane move together; a step back leaves every view exactly
// as it was one event earlier; and the live server, log and mailbox are never touched.

#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/maildrop/maildropmodel.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "app/replay/replaypane.h"
#include "events/tracereplayer.h"
#include "mail/mailstore.h"
#include "support/labfixture.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>

class TestReplayPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyScenarioLoads();
    void stepBackUndoesExactlyOneEventInEveryView();
    void spaceStepsInTheDiagram();
    void backToLiveEndsTheReplay();
    void replaysThisSessionSoFar();

private:
    // Everything a view shows of the replay, to compare before and after a step.
    static QStringList views(MainWindow &window);
    // The live mailbox as files: names and sizes, and whether its lock file exists.
    QStringList liveFiles() const;
    std::unique_ptr<LabFixture> m_lab;
};

void TestReplayPane::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

QStringList TestReplayPane::views(MainWindow &window)
{
    QStringList out;
    const pop3::SequenceModel &model = window.diagramPane()->model();
    for (qsizetype row = 0; row < model.rowCount(); ++row)
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
