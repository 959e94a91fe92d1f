// What a tester found giving a 45-minute class from pop3lab at 1280×720 (issue 13, "In front of
// a class"): behaviour, not layout. Each test drives the real window offscreen, against the real
// built-in server over TCP on 127.0.0.1.

#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/mainwindow.h"
#include "app/presentation/presentationmode.h"
#include "app/replay/replaypane.h"
#include "events/tracereplayer.h"
#include "support/labfixture.h"
#include "support/projectorscreen.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QScreen>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

using pop3::SequenceModel;

class TestInClass : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void droppedConnectionSaysTheTeacherDroppedIt();
    void diagramMasksThePasswordAsTheReplayDoes();
    void followResumesLikeATerminal();
    void pageUpScrollsTheDiagramNotTheTabs();
    void arrowKeysStartFromWhatIsShown();
    void replayButtonOpensWithReturn();
    void replayAtEventZeroSaysWhereItIs();
    void finishedReplayStaysPausedWithAWayBack();

private:
    // A window in presentation mode with a logged-in terminal (the class's setting).
    TerminalView *loggedIn(MainWindow &window);
    std::unique_ptr<LabFixture> m_lab;
};

void TestInClass::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

TerminalView *TestInClass::loggedIn(MainWindow &window)
{
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    if (!waitGreeting(view))
        return nullptr;
    window.show();
    if (!QTest::qWaitForWindowActive(&window))
        return nullptr;
    window.presentation()->setActive(true);
    if (!typeLine(view, QStringLiteral("user student")).startsWith("+OK")
        || !typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"))
        return nullptr;
    return view;
}

// Faults › Drop This Connection Now: the terminal said "a network error on the server's side".
// It was the teacher, on purpose.
void TestInClass::droppedConnectionSaysTheTeacherDroppedIt()
{
    MainWindow window(m_lab->services.get());
    TerminalView *view = loggedIn(window);
    QVERIFY(view);
    QSignalSpy ended(view->session(), &TerminalSession::ended);
    QVERIFY(m_lab->services->dropSession(view->session()->sessionId()).ok);
    QVERIFY(ended.wait());
    const QString text = view->session()->transcript().toText(false);
    QVERIFY2(!text.contains(QStringLiteral("network error")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("the teacher dropped this connection")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("on purpose")), qPrintable(text));
}

// The live diagram drew "PASS hessovs!" on the projector while the replay of the same session
// drew "PASS ********" (issue 12's rule: traces hide PASS). The student's own terminal still
// shows what was typed.
void TestInClass::diagramMasksThePasswordAsTheReplayDoes()
{
    MainWindow window(m_lab->services.get());
    TerminalView *view = loggedIn(window);
    QVERIFY(view);
    const auto passLabel = [](const SequenceModel &model) {
        for (qsizetype i = 0; i < model.rowCount(); ++i) {
            if (model.row(i).kind == SequenceModel::RowKind::Command
                && model.row(i).text.startsWith(QStringLiteral("pass"), Qt::CaseInsensitive))
                return model.label(i);
        }
        return QString();
    };
    QTRY_VERIFY(!passLabel(window.diagramPane()->model()).isEmpty());
    const QString live = passLabel(window.diagramPane()->model());
    QVERIFY2(!live.contains(QStringLiteral("hessovs")), qPrintable(live));
    QVERIFY2(live.contains(QStringLiteral("********")), qPrintable(live));
    QVERIFY(!window.diagramPane()->model().toText().contains(QStringLiteral("hessovs")));
    QVERIFY(view->session()->transcript().toText(false).contains(QStringLiteral("hessovs!")));
    window.replayPane()->loadLiveLog();
    window.replayPane()->replayer()->toEnd();
    QTRY_VERIFY(!passLabel(window.diagramPane()->model()).isEmpty());
    QCOMPARE(passLabel(window.diagramPane()->model()), live);
}

// A student's walk (issue 11, D3): a row selected long ago, then commands while following, then
// Up in the diagram jumped back to the row above the old selection, off screen (another
// session's, whose tab the terminal then showed) and stopped following. Up starts from the
// newest rows, the ones on screen.
void TestInClass::arrowKeysStartFromWhatIsShown()
{
    MainWindow window(m_lab->services.get());
    TerminalView *view = loggedIn(window);
    QVERIFY(view);
    SequenceView *diagram = window.diagramPane()->view();
    diagram->flush();
    const qsizetype old = window.diagramPane()->model().visibleRow(1); // the greeting, near the top
    diagram->selectRow(old);
    diagram->setFollowing(true);
    QScrollBar *bar = diagram->verticalScrollBar();
    for (int i = 0; i < 30 && bar->value() < diagram->viewport()->height() * 2; ++i) {
        QVERIFY(typeLine(view, QStringLiteral("noop")).startsWith("+OK"));
        diagram->flush();
    }
    const auto [first, last] = diagram->paintedRange();
    const qsizetype oldVisible = window.diagramPane()->model().visibleIndexOf(old);
    QVERIFY2(oldVisible < first, "the old selection should be off screen by now");
    diagram->setFocus();
    QTest::keyClick(diagram, Qt::Key_Up);
    const qsizetype now = window.diagramPane()->model().visibleIndexOf(diagram->selectedRow());
    QVERIFY2(now >= first && now <= last,
        qPrintable(QStringLiteral("Up selected visible row %1, the screen shows %2 to %3")
                       .arg(now)
                       .arg(first)
                       .arg(last)));
    QVERIFY(now >= window.diagramPane()->model().visibleCount() - 3); // just above the newest
}

// Follow stopped after a click on a row, with no obvious way back. Like a terminal: a click
// selects and follow goes on; scrolling back stops it; the bottom, End or Follow resumes it.
void TestInClass::followResumesLikeATerminal()
{
    MainWindow window(m_lab->services.get());
    TerminalView *view = loggedIn(window);
    QVERIFY(view);
    SequenceView *diagram = window.diagramPane()->view();
    QScrollBar *bar = diagram->verticalScrollBar();
    for (int i = 0; i < 12 && bar->maximum() < diagram->viewport()->height(); ++i) {
        QVERIFY(typeLine(view, QStringLiteral("noop")).startsWith("+OK"));
        diagram->flush(); // the frame that lays the new rows out
        QCOMPARE(bar->value(), bar->maximum());
    }
    QVERIFY(bar->maximum() > 0);
    QVERIFY(diagram->isFollowing());
    // A click on a row in the middle of the pane: selected, still following.
    const QPoint middle(diagram->viewport()->width() / 3, diagram->viewport()->height() / 2);
    qsizetype row = -1;
    for (int dy = 0; dy < 200 && row < 0; dy += 4)
        row = diagram->rowAt(middle + QPoint(0, dy));
    QVERIFY(row >= 0);
    QPoint at = middle;
    while (diagram->rowAt(at) != row)
        at.ry() += 4;
    QTest::mouseClick(diagram->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(diagram->selectedRow(), row);
    QVERIFY2(diagram->isFollowing(), "a click stopped following");
    QVERIFY(typeLine(view, QStringLiteral("stat")).startsWith("+OK"));
    diagram->flush();
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(diagram->selectedRow(), row); // the selection stays where it was clicked
    // A row half under the lanes' header, at the top: clicked, it selects, and nothing moves.
    const int top = int(SequencePainter::headerHeight * diagram->zoom()) + 2;
    QPoint high(diagram->viewport()->width() / 3, top);
    while (diagram->rowAt(high) < 0 && high.y() < diagram->viewport()->height() / 2)
        high.ry() += 2;
    const int value = bar->value();
    QTest::mouseClick(diagram->viewport(), Qt::LeftButton, {}, high);
    QCOMPARE(bar->value(), value);
    QVERIFY2(diagram->isFollowing(), "a click at the top stopped following");

    // Scrolling back stops it; new rows leave the view where it is.
    diagram->setFocus();
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!diagram->isFollowing());
    const int back = bar->value();
    QVERIFY(typeLine(view, QStringLiteral("noop")).startsWith("+OK"));
    diagram->flush();
    QVERIFY(bar->maximum() > back + 1);
    QCOMPARE(bar->value(), back);
    // The obvious way back: a "follow" button on the diagram while it does not follow.
    auto *resume = diagram->findChild<QToolButton *>(QStringLiteral("diagramResumeFollow"));
    QVERIFY(resume);
    QTRY_VERIFY(resume->isVisible());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(diagram->isFollowing());
    QCOMPARE(bar->value(), bar->maximum());
    QTRY_VERIFY(!resume->isVisible());
    // End resumes too, and scrolling down to the bottom.
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!diagram->isFollowing());
    QTest::keyClick(diagram, Qt::Key_End);
    QVERIFY(diagram->isFollowing());
    bar->triggerAction(QAbstractSlider::SliderPageStepSub);
    QVERIFY(!diagram->isFollowing());
    bar->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(diagram->isFollowing());
}

// Page Up in the diagram switched the terminal's tab (the selection moved a page, onto another
// session's row, and the terminal showed that session) instead of scrolling the diagram.
void TestInClass::pageUpScrollsTheDiagramNotTheTabs()
{
    MainWindow window(m_lab->services.get());
    TerminalView *first = loggedIn(window);
    QVERIFY(first);
    TerminalPane *terminal = window.terminalPane();
    TerminalView *second = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(second));
    QVERIFY(typeLine(second, QStringLiteral("user barakirs")).startsWith("+OK"));
    QVERIFY(typeLine(second, QStringLiteral("pass blacksun")).startsWith("+OK"));
    for (int i = 0; i < 8; ++i) {
        QVERIFY(typeLine(first, QStringLiteral("noop")).startsWith("+OK"));
        QVERIFY(typeLine(second, QStringLiteral("noop")).startsWith("+OK"));
    }
    auto *tabs = terminal->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->currentIndex(), 1);
    SequenceView *diagram = window.diagramPane()->view();
    QScrollBar *bar = diagram->verticalScrollBar();
    diagram->flush();
    QVERIFY(bar->maximum() > diagram->viewport()->height() / 2);
    QCOMPARE(bar->value(), bar->maximum());
    diagram->setFocus();
    QTRY_VERIFY(diagram->hasFocus());
    const int before = bar->value();
    QTest::keyClick(diagram, Qt::Key_PageUp);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY2(bar->value() < before, qPrintable(QString::number(bar->value())));
    QVERIFY(!diagram->isFollowing());
    QTest::keyClick(diagram, Qt::Key_PageUp);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(diagram->hasFocus());
    QTest::keyClick(diagram, Qt::Key_PageDown);
    QTest::keyClick(diagram, Qt::Key_PageDown);
    QTest::keyClick(diagram, Qt::Key_PageDown);
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(diagram->isFollowing()); // at the bottom: following again
    // Ctrl+Page Up is still the terminal's, from the terminal.
    second->setFocus();
    QTRY_VERIFY(second->hasFocus());
    QTest::keyClick(second, Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
}

// The Replay… button did nothing on Return or Enter (only Space or a click opened its menu).
void TestInClass::replayButtonOpensWithReturn()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.findChild<QDockWidget *>(QStringLiteral("replayDock"))->show();
    auto *button = window.replayPane()->findChild<QToolButton *>(QStringLiteral("replaySource"));
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    for (Qt::Key key : {Qt::Key_Return, Qt::Key_Enter}) {
        button->activateWindow();
        button->setFocus(Qt::TabFocusReason);
        QMenu *menu = button->menu();
        QTimer::singleShot(0, this, [menu] {
            QTRY_VERIFY(menu->isVisible());
            menu->close();
        });
        QSignalSpy shown(menu, &QMenu::aboutToShow);
        QTest::keyClick(button, key);
        QTRY_COMPARE(shown.size(), 1);
    }
}

// At event 0 of a replay the diagram said "No POP3 traffic yet. Connect a terminal…": not true
// of a replay.
void TestInClass::replayAtEventZeroSaysWhereItIs()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.diagramPane()->view()->placeholderText().isEmpty(), false);
    QVERIFY(window.diagramPane()->view()->placeholderText().contains(QStringLiteral("Connect")));
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lab-sheet")));
    const qsizetype count = replay->replayer()->count();
    const QString words = window.diagramPane()->view()->placeholderText();
    QVERIFY2(!words.contains(QStringLiteral("Connect")), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("0 of %1").arg(count)), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("Space")), qPrintable(words));
    replay->stop();
    QVERIFY(window.diagramPane()->view()->placeholderText().contains(QStringLiteral("Connect")));
}

// A finished --demo left the replay's column open while the docs said the terminal came back.
// Now, as documented: it stays paused on its last event, says it is finished and how to go back
// (Esc or Back to live), and Esc brings the live terminal back.
void TestInClass::finishedReplayStaysPausedWithAWayBack()
{
    MainWindow window(m_lab->services.get());
    TerminalView *view = loggedIn(window);
    QVERIFY(view);
    ReplayPane *replay = window.replayPane();
    QVERIFY(replay->loadScenario(QStringLiteral("lock-conflict")));
    replay->setPace(ReplayPane::Pace::Fast);
    QSignalSpy finished(replay->replayer(), &pop3::TraceReplayer::finished);
    replay->replayer()->play(); // as --demo does
    QVERIFY(finished.wait(20000));
    QVERIFY(replay->isActive());
    QCOMPARE(replay->replayer()->position(), replay->replayer()->count());
    QVERIFY(!view->isVisible()); // the replay's column is still there, on its last event
    const QString banner = window.diagramPane()->bannerText();
    QVERIFY2(banner.contains(QStringLiteral("finished")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Esc")), qPrintable(banner));
    view->setFocus(); // wherever the focus is
    QTest::keyClick(
        QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Escape);
    QTRY_VERIFY(!replay->isActive());
    QVERIFY(!window.diagramPane()->isShowingReplay());
    QTRY_VERIFY(view->isVisible());
    // With no replay, Esc is not taken from anyone.
    QVERIFY(!replay->stopAction()->isEnabled());
}

POP3LAB_PROJECTOR_TEST_MAIN(TestInClass)

#include "tst_inclass.moc"
