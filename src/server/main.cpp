// pop3lab-server: the headless server for a classroom or a script. Same lab, same events as the
// pop3lab window; the event stream can be written to a trace file.
//
//   command line ──ServerOptions──► Lab::Config ──Lab::start()──► banner ──► SIGINT/SIGTERM ──►
//   quit

#include "events/tracewriter.h"
#include "lab/faultcontrol.h"
#include "lab/lab.h"
#include "mail/mailstore.h"
#include "serveroptions.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <functional>
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

void printBanner(const ServerOptions &options, const pop3::Lab &lab, long files)
{
    const pop3::Pop3Server &server = *lab.server();
    const pop3::MailStore &store = *lab.store();
    fprintf(stdout,
        "pop3lab-server %s listening on %s (personality %s)\n",
        POP3LAB_VERSION,
        qPrintable(server.endpoint()),
        qPrintable(server.personality().id));
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
    QCoreApplication app(argc, argv);
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
    pop3::Lab lab;
    if (const pop3::Result r = lab.start(options->labConfig()); !r)
        return fail(r.error);
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
