// pop3load: a POP3 load generator for 127.0.0.1 only. Every loop is bounded in time and
// every reply is validated; the last stdout line is one JSON object for benchmarks/run.sh.
//
//   pop3load MODE --port P --password PW [options]
//   sessions  C clients (lab%02d users) loop connect → USER/PASS → STAT → LIST → UIDL → RETR all →
//   QUIT pingpong  one logged-in connection, NOOP round trips echo      the same round trips
//   against an echo server (the loopback ceiling) bigretr   RETR 1 of the big user again and again,
//   while another user's paced NOOPs are timed idle      N logged-in silent connections, then a
//   fresh client's lab-sheet sessions are timed mailbox   one user: full LIST/UIDL K times, then
//   STAT / LIST n / UIDL n / RETR n / NOOP ready     start a server (the command after --), time
//   until it accepts, greets and answers STAT
//   classroom  --accounts FILE --students N --idle M [--think-ms T]: the first N accounts of a
//   class's accounts file each run the lab sheet in a loop (their own password; T ms of thinking
//   before each command) while M connections sit greeted and silent; then each student logs in
//   once more and every message must still be there, as first seen (benchmarks/load/classroom.sh)

#include "stats.h"
#include "worker.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace bench;

namespace {

struct Options
{
    std::string mode;
    std::string label;
    int port = 0;
    std::string password;
    std::string user = "lab%02d";
    int clients = 1;
    double seconds = 3;
    int threads = 1;
    int serverPid = 0;
    bool serverTree = false;
    std::string bigUser = "big";
    std::string pingUser = "ping";
    int intervalUs = 1000;
    int idle = 1000;
    int batch = 64;
    std::string idleUser = "idle%04d";
    std::string freshUser = "fresh";
    int freshSessions = 20;
    int fullLists = 20;
    std::string accounts;
    int students = 60;
    int thinkMs = 0;
    std::vector<std::string> spawn;
};

[[noreturn]] void usage(const char *why)
{
    fprintf(stderr,
        "pop3load: %s\n(see the comment at the top of benchmarks/load/pop3load.cpp)\n",
        why);
    exit(2);
}

Options parse(int argc, char **argv)
{
    Options o;
    if (argc < 2)
        usage("missing mode");
    o.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i)
                o.spawn.push_back(argv[i]);
            break;
        }
        if (i + 1 >= argc)
            usage(("missing value for " + a).c_str());
        const char *v = argv[++i];
        if (a == "--port")
            o.port = atoi(v);
        else if (a == "--password")
            o.password = v;
        else if (a == "--user")
            o.user = v;
        else if (a == "--clients")
            o.clients = atoi(v);
        else if (a == "--seconds")
            o.seconds = atof(v);
        else if (a == "--threads")
            o.threads = atoi(v);
        else if (a == "--server-pid")
            o.serverPid = atoi(v);
        else if (a == "--server-tree")
            o.serverTree = atoi(v) != 0;
        else if (a == "--label")
            o.label = v;
        else if (a == "--big-user")
            o.bigUser = v;
        else if (a == "--ping-user")
            o.pingUser = v;
        else if (a == "--interval-us")
            o.intervalUs = atoi(v);
        else if (a == "--idle")
            o.idle = atoi(v);
        else if (a == "--batch")
            o.batch = atoi(v);
        else if (a == "--idle-user")
            o.idleUser = v;
        else if (a == "--fresh-user")
            o.freshUser = v;
        else if (a == "--fresh-sessions")
            o.freshSessions = atoi(v);
        else if (a == "--accounts")
            o.accounts = v;
        else if (a == "--students")
            o.students = atoi(v);
        else if (a == "--think-ms")
            o.thinkMs = atoi(v);
        else if (a == "--full-lists")
            o.fullLists = std::max(1, atoi(v));
        else
            usage(("unknown option " + a).c_str());
    }
    if (o.port <= 0 || o.port > 65535)
        usage("--port is required");
    if (o.seconds <= 0 || o.seconds > 120)
        usage("--seconds must be in (0, 120]");
    if (o.clients < 1 || o.clients > 10000 || o.idle < 0 || o.idle > 20000)
        usage("--clients/--idle out of range");
    return o;
}

std::string userName(const std::string &pattern, int index)
{
    char buf[128];
    snprintf(buf, sizeof buf, pattern.c_str(), index);
    return buf;
}

// The JSON summary, built as text (no dependency).
struct Json
{
    std::string text = "{";

    void add(const std::string &key, double value)
    {
        char buf[64];
        snprintf(buf, sizeof buf, "%.6g", value);
        raw(key, buf);
    }

    void add(const std::string &key, const std::string &value)
    {
        raw(key, '"' + jsonEscape(value) + '"');
    }

    void raw(const std::string &key, const std::string &value)
    {
        if (text.size() > 1)
            text += ',';
        text += '"' + key + "\":" + value;
    }

    std::string done() const { return text + '}'; }
};

double ms(double ns)
{
    return ns / 1e6;
}

void addLatencies(Json &j, const std::string &prefix, std::vector<int64_t> values)
{
    j.add(prefix + "_n", double(values.size()));
    j.add(prefix + "_p50_ms", ms(percentile(values, 50)));
    j.add(prefix + "_p99_ms", ms(percentile(values, 99)));
    j.add(prefix + "_max_ms", ms(percentile(values, 100)));
}

void addErrors(Json &j, const Stats &s)
{
    j.add("errors", double(s.errors));
    j.add("in_use", double(s.inUse));
    std::string first;
    for (const std::string &e : s.errorTexts)
        first += e + "; ";
    j.add("first_errors", first);
    for (const std::string &e : s.errorTexts)
        fprintf(stderr, "pop3load: ERROR %s\n", e.c_str());
}

// Server CPU and memory around a measured window.
struct ServerWatch
{
    const Options &o;
    ProcSample before;
    int64_t t0 = 0, cpu0 = 0;

    explicit ServerWatch(const Options &options)
        : o(options)
    {
        if (o.serverPid > 0)
            before = sampleProcesses(o.serverPid, o.serverTree);
        t0 = nowNs();
        cpu0 = selfCpuNs();
    }

    void report(Json &j)
    {
        const double wall = double(nowNs() - t0);
        j.add("client_cpu_pct", 100.0 * double(selfCpuNs() - cpu0) / wall);
        if (o.serverPid > 0) {
            const ProcSample after = sampleProcesses(o.serverPid, o.serverTree);
            j.add("server_cpu_pct",
                100.0 * double(after.cpuTicks - before.cpuTicks) / ticksPerSecond() / (wall / 1e9));
            j.add("server_rss_kb", double(after.rssKb));
            j.add("server_pss_kb", double(after.pssKb));
            j.add("server_processes", double(after.processes));
        }
    }
};

Json header(const Options &o)
{
    Json j;
    j.add("mode", o.mode);
    j.add("label", o.label);
    return j;
}

WorkerConfig config(const Options &o)
{
    WorkerConfig c;
    c.port = o.port;
    c.password = o.password;
    c.intervalUs = o.intervalUs;
    return c;
}

int runSessions(const Options &o, bool ping, bool echo)
{
    const int threads = std::max(1, std::min(o.threads, o.clients));
    std::vector<std::unique_ptr<Worker>> workers;
    for (int t = 0; t < threads; ++t)
        workers.push_back(std::make_unique<Worker>(config(o)));
    ServerWatch watch(o);
    const int64_t start = nowNs();
    const int64_t stop = start + int64_t(o.seconds * 1e9);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            Worker &w = *workers[size_t(t)];
            w.stopNs = stop;
            for (int i = t; i < o.clients; i += threads) {
                const Role role = echo ? Role::Echo : ping ? Role::Ping : Role::Session;
                w.add(role, userName(ping ? o.pingUser : o.user, i + 1));
            }
            w.loop(nullptr, stop + 20000000000LL);
        });
    }
    for (auto &t : pool)
        t.join();
    Stats s;
    for (auto &w : workers)
        s.merge(w->stats);
    const double secs = o.seconds;
    Json j = header(o);
    j.add("clients", o.clients);
    j.add("seconds", secs);
    j.add("sessions_per_s", double(s.sessions) / secs);
    j.add("commands_per_s", double(s.commands) / secs);
    j.add("retr_mb_per_s", double(s.retrBytes) / 1e6 / secs);
    addLatencies(j, "cmd", s.all);
    addLatencies(j, "greeting", s.latency[int(Cmd::Greeting)]);
    if (echo)
        j.add("round_trips_per_s", double(s.latency[int(Cmd::Echo)].size()) / secs);
    if (ping)
        j.add("round_trips_per_s", double(s.latency[int(Cmd::Noop)].size()) / secs);
    watch.report(j);
    addErrors(j, s);
    printf("%s\n", j.done().c_str());
    (void)start;
    return s.errors ? 1 : 0;
}

int runBigRetr(const Options &o)
{
    Worker big(config(o));
    Worker ping(config(o));
    ServerWatch watch(o);
    const int64_t start = nowNs();
    const int64_t stop = start + int64_t(o.seconds * 1e9);
    big.stopNs = ping.stopNs = stop;
    int64_t peakRss = 0, peakPss = 0;
    big.add(Role::Big, o.bigUser);
    ping.add(Role::Paced, o.pingUser);
    std::thread bigThread([&] {
        big.loop(nullptr, stop + 60000000000LL);
    });
    std::thread pingThread([&] {
        ping.loop(
            [&] {
                return big.active() == 0;
            },
            stop + 60000000000LL);
    });
    // Memory sampled from here while the transfer runs (the server's VmHWM is reported too).
    while (big.active() > 0 && nowNs() < stop + 60000000000LL) {
        if (o.serverPid > 0) {
            const ProcSample p = sampleProcesses(o.serverPid, o.serverTree);
            peakRss = std::max(peakRss, p.rssKb);
            peakPss = std::max(peakPss, p.pssKb);
        }
        usleep(20000);
    }
    bigThread.join();
    pingThread.join();
    const double secs = double(nowNs() - start) / 1e9;
    Json j = header(o);
    j.add("seconds", secs);
    j.add("retrs", double(big.stats.retrs));
    j.add("retr_mb_per_s", double(big.stats.retrBytes) / 1e6 / secs);
    addLatencies(j, "retr", big.stats.latency[int(Cmd::Retr)]);
    addLatencies(j, "noop", ping.stats.latency[int(Cmd::Noop)]);
    j.add("rss_before_kb", double(watch.before.rssKb));
    j.add("pss_before_kb", double(watch.before.pssKb));
    j.add("rss_peak_kb", double(peakRss));
    j.add("pss_peak_kb", double(peakPss));
    if (o.serverPid > 0)
        j.add("hwm_kb", double(sampleProcesses(o.serverPid, o.serverTree).hwmKb));
    watch.report(j);
    Stats s = big.stats;
    s.merge(ping.stats);
    addErrors(j, s);
    printf("%s\n", j.done().c_str());
    return s.errors ? 1 : 0;
}

int runIdle(const Options &o)
{
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);

    Worker w(config(o));
    w.stopNs = INT64_MAX;
    const ProcSample before =
        o.serverPid > 0 ? sampleProcesses(o.serverPid, o.serverTree) : ProcSample{};
    const int64_t start = nowNs();
    int started = 0;
    auto startNext = [&] {
        while (started < o.idle && started - w.idleReady - w.failed < o.batch) {
            ++started;
            w.add(Role::Idle, userName(o.idleUser, started));
        }
    };
    w.onIdleReady = startNext;
    startNext();
    const int64_t limit = start + 240000000000LL;
    w.loop(
        [&] {
            return w.idleReady + w.failed >= o.idle;
        },
        limit);
    const double establishS = double(nowNs() - start) / 1e9;
    usleep(300000); // let a process-per-login server settle
    const ProcSample held =
        o.serverPid > 0 ? sampleProcesses(o.serverPid, o.serverTree) : ProcSample{};
    const Stats setup = w.stats;
    w.stats = Stats{};
    w.add(Role::Fresh, o.freshUser, o.freshSessions);
    const int64_t freshStart = nowNs();
    w.loop(
        [&] {
            return w.active() == w.idleReady;
        },
        freshStart + 60000000000LL);
    const double freshS = double(nowNs() - freshStart) / 1e9;
    const Stats fresh = w.stats;
    w.releaseIdle();
    w.loop(nullptr, nowNs() + 120000000000LL);

    Json j = header(o);
    j.add("idle_target", o.idle);
    j.add("idle_held", w.idleReady);
    j.add("idle_failed", w.failed);
    j.add("establish_s", establishS);
    j.add("rss_before_kb", double(before.rssKb));
    j.add("rss_held_kb", double(held.rssKb));
    j.add("pss_before_kb", double(before.pssKb));
    j.add("pss_held_kb", double(held.pssKb));
    j.add("server_processes", double(held.processes));
    const double n = std::max(1, w.idleReady);
    j.add("rss_per_conn_kb", double(held.rssKb - before.rssKb) / n);
    j.add("pss_per_conn_kb", double(held.pssKb - before.pssKb) / n);
    j.add("fresh_sessions", double(fresh.sessions));
    j.add("fresh_seconds", freshS);
    addLatencies(j, "fresh_cmd", fresh.all);
    addLatencies(j, "fresh_greeting", fresh.latency[int(Cmd::Greeting)]);
    addLatencies(j, "login", setup.latency[int(Cmd::Pass)]);
    Stats s = setup;
    s.merge(fresh);
    s.merge(w.stats);
    addErrors(j, s);
    printf("%s\n", j.done().c_str());
    return s.errors ? 1 : 0;
}

int runMailbox(const Options &o)
{
    Worker w(config(o));
    ServerWatch watch(o);
    const int64_t start = nowNs();
    w.stopNs = start + int64_t(o.seconds * 1e9);
    w.add(Role::Mix, userName(o.user, 1), 0, o.fullLists);
    w.loop(nullptr, w.stopNs + 60000000000LL);
    Json j = header(o);
    j.add("login_stat_ms", ms(double(w.stats.loginStatNs)));
    addLatencies(j, "list_all", w.stats.latency[int(Cmd::List)]);
    addLatencies(j, "uidl_all", w.stats.latency[int(Cmd::Uidl)]);
    for (Cmd c : {Cmd::Stat, Cmd::ListOne, Cmd::UidlOne, Cmd::Retr, Cmd::Noop, Cmd::Pass}) {
        std::string key = cmdName(c);
        for (char &ch : key)
            ch = ch == ' ' ? '_' : char(tolower(ch));
        addLatencies(j, key, w.stats.latency[int(c)]);
    }
    // The single-message commands only (what "per-command cost" compares).
    std::vector<int64_t> single;
    for (Cmd c : {Cmd::Stat, Cmd::ListOne, Cmd::UidlOne, Cmd::Retr, Cmd::Noop})
        single.insert(single.end(), w.stats.latency[int(c)].begin(), w.stats.latency[int(c)].end());
    addLatencies(j, "single", single);
    watch.report(j);
    addErrors(j, w.stats);
    printf("%s\n", j.done().c_str());
    return w.stats.errors ? 1 : 0;
}

// name password mailbox, fields in double quotes where they hold blanks (\" and \\ inside).
std::vector<std::pair<std::string, std::string>> readAccounts(const std::string &path)
{
    std::vector<std::pair<std::string, std::string>> out;
    FILE *f = fopen(path.c_str(), "r");
    if (!f)
        usage(("cannot read " + path).c_str());
    char buf[4096];
    while (fgets(buf, sizeof buf, f)) {
        std::vector<std::string> fields;
        const char *p = buf;
        while (*p) {
            while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
                ++p;
            if (!*p || (fields.empty() && *p == '#'))
                break;
            std::string field;
            if (*p == '"') {
                for (++p; *p && *p != '"'; ++p) {
                    if (*p == '\\' && p[1])
                        ++p;
                    field += *p;
                }
                if (*p == '"')
                    ++p;
            } else {
                while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
                    field += *p++;
            }
            fields.push_back(field);
        }
        if (fields.size() >= 2)
            out.emplace_back(fields[0], fields[1]);
    }
    fclose(f);
    return out;
}

void printStudent(const std::string &user, std::vector<int64_t> v, uint64_t sessions)
{
    const size_t n = v.size();
    printf("  %-12s %6zu commands %4llu sessions  p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n",
        user.c_str(),
        n,
        static_cast<unsigned long long>(sessions),
        ms(percentile(v, 50)),
        ms(percentile(v, 99)),
        ms(percentile(v, 100)));
}

int runClassroom(const Options &o)
{
    rlimit lim{};
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    const auto accounts = readAccounts(o.accounts);
    if (int(accounts.size()) < o.students)
        usage("fewer accounts in --accounts than --students");

    // The idle connections first: the class works while they are held.
    Worker idle(config(o));
    idle.stopNs = INT64_MAX;
    int started = 0;
    auto startNext = [&] {
        while (started < o.idle && started - idle.idleReady - idle.failed < o.batch) {
            ++started;
            idle.add(Role::Lurker, "idle");
        }
    };
    idle.onIdleReady = startNext;
    startNext();
    idle.loop(
        [&] {
            return idle.idleReady + idle.failed >= o.idle;
        },
        nowNs() + 120000000000LL);
    std::atomic<bool> release{false};
    std::thread idleThread([&] {
        idle.loop(
            [&] {
                return release.load();
            },
            INT64_MAX);
    });

    WorkerConfig c = config(o);
    c.thinkUs = o.thinkMs * 1000;
    Worker students(c);
    ServerWatch watch(o);
    const int64_t start = nowNs();
    students.stopNs = start + int64_t(o.seconds * 1e9);
    for (int i = 0; i < o.students; ++i)
        students.addStudent(Role::Student, accounts[size_t(i)].first, accounts[size_t(i)].second);
    students.loop(nullptr, students.stopNs + 60000000000LL);
    const double secs = double(nowNs() - start) / 1e9;
    Json j = header(o);
    watch.report(j);
    release = true;
    idleThread.join();
    const int idleHeld = idle.idleReady;
    idle.releaseIdle();
    idle.loop(nullptr, nowNs() + 60000000000LL);

    // Afterwards: each student once more, every message as first seen, no lock left behind.
    const std::vector<Worker::PerConn> seen = students.perConn();
    Worker check(config(o));
    check.stopNs = INT64_MAX;
    for (int i = 0; i < o.students; ++i) {
        const Worker::PerConn &p = seen[size_t(i)];
        check.addStudent(Role::Fresh,
            accounts[size_t(i)].first,
            accounts[size_t(i)].second,
            1,
            p.count,
            p.total);
    }
    check.loop(nullptr, nowNs() + 60000000000LL);

    printf("classroom: %d students, %d idle connections held, %.1f s, think %d ms\n",
        o.students,
        idleHeld,
        secs,
        o.thinkMs);
    std::vector<int64_t> worstP99;
    for (const Worker::PerConn &p : seen) {
        printStudent(p.user, p.latency, p.sessions);
        std::vector<int64_t> v = p.latency;
        worstP99.push_back(int64_t(percentile(v, 99)));
    }
    Stats s = students.stats;
    j.add("students", o.students);
    j.add("idle_held", idleHeld);
    j.add("seconds", secs);
    j.add("think_ms", o.thinkMs);
    j.add("sessions", double(s.sessions));
    j.add("commands_per_s", double(s.commands) / secs);
    addLatencies(j, "cmd", s.all);
    j.add("worst_student_p99_ms", ms(percentile(worstP99, 100)));
    j.add("check_sessions", double(check.stats.sessions));
    j.add("check_retrs", double(check.stats.retrs));
    s.merge(idle.stats);
    s.merge(check.stats);
    addErrors(j, s);
    printf("%s\n", j.done().c_str());
    return s.errors ? 1 : 0;
}

int runReady(const Options &o)
{
    if (o.spawn.empty())
        usage("ready needs the server command after --");
    WorkerConfig c = config(o);
    c.startNs = nowNs();
    const pid_t child = fork();
    if (child == 0) {
        std::vector<char *> argv;
        for (const std::string &a : o.spawn)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        if (!getenv("POP3LOAD_SHOW_SERVER")) {
            FILE *null = freopen("/dev/null", "w", stdout);
            (void)null;
        }
        execvp(argv[0], argv.data());
        _exit(127);
    }
    Worker w(c);
    w.stopNs = INT64_MAX;
    w.add(Role::Ready, userName(o.user, 1));
    w.loop(nullptr, c.startNs + 30000000000LL);
    ProcSample mem = sampleProcesses(child, false);
    kill(child, SIGTERM);
    int status = 0;
    waitpid(child, &status, 0);
    Json j = header(o);
    j.add("accepting_ms", ms(double(w.stats.readyConnectNs)));
    j.add("greeting_ms", ms(double(w.stats.readyGreetingNs)));
    j.add("stat_ms", ms(double(w.stats.readyStatNs)));
    j.add("server_rss_kb", double(mem.rssKb));
    addErrors(j, w.stats);
    printf("%s\n", j.done().c_str());
    return w.stats.errors ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    const Options o = parse(argc, argv);
    if (o.mode == "sessions")
        return runSessions(o, false, false);
    if (o.mode == "pingpong")
        return runSessions(o, true, false);
    if (o.mode == "echo")
        return runSessions(o, false, true);
    if (o.mode == "bigretr")
        return runBigRetr(o);
    if (o.mode == "idle")
        return runIdle(o);
    if (o.mode == "mailbox")
        return runMailbox(o);
    if (o.mode == "ready")
        return runReady(o);
    if (o.mode == "classroom")
        return runClassroom(o);
    usage(("unknown mode " + o.mode).c_str());
}
