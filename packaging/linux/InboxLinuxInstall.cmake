# What the Linux packages install besides the two executables (app/CMakeLists.txt): the desktop
# entry, AppStream metainfo, the icon, man pages and the documents Debian policy asks for
# (copyright, a changelog). Everything is under the install prefix (/usr in the packages);
# settings, caches and secrets are made per user at run time (QStandardPaths, the keychain)
# and never installed.
find_program(INBOX_GZIP gzip REQUIRED)

set(_doc_dir "${CMAKE_INSTALL_DATADIR}/doc/${INBOX_PACKAGE_NAME}")
set(_gen "${CMAKE_CURRENT_BINARY_DIR}/linux")

# Debian policy 12.7: a changelog in Debian format, changelog.gz for a native package. Its one
# entry points at the release notes (CHANGELOG.md, installed beside it). The date honours
# SOURCE_DATE_EPOCH (scripts/package sets it to the last commit's) so the package is reproducible.
string(TIMESTAMP INBOX_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
string(TIMESTAMP INBOX_RELEASE_DATE "%Y-%m-%d" UTC)
configure_file(linux/changelog.in "${_gen}/changelog" @ONLY)
configure_file(linux/${INBOX_APP_ID}.metainfo.xml.in "${_gen}/${INBOX_APP_ID}.metainfo.xml" @ONLY)
configure_file(linux/man/whatrack-inbox.1.in "${_gen}/whatrack-inbox.1" @ONLY)
configure_file(linux/man/whatrack-inbox-cli.1.in "${_gen}/whatrack-inbox-cli.1" @ONLY)
configure_file("${PROJECT_SOURCE_DIR}/CHANGELOG.md" "${_gen}/CHANGELOG.md" COPYONLY)

# gzip -9n: maximum compression and no timestamp in the header (lintian checks both).
set(_compressed)
foreach(_file changelog whatrack-inbox.1 whatrack-inbox-cli.1 CHANGELOG.md)
    add_custom_command(OUTPUT "${_gen}/${_file}.gz"
        COMMAND "${INBOX_GZIP}" -9nkf "${_gen}/${_file}"
        DEPENDS "${_gen}/${_file}"
        COMMENT "Compressing ${_file} for the Linux packages"
        VERBATIM)
    list(APPEND _compressed "${_gen}/${_file}.gz")
endforeach()
add_custom_target(inbox_linux_package_files ALL DEPENDS ${_compressed})

install(FILES linux/${INBOX_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${_gen}/${INBOX_APP_ID}.metainfo.xml" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/whatrack-inbox.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES "${_gen}/whatrack-inbox.1.gz" "${_gen}/whatrack-inbox-cli.1.gz"
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES linux/copyright "${_gen}/changelog.gz" "${_gen}/CHANGELOG.md.gz"
    DESTINATION ${_doc_dir})
