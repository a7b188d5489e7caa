#pragma once

//! \file appcontroller.h
//! \brief The GUI composition root: REST client, session, realtime thread, store, windows, and
//! the flows between them (sign in, organization choice, 401, TLS errors, resync, shutdown).

#include "app/gui/guioptions.h"
#include "models/apierror.h"
#include "models/appsettings.h"
#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>

#include <memory>

namespace WhaTrack {
class ApiClient;
class BackendTokenProvider;
class InboxStore;
class SecretStore;
} // namespace WhaTrack

namespace WhaTrack::Ui {
class ConnectionMonitor;
class MainWindow;
class SignInDialog;
} // namespace WhaTrack::Ui

namespace WhaTrack::Gui {

class CacheLock;
class DesktopIntegration;
class RealtimeThread;

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

Q_SIGNALS:
    //! Preferences changed the server, CA or channels: main() builds a new controller with
    //! options() (new REST client, session for that server, cache, realtime connection).
    void restartRequested();

private:
    bool loadCaCertificates(QList<QSslCertificate>* certs);
    QUrl effectiveWebSocketUrl() const;
    void wireSession();
    void wireDiagnostics(const QList<QSslCertificate>& cas);
    void wireStore();
    void watchNetwork();

    void showSignIn(const QString& message, bool error);
    void onSignedIn(const User& user);
    void onSignedOut(Session::SignOutReason reason, const QString& message);
    void onSignInFailed(const ApiError& error);
    void onOrganizationsChanged();
    void chooseOrganization();
    void activateOrganization(const QString& id);
    void updateFreshness();
    void showTlsProblem(const QString& where, const QStringList& errors);
    void updateOrganizationName();
    QString lastChatKey(const QString& organizationId) const;
    //! Opens the --open-chat chat, or the one open last time, as soon as the list has it.
    void openInitialChat();

    GuiOptions m_options;
    std::shared_ptr<SecretStore> m_secrets;
    ApiClient* m_api = nullptr;
    Session* m_session = nullptr;
    Ui::ConnectionMonitor* m_monitor = nullptr;
    std::unique_ptr<RealtimeThread> m_realtime;
    std::shared_ptr<BackendTokenProvider> m_tokens;
    InboxStore* m_store = nullptr;
    std::unique_ptr<Ui::MainWindow> m_window;
    QPointer<Ui::SignInDialog> m_signIn;
    QString m_activeOrg;
    bool m_autoSignInUsed = false;
    bool m_orgChoicePending = false;
    QString m_initialChat;
    QList<QMetaObject::Connection> m_initialChatWait;
    QSet<QString> m_tlsShown; //!< each distinct TLS problem is shown once, not on every retry
    // Desktop integration.
    bool askForServer();
    void applyConnectionSettings(const Preferences& prefs);
    DesktopIntegration* m_desktop = nullptr;
    std::unique_ptr<CacheLock> m_cacheLock;
};

} // namespace WhaTrack::Gui
