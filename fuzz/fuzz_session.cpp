// libFuzzer target: one Pop3Session fed arbitrary octets, in arbitrary chunks, through the
// connection's own framing (LineSplitter), against the in-memory maildrop of the protocol tests.
//
// Input: byte 0 picks the personality (low bits), how the session ends (bits 4-5) and whether the
// stream starts with an over-long line (bit 6: 8,200 octets of "x", more than the splitter keeps,
// so short inputs reach that path too); bytes 1-3 are the sizes of the
// chunks the rest arrives in (used in turn; 0 means "all that is left"); byte 4 says, one bit per
// chunk, whether a CR last in a chunk has waited long enough to end its line. The rest is what the
// client sends. The account "student" / "hessovs!" exists, so an input can log in and reach every
// state (see fuzz/session.dict and fuzz/corpus/session/).
//
// Checked on every reply: a status line is one line of at most 512 octets (RFC 1939 §3) ending
// with CRLF; a body is CRLF lines ending with ".\r\n"; nothing is answered once the session closed.

#include "events/eventlog.h"
#include "protocol/linesplitter.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"
#include "protocol/replybody.h"
#include "support/memorymailbox.h"

#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using pop3::LineSplitter;
using pop3::Pop3Session;

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_session: broken rule: %s\n", what);
        std::abort();
    }
}

const QList<pop3::Personality> &personalities()
{
    static const QList<pop3::Personality> all = [] {
        QList<pop3::Personality> list;
        for (const QString &id : pop3::Personality::builtinIds()) {
            if (std::optional<pop3::Personality> p = pop3::Personality::load(id))
                list.append(*p);
        }
        check(!list.isEmpty(), "the built-in personalities load");
        return list;
    }();
    return all;
}

const pop3test::MemoryMailbox &sampleMailbox()
{
    static const pop3test::MemoryMailbox mailbox = [] {
        pop3test::MemoryMailbox m;
        m.addAccount(QStringLiteral("student"),
            QStringLiteral("hessovs!"),
            {QByteArray("From: teacher@example.org\r\nSubject: Welcome\r\n\r\nHello.\r\n"),
                QByteArray("Subject: dots\r\n\r\n.leading dot\r\n..two\r\n.\r\nend\r\n"),
                QByteArray("Subject: no body\r\n"),
                QByteArray()});
        m.addAccount(QStringLiteral("barakirs"), QStringLiteral("blacksun"), {});
        return m;
    }();
    return mailbox;
}

void checkReply(Pop3Session::Reply &reply)
{
    if (reply.head.isEmpty()) {
        check(!reply.body, "a body comes after a status line");
        return;
    }
    check(reply.head.size() <= Pop3Session::maxReply, "a status line fits in 512 octets");
    check(reply.head.endsWith("\r\n"), "a status line ends with CRLF");
    check(reply.head.indexOf('\n') == reply.head.size() - 1, "a status line is one line");
    check(reply.head.indexOf('\r') == reply.head.size() - 2, "no CR inside a status line");
    if (!reply.body)
        return;
    check(reply.head.startsWith("+OK"), "only +OK has a body");
    // Read as the connection reads: into one reused buffer, 64 KiB at a time.
    static QByteArray body;
    body.resize(0);
    while (!reply.body->atEnd())
        reply.body->readInto(body, 64 * 1024);
    check(body.endsWith(".\r\n") && (body.size() == 3 || body.endsWith("\r\n.\r\n")),
        "a body ends with CRLF.CRLF");
    qsizetype lineStart = 0;
    while (lineStart < body.size()) {
        const qsizetype lf = body.indexOf('\n', lineStart);
        check(lf > lineStart && body.at(lf - 1) == '\r', "body lines end with CRLF");
        check(body.indexOf('\r', lineStart) == lf - 1, "no bare CR in a body");
        lineStart = lf + 1;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5)
        return 0;
    const uint8_t mode = data[0];
    const size_t chunkSizes[3] = {data[1], data[2], data[3]};
    const uint8_t crDueBits = data[4];
    data += 5;
    size -= 5;

    const QList<pop3::Personality> &all = personalities();
    const pop3::Personality &personality = all.at((mode & 0x0f) % all.size());
    pop3test::MemoryMailbox mailbox = sampleMailbox();
    pop3::EventLog log;
    Pop3Session session(&log,
        &mailbox,
        &personality,
        1,
        {QStringLiteral("127.0.0.1:40000"),
            QStringLiteral("127.0.0.1:110"),
            QStringLiteral("pop3lab")});
    qint64 now = 1'700'000'000'000;
    const QByteArray greeting = session.start(now);
    check(greeting.startsWith("+OK") && greeting.endsWith("\r\n"), "the greeting is +OK");

    LineSplitter lines;
    if (mode & 0x40)
        lines.append(QByteArray(LineSplitter::maxBufferedLine + 8, 'x'));
    size_t pos = 0;
    for (int chunk = 0; pos < size && !session.isClosing(); ++chunk) {
        const size_t wanted = chunkSizes[chunk % 3];
        const size_t take = wanted == 0 ? size - pos : std::min(wanted, size - pos);
        lines.append(QByteArray(reinterpret_cast<const char *>(data + pos), qsizetype(take)));
        pos += take;
        now += 1000;
        const bool crDue = (crDueBits >> (chunk % 8)) & 1;
        for (;;) {
            LineSplitter::Piece piece = lines.next(crDue);
            if (piece.kind == LineSplitter::Piece::None) {
                check(lines.pending() <= LineSplitter::maxBufferedLine,
                    "a partial line is never buffered beyond the limit");
                break;
            }
            Pop3Session::Reply reply;
            if (piece.kind == LineSplitter::Piece::Line)
                reply = session.handleLine(piece.bytes, now);
            else if (piece.kind == LineSplitter::Piece::BareCr)
                reply = session.handleBareCrLine(piece.bytes, now);
            else
                reply = session.handleOverlongLine(piece.bytes, piece.length, now);
            checkReply(reply);
            if (reply.close)
                check(session.isClosing(), "a reply that closes closes the session");
            if (session.isClosing())
                break;
        }
    }
    if (!session.isClosing()) {
        Pop3Session::Reply last;
        switch ((mode >> 4) & 3) {
        case 1:
            last = session.idleTimeout(now);
            break;
        case 2:
            last = session.shutdown(now);
            break;
        default:
            break;
        }
        checkReply(last);
    }
    const QString user = session.user();
    session.end(pop3::DisconnectReason::PeerClosed, now);
    check(session.state() == pop3::State::Closed, "end() closes");
    if (!user.isEmpty())
        check(mailbox.lockHolder(user) == 0, "the lock is released at the end");
    return 0;
}
