#pragma once

#include <QByteArray>

namespace pop3 {

// Cuts the octets a client sends into the lines a Pop3Session answers, however the network chunked
// them: a line ends at LF (CRLF or a bare LF); a CR followed by anything but LF ends a line on its
// own (a terminal sending CR for Enter; telnet's CR NUL, whose NUL belongs to the ending); a CR
// last in the input waits for its LF until the caller says its grace is over (crDue). A line longer
// than maxBufferedLine is not buffered: its first octets and its length are kept, the rest
// discarded. No socket and no timer, so the connection's framing can be unit-tested and fuzzed.
class LineSplitter final
{
public:
    static constexpr qsizetype maxBufferedLine = 8192;

    struct Piece
    {
        enum Kind {
            None, // no complete line yet: append more input
            Line, // bytes: the line, its LF included
            BareCr, // bytes: the line, ended by a CR alone (included)
            Overlong, // bytes: its first 64 octets; length: all its octets, LF included
        };

        Kind kind = None;
        QByteArray bytes;
        qint64 length = 0;
    };

    // More input, as received.
    void append(const QByteArray &bytes);
    // The next complete piece. crDue: a CR last in the input ends its line now.
    Piece next(bool crDue = false);

    // The input ends with a CR that may still get its LF (the caller starts the grace timer).
    bool waitsForLf() const { return m_pos < m_input.size() && m_input.endsWith('\r'); }

    // Octets received and not yet cut into a piece (a partial line).
    qsizetype pending() const { return m_input.size() - m_pos; }

    // Forgets every octet not yet taken (STLS: what came after it is never answered); returns
    // how many there were.
    qsizetype discard()
    {
        const qsizetype dropped = pending();
        *this = LineSplitter();
        return dropped;
    }

private:
    QByteArray m_input;
    qsizetype m_pos = 0; // where the next line starts
    qsizetype m_clean = 0; // octets from m_pos on known to hold no LF and no CR
    QByteArray m_overlongStart;
    qint64 m_overlongLength = -1; // >= 0 while discarding an overlong line
};

} // namespace pop3
