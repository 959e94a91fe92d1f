#include "stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <map>
#include <sys/resource.h>
#include <unistd.h>

namespace bench {

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double percentile(std::vector<int64_t> &values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    size_t rank = size_t(std::ceil(p / 100.0 * double(values.size())));
    rank = std::clamp<size_t>(rank, 1, values.size());
    return double(values[rank - 1]);
}

double ticksPerSecond()
{
    return double(sysconf(_SC_CLK_TCK));
}

int64_t selfCpuNs()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return (int64_t(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000000000
        + (int64_t(ru.ru_utime.tv_usec) + ru.ru_stime.tv_usec) * 1000;
}

namespace {

bool readFile(const std::string &path, std::string &out)
{
    FILE *f = fopen(path.c_str(), "re");
    if (!f)
        return false;
    out.clear();
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        out.append(buf, n);
    fclose(f);
    return true;
}

int64_t fieldKb(const std::string &text, const char *key)
{
    const size_t at = text.find(key);
    if (at == std::string::npos)
        return 0;
    return strtoll(text.c_str() + at + strlen(key), nullptr, 10);
}

struct StatLine
{
    int ppid = 0;
    int64_t ticks = 0;
};

bool readStat(int pid, StatLine &out, bool withChildren)
{
    std::string text;
    if (!readFile("/proc/" + std::to_string(pid) + "/stat", text))
        return false;
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return false;
    // Fields after the command name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
    const char *p = text.c_str() + close + 2;
    long long f[20] = {};
    char state = 0;
    int n = sscanf(p,
        "%c %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld %lld",
        &state,
        &f[4],
        &f[5],
        &f[6],
        &f[7],
        &f[8],
        &f[9],
        &f[10],
        &f[11],
        &f[12],
        &f[13],
        &f[14],
        &f[15],
        &f[16],
        &f[17]);
    if (n < 15)
        return false;
    out.ppid = int(f[4]);
    out.ticks = f[14] + f[15] + (withChildren ? f[16] + f[17] : 0);
    return true;
}

} // namespace

ProcSample sampleProcesses(int pid, bool tree)
{
    ProcSample s;
    std::vector<int> pids{pid};
    if (tree) {
        std::map<int, int> parent;
        if (DIR *d = opendir("/proc")) {
            while (dirent *e = readdir(d)) {
                const int p = atoi(e->d_name);
                StatLine st;
                if (p > 0 && readStat(p, st, false))
                    parent[p] = st.ppid;
            }
            closedir(d);
        }
        for (const auto &[p, pp] : parent) {
            int up = pp;
            for (int hops = 0; up > 1 && hops < 64; ++hops) {
                if (up == pid) {
                    pids.push_back(p);
                    break;
                }
                const auto it = parent.find(up);
                up = it == parent.end() ? 0 : it->second;
            }
        }
    }
    for (int p : pids) {
        StatLine st;
        if (!readStat(p, st, true))
            continue;
        ++s.processes;
        s.cpuTicks += st.ticks;
        std::string status;
        if (readFile("/proc/" + std::to_string(p) + "/status", status)) {
            s.rssKb += fieldKb(status, "VmRSS:");
            s.hwmKb = std::max(s.hwmKb, fieldKb(status, "VmHWM:"));
        }
        std::string rollup;
        if (readFile("/proc/" + std::to_string(p) + "/smaps_rollup", rollup))
            s.pssKb += fieldKb(rollup, "\nPss:");
    }
    return s;
}

std::string jsonEscape(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (uint8_t(c) < 0x20) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace bench
