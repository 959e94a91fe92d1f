// The replay's controls in front of a class (issue 13, a teacher's trial at 1280×720): in
// presentation mode the replay has a place of its own where every control, the scrubber and the
// maildrop's rows are in view; Play becomes Pause while it plays; its keys reach it wherever the
// focus is, never a live terminal; a replayed arrow picked in the diagram selects the replay's
// line, not a live one.

#include "app/diagram/diagrampane.h"
#include "app/maildrop/maildropmodel.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "app/presentation/presentationmode.h"
#include "app/replay/replaypane.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"
#include "support/labfixture.h"
#include "support/projectorscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QScreen>
#include <QSlider>
#include <QStyleOptionSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

class TestReplayControls : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void replayHasAColumnInPresentationMode();
    void playBecomesPause();
    void pPlaysInTheOneKeyPressPace();
    void replayKeysNeverReachALiveTerminal();
    void pickedArrowSelectsTheReplayLine();
    void noEmptyReplayPaneAfterPresentationMode();

private:
    static QToolButton *buttonOf(ReplayPane *pane, QAction *action);
    std::unique_ptr<LabFixture> m_lab;
};

void TestReplayControls::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

QToolButton *TestReplayControls::buttonOf(ReplayPane *pane, QAction *action)
{
    for (QToolButton *b : pane->findChildren<QToolButton *>()) {
        if (b->defaultAction() == action)
            return b;
    }
    return nullptr;
}

// At 1280×720 the replay dock was about 190 pixels wide under the terminal: the speed went into a
// toolbar's overflow menu, the scrubber was 40 pixels long (a drag went to the end) and the
// maildrop's rows were cut off.
void TestReplayControls::replayHasAColumnInPresentationMode()
{
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 720));
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    replay->replayer()->seek(20); // a DELE struck, a few rows to show
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("replayDock"));
    QTRY_VERIFY(dock->isVisible());
    QTRY_VERIFY2(dock->width() >= 1280 * 2 / 5, qPrintable(QString::number(dock->width())));
    const QRect windowRect = window.rect();
    const auto inView = [&](QWidget *w) {
        return w->isVisible()
            && windowRect.contains(QRect(w->mapTo(&window, QPoint(0, 0)), w->size()));
    };
    // Every control in view, the speed above all.
    auto *pace = replay->findChild<QComboBox *>(QStringLiteral("replayPace"));
    QVERIFY(pace);
    QVERIFY2(inView(pace), "the speed control is not in view");
    for (QAction *a : replay->keyActions()) {
        QToolButton *b = buttonOf(replay, a);
        QVERIFY2(b && inView(b), qPrintable(a->text()));
    }
    // A scrubber long enough to follow a hand: dragged to its middle, the replay is half-way.
    auto *scrubber = replay->findChild<QSlider *>(QStringLiteral("replayScrubber"));
    QVERIFY(inView(scrubber));
    QVERIFY2(scrubber->width() >= 400, qPrintable(QString::number(scrubber->width())));
    QStyleOptionSlider option;
    option.initFrom(scrubber);
    option.orientation = Qt::Horizontal;
    option.minimum = scrubber->minimum();
    option.maximum = scrubber->maximum();
    option.sliderPosition = scrubber->sliderPosition();
    option.sliderValue = scrubber->value();
    const QRect handle = scrubber->style()->subControlRect(
        QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, scrubber);
    QTest::mousePress(scrubber, Qt::LeftButton, {}, handle.center());
    const int count = int(replay->replayer()->count());
    for (int x = handle.center().x(); x >= scrubber->width() / 2; x -= 20) {
        QMouseEvent move(QEvent::MouseMove,
            QPointF(x, handle.center().y()),
            scrubber->mapToGlobal(QPointF(x, handle.center().y())),
            Qt::NoButton,
            Qt::LeftButton,
            Qt::NoModifier);
        QApplication::sendEvent(scrubber, &move);
    }
    QTest::mouseRelease(scrubber, Qt::LeftButton, {}, QPoint(scrubber->width() / 2, handle.y()));
    const qsizetype middle = replay->replayer()->position();
    QVERIFY2(middle > count / 4 && middle < count * 3 / 4,
        qPrintable(QStringLiteral("at %1 of %2").arg(middle).arg(count)));
    // The maildrop's rows: at least five whole rows of its table in view.
    auto *table = replay->maildropPane()->findChild<QTableView *>();
    QVERIFY(table);
    QVERIFY(inView(table));
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    QVERIFY2(table->viewport()->height() >= 5 * rowHeight,
        qPrintable(QStringLiteral("%1 px for rows of %2")
                       .arg(table->viewport()->height())
                       .arg(rowHeight)));
}

// While playing, the button says Pause in every way it can be perceived.
void TestReplayControls::playBecomesPause()
{
    MainWindow window(m_lab->services.get());
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lock-conflict")));
    replay->setClassPaceMs(60000); // no event comes during the test
    replay->setPace(ReplayPane::Pace::Class);
    QAction *play = replay->playPauseAction();
    QToolButton *button = buttonOf(replay, play);
    QVERIFY(button);
    QVERIFY(button->text().contains(QStringLiteral("Play")));
    QCOMPARE(button->accessibleName(), QStringLiteral("Play"));
    const qint64 playIcon = play->icon().cacheKey();
    play->trigger();
    QVERIFY(replay->replayer()->isPlaying());
    QVERIFY2(button->text().contains(QStringLiteral("Pause")), qPrintable(button->text()));
    QCOMPARE(button->accessibleName(), QStringLiteral("Pause"));
    QVERIFY2(button->toolTip().contains(QStringLiteral("Pause")), qPrintable(button->toolTip()));
    QVERIFY(!play->icon().isNull());
    QVERIFY(play->icon().cacheKey() != playIcon);
    play->trigger();
    QVERIFY(!replay->replayer()->isPlaying());
    QVERIFY(button->text().contains(QStringLiteral("Play")));
    QCOMPARE(button->accessibleName(), QStringLiteral("Play"));
}

// The hint at event 0 says "P to play them all", but in the default pace ("One event per key
// press") P did nothing: Play was disabled. A teacher pressing P wants the replay to go on by
// itself: it takes the class pace, and the pace list says so.
void TestReplayControls::pPlaysInTheOneKeyPressPace()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    replay->setClassPaceMs(60000); // no event comes during the test
    auto *pace = replay->findChild<QComboBox *>(QStringLiteral("replayPace"));
    QVERIFY(pace);
    QCOMPARE(pace->currentData().toInt(), int(ReplayPane::Pace::KeyPress)); // the default
    QTest::keyClick(&window, Qt::Key_P);
    QVERIFY2(replay->replayer()->isPlaying(), "P did not play in the one-key-press pace");
    QCOMPARE(pace->currentData().toInt(), int(ReplayPane::Pace::Class));
    QTest::keyClick(&window, Qt::Key_P);
    QVERIFY(!replay->replayer()->isPlaying());
    // Space still steps, whatever the pace.
    const qsizetype at = replay->replayer()->position();
    QTest::keyClick(&window, Qt::Key_Space);
    QCOMPARE(replay->replayer()->position(), at + 1);
}

// `pop3lab --presentation --demo lab-sheet`: the focus is in the live terminal; P and Space were
// typed into the live session instead of pausing and stepping the demo.
void TestReplayControls::replayKeysNeverReachALiveTerminal()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    replay->setClassPaceMs(60000);
    replay->setPace(ReplayPane::Pace::Class);
    replay->replayer()->play(); // as --demo does
    QVERIFY(replay->replayer()->isPlaying());
    view->show();
    view->activateWindow();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    const qsizetype liveEvents = m_lab->services->log()->size();
    QTest::keyClick(view, Qt::Key_P);
    QVERIFY2(!replay->replayer()->isPlaying(), "P did not pause the demo");
    const qsizetype at = replay->replayer()->position();
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(replay->replayer()->position(), at + 1);
    QTest::keyClick(view, Qt::Key_Space, Qt::ShiftModifier);
    QCOMPARE(replay->replayer()->position(), at);
    QVERIFY2(view->editLine().isEmpty(), qPrintable(view->editLine()));
    QCOMPARE(m_lab->services->log()->size(), liveEvents);
    // Back to live: the keys are the terminal's again.
    replay->stop();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_P);
    QCOMPARE(view->editLine(), QStringLiteral("p"));
}

// A replayed arrow clicked in the diagram selected a line of the live terminal (the replay's
// event numbers are not the live log's).
void TestReplayControls::pickedArrowSelectsTheReplayLine()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    view->setExtraSelections({});
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    replay->replayer()->toEnd();
    // The replay's "USER student" line (after the lab sheet's "USER: student" typo).
    quint64 seq = 0;
    for (const pop3::Event &e : replay->log()->events()) {
        if (e.kind == pop3::EventKind::ClientLine && e.bytes.startsWith("USER student"))
            seq = e.seq;
    }
    QVERIFY(seq > 0);
    emit window.diagramPane()->eventActivated(seq);
    QVERIFY2(view->extraSelections().isEmpty(), "a live terminal line was selected");
    QVERIFY2(replay->selectedTranscriptLine().contains(QStringLiteral("C: USER student")),
        qPrintable(replay->selectedTranscriptLine()));
    // Live again: a live arrow selects its terminal line as before.
    replay->stop();
    quint64 live = 0;
    for (const pop3::Event &e : m_lab->services->log()->events()) {
        if (e.kind == pop3::EventKind::ClientLine && e.bytes.startsWith("user student"))
            live = e.seq;
    }
    emit window.diagramPane()->eventActivated(live);
    QCOMPARE(view->extraSelections().size(), 1);
}

// F11 out of a presentation where a replay had ended brought back an empty replay pane.
void TestReplayControls::noEmptyReplayPaneAfterPresentationMode()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    ReplayPane *replay = window.replayPane();
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("replayDock"));
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    QVERIFY(dock->isVisible());
    window.presentation()->setActive(true);
    QVERIFY(dock->isVisible());
    QVERIFY(!window.terminalPane()->isVisible()); // the replay in the live terminal's place
    replay->stop();
    QVERIFY(!dock->isVisible());
    QVERIFY(window.terminalPane()->isVisible());
    window.presentation()->setActive(false);
    QVERIFY(!dock->isVisible());
    QVERIFY(window.terminalPane()->isVisible());
}

POP3LAB_PROJECTOR_TEST_MAIN(TestReplayControls)

#include "tst_replaycontrols.moc"
