# CPACK_PRE_BUILD_SCRIPTS hook (macOS): sign WhaTrack Inbox.app in CPack's staging tree before
# hdiutil makes the .dmg. Hardened runtime (--options runtime) and a secure timestamp are what
# notarization requires. Without INBOX_CODESIGN_IDENTITY in the environment the bundle keeps
# macdeployqt's ad-hoc signature (fine for local testing, refused by Gatekeeper elsewhere).
set(_identity "$ENV{INBOX_CODESIGN_IDENTITY}")
if(_identity STREQUAL "")
    message(STATUS "codesign: INBOX_CODESIGN_IDENTITY not set, the bundle stays ad-hoc signed")
    return()
endif()
file(GLOB_RECURSE _bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
list(FILTER _bundles INCLUDE REGEX "\\.app$")
foreach(_app IN LISTS _bundles)
    message(STATUS "codesign: signing ${_app}")
    execute_process(
        COMMAND codesign --force --deep --timestamp --options runtime
            --entitlements "${CMAKE_CURRENT_LIST_DIR}/entitlements.plist"
            --sign "${_identity}" "${_app}"
        RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "codesign failed for ${_app} (${_rc})")
    endif()
    execute_process(COMMAND codesign --verify --strict --verbose=2 "${_app}" RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "codesign --verify failed for ${_app} (${_rc})")
    endif()
endforeach()
