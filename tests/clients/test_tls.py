"""Real clients over TLS against pop3lab-server (STLS, RFC 2595, and POP3S, RFC 8314), each with
the test's own certificate (made here with openssl req) and each fetching byte-identical mail,
the 3 MB attachment included. The server refuses plain-text logins until TLS, also on 127.0.0.1
(--disable-plaintext-auth --loopback-insecure), so a client that logged in really used TLS.

Usage: python3 test_tls.py SERVER_BINARY SOURCE_DIR CLIENT
CLIENT: curl, poplib, fetchmail, openssl, mpop, workspace (the server's own certificate)."""

import hashlib
import os
import poplib
import re
import shutil
import ssl
import stat
import subprocess
import sys
import tempfile

from pop3fixture import (Server, archive_server, attachment_messages, check, crlf, fail,
                         require_tool)

TLS_LINE = re.compile(rb"^  TLS: STLS on 127\.0\.0\.1:(\d+)(?:, POP3S on 127\.0\.0\.1:(\d+))?; "
                      rb"certificate SHA-256 ([0-9A-F:]{95}) \((.+)\)$")
STRICT = ("--tls-port", "0", "--disable-plaintext-auth", "--loopback-insecure")


def make_certificate(folder):
    """The test's own self-signed certificate for 127.0.0.1 (an RSA key: the server takes any)."""
    openssl = require_tool("openssl")
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    result = subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                             "-keyout", key, "-out", cert, "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                            capture_output=True, timeout=60)
    check(result.returncode == 0, f"openssl req: {result.stderr!r}")
    return cert, key


def tls_ports(server):
    match = TLS_LINE.match(server.next_line())
    check(match is not None, "pop3lab-server did not print its TLS line")
    return int(match.group(1)), int(match.group(2) or 0), match.group(3).decode(), match.group(4)


def der_fingerprint(der):
    return ":".join("%02X" % b for b in hashlib.sha256(der).digest())


def unstuffed(body):
    """A multi-line body as on the wire (after the status line) -> the message's CRLF lines."""
    check(body.endswith(b"\r\n.\r\n"), f"no terminator: {body[-20:]!r}")
    lines = body[:-3].split(b"\r\n")[:-1]
    return b"".join((line[1:] if line.startswith(b".") else line) + b"\r\n" for line in lines)


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, timeout=kwargs.pop("timeout", 60), **kwargs)
    check(result.returncode == 0, f"{' '.join(args[:3])}...: exit {result.returncode}: "
                                  f"{result.stdout[-300:]!r} {result.stderr[-600:]!r}")
    return result.stdout


def with_server(binary, cert, key, body):
    messages = attachment_messages()
    with archive_server(binary, messages, *STRICT, "--cert", cert, "--key", key) as server:
        port, tls_port, fingerprint, _ = tls_ports(server)
        check(port == server.port and tls_port > 0, "ports")
        with open(cert, "rb") as f:
            pem = f.read()
        check(fingerprint == der_fingerprint(ssl.PEM_cert_to_DER_cert(pem.decode())),
              "the printed fingerprint is not the certificate's")
        body(server, port, tls_port, messages)


def test_curl(binary, cert, key):
    curl = require_tool("curl")

    def body(server, port, tls_port, messages):
        def fetch(url, *extra):
            return run([curl, "--silent", "--show-error", "--max-time", "30", "--cacert", cert,
                        "--user", "archive:pw", *extra, url])
        # In clear the login is refused: curl fails.
        plain = subprocess.run([curl, "--silent", "--max-time", "10", "--user", "archive:pw",
                                f"pop3://127.0.0.1:{port}/1"], capture_output=True, timeout=20)
        check(plain.returncode != 0, "curl logged in without TLS")
        for n in (1, 2, 3):
            got = fetch(f"pop3://127.0.0.1:{port}/{n}", "--ssl-reqd")
            check(got == crlf(messages[n - 1]), f"STLS RETR {n}: {len(got)} octets")
            got = fetch(f"pop3s://127.0.0.1:{tls_port}/{n}")
            check(got == crlf(messages[n - 1]), f"POP3S RETR {n}: {len(got)} octets")
    with_server(binary, cert, key, body)
    print("curl --ssl-reqd pop3:// and pop3s://: 3 messages (one of 3 MB) byte-identical each way")


def test_poplib(binary, cert, key):
    context = ssl.create_default_context(cafile=cert)

    def retrieve(pop, messages):
        for n, message in enumerate(messages, 1):
            _, lines, _ = pop.retr(n)
            got = b"".join(line + b"\r\n" for line in lines)
            check(got == crlf(message), f"RETR {n}: {len(got)} octets")

    def body(server, port, tls_port, messages):
        pop = poplib.POP3("127.0.0.1", port, timeout=20)
        before = pop.capa()
        check("STLS" in before and "USER" not in before, f"CAPA before STLS: {before}")
        try:
            pop.user("archive")
            fail("USER was accepted in clear")
        except poplib.error_proto as e:
            check(b"Plaintext authentication disallowed" in e.args[0], f"{e}")
        pop.stls(context)
        after = pop.capa()
        check("STLS" not in after and "USER" in after, f"CAPA after STLS: {after}")
        pop.user("archive")
        pop.pass_("pw")
        retrieve(pop, messages)
        pop.quit()
        pop = poplib.POP3_SSL("127.0.0.1", tls_port, context=context, timeout=20)
        pop.user("archive")
        pop.pass_("pw")
        retrieve(pop, messages)
        pop.quit()
    with_server(binary, cert, key, body)
    print("poplib POP3.stls() and POP3_SSL: 3 messages byte-identical each way")


def test_fetchmail(binary, cert, key):
    fetchmail = require_tool("fetchmail")

    def body(server, port, tls_port, messages):
        for mode, poll_port, options in (("STLS", port, "sslproto 'TLS1.2+'"),
                                         ("POP3S", tls_port, "ssl sslproto 'TLS1.2+'")):
            home = os.path.join(server.tmp, "home-" + mode)
            os.makedirs(home)
            delivered = os.path.join(home, "delivered")
            rcfile = os.path.join(home, "fetchmailrc")
            with open(rcfile, "w") as f:
                f.write(f'poll 127.0.0.1 with proto POP3 port {poll_port} timeout 20\n'
                        f'    user "archive" there with password "pw" is "archive" here\n'
                        f'    options keep fetchall no rewrite {options}\n'
                        # fetchmail matches the name it polls (127.0.0.1) against the CN only
                        f'    sslcertck sslcertfile "{cert}" sslcommonname "localhost"\n'
                        f'    mda "cat >> {delivered}"\n')
            os.chmod(rcfile, 0o600)
            env = dict(os.environ, HOME=home, FETCHMAILHOME=home, LC_ALL="C")
            run([fetchmail, "--fetchmailrc", rcfile, "--keep", "--nosyslog",
                 "--idfile", os.path.join(home, "fetchids")], env=env)
            with open(delivered, "rb") as f:
                data = f.read()
            # fetchmail adds its Received: header and hands LF line endings to the MDA.
            for n, message in enumerate(messages, 1):
                check(message.replace(b"\r\n", b"\n") in data, f"{mode}: message {n} not delivered intact")
            check(data.count(b"Received: from") == 3, f"{mode}: {data.count(b'Received: from')} deliveries")
    with_server(binary, cert, key, body)
    print("fetchmail over STLS (sslproto) and POP3S (ssl), certificate checked: 3 messages intact")


def test_openssl(binary, cert, key):
    openssl = require_tool("openssl")
    commands = b"USER archive\nPASS pw\nRETR 2\nQUIT\n"

    def session(args, messages):
        out = run([openssl, "s_client", *args, "-CAfile", cert, "-verify_return_error",
                   "-verify_ip", "127.0.0.1", "-crlf", "-quiet"], input=commands)
        check(b"+OK Logged in." in out, f"no login: {out[:300]!r}")
        start = out.index(b"octets\r\n") + len(b"octets\r\n")
        end = out.index(b"\r\n.\r\n", start) + 5
        check(unstuffed(out[start:end]) == crlf(messages[1]), "RETR 2 differs")
        check(out[end:].startswith(b"+OK Logging out"), f"after RETR: {out[end:end + 40]!r}")

    def body(server, port, tls_port, messages):
        session(["-starttls", "pop3", "-connect", f"127.0.0.1:{port}"], messages)
        session(["-connect", f"127.0.0.1:{tls_port}"], messages)
    with_server(binary, cert, key, body)
    print("openssl s_client -starttls pop3 and POP3S: the 3 MB message byte-identical")


def test_mpop(binary, cert, key):
    mpop = require_tool("mpop")

    def body(server, port, tls_port, messages):
        for mode, poll_port, starttls in (("STLS", port, "on"), ("POP3S", tls_port, "off")):
            home = os.path.join(server.tmp, "mpop-" + mode)
            maildir = os.path.join(home, "Maildir")
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(maildir, sub))
            rc = os.path.join(home, "mpoprc")
            with open(rc, "w") as f:
                f.write(f"account default\nhost 127.0.0.1\nport {poll_port}\n"
                        f"tls on\ntls_starttls {starttls}\ntls_trust_file {cert}\n"
                        f"auth user\nuser archive\npassword pw\nkeep on\n"
                        f"delivery maildir {maildir}\nuidls_file {home}/uidls\n")
            os.chmod(rc, 0o600)
            run([mpop, "--file", rc, "--quiet"], env=dict(os.environ, HOME=home))
            files = sorted(os.listdir(os.path.join(maildir, "new")))
            check(len(files) == 3, f"{mode}: {len(files)} messages delivered")
            got = []
            for name in files:
                with open(os.path.join(maildir, "new", name), "rb") as f:
                    got.append(f.read())
            for n, message in enumerate(messages, 1):
                wanted = message.replace(b"\r\n", b"\n")
                check(any(g.endswith(wanted) for g in got), f"{mode}: message {n} not intact")
    with_server(binary, cert, key, body)
    print("mpop with tls_starttls on and with POP3S: 3 messages intact")


def test_workspace(binary, cert, key):
    """No --cert: the server makes its own on first run, owner-only, keeps it, prints its
    fingerprint; a client sees that very certificate."""
    with Server(binary, "--tls") as server:
        port, tls_port, fingerprint, path = tls_ports(server)
        check(tls_port == 0, "no POP3S port without --tls-port")
        key_path = os.path.join(os.path.dirname(path.decode()), "server.key")
        for p in (path.decode(), key_path):
            mode = stat.S_IMODE(os.stat(p).st_mode)
            check(mode == 0o600, f"{p} has mode {oct(mode)}")
        pop = poplib.POP3("127.0.0.1", port, timeout=10)
        context = ssl.create_default_context(cafile=path.decode())
        pop.stls(context)  # verified: the certificate names 127.0.0.1
        der = pop.sock.getpeercert(binary_form=True)
        check(der_fingerprint(der) == fingerprint, "the client sees another certificate")
        pop.quit()
        # A second server on the same workspace (the window beside it, or a restart): the same
        # certificate, read back, not made again.
        again = subprocess.Popen([binary, "--workspace", server.workspace, "--listen",
                                  "127.0.0.1:0", "--quiet", "--tls"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            lines = again.stdout.readline() + again.stdout.readline()
            check(fingerprint.encode() in lines, f"another certificate on the second run: {lines!r}")
        finally:
            again.terminate()
            again.wait(10)
    print("the workspace's own certificate: 0600, kept across runs, its fingerprint as printed")


def main(binary, source_dir, client):
    folder = tempfile.mkdtemp(prefix="pop3lab-tls-")
    try:
        cert, key = make_certificate(folder)
        globals()["test_" + client](binary, cert, key)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
