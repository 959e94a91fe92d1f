#include "app/terminal/connectionsettings.h"

QString ConnectionSettings::describe() const
{
    const QString ending = lineEnding == LineEnding::CrLf ? tr("Enter sends CR LF")
                                                          : tr("Enter sends a bare LF (netcat)");
    const QString keys = keyboard == Keyboard::LineEditing
        ? tr("local echo and line editing")
        : tr("no echo, each key sent as typed (Windows telnet)");
    return tr("Raw %1 · %2 · %3").arg(endpoint(), ending, keys);
}
