// overviewbench: the teacher's class overview -- the window's own ClassOverview and ObserverClient,
// on the offscreen platform -- watching a classroom server for a while. Measures what the teacher
// would feel:
//   frame    from the moment a change of a visible row arrives on the socket to the end of the
//            window's repaint that shows it (QEvent::UpdateRequest: every widget painted and
//            flushed to the backing store)
//   paint    how long each of those repaints takes
//   loop     how late a 16 ms timer fires (the window's responsiveness, painted or not)
// and the stream's events received and missed. Last stdout line: one JSON object.
//
//   QT_QPA_PLATFORM=offscreen overviewbench --port P --token T [--seconds 60] [--width 1600]
//       [--height 1000]
#include "app/classroom/classoverview.h"
#include "app/classroom/classrollmodel.h"
#include "lab/observerclient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <vector>

namespace {

QElapsedTimer clock_;
volatile std::sig_atomic_t stopAsked = 0; // SIGINT/SIGTERM: print the figures and end

void askStop(int)
{
    stopAsked = 1;
}

double percentileMs(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::max(1.0, std::ceil(p / 100.0 * double(v.size()))));
    return double(v[std::min(rank, v.size()) - 1]) / 1e6;
}

// Times the window's repaints and notes when socket data arrives, around the real dispatch.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (event->type() == QEvent::SockAct)
            arrivalNs = clock_.nsecsElapsed();
        if (event->type() != QEvent::UpdateRequest || receiver != window)
            return QApplication::notify(receiver, event);
        const qint64 t0 = clock_.nsecsElapsed();
        const bool r = QApplication::notify(receiver, event);
        const qint64 t1 = clock_.nsecsElapsed();
        paintNs.push_back(t1 - t0);
        painted = true;
        if (pendingSinceNs >= 0) {
            frameNs.push_back(t1 - pendingSinceNs);
            if (t1 - pendingSinceNs > 100'000'000 && getenv("OVERVIEWBENCH_DEBUG"))
                fprintf(stderr,
                    "overviewbench: %.1f s: a frame of %.0f ms (change at %.1f s, paint %.1f ms)\n",
                    t1 / 1e9,
                    (t1 - pendingSinceNs) / 1e6,
                    pendingSinceNs / 1e9,
                    (t1 - t0) / 1e6);
            pendingSinceNs = -1;
        }
        return r;
    }

    QWidget *window = nullptr;
    qint64 arrivalNs = 0;
    qint64 pendingSinceNs = -1; // the first change not painted yet
    // Changes count from the window's first repaint on: before it, the offscreen window is not
    // exposed yet (the class's rows arrived about 0.9 s before the first paint, in 5 runs of 7).
    bool painted = false;
    std::vector<qint64> paintNs;
    std::vector<qint64> frameNs;
};

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    const quint16 port = quint16(value(QStringLiteral("--port"), QStringLiteral("0")).toUInt());
    const QByteArray token = value(QStringLiteral("--token"), QString()).toLatin1();
    const double seconds = value(QStringLiteral("--seconds"), QStringLiteral("60")).toDouble();
    if (port == 0 || token.isEmpty()) {
        fprintf(stderr, "usage: overviewbench --port P --token T [--seconds S]\n");
        return 2;
    }
    clock_.start();

    ClassOverview overview;
    overview.resize(value(QStringLiteral("--width"), QStringLiteral("1600")).toInt(),
        value(QStringLiteral("--height"), QStringLiteral("1000")).toInt());
    overview.show();
    app.window = overview.window();
    QTableView *table = overview.table();
    const QSortFilterProxyModel *proxy = overview.proxy();
    // A change counts when the teacher can see it: a row on screen, or the whole table.
    auto changed = [&app] {
        if (app.pendingSinceNs < 0 && app.painted)
            app.pendingSinceNs = app.arrivalNs > 0 ? app.arrivalNs : clock_.nsecsElapsed();
    };
    QObject::connect(proxy,
        &QAbstractItemModel::dataChanged,
        &app,
        [&, table](const QModelIndex &from, const QModelIndex &to) {
            const QRect view = table->viewport()->rect();
            for (int row = from.row(); row <= to.row(); ++row) {
                if (table->visualRect(proxy->index(row, 0)).intersects(view))
                    return changed();
            }
        });
    QObject::connect(proxy, &QAbstractItemModel::modelReset, &app, changed);
    QObject::connect(proxy, &QAbstractItemModel::layoutChanged, &app, changed);

    auto *client = overview.findChild<pop3::ObserverClient *>();
    qint64 events = 0;
    qint64 missed = 0;
    QObject::connect(client, &pop3::ObserverClient::eventReceived, &app, [&events] {
        ++events;
    });
    QObject::connect(client, &pop3::ObserverClient::eventsMissed, &app, [&missed](qint64 n) {
        missed += n;
    });
    bool closed = false;
    QObject::connect(client, &pop3::ObserverClient::closed, &app, [&closed](const QString &why) {
        closed = true;
        fprintf(stderr, "overviewbench: stream closed: %s\n", qPrintable(why));
    });

    std::vector<qint64> loopNs;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    qint64 last = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock_.nsecsElapsed();
        if (last > 0)
            loopNs.push_back(std::max<qint64>(0, now - last - 16'000'000));
        if (now - last > 500'000'000 && last > 0 && getenv("OVERVIEWBENCH_DEBUG"))
            fprintf(stderr,
                "overviewbench: %.1f s: the loop was %.0f ms late\n",
                now / 1e9,
                (now - last) / 1e6);
        last = now;
    });

    QObject::connect(&overview, &ClassOverview::joined, &app, [&] {
        if (getenv("OVERVIEWBENCH_DEBUG"))
            fprintf(stderr, "overviewbench: %.1f s: joined\n", clock_.nsecsElapsed() / 1e9);
        tick.start(16);
        QTimer::singleShot(int(seconds * 1000), &app, &QCoreApplication::quit);
    });
    std::signal(SIGINT, askStop);
    std::signal(SIGTERM, askStop);
    QTimer stopWatch;
    QObject::connect(&stopWatch, &QTimer::timeout, &app, [] {
        if (stopAsked)
            QCoreApplication::quit();
    });
    stopWatch.start(100);
    overview.connectTo(QStringLiteral("127.0.0.1"), port, token);
    QTimer::singleShot(int(seconds * 1000) + 30'000, &app, &QCoreApplication::quit); // no join
    app.exec();

    printf("overview: %zu rows, %lld events, %lld missed, %zu frames with news, %zu repaints\n",
        size_t(proxy->rowCount()),
        events,
        missed,
        app.frameNs.size(),
        app.paintNs.size());
    printf("{\"rows\":%d,\"events\":%lld,\"missed\":%lld,\"closed\":%s,\"frames\":%zu,"
           "\"frame_p50_ms\":%.3f,\"frame_p99_ms\":%.3f,\"frame_max_ms\":%.3f,"
           "\"paint_p50_ms\":%.3f,\"paint_p99_ms\":%.3f,\"paint_max_ms\":%.3f,"
           "\"loop_late_p50_ms\":%.3f,\"loop_late_p99_ms\":%.3f,\"loop_late_max_ms\":%.3f}\n",
        proxy->rowCount(),
        events,
        missed,
        closed ? "true" : "false",
        app.frameNs.size(),
        percentileMs(app.frameNs, 50),
        percentileMs(app.frameNs, 99),
        percentileMs(app.frameNs, 100),
        percentileMs(app.paintNs, 50),
        percentileMs(app.paintNs, 99),
        percentileMs(app.paintNs, 100),
        percentileMs(loopNs, 50),
        percentileMs(loopNs, 99),
        percentileMs(loopNs, 100));
    return events > 0 && !closed ? 0 : 1;
}
