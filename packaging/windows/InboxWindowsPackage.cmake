# CPack for Windows: a WiX MSI (what IT deploys by group policy / Intune) and an NSIS .exe for
# hand installs. Built on a hosted Windows runner (.github/workflows/release.yml), never on the
# Linux machines: WiX (candle/light) and makensis run on Windows only. The install tree holds
# whatrack-inbox.exe, whatrack-inbox-cli.exe and what windeployqt copies beside them (Qt DLLs,
# platforms/qwindows.dll, tls/qschannelbackend.dll, sqldrivers/qsqlite.dll, imageformats/).
set(CPACK_GENERATOR "WIX;NSIS")
set(CPACK_PACKAGE_FILE_NAME "WhaTrackInbox-${PROJECT_VERSION}-win64")

# --- WiX MSI --------------------------------------------------------------------------------
# The UpgradeCode ties every version together: an MSI with a higher version replaces the
# installed one. It must NEVER change (a new GUID would install side by side).
set(CPACK_WIX_UPGRADE_GUID "BDB111A8-3E64-4320-BC9A-09870AFDEC82")
set(CPACK_WIX_PRODUCT_GUID "*") # a new ProductCode per build: every version is a major upgrade
set(CPACK_WIX_PROGRAM_MENU_FOLDER "WhaTrack Inbox")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_ROOT_FEATURE_TITLE "WhaTrack Inbox")
set(CPACK_WIX_LICENSE_RTF "${CMAKE_CURRENT_LIST_DIR}/license.rtf")
# Per-machine install into Program Files, as GPO/Intune deployments expect (CMake >= 3.29).
set(CPACK_WIX_INSTALL_SCOPE "perMachine")
set(CPACK_WIX_ARCHITECTURE "x64")

# --- NSIS -----------------------------------------------------------------------------------
set(CPACK_NSIS_DISPLAY_NAME "WhaTrack Inbox")
set(CPACK_NSIS_PACKAGE_NAME "WhaTrack Inbox")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "bin\\whatrack-inbox.exe") # relative to the install folder
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\whatrack-inbox.exe")
