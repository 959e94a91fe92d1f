"""Perl's Net::POP3 (libnet, a client nobody here wrote) against pop3lab-server: login, UIDL, get
of every message, which must be byte-identical to the shipped .eml file (Net::POP3 gives lines
with LF endings and the stuffed dots removed), QUIT. The trace shows what it sends: USER, PASS,
STAT (the count login returns), UIDL, RETR, QUIT; no CAPA."""

import os
import subprocess
import sys

from pop3fixture import (Server, check, client_lines, require_tool, sample_messages,
                         walk_concatenated)

SCRIPT = r"""
use strict;
use warnings;
use Net::POP3;
my ($port, $out) = @ARGV;
my $pop = Net::POP3->new('127.0.0.1', Port => $port, Timeout => 10) or die "connect: $@\n";
my $count = $pop->login('student', 'hessovs!');
defined $count or die "login refused\n";
$pop->uidl() or die "UIDL failed\n";
open(my $fh, '>:raw', $out) or die "$out: $!\n";
for my $n (1 .. $count) {
    my $lines = $pop->get($n) or die "RETR $n failed\n";
    print $fh @$lines;
}
close($fh) or die "$out: $!\n";
$pop->quit() or die "QUIT failed\n";
print "$count\n";
"""


def main(binary, source_dir):
    perl = require_tool("perl")
    messages = sample_messages(source_dir)
    with Server(binary, trace=True) as server:
        out = os.path.join(server.tmp, "fetched")
        result = subprocess.run([perl, "-e", SCRIPT, str(server.port), out], capture_output=True,
                                timeout=60, env=dict(os.environ, LC_ALL="C"))
        check(result.returncode == 0,
              f"perl Net::POP3 exit {result.returncode}: {result.stdout!r} {result.stderr!r}")
        check(result.stdout.strip() == b"35", f"login said {result.stdout!r} messages")
        with open(out, "rb") as f:
            walk_concatenated(f.read(), messages)
        server.stop()  # the trace is complete once the server has stopped
        sent = client_lines(server.trace)
        check(sent[:4] == ["USER student", "PASS ********", "STAT", "UIDL"], f"began {sent[:4]}")
        check(sent[4:-1] == [f"RETR {n}" for n in range(1, 36)] and sent[-1] == "QUIT",
              f"then {sent[4:]}")
    print(f"Net::POP3: 35 messages byte-identical; it sent {', '.join(sent[:5])}, ...")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
