#include "core/replybody.h"

#include "core/eventlog.h"

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
    if (m_finished)
        return out;
    out.reserve(qsizetype(maxBytes) + 1024);
    const bool more = produce(out, maxBytes);
    if (m_preview.size() < bodyPreviewLimit)
        m_preview.append(out.left(bodyPreviewLimit - m_preview.size()));
    if (!more) {
        out.append(".\r\n", 3);
        m_finished = true;
        finish(false);
    }
    return out;
}

QByteArray ReplyBody::readAll()
{
    QByteArray all;
    while (!atEnd())
        all += read(1 << 20);
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

bool LinesBody::produce(QByteArray &out, qint64 maxBytes)
{
    while (m_next < m_lines.size() && out.size() < maxBytes) {
        const QByteArray &line = m_lines.at(m_next++);
        emitLine(out, line.constData(), line.size());
    }
    return m_next < m_lines.size();
}

MessageBody::MessageBody(
    const QString &file, qint64 offset, qint64 length, bool mboxQuoted, int bodyLines)
    : m_file(file)
    , m_remaining(length)
    , m_mboxQuoted(mboxQuoted)
    , m_bodyLinesLeft(bodyLines)
{
    m_open = m_file.open(QIODevice::ReadOnly) && m_file.seek(offset);
}

void MessageBody::emitContentLine(QByteArray &out, const char *lineStart, qsizetype lineSize)
{
    if (lineSize > 0 && lineStart[lineSize - 1] == '\r')
        --lineSize;
    if (m_mboxQuoted && lineSize > 5 && lineStart[0] == '>') {
        qsizetype q = 0;
        while (q < lineSize && lineStart[q] == '>')
            ++q;
        if (lineSize - q >= 5 && std::memcmp(lineStart + q, "From ", 5) == 0) {
            ++lineStart;
            --lineSize;
        }
    }
    if (m_inHeader) {
        if (lineSize == 0)
            m_inHeader = false;
        emitLine(out, lineStart, lineSize);
    } else if (m_bodyLinesLeft != 0) {
        emitLine(out, lineStart, lineSize);
        if (m_bodyLinesLeft > 0)
            --m_bodyLinesLeft;
    }
}

bool MessageBody::produce(QByteArray &out, qint64 maxBytes)
{
    constexpr qint64 blockSize = 64 * 1024;
    while (out.size() < maxBytes) {
        if (!m_inHeader && m_bodyLinesLeft == 0)
            return false;
        if (m_remaining <= 0 || !m_open) {
            if (!m_partial.isEmpty()) { // a last line without a newline: treated like the others
                const QByteArray last = std::exchange(m_partial, QByteArray());
                emitContentLine(out, last.constData(), last.size());
            }
            return false;
        }
        m_buffer.resize(qsizetype(qMin(blockSize, m_remaining)));
        const qint64 got = m_file.read(m_buffer.data(), m_buffer.size());
        if (got <= 0) {
            m_remaining = 0;
            continue;
        }
        m_remaining -= got;
        const char *p = m_buffer.constData();
        const char *end = p + got;
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            if (!nl) {
                m_partial.append(p, end - p);
                break;
            }
            const char *lineStart = p;
            qsizetype lineSize = nl - p;
            if (!m_partial.isEmpty()) {
                m_partial.append(p, lineSize);
                lineStart = m_partial.constData();
                lineSize = m_partial.size();
            }
            emitContentLine(out, lineStart, lineSize);
            m_partial.clear();
            p = nl + 1;
            if (!m_inHeader && m_bodyLinesLeft == 0)
                return false;
        }
    }
    return true;
}

} // namespace pop3
