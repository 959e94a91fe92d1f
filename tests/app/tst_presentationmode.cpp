#include "app/diagram/diagrampane.h"
#include "app/diagram/sequencepainter.h"
#include "app/diagram/sequenceview.h"
#include "app/lessons/lessonpane.h"
#include "app/maildrop/maildroppane.h"
#include "app/mainwindow.h"
#include "app/presentation/presentationmode.h"
#include "app/replay/replaypane.h"
#include "app/translations.h"
#include "support/labfixture.h"
#include "support/projectorscreen.h"

#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QFontInfo>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>

// Presentation mode (issue 13): F11 enters a full-screen room layout where one zoom scales every
// pane together, and the same key gives the window back exactly as it was.
class TestPresentationMode : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyPaneGrowsWithTheOneZoom();
    void diagramLabelsAreAtLeastTheTerminalText();
    void theSameKeyRestoresTheLayout();
    void roomLayoutShowsTerminalAndDiagram();
    void diagramShowsEveryLaneAt1280x720_data();
    void diagramShowsEveryLaneAt1280x720();
    void highContrastIsUndone();
    void laneHeadersReachWcagContrast();
    void oneZoomScalesBannersMenusAndDialogs();
    void whatTheClassReadsIsAsLargeAsTheTerminal();
    void theExplanationIsWholeInARoom_data();
    void theExplanationIsWholeInARoom();
    void leavingKeepsTheTerminalAtItsEnd();

private:
    struct Sizes
    {
        qreal terminal, diagramLabels, maildrop, lessons, captions, menu, rawMessage, rowHeight,
            replay;
    };

    static Sizes sizes(MainWindow &window);
    std::unique_ptr<LabFixture> m_lab;
};

void TestPresentationMode::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

TestPresentationMode::Sizes TestPresentationMode::sizes(MainWindow &window)
{
    const SequenceView *view = window.diagramPane()->view();
    return {qreal(QFontInfo(window.terminalPane()->currentView()->font()).pixelSize()),
        view->diagram().labelFont().pixelSize() * view->zoom(),
        qreal(QFontInfo(window.maildropPane()->font()).pixelSize()),
        qreal(QFontInfo(window.lessonPane()->font()).pixelSize()),
        qreal(QFontInfo(window.diagramPane()->font()).pixelSize()),
        qreal(QFontInfo(window.menuBar()->font()).pixelSize()),
        qreal(QFontInfo(
            window.maildropPane()->findChild<QWidget *>(QStringLiteral("rawView"))->font())
                  .pixelSize()),
        qreal(window.maildropPane()
                  ->findChild<QTableView *>(QStringLiteral("messageView"))
                  ->verticalHeader()
                  ->defaultSectionSize()),
        qreal(QFontInfo(
            window.replayPane()->findChild<QWidget *>(QStringLiteral("replayTranscript"))->font())
                  .pixelSize())};
}

void TestPresentationMode::everyPaneGrowsWithTheOneZoom()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    QVERIFY(waitGreeting(terminal->openSession(terminal->builtinSettings())));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const Sizes before = sizes(window);

    // Entering starts at the window's own sizes (the terminal keeps its 72 columns at 1280×720,
    // see tst_presentationroom): the diagram grows to the terminal's text, nothing shrinks.
    window.presentation()->setActive(true);
    const Sizes entered = sizes(window);
    QCOMPARE_GE(entered.terminal, before.terminal);
    QCOMPARE_GT(entered.diagramLabels, before.diagramLabels);
    QCOMPARE_GE(entered.maildrop, before.maildrop);
    QCOMPARE_GE(entered.lessons, before.lessons);
    QCOMPARE_GE(entered.captions, before.captions);
    QCOMPARE_GE(entered.menu, before.menu);
    QCOMPARE_GE(entered.rawMessage, before.rawMessage);
    QCOMPARE_GE(entered.rowHeight, before.rowHeight);
    QCOMPARE_GE(entered.replay, before.replay);

    // Ctrl++ is the one zoom now: every pane grows again, together.
    QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
    const Sizes larger = sizes(window);
    QCOMPARE_GT(larger.terminal, entered.terminal);
    QCOMPARE_GT(larger.diagramLabels, entered.diagramLabels);
    QCOMPARE_GT(larger.maildrop, entered.maildrop);
    QCOMPARE_GT(larger.lessons, entered.lessons);
    QCOMPARE_GT(larger.captions, entered.captions);
    QCOMPARE_GT(larger.menu, entered.menu);
    QCOMPARE_GT(larger.rawMessage, entered.rawMessage);
    QCOMPARE_GT(larger.rowHeight, entered.rowHeight);
    QCOMPARE_GT(larger.replay, entered.replay);
    QCOMPARE_GT(window.presentation()->zoom(), PresentationMode::defaultZoom);
}

// At 1.0× the explanation under the diagram, the lesson's text and questions and the banners
// were the window's 12 px beside a 17 px terminal: unreadable from the back of the room. They are
// what the class reads (the menus, the tool buttons and the status line are the teacher's, and
// keep the one zoom). Leaving gives them their own size back.
void TestPresentationMode::whatTheClassReadsIsAsLargeAsTheTerminal()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    QVERIFY(waitGreeting(terminal->openSession(terminal->builtinSettings())));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QStringList reading{QStringLiteral("stepDetails"),
        QStringLiteral("stepView"),
        QStringLiteral("lessonFeedback"),
        QStringLiteral("questionLabel"),
        QStringLiteral("traceBannerText"),
        QStringLiteral("replayBanner")};
    QHash<QString, int> before;
    for (const QString &name : reading) {
        QWidget *w = window.findChild<QWidget *>(name);
        QVERIFY2(w, qPrintable(name));
        before.insert(name, QFontInfo(w->font()).pixelSize());
    }
    window.presentation()->setActive(true);
    QCOMPARE(window.presentation()->zoom(), PresentationMode::defaultZoom);
    const int text = QFontInfo(terminal->currentView()->font()).pixelSize();
    for (const QString &name : reading) {
        const int pixels = QFontInfo(window.findChild<QWidget *>(name)->font()).pixelSize();
        QVERIFY2(pixels >= text,
            qPrintable(QStringLiteral("%1: %2 px beside the terminal's %3 px")
                           .arg(name)
                           .arg(pixels)
                           .arg(text)));
    }
    // Ctrl++ makes them larger still, with the terminal.
    QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
    const int larger = QFontInfo(terminal->currentView()->font()).pixelSize();
    QCOMPARE_GT(larger, text);
    for (const QString &name : reading)
        QCOMPARE_GE(QFontInfo(window.findChild<QWidget *>(name)->font()).pixelSize(), larger);
    window.presentation()->setActive(false);
    for (const QString &name : reading)
        QCOMPARE(
            QFontInfo(window.findChild<QWidget *>(name)->font()).pixelSize(), before.value(name));
}

void TestPresentationMode::theExplanationIsWholeInARoom_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// Teacher's class: under the diagram the explanation of the selected arrow showed about three
// lines, its RFC line cut in half (in French the five-line caption hid it), with no key to
// scroll it. In a room the pane takes the height its text needs (up to 45 % of the column).
void TestPresentationMode::theExplanationIsWholeInARoom()
{
    QFETCH(QString, language);
    const QLocale locale(language);
    QLocale::setDefault(locale);
    Translations translations;
    translations.install(locale);
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *first = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(first));
    for (const char *line : {"user student", "pass hessovs!", "stat", "list"})
        QVERIFY(typeLine(first, QString::fromLatin1(line)).startsWith("+OK"));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    SequenceView *view = window.diagramPane()->view();
    view->flush();
    const pop3::SequenceModel &model = window.diagramPane()->model();
    qsizetype listReply = -1;
    for (qsizetype row = 0; row < model.rowCount(); ++row) {
        if (model.row(row).kind == pop3::SequenceModel::RowKind::Reply
            && model.label(row).contains(QLatin1String("35 ")))
            listReply = row; // the last: LIST's
    }
    QVERIFY(listReply >= 0);
    view->selectRow(listReply);
    auto *details = window.findChild<QTextBrowser *>(QStringLiteral("stepDetails"));
    QVERIFY(details);
    QVERIFY(!model.rfcSection(listReply).isEmpty());
    QTRY_VERIFY(details->toPlainText().contains(model.rfcSection(listReply)));
    QTRY_COMPARE(details->verticalScrollBar()->maximum(), 0);
    // ...and the diagram keeps most of the column.
    QVERIFY(details->height() <= window.diagramPane()->height() * 45 / 100 + 1);
    window.presentation()->setActive(false);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPresentationMode::diagramLabelsAreAtLeastTheTerminalText()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    QVERIFY(waitGreeting(terminal->openSession(terminal->builtinSettings())));
    window.show();
    window.presentation()->setActive(true);
    for (int step = 0; step < 8; ++step) {
        const Sizes s = sizes(window);
        QVERIFY2(s.diagramLabels >= s.terminal,
            qPrintable(QStringLiteral("zoom %1: labels %2 px, terminal %3 px")
                           .arg(window.presentation()->zoom())
                           .arg(s.diagramLabels)
                           .arg(s.terminal)));
        window.presentation()->zoomBy(step < 4 ? +1 : -2);
    }
}

void TestPresentationMode::theSameKeyRestoresTheLayout()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    QVERIFY(waitGreeting(terminal->openSession(terminal->builtinSettings())));
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // A layout of the user's own: the lessons on top, the diagram zoomed by hand.
    window.findChild<QDockWidget *>(QStringLiteral("lessonsDock"))->raise();
    window.diagramPane()->view()->zoomIn(); // an explicit zoom: no more fit to width
    const QByteArray state = window.saveState();
    const QRect frame = window.frameGeometry();
    const QSize size = window.size();
    const Sizes before = sizes(window);
    const int points = terminal->fontPointSize();

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.presentation()->isActive());
    QTRY_VERIFY(window.isFullScreen());
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.presentation()->isActive());
    QTRY_VERIFY(!window.isFullScreen());

    QCOMPARE(window.saveState(), state);
    QTRY_COMPARE(window.size(), size);
    QTRY_COMPARE(window.frameGeometry(), frame);
    QCOMPARE(terminal->fontPointSize(), points);
    const Sizes after = sizes(window);
    QCOMPARE(after.terminal, before.terminal);
    QCOMPARE(after.diagramLabels, before.diagramLabels);
    QCOMPARE(after.maildrop, before.maildrop);
    QCOMPARE(after.lessons, before.lessons);
    QCOMPARE(after.captions, before.captions);
    QCOMPARE(after.menu, before.menu);
    QCOMPARE(after.rawMessage, before.rawMessage);
    QCOMPARE(after.rowHeight, before.rowHeight);
    QCOMPARE(after.replay, before.replay);
    QVERIFY(!window.diagramPane()->view()->fitsWidth());
    QVERIFY(!window.maildropPane()->testAttribute(Qt::WA_SetFont));
}

void TestPresentationMode::roomLayoutShowsTerminalAndDiagram()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    auto *diagram = window.findChild<QDockWidget *>(QStringLiteral("diagramDock"));
    auto *maildrop = window.findChild<QDockWidget *>(QStringLiteral("maildropDock"));
    QVERIFY(diagram->isVisible());
    QVERIFY(!diagram->isFloating());
    QVERIFY(window.terminalPane()->isVisible());
    QVERIFY(!maildrop->isVisible());
    // Side by side: the diagram right of the terminal, about half of the width each.
    QTRY_VERIFY(diagram->x() > window.terminalPane()->x());
    QTRY_VERIFY(diagram->width() > window.width() / 3);
    // The other panes are one key away (Ctrl+3: the maildrop).
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY(maildrop->isVisible());
}

void TestPresentationMode::diagramShowsEveryLaneAt1280x720_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// At 1280×720 (this test's screen) the maildrop's lane was a sideways scroll away: at the
// terminal's text size the diagram was wider than its pane. Now every lane — each client's, the
// built-in server's, the maildrop's with its lock band — is in the pane without a horizontal
// scroll bar, with one client and with two (a lock conflict), in English and in French, and the
// labels are still as large as the terminal's text.
void TestPresentationMode::diagramShowsEveryLaneAt1280x720()
{
    QFETCH(QString, language);
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 720));
    const QLocale locale(language);
    QLocale::setDefault(locale);
    Translations translations;
    translations.install(locale);
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *first = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(first));
    QVERIFY(typeLine(first, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(first, QStringLiteral("pass hessovs!")).startsWith("+OK")); // the lock
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    SequenceView *view = window.diagramPane()->view();
    const SequencePainter &painter = view->diagram();
    QTRY_VERIFY(view->viewport()->width() > 1280 / 3); // the terminal's 76 columns first

    const auto everyLaneInView = [&](int clients) {
        view->flush();
        QCOMPARE(window.diagramPane()->model().clientLaneCount(), clients);
        QVERIFY(!painter.hasTimeColumn());
        // Nothing to scroll to, once the main window's layout gave the diagram its new share (a
        // second client's lane takes columns from the terminal: a LayoutRequest later).
        QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
        // Qt shows or hides a scroll bar on a queued call after its range changes.
        QTRY_VERIFY(!view->horizontalScrollBar()->isVisible());
        const qreal zoom = view->zoom();
        const qreal width = view->viewport()->width();
        // Each client's lane with its header (its name) whole.
        const qreal headerHalf = (painter.laneStep() - 14) / 2;
        QCOMPARE_GE((painter.clientX(0) - headerHalf) * zoom, 0.0);
        QCOMPARE_LE(painter.clientX(clients - 1) * zoom, width);
        // The server's lane, and the maildrop's with its lock band (16 wide), inside the pane.
        QCOMPARE_LT(painter.serverX() * zoom, painter.maildropX() * zoom);
        QCOMPARE_LE((painter.maildropX() + 8) * zoom, width);
        QCOMPARE_LE(painter.size().width() * zoom, width);
        // ...and the pane inside the 1280-pixel screen.
        const QPoint right = view->viewport()->mapTo(&window, QPoint(int(width), 0));
        QCOMPARE_LE(right.x(), 1280);
        const Sizes s = sizes(window);
        QCOMPARE_GE(s.diagramLabels, s.terminal); // still as large as the terminal's text
    };
    everyLaneInView(1);
    if (QTest::currentTestFailed())
        return;

    // A second client while the first holds the lock (a lock conflict about to happen): two
    // client lanes.
    TerminalView *second = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(second));
    QVERIFY(typeLine(second, QStringLiteral("user student")).startsWith("+OK"));
    everyLaneInView(2);
    if (QTest::currentTestFailed())
        return;

    window.presentation()->setActive(false);
    QVERIFY(painter.hasTimeColumn());
    // Back in the window's own narrower column: the lanes are as close as that column needs
    // (compact only when the full gaps do not fit at a readable zoom).
    view->flush();
    QVERIFY(painter.size().width() * view->zoom() <= view->viewport()->width() + 1
        || !painter.isCompact());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPresentationMode::highContrastIsUndone()
{
    MainWindow window(m_lab->services.get());
    const QPalette before = QApplication::palette();
    window.presentation()->highContrastAction()->trigger();
    QVERIFY(window.presentation()->isHighContrast());
    QVERIFY(window.diagramPane()->view()->diagram().isHighContrast());
    QCOMPARE(QApplication::palette().color(QPalette::Text), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::white));
    window.presentation()->highContrastAction()->trigger();
    QVERIFY(!window.diagramPane()->view()->diagram().isHighContrast());
    QCOMPARE(QApplication::palette(), before);
}

// The lane headers' words are black on a tint of the lane's ink. With high contrast on, the
// client's header was 3.37:1 (black on a mid blue); WCAG asks 4.5:1 for text, in both palettes.
void TestPresentationMode::laneHeadersReachWcagContrast()
{
    MainWindow window(m_lab->services.get());
    const SequencePainter &painter = window.diagramPane()->view()->diagram();
    for (const bool strong : {true, false}) {
        window.presentation()->setHighContrast(strong);
        QCOMPARE(painter.isHighContrast(), strong);
        for (const QColor &ink : painter.headerInks()) {
            const qreal ratio =
                SequencePainter::contrastRatio(SequencePainter::headerFill(ink), Qt::black);
            QVERIFY2(ratio >= 4.5,
                qPrintable(
                    QStringLiteral("%1 on %2 (high contrast %3): %4:1")
                        .arg(QStringLiteral("black"), SequencePainter::headerFill(ink).name())
                        .arg(strong)
                        .arg(ratio, 0, 'f', 2)));
        }
    }
    // The formula itself: black on white is 21:1, a colour on itself 1:1.
    QCOMPARE(qRound(SequencePainter::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(SequencePainter::contrastRatio(Qt::red, Qt::red), 1.0);
}

// Ctrl++ in presentation mode scaled the terminal and the diagram, but not the banners (the
// replay's, the saved trace's: a style sheet stopped the font), the popup menus and the dialogs
// (windows of their own, which a parent's font does not reach) nor the diagram's caption.
void TestPresentationMode::oneZoomScalesBannersMenusAndDialogs()
{
    MainWindow window(m_lab->services.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.replayPane()->loadScenario(QStringLiteral("lab-sheet")));
    QMenu *fileMenu = window.menuBar()->actions().first()->menu();
    QVERIFY(fileMenu);
    const auto pixels = [&](QWidget *w) {
        return qreal(QFontInfo(w->font()).pixelSize());
    };
    const auto widgets = [&]() {
        QList<std::pair<QString, QWidget *>> list{
            {QStringLiteral("trace banner"),
                window.diagramPane()->findChild<QLabel *>(QStringLiteral("traceBannerText"))},
            {QStringLiteral("replay banner"),
                window.replayPane()->findChild<QLabel *>(QStringLiteral("replayBanner"))},
            {QStringLiteral("File menu"), fileMenu}};
        return list;
    };
    QHash<QString, qreal> before;
    for (const auto &[name, w] : widgets()) {
        QVERIFY2(w, qPrintable(name));
        before.insert(name, pixels(w));
    }
    QDialog before0(&window);
    const qreal dialogBefore = pixels(&before0);
    window.presentation()->setActive(true);
    QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
    const qreal zoom = window.presentation()->zoom();
    QVERIFY(zoom > PresentationMode::defaultZoom);
    for (const auto &[name, w] : widgets()) {
        QVERIFY2(pixels(w) >= before.value(name) * zoom * 0.9,
            qPrintable(QStringLiteral("%1: %2 px, was %3 px, zoom %4")
                           .arg(name)
                           .arg(pixels(w))
                           .arg(before.value(name))
                           .arg(zoom)));
    }
    QDialog dialog(&window);
    QVERIFY2(pixels(&dialog) >= dialogBefore * zoom * 0.9,
        qPrintable(QStringLiteral("dialog: %1 px, was %2").arg(pixels(&dialog)).arg(dialogBefore)));
    window.presentation()->setActive(false);
    for (const auto &[name, w] : widgets())
        QCOMPARE(pixels(w), before.value(name));
    QDialog after(&window);
    QCOMPARE(pixels(&after), dialogBefore);
}

// After F11 twice the terminal was scrolled away from its last line.
void TestPresentationMode::leavingKeepsTheTerminalAtItsEnd()
{
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(typeLine(view, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    QVERIFY(typeLine(view, QStringLiteral("list")).startsWith("+OK"));
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    window.presentation()->setActive(true);
    QTRY_VERIFY(window.isFullScreen());
    window.presentation()->setActive(false);
    QTRY_VERIFY2(bar->value() == bar->maximum(),
        qPrintable(QStringLiteral("at %1 of %2").arg(bar->value()).arg(bar->maximum())));
}

POP3LAB_PROJECTOR_TEST_MAIN(TestPresentationMode)

#include "tst_presentationmode.moc"
