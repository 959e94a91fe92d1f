#pragma once

// A mail-bombed mailbox for the tests that kill the server in a commit or a reset
// (tst_atomiccommit, tst_crashcampaign): messages of a few KB, every fourth one the same junk (so
// identical copies, whose unique-ids an mbox keeps in its side file), with dot-led lines and lines
// starting "From " that an mbox must quote.

#include "support/pop3testclient.h"

#include <QDir>
#include <QList>
#include <QString>
#include <QStringList>

namespace pop3test {

inline QList<QByteArray> bombedMessages(int count, int linesPerMessage)
{
    QList<QByteArray> messages;
    for (int n = 1; n <= count; ++n) {
        const bool junk = n % 4 == 0;
        QByteArray m = junk
            ? QByteArray("From: bomber@example.net\nSubject: YOU WON\n\n")
            : "From: teacher@lab.example.edu\nSubject: note " + QByteArray::number(n) + "\n\n";
        for (int line = 0; line < linesPerMessage; ++line) {
            if (line % 17 == 3)
                m += ".a dot-led line\n";
            else if (line % 23 == 5)
                m += "From here on, an mbox must quote this line\n";
            else
                m += (junk ? QByteArray("CLICK HERE NOW ") : "line " + QByteArray::number(n) + ' ')
                    + QByteArray(55, char('a' + line % 26)) + '\n';
        }
        messages.append(m);
    }
    return messages;
}

// Writes messages in dir as "mbox" (bombed.mbox), "maildir" (Maildir/cur/, seen) or "eml" (a
// folder of .eml files), and returns the mailbox's path.
inline QString writeBombedMailbox(
    const QString &dir, const QString &format, const QList<QByteArray> &messages)
{
    if (format == QLatin1String("mbox")) {
        const QString path = QDir(dir).filePath(QStringLiteral("bombed.mbox"));
        writeFile(path, mboxOf(messages));
        return path;
    }
    const bool maildir = format == QLatin1String("maildir");
    const QString path =
        QDir(dir).filePath(maildir ? QStringLiteral("Maildir") : QStringLiteral("eml"));
    QDir().mkpath(path);
    if (maildir) {
        for (const char *sub : {"cur", "new", "tmp"})
            QDir().mkpath(QDir(path).filePath(QLatin1String(sub)));
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString name = maildir
            ? QStringLiteral("cur/%1.M%2P7.lab:2,S").arg(1788000000 + i).arg(i)
            : QStringLiteral("%1.eml").arg(1788000000 + i);
        writeFile(QDir(path).filePath(name), messages.at(i));
    }
    return path;
}

// pop3lab-server's arguments for one account "barakirs" (password "blacksun") on mailbox, with its
// working copy in workspace: what every kill test starts, before its own --reset or --listen.
inline QStringList bombedServerArguments(const QString &workspace, const QString &mailbox)
{
    return {QStringLiteral("--workspace"),
        workspace,
        QStringLiteral("--mailbox"),
        mailbox,
        QStringLiteral("--user"),
        QStringLiteral("barakirs"),
        QStringLiteral("--password"),
        QStringLiteral("blacksun"),
        QStringLiteral("--quiet")};
}

} // namespace pop3test
