#include "serveroptions.h"

#include "lab/classroster.h"
#include "mail/mailstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {

// "ADDR:PORT" (or "[v6]:PORT"; "localhost", "*" and "any" as names); a bare PORT when
// defaultAddress is given.
bool parseEndpoint(const QString &value,
    QHostAddress *address,
    quint16 *port,
    const QHostAddress &defaultAddress = QHostAddress())
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 && !defaultAddress.isNull()) {
        bool ok = false;
        const uint p = value.toUInt(&ok);
        *address = defaultAddress;
        *port = quint16(p);
        return ok && p <= 65535;
    }
    QString host = colon < 0 ? value : value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool portOk = colon >= 0;
    const uint p = colon < 0 ? 0 : value.mid(colon + 1).toUInt(&portOk);
    if (host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (host == QLatin1String("*") || host == QLatin1String("any"))
        *address = QHostAddress(QHostAddress::Any);
    else
        *address = QHostAddress(host);
    *port = quint16(p);
    return portOk && p <= 65535 && !address->isNull();
}

} // namespace

std::optional<ServerOptions> ServerOptions::parse(
    const QStringList &arguments, QString *error, bool *exitNow)
{
    *exitNow = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "pop3lab-server: a POP3 server (RFC 1939, RFC 2449) for learning POP3 by hand.\n"
        "With no option it serves the built-in sample mailboxes (student / hessovs!,\n"
        "barakirs / blacksun) on 127.0.0.1:1110, from a working copy in the workspace."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Listen on ADDR:PORT (default 127.0.0.1:1110, or the next free port). "
                       "Only an explicit address opens the server beyond this machine."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption mailbox(QStringLiteral("mailbox"),
        QStringLiteral(
            "Serve this Maildir, mbox file or folder of .eml files (with --user and --password)."),
        QStringLiteral("PATH"));
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("User name for --mailbox."), QStringLiteral("NAME"));
    const QCommandLineOption password(QStringLiteral("password"),
        QStringLiteral("Password for --mailbox (visible to other users in the process list: "
                       "prefer --password-file or POP3LAB_PASSWORD)."),
        QStringLiteral("SECRET"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        QStringLiteral("Read the password for --mailbox from the first line of FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption accounts(QStringLiteral("accounts"),
        QStringLiteral(
            "Accounts file: one \"name password mailbox\" per line (a class of students)."),
        QStringLiteral("FILE"));
    const QCommandLineOption personality(QStringLiteral("personality"),
        QStringLiteral("Server wording: dovecot (default), uw-ipop3d, rfc1939, or a .json file."),
        QStringLiteral("NAME"));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
        QStringLiteral(
            "Where the working copies and lock files live (default: the user's data folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption reset(
        QStringLiteral("reset"), QStringLiteral("Start again from a fresh copy of each mailbox."));
    const QCommandLineOption inPlace(QStringLiteral("in-place"),
        QStringLiteral("Serve --mailbox itself, not a copy: DELE + QUIT really changes it."));
    const QCommandLineOption trace(QStringLiteral("trace"),
        QStringLiteral("Write the event stream to FILE as JSON Lines."),
        QStringLiteral("FILE"));
    const QCommandLineOption control(QStringLiteral("control"),
        QStringLiteral("Take fault commands for a class on the Unix-domain socket PATH (owner "
                       "only): drop ID, slow MS, refuse-next-login, fail-next-commit, deliver USER "
                       "FILE, crash, reset USER, reset-class, sessions, help; one per line, e.g. "
                       "echo 'slow 800' | socat - "
                       "UNIX-CONNECT:PATH."),
        QStringLiteral("PATH"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout"),
        QStringLiteral("Log out a silent client after SECONDS (default 600; 0: never)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption traceSecrets(QStringLiteral("trace-secrets"),
        QStringLiteral("Keep passwords, APOP digests and SASL responses in the --trace file "
                       "(hidden as ******** by default)."));
    const QCommandLineOption noLoginDelay(QStringLiteral("no-login-delay"),
        QStringLiteral("Answer failed logins at once (by default each waits, longer after each "
                       "failure of the connection and of its address, as real servers do)."));
    const QCommandLineOption tls(QStringLiteral("tls"),
        QStringLiteral("Offer STLS (RFC 2595) with the workspace's own self-signed certificate, "
                       "created on first run (owner-only); its SHA-256 fingerprint is printed."));
    const QCommandLineOption tlsPort(QStringLiteral("tls-port"),
        QStringLiteral("Also listen for implicit TLS (POP3S, RFC 8314) on PORT (0: any free "
                       "port; the usual one is 995). Implies --tls."),
        QStringLiteral("PORT"));
    const QCommandLineOption cert(QStringLiteral("cert"),
        QStringLiteral("Use this PEM certificate instead of the workspace's own (with --key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"),
        QStringLiteral("The PEM private key of --cert (not encrypted)."),
        QStringLiteral("FILE"));
    const QCommandLineOption disablePlaintext(QStringLiteral("disable-plaintext-auth"),
        QStringLiteral("Refuse USER/PASS and SASL PLAIN/LOGIN until TLS, whatever the "
                       "personality says (Dovecot's disable_plaintext_auth; APOP, CRAM-MD5 and "
                       "SCRAM-SHA-256 still work)."));
    const QCommandLineOption allowPlaintext(QStringLiteral("allow-plaintext-auth"),
        QStringLiteral("Accept USER/PASS and SASL PLAIN/LOGIN without TLS, whatever the "
                       "personality says."));
    const QCommandLineOption loopbackInsecure(QStringLiteral("loopback-insecure"),
        QStringLiteral("Do not count a client on this machine (127.0.0.1) as secure: with "
                       "plain-text logins refused, it too must use STLS first (by default it "
                       "counts as secure, as in Dovecot)."));
    const QCommandLineOption quiet(
        QStringLiteral("quiet"), QStringLiteral("Print only where the server listens."));
    const QCommandLineOption singleThread(QStringLiteral("single-thread"),
        QStringLiteral("Write every reply from the event loop, large bodies too (no worker "
                       "thread; for comparison in benchmarks)."));
    const QCommandLineOption qtEventLoop(QStringLiteral("qt-event-loop"),
        QStringLiteral("Serve from Qt's own event loop, which polls every connection on each "
                       "turn, instead of epoll (for comparison in benchmarks)."));
    const QCommandLineOption classSize(QStringLiteral("class"),
        QStringLiteral("Make N student accounts (student01..), each with its own copy of the "
                       "sample mailbox (or of --mailbox) and a random password; the accounts "
                       "file is written (see --accounts-out) and served."),
        QStringLiteral("N"));
    const QCommandLineOption classPrefix(QStringLiteral("class-prefix"),
        QStringLiteral("Names of the --class accounts: NAME01, NAME02... (default student)."),
        QStringLiteral("NAME"));
    const QCommandLineOption accountsOut(QStringLiteral("accounts-out"),
        QStringLiteral("Where --class writes its accounts file, owner-only (default "
                       "class-accounts.txt in the workspace); serve it again with --accounts."),
        QStringLiteral("FILE"));
    const QCommandLineOption slips(QStringLiteral("slips"),
        QStringLiteral("Write login slips to FILE.pdf: one card per account to cut out (server, "
                       "port, user, password, first command), eight per A4 page."),
        QStringLiteral("FILE.pdf"));
    const QCommandLineOption slipsHost(QStringLiteral("slips-host"),
        QStringLiteral("The server's name or address printed on the slips (default: the "
                       "--listen address, or this machine's first network address)."),
        QStringLiteral("HOST"));
    const QCommandLineOption observer(QStringLiteral("observer"),
        QStringLiteral("Stream the server's events to a teacher's window on PORT or ADDR:PORT "
                       "(default address 127.0.0.1; never the POP3 port), for whoever gives the "
                       "token printed at start (docs/classroom.md)."),
        QStringLiteral("PORT"));
    const QCommandLineOption classLesson(QStringLiteral("class-lesson"),
        QStringLiteral("The lesson each student's progress is followed in and whose questions "
                       "are the lab's: an id or its number (default 2, 02-count-and-size, the lab "
                       "sheet's questions, whenever a class is served; none: no lesson)."),
        QStringLiteral("ID"));
    const QCommandLineOption lessonLanguage(QStringLiteral("lesson-language"),
        QStringLiteral("The language of the class's lesson and of its login slips (en, fr; "
                       "default en)."),
        QStringLiteral("LANG"));
    const QCommandLineOption answers(QStringLiteral("answers"),
        QStringLiteral("Take the students' lab answers on PORT or ADDR:PORT (default address: "
                       "the POP3 one; never the POP3 port): each logs in with their own POP3 "
                       "user and password (docs/classroom.md)."),
        QStringLiteral("PORT"));
    parser.addOptions({listen,
        classSize,
        classLesson,
        lessonLanguage,
        answers,
        classPrefix,
        accountsOut,
        slips,
        slipsHost,
        observer,
        mailbox,
        user,
        password,
        passwordFile,
        accounts,
        personality,
        workspace,
        reset,
        inPlace,
        trace,
        traceSecrets,
        noLoginDelay,
        control,
        idle,
        quiet,
        singleThread,
        qtEventLoop,
        tls,
        tlsPort,
        cert,
        key,
        disablePlaintext,
        allowPlaintext,
        loopbackInsecure});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *exitNow = true;
        fputs(qPrintable(parser.helpText()), stdout);
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        *exitNow = true;
        // The program's own name: the application name is "pop3lab", shared with the window
        // so that both find the same workspace.
        fprintf(stdout, "pop3lab-server %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1' (see --help)")
                     .arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ServerOptions o;
    if (parser.isSet(listen)) {
        const QString value = parser.value(listen);
        if (!parseEndpoint(value, &o.listen.address, &o.listen.port)) {
            *error = QStringLiteral("--listen expects ADDR:PORT, e.g. 127.0.0.1:1110 (got '%1')")
                         .arg(value);
            return std::nullopt;
        }
        o.listen.tryNextPorts = false;
        o.listenGiven = true;
    }
    // --observer and --answers: a port of their own beside the POP3 one, PORT or ADDR:PORT.
    const auto sidePort = [&](const QCommandLineOption &option,
                              const char *example,
                              const QHostAddress &defaultAddress,
                              QHostAddress *address,
                              quint16 *port) {
        const QString name = option.names().constFirst();
        const QString value = parser.value(option);
        if (!parseEndpoint(value, address, port, defaultAddress)) {
            *error = QStringLiteral("--%1 expects PORT or ADDR:PORT, e.g. %2 (got '%3')")
                         .arg(name, QLatin1String(example), value);
            return false;
        }
        if (*port != 0 && *port == o.listen.port) {
            *error = QStringLiteral("--%1 needs a port of its own, not the POP3 port %2")
                         .arg(name)
                         .arg(*port);
            return false;
        }
        return true;
    };
    if (parser.isSet(observer)) {
        if (!sidePort(observer,
                "1111 or 127.0.0.1:1111",
                QHostAddress(QHostAddress::LocalHost),
                &o.observerAddress,
                &o.observerPort))
            return std::nullopt;
        o.observerGiven = true;
    }
    o.classLesson = parser.value(classLesson);
    o.lessonLanguage =
        parser.isSet(lessonLanguage) ? parser.value(lessonLanguage) : QStringLiteral("en");
    if (parser.isSet(answers)) {
        if (!sidePort(answers,
                "1112 or 0.0.0.0:1112",
                o.listen.address,
                &o.answersAddress,
                &o.answersPort))
            return std::nullopt;
        o.answersGiven = true;
    }
    o.mailbox = parser.value(mailbox);
    o.user = parser.value(user);
    o.password = parser.value(password);
    if (parser.isSet(passwordFile)) {
        if (parser.isSet(password)) {
            *error = QStringLiteral("give the password once: --password or --password-file");
            return std::nullopt;
        }
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--password-file: cannot read %1: %2")
                         .arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        o.password = QString::fromUtf8(line);
        if (o.password.isEmpty()) {
            *error = QStringLiteral("--password-file: %1 holds no password on its first line")
                         .arg(file.fileName());
            return std::nullopt;
        }
    } else if (!parser.isSet(password) && !o.mailbox.isEmpty() && !parser.isSet(classSize)) {
        o.password = qEnvironmentVariable("POP3LAB_PASSWORD");
    }
    o.accountsFile = parser.value(accounts);
    o.personality = parser.value(personality);
    o.workspace = parser.value(workspace);
    o.reset = parser.isSet(reset);
    o.inPlace = parser.isSet(inPlace);
    o.trace = parser.value(trace);
    o.traceSecrets = parser.isSet(traceSecrets);
    if (o.traceSecrets && o.trace.isEmpty()) {
        *error = QStringLiteral("--trace-secrets goes with --trace");
        return std::nullopt;
    }
    o.listen.loginDelays = !parser.isSet(noLoginDelay);
    o.control = parser.value(control);
    o.quiet = parser.isSet(quiet);
    o.listen.bulkThread = !parser.isSet(singleThread);
    o.qtEventLoop = parser.isSet(qtEventLoop);
    if (parser.isSet(idle)) {
        bool ok = false;
        const int secs = parser.value(idle).toInt(&ok);
        if (!ok || secs < 0) {
            *error = QStringLiteral("--idle-timeout expects a number of seconds (got '%1')")
                         .arg(parser.value(idle));
            return std::nullopt;
        }
        o.listen.idleTimeoutSecs = secs;
    }
    if (parser.isSet(classSize)) {
        bool ok = false;
        o.classSize = parser.value(classSize).toInt(&ok);
        if (!ok || o.classSize < 1 || o.classSize > pop3::ClassRoster::maxStudents) {
            *error = QStringLiteral("--class expects a number of students, 1 to %1 (got '%2')")
                         .arg(pop3::ClassRoster::maxStudents)
                         .arg(parser.value(classSize));
            return std::nullopt;
        }
        if (!o.accountsFile.isEmpty()) {
            *error = QStringLiteral("give --class or --accounts, not both (--accounts serves a "
                                    "class made before)");
            return std::nullopt;
        }
        if (parser.isSet(user) || parser.isSet(password) || parser.isSet(passwordFile)
            || o.inPlace) {
            *error = QStringLiteral("--class makes its own accounts: --user, --password and "
                                    "--in-place do not apply (--mailbox names what each copies)");
            return std::nullopt;
        }
    }
    o.classPrefix = parser.isSet(classPrefix) ? parser.value(classPrefix)
                                              : QLatin1String(pop3::ClassRoster::defaultPrefix);
    o.accountsOut = parser.value(accountsOut);
    for (const QCommandLineOption *option : {&classPrefix, &accountsOut}) {
        if (parser.isSet(*option) && o.classSize == 0) {
            *error = QStringLiteral("--%1 goes with --class").arg(option->names().first());
            return std::nullopt;
        }
    }
    o.slips = parser.value(slips);
    o.slipsHost = parser.value(slipsHost);
    if (!o.slipsHost.isEmpty() && o.slips.isEmpty()) {
        *error = QStringLiteral("--slips-host goes with --slips");
        return std::nullopt;
    }
    if (parser.isSet(tlsPort)) {
        bool ok = false;
        const uint port = parser.value(tlsPort).toUInt(&ok);
        if (!ok || port > 65535) {
            *error = QStringLiteral("--tls-port expects a port number (got '%1')")
                         .arg(parser.value(tlsPort));
            return std::nullopt;
        }
        o.listen.tlsPort = int(port);
    }
    o.tlsCertificate = parser.value(cert);
    o.tlsKey = parser.value(key);
    if (o.tlsCertificate.isEmpty() != o.tlsKey.isEmpty()) {
        *error = QStringLiteral("--cert and --key go together");
        return std::nullopt;
    }
    o.tls = parser.isSet(tls) || parser.isSet(tlsPort) || !o.tlsCertificate.isEmpty();
    if (parser.isSet(disablePlaintext) && parser.isSet(allowPlaintext)) {
        *error = QStringLiteral("--disable-plaintext-auth or --allow-plaintext-auth, not both");
        return std::nullopt;
    }
    if (parser.isSet(disablePlaintext))
        o.listen.disablePlaintextAuth = true;
    if (parser.isSet(allowPlaintext))
        o.listen.disablePlaintextAuth = false;
    if (parser.isSet(loopbackInsecure))
        o.listen.localIsSecure = false;
    if (o.classSize == 0 && !o.mailbox.isEmpty() && (o.user.isEmpty() || o.password.isEmpty())) {
        *error =
            QStringLiteral("--mailbox needs --user and a password (--password, --password-file or "
                           "POP3LAB_PASSWORD)");
        return std::nullopt;
    }
    if (o.mailbox.isEmpty() && (!o.user.isEmpty() || !o.password.isEmpty()) && o.classSize == 0) {
        *error = QStringLiteral("--user and --password go with --mailbox");
        return std::nullopt;
    }
    if (o.inPlace && o.mailbox.isEmpty()) {
        *error = QStringLiteral("--in-place goes with --mailbox");
        return std::nullopt;
    }
    if (o.answersGiven && o.classLessonId().isEmpty()) {
        *error = QStringLiteral("--answers needs a class (--class or --accounts) or a "
                                "--class-lesson");
        return std::nullopt;
    }
    return o;
}

QString ServerOptions::classLessonId() const
{
    if (classLesson == QLatin1String("none"))
        return {};
    if (!classLesson.isEmpty())
        return classLesson;
    return classSize > 0 || !accountsFile.isEmpty() ? QStringLiteral("02-count-and-size")
                                                    : QString();
}

pop3::Lab::Config ServerOptions::labConfig() const
{
    pop3::Lab::Config config;
    config.workspace = workspace;
    config.personality = personality;
    if (!mailbox.isEmpty() && classSize == 0)
        config.mailbox = pop3::Lab::Mailbox{user, password, mailbox, inPlace};
    // A class is served from the accounts file it wrote, from fresh copies (a new class).
    config.samples = mailbox.isEmpty() && accountsFile.isEmpty() && classSize == 0;
    config.accountsFile = classSize > 0 ? classAccountsPath() : accountsFile;
    config.reset = reset || classSize > 0;
    config.listen = listen;
    config.tls = tls;
    config.tlsCertificate = tlsCertificate;
    config.tlsKey = tlsKey;
    config.trace = trace;
    config.traceSecrets = traceSecrets;
    config.logCapacity = 20000;
    return config;
}

QString ServerOptions::classAccountsPath() const
{
    if (!accountsOut.isEmpty())
        return accountsOut;
    const QString dir = workspace.isEmpty() ? pop3::MailStore::defaultWorkspace() : workspace;
    return QDir(dir).filePath(QStringLiteral("class-accounts.txt"));
}
