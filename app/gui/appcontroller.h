#pragma once

//! \file appcontroller.h
//! \brief The GUI composition root: builds the REST client, session, realtime thread, store and
//! windows, and wires them to the flows (sign in, organization, TLS messages, reachability).
//! Each flow is its own small object (app/gui/*flow.h, caloader.h, endpoints.h...), tested
//! offscreen in tests/app; this file only connects them.

#include "app/gui/caloader.h"
#include "app/gui/guioptions.h"
#include "models/api/session.h"
#include "models/platform/appsettings.h"

#include <QObject>

#include <memory>

namespace Centrifuge {
class NetworkWatcher;
}

namespace WhaTrack {
class ApiClient;
class BackendTokenProvider;
class InboxStore;
class SecretStore;
} // namespace WhaTrack

namespace WhaTrack::Ui {
class ConnectionMonitor;
class MainWindow;
} // namespace WhaTrack::Ui

namespace WhaTrack::Gui {

class CacheLock;
class DesktopIntegration;
class InitialChat;
class OrganizationFlow;
class RealtimeThread;
class SignInFlow;
class TlsProblemNotifier;

class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(GuiOptions options, QObject* parent = nullptr);
    ~AppController() override;

    //! Builds everything and shows the window; false (with a message shown) if it cannot run.
    bool start();
    Ui::MainWindow* mainWindow() const { return m_window.get(); }

    // Desktop integration (tray, notifications, preferences, single instance).
    //! The options in use (after Preferences changed them, for the next controller).
    GuiOptions options() const { return m_options; }
    //! Shows and activates the window (a second launch, the tray).
    void raiseWindow();
    //! The platform's reachability reader (QNetworkInformation): a test plays the platform's
    //! reports into it (NetworkWatcher::handleReachability) to check the network-back wiring.
    Centrifuge::NetworkWatcher* networkWatcher() const { return m_network.get(); }

Q_SIGNALS:
    //! Preferences changed the server, CA or channels: main() builds a new controller with
    //! options() (new REST client, session for that server, cache, realtime connection).
    void restartRequested();

private:
    bool createStore();
    void createRealtime();
    void wireWindow();
    void wireSession();
    void wireDiagnostics();
    void wireStore();
    void watchNetwork();
    void onSignedIn(const User& user);
    void onSignedOut();
    void activateOrganization(const QString& id, bool switching);
    void updateFreshness();
    void updateOrganizationName();
    bool askForServer();
    void applyConnectionSettings(const Preferences& prefs);

    GuiOptions m_options;
    CaCertificates m_cas;
    std::shared_ptr<SecretStore> m_secrets;
    ApiClient* m_api = nullptr;
    Session* m_session = nullptr;
    Ui::ConnectionMonitor* m_monitor = nullptr;
    //! The one reader of the platform's reachability: the pill and the client share it.
    std::shared_ptr<Centrifuge::NetworkWatcher> m_network;
    std::unique_ptr<RealtimeThread> m_realtime;
    std::shared_ptr<BackendTokenProvider> m_tokens;
    InboxStore* m_store = nullptr;
    std::unique_ptr<Ui::MainWindow> m_window;
    SignInFlow* m_signIn = nullptr;
    OrganizationFlow* m_organizations = nullptr;
    TlsProblemNotifier* m_tls = nullptr;
    InitialChat* m_initialChat = nullptr;
    DesktopIntegration* m_desktop = nullptr;
    std::unique_ptr<CacheLock> m_cacheLock;
};

} // namespace WhaTrack::Gui
