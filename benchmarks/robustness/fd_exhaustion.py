#!/usr/bin/env python3
"""A server out of file descriptors (issue 12, item 12), from outside.

  prlimit --nofile=64:64 pop3lab-server --workspace /tmp/ws --listen 127.0.0.1:1110 --quiet &
  fd_exhaustion.py 1110 $! 80

Opens CLIENTS connections and sorts them by their first line (greeted +OK, refused -ERR, silent
after 0.3 s); samples the server's CPU over 2 s while they stay; closes them and opens 5 more,
which must be greeted.
"""
import os
import socket
import sys
import time


def cpu(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    port, pid, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    clients, greeted, refused, silent = [], 0, 0, 0
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(0.3)
        try:
            first = s.recv(200)
            if first.startswith(b"+OK"):
                greeted += 1
            else:
                refused += 1
        except socket.timeout:
            silent += 1
        clients.append(s)
    c0, t0 = cpu(pid), time.time()
    time.sleep(2)
    print("greeted %d, refused %d, silent %d; server CPU while full: %.0f%%"
          % (greeted, refused, silent, 100 * (cpu(pid) - c0) / (time.time() - t0)))
    for s in clients:
        s.close()
    time.sleep(0.5)
    served = 0
    for _ in range(5):
        s = socket.create_connection(("127.0.0.1", port))
        s.settimeout(2)
        try:
            served += s.recv(200).startswith(b"+OK")
        except socket.timeout:
            pass
        s.close()
    print("after the clients left: %d of 5 new connections greeted" % served)


if __name__ == "__main__":
    main()
