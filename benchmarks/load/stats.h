#pragma once

// Small helpers shared by the benchmark tools: a monotonic clock, percentiles, and what /proc
// says about a server process (or a process tree, for Dovecot's process-per-login design).

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// Nanoseconds on CLOCK_MONOTONIC.
int64_t nowNs();

// The p-th percentile (0..100) of values, nearest-rank; 0 when empty. Sorts values in place.
double percentile(std::vector<int64_t> &values, double p);

struct ProcSample
{
    int processes = 0;
    int64_t rssKb = 0; // sum of VmRSS
    int64_t pssKb = 0; // sum of Pss (smaps_rollup), shared pages counted once in total
    int64_t hwmKb = 0; // the largest VmHWM of one process
    int64_t cpuTicks = 0; // utime + stime (+ cutime + cstime: children already reaped)
};

// pid alone, or pid and all its descendants when tree is true.
ProcSample sampleProcesses(int pid, bool tree);
double ticksPerSecond();

// Own CPU time (user + system) in nanoseconds.
int64_t selfCpuNs();

std::string jsonEscape(const std::string &s);

} // namespace bench
