#!/usr/bin/env python3
"""Generates the benchmark mailboxes (Maildir, files with LF endings) into a temporary folder.

  mkmailboxes.py OUT [--lab-users 64] [--idle-users 5000] [--bulk 10000] [--big-mb 50]

OUT/mail/<user>/{cur,new,tmp} for:
  lab01..labNN, ping, fresh   the lab sheet's 35 messages (resources/mailbox/student)
  big                         one message of --big-mb megabytes (with lines needing byte-stuffing)
  bulk                        --bulk messages of 1-5 KB
  idle0001..                  one small message each (idle connections only log in)
and OUT/accounts (pop3lab-server --accounts) and OUT/passwd (Dovecot passwd-file).
Maildir names carry S= and W= as Dovecot's own delivery writes them. Nothing large is committed:
everything is generated at run time, in a second or two.
"""
import argparse
import os
import random

PASSWORD = "bench"


def maildir(root, user):
    path = os.path.join(root, "mail", user)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
    return path


def put(path, index, data):
    vsize = len(data) + data.count(b"\n") - data.count(b"\r\n")
    name = "%d.M%06dP1.pop3bench,S=%d,W=%d:2,S" % (1700000000 + index, index, len(data), vsize)
    with open(os.path.join(path, "cur", name), "wb") as f:
        f.write(data)


def header(i, subject):
    return ("Date: Tue, 01 Sep 2026 08:%02d:00 +0200\nFrom: Bench Sender <bench%d@example.org>\n"
            "To: student@example.org\nSubject: %s\nMessage-ID: <bench.%d@example.org>\n\n"
            % (i % 60, i, subject, i)).encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--lab-users", type=int, default=64)
    ap.add_argument("--idle-users", type=int, default=5000)
    ap.add_argument("--bulk", type=int, default=10000)
    ap.add_argument("--big-mb", type=int, default=50)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    student = os.path.join(here, "..", "..", "resources", "mailbox", "student")
    lab = [open(os.path.join(student, n), "rb").read() for n in sorted(os.listdir(student)) if n.endswith(".eml")]
    users = []

    for user in ["lab%02d" % i for i in range(1, a.lab_users + 1)] + ["ping", "fresh"]:
        path = maildir(a.out, user)
        for i, data in enumerate(lab, 1):
            put(path, i, data)
        users.append(user)

    path = maildir(a.out, "big")
    target = a.big_mb * 1000 * 1000
    line = (b"QmVuY2htYXJrIGF0dGFjaG1lbnQgZm9yIHBvcDNsYWIgLSBhIGxhcmdlIFJFVFIgaXMgc3RyZWFtZWQ=\n")[:77]
    block = line * 999 + b".a line that starts with a dot must be byte-stuffed\n"
    head = header(0, "A 50 MB attachment") + b"MIME-Version: 1.0\n\n"
    body = block * (max(0, target - len(head)) // len(block) + 1)
    body = body[: max(0, target - len(head) - 1)]
    put(path, 1, head + body.rstrip(b"\n") + b"\n")
    users.append("big")

    path = maildir(a.out, "bulk")
    rnd = random.Random(42)
    words = [w.encode() for w in "pop3 mail server client message octets list retr uidl stat quit "
             "user pass maildrop lock update transaction authorization".split()]
    for i in range(1, a.bulk + 1):
        size = rnd.randint(1000, 5000)
        out = bytearray(header(i, "bulk message %d" % i))
        while len(out) < size:
            out += b" ".join(rnd.choice(words) for _ in range(10)) + b"\n"
        put(path, i, bytes(out))
    users.append("bulk")

    for i in range(1, a.idle_users + 1):
        user = "idle%04d" % i
        put(maildir(a.out, user), 1, lab[0])
        users.append(user)

    with open(os.path.join(a.out, "accounts"), "w") as f:
        for u in users:
            f.write("%s %s mail/%s\n" % (u, PASSWORD, u))
    with open(os.path.join(a.out, "passwd"), "w") as f:
        for u in users:
            f.write("%s:{PLAIN}%s\n" % (u, PASSWORD))


if __name__ == "__main__":
    main()
