#include "protocol/replybody.h"

#include "events/eventlog.h"

#include <cstring>
#include <utility>

namespace pop3 {

ReplyBody::~ReplyBody()
{
    finish(!m_finished);
}

void ReplyBody::setPendingEvent(EventLog *log, Event event)
{
    m_log = log;
    m_event = std::move(event);
}

QByteArray ReplyBody::read(qint64 maxBytes)
{
    QByteArray out;
    readInto(out, maxBytes);
    return out;
}

void ReplyBody::readInto(QByteArray &out, qint64 maxBytes)
{
    if (m_finished)
        return;
    const qsizetype start = out.size();
    const qsizetype limit = start + qsizetype(maxBytes);
    if (out.capacity() < limit + 1024)
        out.reserve(limit + 1024);
    const bool more = produce(out, limit);
    if (m_preview.size() < bodyPreviewLimit)
        m_preview.append(
            out.constData() + start, qMin(out.size() - start, bodyPreviewLimit - m_preview.size()));
    if (!more) {
        out.append(".\r\n", 3);
        m_finished = true;
        if (!m_holdReport)
            finish(false);
    }
}

// In pieces that double as the body grows: a LIST of three lines does not reserve a megabyte (a
// large allocation is an mmap and an munmap per reply), and a 50 MB message is not copied
// again for every megabyte.
QByteArray ReplyBody::readAll()
{
    QByteArray all;
    while (!atEnd())
        readInto(all, qMax<qint64>(16 * 1024, all.size()));
    return all;
}

void ReplyBody::emitLine(QByteArray &out, const char *data, qsizetype size)
{
    const bool stuffed = size > 0 && data[0] == '.';
    if (stuffed)
        out.append('.');
    out.append(data, size);
    out.append("\r\n", 2);
    m_octets += size + 2 + (stuffed ? 1 : 0); // what crossed the wire

    ++m_lines;
}

char *ReplyBody::emitLine(char *w, const char *data, qsizetype size)
{
    const bool stuffed = size > 0 && data[0] == '.';
    if (stuffed)
        *w++ = '.';
    std::memcpy(w, data, size_t(size));
    w += size;
    *w++ = '\r';
    *w++ = '\n';
    m_octets += size + 2 + (stuffed ? 1 : 0);
    ++m_lines;
    return w;
}

char *ReplyBody::beginLine(char *w, const char *data, qsizetype size)
{
    if (size > 0 && data[0] == '.') {
        *w++ = '.';
        ++m_octets;
    }
    return continueLine(w, data, size);
}

char *ReplyBody::continueLine(char *w, const char *data, qsizetype size)
{
    if (size > 0)
        std::memcpy(w, data, size_t(size));
    m_octets += size;
    return w + size;
}

char *ReplyBody::endLine(char *w)
{
    *w++ = '\r';
    *w++ = '\n';
    m_octets += 2;
    ++m_lines;
    return w;
}

void ReplyBody::reportCutShort(qint64 unsent)
{
    if (m_reported)
        return;
    if (m_finished)
        unsent = qMax<qint64>(0, unsent - 3); // the ".\r\n" terminator is not counted
    m_octets = qMax<qint64>(0, m_octets - unsent);
    finish(true);
}

void ReplyBody::finish(bool aborted)
{
    if (m_reported || !m_log)
        return;
    m_reported = true;
    m_event.multiLine = true;
    m_event.truncated = aborted;
    m_event.lines = m_lines;
    m_event.octets = m_octets;
    m_event.body = m_preview;
    m_log->append(std::move(m_event));
}

LinesBody::LinesBody(QList<QByteArray> lines)
    : m_lines(std::move(lines))
{ }

bool LinesBody::produce(QByteArray &out, qsizetype limit)
{
    while (m_next < m_lines.size() && out.size() < limit) {
        const QByteArray &line = m_lines.at(m_next++);
        emitLine(out, line.constData(), line.size());
    }
    return m_next < m_lines.size();
}

} // namespace pop3
