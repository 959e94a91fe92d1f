#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Everything that crossed one terminal tab's connection, in order, for "Save transcript": what
// was sent (as whole lines, however they were typed), what was received, and the terminal's own
// notes. The oldest received bytes are dropped past a cap so a 50 MB RETR cannot eat the memory.
class Transcript final
{
public:
    enum class Kind {
        Sent,
        Received,
        Note,
    };

    struct Entry
    {
        Kind kind;
        QByteArray bytes;
    };

    void addSent(const QByteArray &bytes);
    void addReceived(const QByteArray &bytes);
    void addNote(const QString &text);

    const QList<Entry> &entries() const { return m_entries; }

    qint64 droppedBytes() const { return m_dropped; }

    // As a terminal showed it: line endings as \n, notes in [brackets]; hidePassword replaces what
    // the command table marks secret (PASS, APOP's digest, AUTH's credentials) with asterisks.
    QString toText(bool hidePassword) const;

    static constexpr qint64 maxBytes = 64 * 1024 * 1024;

private:
    void trim();

    QList<Entry> m_entries;
    QByteArray m_pendingSent; // keys typed one at a time, until the line ends
    qint64 m_size = 0;
    qint64 m_dropped = 0;
};
