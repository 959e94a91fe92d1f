#include "app/labsettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

int LabSettings::fontPointSize() const
{
    return QSettings()
        .value(QStringLiteral("terminal/fontPointSize"), defaultFontPointSize)
        .toInt();
}

void LabSettings::setFontPointSize(int points)
{
    QSettings().setValue(QStringLiteral("terminal/fontPointSize"), points);
}

ConnectionSettings::LineEnding LabSettings::defaultLineEnding() const
{
    return QSettings().value(QStringLiteral("terminal/lineEnding")).toString()
            == QLatin1String("LF")
        ? ConnectionSettings::LineEnding::Lf
        : ConnectionSettings::LineEnding::CrLf;
}

void LabSettings::setDefaultLineEnding(ConnectionSettings::LineEnding ending)
{
    QSettings().setValue(QStringLiteral("terminal/lineEnding"),
        ending == ConnectionSettings::LineEnding::Lf ? QStringLiteral("LF")
                                                     : QStringLiteral("CRLF"));
}

QString LabSettings::personality() const
{
    return QSettings()
        .value(QStringLiteral("server/personality"), QStringLiteral("dovecot"))
        .toString();
}

void LabSettings::setPersonality(const QString &id)
{
    QSettings().setValue(QStringLiteral("server/personality"), id);
}

QString LabSettings::learnerName() const
{
    return QSettings().value(QStringLiteral("lessons/learner")).toString();
}

void LabSettings::setLearnerName(const QString &name)
{
    QSettings().setValue(QStringLiteral("lessons/learner"), name);
}

QString LabSettings::language() const
{
    return QSettings().value(QStringLiteral("window/language")).toString();
}

void LabSettings::setLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("window/language"), code);
}

int LabSettings::idleTimeoutSecs() const
{
    return QSettings().value(QStringLiteral("server/idleTimeoutSecs"), 600).toInt();
}

void LabSettings::setIdleTimeoutSecs(int secs)
{
    QSettings().setValue(QStringLiteral("server/idleTimeoutSecs"), secs);
}

ConnectionSettings LabSettings::lastConnection(const ConnectionSettings &builtin) const
{
    const ConnectionSettings &fallback = builtin;
    QSettings s;
    s.beginGroup(QStringLiteral("lastConnection"));
    ConnectionSettings c = fallback;
    c.lineEnding = defaultLineEnding();
    if (!s.contains(QStringLiteral("host")))
        return c;
    c.host = s.value(QStringLiteral("host"), fallback.host).toString();
    c.port = quint16(s.value(QStringLiteral("port"), fallback.port).toUInt());
    c.keyboard = ConnectionSettings::Keyboard(s.value(QStringLiteral("keyboard"), 0).toInt());
    c.lineEnding = ConnectionSettings::LineEnding(
        s.value(QStringLiteral("lineEnding"), int(c.lineEnding)).toInt());
    c.closeOnExit =
        ConnectionSettings::CloseOnExit(s.value(QStringLiteral("closeOnExit"), 1).toInt());
    c.security = ConnectionSettings::Security(
        s.value(QStringLiteral("security"), int(fallback.security)).toInt());
    if (s.value(QStringLiteral("builtin"), true).toBool()) {
        c.host = builtin.host;
        c.port = builtin.port;
    }
    return c;
}

void LabSettings::setLastConnection(const ConnectionSettings &c, bool toBuiltin)
{
    QSettings s;
    s.beginGroup(QStringLiteral("lastConnection"));
    s.setValue(QStringLiteral("builtin"), toBuiltin);
    s.setValue(QStringLiteral("host"), c.host);
    s.setValue(QStringLiteral("port"), c.port);
    s.setValue(QStringLiteral("keyboard"), int(c.keyboard));
    s.setValue(QStringLiteral("lineEnding"), int(c.lineEnding));
    s.setValue(QStringLiteral("closeOnExit"), int(c.closeOnExit));
    s.setValue(QStringLiteral("security"), int(c.security));
}

QByteArray LabSettings::windowGeometry() const
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray LabSettings::windowState() const
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void LabSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), state);
}

QString LabSettings::handInFolder()
{
    const QString folder = QSettings().value(QStringLiteral("handIn/folder")).toString();
    return !folder.isEmpty() && QDir(folder).exists() ? folder : saveFolder();
}

void LabSettings::setHandInFolder(const QString &folder)
{
    QSettings().setValue(QStringLiteral("handIn/folder"), folder);
}

QString LabSettings::saveFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return !documents.isEmpty() && QDir(documents).exists() ? documents : QDir::homePath();
}
