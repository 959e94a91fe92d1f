// pop3soak: classroom load on pop3lab-server for a while, with its memory and descriptors watched
// (docs/reliability.md, "Soak"). It starts the server it is given on 127.0.0.1 (a workspace and
// mailboxes of its own in a temporary folder), logs in --idle silent connections (students who
// opened a session and left it), runs --sessions clients that each do the lab sheet's session
// (USER, PASS, STAT, LIST, UIDL, RETR of every message, QUIT) again and again, and samples the
// server's VmRSS, open descriptors and lock files from /proc every --sample seconds (the run's
// clock, --seconds and --warmup start once the idle connections are logged in). At the end
// the clients leave and the server must be back to its descriptors before the load, with no lock
// file left. The connections are benchmarks/load's (one epoll loop; every reply validated).
//
//   pop3soak --server BIN [--seconds 60] [--sessions 60] [--idle 1000] [--sample 5]
//            [--warmup S] [--rss-tolerance-kb K] [--fd-tolerance N] [--mailbox DIR]
//
// Exit status 0 when: no client saw an error; after the warm-up (default a third of the run) the
// RSS grew by at most --rss-tolerance-kb (default 8192) from its first sample to its last and to
// the largest of the last third; the descriptors of the last sample are at most --fd-tolerance
// (default 8) above the first after the warm-up; once everybody left, the descriptors are those
// before the load (within 2) and there is no lock file. Prints every sample and one JSON line.

#include "../load/stats.h"
#include "../load/worker.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace bench;
namespace fs = std::filesystem;

namespace {

struct Options
{
    std::string server;
    std::string mailbox = POP3LAB_SOURCE_DIR "/resources/mailbox/student";
    double seconds = 60;
    int sessions = 60;
    int idle = 1000;
    double sample = 5;
    double warmup = -1;
    int64_t rssToleranceKb = 8192;
    int fdTolerance = 8;
};

[[noreturn]] void usage(const char *why)
{
    fprintf(
        stderr, "pop3soak: %s\n(see the comment at the top of benchmarks/soak/soak.cpp)\n", why);
    exit(2);
}

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc)
            usage(("missing value for " + a).c_str());
        const char *v = argv[++i];
        if (a == "--server")
            o.server = v;
        else if (a == "--mailbox")
            o.mailbox = v;
        else if (a == "--seconds")
            o.seconds = atof(v);
        else if (a == "--sessions")
            o.sessions = atoi(v);
        else if (a == "--idle")
            o.idle = atoi(v);
        else if (a == "--sample")
            o.sample = atof(v);
        else if (a == "--warmup")
            o.warmup = atof(v);
        else if (a == "--rss-tolerance-kb")
            o.rssToleranceKb = atoll(v);
        else if (a == "--fd-tolerance")
            o.fdTolerance = atoi(v);
        else
            usage(("unknown option " + a).c_str());
    }
    if (o.server.empty())
        usage("--server is required");
    if (o.seconds <= 0 || o.seconds > 4 * 3600)
        usage("--seconds must be in (0, 14400]");
    if (o.sessions < 1 || o.sessions > 500 || o.idle < 0 || o.idle > 5000)
        usage("--sessions (1-500) or --idle (0-5000) out of range");
    if (o.sample < 0.5)
        usage("--sample must be at least 0.5");
    if (o.warmup < 0)
        o.warmup = o.seconds / 3;
    return o;
}

struct Sample
{
    double t = 0; // seconds since the load started
    int64_t rssKb = 0;
    int fds = 0;
    int locks = 0;
    uint64_t sessions = 0;
    int idleHeld = 0;
};

int countEntries(const std::string &dir, const char *suffix = nullptr)
{
    DIR *d = opendir(dir.c_str());
    if (!d)
        return -1;
    int n = 0;
    while (const dirent *e = readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..")
            continue;
        if (suffix
            && (name.size() < strlen(suffix)
                || name.compare(name.size() - strlen(suffix), std::string::npos, suffix) != 0))
            continue;
        ++n;
    }
    closedir(d);
    return n;
}

// The server: started with its stdout on a pipe, whose first line says where it listens.
struct Server
{
    pid_t pid = -1;
    int port = 0;
    int out = -1;

    bool start(const Options &o, const std::string &dir, double idleTimeout)
    {
        int pipeFds[2];
        if (pipe2(pipeFds, O_CLOEXEC) != 0)
            return false;
        const std::string timeout = std::to_string(int(idleTimeout));
        pid = fork();
        if (pid == 0) {
            dup2(pipeFds[1], 1);
            execl(o.server.c_str(),
                o.server.c_str(),
                "--workspace",
                (dir + "/ws").c_str(),
                "--accounts",
                (dir + "/accounts").c_str(),
                "--listen",
                "127.0.0.1:0",
                "--idle-timeout",
                timeout.c_str(),
                "--quiet",
                static_cast<char *>(nullptr));
            _exit(127);
        }
        close(pipeFds[1]);
        out = pipeFds[0];
        std::string line;
        char c = 0;
        while (read(out, &c, 1) == 1 && c != '\n')
            line += c;
        const size_t at = line.find("127.0.0.1:");
        port = at == std::string::npos ? 0 : atoi(line.c_str() + at + 10);
        if (port <= 0)
            fprintf(stderr, "pop3soak: the server said \"%s\"\n", line.c_str());
        fcntl(out, F_SETFL, O_NONBLOCK);
        return port > 0;
    }

    // Keeps the pipe from filling (the server prints nothing more with --quiet, normally).
    void drain() const
    {
        char buffer[4096];
        while (read(out, buffer, sizeof buffer) > 0) { }
    }

    int stop()
    {
        if (pid <= 0)
            return -1;
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        close(out);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};

// The mailboxes: the lab sheet's for each session client (lab01...), one small mbox for each idle
// user (they only log in), and the accounts file naming them.
bool makeMailboxes(const Options &o, const std::string &dir)
{
    std::error_code error;
    fs::create_directories(dir + "/mailboxes", error);
    const std::string idleMbox = dir + "/mailboxes/idle.mbox";
    std::ofstream(idleMbox) << "From soak@example.org Tue Sep  1 08:00:00 2026\n"
                               "From: soak@example.org\nSubject: still there\n\nHello.\n";
    std::ofstream accounts(dir + "/accounts");
    for (int i = 1; i <= o.sessions; ++i)
        accounts << "lab" << i << " soak " << o.mailbox << '\n';
    for (int i = 1; i <= o.idle; ++i)
        accounts << "idle" << i << " soak " << idleMbox << '\n';
    return bool(accounts) && fs::is_directory(o.mailbox);
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    signal(SIGPIPE, SIG_IGN);

    // Every idle connection is a descriptor here: raise the soft limit to the hard one.
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    getrlimit(RLIMIT_NOFILE, &lim);
    const int connections = o.idle + o.sessions + 64;
    if (lim.rlim_cur != RLIM_INFINITY && rlim_t(connections) > lim.rlim_cur) {
        fprintf(stderr,
            "pop3soak: the descriptor limit (%llu) is too low for %d connections\n",
            static_cast<unsigned long long>(lim.rlim_cur),
            connections);
        return 2;
    }

    char pattern[] = "/tmp/pop3soak.XXXXXX";
    if (!mkdtemp(pattern)) {
        perror("pop3soak: mkdtemp");
        return 2;
    }
    const std::string dir = pattern;
    if (!makeMailboxes(o, dir)) {
        fprintf(
            stderr, "pop3soak: cannot make the mailboxes (is %s a folder?)\n", o.mailbox.c_str());
        return 2;
    }
    Server server;
    // No idle connection may be logged out by the server's timer during the run.
    if (!server.start(o, dir, o.seconds + 600)) {
        fs::remove_all(dir);
        return 2;
    }
    const std::string proc = "/proc/" + std::to_string(server.pid);
    const std::string lockDir = dir + "/ws/mail";

    WorkerConfig config;
    config.port = server.port;
    config.password = "soak";
    Worker w(config);
    int64_t t0 = nowNs(); // then the start of the session load: the run's clock
    w.stopNs = t0 + int64_t(o.seconds * 1e9) + 120000000000LL;
    auto sample = [&]() {
        Sample s;
        s.t = double(nowNs() - t0) / 1e9;
        s.rssKb = sampleProcesses(server.pid, false).rssKb;
        s.fds = countEntries(proc + "/fd");
        s.locks = countEntries(lockDir, ".lock");
        s.sessions = w.stats.sessions;
        s.idleHeld = w.idleReady;
        server.drain();
        return s;
    };
    const Sample before = sample();
    printf("before the load: RSS %lld kB, %d descriptors\n",
        static_cast<long long>(before.rssKb),
        before.fds);

    // The idle connections, 64 logins at a time; then the session clients.
    int started = 0;
    auto startNext = [&]() {
        while (started < o.idle && started - w.idleReady - w.failed < 64)
            w.add(Role::Idle, "idle" + std::to_string(++started));
    };
    w.onIdleReady = startNext;
    startNext();
    w.loop(
        [&] {
            return w.idleReady + w.failed >= o.idle;
        },
        t0 + 120000000000LL);
    printf("%d idle connections logged in (%d failed) in %.1f s\n",
        w.idleReady,
        w.failed,
        double(nowNs() - t0) / 1e9);
    t0 = nowNs();
    w.stopNs = t0 + int64_t(o.seconds * 1e9);
    for (int i = 1; i <= o.sessions; ++i)
        w.add(Role::Session, "lab" + std::to_string(i));

    std::vector<Sample> samples;
    printf("%8s %10s %6s %6s %9s\n", "seconds", "RSS kB", "fds", "locks", "sessions");
    while (nowNs() < w.stopNs && w.failed == 0 && w.stats.errors == 0) {
        const int64_t next = std::min(w.stopNs, nowNs() + int64_t(o.sample * 1e9));
        w.loop(
            [&] {
                return nowNs() >= next;
            },
            w.stopNs + 60000000000LL);
        samples.push_back(sample());
        const Sample &s = samples.back();
        printf("%8.1f %10lld %6d %6d %9llu\n",
            s.t,
            static_cast<long long>(s.rssKb),
            s.fds,
            s.locks,
            static_cast<unsigned long long>(s.sessions));
        fflush(stdout);
    }
    // Everybody leaves: the session clients finish their session, the idle ones QUIT.
    w.loop(
        [&] {
            return w.active() == w.idleReady;
        },
        nowNs() + 60000000000LL);
    const uint64_t labSessions = w.stats.sessions; // the idle ones count once they QUIT
    w.releaseIdle();
    w.loop(nullptr, nowNs() + 60000000000LL);
    // The server closes its side after the QUIT replies: wait until its descriptors settle.
    Sample after = sample();
    for (int i = 0; i < 100 && (after.fds > before.fds || after.locks > 0); ++i) {
        usleep(50000);
        after = sample();
    }
    const int exitCode = server.stop();

    // The verdict.
    std::vector<std::string> problems;
    if (w.stats.errors > 0 || w.failed > 0) {
        for (const std::string &e : w.stats.errorTexts)
            problems.push_back("client error: " + e);
    }
    const auto firstAfterWarmup =
        std::find_if(samples.begin(), samples.end(), [&](const Sample &s) {
            return s.t >= o.warmup;
        });
    int64_t rssGrowth = 0;
    int fdGrowth = 0;
    int64_t rssMax = 0;
    if (samples.size() < 3 || firstAfterWarmup == samples.end()
        || samples.end() - firstAfterWarmup < 2) {
        problems.push_back("too few samples after the warm-up");
    } else {
        const Sample &first = *firstAfterWarmup;
        const Sample &last = samples.back();
        int64_t lastThirdMax = 0;
        for (auto it = samples.begin(); it != samples.end(); ++it) {
            rssMax = std::max(rssMax, it->rssKb);
            if (it->t >= o.seconds * 2 / 3)
                lastThirdMax = std::max(lastThirdMax, it->rssKb);
        }
        rssGrowth = std::max(last.rssKb, lastThirdMax) - first.rssKb;
        fdGrowth = last.fds - first.fds;
        if (rssGrowth > o.rssToleranceKb)
            problems.push_back(
                "RSS grew by " + std::to_string(rssGrowth) + " kB after the warm-up");
        if (fdGrowth > o.fdTolerance)
            problems.push_back("descriptors grew by " + std::to_string(fdGrowth));
    }
    if (after.fds > before.fds + 2)
        problems.push_back("descriptors after the load: " + std::to_string(after.fds)
            + ", before: " + std::to_string(before.fds));
    if (after.locks != 0)
        problems.push_back(std::to_string(after.locks) + " lock files left after everybody left");
    if (exitCode != 0)
        problems.push_back("the server exited with " + std::to_string(exitCode));

    printf("after the load: RSS %lld kB, %d descriptors, %d lock files\n",
        static_cast<long long>(after.rssKb),
        after.fds,
        after.locks);
    printf("{\"seconds\": %.0f, \"sessions\": %llu, \"idle_held\": %d, \"rss_before_kb\": %lld, "
           "\"rss_max_kb\": %lld, \"rss_growth_after_warmup_kb\": %lld, \"fds_before\": %d, "
           "\"fd_growth_after_warmup\": %d, \"fds_after\": %d, \"locks_after\": %d, "
           "\"errors\": %llu}\n",
        o.seconds,
        static_cast<unsigned long long>(labSessions),
        w.idleReady,
        static_cast<long long>(before.rssKb),
        static_cast<long long>(rssMax),
        static_cast<long long>(rssGrowth),
        before.fds,
        fdGrowth,
        after.fds,
        after.locks,
        static_cast<unsigned long long>(w.stats.errors));
    for (const std::string &p : problems)
        printf("FAIL: %s\n", p.c_str());
    std::error_code error;
    fs::remove_all(dir, error);
    return problems.empty() ? 0 : 1;
}
