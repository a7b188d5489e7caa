# CPack for macOS: a drag-and-drop .dmg holding WhaTrack Inbox.app. Built on a hosted macOS
# runner (.github/workflows/release.yml): macdeployqt, codesign, notarytool and hdiutil exist only
# on macOS. The bundle is made self-contained at install time by Qt's deploy script
# (macdeployqt: frameworks and plugins into Contents/), then signed and notarized by the
# workflow before the .dmg is built (docs/packaging.md, "macOS").
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "WhaTrackInbox-${PROJECT_VERSION}-macos")
set(CPACK_DMG_VOLUME_NAME "WhaTrack Inbox")
set(CPACK_DMG_FORMAT "UDZO")
# The workflow signs the bundle in the staging tree through this script, between macdeployqt
# and hdiutil, when INBOX_CODESIGN_IDENTITY is set (a Developer ID Application identity).
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/codesign.cmake")

if(TARGET whatrack-inbox) # absent when tests/packaging/check_cpack_recipes.cmake reads this file
  set_target_properties(whatrack-inbox PROPERTIES
    OUTPUT_NAME "WhaTrack Inbox"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${INBOX_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_NAME "WhaTrack Inbox"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "Copyright (C) 2026 WhaTrack")
endif()
