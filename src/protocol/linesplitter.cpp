#include "protocol/linesplitter.h"

#include <cstring>

namespace pop3 {

void LineSplitter::append(const QByteArray &bytes)
{
    if (m_pos > 0) {
        m_input.remove(0, m_pos);
        m_pos = 0;
    }
    m_input += bytes;
}

LineSplitter::Piece LineSplitter::next(bool crDue)
{
    Piece piece;
    const char *base = m_input.constData() + m_pos;
    const qsizetype available = m_input.size() - m_pos;
    // The first m_clean octets were searched already: no LF and no CR in them. Without this, a
    // line trickled one octet at a time would be searched again from its start for every octet.
    const char *nl = available > m_clean
        ? static_cast<const char *>(std::memchr(base + m_clean, '\n', size_t(available - m_clean)))
        : nullptr;
    if (!nl && m_overlongLength < 0) {
        const char *cr = available > m_clean ? static_cast<const char *>(
                             std::memchr(base + m_clean, '\r', size_t(available - m_clean)))
                                             : nullptr;
        m_clean = cr ? cr - base : available;
        if (cr && (cr + 1 < base + available || crDue)) {
            qsizetype lineSize = cr - base + 1;
            piece.kind = Piece::BareCr;
            piece.bytes = QByteArray(base, lineSize);
            if (lineSize < available && base[lineSize] == '\0')
                ++lineSize; // telnet's CR NUL: the NUL belongs to the line ending
            m_pos += lineSize;
            m_clean = 0;
            return piece;
        }
    }
    if (!nl) {
        if (m_overlongLength >= 0) { // everything is discarded until the LF
            m_overlongLength += available;
            m_pos = m_input.size();
        } else if (available > maxBufferedLine) {
            m_overlongStart = QByteArray(base, 64);
            m_overlongLength = available;
            m_pos = m_input.size();
            m_clean = 0;
        }
        if (m_pos == m_input.size()) {
            m_input.clear();
            m_pos = 0;
        }
        return piece;
    }
    const qsizetype lineSize = nl - base + 1;
    if (m_overlongLength >= 0) {
        piece.kind = Piece::Overlong;
        piece.bytes = m_overlongStart;
        piece.length = m_overlongLength + lineSize;
        m_overlongLength = -1;
    } else {
        piece.kind = Piece::Line;
        piece.bytes = QByteArray(base, lineSize);
        piece.length = lineSize;
    }
    m_pos += lineSize;
    m_clean = 0;
    if (m_pos == m_input.size()) {
        m_input.clear();
        m_pos = 0;
    }
    return piece;
}

} // namespace pop3
