#pragma once

#include "app/terminal/connectionsettings.h"

#include <QByteArray>
#include <QString>

// The preferences and what pop3lab remembers between runs (QSettings, "pop3lab/pop3lab").
class LabSettings final
{
public:
    int fontPointSize() const;
    void setFontPointSize(int points);
    ConnectionSettings::LineEnding defaultLineEnding() const;
    void setDefaultLineEnding(ConnectionSettings::LineEnding ending);
    QString personality() const;
    void setPersonality(const QString &id);
    int idleTimeoutSecs() const;
    void setIdleTimeoutSecs(int secs);

    // The last connection opened (host, port, keys, line ending, close on exit). One to the
    // built-in server follows it to whatever port it has this time (builtin's).
    ConnectionSettings lastConnection(const ConnectionSettings &builtin) const;
    void setLastConnection(const ConnectionSettings &settings, bool toBuiltin);

    // The learner's name, asked once and printed on the hand-ins (empty: not asked yet).
    QString learnerName() const;
    void setLearnerName(const QString &name);

    // The window's language chosen in View > Language ("en", "fr"; empty: the system's).
    QString language() const;
    void setLanguage(const QString &code);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);

    // Where save dialogs open (hand-ins, transcripts): the Documents folder, or the home folder
    // when there is none (a dialog given a folder that does not exist opens in the current one).
    static QString saveFolder();
    // Where the last hand-in was exported (saveFolder() before the first, or when it is gone).
    static QString handInFolder();
    static void setHandInFolder(const QString &folder);

    static constexpr int defaultFontPointSize = 13; // readable on a classroom projector
};
