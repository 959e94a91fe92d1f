// pop3lab-server: the headless server for a classroom or a script. Same core, same events as the
// pop3lab window; the event stream can be written to a trace file.

#include "events/eventlog.h"
#include "events/tracewriter.h"
#include "mail/mailstore.h"
#include "net/pop3server.h"
#include "serveroptions.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
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
    pop3::EventLog log;
    log.setCapacity(20000); // the trace file keeps everything; memory keeps the recent past
    pop3::MailStore store(&log);
    if (!options->workspace.isEmpty())
        store.setWorkspace(options->workspace);

    pop3::Result loaded;
    if (!options->mailbox.isEmpty())
        loaded = store.addAccount(
            options->user, options->password, options->mailbox, options->inPlace, options->reset);
    else if (options->accountsFile.isEmpty())
        loaded = store.addSampleAccounts(options->reset);
    if (loaded && !options->accountsFile.isEmpty())
        loaded = store.addAccountsFile(options->accountsFile, options->reset);
    if (!loaded)
        return fail(loaded.error);

    const std::optional<pop3::Personality> personality = pop3::Personality::load(
        options->personality.isEmpty() ? pop3::Personality::defaultId() : options->personality,
        &error);
    if (!personality)
        return fail(error);

    pop3::TraceWriter trace(&log);
    if (!options->trace.isEmpty()) {
        if (const pop3::Result r = trace.open(options->trace); !r)
            return fail(r.error);
        QObject::connect(&trace, &pop3::TraceWriter::failed, &app, [](const QString &error) {
            fprintf(stderr, "pop3lab-server: %s\n", qPrintable(error));
        });
    }

    pop3::Pop3Server server(&log, &store, *personality);
    if (!server.listen(options->listen))
        return fail(server.errorString());

    fprintf(stdout,
        "pop3lab-server %s listening on %s (personality %s)\n",
        POP3LAB_VERSION,
        qPrintable(server.endpoint()),
        qPrintable(personality->id));
    if (!options->quiet) {
        if (!options->listenGiven && server.port() != options->listen.port)
            fprintf(stdout,
                "  port %u was taken: using %u instead\n",
                options->listen.port,
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
            options->listen.idleTimeoutSecs,
            files);
        fprintf(stdout,
            "  try: telnet %s %u   (Ctrl+C stops the server)\n",
            qPrintable(server.address().toString()),
            server.port());
    }
    fflush(stdout);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&] {
            char byte;
            [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &byte, 1);
            server.shutdown();
            trace.close();
            if (!options->quiet)
                fprintf(stdout,
                    "pop3lab-server: stopped (locks released, nothing committed for unfinished "
                    "sessions)\n");
            fflush(stdout);
            app.quit();
        });
    }
    signal(SIGPIPE, SIG_IGN);
    return app.exec();
}
