"""mpop (a client nobody here wrote) against pop3lab-server: every message of the sample mailbox
is delivered to a Maildir byte-identical to the shipped .eml file, with keep on; the trace shows
what mpop sends (CAPA first, USER and PASS, STAT, LIST, UIDL, then pipelined RETRs)."""

import os
import subprocess
import sys
from collections import Counter

from pop3fixture import Server, check, client_lines, require_tool, sample_messages


def main(binary, source_dir):
    mpop = require_tool("mpop")
    messages = sample_messages(source_dir)
    with Server(binary, trace=True) as server:
        maildir = os.path.join(server.tmp, "Maildir")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, sub))
        rc = os.path.join(server.tmp, "mpoprc")
        with open(rc, "w") as f:
            f.write(f"account lab\nhost 127.0.0.1\nport {server.port}\ntls off\nauth user\n"
                    f"user student\npassword hessovs!\nkeep on\nonly_new off\n"
                    f"received_header off\ntimeout 10\n"
                    f"uidls_file {os.path.join(server.tmp, 'uidls')}\ndelivery maildir {maildir}\n")
        os.chmod(rc, 0o600)  # mpop refuses a configuration others can read
        result = subprocess.run([mpop, "-C", rc, "lab"], capture_output=True, timeout=60,
                                env=dict(os.environ, HOME=server.tmp, LC_ALL="C"))
        check(result.returncode == 0, f"mpop exit {result.returncode}: {result.stderr!r}")

        folder = os.path.join(maildir, "new")
        got = Counter(open(os.path.join(folder, n), "rb").read() for n in os.listdir(folder))
        check(got == Counter(content for _, content in messages),
              f"{sum(got.values())} messages delivered, not the 35 shipped files byte for byte")
        server.stop()  # the trace is complete once the server has stopped
        sent = client_lines(server.trace)
        check(sent[0] == "CAPA", f"mpop's first command: {sent[:3]}")
        check(sent[1:5] == ["USER student", "PASS ********", "STAT", "LIST"], f"then: {sent[1:5]}")
        check("UIDL" in sent and sent.index("UIDL") < sent.index("RETR 1"), f"UIDL before RETR: {sent}")
        check(sum(s.startswith("RETR ") for s in sent) == 35 and sent[-1] == "QUIT", f"{sent[-3:]}")
    print(f"mpop: 35 messages byte-identical; it sent {', '.join(sent[:6])}, ...")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
