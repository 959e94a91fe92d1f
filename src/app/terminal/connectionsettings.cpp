#include "app/terminal/connectionsettings.h"

QString ConnectionSettings::describe() const
{
    const QString ending = lineEnding == LineEnding::CrLf ? tr("Enter sends CR LF")
                                                          : tr("Enter sends a bare LF (netcat)");
    const QString keys = keyboard == Keyboard::LineEditing
        ? tr("local echo and line editing")
        : tr("no echo, each key sent as typed (Windows telnet)");
    return tr("%1 %2 · %3 · %4").arg(securityName(), endpoint(), ending, keys);
}

QString ConnectionSettings::securityName() const
{
    switch (security) {
    case Security::Stls:
        return tr("Raw + STLS");
    case Security::Tls:
        return tr("TLS");
    case Security::Raw:
        break;
    }
    return tr("Raw");
}
