#pragma once

#include "net/pop3server.h"

#include <QString>
#include <QStringList>

#include <optional>

// The command line of pop3lab-server, parsed and checked (every problem in one clear line).
struct ServerOptions
{
    pop3::Pop3Server::Options listen;
    bool listenGiven = false;
    QString mailbox;
    QString user;
    QString password;
    QString accountsFile;
    QString personality;
    QString workspace;
    bool reset = false;
    bool inPlace = false;
    QString trace;
    bool quiet = false;

    // nullopt with error set on a bad command line; exitNow for --help / --version.
    static std::optional<ServerOptions> parse(
        const QStringList &arguments, QString *error, bool *exitNow);
};
