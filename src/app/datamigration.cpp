#include "app/datamigration.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

QStringList DataMigration::run(const QString &oldBase, const QString &newBase)
{
    QStringList said;
    if (oldBase.isEmpty() || QDir(oldBase).absolutePath() == QDir(newBase).absolutePath())
        return said;
    for (const QString &name :
        {QStringLiteral("workspace"), QStringLiteral("progress"), QStringLiteral("lessons")}) {
        const QString from = QDir(oldBase).filePath(name);
        const QFileInfo old(from);
        if (!old.isDir() || old.isSymLink())
            continue;
        const QString to = QDir(newBase).filePath(name);
        if (QFileInfo::exists(to)) {
            said.append(
                tr("%1 is no longer used (pop3lab now keeps its data in %2, with "
                   "pop3lab-server); delete it when you no longer need it.")
                    .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(newBase)));
            continue;
        }
        if (!QDir().mkpath(newBase) || !QDir().rename(from, to)) {
            said.append(
                tr("%1 could not be moved to %2: pop3lab starts from a new %3 folder.")
                    .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to), name));
            continue;
        }
        said.append(tr("Moved %1 to %2 (shared with pop3lab-server).")
                        .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
    }
    QDir().rmdir(oldBase); // only if nothing else is left in it
    return said;
}

QString DataMigration::oldWindowFolder()
{
    // AppDataLocation is GenericDataLocation/<organisation>/<application>.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("pop3lab/pop3lab"));
}
