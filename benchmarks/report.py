#!/usr/bin/env python3
"""Prints the benchmark table (medians over repetitions) from run.sh's results.jsonl.

  report.py results.jsonl
"""
import json
import os
import statistics
import subprocess
import sys
from collections import defaultdict


def load(path):
    runs = defaultdict(list)
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            runs[r.get("label", r.get("mode"))].append(r)
    return runs


def machine():
    model = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = "?"
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = "%.0f GB" % (int(line.split()[1]) / 1024 / 1024)
    kernel = os.uname().release
    try:
        dovecot = subprocess.run(["dovecot", "--version"], capture_output=True, text=True).stdout.split()[0]
    except OSError:
        dovecot = "?"
    return "%d CPUs (nproc), %s, %s RAM, Linux %s, Dovecot %s" % (os.cpu_count(), model, mem, kernel, dovecot)


def main():
    runs = load(sys.argv[1])

    def med(label, key):
        values = [r[key] for r in runs.get(label, []) if key in r]
        return statistics.median(values) if values else None

    def fmt(v, digits=1):
        if v is None:
            return "–"
        if abs(v) >= 100:
            return "%.0f" % v
        return ("%%.%df" % digits) % v

    def ratio(a, b):
        return "–" if a is None or not b else "%.2f×" % (a / b)

    rows = []

    def row(name, p, d, target="", verdict=None, r=None):
        rows.append((name, p, d, r if r is not None else "", target, "" if verdict is None else ("met" if verdict else "MISSED")))

    def both(case, key, name, digits=1, target="", check=None, show_ratio=True):
        p, d = med("pop3lab|" + case, key), med("dovecot|" + case, key)
        own = "(pop3lab)" in target or target == "all held"  # a target on pop3lab alone
        verdict = check(p, d) if check and p is not None and (d is not None or own) else None
        row(name, fmt(p, digits), fmt(d, digits), target, verdict, ratio(p, d) if show_ratio else "")
        return p, d

    for c in (1, 8, 64):
        both("sessions-%d" % c, "sessions_per_s", "sessions/s, C=%d" % c, 0, "≥ 5× Dovecot",
             lambda p, d: p >= 5 * d)
        both("sessions-%d" % c, "commands_per_s", "  commands/s, C=%d" % c, 0)
        both("sessions-%d" % c, "cmd_p50_ms", "  command p50 ms, C=%d" % c, 3)
        both("sessions-%d" % c, "cmd_p99_ms", "  command p99 ms, C=%d" % c, 2)
        both("sessions-%d" % c, "server_cpu_pct", "  server CPU %%, C=%d" % c, 0)
        both("sessions-%d" % c, "client_cpu_pct", "  client CPU %%, C=%d" % c, 0)
    both("sessions-64", "greeting_p99_ms", "slowest greeting p99 ms, C=64", 2, "≤ 10 ms (pop3lab)",
         lambda p, d: p <= 10)
    both("sessions-64", "greeting_max_ms", "  greeting max ms, C=64", 1)

    echo = med("ceiling|echo", "round_trips_per_s")
    p, d = both("pingpong", "round_trips_per_s", "NOOP round trips/s", 0)
    row("  ÷ epoll echo ceiling (%s/s)" % fmt(echo, 0), ratio(p, echo), ratio(d, echo), "≥ 0.7×",
        p is not None and echo and p >= 0.7 * echo)
    both("pingpong", "cmd_p50_ms", "  NOOP p50 ms", 3)
    both("pingpong", "cmd_p99_ms", "  NOOP p99 ms", 3)

    xfer = med("ceiling|loopxfer", "mb_per_s")
    p, d = both("bigretr", "retr_mb_per_s", "50 MB RETR, MB/s", 0, "≥ 4× Dovecot", lambda p, d: p >= 4 * d)
    row("  ÷ raw loopback ceiling (%s MB/s)" % fmt(xfer, 0), ratio(p, xfer), ratio(d, xfer))
    growth = {}
    for s in ("pop3lab", "dovecot"):
        hwm = med(s + "|bigretr", "hwm_kb")
        peak = med(s + "|bigretr", "rss_peak_kb")
        before = med(s + "|bigretr", "rss_before_kb")
        growth[s] = None if peak is None or before is None else (peak - before) / 1024
    row("  server RSS growth MB (peak − before)", fmt(growth["pop3lab"]), fmt(growth["dovecot"]),
        "< 50 MB", growth["pop3lab"] is not None and growth["pop3lab"] < 50)
    both("bigretr", "hwm_kb", "  VmHWM kB (largest process)", 0, show_ratio=False)
    both("bigretr", "noop_p99_ms", "  other client's NOOP p99 ms", 2, "≤ 1 ms (pop3lab)",
         lambda p, d: p <= 1)
    single = med("pop3lab-1t|bigretr", "retr_mb_per_s")
    if single is not None:  # the same server with --single-thread: no worker for large bodies
        row("  pop3lab --single-thread: MB/s", fmt(single, 0), "", "", None,
            ratio(single, med("dovecot|bigretr", "retr_mb_per_s")))
        row("  pop3lab --single-thread: other client's NOOP p99 ms",
            fmt(med("pop3lab-1t|bigretr", "noop_p99_ms"), 2), "", "", None)

    idle_counts = sorted({int(k.split("-")[1]) for k in runs if "|idle-" in k})
    for n in idle_counts:
        case = "idle-%d" % n
        if "pop3lab|" + case not in runs:
            continue
        both(case, "idle_held", "idle %d: connections held" % n, 0, "all held",
             lambda p, d, n=n: p >= n, show_ratio=False)
        both(case, "rss_per_conn_kb", "  server kB per idle connection (RSS)", 1, "≤ 20 kB (pop3lab)",
             lambda p, d: p <= 20)
        both(case, "pss_per_conn_kb", "  server kB per idle connection (PSS, all processes)", 1)
        both(case, "establish_s", "  time to log them all in, s", 2)
        both(case, "fresh_cmd_p99_ms", "  fresh lab-sheet session: command p99 ms", 2, "≤ 10 ms (pop3lab)",
             lambda p, d: p <= 10)
        both(case, "fresh_greeting_max_ms", "  fresh session: slowest greeting ms", 2)

    copy = med("pop3lab|ready-copy", "stat_ms")
    load_ = med("pop3lab|ready-load", "stat_ms")
    row("10k Maildir: exec → STAT answered, ms (copy + load)", fmt(copy), "", "", None)
    row("10k Maildir: exec → STAT answered, ms (load only)", fmt(load_), "", "< 500 ms", load_ is not None and load_ < 500)
    row("  exec → accepting connections, ms (load only)", fmt(med("pop3lab|ready-load", "accepting_ms")), "")
    both("mailbox-bulk", "login_stat_ms", "10k: first STAT after login, ms", 2)
    both("mailbox-bulk", "list_all_p50_ms", "10k: LIST (all) p50 ms", 2, "< 20 ms (pop3lab)",
         lambda p, d: med("pop3lab|mailbox-bulk", "list_all_max_ms") < 20)
    both("mailbox-bulk", "list_all_max_ms", "  LIST (all) max ms", 2)
    both("mailbox-bulk", "uidl_all_p50_ms", "10k: UIDL (all) p50 ms", 2, "< 20 ms (pop3lab)",
         lambda p, d: med("pop3lab|mailbox-bulk", "uidl_all_max_ms") < 20)
    both("mailbox-bulk", "uidl_all_max_ms", "  UIDL (all) max ms", 2)
    for key, name in (("single_p50_ms", "single-message commands p50"), ("stat_p50_ms", "STAT p50"),
                      ("noop_p50_ms", "NOOP p50"), ("retr_p50_ms", "RETR n p50")):
        pl, dl = med("pop3lab|mailbox-lab", key), med("dovecot|mailbox-lab", key)
        pb, db = med("pop3lab|mailbox-bulk", key), med("dovecot|mailbox-bulk", key)
        row("%s ms: 35 msgs / 10k msgs" % name, "%s / %s" % (fmt(pl, 3), fmt(pb, 3)),
            "%s / %s" % (fmt(dl, 3), fmt(db, 3)), "10k ≤ 2× 35 (pop3lab)" if key == "single_p50_ms" else "",
            (pb <= 2 * pl) if key == "single_p50_ms" and pl and pb else None,
            "cost ×%s (pop3lab)" % ("%.2f" % (pb / pl) if pl and pb else "–"))

    errors = sum(r.get("errors", 0) for rs in runs.values() for r in rs)
    print("Machine: " + machine())
    print("Medians of %d repetition(s); every reply validated (%d validation errors).\n"
          % (max(len(v) for v in runs.values()), errors))
    print("| Measure | pop3lab | Dovecot | pop3lab / Dovecot | Target | |")
    print("|---|---:|---:|---:|---|---|")
    for r in rows:
        print("| %s | %s | %s | %s | %s | %s |" % r)
    if errors:
        print("\nFirst validation errors:")
        for rs in runs.values():
            for r in rs:
                if r.get("errors"):
                    print("  %s: %s" % (r.get("label"), r.get("first_errors")))


if __name__ == "__main__":
    main()
