#pragma once

#include <QCoreApplication>
#include <QString>

// What PuTTY's Session page asks, plus how the keyboard behaves: one tab's connection.
struct ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)

public:
    enum class CloseOnExit {
        Always,
        Never,
        OnlyOnCleanExit,
    };
    enum class LineEnding {
        CrLf, // PuTTY, telnet: what RFC 1939 asks
        Lf, // netcat: a bare LF
    };
    enum class Keyboard {
        LineEditing, // PuTTY Raw: local echo, the line is edited locally and sent on Enter
        WindowsTelnet, // no echo, each key sent as typed, Backspace as byte 0x08
    };

    enum class Security {
        Raw, // plain TCP throughout: STLS answered +OK leaves the tab unable to go on
        Stls, // plain TCP, upgraded to TLS when the student types STLS and the server says +OK
        Tls, // TLS from the start (POP3S, port 995 on real servers)
    };

    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1110;
    CloseOnExit closeOnExit = CloseOnExit::Never;
    LineEnding lineEnding = LineEnding::CrLf;
    Keyboard keyboard = Keyboard::LineEditing;
    Security security = Security::Raw;

    // "Raw", "Raw + STLS", "TLS"
    QString securityName() const;

    QByteArray lineEndingBytes() const { return lineEnding == LineEnding::CrLf ? "\r\n" : "\n"; }

    QString endpoint() const { return host + QLatin1Char(':') + QString::number(port); }

    // "Raw · CR LF · local echo", for the tab's tool tip and the pane's status line.
    QString describe() const;
};
