// Appends a class-sized event stream (many sessions at once, mail-bomb DELE storms, RETRs with
// bodies, dropped connections) to a live DiagramPane, then renders frames across the whole
// diagram at several zooms, as a user scrolling and zooming would. Prints figures; asserts nothing.
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "events/eventlog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace pop3;

namespace {

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// One session's events, in the order Pop3Session emits them.
class Script
{
public:
    Script(int id, QRandomGenerator &random, std::vector<Event> &out)
        : m_id(id)
        , m_random(random)
        , m_out(out)
    { }

    void push(EventKind kind, State state, const QByteArray &bytes = {}, bool ok = true)
    {
        Event e;
        e.kind = kind;
        e.session = m_id;
        e.state = state;
        e.bytes = bytes;
        e.ok = ok;
        m_events.push_back(std::move(e));
    }

    void exchange(State state, const QByteArray &line, const QByteArray &reply, bool ok = true)
    {
        push(EventKind::ClientLine, state, line + "\r\n");
        push(EventKind::ServerReply, state, reply + "\r\n", ok);
    }

    void multi(
        State state, const QByteArray &line, const QByteArray &reply, int lines, int bodyBytes)
    {
        push(EventKind::ClientLine, state, line + "\r\n");
        push(EventKind::ServerReply, state, reply + "\r\n");
        Event &e = m_events.back();
        e.multiLine = true;
        e.lines = lines;
        e.octets = bodyBytes;
        e.body = QByteArray(std::min(bodyBytes, 2048), 'x');
    }

    void change(State from, State to)
    {
        Event e;
        e.kind = EventKind::StateChanged;
        e.session = m_id;
        e.state = to;
        e.from = from;
        e.to = to;
        m_events.push_back(e);
    }

    void note(EventKind kind, State state, const QString &text, int number = 0)
    {
        Event e;
        e.kind = kind;
        e.session = m_id;
        e.state = state;
        e.text = text;
        e.number = number;
        m_events.push_back(e);
    }

    void build()
    {
        const auto A = State::Authorization, T = State::Transaction;
        const QString lock =
            QStringLiteral("/home/student/.local/share/pop3lab/workspace/mail/user%1.lock")
                .arg(m_id % 40);
        Event c;
        c.kind = EventKind::Connected;
        c.session = m_id;
        c.text = QStringLiteral("127.0.0.1:%1").arg(40000 + m_id % 20000);
        m_events.push_back(c);
        push(EventKind::ServerReply, State::Connecting, "+OK Dovecot ready.\r\n");
        change(State::Connecting, A);
        if (m_random.bounded(5) == 0)
            exchange(A, "USER: student", "-ERR Unknown command.", false);
        exchange(A, "USER student", "+OK");
        push(EventKind::ClientLine, A, "PASS hessovs!\r\n");
        note(EventKind::LockCreated, A, lock);
        push(EventKind::ServerReply, A, "+OK Logged in.\r\n");
        change(A, T);
        exchange(T, "STAT", "+OK 35 23183");
        multi(T, "LIST", "+OK 35 messages:", 35, 276);
        const int retrs = m_random.bounded(4);
        for (int i = 0; i < retrs; ++i)
            multi(T,
                "RETR " + QByteArray::number(i + 1),
                "+OK 700 octets",
                20,
                700 + m_random.bounded(1400));
        const bool storm = m_random.bounded(8) == 0; // a mail-bombed mailbox cleaned by hand
        const int deles = storm ? 200 + m_random.bounded(300) : m_random.bounded(3);
        for (int n = 1; n <= deles; ++n) {
            push(EventKind::ClientLine, T, "DELE " + QByteArray::number(n) + "\r\n");
            note(EventKind::MarkedDeleted, T, QString(), n);
            push(EventKind::ServerReply, T, "+OK Marked to be deleted.\r\n");
        }
        if (m_random.bounded(4) == 0)
            exchange(T, "NOOP", "+OK");
        if (m_random.bounded(6) == 0) { // the window is closed: no UPDATE
            note(EventKind::LockRemoved, T, lock);
            change(T, State::Closed);
            note(EventKind::Disconnected, State::Closed, QStringLiteral("peer-closed"));
            return;
        }
        push(EventKind::ClientLine, T, "QUIT\r\n");
        change(T, State::Update);
        if (deles > 0) {
            Event x;
            x.kind = EventKind::Expunged;
            x.session = m_id;
            x.state = State::Update;
            for (int n = 1; n <= deles; ++n)
                x.numbers.append(n);
            m_events.push_back(x);
        }
        note(EventKind::LockRemoved, State::Update, lock);
        push(EventKind::ServerReply, State::Update, "+OK Logging out.\r\n");
        change(State::Update, State::Closed);
        note(EventKind::Disconnected, State::Closed, QStringLiteral("quit"));
    }

    bool done() const { return m_next >= m_events.size(); }

    // Emits the next few events (a session's burst of activity).
    void step()
    {
        const size_t burst = 1 + m_random.bounded(6);
        for (size_t i = 0; i < burst && !done(); ++i)
            m_out.push_back(m_events[m_next++]);
    }

private:
    int m_id;
    QRandomGenerator &m_random;
    std::vector<Event> &m_out;
    std::vector<Event> m_events;
    size_t m_next = 0;
};

std::vector<Event> makeEvents(size_t count)
{
    QRandomGenerator random(1939);
    std::vector<Event> out;
    out.reserve(count + 1000);
    std::vector<std::unique_ptr<Script>> live;
    int nextId = 1;
    qint64 time = 1710000000000;
    while (out.size() < count) {
        while (live.size() < 6) { // a lab: six students at once
            live.push_back(std::make_unique<Script>(nextId++, random, out));
            live.back()->build();
        }
        const size_t pick = random.bounded(quint32(live.size()));
        const size_t before = out.size();
        live[pick]->step();
        for (size_t i = before; i < out.size(); ++i)
            out[i].timeMs = (time += 1 + random.bounded(40));
        if (live[pick]->done())
            live.erase(live.begin() + qsizetype(pick));
    }
    out.resize(count);
    return out;
}

struct Frames
{
    double median = 0;
    double max = 0;
};

Frames measure(SequenceView *view, QImage &image, int positions)
{
    std::vector<double> ms;
    QScrollBar *bar = view->verticalScrollBar();
    int slowest = 0;
    for (int i = 0; i < positions; ++i) {
        bar->setValue(int(qint64(bar->maximum()) * i / std::max(1, positions - 1)));
        QElapsedTimer timer;
        timer.start();
        view->viewport()->render(&image);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (ms.back() > ms[size_t(slowest)])
            slowest = i;
    }
    if (qEnvironmentVariableIsSet("DIAGRAMBENCH_VERBOSE"))
        std::printf("    slowest frame at position %d\n", slowest);
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const size_t count = argc > 1 ? size_t(QByteArray(argv[1]).toULongLong()) : 100000;

    const std::vector<Event> events = makeEvents(count);
    EventLog log;
    DiagramPane pane(&log);
    pane.resize(1280, 800);
    pane.show();
    QApplication::processEvents();
    const double rssBefore = rssMb();

    // Appending, as the server would: the event loop runs between bursts of 500 events.
    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < events.size(); ++i) {
        log.append(events[i]);
        if (i % 500 == 499)
            QApplication::processEvents();
    }
    pane.view()->flush();
    const double appendS = timer.nsecsElapsed() / 1e9;
    const double rssAfter = rssMb();

    const SequenceModel &model = pane.model();
    std::printf("diagram benchmark: %zu events, %lld rows, %lld sessions, %d client lanes\n",
        events.size(),
        qlonglong(model.rowCount()),
        qlonglong(model.sessions().size()),
        model.clientLaneCount());
    std::printf("append: %.0f events/s (%.3f s, model + view notified, event loop every 500)\n",
        double(events.size()) / appendS,
        appendS);
    std::printf(
        "memory: RSS %.1f MB before, %.1f MB after: %.1f MB for %zu events (log + model + view)\n",
        rssBefore,
        rssAfter,
        rssAfter - rssBefore,
        events.size());

    SequenceView *view = pane.view();
    view->setFollowing(false);
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    {
        // The very first frame loads fonts and fills glyph caches: once per run, reported apart.
        QElapsedTimer cold;
        cold.start();
        view->viewport()->render(&image);
        std::printf("first (cold) frame: %.2f ms\n", cold.nsecsElapsed() / 1e6);
    }
    std::printf("frames (viewport %dx%d, 200 positions from top to bottom):\n",
        image.width(),
        image.height());
    double worst = 0;
    for (qreal zoom : {0.1, 0.25, 0.5, 1.0, 2.0, 4.0}) {
        view->setZoom(zoom);
        const Frames f = measure(view, image, 200);
        worst = std::max(worst, f.max);
        std::printf("  zoom %4.2f: median %6.2f ms, max %6.2f ms\n", zoom, f.median, f.max);
    }
    // Zooming in and out at many places: each step is one frame.
    std::vector<double> zoomMs;
    QScrollBar *bar = view->verticalScrollBar();
    for (int i = 0; i < 60; ++i) {
        bar->setValue(int(qint64(bar->maximum()) * i / 59));
        QElapsedTimer t;
        t.start();
        view->setZoom(i % 2 ? view->zoom() * 1.25 : view->zoom() / 1.25);
        if (i % 10 == 0)
            view->zoomToFit();
        view->viewport()->render(&image);
        zoomMs.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(zoomMs.begin(), zoomMs.end());
    worst = std::max(worst, zoomMs.back());
    std::printf("  zooming (60 steps incl. fit): median %6.2f ms, max %6.2f ms\n",
        zoomMs[zoomMs.size() / 2],
        zoomMs.back());
    std::printf("targets: >= 20000 events/s: %s; frame < 16 ms: %s; < 200 MB: %s\n",
        double(events.size()) / appendS >= 20000 ? "met" : "MISSED",
        worst < 16 ? "met" : "MISSED",
        rssAfter - rssBefore < 200 ? "met" : "MISSED");
    return 0;
}
