#include "events/datafolder.h"

#include <QDir>
#include <QStandardPaths>

namespace pop3 {

QString dataFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::home().filePath(QStringLiteral(".local/share"));
    return QDir(base).filePath(QStringLiteral("pop3lab"));
}

} // namespace pop3
