"""plink (PuTTY's command-line client, putty-tools) in Raw mode against pop3lab-server, as a
student types into PuTTY: the commands go out as typed, all at once from a pipe (pipelined), and
the transcript holds every reply. Each RETR's body, with the byte-stuffing undone, must be
byte-identical to the shipped .eml file with CRLF line endings."""

import os
import subprocess
import sys

from pop3fixture import Server, check, client_lines, crlf, require_tool, sample_messages


def main(binary, source_dir):
    plink = require_tool("plink")
    messages = sample_messages(source_dir)
    wire = [crlf(content) for _, content in messages]
    commands = [b"USER student", b"PASS hessovs!", b"STAT"]
    commands += [b"RETR %d" % n for n in range(1, 36)] + [b"QUIT"]
    with Server(binary, trace=True) as server:
        result = subprocess.run([plink, "-batch", "-raw", "-P", str(server.port), "127.0.0.1"],
                                input=b"".join(c + b"\r\n" for c in commands),
                                capture_output=True, timeout=60,
                                env=dict(os.environ, HOME=server.tmp))
        check(result.returncode == 0, f"plink exit {result.returncode}: {result.stderr!r}")
        transcript = result.stdout
        check(transcript.startswith(b"+OK"), f"no greeting: {transcript[:80]!r}")
        # Greeting, USER, PASS, STAT: one line each; then each RETR's +OK line, body, ".".
        pos = 0
        for _ in range(4):
            end = transcript.index(b"\r\n", pos)
            check(transcript.startswith(b"+OK", pos), f"refused: {transcript[pos:end]!r}")
            pos = end + 2
        for n in range(1, 36):
            end = transcript.index(b"\r\n", pos)
            check(transcript[pos:end] == b"+OK %d octets" % len(wire[n - 1]),
                  f"RETR {n}: {transcript[pos:end]!r}")
            pos = end + 2
            stop = transcript.index(b"\r\n.\r\n", pos - 2)
            body = transcript[pos:stop + 2]
            unstuffed = b"".join(l[1:] if l.startswith(b".") else l
                                 for l in body.splitlines(keepends=True))
            check(unstuffed == wire[n - 1], f"RETR {n} differs from {messages[n - 1][0]}")
            pos = stop + 5
        check(transcript[pos:].startswith(b"+OK"), f"QUIT: {transcript[pos:]!r}")
        server.stop()  # the trace is complete once the server has stopped
        sent = client_lines(server.trace)
        check(sent == [c.decode().replace("hessovs!", "********") for c in commands],
              f"the server received {sent[:5]}...")
    print("plink -raw: 35 messages byte-identical, 39 commands pipelined as typed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
