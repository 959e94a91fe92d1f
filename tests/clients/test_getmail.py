"""getmail (getmail6, a client nobody here wrote) against pop3lab-server: every message of the
sample mailbox is handed to an external MDA that appends it to a file, and must arrive as the
shipped .eml file: the body byte-identical, the header too except where getmail itself folds a
header line longer than 78 characters (it rewrites the header with Python's email package);
delete = false leaves the maildrop as it was. The trace
shows what getmail sends: no CAPA, USER and PASS, UIDL and LIST (twice), one RETR per message."""

import os
import re
import subprocess
import sys

from pop3fixture import Server, check, client_lines, require_tool, sample_messages

RETURN_PATH = b"Return-Path: <unknown>\n"


def skip_return_path(data, pos):
    """getmail adds a Return-Path: header of its own to each message (POP3 carries no envelope
    sender, hence <unknown>): that one line is skipped before comparing."""
    check(data.startswith(RETURN_PATH, pos), f"no getmail Return-Path at {pos}: {data[pos:pos + 80]!r}")
    return pos + len(RETURN_PATH)


def unfolded(header):
    """A header with its folding (RFC 5322 section 2.2.3) undone, to compare folded and unfolded."""
    return re.sub(rb"[ \t]*\n[ \t]+", b" ", header)


def walk(data, messages):
    """Walks the delivered file message by message; returns how many arrived byte-identical."""
    pos, identical = 0, 0
    for n, (name, original) in enumerate(messages, 1):
        check(pos < len(data), f"only {n - 1} messages delivered")
        pos = skip_return_path(data, pos)
        head, body = original.split(b"\n\n", 1)
        end = data.index(b"\n\n", pos)
        check(unfolded(data[pos:end]) == unfolded(head),
              f"message {n}: header differs from {name}: {data[pos:end]!r}")
        identical += data[pos:end] == head
        pos = end + 2
        check(data[pos:pos + len(body)] == body, f"message {n}: body differs from {name}")
        pos += len(body)
    check(pos == len(data), f"{len(data) - pos} unexpected octets after the last message")
    return identical


def main(binary, source_dir):
    getmail = require_tool("getmail")
    messages = sample_messages(source_dir)
    # getmail's own race: it waits for SIGCHLD of its MDA child on a condition that the handler
    # may have notified before the wait began, and then gives up after its timeout ("waiting child
    # pid N timed out"), more often on a loaded machine. Only that failure is tried again, with a
    # fresh server; any other failure fails at once.
    for attempt in range(1, 4):
        if fetch(getmail, binary, messages, last=attempt == 3):
            return
        print(f"getmail attempt {attempt}: its SIGCHLD race (waiting child pid timed out); again")


def fetch(getmail, binary, messages, last):
    with Server(binary, trace=True) as server:
        delivered = os.path.join(server.tmp, "delivered")
        state = os.path.join(server.tmp, "getmail")
        os.makedirs(state)
        rc = os.path.join(state, "getmailrc")
        # An external MDA: getmail refuses to write a Maildir as root (CI runs as root), and
        # allow_root_commands lets it run tee there.
        with open(rc, "w") as f:
            f.write(f"[retriever]\ntype = SimplePOP3Retriever\nserver = 127.0.0.1\n"
                    f"port = {server.port}\nusername = student\npassword = hessovs!\ntimeout = 10\n\n"
                    f"[destination]\ntype = MDA_external\npath = /usr/bin/tee\n"
                    f'arguments = ("-a", "{delivered}")\nallow_root_commands = true\n\n'
                    f"[options]\nread_all = true\ndelete = false\nreceived = false\n"
                    f"delivered_to = false\nverbose = 0\n")
        result = subprocess.run([getmail, "--getmaildir", state, "--rcfile", rc],
                                capture_output=True, timeout=60,
                                env=dict(os.environ, HOME=server.tmp, LC_ALL="C.UTF-8"))
        if result.returncode != 0 and b"waiting child pid" in result.stderr and not last:
            return False
        check(result.returncode == 0, f"getmail exit {result.returncode}: {result.stderr!r}")
        with open(delivered, "rb") as f:
            identical = walk(f.read(), messages)
        server.stop()  # the trace is complete once the server has stopped
        sent = client_lines(server.trace)
        check(sent[:3] == ["USER student", "PASS ********", "UIDL"], f"getmail began {sent[:3]}")
        check("CAPA" not in sent, f"getmail sent CAPA: {sent}")
        retrs = [s for s in sent if s.startswith("RETR ")]
        check(retrs == [f"RETR {n}" for n in range(1, 36)], f"RETRs: {retrs}")
        check("DELE" not in " ".join(sent) and sent[-1] == "QUIT", f"ends {sent[-3:]}")
    print(f"getmail: 35 bodies byte-identical, {identical} messages byte-identical (its "
          f"Return-Path: and its folding of long header lines aside); it sent {', '.join(sent[:5])}, ...")
    return True


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
