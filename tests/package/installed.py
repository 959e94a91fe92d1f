"""Shared by the package tests: what an installed pop3lab must hold (relative to the prefix,
e.g. /usr), and how to run a program with the source and build trees hidden."""

import os
import shutil
import subprocess

from pop3fixture import check, fail

APP_ID = "io.github.pop3lab.pop3lab"
ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256]


def expected_files(source_dir):
    """Every file the install rules must put under the prefix."""
    files = ["bin/pop3lab", "bin/pop3lab-server",
             f"share/applications/{APP_ID}.desktop",
             f"share/metainfo/{APP_ID}.metainfo.xml",
             "share/icons/hicolor/scalable/apps/pop3lab.svg",
             "share/man/man1/pop3lab.1.gz", "share/man/man1/pop3lab-server.1.gz",
             "share/pop3lab/mailbox/barakirs.mbox",
             "share/pop3lab/translations/pop3lab_fr.qm",
             "share/pop3lab/translations/pop3lab_en.qm",
             "share/pop3lab/lessons/README.md",
             "share/doc/pop3lab/README.md", "share/doc/pop3lab/user-guide.md",
             "share/doc/pop3lab/user-guide.fr.md",
             "share/doc/pop3lab/clients.md",
             "share/doc/pop3lab/copyright", "share/doc/pop3lab/changelog.Debian.gz"]
    files += [f"share/icons/hicolor/{s}x{s}/apps/pop3lab.png" for s in ICON_SIZES]
    for folder, target in (("lessons", "lessons"), ("resources/personalities", "personalities"),
                           ("resources/mailbox/student", "mailbox/student"),
                           ("resources/scenarios", "scenarios")):
        for name in sorted(os.listdir(os.path.join(source_dir, folder))):
            if name.endswith((".json", ".eml", ".jsonl")):
                files.append(f"share/pop3lab/{target}/{name}")
    return files


def hiding(trees, command):
    """command run in a mount namespace where each of trees (the source and build folders) is an
    empty tmpfs: what it finds, it found in the installed files. Inner folders are hidden first
    (the build folder often sits inside the source folder)."""
    unshare = shutil.which("unshare")
    check(unshare is not None, "unshare (util-linux) is missing")
    # A tree inside another (the build folder in the source folder) is hidden with it: mounting
    # the outer one over it would leave the inner mount point gone, and mounting it first is
    # undone by the outer mount.
    trees = set(os.path.realpath(t) for t in trees)
    outermost = [t for t in trees if not any(t.startswith(o + "/") for o in trees if o != t)]
    mounts = " && ".join(f"mount -t tmpfs pop3lab-hidden '{t}'" for t in sorted(outermost))
    return [unshare, "--mount", "sh", "-c", mounts + ' && exec "$0" "$@"', *command]


def check_hiding_works(trees):
    """The hiding itself, checked once: a listing of each tree comes back empty."""
    # Each tree must be gone (inside a hidden one) or empty.
    listing = 'for t; do if [ -e "$t" ] && [ -n "$(ls -A "$t")" ]; then echo "$t"; fi; done'
    result = subprocess.run(hiding(trees, ["sh", "-c", listing, "sh", *trees]),
                            capture_output=True, timeout=30)
    if result.returncode != 0 or result.stdout.strip():
        fail(f"cannot hide {' '.join(trees)} (needs root or user namespaces): "
             f"{result.returncode} {result.stdout[:200]!r} {result.stderr!r}")
