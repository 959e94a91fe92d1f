"""mutt (a client nobody here wrote) against pop3lab-server, in batch: it opens
pop://127.0.0.1:PORT, tags every message and pipes each, undecoded, to a command that appends it
to a file; every message must arrive byte-identical to the shipped .eml file, and pop_delete=no
leaves the maildrop as it was. mutt needs a terminal, so it runs under script(1) on a
pseudo-terminal. The trace shows what mutt sends: CAPA, AUTH PLAIN (SASL before any USER), CAPA
again, STAT, UIDL, LIST n / TOP n 0 for the index, then RETR when a message is read."""

import os
import shlex
import subprocess
import sys

from pop3fixture import (Server, check, client_lines, require_tool, sample_messages,
                         walk_concatenated)


def main(binary, source_dir):
    mutt = require_tool("mutt")
    script = require_tool("script")
    messages = sample_messages(source_dir)
    with Server(binary, trace=True) as server:
        piped = os.path.join(server.tmp, "piped")
        muttrc = os.path.join(server.tmp, "muttrc")
        with open(muttrc, "w") as f:
            f.write('set pop_user = "student"\nset pop_pass = "hessovs!"\n'
                    "set ssl_starttls = no\nset ssl_force_tls = no\nset pop_delete = no\n"
                    # An existing folder: else mutt first asks whether to create ~/Mail.
                    f'set folder = "{server.tmp}"\n'
                    "set mbox_type = Maildir\nset confirmcreate = no\nset confirmappend = no\n"
                    'set header_cache = ""\nset message_cachedir = ""\nset sort = mailbox-order\n'
                    'set quit = yes\nset move = no\nset wait_key = no\nset pipe_split = yes\n'
                    'set pipe_decode = no\nset pipe_sep = ""\n')
        keys = (f'push <tag-pattern>~A<enter><tag-prefix><pipe-message>"cat>>{piped}"<enter>'
                "<quit>")
        command = shlex.join([mutt, "-n", "-F", muttrc, "-f", f"pop://127.0.0.1:{server.port}",
                              "-e", keys])
        home = os.path.join(server.tmp, "home")
        os.makedirs(home)
        result = subprocess.run([script, "-qec", command, "/dev/null"], capture_output=True,
                                stdin=subprocess.DEVNULL, timeout=60,
                                env=dict(os.environ, HOME=home, TERM="dumb", LC_ALL="C"))
        screen = result.stdout
        check(result.returncode == 0, f"mutt exit {result.returncode}: {screen[-600:]!r}")
        check(os.path.exists(piped), f"mutt piped nothing: {screen[-600:]!r}")
        with open(piped, "rb") as f:
            walk_concatenated(f.read(), messages)
        server.stop()  # the trace is complete once the server has stopped
        sent = client_lines(server.trace)
        check(sent[:3] == ["CAPA", "AUTH PLAIN", "********"], f"mutt began {sent[:3]}")
        check("USER student" not in sent, f"mutt fell back to USER: {sent[:8]}")
        check(sent.index("UIDL") < sent.index("RETR 1"), f"UIDL before RETR: {sent[:10]}")
        retrs = [s for s in sent if s.startswith("RETR ")]
        check(sorted(retrs) == sorted(f"RETR {n}" for n in range(1, 36)), f"RETRs: {retrs}")
        check(not any(s.startswith("DELE") for s in sent) and sent[-1] == "QUIT", f"{sent[-3:]}")
    print(f"mutt: 35 messages byte-identical; it sent {', '.join(sent[:7])}, ...")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
