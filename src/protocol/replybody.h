#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace pop3 {

class EventLog;

// The body of a multi-line reply, produced in chunks so a large RETR is streamed as the socket
// drains instead of being built whole in memory. Chunks are the wire form: CRLF line endings,
// byte-stuffed, ending with the ".\r\n" terminator. When the body has been read to the end, or is
// destroyed before that (the connection dropped), the server-reply event is appended to the log
// with what was really sent.
class ReplyBody
{
public:
    virtual ~ReplyBody();

    // Up to about maxBytes more octets of the wire form; empty once atEnd().
    QByteArray read(qint64 maxBytes);

    // The same, appended to out: a connection passes the same buffer again and again, so a large
    // body is streamed without allocating memory for every chunk.
    void readInto(QByteArray &out, qint64 maxBytes);

    bool atEnd() const { return m_finished; }

    // Reads everything that is left (for tests and small replies).
    QByteArray readAll();

    // The event to append on completion; set by the session.
    void setPendingEvent(EventLog *log, Event event);

    // The reply starts going out now (after a delay: the slow-replies fault): its event says so.
    void setSentAt(qint64 ms) { m_event.timeMs = ms; }

    // Another thread is about to read the body: reaching the end no longer appends the event
    // there; it is appended when the body is destroyed (in the thread that owns the log).
    void holdReport() { m_holdReport = true; }

    // Appends the event now as cut short (unless it was appended already); unsent: octets produced
    // that never went out (the terminator among them once the body was read to its end).
    void reportCutShort(qint64 unsent = 0);

    // About how many octets the body will have (the message's size); 0 when small or unknown.
    virtual qint64 sizeHint() const { return 0; }

    // Body octets sent so far, byte-stuffing included, terminator excluded.
    qint64 contentOctets() const { return m_octets; }

    int lineCount() const { return m_lines; }

protected:
    // Appends more stuffed CRLF lines (no terminator) to out until its size reaches about limit;
    // false when done.
    virtual bool produce(QByteArray &out, qsizetype limit) = 0;
    // Stuffs and appends one line's content (without its line ending), plus CRLF.
    void emitLine(QByteArray &out, const char *data, qsizetype size);
    // The same, written at w, which has room for size + 3 octets; returns the end of what it wrote.
    char *emitLine(char *w, const char *data, qsizetype size);
    // A line too long to hold whole, sent in pieces: its start (stuffed; room for size + 1),
    // more of its content (room for size), then its CRLF (room for 2), which counts the line.
    char *beginLine(char *w, const char *data, qsizetype size);
    char *continueLine(char *w, const char *data, qsizetype size);
    char *endLine(char *w);

private:
    void finish(bool aborted);

    EventLog *m_log = nullptr;
    Event m_event;
    bool m_finished = false;
    bool m_reported = false;
    bool m_holdReport = false;
    qint64 m_octets = 0;
    int m_lines = 0;
    QByteArray m_preview;
};

// A body built from lines in memory (LIST, UIDL, CAPA).
class LinesBody final : public ReplyBody
{
public:
    explicit LinesBody(QList<QByteArray> lines);

protected:
    bool produce(QByteArray &out, qsizetype limit) override;

private:
    QList<QByteArray> m_lines;
    qsizetype m_next = 0;
};

} // namespace pop3
