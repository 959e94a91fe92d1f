#include "lab/lab.h"

#include "events/eventlog.h"
#include "events/tracewriter.h"
#include "lab/faultinjector.h"
#include "lessons/lessonprogress.h"
#include "lessons/lessonrunner.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"
#include "mail/safefile.h"
#include "protocol/personality.h"
#include "protocol/pop3session.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>
#include <unistd.h>

namespace pop3 {

Lab::Lab(QObject *parent)
    : QObject(parent)
    , m_log(std::make_unique<EventLog>())
    , m_store(std::make_unique<MailStore>(m_log.get()))
    , m_faults(std::make_unique<FaultInjector>(m_log.get(), m_store.get()))
    , m_progressFolder(LessonProgressStore::defaultFolder())
{ }

Lab::~Lab()
{
    shutdown();
}

Result Lab::start(const Config &config)
{
    if (m_started)
        return Result::failure(QStringLiteral("the lab is already started"));
    m_started = true; // even when it fails: the accounts added so far stay
    m_log->setCapacity(config.logCapacity);
    if (!config.progressFolder.isEmpty())
        setProgressFolder(config.progressFolder);

    // The personality first: a misspelt name is refused before any mailbox is copied.
    QString error;
    const std::optional<Personality> personality = Personality::load(
        config.personality.isEmpty() ? Personality::defaultId() : config.personality, &error);
    if (!personality)
        return Result::failure(error);

    if (!config.workspace.isEmpty())
        m_store->setWorkspace(config.workspace);
    if (const std::optional<Mailbox> &m = config.mailbox) {
        if (Result r = m_store->addAccount(m->user, m->password, m->path, m->inPlace, config.reset);
            !r)
            return r;
    }
    if (config.samples) {
        if (Result r = m_store->addSampleAccounts(config.reset); !r)
            return r;
    }
    if (!config.accountsFile.isEmpty()) {
        if (Result r = m_store->addAccountsFile(config.accountsFile, config.reset); !r)
            return r;
    }

    if (!config.trace.isEmpty()) {
        auto trace = std::make_unique<TraceWriter>(m_log.get());
        trace->setKeepSecrets(config.traceSecrets);
        if (Result r = trace->open(config.trace); !r)
            return r;
        m_trace = std::move(trace);
    }

    Pop3Server::Options listen = config.listen;
    if (config.tls || !config.tlsCertificate.isEmpty()) {
        m_tls = config.tlsCertificate.isEmpty()
            ? TlsIdentity::workspace(m_store->workspace() + QStringLiteral("/tls"), &error)
            : TlsIdentity::load(config.tlsCertificate,
                config.tlsKey.isEmpty() ? config.tlsCertificate : config.tlsKey,
                &error);
        if (!m_tls) {
            m_trace.reset();
            return Result::failure(error);
        }
        listen.certificate = m_tls->certificate;
        listen.key = m_tls->key;
    }

    // The sessions reach the store through the fault injector (it passes everything on unless a
    // fault is armed).
    auto server = std::make_unique<Pop3Server>(m_log.get(), m_faults.get(), *personality);
    server->setFaultHook(m_faults.get());
    if (!server->listen(listen)) {
        const QString why = server->errorString();
        m_trace.reset();
        return Result::failure(why);
    }
    m_server = std::move(server);
    findStaleLocks();
    return Result::success();
}

void Lab::shutdown()
{
    if (m_server)
        m_server->shutdown();
    if (m_trace)
        m_trace->close(); // after the server's last events
}

bool Lab::isBuiltinServer(const QString &host, quint16 port) const
{
    if (!m_server || !m_server->isListening() || port != m_server->port())
        return false;
    const QString h = host.trimmed().toLower();
    if (h == QLatin1String("localhost"))
        return true;
    const QHostAddress address(h);
    return address.isLoopback();
}

Result Lab::setPersonality(const QString &idOrPath)
{
    QString error;
    std::optional<Personality> personality = Personality::load(idOrPath, &error);
    if (!personality)
        return Result::failure(error);
    if (m_server)
        m_server->setPersonality(std::move(*personality));
    return Result::success();
}

QList<int> Lab::sessionsHolding(const QString &user) const
{
    QList<int> ids;
    if (!m_server)
        return ids;
    for (const Pop3Session *s : m_server->sessions()) {
        if (s->user() == user) // set by a PASS that took the lock
            ids.append(s->id());
    }
    return ids;
}

Result Lab::resetMailbox(const QString &user)
{
    // A session still holding the maildrop would go on serving the copy thrown away, and its QUIT
    // would expunge from the fresh one.
    for (int id : sessionsHolding(user))
        m_server->dropSession(id);
    return m_store->resetMailbox(user);
}

Result Lab::resetAllMailboxes()
{
    Result first = Result::success();
    for (const QString &user : m_store->users()) {
        const MailStore::Account *a = m_store->account(user);
        if (a && a->inPlace)
            continue;
        if (Result r = resetMailbox(user); !r && first)
            first = r;
    }
    return first;
}

Result Lab::dropSession(int id)
{
    if (!m_server || !m_server->dropSession(id))
        return Result::failure(QStringLiteral("no session %1 is open").arg(id));
    return Result::success();
}

QStringList Lab::heldLockPaths() const
{
    QStringList locks;
    if (!m_server)
        return locks;
    for (const Pop3Session *s : m_server->sessions()) {
        if (!s->user().isEmpty())
            locks.append(m_store->lockPath(s->user()));
    }
    return locks;
}

void Lab::noteCrash(const QStringList &locks)
{
    Event e = Event::makeNote(NoteKind::FaultServerCrashed, locks.join(QLatin1Char('\n')));
    e.number = int(locks.size());
    m_log->append(e);
}

Result Lab::crashServer()
{
    if (!m_server || !m_server->isListening())
        return Result::failure(QStringLiteral("the server is not running"));
    QStringList users;
    for (const Pop3Session *s : m_server->sessions()) {
        if (!s->user().isEmpty())
            users.append(s->user());
    }
    noteCrash(heldLockPaths());
    m_server->crash();
    // Down for real: nothing answers on its port until it is started again.
    m_server->stopListening();
    // What the dead server knew of its locks is gone with it; the files stay, naming sessions
    // that are gone.
    for (const QString &user : std::as_const(users))
        m_store->noteLockReleased(user);
    emit serverRunningChanged(false);
    return Result::success();
}

Result Lab::restartServer()
{
    if (!m_server)
        return Result::failure(QStringLiteral("the server was never started"));
    if (m_server->isListening())
        return Result::failure(QStringLiteral("the server is running"));
    if (!m_server->listenAgain())
        return Result::failure(m_server->errorString());
    findStaleLocks(); // what a start finds: the locks the dead server left
    emit serverRunningChanged(true);
    return Result::success();
}

void Lab::crashProcess()
{
    noteCrash(heldLockPaths());
    if (m_trace)
        m_trace->close(); // the note is the trace's last line
    std::fflush(nullptr);
    ::_exit(crashExitCode); // no destructor, no unlock: as a real crash
}

// A lock file whose holder is gone (a process that crashed, on this machine) is reported at
// start; the file stays until the next login of its user, which clears it and says so.
void Lab::findStaleLocks()
{
    for (const QString &user : m_store->users()) {
        const QString path = m_store->lockPath(user);
        if (SafeFile::kind(path) != SafeFile::Kind::File)
            continue;
        const std::optional<MaildropLock::Holder> holder = MaildropLock::read(path);
        if (!holder || !MaildropLock::isStale(*holder, {}))
            continue;
        // This very program's, after crashServer(): its server died, the program did not.
        const bool ours = holder->pid == QCoreApplication::applicationPid();
        const QString line = ours
            ? QStringLiteral("%1: a stale lock, left by %2: this program's server before it was "
                             "killed (that session is gone and nothing removed the file); the "
                             "next login of %3 clears it")
                  .arg(path, holder->describe(), user)
            : QStringLiteral("%1: a stale lock, left by %2, a process that is gone (it crashed "
                             "without releasing it); the next login of %3 clears it")
                  .arg(path, holder->describe(), user);
        m_staleAtStart.append(line);
        // A typed note (the diagram draws it in the lock band and explains it): its path, whose
        // maildrop, the pid written in it.
        Event e = Event::makeNote(NoteKind::StaleLockFound, path);
        e.user = user;
        e.number = int(holder->pid);
        m_log->append(e);
    }
}

Result Lab::deliver(const QString &user, const QByteArray &message)
{
    return m_store->deliver(user, message);
}

Lab::Learner &Lab::learner(const QString &name)
{
    Learner &l = m_learners[name];
    if (!l.runner) {
        l.progress = std::make_unique<LessonProgressStore>(m_progressFolder, name);
        l.runner = std::make_unique<LessonRunner>(m_log.get(), m_store.get());
        l.runner->setProgressStore(l.progress.get());
    }
    return l;
}

LessonRunner *Lab::lessonRunner(const QString &learnerName)
{
    return learner(learnerName).runner.get();
}

LessonProgressStore *Lab::lessonProgress(const QString &learnerName)
{
    return learner(learnerName).progress.get();
}

void Lab::setProgressFolder(const QString &folder)
{
    m_progressFolder = folder;
    for (auto &[name, l] : m_learners) {
        auto progress = std::make_unique<LessonProgressStore>(folder, name);
        l.runner->setProgressStore(progress.get());
        l.progress = std::move(progress);
    }
}

} // namespace pop3
