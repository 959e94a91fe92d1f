#pragma once

#include "lab/lab.h"
#include "net/pop3server.h"

#include <QHostAddress>
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
    bool traceSecrets = false;
    bool tls = false; // STLS (and POP3S with listen.tlsPort) with the workspace's certificate
    QString tlsCertificate;
    QString tlsKey;
    QString control; // a Unix-domain socket taking fault commands (FaultControl); empty: none
    bool quiet = false;
    // Qt's event loop instead of EpollDispatcher (main() reads it before the application exists,
    // see wantsQtEventLoop; kept here so the parser knows the option).
    bool qtEventLoop = false;
    // A class made up at start (--class N): N accounts prefix01.., each with a copy of mailbox
    // (the sample when empty), written to accountsOut, served as an accounts file.
    int classSize = 0;
    QString classPrefix;
    QString accountsOut;
    QString slips; // login slips (PDF) for the accounts served; empty: none
    QString slipsHost; // the server's name on the slips; empty: guessed from the address
    // The observer stream (ObserverServer): off unless --observer is given.
    bool observerGiven = false;
    QHostAddress observerAddress;
    quint16 observerPort = 0;
    // The class's lesson (ClassLessons): --class-lesson as given ("none": off), its language.
    QString classLesson;
    QString lessonLanguage;
    // Where students hand in their answers (AnswerServer): off unless --answers is given.
    bool answersGiven = false;
    QHostAddress answersAddress;
    quint16 answersPort = 0;

    // The lesson followed per student: --class-lesson, else 02-count-and-size for a class (--class
    // or --accounts); empty: none.
    QString classLessonId() const;

    // Where --class writes its accounts: --accounts-out, or class-accounts.txt in the workspace.
    QString classAccountsPath() const;

    // What the lab is asked to set up: the mailbox alone, or the accounts file alone, or the
    // samples when neither is given; 20000 events kept in memory (the trace keeps them all).
    pop3::Lab::Config labConfig() const;

    // nullopt with error set on a bad command line; exitNow for --help / --version.
    static std::optional<ServerOptions> parse(
        const QStringList &arguments, QString *error, bool *exitNow);
};
