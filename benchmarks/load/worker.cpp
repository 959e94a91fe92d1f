#include "worker.h"

#include "stats.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <random>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {

const char *cmdName(Cmd cmd)
{
    static const char *names[] = {"greeting",
        "USER",
        "PASS",
        "STAT",
        "LIST",
        "UIDL",
        "RETR",
        "NOOP",
        "QUIT",
        "LIST n",
        "UIDL n",
        "echo"};
    return names[int(cmd)];
}

void Stats::merge(const Stats &o)
{
    for (int i = 0; i < int(Cmd::Count); ++i)
        latency[i].insert(latency[i].end(), o.latency[i].begin(), o.latency[i].end());
    all.insert(all.end(), o.all.begin(), o.all.end());
    sessions += o.sessions;
    commands += o.commands;
    retrBytes += o.retrBytes;
    retrs += o.retrs;
    errors += o.errors;
    inUse += o.inUse;
    for (const std::string &e : o.errorTexts) {
        if (errorTexts.size() < 10)
            errorTexts.push_back(e);
    }
}

enum class Phase {
    Off,
    Connecting,
    Waiting, // for a reply
    Timer, // Paced: until wakeAt
    Idle, // logged in, silent
    Draining, // QUIT answered: until the server closes
    Done,
};

struct Conn
{
    int fd = -1;
    Role role = Role::Session;
    std::string user;
    Phase phase = Phase::Off;
    Cmd cmd = Cmd::Greeting;
    int arg = 0;
    int64_t t0 = 0; // when the command (or the connect) was sent
    int64_t sessionT0 = 0; // Ready: when the first attempt started
    int64_t wakeAt = 0;
    ReplyParser parser;
    std::string echoIn;
    int count = 0; // from STAT
    uint64_t total = 0;
    std::vector<uint64_t> sizes;
    std::vector<std::string> uids;
    int sessionsLeft = 0;
    int fullLeft = 0;
    int mixStep = 0;
    bool loginTimed = false;
    std::mt19937 rng{12345};
    std::string password; // empty: the worker's
    std::vector<int64_t> mine; // Student: this connection's command latencies
    int64_t expectCount = -1, expectTotal = -1; // Student/Fresh: what STAT must say
    uint64_t sessionsDone = 0;
    Cmd pendingCmd = Cmd::Greeting; // Student: sent when the think time is over
    int pendingArg = 0;
    bool thought = false;
};

Worker::Worker(WorkerConfig config)
    : m_config(std::move(config))
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_buffer(256 * 1024)
{ }

Worker::~Worker()
{
    for (auto &c : m_conns)
        closeFd(c.get());
    close(m_epoll);
}

Conn *Worker::add(Role role, const std::string &user, int sessions, int fullLists)
{
    auto c = std::make_unique<Conn>();
    c->role = role;
    c->user = user;
    c->sessionsLeft = sessions;
    c->fullLeft = fullLists;
    c->rng.seed(uint32_t(m_conns.size() + 1));
    Conn *raw = c.get();
    m_conns.push_back(std::move(c));
    ++m_active;
    raw->sessionT0 = nowNs();
    startConnect(raw);
    return raw;
}

Conn *Worker::addStudent(Role role,
    const std::string &user,
    const std::string &password,
    int sessions,
    int64_t expectCount,
    int64_t expectTotal)
{
    Conn *c = add(role, user, sessions);
    c->password = password;
    c->expectCount = expectCount;
    c->expectTotal = expectTotal;
    return c;
}

std::vector<Worker::PerConn> Worker::perConn() const
{
    std::vector<PerConn> out;
    for (const auto &c : m_conns)
        out.push_back({c->user, c->mine, c->expectCount, c->expectTotal, c->sessionsDone});
    return out;
}

void Worker::closeFd(Conn *c)
{
    if (c->fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c->fd, nullptr);
        close(c->fd);
        c->fd = -1;
    }
}

void Worker::startConnect(Conn *c)
{
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        fail(c, std::string("socket: ") + strerror(errno));
        return;
    }
    const int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(m_config.port));
    inet_pton(AF_INET, m_config.host.c_str(), &addr.sin_addr);
    c->phase = Phase::Connecting;
    c->cmd = Cmd::Greeting;
    c->t0 = nowNs();
    c->parser.expect(false, false);
    c->echoIn.clear();
    epoll_event ev{};
    ev.data.ptr = c;
    const int r = connect(c->fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    if (r != 0 && errno != EINPROGRESS) {
        if (c->role == Role::Ready && errno == ECONNREFUSED) {
            closeFd(c);
            c->phase = Phase::Timer;
            c->wakeAt = nowNs() + 1000000;
            return;
        }
        fail(c, std::string("connect: ") + strerror(errno));
        return;
    }
    ev.events = r == 0 ? EPOLLIN : EPOLLOUT;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c->fd, &ev);
    if (r == 0)
        onWritable(c);
}

void Worker::onWritable(Conn *c)
{
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
        if (c->role == Role::Ready && err == ECONNREFUSED) {
            closeFd(c);
            c->phase = Phase::Timer;
            c->wakeAt = nowNs() + 1000000;
            return;
        }
        fail(c, std::string("connect: ") + strerror(err));
        return;
    }
    epoll_event ev{};
    ev.data.ptr = c;
    ev.events = EPOLLIN;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c->fd, &ev);
    if (c->role == Role::Ready && stats.readyConnectNs == 0)
        stats.readyConnectNs = nowNs() - m_config.startNs;
    c->phase = Phase::Waiting;
    if (c->role == Role::Echo)
        send(c, Cmd::Echo);
}

void Worker::send(Conn *c, Cmd cmd, int arg)
{
    // A student reads the reply before typing the next command (QUIT included).
    if (c->role == Role::Student && m_config.thinkUs > 0 && !c->thought) {
        c->pendingCmd = cmd;
        c->pendingArg = arg;
        c->phase = Phase::Timer;
        c->wakeAt = nowNs() + int64_t(m_config.thinkUs) * 1000;
        return;
    }
    c->thought = false;
    char line[160];
    int n = 0;
    switch (cmd) {
    case Cmd::User:
        n = snprintf(line, sizeof line, "USER %s\r\n", c->user.c_str());
        break;
    case Cmd::Pass:
        n = snprintf(line,
            sizeof line,
            "PASS %s\r\n",
            (c->password.empty() ? m_config.password : c->password).c_str());
        break;
    case Cmd::Stat:
        n = snprintf(line, sizeof line, "STAT\r\n");
        break;
    case Cmd::List:
        n = snprintf(line, sizeof line, "LIST\r\n");
        break;
    case Cmd::Uidl:
        n = snprintf(line, sizeof line, "UIDL\r\n");
        break;
    case Cmd::Retr:
        n = snprintf(line, sizeof line, "RETR %d\r\n", arg);
        break;
    case Cmd::Noop:
    case Cmd::Echo:
        n = snprintf(line, sizeof line, "NOOP\r\n");
        break;
    case Cmd::Quit:
        n = snprintf(line, sizeof line, "QUIT\r\n");
        break;
    case Cmd::ListOne:
        n = snprintf(line, sizeof line, "LIST %d\r\n", arg);
        break;
    case Cmd::UidlOne:
        n = snprintf(line, sizeof line, "UIDL %d\r\n", arg);
        break;
    case Cmd::Greeting:
    case Cmd::Count:
        return;
    }
    c->cmd = cmd;
    c->arg = arg;
    c->phase = Phase::Waiting;
    const bool multi = cmd == Cmd::List || cmd == Cmd::Uidl || cmd == Cmd::Retr;
    c->parser.expect(multi, cmd == Cmd::List || cmd == Cmd::Uidl);
    c->echoIn.clear();
    c->t0 = nowNs();
    const ssize_t sent = ::send(c->fd, line, size_t(n), MSG_NOSIGNAL);
    if (sent != n)
        fail(c, std::string("send: ") + (sent < 0 ? strerror(errno) : "short write"));
}

void Worker::fail(Conn *c, const std::string &why)
{
    ++stats.errors;
    if (why.find("[IN-USE]") != std::string::npos)
        ++stats.inUse;
    if (stats.errorTexts.size() < 10)
        stats.errorTexts.push_back(c->user + " " + cmdName(c->cmd) + ": " + why);
    if ((c->role == Role::Idle || c->role == Role::Lurker) && c->phase != Phase::Idle) {
        ++failed;
        if (onIdleReady)
            onIdleReady();
    }
    finish(c);
}

void Worker::finish(Conn *c)
{
    closeFd(c);
    if (c->phase != Phase::Done) {
        c->phase = Phase::Done;
        --m_active;
    }
}

void Worker::onReadable(Conn *c)
{
    const ssize_t got = recv(c->fd, m_buffer.data(), m_buffer.size(), 0);
    if (got < 0) {
        if (errno == EAGAIN || errno == EINTR)
            return;
        fail(c, std::string("recv: ") + strerror(errno));
        return;
    }
    if (got == 0) {
        if (c->phase == Phase::Draining)
            sessionFinished(c);
        else
            fail(c, "the server closed the connection");
        return;
    }
    if (c->phase == Phase::Draining || c->phase == Phase::Idle || c->phase == Phase::Timer) {
        fail(c,
            "unexpected data: " + std::string(m_buffer.data(), size_t(std::min<ssize_t>(got, 60))));
        return;
    }
    if (c->role == Role::Echo) {
        c->echoIn.append(m_buffer.data(), size_t(got));
        if (c->echoIn.size() >= 6) {
            if (c->echoIn != "NOOP\r\n")
                return fail(c, "bad echo");
            const int64_t t = nowNs();
            stats.latency[int(Cmd::Echo)].push_back(t - c->t0);
            stats.all.push_back(t - c->t0);
            ++stats.commands;
            if (t < stopNs)
                send(c, Cmd::Echo);
            else
                finish(c);
        }
        return;
    }
    size_t pos = 0;
    while (pos < size_t(got)) {
        if (c->phase != Phase::Waiting) {
            fail(c, "unexpected data after a reply");
            return;
        }
        pos += c->parser.feed(m_buffer.data() + pos, size_t(got) - pos);
        if (c->parser.failed()) {
            fail(c, c->parser.error());
            return;
        }
        if (!c->parser.done())
            break;
        onReply(c);
        if (c->phase == Phase::Done)
            return;
    }
}

namespace {

bool parseNumbers(const std::string &s, size_t from, uint64_t &a, uint64_t &b)
{
    char *end = nullptr;
    const char *p = s.c_str() + from;
    a = strtoull(p, &end, 10);
    if (end == p || *end != ' ')
        return false;
    p = end + 1;
    b = strtoull(p, &end, 10);
    return end != p;
}

} // namespace

void Worker::onReply(Conn *c)
{
    const int64_t t = nowNs();
    const int64_t latency = t - c->t0;
    ReplyParser &r = c->parser;
    stats.latency[int(c->cmd)].push_back(latency);
    if (c->cmd != Cmd::Greeting) {
        stats.all.push_back(latency);
        ++stats.commands;
        if (c->role == Role::Student)
            c->mine.push_back(latency);
    }
    if (!r.ok())
        return fail(c, "refused: " + r.status());
    const bool stopping = t >= stopNs;
    switch (c->cmd) {
    case Cmd::Greeting:
        if (c->role == Role::Ready && stats.readyGreetingNs == 0)
            stats.readyGreetingNs = t - m_config.startNs;
        if (c->role == Role::Lurker) {
            c->phase = Phase::Idle;
            ++idleReady;
            if (onIdleReady)
                onIdleReady();
            return;
        }
        return send(c, Cmd::User);
    case Cmd::User:
        return send(c, Cmd::Pass);
    case Cmd::Pass:
        return afterLogin(c);
    case Cmd::Stat: {
        uint64_t n = 0, total = 0;
        if (!parseNumbers(r.status(), 4, n, total))
            return fail(c, "bad STAT reply: " + r.status());
        c->count = int(n);
        c->total = total;
        if (c->role == Role::Student || c->role == Role::Fresh) {
            if (c->expectCount < 0) {
                c->expectCount = int64_t(n);
                c->expectTotal = int64_t(total);
            } else if (int64_t(n) != c->expectCount || int64_t(total) != c->expectTotal) {
                return fail(c,
                    "lost mail: STAT " + std::to_string(n) + ' ' + std::to_string(total)
                        + ", first " + std::to_string(c->expectCount) + ' '
                        + std::to_string(c->expectTotal));
            }
        }
        if (c->role == Role::Ready) {
            stats.readyStatNs = t - m_config.startNs;
            return send(c, Cmd::Quit);
        }
        if (!c->loginTimed) {
            c->loginTimed = true;
            stats.loginStatNs = latency;
        }
        if (c->role == Role::Mix && c->mixStep > 0)
            return nextMix(c);
        return send(c, Cmd::List);
    }
    case Cmd::List:
    case Cmd::Uidl: {
        const auto &lines = r.bodyLines();
        if (int(lines.size()) != c->count)
            return fail(c,
                std::string(cmdName(c->cmd)) + ": " + std::to_string(lines.size())
                    + " lines, STAT said " + std::to_string(c->count));
        if (c->cmd == Cmd::List)
            c->sizes.assign(lines.size(), 0);
        else
            c->uids.assign(lines.size(), {});
        uint64_t sum = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string &line = lines[i];
            char *end = nullptr;
            const unsigned long long n = strtoull(line.c_str(), &end, 10);
            if (n != i + 1 || *end != ' ')
                return fail(c, "bad scan line: " + line);
            if (c->cmd == Cmd::List) {
                c->sizes[i] = strtoull(end + 1, nullptr, 10);
                sum += c->sizes[i];
            } else {
                std::string uid(end + 1);
                if (uid.empty() || uid.size() > 70)
                    return fail(c, "bad unique-id: " + line);
                for (char ch : uid) {
                    if (uint8_t(ch) < 0x21 || uint8_t(ch) > 0x7e)
                        return fail(c, "bad unique-id: " + line);
                }
                c->uids[i] = std::move(uid);
            }
        }
        if (c->cmd == Cmd::List && sum != c->total)
            return fail(c,
                "LIST sizes add up to " + std::to_string(sum) + ", STAT said "
                    + std::to_string(c->total));
        if (c->role == Role::Mix)
            return nextMix(c);
        if (c->role == Role::Big)
            return send(c, Cmd::Retr, 1);
        if (c->cmd == Cmd::List)
            return send(c, Cmd::Uidl);
        return c->count > 0 ? send(c, Cmd::Retr, 1) : send(c, Cmd::Quit);
    }
    case Cmd::Retr: {
        if (c->arg < 1 || size_t(c->arg) > c->sizes.size() || r.octets() != c->sizes[c->arg - 1])
            return fail(c,
                "RETR " + std::to_string(c->arg) + " gave " + std::to_string(r.octets())
                    + " octets, LIST said "
                    + std::to_string(c->arg >= 1 && size_t(c->arg) <= c->sizes.size()
                            ? c->sizes[c->arg - 1]
                            : 0));
        stats.retrBytes += r.octets();
        ++stats.retrs;
        if (c->role == Role::Mix)
            return nextMix(c);
        if (c->role == Role::Big)
            return stopping ? send(c, Cmd::Quit) : send(c, Cmd::Retr, 1);
        if (c->arg < c->count)
            return send(c, Cmd::Retr, c->arg + 1);
        return send(c, Cmd::Quit);
    }
    case Cmd::ListOne:
    case Cmd::UidlOne: {
        // "+OK n size" / "+OK n uid"
        const std::string expected = "+OK " + std::to_string(c->arg) + ' '
            + (c->cmd == Cmd::ListOne ? std::to_string(c->sizes[c->arg - 1]) : c->uids[c->arg - 1]);
        if (r.status() != expected)
            return fail(c, "got \"" + r.status() + "\", expected \"" + expected + '"');
        return nextMix(c);
    }
    case Cmd::Noop:
        if (c->role == Role::Mix)
            return nextMix(c);
        if (stopping)
            return send(c, Cmd::Quit);
        if (c->role == Role::Paced) {
            c->phase = Phase::Timer;
            c->wakeAt = c->t0 + int64_t(m_config.intervalUs) * 1000;
            return;
        }
        return send(c, Cmd::Noop);
    case Cmd::Quit:
        c->phase = Phase::Draining;
        return;
    case Cmd::Echo:
    case Cmd::Count:
        return;
    }
}

void Worker::afterLogin(Conn *c)
{
    switch (c->role) {
    case Role::Ping:
    case Role::Paced:
        return send(c, Cmd::Noop);
    case Role::Idle:
        c->phase = Phase::Idle;
        ++idleReady;
        if (onIdleReady)
            onIdleReady();
        return;
    default:
        return send(c, Cmd::Stat);
    }
}

void Worker::nextMix(Conn *c)
{
    // Full scans first (LIST and UIDL alternately), then single-message commands in a cycle.
    if (c->fullLeft > 0) {
        if (c->cmd == Cmd::List)
            return send(c, Cmd::Uidl);
        if (--c->fullLeft > 0)
            return send(c, Cmd::List);
    }
    if (nowNs() >= stopNs || c->count == 0)
        return send(c, Cmd::Quit);
    const int n = int(c->rng() % uint32_t(c->count)) + 1;
    switch (c->mixStep++ % 5) {
    case 0:
        return send(c, Cmd::Stat);
    case 1:
        return send(c, Cmd::ListOne, n);
    case 2:
        return send(c, Cmd::UidlOne, n);
    case 3:
        return send(c, Cmd::Retr, n);
    default:
        return send(c, Cmd::Noop);
    }
}

void Worker::sessionFinished(Conn *c)
{
    const int64_t t = nowNs();
    closeFd(c);
    ++c->sessionsDone;
    if (c->role == Role::Session || c->role == Role::Student) {
        if (t <= stopNs) {
            ++stats.sessions;
            c->sessionT0 = t;
            return startConnect(c);
        }
    } else if (c->role == Role::Fresh) {
        ++stats.sessions;
        if (--c->sessionsLeft > 0)
            return startConnect(c);
    } else {
        ++stats.sessions;
    }
    finish(c);
}

void Worker::releaseIdle()
{
    for (auto &c : m_conns) {
        if (c->phase == Phase::Idle) {
            c->role = c->role == Role::Lurker ? Role::Fresh : c->role; // QUIT, then done
            send(c.get(), Cmd::Quit);
        }
    }
}

void Worker::loop(const std::function<bool()> &done, int64_t hardStopNs)
{
    epoll_event events[256];
    while (m_active > 0 && !(done && done())) {
        int64_t t = nowNs();
        if (t >= hardStopNs) {
            for (auto &c : m_conns) {
                if (c->phase != Phase::Done && c->phase != Phase::Idle)
                    fail(c.get(), "still busy at the hard time limit");
            }
            return;
        }
        int64_t wake = std::min(hardStopNs, t + 50000000);
        for (auto &c : m_conns) {
            if (c->phase == Phase::Timer)
                wake = std::min(wake, c->wakeAt);
        }
        const int timeoutMs = wake <= t ? 0 : int((wake - t + 999999) / 1000000);
        const int n = epoll_wait(m_epoll, events, 256, timeoutMs);
        for (int i = 0; i < n; ++i) {
            Conn *c = static_cast<Conn *>(events[i].data.ptr);
            if (c->phase == Phase::Done || c->fd < 0)
                continue;
            if (c->phase == Phase::Connecting)
                onWritable(c);
            else if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                onReadable(c);
        }
        t = nowNs();
        for (auto &c : m_conns) {
            if (c->phase == Phase::Timer && c->wakeAt <= t) {
                if (c->role == Role::Student) {
                    c->thought = true;
                    send(c.get(), c->pendingCmd, c->pendingArg);
                } else if (c->fd < 0)
                    startConnect(c.get()); // Ready: retry the connect
                else if (t >= stopNs)
                    send(c.get(), Cmd::Quit);
                else
                    send(c.get(), Cmd::Noop);
            }
        }
    }
}

} // namespace bench
