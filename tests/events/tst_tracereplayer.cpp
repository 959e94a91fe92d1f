// The trace replayer: plays a recorded trace into a log of its own, one step at a time or on a
// clock; a step back leaves the target exactly as it was one step earlier (same events, same
// numbers), and playing never touches the log the trace came from.

#include "events/eventlog.h"
#include "events/tracereplayer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pop3;

namespace {

QList<Event> recorded(int n, qint64 gapMs)
{
    QList<Event> events;
    for (int i = 0; i < n; ++i) {
        Event e;
        e.kind = i == 0 ? EventKind::Connected : EventKind::ClientLine;
        e.session = 1;
        e.timeMs = 1'000'000 + i * gapMs;
        e.bytes = "NOOP " + QByteArray::number(i) + "\r\n";
        events.append(e);
    }
    return events;
}

QList<QByteArray> lines(const EventLog &log)
{
    QList<QByteArray> out;
    for (const Event &e : log.events())
        out.append(QByteArray::number(e.seq) + ' ' + e.bytes);
    return out;
}

} // namespace

class TestTraceReplayer : public QObject
{
    Q_OBJECT

private slots:
    void stepsForwardAndBackExactly();
    void seekAndEnds();
    void playsOnAClockAndPauses();
    void loadsASavedTraceWithoutTouchingIt();
    void keepsAPaceAClassCanFollow();
    void isPlayingThroughoutPlay();
    void endWhilePlayingFinishesPaused();
};

void TestTraceReplayer::stepsForwardAndBackExactly()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(5, 100));
    QCOMPARE(replay.count(), 5);
    QCOMPARE(target.size(), 0);
    replay.stepForward();
    replay.stepForward();
    replay.stepForward();
    const QList<QByteArray> atThree = lines(target);
    QCOMPARE(atThree.size(), 3);
    replay.stepForward();
    replay.stepBack();
    QCOMPARE(replay.position(), 3);
    QCOMPARE(lines(target), atThree); // same events, same seq numbers
    QCOMPARE(target.at(0).timeMs, 1'000'000); // recorded times kept
}

void TestTraceReplayer::seekAndEnds()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(4, 10));
    replay.toEnd();
    QCOMPARE(target.size(), 4);
    replay.stepForward(); // nothing beyond the end
    QCOMPARE(target.size(), 4);
    replay.seek(1);
    QCOMPARE(target.size(), 1);
    replay.toStart();
    QCOMPARE(target.size(), 0);
    replay.stepBack(); // nothing before the start
    QCOMPARE(replay.position(), 0);
    replay.seek(99);
    QCOMPARE(replay.position(), 4);
}

void TestTraceReplayer::playsOnAClockAndPauses()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(6, 60'000)); // a minute between events, as a real idle session
    replay.setMaxGapMs(5); // a class does not wait that long
    QSignalSpy finished(&replay, &TraceReplayer::finished);
    replay.play();
    QVERIFY(replay.isPlaying());
    QTRY_VERIFY(replay.position() >= 2);
    replay.pause();
    QVERIFY(!replay.isPlaying());
    const qsizetype pausedAt = replay.position();
    QVERIFY(pausedAt < 6);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50); // paused: nothing is due
    QCOMPARE(replay.position(), pausedAt);
    replay.play();
    QVERIFY(finished.wait(5000));
    QCOMPARE(target.size(), 6);
    QVERIFY(!replay.isPlaying());
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1); // once, not once per way of reaching the end
}

void TestTraceReplayer::loadsASavedTraceWithoutTouchingIt()
{
    QTemporaryDir dir;
    EventLog live;
    for (const Event &e : recorded(3, 5))
        live.append(e);
    const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
    QVERIFY(live.save(path));
    EventLog target;
    TraceReplayer replay(&target);
    QString error;
    QVERIFY2(replay.loadFile(path, &error), qPrintable(error));
    QCOMPARE(replay.count(), 3);
    replay.toEnd();
    QCOMPARE(lines(target), lines(live));
    QCOMPARE(live.size(), 3);
    QVERIFY(!replay.loadFile(dir.filePath(QStringLiteral("missing.jsonl")), &error));
}

void TestTraceReplayer::keepsAPaceAClassCanFollow()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(4, 1)); // recorded at machine speed
    replay.setMinGapMs(60);
    QCOMPARE(replay.minGapMs(), 60);
    QSignalSpy finished(&replay, &TraceReplayer::finished);
    QElapsedTimer clock;
    clock.start();
    replay.play();
    QVERIFY(finished.wait(5000));
    // Three gaps of at least 60 ms (a coarse timer may fire up to 5 % early).
    QVERIFY2(clock.elapsed() >= 3 * 57, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(target.size(), 4);
}

// While a trace plays, it is playing at every event it plays, not only between two of them: the
// views batch their work into frames while playing and bring themselves up to date at once when
// paused. (It used to say "not playing" at each event — the timer that fires it is inactive then —
// so every view redrew per event and full speed ran at about 240 events/s.)
void TestTraceReplayer::isPlayingThroughoutPlay()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(50, 0));
    replay.setMaxGapMs(0);
    int sawPlaying = 0, sawPaused = 0;
    connect(&replay, &TraceReplayer::positionChanged, this, [&] {
        (replay.isPlaying() ? sawPlaying : sawPaused) += 1;
    });
    QSignalSpy finished(&replay, &TraceReplayer::finished);
    QSignalSpy playing(&replay, &TraceReplayer::playingChanged);
    replay.play();
    QVERIFY(replay.isPlaying());
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(sawPlaying, 50);
    QCOMPARE(sawPaused, 0);
    QVERIFY(!replay.isPlaying());
    QCOMPARE(playing.size(), 2);
    QCOMPARE(playing.last().first().toBool(), false);
    QCOMPARE(target.size(), 50);

    // Paused half-way, then stepped by hand: finished comes with the last step.
    replay.toStart();
    replay.play();
    QTRY_VERIFY(replay.position() >= 10);
    replay.pause();
    QVERIFY(!replay.isPlaying());
    while (replay.position() < replay.count())
        replay.stepForward();
    QCOMPARE(finished.size(), 2);
}

// Issue 13: End pressed during a demo at the class's pace went to the last event but kept
// playing (the window showed Pause under a banner saying "finished, paused") until the next
// event's timer, up to a minute later, found nothing to play.
void TestTraceReplayer::endWhilePlayingFinishesPaused()
{
    EventLog target;
    TraceReplayer replay(&target);
    replay.setEvents(recorded(5, 60'000)); // a minute between events
    QSignalSpy finished(&replay, &TraceReplayer::finished);
    replay.play();
    QVERIFY(replay.isPlaying());
    replay.toEnd();
    QCOMPARE(replay.position(), 5);
    QVERIFY2(!replay.isPlaying(), "still playing at the end");
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestTraceReplayer)
#include "tst_tracereplayer.moc"
