#pragma once

#include <QCoreApplication>
#include <QStringList>

// Until now the window kept its data in its own AppDataLocation (~/.local/share/pop3lab/pop3lab/)
// while pop3lab-server used ~/.local/share/pop3lab/: the two served different copies of the
// same mailboxes. Both now use pop3::dataFolder(); this moves what the window left in the old
// place (workspace, progress, lessons) to the new one, once, when the new one has none yet.
class DataMigration final
{
    Q_DECLARE_TR_FUNCTIONS(DataMigration)

public:
    // Moves each of oldBase's workspace/, progress/ and lessons/ to newBase when newBase has no
    // such folder; returns one sentence per folder moved or left behind (empty: nothing to do).
    static QStringList run(const QString &oldBase, const QString &newBase);
    // Where the window kept its data before (its AppDataLocation, organisation "pop3lab").
    static QString oldWindowFolder();
};
