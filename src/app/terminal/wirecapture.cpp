#include "app/terminal/wirecapture.h"

#include <optional>

namespace {

constexpr int sampleBytes = 16; // of each record's payload: enough to see it is noise

// The first word of text, and what follows the space after it.
QByteArray firstWord(const QByteArray &text)
{
    const qsizetype space = text.indexOf(' ');
    return space < 0 ? text : text.left(space);
}

QByteArray afterFirstWord(const QByteArray &text)
{
    const qsizetype space = text.indexOf(' ');
    return space < 0 ? QByteArray() : text.mid(space + 1);
}

bool isStatus(const QByteArray &line)
{
    return line.startsWith("+OK") || line.startsWith("-ERR");
}

QString printable(const QByteArray &bytes)
{
    QString out = QString::fromUtf8(bytes);
    out.replace(QChar(0), QChar(0x2400)); // ␀, as the separators of SASL PLAIN
    return out;
}

std::optional<QByteArray> fromBase64(const QByteArray &text)
{
    if (text == "=")
        return QByteArray(); // an empty initial response (RFC 5034)
    const auto decoded =
        QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

// Handshake message types an eavesdropper reads in clear (RFC 8446 4, RFC 5246 7.4).
bool knownHandshake(int type)
{
    static const QList<int> known{1, 2, 4, 11, 12, 13, 14, 15, 16};
    return known.contains(type);
}

} // namespace

void WireCapture::add(Direction direction, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (!m_anyBytes) {
        m_anyBytes = true;
        // A TLS connection from the start: the client speaks first, with a handshake record.
        if (direction == Direction::ClientToServer && bytes.startsWith("\x16\x03"))
            m_tls[0] = m_tls[1] = true;
    }
    const int d = int(direction);
    if (m_tls[d]) {
        addTls(direction, bytes);
        return;
    }
    qsizetype used = 0;
    addClear(direction, bytes, &used);
    m_clearBytes += used;
    if (used < bytes.size())
        addTls(direction, bytes.mid(used));
}

void WireCapture::addClear(Direction direction, const QByteArray &bytes, qsizetype *used)
{
    Stream &s = m_streams[int(direction)];
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype end = bytes.indexOf('\n', pos);
        const qsizetype stop = end < 0 ? bytes.size() : end + 1;
        const qsizetype room = qMax<qsizetype>(0, maxLineBytes - s.line.size());
        s.line += bytes.mid(pos, qMin(room, stop - pos));
        s.remaining += stop - pos; // the line's octets so far
        pos = stop;
        if (end < 0)
            break;
        Entry entry;
        entry.direction = direction;
        entry.bytes = std::exchange(s.line, {});
        entry.size = std::exchange(s.remaining, 0);
        const bool toTls =
            direction == Direction::ServerToClient && m_stlsAsked && isStatus(entry.bytes);
        if (direction == Direction::ClientToServer)
            clientLine(entry);
        else
            serverLine(entry.bytes);
        append(std::move(entry));
        if (toTls && m_tls[1]) {
            *used = pos; // what follows is the server's side of the handshake
            return;
        }
    }
    *used = bytes.size();
}

void WireCapture::clientLine(Entry &entry)
{
    const QByteArray line = entry.bytes.trimmed();
    entry.shown = printable(line);
    auto decodeAnswer = [&](const QByteArray &answer) {
        const std::optional<QByteArray> decoded = fromBase64(answer);
        if (!decoded)
            return;
        entry.shown = printable(*decoded);
        const int n = m_saslAnswers++;
        if (m_mechanism == "PLAIN") {
            const QList<QByteArray> parts = decoded->split('\0');
            if (parts.size() == 3) {
                entry.leak = Leak::Password;
                entry.user = QString::fromUtf8(parts.at(1));
                entry.secret = QString::fromUtf8(parts.at(2));
            }
        } else if (m_mechanism == "LOGIN") {
            entry.leak = n == 0 ? Leak::UserName : Leak::Password;
            (n == 0 ? m_saslUser : entry.secret) = QString::fromUtf8(*decoded);
            entry.user = m_saslUser;
        } else if (m_mechanism == "CRAM-MD5") {
            entry.leak = Leak::CramMd5;
            entry.user = QString::fromUtf8(firstWord(*decoded));
            entry.secret = QString::fromUtf8(afterFirstWord(*decoded));
        } else if (m_mechanism.startsWith("SCRAM-")) {
            entry.leak = Leak::Scram;
            for (const QByteArray &field : decoded->split(',')) {
                if (field.startsWith("n="))
                    m_saslUser = QString::fromUtf8(field.mid(2));
                else if (field.startsWith("p="))
                    entry.secret = QString::fromUtf8(field.mid(2));
            }
            entry.user = m_saslUser;
        }
    };
    if (!m_mechanism.isEmpty()) {
        if (line == "*")
            m_mechanism.clear(); // the client cancelled the exchange
        else
            decodeAnswer(line);
    } else {
        const QByteArray keyword = firstWord(line).toUpper();
        const QByteArray rest = afterFirstWord(line);
        if (keyword == "USER") {
            entry.leak = Leak::UserName;
            entry.user = QString::fromUtf8(rest);
        } else if (keyword == "PASS") {
            entry.leak = Leak::Password;
            entry.secret = QString::fromUtf8(rest);
        } else if (keyword == "APOP") {
            entry.leak = Leak::ApopDigest;
            entry.user = QString::fromUtf8(firstWord(rest));
            entry.secret = QString::fromUtf8(afterFirstWord(rest));
        } else if (keyword == "AUTH" && !rest.isEmpty()) {
            m_mechanism = firstWord(rest).toUpper();
            m_saslAnswers = 0;
            m_saslUser.clear();
            entry.leak = Leak::Mechanism;
            const QByteArray initial = afterFirstWord(rest);
            if (!initial.isEmpty()) {
                entry.leak = Leak::None;
                decodeAnswer(initial);
            }
        } else if (keyword == "STLS") {
            m_stlsAsked = true;
        }
    }
    if (entry.leak == Leak::Password || entry.leak == Leak::ApopDigest
        || entry.leak == Leak::CramMd5 || entry.leak == Leak::Scram) {
        if (m_leaks.size() < 100)
            m_leaks.append(entry);
    }
}

void WireCapture::serverLine(const QByteArray &line)
{
    if (!isStatus(line))
        return;
    m_mechanism.clear(); // +OK or -ERR ends a SASL exchange
    if (m_stlsAsked) {
        m_stlsAsked = false;
        if (line.startsWith("+OK")) {
            m_tls[0] = m_tls[1] = true;
            m_streams[0] = Stream(); // a client line begun before is left in clear
        }
    }
}

void WireCapture::addTls(Direction direction, const QByteArray &bytes)
{
    Stream &s = m_streams[int(direction)];
    m_tlsBytes += bytes.size();
    qsizetype pos = 0;
    while (pos < bytes.size() && !s.broken) {
        if (s.header.size() < 5) {
            const qsizetype take = qMin<qsizetype>(5 - s.header.size(), bytes.size() - pos);
            s.header += bytes.mid(pos, take);
            pos += take;
            if (s.header.size() < 5)
                break;
            const auto type = quint8(s.header.at(0));
            if (type < 20 || type > 23 || s.header.at(1) != 3) {
                s.broken = true; // not TLS: shown as it is
                pos -= 5;
                break;
            }
            s.remaining = (quint8(s.header.at(3)) << 8) | quint8(s.header.at(4));
            s.sample.clear();
        }
        const qsizetype take = qMin<qsizetype>(s.remaining, bytes.size() - pos);
        s.sample += bytes.mid(pos, qMin<qsizetype>(take, sampleBytes - s.sample.size()));
        s.remaining -= take;
        pos += take;
        if (s.remaining > 0)
            break;
        Entry entry;
        entry.kind = Entry::Kind::Record;
        entry.direction = direction;
        entry.recordType = quint8(s.header.at(0));
        entry.size = 5 + ((quint8(s.header.at(3)) << 8) | quint8(s.header.at(4)));
        entry.bytes = s.header + s.sample;
        if (entry.recordType == 20)
            s.cipherChanged = true; // handshake records after this one are encrypted
        if (entry.recordType == 22 && !s.cipherChanged && !s.sample.isEmpty()
            && knownHandshake(quint8(s.sample.at(0))))
            entry.handshakeType = quint8(s.sample.at(0));
        s.header.clear();
        ++m_tlsRecords;
        append(std::move(entry));
    }
    if (s.broken && pos < bytes.size()) {
        Entry entry;
        entry.kind = Entry::Kind::Unparsed;
        entry.direction = direction;
        entry.bytes = bytes.mid(qMax<qsizetype>(0, pos), sampleBytes);
        entry.size = bytes.size() - qMax<qsizetype>(0, pos);
        append(std::move(entry));
    }
}

void WireCapture::append(Entry entry)
{
    // A long body or a stream of records is folded into one entry after a dozen of its own: the
    // view stays readable and a 50 MB RETR costs a few entries.
    const auto foldable = [](const Entry &e) {
        return e.leak == Leak::None
            && ((e.kind == Entry::Kind::Line && e.direction == Direction::ServerToClient
                    && !isStatus(e.bytes))
                || (e.kind == Entry::Kind::Record && e.recordType == 23)
                || e.kind == Entry::Kind::Unparsed);
    };
    const auto alike = [](const Entry &a, const Entry &b) {
        return a.direction == b.direction && a.kind == b.kind && a.recordType == b.recordType;
    };
    if (foldable(entry) && !m_entries.isEmpty()) {
        Entry &last = m_entries.last();
        if (last.kind == Entry::Kind::Folded && last.direction == entry.direction
            && last.recordType == entry.recordType && last.folds == entry.kind) {
            ++last.count;
            last.size += entry.size;
            return;
        }
        if (m_run >= foldAfter && alike(last, entry)) {
            Entry folded;
            folded.kind = Entry::Kind::Folded;
            folded.direction = entry.direction;
            folded.recordType = entry.recordType;
            folded.folds = entry.kind;
            folded.size = entry.size;
            m_entries.append(std::move(folded));
            return;
        }
        m_run = alike(last, entry) ? m_run + 1 : 1;
    } else {
        m_run = foldable(entry) ? 1 : 0;
    }
    m_entries.append(std::move(entry));
    if (m_entries.size() > maxEntries) {
        const qsizetype drop = maxEntries / 4;
        m_entries.remove(0, drop);
        m_dropped += drop;
    }
}
