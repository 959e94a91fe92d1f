"""fetchmail --keep (a client nobody here wrote) against pop3lab-server: every message of the
sample mailbox is fetched, handed to an MDA that appends it to a file, and must arrive
byte-identical to the shipped .eml file; --keep leaves the maildrop as it was."""

import os
import poplib
import subprocess
import sys

from pop3fixture import Server, check, crlf, require_tool, sample_messages


def strip_fetchmail_received(data, pos):
    """fetchmail prepends its own trace header to each message, "Received: from 127.0.0.1 ... by
    HOST with POP3 (fetchmail-6.x) for <...> (single-drop); DATE", folded over several lines. It
    is the one change fetchmail makes on purpose (RFC 5321 section 4.4 asks every relay to add
    one), so exactly that header - its first line and its continuation lines - is skipped before
    comparing. Returns where the message itself starts."""
    check(data.startswith(b"Received: from ", pos),
          f"no fetchmail Received: header at {pos}: {data[pos:pos + 80]!r}")
    end = data.index(b"\n", pos) + 1
    while data[end:end + 1] in (b" ", b"\t"):
        end = data.index(b"\n", end) + 1
    check(b"fetchmail" in data[pos:end], f"the Received: header is not fetchmail's: {data[pos:end]!r}")
    return end


def main(binary, source_dir):
    fetchmail = require_tool("fetchmail")
    messages = sample_messages(source_dir)

    with Server(binary) as server:
        home = os.path.join(server.tmp, "home")
        out = os.path.join(server.tmp, "delivered")
        os.makedirs(home)
        os.makedirs(out)
        delivered = os.path.join(out, "delivered")
        rcfile = os.path.join(home, "fetchmailrc")
        with open(rcfile, "w") as f:
            f.write(f'poll 127.0.0.1 with proto POP3 port {server.port} timeout 10\n'
                    f'    user "student" there with password "hessovs!" is "student" here\n'
                    f'    options keep fetchall no rewrite sslproto ""\n'
                    f'    mda "cat >> {delivered}"\n')
        os.chmod(rcfile, 0o600)  # fetchmail refuses an rcfile others can read
        env = dict(os.environ, HOME=home, FETCHMAILHOME=home, LC_ALL="C")
        result = subprocess.run([fetchmail, "--fetchmailrc", rcfile, "--keep", "--nosyslog",
                                 "--idfile", os.path.join(home, "fetchids")],
                                capture_output=True, env=env, timeout=60)
        check(result.returncode == 0,
              f"fetchmail exit {result.returncode}: {result.stdout!r} {result.stderr!r}")

        # The MDA appended each message to one file, in order: walk it message by message.
        with open(delivered, "rb") as f:
            data = f.read()
        pos = 0
        for n, (original_name, original) in enumerate(messages, 1):
            check(pos < len(data), f"only {n - 1} messages delivered: {result.stderr!r}")
            pos = strip_fetchmail_received(data, pos)
            # fetchmail hands the MDA LF line endings, as the .eml files have them.
            got = data[pos:pos + len(original)]
            check(got == original, f"message {n} differs from {original_name}: {got[:200]!r}")
            pos += len(original)
        check(pos == len(data), f"{len(data) - pos} unexpected octets after message 35")

        # --keep: nothing was deleted on the server, and the lock is gone.
        pop = poplib.POP3("127.0.0.1", server.port, timeout=10)
        pop.user("student")
        pop.pass_("hessovs!")
        check(pop.stat() == (35, sum(len(crlf(m)) for _, m in messages)), f"stat {pop.stat()}")
        pop.quit()
    print(f"fetchmail --keep: {len(messages)} messages delivered byte-identical, none deleted")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
