#pragma once

#include "events/result.h"
#include "net/pop3server.h"
#include "net/tlsidentity.h"

#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace pop3 {

class EventLog;
class FaultInjector;
class LessonProgressStore;
class LessonRunner;
class MailStore;
class TraceWriter;

// One lab: the event stream, the accounts and their maildrops, the POP3 server, the optional live
// trace and the learners' lesson runners, set up the same way for every front end (the pop3lab
// window, pop3lab-server; a classroom next). Front ends turn their options into a Config, call
// start() and show the Result in their own way; nothing here talks to the user.
//
//   Config ──start()──► personality ─► accounts (MailStore) ─► trace (TraceWriter) ─► listen
//   resetMailbox(user) ──► drop the sessions holding the maildrop ──► fresh copy
//   lessonRunner(learner) ──► a LessonRunner on this lab's log and store, progress on disk
class Lab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Lab)

public:
    // One account served alone from a mailbox of the user's (a Maildir, an mbox, .eml files).
    struct Mailbox
    {
        QString user;
        QString password;
        QString path;
        bool inPlace = false; // serve the mailbox itself: DELE + QUIT really changes it
    };

    struct Config
    {
        QString workspace; // empty: MailStore::defaultWorkspace()
        QString personality; // an id or a .json file; empty: Personality::defaultId()
        // The accounts, added in this order: the mailbox, the samples, the accounts file.
        std::optional<Mailbox> mailbox;
        bool samples = true; // student / hessovs! and barakirs / blacksun
        QString accountsFile; // "name password mailbox" per line (a class)
        bool reset = false; // start again from fresh copies of the mailboxes
        Pop3Server::Options listen; // 127.0.0.1:1110 or the next free port, by default
        // TLS: STLS on the port above, POP3S on listen.tlsPort when >= 0. The certificate and
        // key given, or else the workspace's own (created on first run, owner-only).
        bool tls = false;
        QString tlsCertificate;
        QString tlsKey;
        QString trace; // write the event stream there as JSON Lines (empty: no trace)
        // The trace keeps passwords, APOP digests and SASL responses (hidden by default).
        bool traceSecrets = false;
        qsizetype logCapacity = 0; // events kept in memory (0: all)
        QString progressFolder; // lesson progress; empty: LessonProgressStore::defaultFolder()
    };

    explicit Lab(QObject *parent = nullptr);
    // Shuts the server down first: sessions end (locks released) while everything else exists.
    ~Lab() override;

    // Loads the personality and the accounts, opens the trace and starts listening. An unknown
    // personality, an unreadable mailbox, an unwritable trace or a busy port is an error; start
    // once per Lab (a failed start is not tried again).
    Result start(const Config &config);
    // Says goodbye to every session (nothing committed), stops listening, closes the trace.
    void shutdown();

    EventLog *log() const { return m_log.get(); }

    MailStore *store() const { return m_store.get(); }

    // Null before start() succeeded.
    Pop3Server *server() const { return m_server.get(); }

    // Null unless Config::trace was given.
    TraceWriter *traceWriter() const { return m_trace.get(); }

    // The server's certificate and key (null without TLS): its fingerprint is shown so a student
    // can compare it with what a client reports.
    const TlsIdentity *tlsIdentity() const { return m_tls ? &*m_tls : nullptr; }

    // Whether host:port is this lab's server (its own events are then authoritative).
    bool isBuiltinServer(const QString &host, quint16 port) const;

    // Another personality (id or .json file) for the sessions that start from now on.
    Result setPersonality(const QString &idOrPath);

    // The ids of the sessions logged in as user, which hold that maildrop.
    QList<int> sessionsHolding(const QString &user) const;
    // Cuts the sessions holding user's maildrop (as a network fault would: no QUIT, their marks
    // lost), then replaces the working copy with a fresh one of the original.
    Result resetMailbox(const QString &user);
    // resetMailbox for every account served from a copy (a whole class starts again); the first
    // failure is returned, the other accounts are reset all the same.
    Result resetAllMailboxes();

    // Faults a teacher injects while sessions run (the slow replies, the refused login, the failed
    // commit are armed there); the server's sessions reach the store through it.
    FaultInjector *faults() const { return m_faults.get(); }

    // Cuts session id now, as a network fault would (marks lost, lock released, no UPDATE).
    Result dropSession(int id);
    // The server dies without releasing its maildrop locks: every connection is cut, the lock
    // files stay (their sessions are gone) and the server stops listening — its port refuses
    // connections — until restartServer().
    Result crashServer();
    // Starts the server again after crashServer(), on the same port. Like start(), it looks for
    // the lock files a dead server left and reports each (a StaleLockFound note, and
    // staleLocksAtStart()); the next login of their users clears them.
    Result restartServer();

    bool isServerRunning() const { return m_server && m_server->isListening(); }

    // pop3lab-server's real crash (its --control "crash"): the same note, the trace flushed, then
    // the process ends at once with exit status crashExitCode — no destructor runs, so the lock
    // files stay on disk naming a process that is gone, and the next start reports them.
    [[noreturn]] void crashProcess();
    static constexpr int crashExitCode = 70;

    // The lock files start() or restartServer() found left by a server that is gone (a crash),
    // one line each: "path: a stale lock, left by …". The next login of their user clears them
    // (StaleLockCleared).
    QStringList staleLocksAtStart() const { return m_staleAtStart; }

    // Delivers message into user's maildrop; sessions see it at their next login (RFC 1939 §8).
    Result deliver(const QString &user, const QByteArray &message);

    // The lesson runner of learner, created on first use; it watches this lab's log and store and
    // keeps its progress in progressFolder().
    LessonRunner *lessonRunner(const QString &learner);
    // Where learner's progress is kept (created with the runner).
    LessonProgressStore *lessonProgress(const QString &learner);

    QString progressFolder() const { return m_progressFolder; }

    // Keeps every learner's progress in folder from now on.
    void setProgressFolder(const QString &folder);

signals:
    void serverRunningChanged(bool running); // crashServer(), restartServer()

private:
    struct Learner
    {
        std::unique_ptr<LessonProgressStore> progress;
        std::unique_ptr<LessonRunner> runner;
    };

    Learner &learner(const QString &name);
    QStringList heldLockPaths() const; // of the sessions logged in now
    void noteCrash(const QStringList &locks);
    void findStaleLocks();

    std::unique_ptr<EventLog> m_log; // first in, last out: every other part appends to it
    std::unique_ptr<MailStore> m_store;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<TraceWriter> m_trace;
    std::unique_ptr<Pop3Server> m_server;
    std::map<QString, Learner> m_learners;
    std::optional<TlsIdentity> m_tls;
    QString m_progressFolder;
    QStringList m_staleAtStart;
    bool m_started = false;
};

} // namespace pop3
