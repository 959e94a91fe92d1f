#pragma once

#include "events/result.h"
#include "protocol/mailboxaccess.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace pop3 {

class ReplyBody;

// One user's messages on disk: a Maildir (cur/ and new/), a folder of .eml files, or an mbox
// (mboxrd). Loading computes wire sizes and stable unique-ids; expunge() removes messages
// atomically: killed at any instant, each message is afterwards either whole or gone as asked,
// and either all of the asked deletions happen or none do (a journal is rolled forward on load).
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

    QString path() const { return m_path; }

    Format format() const { return m_format; }

    const QList<MessageInfo> &messages() const { return m_messages; }

    qint64 totalSize() const;

    // Removes the given messages (matched by file and offset) atomically; on success the list is
    // reloaded. removedFiles lists what was removed (files, or "mbox@offset" regions).
    Result expunge(const QList<MessageInfo> &victims, QStringList *removedFiles = nullptr);

    // The wire form of a message (RETR) or its top (TOP), streamed from its file.
    static std::unique_ptr<ReplyBody> body(const MessageInfo &message, int topLines = -1);
    // The message as stored (mbox unquoted), line endings as in the file.
    static QByteArray content(const MessageInfo &message);

    // Name of the journal an interrupted expunge leaves in a file-per-message maildrop.
    static QString journalName() { return QStringLiteral(".pop3lab-expunge"); }

private:
    Result loadFiles(const QStringList &files);
    Result loadMbox();
    Result finishJournal();
    // The side file that remembers mbox unique-ids: ".<mbox name>.pop3lab-uidl" beside it.
    QString uidFilePath() const;
    static QList<std::pair<QByteArray, QByteArray>> readUidFile(const QString &path);
    Result writeUidFile(const QSet<qint64> &droppedOffsets = {});

    QString m_path;
    Format m_format = Format::EmlFolder;
    QList<MessageInfo> m_messages;
    QList<QByteArray> m_mboxHashes; // content hash per mbox message, for the unique-id file
};

// Scans one message held in memory: sizes, line counts and the summary headers.
void scanMessage(const char *data, qint64 size, bool mboxQuoted, MessageInfo &info);

} // namespace pop3
