// The diagram pane offscreen: exports, click-to-select, highlight, keyboard, following, bursts.
// With POP3LAB_SCREENSHOT_DIR set, it also writes docs' screenshots of the lab-sheet story there.
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/labbench.h"

#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace pop3;

namespace {

using Bench = pop3test::LabBench;

qsizetype findRow(
    const SequenceModel &m, SequenceModel::RowKind kind, SequenceModel::Command command)
{
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        if (m.row(i).kind == kind && m.row(i).command == command)
            return i;
    }
    return -1;
}

int distinctColours(const QImage &image)
{
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestDiagram : public QObject
{
    Q_OBJECT

private slots:
    void exports_data();
    void exports();
    void renderPaintsIntoATarget();
    void clickOnAnArrowEmitsItsSeq();
    void highlightEventSelectsAndScrolls();
    void keyboardNavigation();
    void autoScrollStopsWhenScrolledBack();
    void burstIsOneFlush();
    void filtersFromThePane();
    void expandShowsTheBody();
    void saveAndOpenTrace();
    void screenshots();
};

void TestDiagram::exports_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("minSize");
    QTest::newRow("PNG image") << QStringLiteral("d.png") << qint64(20000);
#ifdef POP3LAB_HAVE_SVG
    QTest::newRow("SVG drawing") << QStringLiteral("d.svg") << qint64(20000);
#endif
    QTest::newRow("PDF document") << QStringLiteral("d.pdf") << qint64(10000);
    QTest::newRow("plain text") << QStringLiteral("d.txt") << qint64(2000);
}

void TestDiagram::exports()
{
    QFETCH(QString, name);
    QFETCH(qint64, minSize);
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50001);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY2(pane.exportTo(path, &error), qPrintable(error));
    QVERIFY2(
        QFileInfo(path).size() >= minSize, qPrintable(QString::number(QFileInfo(path).size())));
    if (name.endsWith(QLatin1String(".png"))) {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.height() > 600);
        QVERIFY2(distinctColours(image) > 20, "the image is (nearly) blank");
    } else if (name.endsWith(QLatin1String(".txt"))) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QLatin1String("+OK Logged in.")));
        QVERIFY(text.contains(QLatin1String("AUTHORIZATION -> TRANSACTION")));
    } else if (name.endsWith(QLatin1String(".svg"))) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }
    QVERIFY(!pane.exportTo(dir.filePath(QStringLiteral("d.doc")), &error));
    QVERIFY(error.contains(QLatin1String("doc")));
}

void TestDiagram::renderPaintsIntoATarget()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50001);
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(Qt::black);
    {
        QPainter p(&image);
        pane.render(&p, QRectF(0, 0, 800, 600));
    }
    QCOMPARE(image.pixel(2, 2), QColor(Qt::white).rgb()); // the diagram's background
    QVERIFY(distinctColours(image) > 10);
}

void TestDiagram::clickOnAnArrowEmitsItsSeq()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1500, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    Bench bench(&log);
    bench.labSheet(50001);
    SequenceView *view = pane.view();
    view->flush();
    view->setFollowing(false);
    const qsizetype row =
        findRow(pane.model(), SequenceModel::RowKind::Reply, SequenceModel::Command::Pass);
    QVERIFY(row > 0);
    view->ensureRowVisible(row);
    QSignalSpy activated(&pane, &DiagramPane::eventActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->arrowPoint(row));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toULongLong(), pane.model().row(row).seq);
    QCOMPARE(view->selectedRow(), row);
    // A click on the header selects nothing.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(300, 10));
    QCOMPARE(activated.count(), 1);
}

void TestDiagram::highlightEventSelectsAndScrolls()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1400, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    Bench bench(&log);
    for (int i = 0; i < 8; ++i)
        bench.labSheet(50001 + i);
    SequenceView *view = pane.view();
    view->flush();
    QVERIFY(view->isFollowing());
    QVERIFY(view->verticalScrollBar()->maximum() > 0);
    const qsizetype row =
        findRow(pane.model(), SequenceModel::RowKind::Reply, SequenceModel::Command::Pass);
    QSignalSpy activated(&pane, &DiagramPane::eventActivated);
    pane.highlightEvent(pane.model().row(row).seq);
    QCOMPARE(view->selectedRow(), row);
    const auto [first, last] = view->paintedRange();
    const qsizetype v = pane.model().visibleIndexOf(row);
    QVERIFY2(v >= first && v <= last,
        qPrintable(QStringLiteral("%1 not in %2..%3").arg(v).arg(first).arg(last)));
    QVERIFY(!view->isFollowing());
    QCOMPARE(activated.count(), 0); // a highlight from the terminal does not echo back
}

void TestDiagram::keyboardNavigation()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1400, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    Bench bench(&log);
    bench.labSheet(50001);
    SequenceView *view = pane.view();
    view->flush();
    view->setFocus();
    const SequenceModel &m = pane.model();
    QSignalSpy activated(&pane, &DiagramPane::eventActivated);
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->selectedRow(), m.visibleRow(0));
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->selectedRow(), m.visibleRow(2));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->selectedRow(), m.visibleRow(1));
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->selectedRow(), m.visibleRow(m.visibleCount() - 1));
    QVERIFY(view->isFollowing());
    QTest::keyClick(view, Qt::Key_Down); // already at the end: stays
    QCOMPARE(view->selectedRow(), m.visibleRow(m.visibleCount() - 1));
    QCOMPARE(activated.count(), 6);
    QCOMPARE(activated.last().at(0).toULongLong(), m.row(m.visibleRow(m.visibleCount() - 1)).seq);
    const qreal zoom = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(view->zoom() > zoom);
    QTest::keyClick(view, Qt::Key_Minus);
    QCOMPARE(view->zoom(), zoom);
}

void TestDiagram::autoScrollStopsWhenScrolledBack()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1400, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    SequenceView *view = pane.view();
    QScrollBar *bar = view->verticalScrollBar();
    Bench bench(&log);
    for (int i = 0; i < 4; ++i)
        bench.labSheet(50001 + i);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum()); // following the live end
    bar->setValue(0); // the user scrolls back
    QVERIFY(!view->isFollowing());
    const int maximum = bar->maximum();
    bench.labSheet(50010);
    QTRY_VERIFY(bar->maximum() > maximum);
    QCOMPARE(bar->value(), 0); // stays where the user is reading
    bar->setValue(bar->maximum()); // back to the bottom: following again
    QVERIFY(view->isFollowing());
    const int again = bar->maximum();
    bench.labSheet(50011);
    QTRY_VERIFY(bar->maximum() > again);
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestDiagram::burstIsOneFlush()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1200, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QSignalSpy laidOut(pane.view(), &SequenceView::laidOut);
    Bench bench(&log);
    for (int i = 0; i < 10; ++i)
        bench.labSheet(50001 + i); // a few hundred events, no event loop in between
    QVERIFY(log.size() > 200);
    QCOMPARE(laidOut.count(), 0);
    QVERIFY(laidOut.wait(1000));
    QCOMPARE(laidOut.count(), 1);
    QCOMPARE(pane.model().rowCount() > 200, true);
}

void TestDiagram::filtersFromThePane()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50001);
    bench.labSheet(50002);
    const qsizetype all = pane.model().visibleCount();
    pane.setFilter({0, true, false});
    QVERIFY(pane.model().visibleCount() < all);
    QVERIFY(pane.model().toText().contains(QLatin1String("login as student")));
    pane.setFilter({pane.model().sessions().last(), false, false});
    QCOMPARE(pane.model().clientLaneCount(), 1);
    pane.setFilter({});
    QCOMPARE(pane.model().visibleCount(), all);
}

void TestDiagram::expandShowsTheBody()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50001);
    const qsizetype retr =
        findRow(pane.model(), SequenceModel::RowKind::Reply, SequenceModel::Command::Retr);
    pane.setExpanded(retr, true);
    QVERIFY(pane.model().isExpanded(retr));
    QVERIFY(pane.model()
                .expandedBody(retr)
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("Subject:")));
}

void TestDiagram::saveAndOpenTrace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.jsonl"));
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50001);
    const QString live = pane.model().toText();
    QString error;
    QVERIFY2(pane.saveTrace(path, &error), qPrintable(error));
    bench.labSheet(50002); // the live log goes on
    QVERIFY2(pane.openTrace(path, &error), qPrintable(error));
    QVERIFY(pane.isShowingTrace());
    QCOMPARE(pane.model().toText(), live);
    bench.labSheet(50003); // live traffic does not leak into the trace shown
    QCOMPARE(pane.model().toText(), live);
    pane.showLive();
    QCOMPARE(pane.model().sessions().size(), 3);
    QVERIFY(!pane.openTrace(dir.filePath(QStringLiteral("missing.jsonl")), &error));
}

// The pictures in docs/: the lab sheet followed in Terminal 1, whose window is closed after DELE 1
// (message 1 survives); Terminal 2 logs in, Terminal 3 is refused [IN-USE]; Terminal 2 deletes
// message 1 and QUITs (message 1 is gone).
void TestDiagram::screenshots()
{
    const QString out = qEnvironmentVariable("POP3LAB_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set POP3LAB_SCREENSHOT_DIR to write the screenshots");
    EventLog log;
    DiagramPane pane(&log);
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50001"), QStringLiteral("Terminal 1"));
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50002"), QStringLiteral("Terminal 2"));
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50003"), QStringLiteral("Terminal 3"));
    Bench bench(&log);
    Pop3Session &t1 = bench.open(50001);
    for (const char *line :
        {"USER: student", "user student", "pass hessovs!", "stat", "list", "retr 1", "dele 1"})
        bench.type(t1, line);
    bench.drop(t1);
    Pop3Session &t2 = bench.open(50002);
    for (const char *line : {"user student", "pass hessovs!", "stat"})
        bench.type(t2, line);
    Pop3Session &t3 = bench.open(50003);
    for (const char *line : {"user student", "pass hessovs!", "quit"})
        bench.type(t3, line);
    for (const char *line : {"dele 1", "quit"})
        bench.type(t2, line);
    QString error;
    QVERIFY2(
        pane.exportTo(out + QStringLiteral("/diagram-lab-sheet.png"), &error), qPrintable(error));
    QVERIFY2(
        pane.exportTo(out + QStringLiteral("/diagram-lab-sheet.txt"), &error), qPrintable(error));

    pane.resize(1500, 950);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.view()->flush();
    pane.highlightEvent(
        pane.model()
            .row(findRow(pane.model(), SequenceModel::RowKind::Reply, SequenceModel::Command::Pass))
            .seq);
    QVERIFY(pane.grab().save(out + QStringLiteral("/diagram-pane.png")));
}

QTEST_MAIN(TestDiagram)
#include "tst_diagram.moc"
