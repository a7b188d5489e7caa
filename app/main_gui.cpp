// whatrack-inbox: the desktop inbox. Everything is built and wired in AppController.

#include "app/gui/appcontroller.h"
#include "app/gui/guioptions.h"
#include "app/gui/screenshot.h"

#include <QApplication>
#include <QMessageBox>
#include <QStyle>
#include <QTextStream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Set once: QSettings, QStandardPaths and the keychain service all derive from these.
    QApplication::setOrganizationName(QStringLiteral("WhaTrack"));
    QApplication::setOrganizationDomain(QStringLiteral("whatrack.com"));
    QApplication::setApplicationName(QStringLiteral("WhaTrack Inbox"));
    QApplication::setApplicationVersion(QStringLiteral(INBOX_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("com.whatrack.Inbox"));
    // Without a desktop theme (bare X11, Xvfb) Qt falls back to the dated "Windows" style;
    // Fusion is the cross-platform look that respects the palette, light or dark.
    if (QApplication::style()->name().compare(QLatin1String("windows"), Qt::CaseInsensitive) == 0)
        QApplication::setStyle(QStringLiteral("Fusion"));

    WhaTrack::Gui::GuiOptions options;
    QString error;
    if (!WhaTrack::Gui::parseGuiOptions(app, &options, &error)) {
        // Both: a terminal user reads stderr, a double-click user sees the box.
        QTextStream(stderr) << error << Qt::endl;
        QMessageBox::critical(nullptr, QApplication::applicationName(), error);
        return 64; // EX_USAGE
    }

    WhaTrack::Gui::AppController controller(options);
    if (!controller.start())
        return 1;
    if (options.screenshotMode()) {
        WhaTrack::Gui::scheduleScreenshot(controller.mainWindow(), options.screenshotFile,
            options.screenshotAfterMs, options.screenshotTarget);
    }
    return app.exec();
}
