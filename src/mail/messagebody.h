#pragma once

#include "protocol/replybody.h"

#include <QFile>

namespace pop3 {

// A message (RETR) or its top (TOP) read from its file: an mbox region is unquoted (mboxrd), line
// endings are made CRLF, and a final line without a newline gets one.
class MessageBody final : public ReplyBody
{
public:
    // bodyLines < 0: the whole message; otherwise the header, the blank line and that many lines.
    MessageBody(
        const QString &file, qint64 offset, qint64 length, bool mboxQuoted, int bodyLines = -1);

    bool isOpen() const { return m_open; }

    qint64 sizeHint() const override { return m_size; }

protected:
    bool produce(QByteArray &out, qsizetype limit) override;

private:
    // One line as stored (line ending excluded): CR dropped, mbox unquoted, TOP's count kept.
    // Written at w (room for lineSize + 3 octets); returns the end of what was written.
    char *emitContentLine(char *w, const char *lineStart, qsizetype lineSize);
    // Converts the lines of one block read from the file, appending them to out.
    bool convertBlock(QByteArray &out, const char *p, const char *end);
    // Sends the start of a long line held in m_partial once its first octets decide its form
    // (dot-stuffing, mbox unquoting); the rest of the line then goes as it comes.
    char *openLongLine(char *w);
    // More of an open long line: up to its end (nl, then the line is closed) or the block's.
    char *continueLongLine(char *w, const char *p, const char *stop, bool ends);

    QFile m_file;
    bool m_open = false;
    qint64 m_remaining = 0;
    qint64 m_size = 0;
    bool m_mboxQuoted = false;
    int m_bodyLinesLeft = -1;
    bool m_inHeader = true;
    QByteArray m_partial; // the start of a line longer than one read
    QByteArray m_buffer;
    bool m_lineOpen = false; // a long line's start was sent, its end not yet
    bool m_heldCr = false; // an open line's last octet read was CR: dropped if LF follows
};

} // namespace pop3
