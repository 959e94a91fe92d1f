#include "mail/messagebody.h"

#include "mail/safefile.h"

#include <cstring>

namespace pop3 {

MessageBody::MessageBody(
    const QString &file, qint64 offset, qint64 length, bool mboxQuoted, int bodyLines)
    : m_remaining(length)
    , m_size(length)
    , m_mboxQuoted(mboxQuoted)
    , m_bodyLinesLeft(bodyLines)
{
    // A message file is never read through a link (one planted after the listing, in place of a
    // message, would serve any file the server can read).
    m_open = SafeFile::openForReading(m_file, file, nullptr, QIODevice::Unbuffered)
        && m_file.seek(offset);
}

char *MessageBody::emitContentLine(char *w, const char *lineStart, qsizetype lineSize)
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
        return emitLine(w, lineStart, lineSize);
    }
    if (m_bodyLinesLeft != 0) {
        w = emitLine(w, lineStart, lineSize);
        if (m_bodyLinesLeft > 0)
            --m_bodyLinesLeft;
    }
    return w;
}

namespace {

// A line longer than this is not held whole: its start is sent once it decides the line's form,
// the rest as it is read (a message that is one 50 MB line costs no 50 MB of memory).
constexpr qsizetype longLine = 64 * 1024;

} // namespace

char *MessageBody::openLongLine(char *w)
{
    const char *start = m_partial.constData();
    qsizetype size = m_partial.size();
    if (m_mboxQuoted && start[0] == '>') {
        qsizetype q = 0;
        while (q < size && start[q] == '>')
            ++q;
        if (size - q < 5)
            return w; // only '>' so far: ">From " or not is not known yet, keep holding
        if (std::memcmp(start + q, "From ", 5) == 0) {
            ++start;
            --size;
        }
    }
    m_heldCr = start[size - 1] == '\r'; // dropped if the line ends right after it
    if (m_heldCr)
        --size;
    w = beginLine(w, start, size);
    m_partial.resize(0);
    m_lineOpen = true;
    return w;
}

char *MessageBody::continueLongLine(char *w, const char *p, const char *stop, bool ends)
{
    qsizetype n = stop - p;
    if (m_heldCr && n > 0)
        w = continueLine(w, "\r", 1); // the CR held back was inside the line
    m_heldCr = false;
    if (n > 0 && p[n - 1] == '\r') {
        --n;
        m_heldCr = !ends;
    }
    w = continueLine(w, p, n);
    if (ends) {
        w = endLine(w);
        m_lineOpen = false;
        if (!m_inHeader && m_bodyLinesLeft > 0)
            --m_bodyLinesLeft;
    }
    return w;
}

// Every line of n octets read (its LF included) becomes at most n + 2 octets on the wire (a
// leading dot doubled, LF made CRLF); the start of a line carried over from the last block adds
// its own size. So 2 * block + carried-over + a few octets is always room enough: out is grown
// once for the whole block and the lines are written straight into it.
bool MessageBody::convertBlock(QByteArray &out, const char *p, const char *end)
{
    const qsizetype base = out.size();
    out.resize(base + 2 * (end - p) + m_partial.size() + 8);
    char *const begin = out.data();
    char *w = begin + base;
    bool more = true;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (m_lineOpen) {
            w = continueLongLine(w, p, nl ? nl : end, nl != nullptr);
            if (!nl)
                break;
            p = nl + 1;
            if (!m_inHeader && m_bodyLinesLeft == 0) {
                more = false;
                break;
            }
            continue;
        }
        if (!nl) {
            m_partial.append(p, end - p);
            if (m_partial.size() >= longLine)
                w = openLongLine(w);
            break;
        }
        if (m_partial.isEmpty()) {
            w = emitContentLine(w, p, nl - p);
        } else {
            m_partial.append(p, nl - p);
            w = emitContentLine(w, m_partial.constData(), m_partial.size());
            m_partial.resize(0); // keeps its capacity for the next long line
        }
        p = nl + 1;
        if (!m_inHeader && m_bodyLinesLeft == 0) {
            more = false;
            break;
        }
    }
    out.resize(w - begin);
    return more;
}

bool MessageBody::produce(QByteArray &out, qsizetype limit)
{
    constexpr qint64 blockSize = 64 * 1024;
    while (out.size() < limit) {
        if (!m_inHeader && m_bodyLinesLeft == 0)
            return false;
        if (m_remaining <= 0 || !m_open) {
            if (m_lineOpen) { // a long last line without a newline (a CR last in it dropped)
                const qsizetype base = out.size();
                out.resize(base + 2);
                m_heldCr = false;
                continueLongLine(out.data() + base, nullptr, nullptr, true);
                return false;
            }
            if (!m_partial.isEmpty()) { // a last line without a newline: treated like the others
                const QByteArray last = std::exchange(m_partial, QByteArray());
                const qsizetype base = out.size();
                out.resize(base + last.size() + 3);
                char *w = emitContentLine(out.data() + base, last.constData(), last.size());
                out.resize(w - out.constData());
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
        if (!convertBlock(out, m_buffer.constData(), m_buffer.constData() + got))
            return false;
    }
    return true;
}

} // namespace pop3
