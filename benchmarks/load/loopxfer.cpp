// loopxfer: a raw loopback transfer, as the ceiling for RETR MB/s. A child process sends MB
// megabytes over a TCP connection on 127.0.0.1 in 64 KiB writes; the parent reads them in
// 256 KiB reads (as pop3load does) and reports MB/s. Repeats REPS times; prints one JSON line
// with the median.
//
//   loopxfer [--mb 50] [--reps 5] [--scan 0|1]   (--scan 1: also memchr every line, as a client
//   must)

#include <algorithm>
#include <arpa/inet.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

static double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
    long mb = 50;
    int reps = 5;
    bool scan = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--mb"))
            mb = atol(argv[i + 1]);
        else if (!strcmp(argv[i], "--reps"))
            reps = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--scan"))
            scan = atoi(argv[i + 1]) != 0;
    }
    const long total = mb * 1000 * 1000;
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || listen(listener, 4) != 0) {
        perror("loopxfer");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
    std::vector<double> rates;
    for (int r = 0; r < reps; ++r) {
        const pid_t child = fork();
        if (child == 0) {
            const int c = accept(listener, nullptr, nullptr);
            std::vector<char> block(64 * 1024);
            for (size_t i = 0; i < block.size(); ++i)
                block[i] = (i % 77 == 76) ? '\n' : char('a' + i % 26);
            long sent = 0;
            while (sent < total) {
                const ssize_t w = write(
                    c, block.data(), size_t(std::min<long>(long(block.size()), total - sent)));
                if (w <= 0)
                    _exit(1);
                sent += w;
            }
            close(c);
            _exit(0);
        }
        const int s = socket(AF_INET, SOCK_STREAM, 0);
        const double t0 = now();
        if (connect(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            perror("loopxfer: connect");
            return 1;
        }
        std::vector<char> buf(256 * 1024);
        long got = 0, lines = 0;
        ssize_t n;
        while ((n = read(s, buf.data(), buf.size())) > 0) {
            got += n;
            if (scan) {
                const char *p = buf.data(), *end = p + n;
                while (
                    const char *nl = static_cast<const char *>(memchr(p, '\n', size_t(end - p)))) {
                    ++lines;
                    p = nl + 1;
                }
            }
        }
        const double secs = now() - t0;
        close(s);
        waitpid(child, nullptr, 0);
        if (got != total) {
            fprintf(stderr, "loopxfer: got %ld of %ld bytes\n", got, total);
            return 1;
        }
        rates.push_back(double(got) / 1e6 / secs);
    }
    std::sort(rates.begin(), rates.end());
    printf("{\"mode\":\"loopxfer\",\"mb\":%ld,\"reps\":%d,\"scan\":%d,\"mb_per_s\":%.1f,\"min\":%."
           "1f,\"max\":%.1f}\n",
        mb,
        reps,
        int(scan),
        rates[rates.size() / 2],
        rates.front(),
        rates.back());
    return 0;
}
