#!/usr/bin/env python3
"""Check the built-in sample mailboxes of pop3lab.

  resources/mailbox/student/*.eml   35 messages with exact wire sizes
  resources/mailbox/barakirs.mbox   mboxrd, mail-bombed mailbox

Prints a summary and exits with status 1 if anything is wrong.
Standard library only.  Usage: check_sample_mailboxes.py [repo-root]
"""

import base64
import binascii
import email
import email.policy
import email.utils
import mailbox
import os
import re
import sys
from collections import Counter

ROOT = (sys.argv[1] if len(sys.argv) > 1
        else os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STUDENT_DIR = os.path.join(ROOT, "resources", "mailbox", "student")
MBOX_PATH = os.path.join(ROOT, "resources", "mailbox", "barakirs.mbox")

WIRE_SIZES = [376, 360, 393, 340, 318, 362, 362, 380, 406, 362, 403, 2370,
              2367, 2369, 313, 380, 298, 349, 298, 295, 319, 455, 299, 308,
              2634, 362, 404, 353, 532, 376, 488, 339, 340, 347, 2526]
WIRE_TOTAL = 23183
UID_SUFFIX = "6553f100"
ATTACHMENT_MESSAGES = {12, 13, 14, 25, 35}

MBOX_TOTAL = 206
MBOX_JUNK = 200
MBOX_REAL_POSITIONS = [1, 2, 50, 120, 180, 206]
JUNK_SUBJECT = "YOU HAVE BEEN MAIL-BOMBED!!!"

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def wire_size(data):
    return len(data) + data.count(b"\n")


# ------------------------------------------------------------- student

def check_lines(n, data):
    """LF only, final LF, <= 998 octets a line, 8bit only where declared."""
    if b"\r" in data:
        fail("message %d contains CR characters" % n)
    if not data.endswith(b"\n"):
        fail("message %d does not end with LF" % n)
    head, sep, body = data.partition(b"\n\n")
    if not sep:
        fail("message %d has no blank line after the header" % n)
    for i, line in enumerate(data.split(b"\n"), 1):
        if len(line) > 998:
            fail("message %d line %d is %d octets long" % (n, i, len(line)))
    try:
        head.decode("ascii")
    except UnicodeDecodeError:
        fail("message %d has non-ASCII octets in its header" % n)
    try:
        body.decode("ascii")
    except UnicodeDecodeError:
        if not re.search(rb"(?im)^content-transfer-encoding:\s*8bit\s*$",
                         head):
            fail("message %d has 8-bit octets without "
                 "Content-Transfer-Encoding: 8bit" % n)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            fail("message %d has an 8-bit body that is not UTF-8" % n)


def check_attachment(n, part):
    name = part.get_filename()
    raw = part.get_payload(decode=False)
    cte = part.get("Content-Transfer-Encoding", "").lower()
    if cte != "base64":
        fail("message %d attachment %s is not base64" % (n, name))
        return None
    for line in raw.splitlines():
        if len(line) > 76:
            fail("message %d attachment %s has a %d-char base64 line"
                 % (n, name, len(line)))
    try:
        strict = base64.b64decode("".join(raw.split()), validate=True)
    except (binascii.Error, ValueError) as e:
        fail("message %d attachment %s: bad base64 (%s)" % (n, name, e))
        return None
    content = part.get_content()
    if isinstance(content, str):
        if content.encode(part.get_content_charset() or "ascii") != strict:
            fail("message %d attachment %s decodes differently" % (n, name))
    elif content != strict:
        fail("message %d attachment %s decodes differently" % (n, name))
    if part.get_content_type() == "image/png":
        if not strict.startswith(b"\x89PNG\r\n\x1a\n") \
                or not strict.endswith(b"IEND\xaeB`\x82"):
            fail("message %d attachment %s is not a complete PNG"
                 % (n, name))
    return "%s (%s, %d bytes)" % (name, part.get_content_type(), len(strict))


def check_student():
    print("== student mailbox: %s" % STUDENT_DIR)
    if not os.path.isdir(STUDENT_DIR):
        fail("missing directory %s" % STUDENT_DIR)
        return
    names = sorted(n for n in os.listdir(STUDENT_DIR) if n.endswith(".eml"))
    others = [n for n in os.listdir(STUDENT_DIR) if not n.endswith(".eml")]
    if others:
        fail("unexpected files in student mailbox: %s" % others)
    if len(names) != len(WIRE_SIZES):
        fail("expected %d .eml files, found %d"
             % (len(WIRE_SIZES), len(names)))
    expected = ["%08x%s.eml" % (i, UID_SUFFIX)
                for i in range(1, len(WIRE_SIZES) + 1)]
    if names != expected:
        fail("file names are not %s .. %s in message order"
             % (expected[0], expected[-1]))

    total = 0
    dates = []
    msgids = set()
    encoded_word_subjects = []
    french = []
    dot_messages = []
    attachments = {}
    for n, name in enumerate(names, 1):
        with open(os.path.join(STUDENT_DIR, name), "rb") as f:
            data = f.read()
        size = wire_size(data)
        total += size
        if n <= len(WIRE_SIZES) and size != WIRE_SIZES[n - 1]:
            fail("message %d (%s): wire size %d, expected %d"
                 % (n, name, size, WIRE_SIZES[n - 1]))
        check_lines(n, data)

        try:
            msg = email.message_from_bytes(data, policy=email.policy.default)
        except Exception as e:           # pragma: no cover
            fail("message %d does not parse: %s" % (n, e))
            continue
        if msg.defects:
            fail("message %d has parse defects: %s" % (n, msg.defects))
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            if msg[h] is None:
                fail("message %d lacks a %s header" % (n, h))
        try:
            for h in ("From", "To", "Subject", "Date", "Message-ID"):
                if msg[h] is not None and msg[h].defects:
                    fail("message %d header %s has defects: %s"
                         % (n, h, msg[h].defects))
        except Exception as e:
            fail("message %d headers do not parse: %s" % (n, e))
        try:
            d = email.utils.parsedate_to_datetime(str(msg["Date"]))
            dates.append(d)
            if not (d.year == 2026 and 9 <= d.month <= 12):
                fail("message %d date %s is not in autumn 2026" % (n, d))
        except Exception as e:
            fail("message %d has a bad Date: %s" % (n, e))
        mid = str(msg["Message-ID"])
        if mid in msgids:
            fail("message %d repeats Message-ID %s" % (n, mid))
        msgids.add(mid)

        raw_subject = re.search(rb"(?im)^subject:(.*)$", data).group(1)
        subject = str(msg["Subject"])
        if b"=?" in raw_subject:
            if all(ord(c) < 128 for c in subject):
                fail("message %d encoded-word subject decodes to ASCII only"
                     % n)
            else:
                encoded_word_subjects.append((n, subject))

        # body text
        body = msg.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        lines = text.split("\n")
        if any(l.startswith(".") for l in lines):
            dot_messages.append((n, "." in lines,
                                 any(l.startswith("..") for l in lines)))
        if body is not None and (body.get_content_charset() or "") \
                .lower() == "utf-8" and any(ord(c) > 127 for c in text):
            french.append(n)

        # attachments
        if msg.get_content_type() == "multipart/mixed":
            found = [check_attachment(n, p) for p in msg.iter_attachments()]
            found = [f for f in found if f]
            if found:
                attachments[n] = found
        if (n in ATTACHMENT_MESSAGES) != (n in attachments):
            fail("message %d: attachment expected: %s, found: %s"
                 % (n, n in ATTACHMENT_MESSAGES, n in attachments))

        print("  %2d %-24s %5d  %s%s"
              % (n, name, size, subject,
                 "  [+ %s]" % ", ".join(attachments[n])
                 if n in attachments else ""))

    if total != WIRE_TOTAL:
        fail("total wire size %d, expected %d" % (total, WIRE_TOTAL))
    if dates != sorted(dates):
        fail("Date headers are not in ascending order")
    if not encoded_word_subjects:
        fail("no RFC 2047 encoded-word subject with non-ASCII text")
    if not french:
        fail("no UTF-8 body with accented characters")
    if not dot_messages:
        fail("no message body with a line starting with '.'")
    elif not any(lone and double for _, lone, double in dot_messages):
        fail("no message with both a lone '.' line and a '..' line")
    print("  total wire size: %d octets in %d messages"
          % (total, len(names)))
    print("  dot lines in: %s" % [n for n, _, _ in dot_messages])
    print("  attachments in: %s" % sorted(attachments))
    print("  UTF-8 accented bodies in: %s" % french)
    print("  encoded-word subjects: %s" % encoded_word_subjects)


# ---------------------------------------------------------------- mbox

def split_mboxrd(data):
    """Split an mboxrd file into messages (list of bytes, From_ included).

    A message starts at a line beginning with "From " that is the first
    line of the file or follows an empty line.  The empty line before the
    next From_ line belongs to the separator, not to the message.
    """
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    messages = []
    current = None
    for i, line in enumerate(lines):
        if line.startswith(b"From ") and (i == 0 or lines[i - 1] == b""):
            if current is not None:
                if current and current[-1] == b"":
                    current.pop()
                messages.append(current)
            current = [line]
        elif current is None:
            raise ValueError("file does not start with a From_ line")
        else:
            current.append(line)
    if current is not None:
        if current and current[-1] == b"":
            current.pop()
        messages.append(current)
    return messages


def unquote_mboxrd(lines):
    return [l[1:] if re.match(rb"^>+From ", l) else l for l in lines]


def check_mbox():
    print("== barakirs mbox: %s" % MBOX_PATH)
    if not os.path.isfile(MBOX_PATH):
        fail("missing file %s" % MBOX_PATH)
        return
    with open(MBOX_PATH, "rb") as f:
        data = f.read()
    if b"\r" in data:
        fail("mbox contains CR characters")
    if not data.endswith(b"\n\n"):
        fail("mbox does not end with a blank line after the last message")
    try:
        data.decode("ascii")
    except UnicodeDecodeError:
        fail("mbox is not pure ASCII")
    try:
        messages = split_mboxrd(data)
    except ValueError as e:
        fail("mbox: %s" % e)
        return
    if len(messages) != MBOX_TOTAL:
        fail("mbox has %d messages, expected %d"
             % (len(messages), MBOX_TOTAL))
    py_count = len(mailbox.mbox(MBOX_PATH))
    if py_count != len(messages):
        fail("Python's mailbox module sees %d messages, we see %d"
             % (py_count, len(messages)))

    blobs = [b"\n".join(m) for m in messages]
    counts = Counter(blobs)
    junk_blob, junk_count = counts.most_common(1)[0]
    if junk_count != MBOX_JUNK:
        fail("mbox has %d identical junk messages, expected %d"
             % (junk_count, MBOX_JUNK))
    real_positions = [i for i, b in enumerate(blobs, 1) if b != junk_blob]
    if real_positions != MBOX_REAL_POSITIONS:
        fail("real messages at %s, expected %s"
             % (real_positions, MBOX_REAL_POSITIONS))
    dup_real = [b for b, c in counts.items() if b != junk_blob and c > 1]
    if dup_real:
        fail("some real messages are duplicated")

    quoted = re.findall(rb"(?m)^>+From .*$", data)
    if not quoted:
        fail("no '>From ' quoted line in the mbox")
    unquoted_from_lines = 0
    junk_subject = None
    for i, m in enumerate(messages, 1):
        if not m[0].startswith(b"From ") or not re.match(
                rb"^From \S+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
                rb"(Jan|Feb) [ \d]\d \d\d:\d\d:\d\d 2000$", m[0]):
            fail("message %d has an odd From_ line: %r" % (i, m[0]))
        body_lines = unquote_mboxrd(m[1:])
        head_end = body_lines.index(b"") if b"" in body_lines else 0
        unquoted_from_lines += sum(
            1 for l in body_lines[head_end:] if l.startswith(b"From "))
        msg = email.message_from_bytes(b"\n".join(body_lines) + b"\n",
                                       policy=email.policy.default)
        if msg.defects:
            fail("mbox message %d has parse defects: %s" % (i, msg.defects))
        missing = [h for h in ("From", "To", "Subject", "Date", "Message-ID")
                   if msg[h] is None]
        if missing:
            fail("mbox message %d lacks %s" % (i, ", ".join(missing)))
            continue
        try:
            d = email.utils.parsedate_to_datetime(str(msg["Date"]))
            if not (d.year == 2000 and d.month in (1, 2)):
                fail("mbox message %d is dated %s" % (i, d))
        except (TypeError, ValueError) as e:
            fail("mbox message %d has a bad Date: %s" % (i, e))
        if blobs[i - 1] == junk_blob:
            junk_subject = str(msg["Subject"])
        elif i in MBOX_REAL_POSITIONS:
            print("  %3d  %-30s %s" % (i, msg["From"].addresses[0].addr_spec,
                                        msg["Subject"]))
    if junk_subject != JUNK_SUBJECT:
        fail("junk subject is %r, expected %r" % (junk_subject, JUNK_SUBJECT))
    if unquoted_from_lines == 0:
        fail("no body line starts with 'From ' after mboxrd unquoting")
    print("  %d messages: %d real at %s, %d identical junk (%r)"
          % (len(messages), len(real_positions), real_positions,
             junk_count, junk_subject))
    print("  %d '>From ' quoted line(s) in the file" % len(quoted))


def main():
    check_student()
    check_mbox()
    if failures:
        print("\n%d check(s) FAILED" % len(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
