#!/usr/bin/env python3
"""What the login snapshot costs on a large Maildir (issue 12, items 1-3).

  snapshot_cost.py PORT USER PASSWORD [MAILDIR]

Logs in 40 times and prints the p50/max of PASS+STAT and of LIST (all). With MAILDIR (the
maildrop the server serves in place), it then delivers one message into new/ before each of 15
logins (so each login lists the folders again) and prints PASS+STAT for those; the delivered
files are removed at the end. Make the 10,000-message Maildir with
  benchmarks/load/mkmailboxes.py OUT --lab-users 0 --idle-users 0 --bulk 10000 --big-mb 1
and serve it with
  pop3lab-server --mailbox OUT/mail/bulk --user bulk --password bench --in-place
"""
import os
import socket
import statistics
import sys
import time


def session(port, user, password, before_login=None, list_all=True):
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    f.readline()
    s.sendall(b"USER " + user + b"\r\n")
    f.readline()
    if before_login:
        before_login()
    t = time.perf_counter()
    s.sendall(b"PASS " + password + b"\r\nSTAT\r\n")
    f.readline()
    stat = f.readline()
    login = (time.perf_counter() - t) * 1000
    listing = None
    if list_all:
        t = time.perf_counter()
        s.sendall(b"LIST\r\n")
        f.readline()
        while f.readline() != b".\r\n":
            pass
        listing = (time.perf_counter() - t) * 1000
    s.sendall(b"QUIT\r\n")
    f.readline()
    s.close()
    return login, listing, stat.strip().decode()


def main():
    port, user, password = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3].encode()
    runs = [session(port, user, password) for _ in range(40)]
    logins, lists = [r[0] for r in runs], [r[1] for r in runs]
    print("unchanged: PASS+STAT p50 %.2f ms max %.2f | LIST p50 %.2f ms max %.2f (%s)"
          % (statistics.median(logins), max(logins), statistics.median(lists), max(lists),
             runs[-1][2]))
    if len(sys.argv) < 5:
        return
    new = os.path.join(sys.argv[4], "new")
    delivered = []

    def deliver():
        name = os.path.join(new, "%d.Mdelivered%dP1.bench" % (1800000000 + len(delivered),
                                                             len(delivered)))
        with open(name, "wb") as f:
            f.write(b"Subject: delivered\n\nhello\n")
        delivered.append(name)

    try:
        runs = [session(port, user, password, deliver, False) for _ in range(15)]
    finally:
        for name in delivered:
            os.remove(name)
    logins = [r[0] for r in runs]
    print("after each delivery: PASS+STAT p50 %.2f ms max %.2f (%s)"
          % (statistics.median(logins), max(logins), runs[-1][2]))


if __name__ == "__main__":
    main()
