#include "app/gui/appcontroller.h"

#include "app/gui/desktopintegration.h"
#include "app/gui/endpoints.h"
#include "app/gui/initialchat.h"
#include "app/gui/organizationflow.h"
#include "app/gui/realtimethread.h"
#include "app/gui/signinflow.h"
#include "app/gui/singleinstance.h"
#include "app/gui/tlsproblemnotifier.h"
#include "app/gui/tokenstatus.h"
#include "models/api/apiclient.h"
#include "models/api/backendtokenprovider.h"
#include "models/api/mediafetcher.h"
#include "models/api/secretstore.h"
#include "models/cache/localcache.h"
#include "models/platform/systemevents.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "models/store/querykey.h"
#include "realtime/client.h"
#include "realtime/networkwatcher.h"
#include "ui/connectiondiagnostics.h"
#include "ui/connectionmonitor.h"
#include "ui/conversationview.h"
#include "ui/keychainnotice.h"
#include "ui/logging.h"
#include "ui/mainwindow.h"
#include "ui/plaintext.h"
#include "ui/preferencesdialog.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>

namespace WhaTrack::Gui {

using Reachability = Centrifuge::NetworkMonitor::Reachability;
using Ui::ConnectionMonitor;
using Ui::MainWindow;

namespace {
//! Per backend and organization, like the local cache: another server's id is never opened.
QString lastChatKey(const GuiOptions& options, const QString& organizationId)
{
    return LocalCache::scopeKey(options.backendUrl, organizationId);
}

void showCritical(const QString& text)
{
    QMessageBox box(QMessageBox::Critical, QApplication::applicationName(), text);
    Ui::makePlainText(&box); // a file name is shown as typed, never as markup
    box.exec();
}
} // namespace

AppController::AppController(GuiOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

AppController::~AppController()
{
    // Order matters: the window uses the store, the store uses the client, the client's token
    // provider uses the REST client. Tear down from the top.
    delete m_desktop;
    m_desktop = nullptr;
    delete m_signIn;
    delete m_organizations;
    delete m_initialChat;
    m_window.reset();
    delete m_store;
    m_store = nullptr;
    if (m_realtime)
        m_realtime->stop();
    m_realtime.reset();
    m_network.reset(); // after the client that shared it
    m_tokens.reset();
    delete m_session;
    delete m_api;
    qCInfo(lcUi) << "application shut down";
}

bool AppController::start()
{
    if (m_options.backendUrl.isEmpty() && !askForServer())
        return false;
    m_cas = loadCaCertificates(m_options.caCertFile);
    if (!m_cas.ok()) {
        showCritical(m_cas.error);
        return false;
    }

    ApiConfig config;
    config.baseUrl = withoutCredentials(m_options.backendUrl); // parseGuiOptions refused them
    m_options.backendUrl = config.baseUrl;
    config.caCertificates = m_cas.certificates;
    m_api = new ApiClient(config);
    // Screenshot/test runs must not touch the agent's keychain.
    if (m_options.screenshotMode())
        m_secrets = std::make_shared<MemorySecretStore>();
    else
        m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("WhaTrack Inbox"));
    m_session = new Session(m_api, m_secrets);

    m_monitor = new ConnectionMonitor(nullptr, this);
    m_monitor->setEndpoints(m_options.backendUrl, effectiveWebSocketUrl(m_options));
    wireDiagnostics();
    createRealtime();
    if (!createStore())
        return false;
    m_window = std::make_unique<MainWindow>(m_store, m_monitor);
    // Photos and documents of the conversation through the media route (session, same origin).
    m_window->conversationView()->setMediaFetcher(new MediaFetcher(m_api, m_window.get()));
    if (!m_options.screenshotMode())
        m_window->restoreLayout();
    m_tls = new TlsProblemNotifier(m_window.get(), this);
    m_initialChat = new InitialChat(m_store);
    wireWindow();
    wireSession();
    wireStore();
    watchNetwork();
    // The machine woke up (logind over D-Bus): resync at once (models/platform/systemevents.h).
    auto* systemEvents = new SystemEvents(this);
    systemEvents->watchSleep();
    systemEvents->attach(m_store);
    m_window->show();
    // Sign in: once with the given credentials, else the stored session, else the dialog.
    m_signIn->start(m_options.passwordEnv);
    return true;
}

void AppController::createRealtime()
{
    Centrifuge::ClientOptions clientOptions;
    clientOptions.name = QStringLiteral("whatrack-inbox");
    clientOptions.version = QApplication::applicationVersion();
    clientOptions.sslConfiguration = m_cas.sslConfiguration();
    // Created here, on the GUI thread, where QNetworkInformation lives; the client on its own
    // thread hears it queued.
    m_network = std::make_shared<Centrifuge::NetworkWatcher>();
    clientOptions.networkMonitor = m_network;
    m_realtime = std::make_unique<RealtimeThread>(effectiveWebSocketUrl(m_options), clientOptions);
    m_tokens = std::make_shared<BackendTokenProvider>(m_api);
    m_tokens->setObserver(tokenFetchObserver(m_monitor));
    m_realtime->setTokenProvider(m_tokens);
}

bool AppController::createStore()
{
    InboxStoreOptions storeOptions;
    storeOptions.channels.messages = m_options.messagesChannel;
    storeOptions.channels.tickets = m_options.ticketsChannel;
    storeOptions.localCachePath = localCachePath(m_options);
    // One process per cache file, whatever the profile (desktop integration).
    m_cacheLock = std::make_unique<CacheLock>(storeOptions.localCachePath);
    if (!m_cacheLock->tryLock()) {
        showCritical(tr("Another WhaTrack Inbox is already using this offline cache (%1). Use "
                        "that window, or close it and start again.")
                         .arg(QDir::toNativeSeparators(storeOptions.localCachePath)));
        return false;
    }
    m_store = new InboxStore(m_api, m_realtime->client(), storeOptions);
    // The one realtime -> GUI path: the store's binding owns the subscriptions.
    if (RealtimeBinding* binding = m_store->realtimeBinding())
        m_monitor->attach(binding);
    return true;
}

void AppController::wireWindow()
{
    connect(m_window.get(), &MainWindow::resyncRequested, this,
        [this] { m_store->resyncAll(QStringLiteral("Resync requested by the agent")); });
    connect(m_window.get(), &MainWindow::reconnectRequested, m_realtime.get(),
        &RealtimeThread::reconnectNow);
    connect(m_window.get(), &MainWindow::signInRequested, this,
        [this] { m_signIn->showSignIn(tr("Sign in again to get live updates."), false); });
    connect(m_window.get(), &MainWindow::signOutRequested, m_session, &Session::signOut);
    // Desktop integration: tray, notifications, unread in the title, preferences.
    m_desktop = new DesktopIntegration(m_store, m_window.get(), this);
    connect(m_desktop, &DesktopIntegration::connectionSettingsChanged, this,
        &AppController::applyConnectionSettings);
}

void AppController::wireSession()
{
    // Teardown first: the sign-in flow below shows the dialog after it (same signal).
    connect(m_session, &Session::signedIn, this, &AppController::onSignedIn);
    connect(m_session, &Session::signedOut, this, &AppController::onSignedOut);
    m_signIn = new SignInFlow(
        m_session, m_window.get(), serverName(m_options.backendUrl), m_options.email);
    connect(m_signIn, &SignInFlow::signInNeeded, this,
        [this](const QString& reason) { m_monitor->setSignedOut(true, reason); });
    connect(m_signIn, &SignInFlow::preferencesRequested, this,
        [this](QWidget* parent) { m_desktop->showPreferences(parent); });
    connect(m_signIn, &SignInFlow::canceledWithoutSession, qApp, &QApplication::quit);

    m_organizations = new OrganizationFlow(m_session, m_window.get(), m_options.organizationId);
    connect(m_window.get(), &MainWindow::switchOrganizationRequested, m_organizations,
        &OrganizationFlow::choose);
    connect(
        m_organizations, &OrganizationFlow::activated, this, &AppController::activateOrganization);
    connect(m_organizations, &OrganizationFlow::namesChanged, this,
        &AppController::updateOrganizationName);

    connect(m_session, &Session::secretStoreProblem, this,
        [](const QString&) { qCWarning(lcUi) << "keychain problem shown to the agent"; });
    Ui::KeychainNotice::install(m_window.get(), m_session);
    connect(m_api, &ApiClient::requestFinished, this,
        [this](const QString& route, int status, qint64 latencyMs, const ApiError& error) {
            m_monitor->onRestResult(route, status, latencyMs, error);
            if (error.kind == ApiError::Kind::Tls)
                m_tls->report(serverName(m_options.backendUrl),
                    error.sslErrors.isEmpty() ? QStringList {error.message} : error.sslErrors,
                    m_session->state() == Session::State::SignedIn);
        });
    connect(m_realtime->client(), &Centrifuge::Client::failed, this,
        [this](const Centrifuge::Error& error) {
            if (TlsProblemNotifier::isTlsFailure(error))
                m_tls->report(
                    tr("live updates (%1)").arg(serverName(effectiveWebSocketUrl(m_options))),
                    {error.message}, m_session->state() == Session::State::SignedIn);
        });
}

void AppController::wireDiagnostics()
{
    // "Run diagnostics" in the connection panel: the engine with the settings in use at that
    // moment and this session (the runner checks it through the app's REST client).
    auto* diagnostics = new Ui::ConnectionDiagnostics(m_monitor);
    diagnostics->setApiClient(m_api);
    diagnostics->setConfigSource([this] {
        Diagnostics::DiagnosticsConfig config;
        config.backendUrl = m_options.backendUrl;
        config.wsUrl = effectiveWebSocketUrl(m_options);
        config.organizationId = m_organizations ? m_organizations->activeOrganization() : QString();
        config.caCertificates = m_cas.certificates;
        config.channelTemplates = channelTemplates(m_options);
        return config;
    });
    m_monitor->setDiagnostics(diagnostics);
}

void AppController::wireStore()
{
    connect(m_store, &InboxStore::openChatChanged, this, [this](const QString& chatId) {
        // Reopen the same chat next time, as messengers do. Only ids, nothing personal.
        const QString org = m_organizations->activeOrganization();
        if (!org.isEmpty() && !m_options.screenshotMode())
            AppSettings().setLastChat(lastChatKey(m_options, org), chatId);
    });
    connect(m_store, &InboxStore::freshnessChanged, this, &AppController::updateFreshness);
    connect(
        m_store->queryCache(), &QueryCache::stateChanged, this, &AppController::updateFreshness);
    connect(m_store, &InboxStore::realtimeMayBeStale, this,
        [](const QString& reason) { qCInfo(lcUi) << "realtime may be stale:" << reason; });
    updateFreshness();
}

void AppController::updateFreshness()
{
    const QDateTime chatsAt
        = m_store->queryCache()->info(QueryKey::chats(m_store->organizationId())).updatedAt;
    m_monitor->setFreshness(m_store->freshness(), chatsAt);
}

void AppController::watchNetwork()
{
    connect(m_network.get(), &Centrifuge::NetworkMonitor::reachabilityChanged, this,
        [this](Reachability reachability) {
            const bool wasOffline = m_monitor->snapshot().network == Reachability::Offline;
            m_monitor->setNetworkReachable(reachability);
            if (wasOffline && reachability == Reachability::Online
                && !m_organizations->activeOrganization().isEmpty())
                m_store->handleNetworkBack();
        });
    m_network->start(); // reports the starting point at once when a backend loads
}

void AppController::onSignedIn(const User& user)
{
    qCInfo(lcUi) << "signed in";
    m_monitor->setSignedOut(false);
    m_window->setCurrentUser(user);
    m_organizations->onSignedIn();
}

void AppController::onSignedOut()
{
    qCInfo(lcUi) << "signed out";
    // Stop everything that would call the backend with a dead cookie; no retries.
    m_realtime->disconnectFromServer();
    m_tokens->invalidate();
    m_store->setOrganization(QString());
    m_organizations->reset();
    m_window->setOrganizationName(QString());
    m_window->setCurrentUser(User {});
}

void AppController::activateOrganization(const QString& id, bool switching)
{
    m_options.organizationId = id;
    m_options.email = m_signIn->email();
    if (switching) {
        // The connection token carries the organization: drop it and reconnect.
        m_realtime->disconnectFromServer();
        m_tokens->invalidate();
    }
    m_store->setOrganization(id); // the binding tells the monitor its channels
    m_monitor->start();
    m_realtime->connectToServer();
    updateOrganizationName();
    updateFreshness();
    m_initialChat->open(m_options.openChat.isEmpty()
            ? AppSettings().lastChat(lastChatKey(m_options, id))
            : m_options.openChat);
    if (!m_options.screenshotMode())
        saveGuiOptions(m_options);
}

void AppController::updateOrganizationName()
{
    const QString name = m_organizations->activeName();
    if (!name.isEmpty())
        m_window->setOrganizationName(name);
}

// --- Desktop integration --------------------------------------------------------------------

void AppController::raiseWindow()
{
    if (m_desktop)
        m_desktop->raiseWindow();
}

bool AppController::askForServer()
{
    // First start without --backend-url: the Preferences ask for the server instead of a flag.
    Ui::PreferencesDialog dialog(AppSettings().preferences());
    dialog.setWindowTitle(tr("Connect to your WhaTrack server"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    AppSettings().setPreferences(dialog.preferences());
    const Preferences prefs = dialog.preferences();
    m_options.backendUrl = prefs.backendUrl;
    m_options.webSocketUrl = prefs.webSocketUrl;
    m_options.caCertFile = prefs.caCertFile;
    m_options.messagesChannel = prefs.messagesChannel;
    m_options.ticketsChannel = prefs.ticketsChannel;
    return true;
}

void AppController::applyConnectionSettings(const Preferences& prefs)
{
    // New server, CA or channels: everything built from them is rebuilt (main() replaces this
    // controller). The session of that server is restored from the keychain (stored per server)
    // or the sign-in dialog opens; command-line credentials are not sent to a new server.
    if (withoutCredentials(prefs.backendUrl) != m_options.backendUrl) {
        m_options.organizationId.clear();
        m_options.passwordEnv.clear();
    }
    m_options.backendUrl = withoutCredentials(prefs.backendUrl);
    m_options.webSocketUrl = withoutCredentials(prefs.webSocketUrl);
    m_options.caCertFile = prefs.caCertFile;
    m_options.messagesChannel = prefs.messagesChannel;
    m_options.ticketsChannel = prefs.ticketsChannel;
    m_options.openChat.clear();
    if (m_signIn)
        m_options.email = m_signIn->email();
    Q_EMIT restartRequested();
}

} // namespace WhaTrack::Gui
