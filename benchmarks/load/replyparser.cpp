#include "replyparser.h"

#include <cstring>

namespace bench {

void ReplyParser::expect(bool multiLine, bool keepLines)
{
    m_multi = multiLine;
    m_keep = keepLines;
    m_haveStatus = false;
    m_done = false;
    m_status.clear();
    m_partial.clear();
    m_error.clear();
    m_octets = 0;
    m_lines = 0;
    m_body.clear();
}

size_t ReplyParser::feed(const char *data, size_t size)
{
    size_t used = 0;
    while (used < size && !m_done && m_error.empty()) {
        const char *p = data + used;
        const char *nl = static_cast<const char *>(memchr(p, '\n', size - used));
        if (!nl) {
            m_partial.append(p, size - used);
            used = size;
            if (m_partial.size() > (1u << 20))
                m_error = "a line longer than 1 MB";
            break;
        }
        const size_t len = size_t(nl - p) + 1;
        used += len;
        if (m_partial.empty()) {
            line(p, len);
        } else {
            m_partial.append(p, len);
            line(m_partial.data(), m_partial.size());
            m_partial.clear();
        }
    }
    return used;
}

void ReplyParser::line(const char *p, size_t len)
{
    // len includes the LF
    if (len < 2 || p[len - 2] != '\r') {
        m_error = "a line not ended by CRLF";
        return;
    }
    const size_t content = len - 2;
    if (!m_haveStatus) {
        m_haveStatus = true;
        m_status.assign(p, content);
        if (m_status.compare(0, 3, "+OK") != 0 && m_status.compare(0, 4, "-ERR") != 0)
            m_error = "status is neither +OK nor -ERR: " + m_status.substr(0, 80);
        else if (content > 510)
            m_error = "status line longer than 512 octets";
        if (!m_multi || !ok())
            m_done = true;
        return;
    }
    if (content == 1 && p[0] == '.') {
        m_done = true;
        return;
    }
    const char *start = p;
    size_t n = content;
    if (n > 0 && p[0] == '.') { // byte-stuffed
        ++start;
        --n;
    }
    m_octets += n + 2;
    ++m_lines;
    if (m_keep)
        m_body.emplace_back(start, n);
}

} // namespace bench
