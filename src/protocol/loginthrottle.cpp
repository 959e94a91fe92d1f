#include "protocol/loginthrottle.h"

#include <algorithm>

namespace pop3 {

int loginFailureDelay(int baseMs, int failures)
{
    if (baseMs <= 0 || failures <= 0)
        return 0;
    const int doublings = std::min(failures - 1, 8);
    return int(std::min<qint64>(qint64(baseMs) << doublings, LoginThrottle::maxDelayMs));
}

int LoginThrottle::failed(const QString &source, int connectionFailures, int baseMs, qint64 nowMs)
{
    forgetOld(nowMs);
    Record &r = m_sources[source];
    if (nowMs - r.lastMs > forgetAfterMs)
        r.failures = 0;
    ++r.failures;
    r.lastMs = nowMs;
    return loginFailureDelay(baseMs, std::max(connectionFailures, r.failures));
}

void LoginThrottle::succeeded(const QString &source)
{
    m_sources.remove(source);
}

int LoginThrottle::recentFailures(const QString &source, qint64 nowMs) const
{
    const auto it = m_sources.constFind(source);
    if (it == m_sources.cend() || nowMs - it->lastMs > forgetAfterMs)
        return 0;
    return it->failures;
}

void LoginThrottle::forgetOld(qint64 nowMs)
{
    if (m_sources.size() < maxSources)
        return;
    for (auto it = m_sources.begin(); it != m_sources.end();) {
        if (nowMs - it->lastMs > forgetAfterMs)
            it = m_sources.erase(it);
        else
            ++it;
    }
    // Still full: the oldest half goes (a flood of fresh addresses).
    if (m_sources.size() >= maxSources) {
        QList<qint64> times;
        times.reserve(m_sources.size());
        for (const Record &r : std::as_const(m_sources))
            times.append(r.lastMs);
        std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
        const qint64 median = times.at(times.size() / 2);
        for (auto it = m_sources.begin(); it != m_sources.end();) {
            if (it->lastMs <= median)
                it = m_sources.erase(it);
            else
                ++it;
        }
    }
}

} // namespace pop3
