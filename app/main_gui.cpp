// whatrack-inbox: the desktop inbox. Everything is built and wired in AppController.

#include "app/gui/appcontroller.h"
#include "app/gui/guioptions.h"
#include "app/gui/screenshot.h"
#include "app/gui/singleinstance.h"
#include "models/platform/appsettings.h"
#include "ui/translations.h"

#include <QApplication>
#include <QMessageBox>
#include <QStyle>
#include <QTextStream>

#include <functional>
#include <memory>

namespace {
// Set once: QSettings, QStandardPaths and the keychain service all derive from these.
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("WhaTrack"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("whatrack.com"));
    QCoreApplication::setApplicationName(QStringLiteral("WhaTrack Inbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INBOX_VERSION));
}

// Before the command line is parsed: --help and usage errors speak the chosen language too.
// --lang beats the Preferences choice, which beats the system's (LANGUAGE, LC_ALL, LANG).
void installTranslations(WhaTrack::Ui::Translations* translations)
{
    const QString fromCommandLine = WhaTrack::Ui::languageArgument(QCoreApplication::arguments());
    const QString preference = WhaTrack::AppSettings().preferences().language;
    // Formats follow an explicit choice; with the system's language they stay the system's.
    const bool explicitChoice = !fromCommandLine.isEmpty() || !preference.isEmpty();
    translations->install(
        WhaTrack::Ui::chooseUiLocale(fromCommandLine, preference), explicitChoice);
}
} // namespace

int main(int argc, char** argv)
{
    if (WhaTrack::Gui::wantsHelpOrVersion(argc, argv)) {
        // Answered without a display (over SSH, in a package check): QApplication would abort
        // when it cannot open one. QCommandLineParser prints and exits.
        QCoreApplication core(argc, argv);
        setIdentity();
        WhaTrack::Ui::Translations translations;
        installTranslations(&translations);
        WhaTrack::Gui::GuiOptions options;
        QString error;
        WhaTrack::Gui::parseGuiOptions(core, &options, &error);
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("com.whatrack.Inbox"));
    WhaTrack::Ui::Translations translations;
    installTranslations(&translations);
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

    // One inbox per user and profile: a second launch raises the first window and exits.
    // Screenshot runs are scripted and short: they do not take part (the cache lock still
    // keeps them off a cache that is in use).
    WhaTrack::Gui::SingleInstance instance(WhaTrack::Gui::SingleInstance::defaultKey());
    if (!options.screenshotMode() && !instance.claim())
        return 0;

    std::unique_ptr<WhaTrack::Gui::AppController> controller;
    std::function<bool(const WhaTrack::Gui::GuiOptions&)> launch;
    launch = [&](const WhaTrack::Gui::GuiOptions& o) {
        controller = std::make_unique<WhaTrack::Gui::AppController>(o);
        // New server settings from Preferences: a new controller (queued: not inside a slot of
        // the one being replaced). Its window goes away first, which must not quit the app.
        QObject::connect(
            controller.get(), &WhaTrack::Gui::AppController::restartRequested, &app, [&] {
                QMetaObject::invokeMethod(
                    &app,
                    [&] {
                        const WhaTrack::Gui::GuiOptions next = controller->options();
                        QApplication::setQuitOnLastWindowClosed(false);
                        controller.reset();
                        const bool ok = launch(next);
                        QApplication::setQuitOnLastWindowClosed(true);
                        if (!ok)
                            QApplication::exit(1);
                    },
                    Qt::QueuedConnection);
            });
        return controller->start();
    };
    QObject::connect(&instance, &WhaTrack::Gui::SingleInstance::raiseRequested, &app, [&] {
        if (controller)
            controller->raiseWindow();
    });
    if (!launch(options))
        return 1;
    if (options.screenshotMode()) {
        WhaTrack::Gui::scheduleScreenshot(controller->mainWindow(), options.screenshotFile,
            options.screenshotAfterMs, options.screenshotTarget);
    }
    const int rc = app.exec();
    controller.reset(); // before the QApplication
    return rc;
}
