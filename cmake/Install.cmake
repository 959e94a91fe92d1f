# What `cmake --install` (and so the .deb of cmake/Packaging.cmake) puts where a Debian user
# expects it. The programs carry their data in Qt resources (lessons, personalities, sample
# mailboxes, scenarios, translations), so an installed pop3lab needs no file from the build or
# source tree; the copies under share/pop3lab are for teachers to read, copy and change (a lesson
# folder for POP3LAB_LESSONS_DIR, a personality for --personality FILE.json, a mailbox for
# --mailbox). tests/package checks it with both trees hidden.
include(GNUInstallDirs)

set(POP3LAB_APP_ID io.github.pop3lab.pop3lab)
set(POP3LAB_HOMEPAGE "https://github.com/pop3lab/pop3lab" CACHE STRING
    "The project's public page: the AppStream metainfo's links and screenshots point there")
set(POP3LAB_RELEASE_DATE 2026-12-02) # of PROJECT_VERSION, for the metainfo's <releases>
set(POP3LAB_DEBIAN_RELEASE 1) # the .deb is pop3lab_<version>-<this>
set(POP3LAB_MAINTAINER "The pop3lab authors <pop3lab@example.org>" CACHE STRING
    "The .deb's Maintainer and the changelog's signature: NAME <EMAIL>")
# The project has not chosen a license yet; the copyright file says so until these are set.
set(POP3LAB_LICENSE "LicenseRef-not-yet-chosen" CACHE STRING
    "The license's short name in the copyright file (e.g. GPL-3+)")
set(POP3LAB_LICENSE_TEXT "The authors have not chosen a license yet: all rights reserved." CACHE
    STRING "The license's text, or where to find it, in the copyright file")
set(POP3LAB_DATADIR ${CMAKE_INSTALL_DATADIR}/pop3lab)
set(POP3LAB_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/pop3lab)
# Directories 0755 whatever the umask (lintian checks the .deb's).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS pop3lab-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET pop3lab)
    install(TARGETS pop3lab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # Help's "Open the docs folder" looks here, relative to the program, before the source tree.
    file(RELATIVE_PATH docs_from_bin ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}
         ${CMAKE_INSTALL_PREFIX}/${POP3LAB_DOCDIR})
    target_compile_definitions(pop3gui PRIVATE POP3LAB_INSTALLED_DOCS="${docs_from_bin}")
endif()

# The data, as shipped.
file(GLOB lesson_data ${PROJECT_SOURCE_DIR}/lessons/*.json ${PROJECT_SOURCE_DIR}/lessons/README.md)
install(FILES ${lesson_data} DESTINATION ${POP3LAB_DATADIR}/lessons)
file(GLOB personality_data ${PROJECT_SOURCE_DIR}/resources/personalities/*.json)
install(FILES ${personality_data} DESTINATION ${POP3LAB_DATADIR}/personalities)
install(FILES ${PROJECT_SOURCE_DIR}/resources/mailbox/barakirs.mbox
        DESTINATION ${POP3LAB_DATADIR}/mailbox)
file(GLOB student_mail ${PROJECT_SOURCE_DIR}/resources/mailbox/student/*.eml)
install(FILES ${student_mail} DESTINATION ${POP3LAB_DATADIR}/mailbox/student)
file(GLOB scenario_data ${PROJECT_SOURCE_DIR}/resources/scenarios/*.jsonl)
install(FILES ${scenario_data} DESTINATION ${POP3LAB_DATADIR}/scenarios)
if(TARGET pop3lab AND TARGET Qt6::lrelease)
    # qt_add_translations (src/app) writes them there before embedding them.
    install(FILES ${PROJECT_BINARY_DIR}/src/app/pop3lab_fr.qm ${PROJECT_BINARY_DIR}/src/app/pop3lab_en.qm
            DESTINATION ${POP3LAB_DATADIR}/translations)
endif()

# The documentation: the user guide (with the client pages) and the developer docs.
file(GLOB doc_pages ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${doc_pages} DESTINATION ${POP3LAB_DOCDIR})
file(GLOB doc_pictures ${PROJECT_SOURCE_DIR}/docs/screenshots/*.png)
install(FILES ${doc_pictures} DESTINATION ${POP3LAB_DOCDIR}/screenshots)
# Debian's copyright file and changelog.Debian.gz (gzip -9n: no name, no time, as lintian asks).
configure_file(${PROJECT_SOURCE_DIR}/resources/debian/copyright.in
               ${PROJECT_BINARY_DIR}/debian/copyright @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in
               ${PROJECT_BINARY_DIR}/debian/changelog @ONLY)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
    COMMAND gzip -9n -c ${PROJECT_BINARY_DIR}/debian/changelog > changelog.Debian.gz
    DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/debian VERBATIM)
add_custom_target(pop3lab_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz)
install(FILES ${PROJECT_BINARY_DIR}/debian/copyright
              ${PROJECT_BINARY_DIR}/debian/changelog.Debian.gz
        DESTINATION ${POP3LAB_DOCDIR})

# The menu entry, its icons and the AppStream metainfo.
if(TARGET pop3lab)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${POP3LAB_APP_ID}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(${PROJECT_SOURCE_DIR}/resources/desktop/${POP3LAB_APP_ID}.metainfo.xml.in
                   ${PROJECT_BINARY_DIR}/${POP3LAB_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/${POP3LAB_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/pop3lab.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    # Drawn from the SVG by scripts/make_icons.sh and committed (no SVG renderer at build time).
    foreach(size 16 22 24 32 48 64 128 256)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/icons/${size}x${size}/pop3lab.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()

# Man pages written by help2man from each program's own --help and --version, at every build, so
# the options in the man page are the ones the program has; resources/man/*.h2m add the sections
# --help has no room for (ports, accounts, files, environment, examples). Not in sanitizer or
# fuzzing builds (running the programs there is the tests' business).
find_program(POP3LAB_HELP2MAN help2man)
if(POP3LAB_SANITIZE OR POP3LAB_FUZZ)
    set(man_default OFF)
else()
    set(man_default ON)
endif()
option(POP3LAB_MAN_PAGES "Write and install the man pages (needs help2man)" ${man_default})
if(POP3LAB_MAN_PAGES AND NOT POP3LAB_HELP2MAN)
    message(WARNING "help2man not found (apt-get install help2man): no man pages")
elseif(POP3LAB_MAN_PAGES)
    set(man_pages "")
    foreach(program pop3lab-server pop3lab)
        if(NOT TARGET ${program})
            continue()
        endif()
        set(page ${PROJECT_BINARY_DIR}/man/${program}.1)
        set(include ${PROJECT_SOURCE_DIR}/resources/man/${program}.h2m)
        # Run by its name through PATH, so --help's "Usage:" line names the program, not the
        # build folder; in English whatever the builder's locale.
        add_custom_command(OUTPUT ${page} ${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
            COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
                    QT_QPA_PLATFORM=offscreen "PATH=$<TARGET_FILE_DIR:${program}>:/usr/bin:/bin"
                    ${POP3LAB_HELP2MAN} --no-info --section 1 --include ${include}
                    --source "pop3lab ${PROJECT_VERSION}" --manual "pop3lab manual"
                    --output ${page} ${program}
            COMMAND gzip -9n -f -k ${page}
            DEPENDS ${program} ${include}
            VERBATIM)
        list(APPEND man_pages ${page}.gz)
    endforeach()
    add_custom_target(man_pages ALL DEPENDS ${man_pages})
    install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
