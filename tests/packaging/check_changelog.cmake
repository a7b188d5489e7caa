# cmake -DCHANGELOG=CHANGELOG.md -DVERSION=1.2.3 -P check_changelog.cmake
# Passes when the changelog has a "## [VERSION]" section (Keep a Changelog), so a version bump
# in CMakeLists.txt cannot ship without release notes.
file(STRINGS "${CHANGELOG}" headings REGEX "^## \\[")
string(REPLACE "." "\\." version_re "${VERSION}")
list(FILTER headings INCLUDE REGEX "^## \\[${version_re}\\]")
if(NOT headings)
    message(FATAL_ERROR "${CHANGELOG} has no '## [${VERSION}]' section for the project version")
endif()
message(STATUS "changelog: ${headings}")
