#include "app/gui/screenshot.h"

#include "ui/connectiondetailsdialog.h"
#include "ui/connectiondiagnostics.h"
#include "ui/logging.h"
#include "ui/mainwindow.h"
#include "ui/quickswitcher.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QScreen>
#include <QStyleFactory>
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

//! What a dark desktop theme gives the app (as Breeze Dark or the usual Fusion dark palette),
//! for the dark screenshot: INBOX_SCREENSHOT_PALETTE=dark.
void applyDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x35, 0x35, 0x35);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(255, 255, 255, 128));
    p.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7f, 0x7f, 0x7f));
    QApplication::setPalette(p);
}

//! The screen's pixels over \a window: popups (the quick switcher) and dialogs included.
void saveScreenArea(QWidget* window, const QString& file)
{
    QScreen* screen = window->screen();
    const QRect area = window->frameGeometry();
    const QPixmap shot = screen
        ? screen->grabWindow(0, area.x(), area.y(), area.width(), area.height())
        : QPixmap();
    const bool ok = !shot.isNull() && shot.save(file, "PNG");
    qCInfo(lcUi) << "screenshot of the screen area saved:" << ok;
    QApplication::exit(ok ? 0 : 2);
}
} // namespace

void scheduleScreenshot(
    Ui::MainWindow* window, const QString& file, int afterMs, const QString& target)
{
    QPointer<Ui::MainWindow> guard(window);
    if (qEnvironmentVariable("INBOX_SCREENSHOT_PALETTE") == QLatin1String("dark"))
        applyDarkPalette();
    QTimer::singleShot(afterMs, window, [guard, file, target] {
        if (!guard)
            return;
        if (target == QLatin1String("switcher")) {
            // Ctrl+K with a query typed: the fuzzy matches over the window.
            guard->showQuickSwitcher();
            if (auto* switcher = guard->quickSwitcher())
                switcher->queryField()->setText(QStringLiteral("ma"));
            QTimer::singleShot(500, guard, [guard, file] { saveScreenArea(guard, file); });
            return;
        }
        if (target == QLatin1String("preferences")) {
            Q_EMIT guard->preferencesRequested();
            QTimer::singleShot(500, guard, [guard, file] {
                for (QWidget* w : QApplication::topLevelWidgets()) {
                    if (w->isVisible() && w->objectName() == QLatin1String("preferencesDialog"))
                        return save(w, file);
                }
                qCWarning(lcUi) << "screenshot: the preferences dialog did not open";
                QApplication::exit(2);
            });
            return;
        }
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
