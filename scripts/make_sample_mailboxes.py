#!/usr/bin/env python3
"""Generate the built-in sample mailboxes of pop3lab.

Writes:
  resources/mailbox/student/NNNNNNNN6553f100.eml   (35 messages, LF endings)
  resources/mailbox/barakirs.mbox                  (mboxrd, 206 messages)

The student mailbox must have exact "wire sizes" (file size + number of LF,
i.e. the size once every LF becomes CRLF).  Each message is written as
natural text; the generator then picks the length of the random-looking
token in the Message-ID so that the total comes out exactly right.  If the
text is too long or too short for that, it stops and says by how much.

The committed output is the generated files; this script is only a tool for
regenerating them.  Standard library only.
"""

import base64
import datetime as dt
import hashlib
import os
import struct
import sys
import zlib
from email.utils import format_datetime
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STUDENT_DIR = os.path.join(ROOT, "resources", "mailbox", "student")
MBOX_PATH = os.path.join(ROOT, "resources", "mailbox", "barakirs.mbox")

WIRE_SIZES = [376, 360, 393, 340, 318, 362, 362, 380, 406, 362, 403, 2370,
              2367, 2369, 313, 380, 298, 349, 298, 295, 319, 455, 299, 308,
              2634, 362, 404, 353, 532, 376, 488, 339, 340, 347, 2526]
UID_SUFFIX = "6553f100"
TZ = ZoneInfo("Europe/Paris")

TO = "student@lab.example.edu"
MARTA = "Marta Lindqvist <m.lindqvist@example.edu>"
SAMIR = "Samir Okafor <s.okafor@example.edu>"
ADMIN = "Lab Admin <root@lab.example.edu>"
JONAS = "Jonas Pereira <jonas.p@students.example.edu>"
YUKI = "Yuki Tanabe <yuki.t@students.example.edu>"
LEA = "=?UTF-8?Q?L=C3=A9a?= Fontaine <lea.f@students.example.edu>"
COURSE = "NET 210 Course Robot <no-reply@courses.example.edu>"
LIBRARY = "Riverbend Library <library@example.edu>"
CLUB = "Net Club <netclub@students.example.org>"
NEWS = "Campus Weekly <newsletter@campus.example.org>"

MIN_TOKEN, MAX_TOKEN = 6, 48


# ---------------------------------------------------------------- helpers

def when(month, day, hour, minute):
    return dt.datetime(2026, month, day, hour, minute, 0, tzinfo=TZ)


def token(n, length):
    raw = hashlib.sha256(("pop3lab-%d" % n).encode()).hexdigest()
    return raw[:length]


def b64lines(data):
    text = base64.b64encode(data).decode("ascii")
    return "\n".join(text[i:i + 76] for i in range(0, len(text), 76)) + "\n"


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(
        ">I", zlib.crc32(body) & 0xFFFFFFFF)


FONT_3X5 = {   # just the glyphs the sketch needs
    "H": ["101", "101", "111", "101", "101"],
    "S": ["111", "100", "111", "001", "111"],
    "W": ["101", "101", "101", "111", "101"],
    "G": ["111", "100", "101", "101", "111"],
    "1": ["010", "110", "010", "010", "111"],
    "2": ["110", "001", "010", "100", "111"],
    "3": ["110", "001", "010", "001", "110"],
}


def topology_png():
    """A tiny 96x48 palette sketch: hosts h1-h3 and a gateway on switch sw1."""
    w, h = 96, 48
    white, ink, host, switch = 0, 1, 2, 3
    px = [[white] * w for _ in range(h)]

    def rect(x0, y0, x1, y1, fill, border=ink):
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                edge = x in (x0, x1) or y in (y0, y1)
                px[y][x] = border if edge else fill

    def text(x, y, s):
        for ch in s:
            for dy, row in enumerate(FONT_3X5[ch]):
                for dx, bit in enumerate(row):
                    if bit == "1":
                        px[y + dy][x + dx] = ink
            x += 4

    for i, label in enumerate(("H1", "H2", "H3", "GW")):
        x0 = 4 + i * 23
        rect(x0, 4, x0 + 16, 16, host)
        text(x0 + 5, 8, label)
        for y in range(17, 32):
            px[y][x0 + 8] = ink        # cable down to the switch
    rect(4, 32, 91, 43, switch)
    text(42, 36, "SW1")

    raw = b"".join(b"\x00" + bytes(row) for row in px)
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)   # 8-bit palette
    plte = bytes([255, 255, 255, 40, 40, 40, 150, 190, 240, 170, 220, 160])
    chunks = [png_chunk(b"IHDR", ihdr), png_chunk(b"PLTE", plte)]
    for key, value in (("Title", "Lab 3 topology, group 4"),
                       ("Author", "Yuki Tanabe"),
                       ("Description", "Hosts h1-h3 and the router port "
                        "(gw) on switch sw1, subnet 10.20.3.0/24")):
        chunks.append(png_chunk(b"tEXt", key.encode() + b"\0"
                                + value.encode()))
    chunks.append(png_chunk(b"IDAT", zlib.compress(raw, 9)))
    chunks.append(png_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def wire_size(data):
    return len(data) + data.count(b"\n")


# ---------------------------------------------------------- message model

class Msg:
    def __init__(self, date, sender, subject, body, extra=(), mime=None,
                 attachment=None, host=None):
        self.date = date
        self.sender = sender
        self.subject = subject
        self.body = body            # str, LF line endings, ends with "\n"
        self.extra = list(extra)    # extra header lines (after Message-ID)
        self.mime = mime            # None, "ascii", "utf8-8bit"
        self.attachment = attachment  # (ctype, filename, bytes)
        self.host = host or sender.rsplit("@", 1)[1].rstrip(">")

    def render(self, n, toklen, done=()):
        d = self.date
        h = [
            "Date: " + format_datetime(d),
            "From: " + self.sender,
            "To: " + TO,
            "Subject: " + self.subject,
            "Message-ID: <%s.%s@%s>" % (d.strftime("%Y%m%d%H%M%S"),
                                        token(n, toklen), self.host),
        ]
        h += self.extra
        if self.attachment:
            boundary = "=_pop3lab_%02d" % n
            ctype, fname, data = self.attachment
            if callable(data):
                data = data(done)
            h += ["MIME-Version: 1.0",
                  'Content-Type: multipart/mixed; boundary="%s"' % boundary]
            out = "\n".join(h) + "\n\n"
            out += "This is a multi-part message in MIME format.\n\n"
            out += "--%s\n" % boundary
            out += "Content-Type: text/plain; charset=us-ascii\n"
            out += "Content-Transfer-Encoding: 7bit\n\n"
            out += self.body + "\n"
            out += "--%s\n" % boundary
            cparams = "; charset=us-ascii" if ctype.startswith("text/") else ""
            out += 'Content-Type: %s%s; name="%s"\n' % (ctype, cparams, fname)
            out += 'Content-Disposition: attachment; filename="%s"\n' % fname
            out += "Content-Transfer-Encoding: base64\n\n"
            out += b64lines(data)
            out += "--%s--\n" % boundary
            return out.encode("ascii")
        if self.mime == "ascii":
            h += ["MIME-Version: 1.0",
                  "Content-Type: text/plain; charset=us-ascii",
                  "Content-Transfer-Encoding: 7bit"]
        elif self.mime == "utf8-8bit":
            h += ["MIME-Version: 1.0",
                  "Content-Type: text/plain; charset=UTF-8",
                  "Content-Transfer-Encoding: 8bit"]
        out = "\n".join(h) + "\n\n" + self.body
        if self.mime == "utf8-8bit":
            return out.encode("utf-8")
        return out.encode("ascii")


# ----------------------------------------------------------- attachments

LAB_GROUPS_CSV = """\
group,member_1,member_2,member_3,bench,group_mailbox
1,Aline Moreau,Tomas Berg,Priya Natarajan,B214-01,grp01@lab.example.edu
2,Oskar Lind,Mei Chen,Rafael Duarte,B214-02,grp02@lab.example.edu
3,Nora Haddad,Felix Wagner,Ines Carvalho,B214-03,grp03@lab.example.edu
4,Jonas Pereira,Yuki Tanabe,student,B214-04,grp04@lab.example.edu
5,Leila Amrani,Karl Eriksen,Sofia Greco,B214-05,grp05@lab.example.edu
6,Lea Fontaine,Marek Novak,Hannah Cole,B214-06,grp06@lab.example.edu
7,Diego Ruiz,Amara Obi,Lukas Meyer,B214-07,grp07@lab.example.edu
8,Elif Kaya,Ben Archer,Chloe Martin,B214-08,grp08@lab.example.edu
9,Viktor Hallberg,Ana Sousa,Omar Saleh,B214-09,grp09@lab.example.edu
10,Julia Brandt,Kenji Mori,Zoe Laurent,B214-10,grp10@lab.example.edu
11,Pablo Ortega,Ida Holm,Samuel Price,B214-11,grp11@lab.example.edu
12,Mila Petrov,Adam Fischer,Nadia Rahman,B214-12,grp12@lab.example.edu
"""

POP3_SESSION_TXT = """\
Group 4 -- POP3 by hand in the lab, 29 Sep 2026 (commands typed in capitals)

$ telnet lab.example.edu 110
Trying 10.20.0.25...
Connected to lab.example.edu.
Escape character is '^]'.
+OK POP3 server ready
USER student
+OK
PASS ********
+OK Logged in.
STAT
+OK 12 {size12}
LIST
+OK 12 messages:
1 376
2 360
3 393
4 340
5 318
6 362
7 362
8 380
9 406
10 362
11 403
12 2370
.
UIDL 3
+OK 3 000000036553f100
TOP 3 0
+OK
{top3}
.
RETR 5
+OK 318 octets
{retr5}.
DELE 2
+OK Marked to be deleted.
STAT
+OK 11 {size11}
RSET
+OK
STAT
+OK 12 {size12}
NOOP
+OK
QUIT
+OK Logging out.
Connection closed by foreign host.
"""

def pop3_session(done):
    """The transcript of message 13, made from messages 1-12 as stored."""
    sizes = [wire_size(d) for d in done[:12]]
    top3 = done[2].split(b"\n\n", 1)[0].decode("ascii") + "\n"
    return POP3_SESSION_TXT.format(size12=sum(sizes),
                                   size11=sum(sizes) - sizes[1],
                                   top3=top3,
                                   retr5=done[4].decode("ascii"))


LAB4_ZONE = """\
; lab4.example.edu -- starter zone for lab 4
; Every group runs its own copy on its bench name server.
; Edit, bump the serial, then reload your name server.
$ORIGIN lab4.example.edu.
$TTL 3600
@       IN SOA  ns1 hostmaster (
                2026110201 ; serial (YYYYMMDDnn)
                3600       ; refresh
                900        ; retry
                604800     ; expire
                300 )      ; negative TTL
        IN NS   ns1
        IN NS   ns2
        IN MX   10 mail
        IN TXT  "v=spf1 mx -all"

; servers
ns1     IN A    10.20.4.2
ns2     IN A    10.20.4.3
mail    IN A    10.20.4.25
www     IN A    10.20.4.80
gw      IN A    10.20.4.1

; lab benches
bench01 IN A    10.20.4.101
bench02 IN A    10.20.4.102
bench03 IN A    10.20.4.103
bench04 IN A    10.20.4.104
bench05 IN A    10.20.4.105
bench06 IN A    10.20.4.106
bench07 IN A    10.20.4.107
bench08 IN A    10.20.4.108
bench09 IN A    10.20.4.109
bench10 IN A    10.20.4.110
bench11 IN A    10.20.4.111
bench12 IN A    10.20.4.112

; TODO: add a CNAME "pop" pointing at mail
; TODO: add an AAAA record for www (2001:db8:4::80)
"""

REPORT_TEMPLATE = """\
NET 210 - Final project report
==============================

Group number:
Members:
Topic:

1. Goal (5 lines max)
   What does your service do, and for whom? Say what a user
   sees when it works.

2. Topology
   Draw the network: hosts, switches, routers, addresses and
   subnet masks. Name every interface you mention later.

3. Protocols used
   For each protocol: port, transport (TCP or UDP), and one
   captured exchange, trimmed to the lines that matter. Say
   which side speaks first and how the end of a reply is
   marked.

4. Tests
   What did you test, how, and what did you see? Include at
   least one test that was expected to fail (wrong password,
   unknown command, closed port...).

5. What went wrong
   One problem you hit, how you found the cause, and what the
   capture or the log showed.

6. Who did what
   One line per member.

Length: 6 pages max, figures included. Name the file
groupNN-report.pdf (NN = your group number, two digits).
"""


# -------------------------------------------------------------- messages

MESSAGES = [
    # 1
    Msg(when(9, 1, 8, 12), MARTA,
        "Welcome to NET 210 - Computer Networks Lab",
        "Hello everyone,\n\n"
        "Welcome to NET 210. Labs run on Tuesdays, 14:00-17:00, in B214.\n"
        "Use this lab mail account for the whole term.\n\n"
        "Marta Lindqvist\n"),
    # 2
    Msg(when(9, 1, 9, 30), ADMIN, "Your lab account is ready",
        "Your account 'student' on lab.example.edu is now active.\n"
        "POP3 listens on port 110, SMTP on port 25.\n"
        "Please change your password.\n\n"
        "-- lab admin\n"),
    # 3  (dot lines, for byte-stuffing)
    Msg(when(9, 2, 17, 5), SAMIR, "POP3: watch the dots",
        "Try RETR on this message and watch these two lines:\n"
        ".\n"
        "..and this one\n"
        "Each starts with a dot, so the server adds one more.\n"
        "Only the real end of the reply is a lone dot.\n\n"
        "Samir\n"),
    # 4
    Msg(when(9, 3, 20, 41), JONAS, "Lab group 4",
        "Hi! We are in group 4 with Yuki. Shall we meet before\n"
        "Tuesday to set up the VMs? I'm free Monday after 16:00.\n\n"
        "Jonas\n"),
    # 5
    Msg(when(9, 7, 7, 58), ADMIN, "Room change: B214 -> C103",
        "This week's lab moves to room C103 (ground floor).\n"
        "The switches in B214 are being replaced.\n"),
    # 6
    Msg(when(9, 7, 11, 20), MARTA, "Lab 1 handout online",
        "Lab 1 (Ethernet and ARP) is on the course page.\n"
        "Read sections 1-3 before Tuesday and bring a charged laptop\n"
        "with Wireshark installed.\n\n"
        "ML\n"),
    # 7
    Msg(when(9, 7, 13, 2), YUKI, "Re: Lab group 4",
        "> I'm free Monday after 16:00.\n\n"
        "Monday 16:00 works for me. Library, room 2?\n"
        "I'll bring the USB-serial cable and a spare switch.\n\n"
        "Yuki\n"),
    # 8
    Msg(when(9, 10, 9, 15), SAMIR, "Office hours this week",
        "My office hours move to Thursday 10:00-12:00, room B220.\n"
        "Bring your ARP capture if the gratuitous ARP part\n"
        "puzzled you. No need to book, just drop by.\n\n"
        "Samir (TA)\n"),
    # 9
    Msg(when(9, 16, 6, 0), COURSE, "Reminder: Lab 1 report due Friday",
        "This is an automatic reminder: the Lab 1 report is due\n"
        "on Friday at 23:59. Submit one PDF per group through the\n"
        "course page. Late reports lose 10% per day.\n"),
    # 10  (French, encoded-word subject)
    Msg(when(9, 18, 22, 37), LEA,
        "Notes du TP",
        "Mes notes sont sur le dépôt.\n"
        "À mardi !\n\n"
        "Léa\n",
        mime="utf8-8bit"),
    # 11
    Msg(when(9, 21, 10, 4), MARTA, "Lab 2: IP addressing and subnetting",
        "Lab 2 starts on Tuesday. You will split 10.20.0.0/16\n"
        "between four sites and set static routes on the lab routers.\n"
        "The handout is on the course page; exercise 4 is optional.\n\n"
        "ML\n"),
    # 12  (attachment: csv)
    Msg(when(9, 22, 18, 30), SAMIR, "Final list of lab groups",
        "Hello all,\n\n"
        "Attached is the final list of lab groups for the term, with\n"
        "the bench each group uses in B214. Groups stay the same until\n"
        "December, so please sort out any swap with me this week.\n\n"
        "Each group also has its own mailbox on lab.example.edu (last\n"
        "column). You will use it in lab 3 to send mail between groups,\n"
        "so check that you can log in to it before then. The password\n"
        "is on the sheet taped to your bench.\n\n"
        "If your name is misspelled or missing, just reply to this mail.\n\n"
        "Samir Okafor\nTeaching assistant, NET 210\n",
        attachment=("text/csv", "lab-groups.csv",
                    LAB_GROUPS_CSV.encode("ascii"))),
    # 13  (attachment: session transcript)
    Msg(when(9, 29, 17, 48), JONAS, "Our POP3 session from today",
        "Hi both,\n\n"
        "Here is the telnet session we typed during the lab, so we can\n"
        "paste it into the report. I masked the password. Note how the\n"
        "LIST reply ends with a line holding just a dot.\n\n"

        "Cheers,\nJonas\n",
        attachment=("text/plain", "pop3-session.txt",
                    lambda done: pop3_session(done).encode("ascii"))),
    # 14  (attachment: tiny png)
    Msg(when(10, 2, 21, 15), YUKI, "Topology sketch for lab 3",
        "Hi,\n\n"
        "I drew the topology for lab 3 so we agree on it before\n"
        "Tuesday. Three hosts and the router port, all on sw1:\n\n"
        "  name  interface  address         notes\n"
        "  h1    eth0       10.20.3.11/24   Jonas's laptop\n"
        "  h2    eth0       10.20.3.12/24   my laptop\n"
        "  h3    eth0       10.20.3.13/24   bench PC\n"
        "  gw    ge-0/0/1   10.20.3.1/24    router port\n"
        "  sw1   -          -               ports 1-4, VLAN 30\n\n"
        "Every host uses 10.20.3.1 as default gateway, and the router\n"
        "already has a route back to 10.20.0.0/16 through the core.\n\n"
        "The picture is tiny on purpose; it is just for the report.\n"
        "If you think the gateway should be .254 instead, tell me\n"
        "and I'll fix the sketch and the addressing table together.\n"
        "I also checked that the router port is in the same VLAN as\n"
        "the switch ports, so no trunk is needed for this lab.\n\n"
        "For the tests I suggest we ping in this order: h1 to h2 (same\n"
        "switch), h1 to gw, then h1 to the core router. If the last one\n"
        "fails, the route on the router is the first suspect.\n\n"
        "I kept the switch ports and the VLAN from lab 2, so nothing\n"
        "needs to be recabled at the bench. Tell me what you think\n"
        "before Monday!\n\n"
        "See you on Tuesday, and thanks for the cable,\nYuki\n",
        attachment=("image/png", "lab3-topology.png", topology_png())),
    # 15
    Msg(when(10, 5, 16, 0), ADMIN, "Mail server reboot tonight",
        "lab.example.edu reboots tonight at 22:00 for a kernel\n"
        "update. POP3 will be down for about 5 minutes.\n"),
    # 16
    Msg(when(10, 6, 8, 45), MARTA, "Quiz on Tuesday 20 October",
        "The midterm quiz is on Tuesday 20 October at 14:00.\n"
        "It covers Ethernet, ARP, IP addressing and routing.\n"
        "Thirty minutes, no notes, then the lab as usual.\n\n"
        "ML\n"),
    # 17
    Msg(when(10, 8, 19, 12), JONAS, "Re: Lab 2 report",
        "I fixed the routing table figure.\n"
        "Sending the PDF tonight.\n\nJ.\n"),
    # 18
    Msg(when(10, 9, 10, 30), LIBRARY, "Reserved item available",
        "The item you reserved is ready at the front desk:\n"
        "  \"Networks from the Wire Up\" (2nd ed.)\n"
        "Please collect it within 7 days.\n"),
    # 19
    Msg(when(10, 13, 13, 51), YUKI, "Running late",
        "Bus is stuck in traffic, I'll be 15 min late.\n"
        "Start the VMs without me!\n\nY.\n"),
    # 20
    Msg(when(10, 14, 9, 0), SAMIR, "Lab 2 marks posted",
        "Lab 2 marks are on the course page.\n"
        "Good work overall; comments are in each report.\n\nSamir\n"),
    # 21
    Msg(when(10, 15, 12, 26), CLUB, "LAN party on Friday",
        "The Net Club LAN party is this Friday from 18:00 in\n"
        "the C building hall. Bring a cable; we bring pizza.\n"),
    # 22  (French, encoded-word subject)
    Msg(when(10, 21, 20, 3), LEA,
        "=?UTF-8?Q?R=C3=A9union_du_groupe_jeudi?=",
        "Bonsoir,\n\n"
        "Rendez-vous jeudi à 16 h à la bibliothèque pour\n"
        "le TP de routage. Apportez vos captures !\n\n"
        "Léa\n",
        mime="utf8-8bit"),
    # 23
    Msg(when(10, 23, 15, 40), MARTA, "No lab on 3 November",
        "There is no lab on Tuesday 3 November (holiday week).\n"
        "Lab 4 starts on the 10th.\n"),
    # 24
    Msg(when(10, 27, 4, 0), ADMIN, "Disk quota warning",
        "Your home directory on lab.example.edu uses 91% of\n"
        "its 500 MB quota. Please clean up old captures.\n"),
    # 25  (attachment: zone file)
    Msg(when(11, 2, 11, 10), SAMIR, "Lab 4 starter zone file",
        "Hello all,\n\n"
        "Lab 4 is about DNS. Attached is the starter zone file for the\n"
        "lab4.example.edu domain. Load it on your group's name server,\n"
        "then check it with a few queries:\n\n"
        "  dig @10.20.4.2 lab4.example.edu SOA\n"
        "  dig @10.20.4.2 mail.lab4.example.edu A\n"
        "  dig @10.20.4.2 lab4.example.edu MX\n\n"
        "The two TODO lines at the end are the first exercise. Remember\n"
        "to bump the serial number each time you edit the file, or the\n"
        "secondary server will not notice the change.\n\n"
        "Samir\n",
        attachment=("text/plain", "lab4.zone", LAB4_ZONE.encode("ascii"))),
    # 26
    Msg(when(11, 10, 18, 22), JONAS, "Zone file works",
        "Our zone loads now. The problem was a missing dot at the\n"
        "end of the MX target, so lab4.example.edu got appended a\n"
        "second time.\n\nJonas\n"),
    # 27
    Msg(when(11, 12, 9, 5), MARTA, "Guest talk: running a mail server",
        "Next Tuesday at 14:00 a sysadmin from our IT department\n"
        "will talk about running the campus mail server: spam,\n"
        "quotas, backups and why POP3 is still around.\n\n"
        "ML\n"),
    # 28
    Msg(when(11, 12, 21, 47), YUKI, "Re: Zone file works",
        "> The problem was a missing dot at the end of the MX target\n\n"
        "Classic! I made the same mistake with the CNAME.\n\n"
        "Yuki\n"),
    # 29  (newsletter)
    Msg(when(11, 16, 7, 30), NEWS, "Campus Weekly - 16 November",
        "CAMPUS WEEKLY - news for students\n\n"
        "* The library opens until midnight during exam weeks.\n"
        "* Campus Wi-Fi: the old network name is switched off on\n"
        "  30 November. Use the new one with your student login.\n\n"
        "You receive this as a registered student.\n",
        extra=["List-Unsubscribe: <mailto:leave-weekly@campus.example.org>"]),
    # 30
    Msg(when(11, 18, 14, 2), SAMIR, "Lab 4 marks and feedback",
        "Lab 4 marks are online. Most groups lost points for a\n"
        "serial number that did not change between two edits.\n"
        "Feedback is in the comments of each report.\n\n"
        "Samir\n"),
    # 31  (sysadmin notice about the mail server)
    Msg(when(11, 20, 17, 15), ADMIN, "Mail server maintenance on Saturday",
        "Hello,\n\n"
        "On Saturday 28 November from 08:00 to 12:00 the mail server\n"
        "lab.example.edu moves to new hardware. POP3 and SMTP will be\n"
        "unavailable during that time. Your mailbox is copied as is,\n"
        "and the unique-ids of your messages do not change.\n\n"
        "-- lab admin\n"),
    # 32
    Msg(when(11, 24, 10, 0), MARTA, "Final project topics",
        "The final project topics are on the course page.\n"
        "Pick one per group and send it to me by Friday.\n"
        "First come, first served.\n\n"
        "ML\n"),
    # 33
    Msg(when(11, 25, 19, 33), JONAS, "Project: let's take the POP3 one",
        "How about topic 3, the POP3 server? We already have the\n"
        "session capture from the lab. I'll tell Marta.\n\n"
        "Jonas\n"),
    # 34
    Msg(when(12, 1, 6, 0), COURSE, "Reminder: project demo slots",
        "This is an automatic reminder: book your group's demo\n"
        "slot (15 December) on the course page before Friday.\n"),
    # 35  (attachment: report template)
    Msg(when(12, 3, 9, 40), MARTA, "Final project report template",
        "Hello everyone,\n\n"
        "Attached is the template for the final project report. Keep\n"
        "the section titles so that marking is fair for all groups.\n"
        "Reports are due on 18 December, one PDF per group, and the\n"
        "demos take place on 15 December in B214.\n\n"
        "The template is plain text on purpose: copy it into whatever\n"
        "you write the report with. Figures may be drawn by hand and\n"
        "scanned, as long as they are readable. Ask me in class if\n"
        "anything in it is unclear.\n\n"
        "Good luck with the last weeks of term!\n\n"
        "Marta Lindqvist\nNET 210 course leader\n",
        attachment=("text/plain", "report-template.txt",
                    REPORT_TEMPLATE.encode("ascii"))),
]


def build_student(write=True):
    assert len(MESSAGES) == len(WIRE_SIZES)
    problems = []
    out = []
    for n, (m, target) in enumerate(zip(MESSAGES, WIRE_SIZES), 1):
        done = [d for _, d in out]
        base = wire_size(m.render(n, MIN_TOKEN, done))
        toklen = MIN_TOKEN + (target - base)
        if not MIN_TOKEN <= toklen <= MAX_TOKEN:
            problems.append("message %2d: natural size %d, target %d "
                            "(adjust text by %+d .. %+d)"
                            % (n, base, target, target - base,
                               target - base - (MAX_TOKEN - MIN_TOKEN)))
            continue
        data = m.render(n, toklen, done)
        assert wire_size(data) == target
        out.append(("%08x%s.eml" % (n, UID_SUFFIX), data))
        if "-v" in sys.argv:
            print("%2d %5d token %2d" % (n, target, toklen))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    if write:
        os.makedirs(STUDENT_DIR, exist_ok=True)
        for name in os.listdir(STUDENT_DIR):
            if name.endswith(".eml"):
                os.remove(os.path.join(STUDENT_DIR, name))
        for name, data in out:
            with open(os.path.join(STUDENT_DIR, name), "wb") as f:
                f.write(data)
    print("student: %d messages, %d octets on the wire"
          % (len(out), sum(wire_size(d) for _, d in out)))


# ------------------------------------------------------------------ mbox

def mboxrd_quote(body):
    lines = body.split("\n")
    out = []
    for line in lines:
        if line.lstrip(">").startswith("From "):
            line = ">" + line
        out.append(line)
    return "\n".join(out)


def mbox_message(envelope_from, envelope_date, headers, body):
    text = "From %s %s\n" % (envelope_from, envelope_date)
    text += "\n".join(headers) + "\n\n"
    text += mboxrd_quote(body)
    if not text.endswith("\n"):
        text += "\n"
    return text + "\n"


JUNK = mbox_message(
    "nobody@bomb.example.net", "Wed Feb  2 03:14:15 2000",
    ["Return-Path: <nobody@bomb.example.net>",
     "Date: Wed, 2 Feb 2000 03:02:48 +0200",
     "From: \"Your Worst Nightmare\" <nobody@bomb.example.net>",
     "To: barakirs@netvision.example.net",
     "Subject: YOU HAVE BEEN MAIL-BOMBED!!!",
     "Message-ID: <200002020302.AA31337@bomb.example.net>"],
    "HA HA HA!!!\n\n"
    "YOU HAVE BEEN MAIL-BOMBED!!!\n"
    "ENJOY DOWNLOADING THIS A FEW HUNDRED TIMES!!!\n\n"
    "HA HA HA!!!\n")

REAL = {
    1: mbox_message(
        "dana@example.net", "Mon Jan  3 11:02:45 2000",
        ["Return-Path: <dana@example.net>",
         "Date: Mon, 3 Jan 2000 11:02:31 +0200",
         "From: Dana <dana@example.net>",
         "To: barakirs@netvision.example.net",
         "Subject: Photos from the millennium party",
         "Message-ID: <20000103110231.A412@example.net>"],
        "Hi Barak,\n\n"
        "The computers did not explode at midnight after all :-)\n"
        "I scanned the photos from the party, they are on my home page.\n"
        "The one of you and the fireworks is my favourite.\n\n"
        "Dana\n"),
    2: mbox_message(
        "news@netvision.example.net", "Wed Jan  5 06:30:12 2000",
        ["Return-Path: <news@netvision.example.net>",
         "Date: Wed, 5 Jan 2000 06:30:00 +0200",
         "From: NetVision News <news@netvision.example.net>",
         "To: barakirs@netvision.example.net",
         "Subject: NetVision News - January 2000",
         "Message-ID: <netvision-news-2000-01@netvision.example.net>"],
        "NETVISION NEWS - JANUARY 2000\n\n"
        "Happy new year from all of us at NetVision!\n\n"
        "* Y2K: our servers went through the night without a hitch.\n"
        "* New dial-up numbers in the north, now at 56k (V.90).\n"
        "* Reminder: your mailbox holds up to 5 MB. Mail you read\n"
        "  with POP3 is kept on the server until your program\n"
        "  deletes it, so check the \"leave mail on server\" option.\n\n"
        "NetVision customer service\n"),
    50: mbox_message(
        "ronit@example.org", "Wed Feb  2 03:14:15 2000",
        ["Return-Path: <ronit@example.org>",
         "Date: Tue, 1 Feb 2000 23:47:10 +0200",
         "From: Ronit <ronit@example.org>",
         "To: barakirs@netvision.example.net",
         "Subject: Re: the poem for grandpa",
         "Message-ID: <000201bf6d0a$3c2e1f40$0a00a8c0@ronit>"],
        "Barak,\n\n"
        "Here is the first verse as we wrote it, check it before\n"
        "I print the card:\n\n"
        "From the hills of the Galil to the sea,\n"
        "you taught us every tree by name.\n\n"
        "From now on I will spell-check everything twice, promise.\n\n"
        "Ronit\n"),
    120: mbox_message(
        "support@netvision.example.net", "Wed Feb  2 03:14:15 2000",
        ["Return-Path: <support@netvision.example.net>",
         "Date: Wed, 2 Feb 2000 03:12:40 +0200",
         "From: NetVision Support <support@netvision.example.net>",
         "To: barakirs@netvision.example.net",
         "Subject: Unusual amount of mail to your mailbox",
         "Message-ID: <200002020312.SUP7731@netvision.example.net>"],
        "Dear customer,\n\n"
        "Our mail server received several hundred identical messages\n"
        "for your mailbox within a few minutes. This looks like a\n"
        "mail bomb. We have blocked the sender.\n\n"
        "Your mail program may take a long time to download all of\n"
        "them. You can connect to our POP3 server (port 110) with\n"
        "telnet, list the messages and delete the unwanted ones with\n"
        "the DELE command before you download the rest.\n\n"
        "NetVision Support\n"),
    180: mbox_message(
        "gil@example.org", "Wed Feb  2 03:14:15 2000",
        ["Return-Path: <gil@example.org>",
         "Date: Wed, 2 Feb 2000 00:21:40 +0200",
         "From: Gil <gil@example.org>",
         "To: barakirs@netvision.example.net",
         "Subject: Thursday football",
         "Message-ID: <38977A34.5E1C2B0F@example.org>"],
        "Are you in for Thursday? We are one player short.\n"
        "Same field, 19:00.\n\n"
        "Gil\n"),
}

LAST = mbox_message(
    "dana@example.net", "Thu Feb  3 09:41:20 2000",
    ["Return-Path: <dana@example.net>",
     "Date: Thu, 3 Feb 2000 09:41:02 +0200",
     "From: Dana <dana@example.net>",
     "To: barakirs@netvision.example.net",
     "Subject: Re: Why is my mail so slow?",
     "Message-ID: <20000203094102.B977@example.net>"],
    "> My mail program has been downloading since this morning.\n\n"
    "Don't wait for it. Telnet to the POP3 server, type LIST to see\n"
    "the messages and their sizes, and DELE the junk by number.\n"
    "They are all the same size, so they are easy to spot.\n\n"
    "Dana\n")

MBOX_TOTAL = 206


def build_mbox(write=True):
    parts = []
    for i in range(1, MBOX_TOTAL + 1):
        if i in REAL:
            parts.append(REAL[i])
        elif i == MBOX_TOTAL:
            parts.append(LAST)
        else:
            parts.append(JUNK)
    data = "".join(parts).encode("ascii")
    if write:
        os.makedirs(os.path.dirname(MBOX_PATH), exist_ok=True)
        with open(MBOX_PATH, "wb") as f:
            f.write(data)
    real = sorted(list(REAL) + [MBOX_TOTAL])
    print("barakirs.mbox: %d messages (%d real at %s, %d junk), %d bytes"
          % (MBOX_TOTAL, len(real), real, MBOX_TOTAL - len(real), len(data)))


if __name__ == "__main__":
    build_student()
    build_mbox()
