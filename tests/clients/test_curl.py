"""curl with pop3:// (a client nobody here wrote) against pop3lab-server: LIST, RETR of every
message byte-compared with the .eml files (CRLF on the wire, dot-stuffing undone by curl), DELE
with -X, and its effect checked afterwards."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

from pop3fixture import (Server, archive_server, attachment_messages, check, crlf, require_tool,
                         sample_messages)


def main(binary, source_dir):
    curl = require_tool("curl")
    messages = sample_messages(source_dir)
    wire = [crlf(content) for _, content in messages]

    with Server(binary) as server:
        base = f"pop3://127.0.0.1:{server.port}/"

        def run(*args, url=""):
            result = subprocess.run([curl, "--silent", "--show-error", "--max-time", "10",
                                     "--user", "student:hessovs!", *args, base + url],
                                    capture_output=True, timeout=20)
            check(result.returncode == 0,
                  f"curl {' '.join(args)} {base + url}: exit {result.returncode}: {result.stderr!r}")
            return result.stdout

        listing = run()
        expected = b"".join(b"%d %d\r\n" % (n, len(w)) for n, w in enumerate(wire, 1))
        check(listing == expected, f"LIST: {listing[:80]!r}...")

        # Every message as curl writes it: the lines as sent (CRLF), the stuffed dots removed.
        dotted = 0
        for n in range(1, 36):
            got = run(url=str(n))
            check(got == wire[n - 1],
                  f"RETR {n}: {len(got)} octets differ from {messages[n - 1][0]} ({len(wire[n - 1])})")
            # Line endings considered: the .eml file has LF endings, the wire CRLF.
            check(got.replace(b"\r\n", b"\n") == messages[n - 1][1].replace(b"\r\n", b"\n"),
                  f"RETR {n}: differs from the file once line endings are set aside")
            dotted += b"\n." in messages[n - 1][1]
        check(dotted > 0, "no sample message has a dot-led line to exercise byte-stuffing")

        # DELE with -X: curl sends DELE 1 (no body expected: -I) and QUITs, which commits.
        run("--request", "DELE", "--head", url="1")
        listing = run()
        expected = b"".join(b"%d %d\r\n" % (n, len(w)) for n, w in enumerate(wire[1:], 1))
        check(listing == expected, f"LIST after DELE 1: {listing[:80]!r}...")
        check(run(url="1") == wire[1], "message 2 is now number 1")

        # A custom command of its own: NOOP answers +OK and curl exits 0.
        run("--request", "NOOP", "--head")

    # A 3 MB attachment (written by the server's worker thread), and pipelined behind small ones.
    attachments = attachment_messages()
    with archive_server(binary, attachments) as server:
        for n in (2, 3, 1, 2):
            result = subprocess.run([curl, "--silent", "--show-error", "--max-time", "20",
                                     "--user", "archive:pw", f"pop3://127.0.0.1:{server.port}/{n}"],
                                    capture_output=True, timeout=30)
            check(result.returncode == 0, f"curl RETR {n}: {result.stderr!r}")
            check(result.stdout == crlf(attachments[n - 1]),
                  f"RETR {n}: {len(result.stdout)} octets, expected {len(crlf(attachments[n - 1]))}")
    # The README's curl lines, run as printed (only the port changes): the DELE line deletes.
    readme = (Path(source_dir) / "README.md").read_text(encoding="utf-8")
    printed = [line.split("#")[0].strip() for line in readme.splitlines()
               if line.startswith("curl pop3://127.0.0.1:1110")]
    check(len(printed) == 3, f"README: expected 3 curl lines, found {len(printed)}")
    with Server(binary) as server:
        for line in printed:
            args = shlex.split(line.replace(":1110/", f":{server.port}/"))
            result = subprocess.run([curl, "--silent", "--show-error", "--max-time", "10", *args[1:]],
                                    capture_output=True, timeout=20)
            check(result.returncode == 0, f"README line `{line}`: exit {result.returncode}: "
                                          f"{result.stderr!r}")
        result = subprocess.run([curl, "--silent", "--max-time", "10", "-u", "student:hessovs!",
                                 f"pop3://127.0.0.1:{server.port}/"], capture_output=True, timeout=20)
        check(len(re.findall(rb"\r\n", result.stdout)) == 34,
              f"after the README's DELE line: {result.stdout[:60]!r}...")

    print("curl: LIST, RETR of 35 messages, DELE with -X all as expected; a 3 MB attachment "
          "byte-identical")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
