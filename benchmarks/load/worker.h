#pragma once

// One epoll loop driving many POP3 client connections, each following a script (its Role).
// Commands are sent in lock-step (no pipelining) so every reply's latency is measured, and
// every reply is validated: status, CRLF, terminator, LIST sizes = RETR octets, UIDL ids.

#include "replyparser.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bench {

enum class Cmd {
    Greeting,
    User,
    Pass,
    Stat,
    List,
    Uidl,
    Retr,
    Noop,
    Quit,
    ListOne,
    UidlOne,
    Echo,
    Count
};

const char *cmdName(Cmd cmd);

enum class Role {
    Session, // connect, USER/PASS, STAT, LIST, UIDL, RETR all, QUIT, again until the deadline
    Ping, // log in, NOOP back to back until the deadline
    Big, // log in, RETR 1 again and again until the deadline
    Paced, // log in, NOOP every intervalUs until the deadline
    Idle, // log in and stay silent until released
    Fresh, // `sessionsLeft` lab-sheet sessions, one after the other
    Mix, // log in, full LIST/UIDL `fullLeft` times, then single-message commands
    Echo, // raw "NOOP\r\n" round trips against an echo server
    Ready, // connect (retrying while refused), log in, STAT, QUIT: time to ready
    Student, // the lab sheet as Session, with its own password, thinkUs between commands; every
             // STAT must match the first (nothing lost)
    Lurker, // connect, take the greeting, stay silent in AUTHORIZATION until released
};

struct Stats
{
    std::vector<int64_t> latency[int(Cmd::Count)]; // ns per command
    std::vector<int64_t> all; // every command but the greeting
    uint64_t sessions = 0;
    uint64_t commands = 0;
    uint64_t retrBytes = 0;
    uint64_t retrs = 0;
    uint64_t errors = 0;
    uint64_t inUse = 0;
    std::vector<std::string> errorTexts;
    int64_t readyConnectNs = 0, readyGreetingNs = 0, readyStatNs = 0, loginStatNs = 0;
    void merge(const Stats &o);
};

struct Conn;

struct WorkerConfig
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string password;
    int intervalUs = 1000;
    int64_t startNs = 0; // Ready: when the server was started
    int thinkUs = 0; // Student: the pause before each command (a person reading the reply)
};

class Worker
{
public:
    explicit Worker(WorkerConfig config);
    ~Worker();

    // Adds a connection following role as user; it starts connecting at once.
    Conn *add(Role role, const std::string &user, int sessions = 0, int fullLists = 0);
    // A Student (or Fresh) connection with a password of its own; expectCount/expectTotal: what
    // STAT must say (-1: take the first STAT as the truth).
    Conn *addStudent(Role role,
        const std::string &user,
        const std::string &password,
        int sessions = 0,
        int64_t expectCount = -1,
        int64_t expectTotal = -1);

    // Each connection's own command latencies (ns), its user, and the STAT it saw first.
    struct PerConn
    {
        std::string user;
        std::vector<int64_t> latency;
        int64_t count = -1;
        int64_t total = -1;
        uint64_t sessions = 0;
    };

    std::vector<PerConn> perConn() const;
    // Runs until done() says so, every connection is finished, or hardStopNs passes.
    void loop(const std::function<bool()> &done, int64_t hardStopNs);
    // Sends QUIT to every Idle connection.
    void releaseIdle();

    int64_t stopNs = 0; // roles stop starting new work after this
    Stats stats;
    int idleReady = 0;
    int failed = 0;

    int active() const { return m_active; }

    std::function<void()> onIdleReady; // called when an Idle connection is logged in or failed

private:
    friend struct Conn;
    void startConnect(Conn *c);
    void onWritable(Conn *c);
    void onReadable(Conn *c);
    void onReply(Conn *c);
    void send(Conn *c, Cmd cmd, int arg = 0);
    void afterLogin(Conn *c);
    void nextMix(Conn *c);
    void sessionFinished(Conn *c);
    void fail(Conn *c, const std::string &why);
    void finish(Conn *c);
    void closeFd(Conn *c);

    WorkerConfig m_config;
    int m_epoll = -1;
    std::atomic<int> m_active{0};
    std::vector<std::unique_ptr<Conn>> m_conns;
    std::vector<char> m_buffer;
};

} // namespace bench
