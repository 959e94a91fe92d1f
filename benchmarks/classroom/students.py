#!/usr/bin/env python3
"""A class of simulated students for trying the teacher's overview by hand (docs/classroom.md).

Each student of the accounts file logs in with their own password and works through the lab
sheet at a human pace (STAT, LIST, RETR 1, TOP 2 0, NOOP, QUIT, again), and hands in the lab's
answers once on the answers port; the student named by --stuck types `USER: <name>` again and
again (the lab sheet's colon), as a student who does not see the mistake. 127.0.0.1 only.

    benchmarks/classroom/students.py ACCOUNTS POP3_PORT [--answers PORT] [--stuck student07]
        [--seconds 600] [--pace 1.5]
"""
import argparse
import random
import re
import shlex
import socket
import threading
import time


def accounts(path):
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = shlex.split(line)
        yield fields[0], fields[1]


class Line:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.file = self.sock.makefile("rb")

    def read(self, multi=False):
        status = self.file.readline().decode("utf-8", "replace").rstrip("\r\n")
        if multi and status.startswith("+OK"):
            while self.file.readline() not in (b".\r\n", b""):
                pass
        return status

    def send(self, text, multi=False):
        self.sock.sendall(text.encode() + b"\r\n")
        return self.read(multi)

    def close(self):
        self.sock.close()


def student(user, password, args, stop):
    rng = random.Random(user)
    time.sleep(rng.uniform(0, args.pace * 4))
    handed_in = args.answers is None
    while time.time() < stop:
        try:
            c = Line(args.port)
            c.read()
            if user == args.stuck:
                while time.time() < stop:
                    if not c.send("USER: " + user):
                        break  # the server gave up on the session: connect again
                    time.sleep(rng.uniform(args.pace, args.pace * 3))
                continue
            c.send("USER " + user)
            c.send("PASS " + password)
            stat = c.send("STAT")
            for command, multi in (("LIST", True), ("RETR 1", True), ("TOP 2 0", True), ("NOOP", False)):
                time.sleep(rng.uniform(args.pace / 2, args.pace * 2))
                c.send(command, multi)
            c.send("QUIT")
            c.close()
            if not handed_in:
                hand_in(user, password, stat, args.answers, rng)
                handed_in = True
        except OSError:
            time.sleep(1)
        time.sleep(rng.uniform(args.pace, args.pace * 3))


def hand_in(user, password, stat, port, rng):
    m = re.match(r"\+OK (\d+) (\d+)", stat)
    if not m:
        return
    count, total = int(m.group(1)), int(m.group(2))
    c = Line(port)
    c.read()
    c.send("USER " + user)
    c.send("PASS " + password)
    # most get the count right; some are off by one, as in a real class
    c.send("ANSWER count %d" % (count if rng.random() < 0.8 else count - 1))
    c.send("ANSWER total %d" % (total if rng.random() < 0.7 else total + 35))
    c.send("QUIT")
    c.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("accounts")
    p.add_argument("port", type=int)
    p.add_argument("--answers", type=int)
    p.add_argument("--stuck", default="student07")
    p.add_argument("--seconds", type=float, default=600)
    p.add_argument("--pace", type=float, default=1.5)
    args = p.parse_args()
    stop = time.time() + args.seconds
    threads = [threading.Thread(target=student, args=(u, pw, args, stop), daemon=True)
               for u, pw in accounts(args.accounts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
