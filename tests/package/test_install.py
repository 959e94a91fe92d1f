"""cmake --install into a temporary DESTDIR with prefix /usr, as the .deb does: every file is where
a Debian user expects it, the menu entry and the metainfo validate, the man pages hold every
option of --help and the classroom sections, and the installed programs work with the source and
build trees hidden (pop3lab-server serves the sample mail byte-identical, pop3lab passes its
smoke test), so nothing is read from the tree they were built in.

Usage: python3 test_install.py CMAKE BUILD_DIR SOURCE_DIR"""

import gzip
import os
import poplib
import re
import shutil
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
from pop3fixture import Server, check, crlf, require_tool  # noqa: E402
from installed import APP_ID, check_hiding_works, expected_files, hiding  # noqa: E402


def man_text(path):
    """The man page's roff source with help2man's escaped dashes made plain."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().replace("\\-", "-")


def check_man_page(root, program, sections):
    text = man_text(os.path.join(root, f"share/man/man1/{program}.1.gz"))
    for section in sections:
        check(re.search(rf'^\.SH "?{section}"?$', text, re.M), f"{program}.1: no {section} section")
    helped = subprocess.run([os.path.join(root, "bin", program), "--help"], capture_output=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""), timeout=30)
    check(helped.returncode == 0, f"{program} --help: {helped.returncode} {helped.stderr!r}")
    options = set(re.findall(rb"^\s+(?:-\w, )?(--[\w-]+)", helped.stdout, re.M))
    check(len(options) >= 8, f"{program} --help lists too few options: {options}")
    for option in options:
        check(option.decode() in text, f"{program}.1 lacks {option.decode()} of --help")
    return len(options)


def main(cmake, build_dir, source_dir):
    build_dir, source_dir = os.path.realpath(build_dir), os.path.realpath(source_dir)
    tmp = tempfile.mkdtemp(prefix="pop3lab-install-")
    try:
        os.environ.update(HOME=os.path.join(tmp, "home"), XDG_DATA_HOME=os.path.join(tmp, "data"),
                          XDG_CONFIG_HOME=os.path.join(tmp, "config"), QT_QPA_PLATFORM="offscreen",
                          LC_ALL="C.UTF-8", LANGUAGE="")
        dest = os.path.join(tmp, "dest")
        result = subprocess.run([cmake, "--install", build_dir, "--prefix", "/usr"],
                                env=dict(os.environ, DESTDIR=dest), capture_output=True, timeout=120)
        check(result.returncode == 0, f"cmake --install: {result.stdout!r} {result.stderr!r}")
        root = os.path.join(dest, "usr")

        for name in expected_files(source_dir):
            check(os.path.isfile(os.path.join(root, name)), f"not installed: {name}")
        for program in ("pop3lab", "pop3lab-server"):
            mode = os.stat(os.path.join(root, "bin", program)).st_mode
            check(mode & stat.S_IXOTH, f"bin/{program} is not executable by all")

        desktop = os.path.join(root, f"share/applications/{APP_ID}.desktop")
        result = subprocess.run([require_tool("desktop-file-validate"), desktop],
                                capture_output=True, timeout=30)
        # A hint (two main categories, as the issue asks: Education and Network) is no error.
        errors = [l for l in result.stdout.splitlines() if b"error:" in l or b"warning:" in l]
        check(result.returncode == 0 and not errors, f"desktop-file-validate: {result.stdout!r}")
        with open(desktop, encoding="utf-8") as f:
            entry = f.read()
        for line in ("Categories=Education;Network;", "Comment[fr]=", "GenericName[fr]=",
                     "Exec=pop3lab", "Icon=pop3lab"):
            check(line in entry, f"the menu entry lacks {line!r}")
        metainfo = os.path.join(root, f"share/metainfo/{APP_ID}.metainfo.xml")
        result = subprocess.run([require_tool("appstreamcli"), "validate", "--no-net", "--pedantic",
                                 metainfo], capture_output=True, timeout=60)
        check(result.returncode == 0, f"appstreamcli validate: {result.stdout!r} {result.stderr!r}")

        server_options = check_man_page(root, "pop3lab-server",
                                        ["PORTS", "ACCOUNTS", "CLASSROOM QUESTIONS", "FILES",
                                         "ENVIRONMENT", "EXAMPLES"])
        window_options = check_man_page(root, "pop3lab", ["PORTS", "ACCOUNTS", "LANGUAGE", "FILES",
                                                          "ENVIRONMENT", "EXAMPLES"])

        # The installed programs, with the trees they were built from out of sight.
        trees = [source_dir, build_dir]
        check_hiding_works(trees)
        result = subprocess.run(hiding(trees, [os.path.join(root, "bin/pop3lab-server"),
                                               "--version"]), capture_output=True, timeout=30)
        check(result.stdout.startswith(b"pop3lab-server "), f"--version: {result.stdout!r}")
        wrapper = os.path.join(tmp, "hidden-server")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\nexec " + " ".join(
                f"'{a}'" for a in hiding(trees, [os.path.join(root, "bin/pop3lab-server")]))
                + ' "$@"\n')
        os.chmod(wrapper, 0o755)
        mail = os.path.join(root, "share/pop3lab/mailbox/student")
        shipped = [open(os.path.join(mail, n), "rb").read() for n in sorted(os.listdir(mail))]
        with Server(wrapper) as server:
            pop = poplib.POP3("127.0.0.1", server.port, timeout=10)
            pop.user("student")
            pop.pass_("hessovs!")
            check(pop.stat()[0] == len(shipped) == 35, f"stat {pop.stat()}")
            for n in (1, len(shipped)):
                _, lines, _ = pop.retr(n)
                got = b"".join(l + b"\r\n" for l in lines)
                check(got == crlf(shipped[n - 1]), f"message {n} differs from the installed copy")
            pop.quit()

        result = subprocess.run(hiding(trees, [os.path.join(root, "bin/pop3lab"), "--smoke-test",
                                               "--port", "0"]), capture_output=True, timeout=90)
        check(result.returncode == 0 and b"smoke-test: passed" in result.stdout,
              f"installed pop3lab --smoke-test: {result.returncode} {result.stdout[-400:]!r} "
              f"{result.stderr[-800:]!r}")
        print(f"installed: {len(expected_files(source_dir))} files; man pages hold "
              f"{server_options} + {window_options} options; the programs ran with "
              f"{source_dir} and {build_dir} hidden")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
