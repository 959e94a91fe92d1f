#pragma once

#include "events/eventlog.h"

#include <iterator>
#include <map>
#include <optional>
#include <utility>

namespace pop3 {

// What a view of a rewindable EventLog (a replay's) keeps so that a step back is cheap: a copy of
// its own state every `interval` events. On EventLog::truncated(size) the view takes the nearest
// copy at or before size and applies the few events after it again, instead of rebuilding from
// the first event. The copies are dense near the furthest point reached and sparse before it
// (each a few hundred events apart in the last thousand, thousands apart before), so a long
// trace keeps about ten of them; a state is meant to be cheap to copy (implicitly shared parts).
template<typename State> class Checkpoints final
{
public:
    static constexpr qsizetype interval = 256;

    // After the view applied the first n events of log: keeps a copy (make()) when n is a
    // multiple of interval, and thins out the older ones.
    template<typename Make> void afterAppend(const EventLog &log, qsizetype n, Make make)
    {
        if (!log.isRewindable() || n % interval != 0 || m_saved.count(n))
            return;
        m_saved.emplace(n, make());
        for (auto it = m_saved.begin(); it != m_saved.end();) {
            const qsizetype at = it->first;
            const qsizetype behind = n - at;
            const bool keep = behind < 4 * interval
                || (at % (16 * interval) == 0 && behind < 64 * interval)
                || at % (256 * interval) == 0;
            it = keep ? std::next(it) : m_saved.erase(it);
        }
    }

    // The nearest copy at or before size (the later ones are dropped: the log lost those events);
    // nullopt: none, rebuild from the start.
    std::optional<std::pair<qsizetype, State>> restore(qsizetype size)
    {
        m_saved.erase(m_saved.upper_bound(size), m_saved.end());
        if (m_saved.empty())
            return std::nullopt;
        return *m_saved.rbegin();
    }

    void clear() { m_saved.clear(); }

    qsizetype count() const { return qsizetype(m_saved.size()); }

private:
    std::map<qsizetype, State> m_saved;
};

} // namespace pop3
