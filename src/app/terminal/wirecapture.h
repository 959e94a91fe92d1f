#pragma once

#include "app/terminal/wiretap.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What an eavesdropper makes of the bytes a WireTap saw, without any widget and without any
// translated word (the view words it): lines in clear, with what each one leaks (a password, a
// digest), and after STLS (or from the first byte of a TLS connection) only TLS records, cut by
// their 5-byte headers. TLS starts where the wire says so: the client's ClientHello (0x16 0x03)
// as the first byte, or the bytes after the server's +OK to a STLS line.
class WireCapture
{
public:
    using Direction = WireTap::Direction;

    // What a client line gives away to whoever reads it.
    enum class Leak {
        None,
        UserName, // USER name
        Password, // PASS, or a SASL PLAIN/LOGIN answer decoded: secret is the password
        ApopDigest, // APOP name digest: readable, not reusable
        CramMd5, // CRAM-MD5 answer: user name and HMAC-MD5 digest, not reusable
        Scram, // SCRAM-SHA-256: salted proof, not reusable
        Mechanism, // AUTH <mechanism> without an answer yet
    };

    struct Entry
    {
        enum class Kind {
            Line, // a line in clear (line ending included, cut at maxLineBytes)
            Record, // a TLS record: bytes = its 5-byte header and the first payload bytes
            Folded, // count more lines or records like the previous ones, size octets
            Unparsed, // bytes that are neither lines nor TLS records
        };
        Kind kind = Kind::Line;
        Direction direction = Direction::ClientToServer;
        QByteArray bytes;
        qint64 size = 0; // octets on the wire
        int count = 1; // Folded: how many
        Leak leak = Leak::None;
        QString user; // what leaked, decoded
        QString secret; // Password: the password; digests: the digest
        QString shown; // Line: the readable text (base64 decoded for SASL answers)
        quint8 recordType = 0; // Record: 20 change cipher spec, 21 alert, 22 handshake, 23 data
        int handshakeType = -1; // Record 22: the first handshake message's type, when readable
        Kind folds = Kind::Line; // Folded: what it folds
    };

    static constexpr int maxLineBytes = 400;
    static constexpr int foldAfter = 12; // a run of alike entries longer than this is folded
    static constexpr int maxEntries = 3000;

    void add(Direction direction, const QByteArray &bytes);

    const QList<Entry> &entries() const { return m_entries; }

    qsizetype droppedEntries() const { return m_dropped; }

    qint64 clearBytes() const { return m_clearBytes; }

    qint64 tlsBytes() const { return m_tlsBytes; }

    int tlsRecords() const { return m_tlsRecords; }

    bool tlsSeen() const { return m_tls[0] || m_tls[1]; }

    // Every leak so far (Password, ApopDigest, CramMd5, Scram), kept even when entries are dropped.
    const QList<Entry> &leaks() const { return m_leaks; }

private:
    struct Stream
    {
        QByteArray line; // clear: the line being received
        QByteArray header; // TLS: the header being received (up to 5 bytes)
        QByteArray sample; // TLS: the first payload bytes of the current record
        qint64 remaining = 0; // clear: octets of the line so far; TLS: payload still to come
        bool cipherChanged = false; // TLS: handshake records from here on are encrypted
        bool broken = false; // TLS: not records after all
    };

    void addClear(Direction direction, const QByteArray &bytes, qsizetype *used);
    void addTls(Direction direction, const QByteArray &bytes);
    void clientLine(Entry &entry);
    void serverLine(const QByteArray &line);
    void append(Entry entry);

    Stream m_streams[2];
    bool m_tls[2] = {false, false};
    bool m_anyBytes = false;
    bool m_stlsAsked = false;
    QByteArray m_mechanism; // SASL exchange in progress: PLAIN, LOGIN, CRAM-MD5, ...
    int m_saslAnswers = 0;
    QString m_saslUser;
    QList<Entry> m_entries;
    QList<Entry> m_leaks;
    qsizetype m_dropped = 0;
    int m_run = 0; // alike entries at the end of m_entries
    qint64 m_clearBytes = 0;
    qint64 m_tlsBytes = 0;
    int m_tlsRecords = 0;
};
