#include "app/gui/autostart.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace WhaTrack::Gui::Autostart {

namespace {
#ifdef Q_OS_WIN
// The Windows registry, not the app's settings: this is where Windows looks.
const QString kRunKey
    = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString kRunValue = QStringLiteral("WhaTrack Inbox");
#endif

//! The executable to start: an AppImage's own path rather than its temporary mount.
QString executable()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    return appImage.isEmpty() ? QCoreApplication::applicationFilePath() : appImage;
}

//! A desktop-entry Exec argument (quoted; ", `, $ and \ escaped, per the specification).
QString quotedExec(const QString& path)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : path) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
            || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    // "%" is a field code in Exec; a literal one is doubled.
    out.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return out + QLatin1Char('"');
}
} // namespace

QString desktopEntryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/com.whatrack.Inbox.desktop");
}

bool isEnabled()
{
#if defined(Q_OS_WIN)
    return QSettings(kRunKey, QSettings::NativeFormat).contains(kRunValue);
#elif defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return QFile::exists(desktopEntryPath());
#else
    return false;
#endif
}

bool setEnabled(bool on, QString* error)
{
#if defined(Q_OS_WIN)
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (on)
        run.setValue(kRunValue,
            QLatin1Char('"') + QDir::toNativeSeparators(executable()) + QLatin1Char('"'));
    else
        run.remove(kRunValue);
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = QCoreApplication::translate(
            "Autostart", "Windows did not let the app change its start-at-login entry.");
        return false;
    }
    return true;
#elif defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString path = desktopEntryPath();
    if (!on) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = QCoreApplication::translate("Autostart", "Could not remove %1.")
                         .arg(QDir::toNativeSeparators(path));
            return false;
        }
        qCInfo(lcUi) << "start at login: off";
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QString entry = QStringLiteral("[Desktop Entry]\nType=Application\nName=WhaTrack Inbox\n"
                                         "Icon=com.whatrack.Inbox\nExec=%1\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(quotedExec(executable()));
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Autostart", "Could not write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    qCInfo(lcUi) << "start at login: on";
    return true;
#else
    Q_UNUSED(on)
    *error = QCoreApplication::translate("Autostart",
        "Starting at login is not available on this system yet; add WhaTrack Inbox to your "
        "login items in the system settings.");
    return false;
#endif
}

} // namespace WhaTrack::Gui::Autostart
