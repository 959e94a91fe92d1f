"""Python's poplib (a client nobody here wrote) against pop3lab-server: stat, list, retr, top,
uidl, dele, rset, quit, checked against the shipped student mailbox."""

import poplib
import sys

from pop3fixture import Server, archive_server, attachment_messages, check, crlf, sample_messages


def main(binary, source_dir):
    messages = sample_messages(source_dir)
    wire = [crlf(content) for _, content in messages]
    sizes = [len(w) for w in wire]
    check(len(wire) == 35 and sum(sizes) == 23183, "the sample mailbox is not the lab sheet's")

    with Server(binary) as server:
        pop = poplib.POP3("127.0.0.1", server.port, timeout=10)
        check(pop.getwelcome() == b"+OK Dovecot ready.", f"greeting {pop.getwelcome()!r}")
        capa = pop.capa()
        for token in ("TOP", "UIDL", "USER", "PIPELINING", "RESP-CODES"):
            check(token in capa, f"CAPA lacks {token}: {capa}")
        pop.user("student")
        pop.pass_("hessovs!")
        check(pop.stat() == (35, 23183), f"stat {pop.stat()}")

        resp, listing, _ = pop.list()
        check(resp.startswith(b"+OK"), f"list {resp!r}")
        check(listing == [b"%d %d" % (n + 1, s) for n, s in enumerate(sizes)], f"list {listing}")
        check(pop.list(12) == b"+OK 12 %d" % sizes[11], f"list 12 {pop.list(12)!r}")

        # poplib removes the CRLFs and the byte-stuffing: join them back and compare the bytes.
        for n in range(1, 36):
            resp, lines, octets = pop.retr(n)
            got = b"".join(line + b"\r\n" for line in lines)
            check(got == wire[n - 1], f"retr {n}: differs from {messages[n - 1][0]}")
            check(resp == b"+OK %d octets" % sizes[n - 1], f"retr {n}: {resp!r}")
        dotted = [n for n, w in enumerate(wire, 1) if b"\r\n." in w or w.startswith(b".")]
        check(dotted, "the sample has no dot-led line to exercise byte-stuffing")

        for n, k in ((1, 0), (12, 3), (35, 1000)):
            _, lines, _ = pop.top(n, k)
            text = wire[n - 1]
            header, body = text.split(b"\r\n\r\n", 1)
            body_lines = body.split(b"\r\n")[:-1]
            expected = header.split(b"\r\n") + [b""] + body_lines[:k]
            check(lines == expected, f"top {n} {k}: {lines[:5]}...")

        _, uids, _ = pop.uidl()
        check(len(uids) == 35, f"uidl {len(uids)} lines")
        uid = dict(line.split(b" ", 1) for line in uids)
        check(len(set(uid.values())) == 35, "unique-ids are not unique")
        check(pop.uidl(3) == b"+OK 3 " + uid[b"3"], f"uidl 3 {pop.uidl(3)!r}")

        check(pop.dele(1).startswith(b"+OK"), "dele 1")
        check(pop.dele(2).startswith(b"+OK"), "dele 2")
        check(pop.stat() == (33, 23183 - sizes[0] - sizes[1]), f"stat after dele {pop.stat()}")
        try:
            pop.retr(1)
            check(False, "a deleted message could be retrieved")
        except poplib.error_proto as e:
            check(str(e).startswith("b'-ERR"), f"retr of a deleted message: {e}")
        check(pop.rset().startswith(b"+OK"), "rset")
        check(pop.stat() == (35, 23183), f"stat after rset {pop.stat()}")
        check(pop.dele(3).startswith(b"+OK"), "dele 3")
        check(pop.quit().startswith(b"+OK"), "quit")

        # The deletion was committed at QUIT, and only that one.
        pop = poplib.POP3("127.0.0.1", server.port, timeout=10)
        pop.user("student")
        pop.pass_("hessovs!")
        check(pop.stat() == (34, 23183 - sizes[2]), f"stat after quit {pop.stat()}")
        _, uids2, _ = pop.uidl()
        left = [line.split(b" ", 1)[1] for line in uids2]
        check(left == [uid[b"%d" % n] for n in range(1, 36) if n != 3], "unique-ids after quit")
        _, lines, _ = pop.retr(3)
        check(b"".join(line + b"\r\n" for line in lines) == wire[3], "message 4 is now number 3")
        try:
            pop.user("student")
            check(False, "USER accepted in TRANSACTION state")
        except poplib.error_proto:
            pass
        pop.quit()

        # A wrong password is refused with the [AUTH] response code.
        pop = poplib.POP3("127.0.0.1", server.port, timeout=10)
        pop.user("student")
        try:
            pop.pass_("wrong")
            check(False, "a wrong password was accepted")
        except poplib.error_proto as e:
            check("[AUTH]" in str(e), f"wrong password: {e}")
        pop.quit()

    # A 3 MB attachment between two small messages, written by the server's worker thread and,
    # with --single-thread, by its event loop: byte-identical either way, TOP too.
    attachments = attachment_messages()
    attachment_wire = [crlf(content) for content in attachments]
    for mode in ([], ["--single-thread"]):
        with archive_server(binary, attachments, *mode) as server:
            pop = poplib.POP3("127.0.0.1", server.port, timeout=20)
            pop.user("archive")
            pop.pass_("pw")
            listing = [line.split() for line in pop.list()[1]]
            check([int(size) for _, size in listing] == [len(w) for w in attachment_wire],
                  f"LIST {mode}: {listing}")
            for n in (2, 1, 3, 2):
                lines = pop.retr(n)[1]
                got = b"".join(line + b"\r\n" for line in lines)
                check(got == attachment_wire[n - 1],
                      f"RETR {n} {mode}: {len(got)} octets, expected {len(attachment_wire[n - 1])}")
            lines = pop.top(2, 3)[1]
            head = attachment_wire[1].split(b"\r\n\r\n", 1)[0].split(b"\r\n")
            check(lines[:len(head)] == head and len(lines) == len(head) + 1 + 3,
                  f"TOP 2 3 {mode}: {lines[:8]!r}")
            pop.quit()
    print("poplib: stat, list, retr, top, uidl, dele, rset, quit all as expected; a 3 MB "
          "attachment byte-identical with and without the worker thread")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
