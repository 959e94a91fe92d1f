#include "app/laboptions.h"

#include "app/replay/replaypane.h"

#include <QCommandLineParser>
#include <QCoreApplication>

std::optional<LabOptions> LabOptions::parse(
    const QStringList &arguments, QString *error, QString *output)
{
    output->clear();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("LabOptions",
        "pop3lab: learn POP3 by hand. A built-in server (student / hessovs!) listens on "
        "127.0.0.1:1110 and a PuTTY-like raw terminal talks to it."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"),
        QCoreApplication::translate("LabOptions", "Where the mailbox copies and lock files live."),
        QStringLiteral("DIR"));
    const QCommandLineOption personality(QStringLiteral("personality"),
        QCoreApplication::translate(
            "LabOptions", "Server wording: dovecot, uw-ipop3d, rfc1939 or a .json file."),
        QStringLiteral("NAME"));
    const QCommandLineOption port(QStringLiteral("port"),
        QCoreApplication::translate("LabOptions",
            "Port of the built-in server (default 1110, or the next free one; 0: any)."),
        QStringLiteral("N"));
    const QCommandLineOption reset(QStringLiteral("reset"),
        QCoreApplication::translate(
            "LabOptions", "Start again from fresh copies of the sample mailboxes."));
    const QCommandLineOption smoke(QStringLiteral("smoke-test"),
        QCoreApplication::translate(
            "LabOptions", "Run the lab sheet in a terminal tab, check every reply, quit."));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("LabOptions",
            "Replay a scenario at a class's pace and stay open (Space or P pauses): %1.")
            .arg(ReplayPane::scenarios().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption demoPace(QStringLiteral("demo-pace"),
        QCoreApplication::translate(
            "LabOptions", "Milliseconds between two events of --demo (default 1500)."),
        QStringLiteral("MS"));
    const QCommandLineOption demoReset(QStringLiteral("demo-reset"),
        QCoreApplication::translate("LabOptions",
            "With --demo: reset the student's mailbox first (a demo never changes it)."));
    const QCommandLineOption presentation(QStringLiteral("presentation"),
        QCoreApplication::translate("LabOptions",
            "Start in presentation mode (full screen, everything larger; F11 leaves)."));
    const QCommandLineOption control(QStringLiteral("show-control"),
        QCoreApplication::translate(
            "LabOptions", "Start with control characters (CR, LF, stuffing dots) shown."));
    const QCommandLineOption accounts(QStringLiteral("accounts"),
        QCoreApplication::translate("LabOptions",
            "Also serve the accounts of FILE: one \"name password mailbox\" per line (a class)."),
        QStringLiteral("FILE"));
    const QCommandLineOption frameStats(QStringLiteral("frame-stats"),
        QCoreApplication::translate("LabOptions",
            "Measure how late the window's event loop runs for SECONDS, print it and quit."),
        QStringLiteral("SECONDS"));
    parser.addOptions({workspace,
        personality,
        port,
        reset,
        smoke,
        demo,
        demoPace,
        demoReset,
        presentation,
        control,
        accounts,
        frameStats});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *output = parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        *output = QStringLiteral("%1 %2\n").arg(
            QCoreApplication::applicationName(), QCoreApplication::applicationVersion());
        return std::nullopt;
    }
    LabOptions o;
    o.workspace = parser.value(workspace);
    o.personality = parser.value(personality);
    o.reset = parser.isSet(reset);
    o.smokeTest = parser.isSet(smoke);
    o.demo = parser.value(demo);
    // The names the typed demos had before they became replays.
    if (o.demo == QLatin1String("in-use"))
        o.demo = QStringLiteral("lock-conflict");
    else if (o.demo == QLatin1String("dele"))
        o.demo = QStringLiteral("lab-sheet");
    o.demoReset = parser.isSet(demoReset);
    o.presentation = parser.isSet(presentation);
    if (parser.isSet(demoPace)) {
        bool ok = false;
        o.demoPaceMs = parser.value(demoPace).toInt(&ok);
        if (!ok || o.demoPaceMs < 50 || o.demoPaceMs > 60000) {
            *error = QCoreApplication::translate(
                "LabOptions", "--demo-pace expects milliseconds from 50 to 60000, not '%1'")
                         .arg(parser.value(demoPace));
            return std::nullopt;
        }
    }
    o.showControl = parser.isSet(control);
    o.accounts = parser.value(accounts);
    if (parser.isSet(frameStats)) {
        bool ok = false;
        o.frameStats = parser.value(frameStats).toInt(&ok);
        if (!ok || o.frameStats <= 0) {
            *error = QCoreApplication::translate(
                "LabOptions", "--frame-stats expects a number of seconds, not '%1'")
                         .arg(parser.value(frameStats));
            return std::nullopt;
        }
    }
    if (parser.isSet(port)) {
        bool ok = false;
        o.port = parser.value(port).toInt(&ok);
        if (!ok || o.port < 0 || o.port > 65535) {
            *error = QCoreApplication::translate(
                "LabOptions", "--port expects a number from 0 to 65535, not '%1'")
                         .arg(parser.value(port));
            return std::nullopt;
        }
    }
    const QStringList demos = ReplayPane::scenarios();
    if (!o.demo.isEmpty() && !demos.contains(o.demo)) {
        *error = QCoreApplication::translate("LabOptions", "--demo expects one of: %1")
                     .arg(demos.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return o;
}

pop3::Lab::Config LabOptions::labConfig() const
{
    pop3::Lab::Config config;
    config.workspace = workspace;
    config.personality = personality;
    config.samples = true;
    config.accountsFile = accounts;
    config.reset = reset;
    config.listen.port = quint16(port);
    // STLS with the workspace's own certificate (made on first run), so a student can type STLS
    // in the terminal; the terminal trusts that certificate because the window knows it.
    config.tls = true;
    return config;
}

QStringList LabOptions::withoutQtOptions(const QStringList &arguments)
{
    // QApplication takes its own options out of the command line (-platform offscreen, -style
    // Fusion...); they are left out here the same way, or they would read as mistakes.
    static const QStringList qtWithValue = {QStringLiteral("platform"),
        QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"),
        QStringLiteral("plugin"),
        QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"),
        QStringLiteral("qwindowtitle"),
        QStringLiteral("style"),
        QStringLiteral("stylesheet"),
        QStringLiteral("session"),
        QStringLiteral("display"),
        QStringLiteral("geometry"),
        QStringLiteral("title"),
        QStringLiteral("name")};
    static const QStringList qtFlags = {QStringLiteral("reverse"),
        QStringLiteral("widgetcount"),
        QStringLiteral("nograb"),
        QStringLiteral("dograb"),
        QStringLiteral("sync")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        QString name = argument;
        while (name.startsWith(QLatin1Char('-')))
            name.remove(0, 1);
        const bool option = i > 0 && argument.startsWith(QLatin1Char('-'));
        if (option && qtFlags.contains(name))
            continue;
        if (option && qtWithValue.contains(name.section(QLatin1Char('='), 0, 0))) {
            if (!name.contains(QLatin1Char('=')))
                ++i; // its value
            continue;
        }
        kept.append(argument);
    }
    return kept;
}

bool LabOptions::answersWithoutWindow(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QString error;
    QString output;
    return !parse(withoutQtOptions(arguments), &error, &output);
}
