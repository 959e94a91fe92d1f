#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

// Measures how late the window's event loop runs: a 16 ms timer (one frame at 60 Hz) notes how
// much later than asked each tick arrives. When the event stream is batched properly, a busy
// server does not make the window miss frames; when it is not, the lateness shows it. Used by
// `pop3lab --frame-stats SECONDS` (benchmarks/gui/run.sh).
class FrameProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameProbe)

public:
    explicit FrameProbe(QObject *parent = nullptr);

    void start(int seconds);
    // "ticks N, lateness p50 X ms, p99 Y ms, max Z ms"
    QString summary() const;

signals:
    void finished();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_endNs = 0;
    QList<double> m_latenessMs;
};
