# `cpack -G DEB` (or `cmake --build build --target package`) in the build folder makes
# pop3lab_<version>-<release>_<arch>.deb from the install rules of cmake/Install.cmake, for
# `apt install ./pop3lab_*.deb`. dpkg-shlibdeps computes the library dependencies from the
# binaries; the binaries are stripped; tests/package checks the file list, the metadata and lintian.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pop3lab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${POP3LAB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "learn POP3 by hand: terminal, built-in server and diagram")
set(CPACK_PACKAGE_DESCRIPTION
    "pop3lab teaches the Post Office Protocol (POP3, RFC 1939) as a lab sheet
does: a student types the commands in a raw terminal against a built-in mail
server and sees each command and reply drawn in a sequence diagram, with the
server's state, the maildrop and its lock. Guided lessons check what the
student types, in English or French.

pop3lab-server serves the same sample mailboxes, or a class's accounts, with
no window, for the mail clients students use (Thunderbird, mutt, fetchmail,
curl).")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${POP3LAB_DEBIAN_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${POP3LAB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${POP3LAB_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The window's SVG icons and French OK/Cancel: plugins and files no ELF dependency names.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-svg-plugins, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "telnet, netcat-openbsd, socat, curl, fetchmail, mutt, putty-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Packages the build's install rules only, not those of Qt or a test helper.
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};${PROJECT_NAME};ALL;/")
set(CPACK_SOURCE_IGNORE_FILES "/build[^/]*/" "/\\\\.git/")
include(CPack)
