#pragma once

#include "events/event.h"

#include <QJsonObject>
#include <QObject>

#include <deque>
#include <optional>

namespace pop3 {

// The one ordered stream of protocol events (qBittorrent's Logger pattern). Producers — the
// sessions of Pop3Server and the ClientTracker — append; views, lessons and traces observe.
// Sequence numbers are dense and start at 1, so a late observer catches up with eventsSince().
class EventLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLog)

public:
    explicit EventLog(QObject *parent = nullptr);

    // Stamps seq and time (unless time is already set) and appends; returns the seq.
    quint64 append(Event event);

    // A fresh session id, unique in this log (server and client-side sessions share the range).
    int newSessionId() { return ++m_lastSession; }

    // Keep at most this many events in memory (0: unlimited); older ones are dropped.
    void setCapacity(qsizetype capacity);

    qsizetype capacity() const { return m_capacity; }

    qsizetype size() const { return qsizetype(m_events.size()); }

    quint64 firstSeq() const { return m_events.empty() ? m_nextSeq : m_events.front().seq; }

    quint64 lastSeq() const { return m_nextSeq - 1; }

    const Event &at(qsizetype index) const { return m_events[size_t(index)]; }

    const Event *find(quint64 seq) const;
    QList<Event> eventsSince(quint64 seq) const; // events with seq > seq

    QList<Event> events() const { return eventsSince(0); }

    void clear();
    // Empties the log and numbers the next event 1 again (a replay rebuilding its log).
    void restart();
    // Keeps only the first size events (a replay stepping back); the next one is numbered after
    // the last kept. Emits truncated(size), or cleared() for 0. Observers of a rewindable log
    // bring themselves back to that point (events/checkpoints.h).
    void truncate(qsizetype size);

    // A replay's log (TraceReplayer): its observers keep checkpoints so a step back is cheap.
    void setRewindable(bool on) { m_rewindable = on; }

    bool isRewindable() const { return m_rewindable; }

    // JSON Lines: one object per event, in order.
    static QByteArray toJsonLine(const Event &event);
    static std::optional<Event> fromJsonLine(const QByteArray &line, QString *error = nullptr);
    // The same from the line's object already parsed (a stream reader parses each line once).
    static std::optional<Event> fromJson(const QJsonObject &object, QString *error = nullptr);
    // Passwords, APOP digests and SASL responses are hidden unless the caller asks to keep them
    // (a teacher's own machine); the file is created owner-only.
    enum class SecretPolicy : quint8 {
        Hide,
        Keep
    };
    bool save(const QString &path,
        QString *error = nullptr,
        SecretPolicy secrets = SecretPolicy::Hide) const;
    // A whole trace's events, as load() reads them (seq as written: append() renumbers), or
    // nullopt and the first bad line's number and why.
    static std::optional<QList<Event>> parseTrace(
        const QByteArray &content, QString *error = nullptr);
    // Replaces the content with the trace at path; emits cleared() then eventAppended for each.
    bool load(const QString &path, QString *error = nullptr);

signals:
    void eventAppended(const pop3::Event &event);
    void cleared();
    void truncated(qsizetype size);

private:
    std::deque<Event> m_events;
    quint64 m_nextSeq = 1;
    qsizetype m_capacity = 0;
    int m_lastSession = 0;
    bool m_rewindable = false;
};

} // namespace pop3
