// Replays a class-sized trace through the views a teacher sees during a replay (the diagram under
// its banner, the replay transcript, the replay maildrop on its scratch files), at full speed, and
// then steps forward and back at the far end of the trace, as a teacher scrubbing a long session
// would, then walks 600 steps back. The trace is the recorded lab-sheet scenario repeated with
// fresh session numbers and times. Prints figures (p50/p95/p99/max per frame); asserts nothing.
#include "app/diagram/diagrampane.h"
#include "app/diagram/sequenceview.h"
#include "app/replay/replaypane.h"
#include "events/eventlog.h"
#include "events/tracereplayer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace pop3;

namespace {

struct Stats
{
    QList<double> ms;

    QString summary() const
    {
        if (ms.isEmpty())
            return QStringLiteral("none");
        QList<double> s = ms;
        std::sort(s.begin(), s.end());
        const auto at = [&s](double q) {
            return s.at(std::min<qsizetype>(s.size() - 1, qsizetype(q * s.size())));
        };
        return QStringLiteral("n %1, p50 %2 ms, p95 %3 ms, p99 %4 ms, max %5 ms")
            .arg(s.size())
            .arg(at(0.5), 0, 'f', 2)
            .arg(at(0.95), 0, 'f', 2)
            .arg(at(0.99), 0, 'f', 2)
            .arg(s.last(), 0, 'f', 2);
    }
};

QList<Event> bigTrace(qsizetype count)
{
    EventLog scenario;
    QString error;
    if (!scenario.load(ReplayPane::scenarioPath(QStringLiteral("lab-sheet")), &error)) {
        std::fprintf(stderr, "replaybench: %s\n", qPrintable(error));
        return {};
    }
    const QList<Event> one = scenario.events();
    const qint64 span = one.last().timeMs - one.first().timeMs + 250;
    QList<Event> out;
    out.reserve(count);
    for (int round = 0; out.size() < count; ++round) {
        for (Event e : one) {
            if (out.size() >= count)
                break;
            if (e.session > 0)
                e.session += round * 1000; // a fresh session each round
            e.timeMs += round * span;
            out.append(e);
        }
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as soon as it is known
    const qsizetype count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;
    const QList<Event> trace = bigTrace(count);
    if (trace.isEmpty())
        return 1;

    EventLog live;
    DiagramPane diagram(&live);
    ReplayPane replay(&live);
    QObject::connect(&replay, &ReplayPane::started, &diagram, &DiagramPane::showReplay);
    diagram.resize(640, 700);
    replay.resize(1280, 300);
    diagram.show();
    replay.show();
    replay.loadEvents(trace, QStringLiteral("a %1-event trace").arg(trace.size()));
    TraceReplayer *replayer = replay.replayer();

    // Full speed: no gap between events; a 16 ms timer notes how late each frame comes.
    replayer->setSpeed(1e9);
    replayer->setMinGapMs(0);
    replayer->setMaxGapMs(0);
    Stats frames;
    QElapsedTimer frameClock;
    QTimer frameTimer;
    frameTimer.setTimerType(Qt::PreciseTimer);
    frameTimer.setInterval(16);
    QObject::connect(&frameTimer, &QTimer::timeout, [&] {
        frames.ms.append(std::max(0.0, frameClock.nsecsElapsed() / 1e6 - 16.0));
        frameClock.restart();
    });
    QElapsedTimer clock;
    clock.start();
    frameClock.start();
    frameTimer.start();
    QEventLoop loop;
    QObject::connect(replayer, &TraceReplayer::finished, &loop, &QEventLoop::quit);
    replayer->play();
    loop.exec();
    frameTimer.stop();
    const double playMs = clock.nsecsElapsed() / 1e6;
    std::printf("replay-full-speed: %lld events in %.0f ms (%.0f events/s); frame lateness %s\n",
        static_cast<long long>(trace.size()),
        playMs,
        trace.size() / (playMs / 1000.0),
        qPrintable(frames.summary()));

    // At the far end: one step (and the frame that shows it), forward and back.
    const auto frame = [&] {
        replay.flush();
        diagram.view()->flush();
        diagram.view()->viewport()->grab(); // paint the frame, as the screen would
    };
    Stats back, forward;
    for (int i = 0; i < 100; ++i) {
        clock.restart();
        replayer->stepBack();
        frame();
        back.ms.append(clock.nsecsElapsed() / 1e6);
        clock.restart();
        replayer->stepForward();
        frame();
        forward.ms.append(clock.nsecsElapsed() / 1e6);
    }
    std::printf("replay-step-forward at event %lld: %s\n",
        static_cast<long long>(replayer->position()),
        qPrintable(forward.summary()));
    std::printf("replay-step-back at event %lld: %s\n",
        static_cast<long long>(replayer->position()),
        qPrintable(back.summary()));
    clock.restart();
    replayer->toStart();
    frame();
    const double startMs = clock.nsecsElapsed() / 1e6;
    clock.restart();
    replayer->toEnd();
    frame();
    std::printf(
        "replay-jump: to start %.1f ms, to end %.1f ms\n", startMs, clock.nsecsElapsed() / 1e6);

    // A teacher walking back through the last session of the trace: 600 steps back in a row,
    // each with its frame (past the densest checkpoints).
    Stats walk;
    for (int i = 0; i < 600; ++i) {
        clock.restart();
        replayer->stepBack();
        frame();
        walk.ms.append(clock.nsecsElapsed() / 1e6);
    }
    std::printf("replay-walk-back 600 steps to event %lld: %s\n",
        static_cast<long long>(replayer->position()),
        qPrintable(walk.summary()));
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf("replay-peak-rss: %.0f MB\n", usage.ru_maxrss / 1024.0);
    return 0;
}
