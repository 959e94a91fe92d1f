#pragma once

// Incremental parser of POP3 replies, strict enough that a wrong answer cannot look fast:
// every line must end with CRLF, a multi-line body must end with CRLF.CRLF, and the body is
// un-byte-stuffed and counted as octets (each line plus CRLF, the terminator excluded), which is
// what RFC 1939 says LIST reports. Bodies are consumed as they arrive: a 50 MB RETR is never
// held whole.

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

class ReplyParser
{
public:
    // multiLine: a +OK status is followed by a body. keepLines: store the body lines (LIST, UIDL).
    void expect(bool multiLine, bool keepLines);

    // Consumes from data; returns how many bytes were used. done() tells when the reply is whole.
    size_t feed(const char *data, size_t size);

    bool done() const { return m_done; }

    bool failed() const { return !m_error.empty(); }

    const std::string &error() const { return m_error; }

    bool ok() const { return m_status.compare(0, 3, "+OK") == 0; }

    const std::string &status() const { return m_status; }

    uint64_t octets() const { return m_octets; }

    uint64_t lines() const { return m_lines; }

    const std::vector<std::string> &bodyLines() const { return m_body; }

private:
    void line(const char *p, size_t len);

    bool m_multi = false;
    bool m_keep = false;
    bool m_haveStatus = false;
    bool m_done = false;
    std::string m_status;
    std::string m_partial;
    std::string m_error;
    uint64_t m_octets = 0;
    uint64_t m_lines = 0;
    std::vector<std::string> m_body;
};

} // namespace bench
