#include "app/frameprobe.h"

#include <algorithm>

namespace {

constexpr int frameMs = 16;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = qsizetype(p * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

} // namespace

FrameProbe::FrameProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(frameMs);
    connect(&m_timer, &QTimer::timeout, this, &FrameProbe::tick);
}

void FrameProbe::start(int seconds)
{
    m_latenessMs.clear();
    m_latenessMs.reserve(seconds * 1000 / frameMs + 16);
    m_clock.start();
    m_lastNs = 0;
    m_endNs = qint64(seconds) * 1000 * 1000 * 1000;
    m_timer.start();
}

void FrameProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_latenessMs.append(std::max(0.0, double(now - m_lastNs) / 1e6 - frameMs));
    m_lastNs = now;
    if (now >= m_endNs) {
        m_timer.stop();
        emit finished();
    }
}

QString FrameProbe::summary() const
{
    const double max =
        m_latenessMs.isEmpty() ? 0 : *std::max_element(m_latenessMs.begin(), m_latenessMs.end());
    return QStringLiteral("ticks %1, lateness p50 %2 ms, p99 %3 ms, max %4 ms")
        .arg(m_latenessMs.size())
        .arg(percentile(m_latenessMs, 0.5), 0, 'f', 2)
        .arg(percentile(m_latenessMs, 0.99), 0, 'f', 2)
        .arg(max, 0, 'f', 2);
}
