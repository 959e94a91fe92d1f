#include "events/tracereplayer.h"

#include "events/eventlog.h"

#include <algorithm>

namespace pop3 {

TraceReplayer::TraceReplayer(EventLog *target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
    m_target->setRewindable(true);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TraceReplayer::playNext);
}

void TraceReplayer::setEvents(QList<Event> events)
{
    pause();
    m_events = std::move(events);
    m_position = 0;
    m_target->restart();
    emit positionChanged(m_position);
}

bool TraceReplayer::loadFile(const QString &path, QString *error)
{
    EventLog scratch;
    if (!scratch.load(path, error))
        return false;
    setEvents(scratch.events());
    return true;
}

void TraceReplayer::setSpeed(double factor)
{
    m_speed = factor > 0 ? factor : 1.0;
}

void TraceReplayer::setMaxGapMs(int ms)
{
    m_maxGapMs = std::max(0, ms);
}

void TraceReplayer::setMinGapMs(int ms)
{
    m_minGapMs = std::max(0, ms);
}

void TraceReplayer::play()
{
    if (m_position >= count() || isPlaying())
        return;
    m_playing = true;
    scheduleNext();
    emit playingChanged(true);
}

void TraceReplayer::pause()
{
    if (!isPlaying())
        return;
    m_playing = false;
    m_timer.stop();
    emit playingChanged(false);
}

void TraceReplayer::scheduleNext()
{
    // The first event comes at once; the next after its recorded gap, scaled and capped.
    qint64 gap = 0;
    if (m_position > 0 && m_position < count())
        gap = m_events.at(m_position).timeMs - m_events.at(m_position - 1).timeMs;
    gap = std::clamp<qint64>(qint64(double(gap) / m_speed), 0, m_maxGapMs);
    if (m_position > 0)
        gap = std::max<qint64>(gap, m_minGapMs);
    m_timer.start(int(gap));
}

void TraceReplayer::playNext()
{
    stepForward(); // the last one finishes the play
    if (m_position < count())
        scheduleNext();
}

void TraceReplayer::finishPlaying()
{
    m_playing = false;
    m_timer.stop();
    emit finished();
    emit playingChanged(false);
}

void TraceReplayer::stepForward()
{
    if (m_position >= count())
        return;
    m_target->append(m_events.at(m_position)); // keeps the recorded time
    ++m_position;
    emit positionChanged(m_position);
    if (m_position == count()) {
        if (isPlaying())
            finishPlaying(); // played, or Space pressed while playing
        else
            emit finished();
    }
}

void TraceReplayer::stepBack()
{
    if (m_position > 0)
        seek(m_position - 1);
}

void TraceReplayer::seek(qsizetype position)
{
    position = std::clamp<qsizetype>(position, 0, count());
    if (position < m_position) {
        m_target->truncate(position); // every view goes back from its nearest checkpoint
        m_position = position;
    }
    while (m_position < position)
        m_target->append(m_events.at(m_position++));
    emit positionChanged(m_position);
    // Sent to the end while playing (End, the scrubber): it has finished, now, not when the
    // next event's timer (up to a class pace later) finds nothing left.
    if (m_playing && m_position >= count())
        finishPlaying();
}

} // namespace pop3
