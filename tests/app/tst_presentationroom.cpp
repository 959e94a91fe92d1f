#include "app/diagram/diagrampane.h"
#include "app/diagram/sequencepainter.h"
#include "app/diagram/sequenceview.h"
#include "app/mainwindow.h"
#include "app/presentation/presentationmode.h"
#include "app/replay/replaypane.h"
#include "app/translations.h"
#include "diagram/sequencemodel.h"
#include "events/tracereplayer.h"
#include "lab/faultinjector.h"
#include "lab/lab.h"
#include "support/labfixture.h"
#include "support/projectorscreen.h"

#include <QApplication>
#include <QFile>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextDocument>

using pop3::SequenceModel;

namespace {

// A paint device that keeps every piece of text drawn on it, where it was drawn: what the
// diagram really paints, wrapped lines and shortened labels included.
class TextRecorder final : public QPaintDevice
{
public:
    struct Item
    {
        QString text;
        QRectF rect; // in the painter's coordinates (the diagram's)
        int pixels = 0; // the font's size
    };

    QList<Item> items;

    QPaintEngine *paintEngine() const override { return &m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
        case PdmHeight:
            return 100000;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
        case PdmDevicePixelRatioScaled:
            return 1;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        default:
            return 0;
        }
    }

private:
    class Engine final : public QPaintEngine
    {
    public:
        explicit Engine(TextRecorder *device)
            : QPaintEngine(QPaintEngine::AllFeatures)
            , m_device(device)
        { }

        bool begin(QPaintDevice *) override { return true; }

        bool end() override { return true; }

        void updateState(const QPaintEngineState &state) override
        {
            if (state.state() & DirtyTransform)
                m_transform = state.transform();
        }

        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }

        void drawPath(const QPainterPath &) override { }

        void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }

        void drawLines(const QLineF *, int) override { }

        void drawRects(const QRectF *, int) override { }

        void drawEllipse(const QRectF &) override { }

        void drawTextItem(const QPointF &p, const QTextItem &item) override
        {
            const QRectF rect(
                p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
            m_device->items.append(
                {item.text(), m_transform.mapRect(rect), QFontInfo(item.font()).pixelSize()});
        }

        Type type() const override { return QPaintEngine::User; }

    private:
        TextRecorder *m_device;
        QTransform m_transform;
    };

    mutable Engine m_engine{this};
};

// The words drawn, in order; a non-breaking hyphen (which keeps "[IN-USE]" on one line) is one.
QString joined(const QList<TextRecorder::Item> &items)
{
    QStringList texts;
    for (const TextRecorder::Item &item : items)
        texts.append(QString(item.text).replace(QChar(0x2011), QLatin1Char('-')).simplified());
    return texts.join(QLatin1Char(' '));
}

} // namespace

// Presentation mode at 1280×720 (issue 13): the terminal holds the lab sheet's lines, and the
// diagram beside it keeps every label's facts (statuses, counts, conclusions, lane names).
class TestPresentationRoom : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void terminalHoldsTheLabSheetsColumns();
    void labelsKeepTheirFacts_data();
    void labelsKeepTheirFacts();
    void faultLabelsKeepTheirFacts_data();
    void faultLabelsKeepTheirFacts();

private:
    void checkDrawnLabels(MainWindow &window);
    std::unique_ptr<LabFixture> m_lab;
};

void TestPresentationRoom::init()
{
    m_lab = std::make_unique<LabFixture>();
    QVERIFY(m_lab->start());
}

void TestPresentationRoom::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

// The terminal showed about 44 columns in presentation mode: "+OK 2 messages (320 octets)"
// fitted, but LIST and RETR's lines (up to 76 columns on the lab sheet) wrapped.
void TestPresentationRoom::terminalHoldsTheLabSheetsColumns()
{
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size(), QSize(1280, 720));
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *view = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(view));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    const auto columns = [view] {
        const qreal advance = QFontMetricsF(view->font()).horizontalAdvance(QLatin1Char('M'));
        return int((view->viewport()->width() - 2 * view->document()->documentMargin()) / advance);
    };
    QTRY_VERIFY2(columns() >= 72,
        qPrintable(QStringLiteral("%1 columns of %2 px in a %3 px viewport")
                       .arg(columns())
                       .arg(QFontInfo(view->font()).pixelSize())
                       .arg(view->viewport()->width())));
    // ...with the diagram's labels at least as large as the terminal's text.
    const SequenceView *diagram = window.diagramPane()->view();
    QCOMPARE_GE(diagram->diagram().labelFont().pixelSize() * diagram->zoom(),
        qreal(QFontInfo(view->font()).pixelSize()));
    qInfo("terminal: %d columns at %d px; diagram pane %d px wide",
        columns(),
        QFontInfo(view->font()).pixelSize(),
        diagram->viewport()->width());
}

void TestPresentationRoom::labelsKeepTheirFacts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("scenario"); // empty: the lab sheet typed live
    QTest::addColumn<int>("zoomSteps"); // Ctrl++ presses after entering
    for (const char *language : {"en", "fr"}) {
        QTest::addRow("%s live lab sheet", language)
            << QString::fromLatin1(language) << QString() << 0;
        for (const char *scenario : {"lock-conflict", "stale-lock"})
            QTest::addRow("%s %s", language, scenario)
                << QString::fromLatin1(language) << QString::fromLatin1(scenario) << 0;
        // After Ctrl++ "+OK 376 octets [12 lines, 376 octets]" became "… … [12 lines, 376
        // octets]": the status went first.
        for (int steps : {1, 2})
            QTest::addRow("%s live lab sheet, Ctrl++ x%d", language, steps)
                << QString::fromLatin1(language) << QString() << steps;
    }
}

// At presentation zoom the compact diagram cut its labels: "+O… [12 lines…]", "…arked deleted",
// "boîte …ettres", "built …op3lab"; the stale lock's note ran out of its box.
void TestPresentationRoom::labelsKeepTheirFacts()
{
    QFETCH(QString, language);
    QFETCH(QString, scenario);
    QFETCH(int, zoomSteps);
    const QLocale locale(language);
    QLocale::setDefault(locale);
    Translations translations;
    translations.install(locale);
    MainWindow window(m_lab->services.get());
    TerminalPane *terminal = window.terminalPane();
    TerminalView *first = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(first));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    if (scenario.isEmpty()) {
        for (const char *line :
            {"user student", "pass hessovs!", "stat", "list", "retr 1", "dele 1"})
            QVERIFY(typeLine(first, QString::fromLatin1(line)).startsWith("+OK"));
        TerminalView *second = terminal->openSession(terminal->builtinSettings());
        QVERIFY(waitGreeting(second));
        QVERIFY(typeLine(second, QStringLiteral("user student")).startsWith("+OK"));
    } else {
        QVERIFY(window.replayPane()->loadScenario(scenario));
        window.replayPane()->replayer()->toEnd();
        window.replayPane()->flush();
    }
    QTest::qWait(0); // the room's layout after the window manager's full screen (a 0 timer)
    for (int step = 0; step < zoomSteps; ++step)
        window.presentation()->zoomBy(1);
    window.diagramPane()->view()->flush();
    checkDrawnLabels(window);
}

void TestPresentationRoom::faultLabelsKeepTheirFacts_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// A class given at 1280×720 with two clients: the labels of the faults were cut at 1.0×,
// "connection dropped (networ…)", "… teacher slowed the server", the stale lock's "…/tmp…".
void TestPresentationRoom::faultLabelsKeepTheirFacts()
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
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.presentation()->setActive(true);
    QTRY_COMPARE(window.size(), QSize(1280, 720));
    for (const char *line : {"user student", "pass hessovs!", "stat", "dele 1"})
        QVERIFY(typeLine(first, QString::fromLatin1(line)).startsWith("+OK"));
    pop3::Lab *lab = m_lab->services.get();
    lab->faults()->setReplyDelay(300);
    TerminalView *second = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(second));
    QVERIFY(typeLine(second, QStringLiteral("user student")).startsWith("+OK"));
    const QByteArray refused = typeLine(second, QStringLiteral("pass hessovs!"), 20000);
    QVERIFY2(refused.startsWith("-ERR [IN-USE]"), refused.constData());
    lab->faults()->setReplyDelay(0);
    QVERIFY(lab->dropSession(first->session()->sessionId()).ok);
    // -ERR [IN-USE] closed the second connection: the teacher's next login, in a tab of its own.
    TerminalView *third = terminal->openSession(terminal->builtinSettings());
    QVERIFY(waitGreeting(third));
    QVERIFY(typeLine(third, QStringLiteral("user student")).startsWith("+OK"));
    QVERIFY(typeLine(third, QStringLiteral("pass hessovs!")).startsWith("+OK"));
    QVERIFY(lab->crashServer().ok);
    QVERIFY(lab->restartServer().ok);
    QTest::qWait(0);
    window.diagramPane()->view()->flush();
    checkDrawnLabels(window);
    // The facts of the faults, in the words drawn: the delay, why the connection went, the
    // stale lock file's name.
    SequenceView *view = window.diagramPane()->view();
    TextRecorder device;
    {
        QPainter p(&device);
        view->diagram().paintAll(&p);
    }
    const QString all = joined(device.items);
    const SequenceModel &model = window.diagramPane()->model();
    int faults = 0;
    for (qsizetype v = 0; v < model.visibleCount(); ++v) {
        const qsizetype row = model.visibleRow(v);
        const QString label = model.label(row).simplified();
        const bool fault = label.contains(QStringLiteral("300"))
            || model.row(row).kind == SequenceModel::RowKind::Disconnect
            || label.contains(QStringLiteral(".lock"));
        if (!fault)
            continue;
        ++faults;
        // Every word of the label is drawn whole, in one piece or across two lines; of a path,
        // its file's name at least. The stale-lock warning may take its short form (its
        // explanation is the caption's).
        const QString shorter = model.shortLabel(row).simplified();
        bool whole = true;
        for (const QString &text : {label, shorter}) {
            if (text.isEmpty())
                continue;
            whole = true;
            for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (word.contains(QLatin1Char('/')))
                    word = word.mid(word.lastIndexOf(QLatin1Char('/')) + 1);
                whole = whole && all.contains(word);
            }
            if (whole)
                break;
        }
        QVERIFY2(whole, qPrintable("\"" + label + "\" in " + all));
    }
    QCOMPARE_GE(faults, 4); // slowed, sped up, dropped, the stale lock
}

void TestPresentationRoom::checkDrawnLabels(MainWindow &window)
{
    SequenceView *view = window.diagramPane()->view();
    const SequencePainter &painter = view->diagram();
    const SequenceModel &model = window.diagramPane()->model();
    QVERIFY(painter.isCompact());
    // Once the main window's layout gave the diagram its share (a second client's lane takes
    // columns from the terminal on a LayoutRequest).
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    TextRecorder device;
    {
        QPainter p(&device);
        painter.paintAll(&p);
    }
    QVERIFY(!device.items.isEmpty());
    const QString all = joined(device.items);
    static const QRegularExpression cutStatus(QStringLiteral("^[+-]\\w*…|^…"));
    static const QRegularExpression cutNumber(QStringLiteral("\\d…|…\\d|\\[[^\\]]*…"));
    for (const TextRecorder::Item &item : std::as_const(device.items)) {
        QVERIFY2(!cutStatus.match(item.text).hasMatch(), qPrintable(item.text + " in " + all));
        QVERIFY2(!cutNumber.match(item.text).hasMatch(), qPrintable(item.text));
        QVERIFY2(item.rect.left() >= -0.5 && item.rect.right() <= painter.size().width() + 0.5,
            qPrintable(item.text));
        // A note's words inside its box (the stale lock's ran past it).
        if (item.rect.center().y() < SequencePainter::headerHeight)
            continue;
        const qsizetype visible = painter.visibleAt(item.rect.center().y());
        const SequenceModel::RowKind kind = model.row(model.visibleRow(visible)).kind;
        // A command's or a reply's words as large as the label font (the terminal's size on
        // screen): the French "+OK 35 messages: [35 lignes, 276 octets]" fell back to the small
        // 12 px font.
        if (kind == SequenceModel::RowKind::Reply || kind == SequenceModel::RowKind::Command)
            QVERIFY2(item.pixels >= painter.labelFont().pixelSize(),
                qPrintable(QStringLiteral("\"%1\" at %2 px").arg(item.text).arg(item.pixels)));
        if (kind == SequenceModel::RowKind::MaildropNote)
            QVERIFY2(item.rect.right() <= painter.maildropX() - 10, qPrintable(item.text));
        else if (kind == SequenceModel::RowKind::ServerNote)
            QVERIFY2(item.rect.right() <= painter.size().width() - 8, qPrintable(item.text));
    }
    // Every reply's status (and response code), and its count of lines and octets, whole.
    static const QRegularExpression head(QStringLiteral("^[+-]\\S*(\\s+\\[[^\\]]*\\])?"));
    static const QRegularExpression counts(QStringLiteral("\\[[^\\]]*\\]\\s*$"));
    for (qsizetype v = 0; v < model.visibleCount(); ++v) {
        const qsizetype row = model.visibleRow(v);
        if (model.row(row).kind != SequenceModel::RowKind::Reply)
            continue;
        const QString label = model.label(row).simplified();
        const QString status = head.match(label).captured(0);
        QVERIFY2(!status.isEmpty() && all.contains(status), qPrintable(label + " / " + all));
        const QString count = counts.match(label).captured(0).trimmed();
        if (!count.isEmpty())
            QVERIFY2(all.contains(count), qPrintable(label + " / " + all));
    }
    // The lanes' names, whole.
    for (const QString &name : {SequencePainter::tr("server"), SequencePainter::tr("maildrop")})
        QVERIFY2(all.contains(name), qPrintable(name + " / " + all));
    QVERIFY2(!all.contains(QStringLiteral("…ettres")) && !all.contains(QStringLiteral("…op3lab")),
        qPrintable(all));
}

POP3LAB_PROJECTOR_TEST_MAIN(TestPresentationRoom)

#include "tst_presentationroom.moc"
