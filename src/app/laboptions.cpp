#include "app/laboptions.h"

#include "app/replay/replaypane.h"
#include "lessons/lessonlibrary.h"

#include <QCommandLineParser>
#include <QCoreApplication>

QStringList LabOptions::languages()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

std::optional<LabOptions> LabOptions::parse(
    const QStringList &arguments, QString *error, QString *output, const QStringList &lessonIds)
{
    output->clear();
    QStringList ids = lessonIds;
    if (ids.isEmpty()) {
        pop3::LessonLibrary library;
        library.load(pop3::LessonLibrary::defaultFolders());
        ids = library.ids();
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("LabOptions",
        "pop3lab: learn POP3 by hand. A built-in server (student / hessovs!) listens on "
        "127.0.0.1:1110 and a PuTTY-like raw terminal talks to it."));
    // Qt's addHelpOption() and addVersionOption() describe -h and -v in English whatever the
    // language (its catalogue has no words for them): ours are translated like the rest.
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("LabOptions", "Show this help and quit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("LabOptions", "Show the version and quit."));
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
    const QCommandLineOption mailbox(QStringLiteral("mailbox"),
        QCoreApplication::translate("LabOptions",
            "Also serve a copy of this Maildir, mbox file or folder of .eml files (user --user, "
            "password --password)."),
        QStringLiteral("PATH"));
    const QCommandLineOption user(QStringLiteral("user"),
        QCoreApplication::translate("LabOptions", "User name for --mailbox (default: me)."),
        QStringLiteral("NAME"));
    const QCommandLineOption password(QStringLiteral("password"),
        QCoreApplication::translate("LabOptions", "Password for --mailbox (default: pop3lab)."),
        QStringLiteral("SECRET"));
    const QCommandLineOption lesson(QStringLiteral("lesson"),
        QCoreApplication::translate(
            "LabOptions", "Start lesson N (1 to %1) or the lesson with this id.")
            .arg(ids.size()),
        QStringLiteral("N"));
    const QCommandLineOption language(QStringLiteral("language"),
        QCoreApplication::translate("LabOptions",
            "The window's language: %1 (default: the one chosen in View > Language, else the "
            "system's).")
            .arg(languages().join(QStringLiteral(", "))),
        QStringLiteral("CODE"));
    const QCommandLineOption frameStats(QStringLiteral("frame-stats"),
        QCoreApplication::translate("LabOptions",
            "Measure how late the window's event loop runs for SECONDS, print it and quit."),
        QStringLiteral("SECONDS"));
    parser.addOptions({help,
        version,
        workspace,
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
        mailbox,
        user,
        password,
        lesson,
        language,
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
    o.mailbox = parser.value(mailbox);
    if ((parser.isSet(user) || parser.isSet(password)) && o.mailbox.isEmpty()) {
        *error =
            QCoreApplication::translate("LabOptions", "--user and --password go with --mailbox");
        return std::nullopt;
    }
    if (parser.isSet(user))
        o.user = parser.value(user);
    if (parser.isSet(password))
        o.password = parser.value(password);
    if (parser.isSet(language)) {
        o.language = parser.value(language).toLower();
        if (!languages().contains(o.language)) {
            *error = QCoreApplication::translate("LabOptions", "--language expects one of: %1")
                         .arg(languages().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    if (parser.isSet(lesson)) {
        const QString wanted = parser.value(lesson);
        bool isNumber = false;
        const int number = wanted.toInt(&isNumber);
        if (isNumber && number >= 1 && number <= ids.size())
            o.lesson = ids.at(number - 1);
        else if (ids.contains(wanted))
            o.lesson = wanted;
        if (o.lesson.isEmpty()) {
            *error = QCoreApplication::translate(
                "LabOptions", "--lesson expects a number from 1 to %1 or one of: %2")
                         .arg(ids.size())
                         .arg(ids.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
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
    if (!mailbox.isEmpty())
        config.mailbox = pop3::Lab::Mailbox{user, password, mailbox, false};
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
