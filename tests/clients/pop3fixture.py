"""Shared by the real-client tests: start pop3lab-server on 127.0.0.1 port 0 in a temporary
workspace, read its port from the first line it prints, and stop it with SIGTERM.

Usage from a test: python3 test_x.py SERVER_BINARY SOURCE_DIR
"""

import contextlib
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile

FIRST_LINE = re.compile(
    rb"^pop3lab-server \S+ listening on 127\.0\.0\.1:(\d+) \(personality [\w.-]+\)$")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def require_tool(name):
    """A missing client is a failure, never a silent pass."""
    path = shutil.which(name)
    if path is None:
        fail(f"'{name}' is not installed; scripts/test.sh installs it (apt-get install {name})")
    return path


def sample_messages(source_dir):
    """The shipped student mailbox: (file name, bytes as stored) in message order."""
    folder = os.path.join(source_dir, "resources", "mailbox", "student")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".eml"))
    result = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            result.append((name, f.read()))
    return result


def crlf(content):
    """A message's lines with CRLF endings, as POP3 sends it (RFC 1939 sizes count these)."""
    lines = content.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return b"".join(line.rstrip(b"\r") + b"\r\n" for line in lines)


def attachment_messages():
    """Three messages, the middle one about 3 MB (a base64 attachment with dot-led lines spread
    through it): large enough that pop3lab-server's worker thread writes it (bodies of 256 KiB
    or more), the others small enough for the event loop."""
    big = [b"From: archive@lab.example.edu", b"Subject: the packet capture", b"MIME-Version: 1.0",
           b'Content-Type: application/octet-stream; name="capture.pcap"',
           b"Content-Transfer-Encoding: base64", b""]
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    for i in range(40000):
        if i % 113 == 0:
            big.append(b"." + b"dot-led line %d" % i)
        else:
            big.append(bytes(alphabet[(i * 7 + k) % 64] for k in range(76)))
    big.append(b"")
    small = lambda n: b"From: teacher@lab.example.edu\nSubject: note %d\n\n.a dot\nbye\n" % n
    return [small(1), b"\n".join(big), small(3)]


class Server:
    """pop3lab-server in its own temporary workspace (never the real home)."""

    def __init__(self, binary, *args, timeout=10, trace=False):
        self.tmp = tempfile.mkdtemp(prefix="pop3lab-client-")
        self.workspace = os.path.join(self.tmp, "ws")
        # With trace: the event stream in self.trace (read it with client_lines()).
        self.trace = os.path.join(self.tmp, "trace.jsonl") if trace else None
        if trace:
            args = (*args, "--trace", self.trace)
        self.process = subprocess.Popen(
            [binary, "--workspace", self.workspace, "--listen", "127.0.0.1:0", "--quiet", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._rest = b""
        line = self._first_line(timeout)
        match = FIRST_LINE.match(line)
        if not match:
            self.process.kill()
            fail(f"pop3lab-server did not say where it listens: {line!r} "
                 f"{self.process.stderr.read()!r}")
        self.port = int(match.group(1))

    def _first_line(self, timeout):
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        data = b""
        while b"\n" not in data:
            if not selector.select(timeout):
                self.process.kill()
                fail("pop3lab-server printed nothing in time")
            chunk = os.read(self.process.stdout.fileno(), 4096)
            if not chunk:
                break
            data += chunk
        first, _, self._rest = data.partition(b"\n")
        return first

    def next_line(self, timeout=10):
        """The next line the server prints after the first (the TLS line, say)."""
        data = self._rest
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        while b"\n" not in data:
            if not selector.select(timeout):
                fail("pop3lab-server printed no further line in time")
            chunk = os.read(self.process.stdout.fileno(), 4096)
            if not chunk:
                break
            data += chunk
        line, _, self._rest = data.partition(b"\n")
        return line

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                fail("pop3lab-server did not stop on SIGTERM")
        check(self.process.returncode == 0,
              f"pop3lab-server exited with {self.process.returncode}: {self.process.stderr.read()!r}")

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            if exc[0] is None:
                self.stop()
        finally:
            self.close()
        return False


@contextlib.contextmanager
def archive_server(binary, messages, *args):
    """pop3lab-server on a fresh folder of .eml files holding messages, for user archive / pw."""
    folder = tempfile.mkdtemp(prefix="pop3lab-archive-")
    try:
        for n, content in enumerate(messages, 1):
            with open(os.path.join(folder, "%04d.eml" % n), "wb") as f:
                f.write(content)
        with Server(binary, "--mailbox", folder, "--user", "archive", "--password", "pw",
                    *args) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def client_lines(trace_path):
    """The command lines the server received, in order, from a --trace file (credentials read
    ********): what the diagram shows as the client's arrows."""
    import json
    lines = []
    with open(trace_path, encoding="utf-8") as f:
        for line in f:
            event = json.loads(line)
            if event.get("kind") == "client-line":
                lines.append(event.get("bytes", "").rstrip("\r\n"))
    return lines


def walk_concatenated(data, messages, skip_header=None):
    """Checks that data is messages' files one after the other, byte for byte; skip_header(data,
    pos) returns where a message starts when the client adds a header of its own on purpose."""
    pos = 0
    for n, (name, original) in enumerate(messages, 1):
        check(pos < len(data), f"only {n - 1} messages delivered")
        if skip_header:
            pos = skip_header(data, pos)
        got = data[pos:pos + len(original)]
        check(got == original, f"message {n} differs from {name}: {got[:200]!r}")
        pos += len(original)
    check(pos == len(data), f"{len(data) - pos} unexpected octets after the last message")
