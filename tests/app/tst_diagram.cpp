// The diagram pane offscreen: exports, click-to-select, highlight, keyboard, following, bursts.
// With POP3LAB_SCREENSHOT_DIR set, it also writes docs' screenshots of the lab-sheet story there.
#include "app/diagram/diagramexport.h"
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequencepainter.h"
#include "app/diagram/sequenceview.h"
#include "app/terminal/transcript.h"
#include "events/eventlog.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/labbench.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QWidgetAction>

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
    void interleavedSessionsDrawTwoBands();
    void longLabelsKeepTheirFacts();
    void notesStayInTheirBox();
    void refusalKeepsItsReason();
    void emptyLaneHasNoHeader();
    void headerNamesTheClientBelow();
    void headerNamesTheReopenedTab();
    void zoomKeepsTheSelectionInView();
    void exportIsInTheOverflowMenu();
    void traceBannerSaysItIsATrace();
    void secretsHiddenLikeTheTranscript();
    void noInternalIdInFrench();
    void screenshots();
};

// Lesson 5: A logs in, B connects, A sends STAT. Each lane carries its own session's band.
void TestDiagram::interleavedSessionsDrawTwoBands()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    Pop3Session &a = bench.open(50011);
    bench.type(a, "user student");
    bench.type(a, "pass hessovs!");
    bench.open(50012); // B: greeted, not logged in
    bench.type(a, "stat");
    const SequenceModel &m = pane.model();
    const int idA = m.sessions().at(0);
    const int idB = m.sessions().at(1);
    const SequencePainter painter(m);
    QImage image(painter.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        painter.paintAll(&p);
    }
    auto bandAt = [&](int session, qsizetype row) {
        const qsizetype v = m.visibleIndexOf(row);
        const qreal y = painter.rowTop(v) + painter.rowHeight(v) - 3;
        return QColor(image.pixel(int(painter.clientX(m.laneOf(session))), int(y)));
    };
    const QColor transaction = SequencePainter::stateColor(int(State::Transaction));
    const QColor authorization = SequencePainter::stateColor(int(State::Authorization));
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        const SequenceModel::Row &r = m.row(i);
        if (r.session == idB && r.has(SequenceModel::Greeting)) {
            QCOMPARE(bandAt(idA, i), transaction); // A stays logged in while B is greeted
            QCOMPARE(bandAt(idB, i), authorization);
        }
        if (r.session == idA && r.kind == SequenceModel::RowKind::Reply
            && r.command == Command::Stat) {
            QCOMPARE(bandAt(idA, i), transaction);
            QCOMPARE(bandAt(idB, i), authorization);
        }
    }
    // The built-in server's lifeline is one plain line: no state of its own.
    const qsizetype last = m.visibleCount() - 1;
    const int sx = int(painter.serverX());
    const QColor serverLine(image.pixel(sx, int(painter.arrowY(last)) - 8));
    QVERIFY(serverLine != transaction && serverLine != authorization);
}

// A LIST of 206 lines keeps "206"; lesson 4's drop keeps its conclusion; a lock path is shortened
// in its middle, not where the words are.
void TestDiagram::longLabelsKeepTheirFacts()
{
    EventLog log;
    auto add = [&log](Event e) {
        e.session = e.session ? e.session : 1;
        log.append(e);
    };
    Event c;
    c.kind = EventKind::Connected;
    c.text = QStringLiteral("127.0.0.1:50020");
    add(c);
    Event line;
    line.kind = EventKind::ClientLine;
    line.bytes = "LIST\r\n";
    line.state = State::Transaction;
    add(line);
    Event reply;
    reply.kind = EventKind::ServerReply;
    reply.state = State::Transaction;
    reply.ok = true;
    reply.bytes = "+OK 206 messages (1746 octets)\r\n";
    reply.multiLine = true;
    reply.lines = 206;
    reply.octets = 1746;
    add(reply);
    Event lock;
    lock.kind = EventKind::LockCreated;
    lock.state = State::Transaction;
    lock.text = QStringLiteral("/home/a-student-with-a-long-name/.local/share/pop3lab/pop3lab/"
                               "workspace/mail/student.lock");
    add(lock);
    Event mark;
    mark.kind = EventKind::MarkedDeleted;
    mark.state = State::Transaction;
    mark.number = 1;
    add(mark);
    Event gone;
    gone.kind = EventKind::Disconnected;
    gone.state = State::Transaction;
    gone.text = disconnectReasonName(DisconnectReason::PeerClosed);
    add(gone);
    SequenceModel m;
    for (qsizetype i = 0; i < log.size(); ++i)
        m.append(log.at(i));
    const SequencePainter painter(m);
    const qreal lane = SequencePainter::toServer - 28;
    for (qreal width : {lane, lane * 0.75}) {
        const QString list = painter.fittedLabel(2, m.label(2), painter.monoFont(), width);
        QVERIFY2(list.contains(QLatin1String("[206 lines, 1746 octets]")), qPrintable(list));
        QVERIFY2(list.startsWith(QLatin1String("+OK")), qPrintable(list));
        const QString drop = painter.fittedLabel(5, m.label(5), painter.labelFont(), width);
        QVERIFY2(drop.endsWith(QLatin1String("no UPDATE, message 1 kept")), qPrintable(drop));
        const QString path = painter.fittedLabel(3, m.label(3), painter.labelFont(), width);
        QVERIFY2(path.startsWith(QLatin1String("lock file created: /h")), qPrintable(path));
        QVERIFY2(path.endsWith(QLatin1String("/student.lock")), qPrintable(path));
    }
#ifdef POP3LAB_HAVE_SVG
    // And in what is really drawn: the exported drawing's text.
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("long.svg"));
    QString error;
    QVERIFY2(DiagramExport::write(m, svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString drawn = QString::fromUtf8(file.readAll());
    QVERIFY(drawn.contains(QLatin1String("[206 lines, 1746 octets]")));
    // The dropped connection's note wraps on two lines: the words, read in order, are whole.
    QString words = drawn;
    words.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    words = words.simplified();
    QVERIFY2(words.contains(m.label(5)), qPrintable(m.label(5)));
    QVERIFY(drawn.contains(QLatin1String("student.lock")));
#endif
}

// Lesson 5's refusal on the third client's lane, the narrowest: "-ERR [IN-USE] Mailbox is
// locked by another POP3 session." lost its conclusion (drawn "… POP3 ses…", and in a hand-in
// cut right after "[IN-USE]"). The status and the code are never shortened; the reason is drawn
// whole where a proportional face fits it.
void TestDiagram::refusalKeepsItsReason()
{
    const QByteArray refusal = "-ERR [IN-USE] Mailbox is locked by another POP3 session.";
    EventLog log;
    for (int session = 1; session <= 3; ++session) {
        Event c;
        c.session = session;
        c.kind = EventKind::Connected;
        c.text = QStringLiteral("127.0.0.1:5006%1").arg(session);
        log.append(c);
    }
    Event pass;
    pass.session = 3;
    pass.kind = EventKind::ClientLine;
    pass.state = State::Authorization;
    pass.bytes = "PASS secret\r\n";
    log.append(pass);
    Event reply;
    reply.session = 3;
    reply.kind = EventKind::ServerReply;
    reply.state = State::Authorization;
    reply.ok = false;
    reply.bytes = refusal + "\r\n";
    log.append(reply);
    SequenceModel m;
    for (qsizetype i = 0; i < log.size(); ++i)
        m.append(log.at(i));
    qsizetype row = -1;
    for (qsizetype i = 0; i < m.rowCount(); ++i)
        row = m.row(i).kind == SequenceModel::RowKind::Reply ? i : row;
    QVERIFY(row >= 0);
    QCOMPARE(m.label(row), QString::fromLatin1(refusal));
    const SequencePainter painter(m);
    // Narrower than the lane leaves, down to half: "-ERR [IN-USE]" always stays whole.
    const qreal lane = SequencePainter::toServer - 28 - 22;
    for (qreal width : {lane, lane * 0.75, lane * 0.5}) {
        const QString fitted = painter.fittedLabel(row, m.label(row), painter.monoFont(), width);
        QVERIFY2(fitted.startsWith(QLatin1String("-ERR [IN-USE] ")), qPrintable(fitted));
    }
#ifdef POP3LAB_HAVE_SVG
    // What is really drawn: the exported drawing's text.
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("refusal.svg"));
    QString error;
    QVERIFY2(DiagramExport::write(m, svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString drawn = QString::fromUtf8(file.readAll());
    QVERIFY2(drawn.contains(QLatin1String("locked by another POP3 session.")),
        qPrintable(drawn.mid(drawn.indexOf(QLatin1String("-ERR")), 80)));
#endif
}

// A maildrop note with a long lock path (the hand-in's stale-lock note) is wrapped and shortened
// to fit its box: nothing of it is drawn above or below its row, over the next row's note.
void TestDiagram::notesStayInTheirBox()
{
    const QString path =
        QStringLiteral("/tmp/tester/home.FjbW/.local/share/pop3lab/workspace/mail/student.lock");
    SequenceModel m;
    Event c;
    c.seq = 1;
    c.session = 1;
    c.kind = EventKind::Connected;
    c.text = QStringLiteral("127.0.0.1:50040");
    m.append(c);
    quint64 seq = 1;
    for (EventKind kind :
        {EventKind::StaleLockCleared, EventKind::LockCreated, EventKind::LockRefused}) {
        Event e;
        e.seq = ++seq;
        e.session = 1;
        e.state = State::Authorization;
        e.kind = kind;
        e.text = path;
        e.detail = QStringLiteral("pid 4242 on this machine, which is gone");
        m.append(e);
    }
    const SequencePainter painter(m);
    const QSize size = painter.size().toSize();
    const qreal left = painter.maildropX() + 26;
    const qreal right = painter.maildropX() + SequencePainter::notesWidth - 22;
    int checked = 0;
    for (qsizetype v = 0; v < m.visibleCount(); ++v) {
        if (m.row(m.visibleRow(v)).kind != SequenceModel::RowKind::MaildropNote)
            continue;
        // 1:1 on screen, and as a hand-in page draws it: 144 dpi, scaled to the A4 width.
        for (const qreal dpi : {96.0, 144.0}) {
            const qreal scale = dpi > 100 ? 1578.0 / size.width() : 1.0;
            QImage image((QSizeF(size) * scale).toSize(), QImage::Format_RGB32);
            image.setDotsPerMeterX(int(dpi / 0.0254));
            image.setDotsPerMeterY(int(dpi / 0.0254));
            image.fill(Qt::white);
            QPainter p(&image);
            p.scale(scale, scale);
            painter.paintRows(&p, v, v, -1, true);
            p.end();
            const qreal top =
                painter.rowTop(v) * scale; // its row: the next row's note starts below
            const qreal bottom = (painter.rowTop(v) + painter.rowHeight(v)) * scale - 1;
            int inside = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = int(left * scale); x < int(right * scale); ++x) {
                    if (image.pixel(x, y) == qRgb(255, 255, 255))
                        continue;
                    if (y >= top && y <= bottom) {
                        ++inside;
                        continue;
                    }
                    QFAIL(qPrintable(QStringLiteral("%1: drawn at y %2, outside its box %3..%4")
                                         .arg(m.label(m.visibleRow(v)))
                                         .arg(y)
                                         .arg(top)
                                         .arg(bottom)));
                }
            }
            QVERIFY(inside > 0);
        }
        ++checked;
    }
    QCOMPARE(checked, 3);
}

// A lane with no client in the rows below the header gets no header box (never "client").
void TestDiagram::emptyLaneHasNoHeader()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    Pop3Session &first = bench.open(50051);
    Pop3Session &second = bench.open(50052); // the second lane
    bench.type(second, "quit");
    bench.type(first, "noop");
    bench.type(first, "noop");
    const SequenceModel &m = pane.model();
    QCOMPARE(m.clientLaneCount(), 2);
    const SequencePainter painter(m);
    const qsizetype last = m.visibleCount() - 1;
    QCOMPARE(painter.headerSession(1, last, last), 0);
    QImage image(
        painter.size().toSize().width(), int(SequencePainter::headerHeight), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    painter.paintHeader(&p, 0, last, image.width(), last);
    p.end();
    const int y = int(SequencePainter::headerHeight / 2);
    QVERIFY(image.pixel(int(painter.clientX(0)), y) != qRgb(255, 255, 255)); // a box
    QCOMPARE(image.pixel(int(painter.clientX(1)), y), qRgb(255, 255, 255)); // none
}

// Lane 0: session 1 ends at the top of the view and session 3 takes the lane below it.
void TestDiagram::headerNamesTheClientBelow()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50031"), QStringLiteral("Terminal 1"));
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50033"), QStringLiteral("Terminal 3"));
    Bench bench(&log);
    Pop3Session &t1 = bench.open(50031);
    bench.type(t1, "quit");
    Pop3Session &t3 = bench.open(50033);
    bench.type(t3, "user student");
    const SequenceModel &m = pane.model();
    const int s3 = m.sessions().at(1);
    QCOMPARE(m.laneOf(s3), m.laneOf(m.sessions().at(0)));
    qsizetype disconnect = -1;
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        if (m.row(i).kind == SequenceModel::RowKind::Disconnect)
            disconnect = i;
    }
    const SequencePainter painter(m);
    const qsizetype at = m.visibleIndexOf(disconnect);
    QCOMPARE(painter.headerSession(0, at, m.visibleCount() - 1), s3);
    QCOMPARE(painter.headerSession(0, at + 1, m.visibleCount() - 1), s3);
}

// Lessons 4 and 5: Terminal 1's tab is closed a few rows below the top of the view and the
// reopened tab (Terminal 3) takes its lane for the rest of it: the header names Terminal 3.
void TestDiagram::headerNamesTheReopenedTab()
{
    EventLog log;
    DiagramPane pane(&log);
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50041"), QStringLiteral("Terminal 1"));
    pane.setPeerLabel(QStringLiteral("127.0.0.1:50043"), QStringLiteral("Terminal 3"));
    Bench bench(&log);
    Pop3Session &t1 = bench.open(50041);
    bench.type(t1, "user student");
    bench.type(t1, "pass hessovs!");
    bench.type(t1, "dele 1");
    bench.drop(t1); // the tab is closed
    Pop3Session &t3 = bench.open(50043);
    for (const char *line : {"user student", "pass hessovs!", "stat", "list", "retr 2"})
        bench.type(t3, line);
    const SequenceModel &m = pane.model();
    const int s1 = m.sessions().at(0);
    const int s3 = m.sessions().at(1);
    QCOMPARE(m.laneOf(s3), m.laneOf(s1));
    const qsizetype dele =
        m.visibleIndexOf(findRow(m, SequenceModel::RowKind::Command, SequenceModel::Command::Dele));
    QVERIFY(dele > 0);
    const SequencePainter painter(m);
    const qsizetype last = m.visibleCount() - 1;
    QCOMPARE(m.sessionName(painter.headerSession(0, dele, last)), QStringLiteral("Terminal 3"));
    // Scrolled back to where Terminal 1 fills the view: it is named.
    const qsizetype login =
        m.visibleIndexOf(findRow(m, SequenceModel::RowKind::Command, SequenceModel::Command::User));
    QCOMPARE(
        m.sessionName(painter.headerSession(0, login, dele + 1)), QStringLiteral("Terminal 1"));
}

void TestDiagram::zoomKeepsTheSelectionInView()
{
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    for (int port = 50040; port < 50046; ++port)
        bench.labSheet(port);
    pane.resize(900, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    SequenceView *view = pane.view();
    view->flush();
    const qsizetype row = pane.model().visibleRow(3);
    view->selectRow(row);
    for (int i = 0; i < 4; ++i) {
        view->zoomIn();
        const QPoint at = view->arrowPoint(row);
        QVERIFY2(view->viewport()->rect().contains(at),
            qPrintable(QStringLiteral("zoom %1: arrow at %2").arg(view->zoom()).arg(at.y())));
    }
    for (int i = 0; i < 8; ++i) {
        view->zoomOut();
        QVERIFY(view->viewport()->rect().contains(view->arrowPoint(row)));
    }
}

// At the default size the toolbar overflows: what is hidden must be in its ›› menu.
void TestDiagram::exportIsInTheOverflowMenu()
{
    EventLog log;
    DiagramPane pane(&log);
    QToolBar *bar = pane.findChild<QToolBar *>();
    QVERIFY(bar);
    bool found = false;
    for (QAction *action : bar->actions()) {
        if (action->text() == QLatin1String("Export")) {
            found = true;
            QVERIFY(action->menu());
            QVERIFY(action->menu()->actions().size() >= 3);
            QVERIFY(!qobject_cast<QWidgetAction *>(action)); // a widget is left out of ››
        }
    }
    QVERIFY(found);
}

void TestDiagram::traceBannerSaysItIsATrace()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson4.jsonl"));
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50051);
    QString error;
    QVERIFY2(pane.saveTrace(path, &error), qPrintable(error));
    pane.resize(900, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QPushButton *back = nullptr;
    for (QPushButton *b : pane.findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("Back to live"))
            back = b;
    }
    QVERIFY(back);
    QVERIFY(!back->isVisible());
    QVERIFY2(pane.openTrace(path, &error), qPrintable(error));
    QTRY_VERIFY(back->isVisible());
    bool named = false;
    for (QLabel *label : pane.findChildren<QLabel *>())
        named =
            named || (label->isVisible() && label->text().contains(QLatin1String("lesson4.jsonl")));
    QVERIFY(named);
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(!pane.isShowingTrace());
    QTRY_VERIFY(!back->isVisible());
}

// The transcript hides what the command table marks secret; the diagram does the same on request.
void TestDiagram::secretsHiddenLikeTheTranscript()
{
    Transcript transcript;
    transcript.addSent("USER student\r\n");
    transcript.addSent("PASS hessovs!\r\n");
    transcript.addSent("APOP student c4c9334bac560ecc979e58001b3e22fb\r\n");
    transcript.addSent("AUTH PLAIN\r\n");
    transcript.addReceived("+ \r\n");
    transcript.addSent("AHN0dWRlbnQAaGVzc292cyE=\r\n");
    transcript.addReceived("+OK Logged in.\r\n");
    transcript.addSent("STAT\r\n");
    const QString hidden = transcript.toText(true);
    QVERIFY(hidden.contains(QLatin1String("PASS ********")));
    QVERIFY(hidden.contains(QLatin1String("APOP student ********")));
    QVERIFY(!hidden.contains(QLatin1String("c4c9334b")));
    QVERIFY(!hidden.contains(QLatin1String("AHN0dWRl")));
    QVERIFY(hidden.contains(QLatin1String("STAT")));
    QVERIFY(transcript.toText(false).contains(QLatin1String("hessovs!")));

    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    bench.labSheet(50061);
    QImage shown(800, 600, QImage::Format_RGB32);
    QImage hiddenImage(800, 600, QImage::Format_RGB32);
    shown.fill(Qt::white);
    hiddenImage.fill(Qt::white);
    {
        QPainter p(&shown);
        pane.render(&p, QRectF(0, 0, 800, 600));
    }
    {
        QPainter p(&hiddenImage);
        pane.render(&p, QRectF(0, 0, 800, 600), true);
    }
    // Issue 13: the pane itself hides the password (it is what a projector shows, and the
    // replay of the same session hid it): asked or not, the same picture, no password.
    QVERIFY(shown == hiddenImage);
    QVERIFY(!pane.model().toText().contains(QLatin1String("hessovs!")));
    QVERIFY(pane.model().toText().contains(QLatin1String(" ********")));
}

// The words of every note kind in French too: no id, no resource path.
void TestDiagram::noInternalIdInFrench()
{
    QTranslator french;
    const QString qm = QStringLiteral(QT_TESTCASE_BUILDDIR "/../src/app/pop3lab_fr.qm");
    if (!french.load(qm)) {
        // No compiled catalogue: the source one must have every diagram word translated.
        QFile ts(QStringLiteral(POP3LAB_SOURCE_DIR "/resources/translations/pop3lab_fr.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QString all = QString::fromUtf8(ts.readAll());
        const qsizetype start = all.indexOf(QLatin1String("<name>SequenceModel</name>"));
        const qsizetype end = all.indexOf(QLatin1String("</context>"), start);
        QVERIFY(start > 0 && end > start);
        QVERIFY(!all.mid(start, end - start).contains(QLatin1String("type=\"unfinished\"")));
        return;
    }
    QCoreApplication::installTranslator(&french);
    EventLog log;
    DiagramPane pane(&log);
    Bench bench(&log);
    log.append(Event::makeNote(NoteKind::MailboxReset,
        QStringLiteral("student: fresh copy of :/mailbox/student (14 messages)")));
    log.append(Event::makeNote(NoteKind::PersonalityChanged, QStringLiteral("uw-ipop3d")));
    log.append(Event::makeNote(NoteKind::StaleLockPlanted, QStringLiteral("/w/student.lock")));
    log.append(Event::makeNote(NoteKind::FaultDropped));
    log.append(Event::makeNote(NoteKind::DescriptorsExhausted));
    Pop3Session &s = bench.open(50071);
    for (const char *line : {"user student", "pass hessovs!", "dele 1"})
        bench.type(s, line);
    bench.drop(s);
    const SequenceModel &m = pane.model();
    QStringList ids{QStringLiteral(":/"), QStringLiteral("uw-ipop3d")};
    for (int k = int(NoteKind::MailboxReset); k <= int(NoteKind::RemoteServer); ++k)
        ids << noteKindName(NoteKind(k));
    ids << disconnectReasonName(DisconnectReason::PeerClosed);
    bool frenchWords = false;
    for (qsizetype i = 0; i < m.rowCount(); ++i) {
        const QString words = m.label(i) + QLatin1Char(' ') + m.caption(i);
        frenchWords = frenchWords || words.contains(QStringLiteral("réinitialisé"));
        for (const QString &id : ids)
            QVERIFY2(!words.contains(id), qPrintable(words));
    }
    QCoreApplication::removeTranslator(&french);
    QVERIFY(frenchWords);
}

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
    SequenceModel hidden = pane.model(); // a saved trace hides the password
    hidden.setHideSecrets(true);
    const QString live = hidden.toText();
    QVERIFY(!live.contains(QLatin1String("hessovs")));
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
#ifdef POP3LAB_HAVE_SVG
    // Not for the docs: to check it in librsvg and ImageMagick (docs/diagram.md says how).
    QVERIFY2(
        pane.exportTo(out + QStringLiteral("/diagram-lab-sheet.svg"), &error), qPrintable(error));
#endif

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
