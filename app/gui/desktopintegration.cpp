#include "app/gui/desktopintegration.h"

#include "app/gui/autostart.h"
#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "ui/logging.h"
#include "ui/mainwindow.h"
#include "ui/notifier.h"
#include "ui/plaintext.h"
#include "ui/preferencesdialog.h"
#include "ui/trayicon.h"

#include <QGuiApplication>
#include <QMessageBox>

namespace WhaTrack::Gui {

DesktopIntegration::DesktopIntegration(InboxStore* store, Ui::MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_window(window)
    , m_tray(new Ui::TrayIcon(this))
    , m_notifier(new Ui::Notifier(store, m_tray, this))
    , m_counter(new Ui::UnreadCounter(store->chatListSourceModel(), this))
{
    m_notifier->setWindow(window);
    m_tray->setAlertWindow(window);
    const Preferences prefs = AppSettings().preferences();
    m_notifier->setEnabled(prefs.notifications);
    m_notifier->setSoundEnabled(prefs.sound);
    m_notifier->setDoNotDisturb(prefs.doNotDisturb);
    m_tray->setMuted(prefs.doNotDisturb);

    connect(
        store, &InboxStore::inboundMessageReceived, m_notifier, &Ui::Notifier::onInboundMessage);
    connect(m_notifier, &Ui::Notifier::chatRequested, this, [this](const QString& chatId) {
        raiseWindow();
        m_store->openChat(chatId);
    });
    connect(m_tray, &Ui::TrayIcon::notificationClicked, m_notifier, &Ui::Notifier::activateLast);
    connect(m_tray, &Ui::TrayIcon::openRequested, this, &DesktopIntegration::raiseWindow);
    connect(m_tray, &Ui::TrayIcon::quitRequested, window, &Ui::MainWindow::quit);
    connect(window, &Ui::MainWindow::hiddenToTray, m_tray, [this](bool firstTime) {
        if (firstTime)
            m_tray->showRunningHint();
    });
    connect(m_tray, &Ui::TrayIcon::muteToggled, this, [this](bool muted) {
        m_notifier->setDoNotDisturb(muted);
        AppSettings().setDoNotDisturb(muted);
    });
    connect(m_counter, &Ui::UnreadCounter::totalChanged, this, &DesktopIntegration::setUnreadTotal);
    connect(
        window, &Ui::MainWindow::preferencesRequested, this, [this] { showPreferences(m_window); });
    setUnreadTotal(m_counter->total());
    m_tray->show();
    // Only where the icon really is in a tray: else a closed window could not come back.
    window->setCloseToTray(prefs.closeToTray && m_tray->isShown());
}

DesktopIntegration::~DesktopIntegration()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QGuiApplication::setBadgeNumber(0);
#endif
}

void DesktopIntegration::setUnreadTotal(int total)
{
    m_tray->setUnreadTotal(total);
    m_window->setUnreadTotal(total);
    // The dock (macOS) / taskbar (Windows) / launcher (KDE, Unity) badge exists from Qt 6.5;
    // Debian 12 has 6.4, where the title and the tray carry the count alone.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QGuiApplication::setBadgeNumber(qMax(0, total));
#endif
}

void DesktopIntegration::raiseWindow()
{
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopIntegration::showPreferences(QWidget* parent)
{
    if (m_prefs) {
        m_prefs->raise();
        m_prefs->activateWindow();
        return;
    }
    const Preferences before = AppSettings().preferences();
    m_prefs = new Ui::PreferencesDialog(before, parent);
    m_prefs->setAttribute(Qt::WA_DeleteOnClose);
    m_prefs->setWindowModality(Qt::WindowModal);
    connect(m_prefs, &QDialog::accepted, this, [this, before] {
        const Preferences after = m_prefs->preferences();
        AppSettings().setPreferences(after);
        apply(after, before);
    });
    m_prefs->open();
}

void DesktopIntegration::apply(const Preferences& prefs, const Preferences& before)
{
    m_notifier->setEnabled(prefs.notifications);
    m_notifier->setSoundEnabled(prefs.sound);
    m_notifier->setDoNotDisturb(prefs.doNotDisturb);
    m_tray->setMuted(prefs.doNotDisturb);
    m_window->setCloseToTray(prefs.closeToTray && m_tray->isShown());
    if (prefs.startAtLogin != before.startAtLogin) {
        QString error;
        if (!Autostart::setEnabled(prefs.startAtLogin, &error)) {
            qCWarning(lcUi) << "start at login could not be changed";
            auto* box = new QMessageBox(
                QMessageBox::Warning, tr("Start at login"), error, QMessageBox::Ok, m_window);
            Ui::makePlainText(box);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    }
    if (prefs.language != before.language)
        qCInfo(lcUi) << "language preference saved; it applies at the next start";
    if (prefs.connectionDiffers(before)) {
        qCInfo(lcUi) << "server settings changed: reconnecting with them";
        Q_EMIT connectionSettingsChanged(prefs);
    }
}

} // namespace WhaTrack::Gui
