# cmake -DSOURCE_DIR=<repo> -P check_cpack_recipes.cmake
# The Windows and macOS installers are built on hosted runners only (.github/workflows/release.yml).
# What can be checked on Linux: each recipe, read as CPack will read it, sets what its generator
# needs, and the files it names exist.
set(PROJECT_VERSION 0.0.0-check)
set(PROJECT_HOMEPAGE_URL "https://whatrack.com")
set(INBOX_APP_ID "com.whatrack.Inbox")

function(require)
    foreach(var IN LISTS ARGN)
        if("${${var}}" STREQUAL "")
            message(SEND_ERROR "${CURRENT_RECIPE}: ${var} is not set")
        endif()
    endforeach()
endfunction()

function(require_file var)
    if(NOT EXISTS "${${var}}")
        message(SEND_ERROR "${CURRENT_RECIPE}: ${var} names a missing file: ${${var}}")
    endif()
endfunction()

set(CURRENT_RECIPE windows)
include("${SOURCE_DIR}/packaging/windows/InboxWindowsPackage.cmake")
require(CPACK_GENERATOR CPACK_WIX_UPGRADE_GUID CPACK_WIX_PRODUCT_GUID CPACK_WIX_PROGRAM_MENU_FOLDER
    CPACK_NSIS_DISPLAY_NAME CPACK_PACKAGE_FILE_NAME)
if(NOT CPACK_GENERATOR MATCHES "WIX")
    message(SEND_ERROR "windows: no WIX generator (IT deploys MSI)")
endif()
# The UpgradeCode must be a fixed GUID (a new one per build would install side by side).
# (CMake regexes have no {n}: 8-4-4-4-12 upper-case hex digits checked piece by piece.)
string(REPLACE "-" ";" guid_parts "${CPACK_WIX_UPGRADE_GUID}")
set(guid_lengths)
foreach(part IN LISTS guid_parts)
    string(LENGTH "${part}" length)
    list(APPEND guid_lengths ${length})
endforeach()
if(NOT guid_lengths STREQUAL "8;4;4;4;12" OR NOT CPACK_WIX_UPGRADE_GUID MATCHES "^[0-9A-F-]+$")
    message(SEND_ERROR "windows: CPACK_WIX_UPGRADE_GUID is not a fixed upper-case GUID")
endif()
require_file(CPACK_WIX_LICENSE_RTF)

set(windows_generators "${CPACK_GENERATOR}")

set(CURRENT_RECIPE macos)
set(CPACK_PRE_BUILD_SCRIPTS "")
include("${SOURCE_DIR}/packaging/macos/InboxMacPackage.cmake")
require(CPACK_GENERATOR CPACK_DMG_VOLUME_NAME CPACK_PRE_BUILD_SCRIPTS CPACK_PACKAGE_FILE_NAME)
require_file(CPACK_PRE_BUILD_SCRIPTS)
set(entitlements "${SOURCE_DIR}/packaging/macos/entitlements.plist")
require_file(entitlements)

message(STATUS "windows: ${windows_generators} recipe complete; macos: ${CPACK_GENERATOR} + codesign hook complete")
