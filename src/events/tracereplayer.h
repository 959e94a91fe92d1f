#pragma once

#include "events/event.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace pop3 {

class EventLog;

// Plays a recorded trace back into an EventLog — a log of its own, never the live server's — on a
// clock or one event at a time: the engine of step-by-step replay and of a paced demo. Every view
// observes the target log as it would a live one. Stepping back truncates the target
// (EventLog::truncated); each view goes back to its nearest checkpoint (events/checkpoints.h) and
// applies the few events after it again, so its state after a step back is exactly what it was
// when it first got there, at the cost of a few hundred events at most: no view needs an "undo".
class TraceReplayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceReplayer)

public:
    explicit TraceReplayer(EventLog *target, QObject *parent = nullptr);

    // The trace to play; the target is cleared and the position set to 0.
    void setEvents(QList<Event> events);
    // Reads a JSON Lines trace (as --trace and File › Save trace write it).
    bool loadFile(const QString &path, QString *error = nullptr);

    qsizetype count() const { return m_events.size(); }

    // How many events of the trace the target holds now.
    qsizetype position() const { return m_position; }

    // From play() until pause() or the last event, at every event played too (the views batch
    // their work into frames while this is true).
    bool isPlaying() const { return m_playing; }

    // 1.0: as recorded; 2.0: twice as fast. Gaps are also capped by maxGapMs (a class does not
    // wait for a 10-minute idle timeout).
    void setSpeed(double factor);
    void setMaxGapMs(int ms);
    // At least this long between two events while playing: a pace a class can follow, even for
    // a trace recorded at machine speed (0: none).
    void setMinGapMs(int ms);

    double speed() const { return m_speed; }

    int minGapMs() const { return m_minGapMs; }

    int maxGapMs() const { return m_maxGapMs; }

    const QList<Event> &events() const { return m_events; }

public slots:
    void play();
    void pause();
    void stepForward();
    void stepBack();
    void seek(qsizetype position);

    void toStart() { seek(0); }

    void toEnd() { seek(count()); }

signals:
    void positionChanged(qsizetype position);
    void playingChanged(bool playing);
    void finished(); // the last event was played

private:
    void scheduleNext();
    void playNext();
    void finishPlaying(); // at the last event while playing: paused, finished

    EventLog *m_target;
    QList<Event> m_events;
    qsizetype m_position = 0;
    double m_speed = 1.0;
    int m_maxGapMs = 2000;
    int m_minGapMs = 0;
    QTimer m_timer;
    bool m_playing = false;
};

} // namespace pop3
