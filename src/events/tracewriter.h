#pragma once

#include "events/result.h"

#include <QObject>

#include <memory>

class QFile;
class QTimer;

namespace pop3 {

class EventLog;
struct Event;

// Writes an event stream to a file while it happens, as JSON Lines (EventLog::toJsonLine, what
// EventLog::load reads back): every event appended to the log from open() on, one line each. The
// file is appended to, and created owner-only (0600); credentials are hidden unless asked for.
// Lines are buffered and flushed shortly after they are written (a crash loses at most that much)
// and on close(), so a busy server does not pay a system call per event.
//
//   EventLog ──eventAppended──► write line (buffered) ──► flush timer / close() ──► file
class TraceWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceWriter)

public:
    static constexpr int defaultFlushIntervalMs = 200;

    explicit TraceWriter(EventLog *log, QObject *parent = nullptr);
    // Flushes and closes.
    ~TraceWriter() override;

    // Opens path for appending (created 0600 if new) and writes what log appends from now on.
    Result open(const QString &path);
    // Writes what is buffered and stops; a closed writer ignores the log.
    void close();
    // Writes what is buffered now; false (and failed() emitted) when the file refuses it.
    bool flush();

    bool isOpen() const;

    QString path() const { return m_path; }

    // The longest a written line waits in the buffer (default defaultFlushIntervalMs).
    void setFlushInterval(int ms);

    qint64 eventsWritten() const { return m_written; }

    // Passwords, APOP digests and SASL responses are written as "********" unless keep is true
    // (an explicit choice, for a teacher's own machine).
    void setKeepSecrets(bool keep) { m_keepSecrets = keep; }

    bool keepsSecrets() const { return m_keepSecrets; }

signals:
    // A write or a flush failed (a full disk, a removed device): the writer has closed.
    void failed(const QString &error);

private:
    void write(const Event &event);
    void fail();

    EventLog *m_log;
    std::unique_ptr<QFile> m_file;
    QTimer *m_flushTimer;
    QString m_path;
    qint64 m_written = 0;
    bool m_keepSecrets = false;
};

} // namespace pop3
