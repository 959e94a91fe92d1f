"""cpack builds the .deb from the build folder; its file list (dpkg-deb -c) holds every installed
file under /usr with root ownership and sane modes, its metadata (dpkg-deb -I) the section, the
maintainer and the library dependencies dpkg-shlibdeps found, its binaries are stripped, and
lintian finds no error and no warning in it.

Usage: python3 test_deb.py CPACK BUILD_DIR SOURCE_DIR"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients"))
from pop3fixture import check, require_tool  # noqa: E402
from installed import expected_files  # noqa: E402


def run(command, timeout=300, **kwargs):
    result = subprocess.run(command, capture_output=True, timeout=timeout, **kwargs)
    check(result.returncode == 0, f"{command[0]} exit {result.returncode}: "
                                  f"{result.stdout[-2000:]!r} {result.stderr[-2000:]!r}")
    return result.stdout.decode()


def main(cpack, build_dir, source_dir):
    tmp = tempfile.mkdtemp(prefix="pop3lab-deb-")
    try:
        started = time.monotonic()
        run([cpack, "-G", "DEB", "-B", tmp, "--config", os.path.join(build_dir, "CPackConfig.cmake")])
        built = time.monotonic() - started
        debs = glob.glob(os.path.join(tmp, "pop3lab_*.deb"))
        check(len(debs) == 1, f"cpack made {debs}")
        deb = debs[0]

        listing = run([require_tool("dpkg-deb"), "-c", deb])
        entries = {}
        for line in listing.splitlines():
            fields = line.split(None, 5)
            mode, owner, name = fields[0], fields[1], fields[5].split(" -> ")[0]
            entries[name.lstrip(".")] = (mode, owner)
        for name in expected_files(source_dir):
            check("/usr/" + name in entries, f"the .deb lacks /usr/{name}")
        for name, (mode, owner) in entries.items():
            check(name.startswith("/usr/"), f"outside /usr: {name}")
            check(owner == "root/root", f"{name} belongs to {owner}")
            wanted = "-rwxr-xr-x" if name.startswith("/usr/bin/") else "-rw-r--r--"
            if mode.startswith("d"):
                wanted = "drwxr-xr-x"
            check(mode == wanted, f"{name} is {mode}, not {wanted}")

        info = run(["dpkg-deb", "-I", deb])
        fields = dict(re.findall(r"^ ([A-Z][\w-]*): (.*)$", info, re.M))
        check(fields.get("Package") == "pop3lab", f"Package: {fields.get('Package')}")
        check(re.fullmatch(r"\d+\.\d+\.\d+-\d+", fields.get("Version", "")), f"Version: {fields}")
        check(fields.get("Section") == "education", f"Section: {fields.get('Section')}")
        check("<" in fields.get("Maintainer", ""), f"Maintainer: {fields.get('Maintainer')}")
        depends = fields.get("Depends", "")
        for library in ("libc6", "libstdc++6", "libqt6core6", "libqt6network6", "libqt6widgets6"):
            check(re.search(rf"\b{re.escape(library)}\b", depends), f"Depends lacks {library}: {depends}")

        unpacked = os.path.join(tmp, "root")
        run(["dpkg-deb", "-x", deb, unpacked])
        for program in ("pop3lab", "pop3lab-server"):
            sections = run(["readelf", "-S", "-W", os.path.join(unpacked, "usr/bin", program)])
            check(".debug_info" not in sections and ".symtab" not in sections,
                  f"/usr/bin/{program} is not stripped")

        started = time.monotonic()
        lintian = require_tool("lintian")
        # Warnings fail too. The one tag left out is about Debian's own archive: a first upload
        # there closes its "intent to package" bug, which a package built here has none of.
        result = subprocess.run([lintian, "--fail-on", "error,warning", "--suppress-tags",
                                 "initial-upload-closes-no-bugs", deb],
                                capture_output=True, timeout=600)
        report = result.stdout.decode()
        check(result.returncode == 0 and not re.search(r"^[EW]: ", report, re.M),
              f"lintian found errors or warnings:\n{report}{result.stderr.decode()}")
        print(f"{os.path.basename(deb)}: {len(entries)} entries, Depends: {depends}; "
              f"cpack {built:.0f} s, lintian {time.monotonic() - started:.0f} s")
        if report.strip():
            print("lintian (warnings and notes):\n" + report)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
