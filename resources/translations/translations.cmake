# Translations of the desktop app (docs/translations.md), included from ui/CMakeLists.txt so the
# .qm files are embedded into inbox_ui under :/i18n (ui/translations.cpp loads them).
#
# lupdate scans every source with user-visible text: ui/, app/gui/ and models/ (the diagnostics
# cause table and the settings' validation messages). The targets:
#   inbox_ui_lupdate / update_translations   refresh the .ts files in the source tree
#   inbox_ui_lrelease                         build the .qm files (every build does this)
# The .ts files must exist before a build directory is configured (qt_add_lrelease would add a
# rule that overwrites a missing one with an empty file).
# tst_translations fails when an entry is unfinished, vanished or missing from a .ts file.

find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

file(GLOB_RECURSE INBOX_TR_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
    ${PROJECT_SOURCE_DIR}/models/*.cpp ${PROJECT_SOURCE_DIR}/models/*.h)
# The command-line tool speaks English only (scripts parse its output).
list(FILTER INBOX_TR_SOURCES EXCLUDE REGEX "/app/cli/|/app/main_cli\\.cpp$")
# tst_translations runs lupdate over the same list.
list(JOIN INBOX_TR_SOURCES "\n" INBOX_TR_SOURCE_LINES)
file(WRITE ${CMAKE_BINARY_DIR}/i18n-sources.lst "${INBOX_TR_SOURCE_LINES}\n")
set(INBOX_TR_SOURCE_LIST ${CMAKE_BINARY_DIR}/i18n-sources.lst CACHE INTERNAL "lupdate's file list")

set(INBOX_TS_FILES
    ${PROJECT_SOURCE_DIR}/resources/translations/whatrack-inbox_en.ts
    ${PROJECT_SOURCE_DIR}/resources/translations/whatrack-inbox_pt_BR.ts)

# English is the source language: its .ts only needs the plural forms ("%n new messages");
# every other entry stays empty and falls back to the source text.
qt_add_translations(inbox_ui
    TS_FILES ${INBOX_TS_FILES}
    SOURCES ${INBOX_TR_SOURCES}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations none)
