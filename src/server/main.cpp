// pop3lab-server: the headless server for a classroom or a script. Same lab, same events as the
// pop3lab window; the event stream can be written to a trace file.
//
//   command line ──ServerOptions──► Lab::Config ──Lab::start()──► banner ──► SIGINT/SIGTERM ──►
//   quit

#include "events/tracewriter.h"
#include "lab/answerserver.h"
#include "lab/classlessons.h"
#include "lab/classroster.h"
#include "lab/faultcontrol.h"
#include "lab/lab.h"
#include "lab/observerserver.h"
#include "lessons/lessonlibrary.h"
#include "loginslips.h"
#include "mail/mailstore.h"
#include "net/epolldispatcher.h"
#include "serveroptions.h"
#include "workspaceclaim.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QNetworkInterface>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTranslator>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

int fail(const QString &message)
{
    fprintf(stderr, "pop3lab-server: %s\n", qPrintable(message));
    return 2;
}

// SIGINT and SIGTERM call stop() from the event loop (the handler only writes to a socket pair).
void onStopSignals(QObject *context, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [stop] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &byte, 1);
        stop();
    });
}

void warn(const QString &message)
{
    fprintf(stderr, "pop3lab-server: warning: %s\n", qPrintable(message));
    fflush(stderr);
}

// Only the login slips need Qt GUI (fonts, QPdfWriter): the program is a QGuiApplication, on the
// offscreen platform, only when they are asked for.
bool wantsSlips(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--slips") == 0 || std::strncmp(argv[i], "--slips=", 8) == 0)
            return true;
    }
    return false;
}

// Whether to keep Qt's own event loop: an EpollDispatcher is installed before the application
// exists, so the option is read from argv before the parser runs.
bool wantsQtEventLoop(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--qt-event-loop") == 0)
            return true;
    }
    return false;
}

bool isAnyAddress(const QHostAddress &a)
{
    return a == QHostAddress(QHostAddress::Any) || a == QHostAddress(QHostAddress::AnyIPv4)
        || a == QHostAddress(QHostAddress::AnyIPv6);
}

// What students type to reach the server: --slips-host, the address listened on, or (listening
// on every address) this machine's first non-loopback IPv4 address.
QString slipsHost(const ServerOptions &options, const pop3::Pop3Server &server)
{
    if (!options.slipsHost.isEmpty())
        return options.slipsHost;
    if (!isAnyAddress(server.address()))
        return server.address().toString();
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
            return a.toString();
    }
    return QStringLiteral("127.0.0.1");
}

// --class: the accounts are made up and written before the lab reads them back.
pop3::Result makeClass(const ServerOptions &options)
{
    QString error;
    const QList<pop3::ClassRoster::Student> students =
        pop3::ClassRoster::generate(options.classSize, options.classPrefix, &error);
    if (students.isEmpty())
        return pop3::Result::failure(error);
    const QString path = options.classAccountsPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return pop3::Result::failure(QStringLiteral("cannot create the folder of %1").arg(path));
    const QString mailbox = options.mailbox.isEmpty()
        ? QStringLiteral("sample:student")
        : QFileInfo(options.mailbox).absoluteFilePath();
    return pop3::ClassRoster::writeAccountsFile(path, students, mailbox);
}

// Every port given explicitly (--listen ADDR:PORT, --tls-port, --observer, --answers), tried
// before anything is written: a class started again on the ports of a running one failed to
// listen only after it had replaced the running class's passwords and mailboxes.
pop3::Result portsAreFree(const ServerOptions &o)
{
    QList<std::pair<QHostAddress, int>> wanted;
    if (!o.listen.tryNextPorts)
        wanted.append({o.listen.address, o.listen.port});
    if (o.listen.tlsPort > 0)
        wanted.append({o.listen.address, o.listen.tlsPort});
    if (o.observerGiven)
        wanted.append({o.observerAddress, o.observerPort});
    if (o.answersGiven)
        wanted.append({o.answersAddress, o.answersPort});
    for (const auto &[address, port] : wanted) {
        if (port <= 0)
            continue;
        QTcpServer probe;
        if (!probe.listen(address, quint16(port)))
            return pop3::Result::failure(
                QStringLiteral("cannot listen on %1:%2: %3 (nothing was changed)")
                    .arg(address.toString())
                    .arg(port)
                    .arg(probe.errorString()));
    }
    return pop3::Result::success();
}

// --class-lesson: an id ("02-count-and-size") or its number ("2", "02").
std::optional<pop3::Lesson> findLesson(
    const QString &wanted, const QString &language, QString *error)
{
    pop3::LessonLibrary library;
    library.load(pop3::LessonLibrary::defaultFolders());
    bool numeric = false;
    const int number = wanted.toInt(&numeric);
    for (const QString &id : library.ids()) {
        if (id == wanted
            || (numeric
                && id.startsWith(QStringLiteral("%1-").arg(number, 2, 10, QLatin1Char('0')))))
            return library.lesson(id, language);
    }
    *error = QStringLiteral("--class-lesson: no lesson '%1' (lessons: %2)")
                 .arg(wanted, library.ids().join(QStringLiteral(", ")));
    return std::nullopt;
}

void printBanner(const ServerOptions &options, const pop3::Lab &lab, long files)
{
    const pop3::Pop3Server &server = *lab.server();
    const pop3::MailStore &store = *lab.store();
    fprintf(stdout,
        "pop3lab-server %s listening on %s (personality %s)\n",
        POP3LAB_VERSION,
        qPrintable(server.endpoint()),
        qPrintable(server.personality().id));
    if (const pop3::TlsIdentity *tls = lab.tlsIdentity()) {
        // Always printed (--quiet too): where TLS listens, and what a client should be shown.
        fprintf(stdout,
            "  TLS: STLS on %s%s%s; certificate SHA-256 %s (%s)\n",
            qPrintable(server.endpoint()),
            server.tlsPort() ? ", POP3S on " : "",
            qPrintable(server.tlsEndpoint()),
            qPrintable(tls->fingerprint()),
            qPrintable(tls->certificatePath));
    }
    if (!options.quiet) {
        if (!options.listenGiven && server.port() != options.listen.port)
            fprintf(stdout,
                "  port %u was taken: using %u instead\n",
                options.listen.port,
                server.port());
        for (const QString &user : store.users()) {
            const pop3::MailStore::Account *a = store.account(user);
            fprintf(stdout,
                "  %s: %lld messages (%lld octets), %s %s\n",
                qPrintable(user),
                qint64(a->maildrop->messages().size()),
                a->maildrop->totalSize(),
                a->inPlace ? "served in place:" : "working copy",
                qPrintable(a->maildropPath));
        }
        fprintf(stdout,
            "  lock files in %s/mail, idle timeout %d s, open-file limit %ld\n",
            qPrintable(store.workspace()),
            options.listen.idleTimeoutSecs,
            files);
        fprintf(stdout,
            "  try: telnet %s %u   (Ctrl+C stops the server)\n",
            qPrintable(server.address().toString()),
            server.port());
    }
    fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    // The event loop serves every session: it should run the moment a command arrives, even
    // while large bodies stream (see tuneThreadScheduling).
    pop3::tuneThreadScheduling(100);
    std::unique_ptr<QCoreApplication> application;
    if (wantsSlips(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        // Every connection's notifiers in one epoll set: a turn of the loop costs what became
        // ready, not every connection (docs/performance.md, *Classroom*). Login slips need the
        // offscreen platform's own dispatcher.
        if (!wantsQtEventLoop(argc, argv)) {
            auto dispatcher = std::make_unique<pop3::EpollDispatcher>();
            if (dispatcher->isValid())
                QCoreApplication::setEventDispatcher(dispatcher.release());
            else
                std::fprintf(stderr,
                    "pop3lab-server: epoll is not available (%s): serving from Qt's event loop\n",
                    std::strerror(errno));
        }
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("pop3lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POP3LAB_VERSION));

    QString error;
    bool exitNow = false;
    const std::optional<ServerOptions> options =
        ServerOptions::parse(app.arguments(), &error, &exitNow);
    if (exitNow)
        return 0;
    if (!options)
        return fail(error);

    const long files = pop3::raiseOpenFileLimit();
    // Nothing is written before the server knows it can serve: its ports free, and no other
    // server under a workspace this start replaces (see WorkspaceClaim).
    if (const pop3::Result r = portsAreFree(*options); !r)
        return fail(r.error);
    WorkspaceClaim claim;
    const bool replacing = options->classSize > 0 || options->reset;
    if (const pop3::Result r = claim.claim(
            options->workspace.isEmpty() ? pop3::MailStore::defaultWorkspace() : options->workspace,
            replacing);
        !r)
        return fail(r.error);
    QElapsedTimer made;
    made.start();
    if (options->classSize > 0) {
        if (const pop3::Result r = makeClass(*options); !r)
            return fail(r.error);
    }
    pop3::Lab lab;
    if (const pop3::Result r = lab.start(options->labConfig()); !r)
        return fail(r.error);
    claim.share();
    const qint64 madeMs = made.elapsed();
    if (!lab.server()->address().isLoopback())
        warn(QStringLiteral("listening on %1: every machine that can reach this one may connect, "
                            "and POP3 sends passwords in clear")
                 .arg(lab.server()->endpoint()));
    std::unique_ptr<pop3::ObserverServer> observer;
    if (options->observerGiven) {
        observer = std::make_unique<pop3::ObserverServer>(&lab);
        if (const pop3::Result r =
                observer->listen(options->observerAddress, options->observerPort);
            !r)
            return fail(r.error);
        if (!observer->address().isLoopback())
            warn(QStringLiteral("the observer stream listens on %1:%2, beyond this machine: "
                                "anyone who reads the token sees every session")
                     .arg(observer->address().toString())
                     .arg(observer->port()));
    }
    // Lesson progress per student, and the lab's answers checked against each one's mailbox.
    std::unique_ptr<pop3::ClassLessons> lessons;
    std::unique_ptr<pop3::AnswerServer> answers;
    if (const QString lessonId = options->classLessonId(); !lessonId.isEmpty()) {
        const std::optional<pop3::Lesson> lesson =
            findLesson(lessonId, options->lessonLanguage, &error);
        if (!lesson)
            return fail(error);
        lessons = std::make_unique<pop3::ClassLessons>(&lab);
        if (const pop3::Result r = lessons->start(*lesson,
                lab.store()->users(),
                lab.store()->workspace() + QStringLiteral("/class-progress"),
                options->classSize > 0); // a new class starts its lesson afresh
            !r)
            return fail(r.error);
        if (observer)
            observer->setClassLessons(lessons.get());
        if (options->answersGiven) {
            answers = std::make_unique<pop3::AnswerServer>(lab.store(), lessons.get());
            if (const pop3::Result r = answers->listen(
                    options->answersAddress, options->answersPort, lab.server()->port());
                !r)
                return fail(r.error);
        }
    }
    if (!options->slips.isEmpty()) {
        // The slips speak the class's language (its lesson's): a French class gets French cards.
        QTranslator slipWords;
        if (options->lessonLanguage == QLatin1String("fr")
            && slipWords.load(QStringLiteral(":/i18n/pop3lab-server_fr.qm")))
            QCoreApplication::installTranslator(&slipWords);
        QList<LoginSlips::Card> cards;
        for (const QString &user : lab.store()->users())
            cards.append({user, lab.store()->account(user)->password});
        if (const pop3::Result r = LoginSlips::write(options->slips,
                cards,
                slipsHost(*options, *lab.server()),
                lab.server()->port(),
                answers ? answers->port() : quint16(0));
            !r)
            return fail(r.error);
    }
    if (pop3::TraceWriter *trace = lab.traceWriter())
        QObject::connect(trace, &pop3::TraceWriter::failed, &app, [](const QString &why) {
            fail(why);
        });

    pop3::FaultControl control(&lab);
    control.setCrashEndsProcess(true); // "crash" is a real one: the next start reports its locks
    if (!options->control.isEmpty()) {
        if (const pop3::Result r = control.listen(options->control); !r)
            return fail(r.error);
    }

    // Before the banner: whoever waits for it may send a signal at once.
    onStopSignals(&app, [&] {
        lab.shutdown();
        if (!options->quiet)
            fprintf(stdout,
                "pop3lab-server: stopped (locks released, nothing committed for unfinished "
                "sessions)\n");
        fflush(stdout);
        app.quit();
    });
    signal(SIGPIPE, SIG_IGN);
    printBanner(*options, lab, files);
    if (options->classSize > 0 && !options->quiet)
        fprintf(stdout,
            "  class of %d accounts made in %lld ms; accounts file (owner-only): %s\n",
            options->classSize,
            madeMs,
            qPrintable(options->classAccountsPath()));
    if (!options->slips.isEmpty() && !options->quiet)
        fprintf(stdout,
            "  login slips for %lld accounts: %s\n",
            qint64(lab.store()->users().size()),
            qPrintable(options->slips));
    // Printed even with --quiet: without it nobody can observe.
    if (observer)
        fprintf(stdout,
            "  observer stream on %s:%u, token %s\n",
            qPrintable(observer->address().toString()),
            observer->port(),
            observer->token().constData());
    if (lessons && !options->quiet)
        fprintf(stdout,
            "  lesson %s (%s) followed for each of %lld students; progress in %s/class-progress\n",
            qPrintable(lessons->lesson().id),
            qPrintable(lessons->lesson().language),
            qint64(lessons->students().size()),
            qPrintable(lab.store()->workspace()));
    // Printed even with --quiet: the students need it.
    if (answers)
        fprintf(stdout,
            "  lab answers on %s:%u (telnet, USER and PASS of the student, then ANSWER)\n",
            qPrintable(answers->address().toString()),
            answers->port());
    for (const QString &stale : lab.staleLocksAtStart())
        fprintf(stdout, "  stale lock: %s\n", qPrintable(stale));
    fflush(stdout);
    if (!options->control.isEmpty() && !options->quiet) {
        fprintf(stdout,
            "  fault control on %s (%s)\n",
            qPrintable(control.path()),
            qPrintable(pop3::FaultControl::helpText()));
        fflush(stdout);
    }
    return app.exec();
}
