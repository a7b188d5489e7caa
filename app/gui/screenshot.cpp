#include "app/gui/screenshot.h"

#include "ui/connectiondetailsdialog.h"
#include "ui/connectiondiagnostics.h"
#include "ui/logging.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QPointer>
#include <QTimer>

namespace WhaTrack::Gui {

namespace {
void save(QWidget* widget, const QString& file)
{
    const QPixmap shot = widget->grab();
    const bool ok = !shot.isNull() && shot.save(file, "PNG");
    if (ok)
        qCInfo(lcUi) << "screenshot saved to" << QDir::toNativeSeparators(file) << shot.size();
    else
        qCWarning(lcUi) << "could not save the screenshot to" << QDir::toNativeSeparators(file);
    QApplication::exit(ok ? 0 : 2);
}
} // namespace

void scheduleScreenshot(
    Ui::MainWindow* window, const QString& file, int afterMs, const QString& target)
{
    QPointer<Ui::MainWindow> guard(window);
    QTimer::singleShot(afterMs, window, [guard, file, target] {
        if (!guard)
            return;
        if (target == QLatin1String("diagnostics")) {
            // The panel after "Run diagnostics" (docs/images/diagnostics-*.png): run, wait for
            // the last step, let the rows lay out, grab. A run never hangs: every step has a
            // deadline in the engine.
            guard->showConnectionDetails();
            auto* dialog = guard->connectionDetails();
            auto* diagnostics = dialog ? dialog->diagnostics() : nullptr;
            if (!dialog || !diagnostics || !diagnostics->canRun()) {
                qCWarning(lcUi) << "screenshot: diagnostics are not available";
                QApplication::exit(2);
                return;
            }
            QObject::connect(
                diagnostics, &Ui::ConnectionDiagnostics::finished, dialog, [dialog, file] {
                    // Every step in the picture: grow the dialog to its rows, then grab once
                    // the new layout is painted.
                    QTimer::singleShot(200, dialog, [dialog, file] {
                        dialog->fitToContents(1100);
                        QTimer::singleShot(400, dialog, [dialog, file] { save(dialog, file); });
                    });
                });
            dialog->runDiagnostics();
            return;
        }
        if (target == QLatin1String("details")) {
            guard->showConnectionDetails();
            // Let the dialog lay out and paint once before grabbing it.
            QTimer::singleShot(300, guard, [guard, file] {
                if (auto* dialog = guard->connectionDetails())
                    save(dialog, file);
                else
                    QApplication::exit(2);
            });
            return;
        }
        // Dialogs on top (sign in, TLS warnings) are separate windows: save each beside it.
        const QFileInfo info(file);
        int n = 0;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w != guard && w->isVisible() && w->isWindow() && w->inherits("QDialog")) {
                const QString name = info.path() + QLatin1Char('/') + info.completeBaseName()
                    + QStringLiteral("-dialog%1.png").arg(++n);
                w->grab().save(name, "PNG");
                qCInfo(lcUi) << "dialog" << w->objectName() << "saved to"
                             << QDir::toNativeSeparators(name);
            }
        }
        save(guard, file);
    });
}

} // namespace WhaTrack::Gui
