#pragma once

#include "events/result.h"
#include "protocol/mailboxaccess.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

namespace pop3 {

class ReplyBody;

// One user's messages on disk: a Maildir (cur/ and new/), a folder of .eml files, or an mbox
// (mboxrd). Loading computes wire sizes and stable unique-ids; refresh() brings the list up to
// date with what other programs did since (mail delivered, a Maildir message renamed by a mail
// reader, another process's commit), reading only what changed. expunge() removes the messages a
// session saw, found by identity (Maildir: the name before the flags; .eml: the name; mbox: the
// unique-id and length), whatever moved since, and keeps everything else: killed at any instant,
// each message is afterwards either whole or gone as asked, and either all of the asked deletions
// happen or none do (a journal is rolled forward on load).
class Maildrop final
{
public:
    enum class Format {
        Maildir,
        EmlFolder,
        Mbox,
    };

    static std::optional<Format> detect(const QString &path, QString *error = nullptr);
    static QString formatName(Format format);

    Result load(const QString &path);

    Result reload() { return load(m_path); }

    // The maildrop as it is on disk now, cheaply: nothing is read when the folders (Maildir, .eml)
    // or the file (mbox) are unchanged since the last look; in a Maildir or .eml folder only new
    // files are scanned.
    Result refresh();

    QString path() const { return m_path; }

    Format format() const { return m_format; }

    const QList<MessageInfo> &messages() const { return m_messages; }

    qint64 totalSize() const;

    // What loading found wrong and worked around (a journal entry naming a file outside the
    // maildrop, a link where a message should be), since the last call.
    QStringList takeWarnings() { return std::exchange(m_warnings, {}); }

    // Removes the given messages (as a session saw them, matched by identity) atomically; on
    // success the list is refreshed. A message already gone counts as removed; one changed since
    // (another size, or no longer found in an mbox) fails the whole commit. removedFiles lists
    // what was removed (files, or "mbox@offset" regions).
    Result expunge(const QList<MessageInfo> &victims, QStringList *removedFiles = nullptr);

    // A fault a teacher injects (lab/faultinjector.h): the next expunge stops half-way, as a
    // write error or a crash in the middle would. File per message: the journal is written, only
    // the first `removals` messages are removed, and it fails; the journal is finished at the next
    // load() or refresh() (a login), which says so in takeWarnings(). mbox: the new copy is written
    // and it fails before the rename; the mbox is as it was, the copy removed at the next load().
    void interruptNextExpunge(int removals) { m_interruptAfter = removals; }

    // Puts a new message into the maildrop as a delivery agent would (Maildir: tmp/ then new/;
    // .eml folder: a new file; mbox: appended, mboxrd-quoted, under a write lock). The list is not
    // refreshed: sessions see it at their next login (RFC 1939's snapshot). file: where it went.
    Result deliver(const QByteArray &message, QString *file = nullptr);

    // The messages deliver() put on disk since the list was last read (a login's refresh, a
    // commit, a load), in order: what the maildrop has that an open session's list has not.
    // Their unique-ids are left empty for an mbox (its next read gives them).
    const QList<MessageInfo> &delivered() const { return m_delivered; }

    // Where a message of a snapshot is now: its file, or (Maildir) the file a mail reader renamed
    // it to (same name before the ":2," flags, in cur/ or new/); empty when it is gone.
    static QString locate(const MessageInfo &message);

    // The wire form of a message (RETR) or its top (TOP), streamed from its file (found again
    // with locate() if it was renamed); null when it cannot be opened.
    static std::unique_ptr<ReplyBody> body(const MessageInfo &message, int topLines = -1);
    // The message as stored (mbox unquoted), line endings as in the file.
    static QByteArray content(const MessageInfo &message);

    // Name of the journal an interrupted expunge leaves in a file-per-message maildrop.
    static QString journalName() { return QStringLiteral(".pop3lab-expunge"); }

    // The mbox parser load() runs on the mapped file, on octets in memory (the fuzz target
    // fuzz_mbox): the messages (offsets into mbox, file empty) with their unique-ids, given the
    // content of the unique-id side file ("hash id" lines).
    static QList<MessageInfo> parseMbox(const QByteArray &mbox, const QByteArray &uidList);

private:
    // What a folder or the mbox file looked like when it was last read (lstat).
    struct Look
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = -1;
        qint64 mtimeNs = 0;
        qint64 ctimeNs = 0;
        qint64 readAtNs = 0; // when it was read (the same clock as mtime)
        bool valid = false;

        // Unchanged, and old enough when read that a change in the same clock tick is excluded.
        bool sameAs(const Look &now) const;
        static Look of(const QString &path);
    };

    // One parse of an mbox: the messages, the start of each one's separator line, and each one's
    // content hash (for the unique-id side file).
    struct MboxIndex
    {
        QList<MessageInfo> messages;
        QList<qint64> separators;
        QList<QByteArray> hashes;
    };

    QStringList messageFolders() const;
    void noteDelivered(const QString &file, const QByteArray &message); // file per message
    Result loadFiles(bool onlyChanged);
    void assignFileUids();
    QString uidBase(const QString &file) const; // the file name without flags or ".eml"
    Result loadMbox();
    MboxIndex parseMbox(const char *data, qint64 size) const;
    Result expungeFiles(const QList<MessageInfo> &victims, QStringList *removedFiles);
    Result expungeMbox(const QList<MessageInfo> &victims, QStringList *removedFiles);
    // Rolls the expunge journal forward. A file that cannot be removed is skipped (listed in
    // notRemoved, or reported as a warning when null) and the others still go. tell: the journal
    // was left by an interrupted commit (not the one running): say so.
    Result finishJournal(QStringList *notRemoved = nullptr, bool tell = false);
    // The side file that remembers mbox unique-ids: ".<mbox name>.pop3lab-uidl" beside it.
    QString uidFilePath() const;
    using UidList = QList<std::pair<QByteArray, QByteArray>>; // content hash, unique-id
    static MboxIndex parseMbox(
        const char *data, qint64 size, const QString &path, const QList<UidList> &uidLists);
    static QList<UidList> readUidFile(const QString &path);
    static QList<UidList> parseUidList(const QByteArray &content);
    static QByteArray uidList(const MboxIndex &index, const QSet<qsizetype> &dropped);
    Result writeUidFile(const QByteArray &content);

    QString m_path;
    Format m_format = Format::EmlFolder;
    QList<MessageInfo> m_messages;
    QList<MessageInfo> m_delivered; // since the list was last read
    QHash<QString, MessageInfo> m_scanned; // file per message: what each file held when scanned
    QHash<QString, Look> m_looks; // the message folders, or the mbox file, as last read
    QStringList m_warnings;
    QStringList m_notRemoved; // the last finishJournal(): "file (reason)" not removed
    int m_interruptAfter = -1; // interruptNextExpunge()
};

// Scans one message held in memory: sizes, line counts and the summary headers.
void scanMessage(const char *data, qint64 size, bool mboxQuoted, MessageInfo &info);

} // namespace pop3
