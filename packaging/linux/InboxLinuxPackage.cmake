# CPack for Linux: a .deb for Debian 12 / Ubuntu 24.04 (verified: scripts/package, the
# `packaging` test) and an .rpm for Fedora-family systems (built and inspected, not installed).
# Both depend on the distribution's Qt 6 instead of carrying their own.
set(CPACK_GENERATOR "DEB")
find_program(INBOX_RPMBUILD rpmbuild)
if(INBOX_RPMBUILD)
    list(APPEND CPACK_GENERATOR "RPM")
endif()
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

# --- DEB ------------------------------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # whatrack-inbox_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${INBOX_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps reads the executables' NEEDED entries: libqt6core6, libqt6gui6 (which on
# Debian 12 also carries the xcb platform plugin and the JPEG/GIF image plugins),
# libqt6widgets6, libqt6network6, libqt6websockets6, libqt6sql6, libqt6keychain1,
# libsimdjson14, libstdc++6, libc6.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What Qt loads at run time, which dpkg-shlibdeps cannot see:
#   libqt6sql6-sqlite  the QSQLITE driver of the offline cache (the app cannot start a cache
#                      without it)
#   libqt6network6     the OpenSSL TLS backend plugin (plugins/tls), which dlopens libssl3
#   ca-certificates    the system CA store the TLS backend trusts for https:// and wss://
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6network6, ca-certificates")
#   qt6-image-formats-plugins  WebP/TIFF (WhatsApp stickers and media thumbnails)
#   qt6-wayland                native Wayland windows (without it Qt uses XWayland via xcb)
#   fonts-noto-color-emoji     emoji in customers' messages
#   qt6-translations-l10n      Qt's own texts (file dialogs, standard buttons) in pt-BR; the
#                              app's texts are built in, Qt's are not
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-image-formats-plugins, qt6-wayland, fonts-noto-color-emoji, qt6-translations-l10n")
# The keychain (QtKeychain over the Secret Service or KWallet) needs one of these running;
# desktops ship one, and without it the app says so and keeps the session for this run only.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager | keepassxc")

# --- RPM ------------------------------------------------------------------------------------
set(CPACK_RPM_FILE_NAME RPM-DEFAULT) # whatrack-inbox-0.1.0-1.x86_64.rpm
set(CPACK_RPM_PACKAGE_RELEASE "1")
set(CPACK_RPM_PACKAGE_LICENSE "LicenseRef-Proprietary")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
file(READ "${CMAKE_CURRENT_SOURCE_DIR}/description.txt" CPACK_RPM_PACKAGE_DESCRIPTION)
# rpmbuild's automatic requirements come from the ELF files (soname capabilities such as
# libQt6Widgets.so.6()(64bit)): distribution-neutral, resolved by dnf/zypper to their own Qt.
# No Debian names here. Plugins are not visible to it either; Fedora's names (checked against
# Fedora's qt6-qtbase spec, docs/packaging.md) for the SQLite driver, xcb and the TLS backend:
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_AUTOPROV OFF) # the executables provide no libraries to others
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase, qt6-qtbase-gui, openssl-libs, ca-certificates")
set(CPACK_RPM_PACKAGE_SUGGESTS "qt6-qtimageformats")
# Directories the distribution owns stay out of the package's file list.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps
    /usr/share/man
    /usr/share/man/man1)
