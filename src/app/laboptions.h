#pragma once

#include "lab/lab.h"

#include <QString>
#include <QStringList>

#include <optional>

// The command line of pop3lab, parsed and checked.
struct LabOptions
{
    QString workspace; // empty: MailStore::defaultWorkspace()
    QString personality; // empty: the one in the preferences
    int port = 1110; // the next free port is taken when busy; 0: any free port
    bool reset = false;
    bool smokeTest = false; // run the lab sheet in a terminal tab, check it, quit (exit code)
    QString demo; // replay a scenario at a class's pace and stay open (ReplayPane::scenarios)
    int demoPaceMs = 1500;
    bool demoReset = false; // reset the student's mailbox before the demo
    bool presentation = false; // start in presentation mode
    bool showControl = false;
    QString accounts; // also serve these accounts ("name password mailbox" per line)
    QString mailbox; // also serve a copy of this Maildir, mbox or .eml folder as user / password
    QString user = QStringLiteral("me");
    QString password = QStringLiteral("pop3lab");
    QString lesson; // start this lesson (its id, e.g. 01-connect-and-login); empty: none
    QString language; // "en" or "fr"; empty: the one chosen in the menu, else the system's
    int frameStats = 0; // > 0: measure the event loop's lateness for that many seconds, quit

    // What the lab is asked to set up: the samples (and the accounts file) on 127.0.0.1:port or
    // the next free one. The personality is left empty when not given (the preferences decide).
    pop3::Lab::Config labConfig() const;

    // nullopt with error set on a bad command line, or with output set (--help, --version: print
    // it and exit). lessonIds: the lessons --lesson may name (empty: the bundled ones).
    static std::optional<LabOptions> parse(const QStringList &arguments,
        QString *error,
        QString *output,
        const QStringList &lessonIds = {});
    // The languages of the window (pop3lab_<code>.ts): en, fr.
    static QStringList languages();
    // Whether the command line is answered by text alone (--help, --version, a mistake): then no
    // window, hence no display, is needed.
    static bool answersWithoutWindow(int argc, char **argv);
    // arguments without QApplication's own options (-platform offscreen, -style Fusion...).
    static QStringList withoutQtOptions(const QStringList &arguments);
};
