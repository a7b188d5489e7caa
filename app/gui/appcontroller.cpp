#include "app/gui/appcontroller.h"

#include "app/gui/desktopintegration.h"
#include "app/gui/realtimethread.h"
#include "app/gui/singleinstance.h"
#include "models/apiclient.h"
#include "models/backendtokenprovider.h"
#include "models/chatlistmodel.h"
#include "models/inboxstore.h"
#include "models/localcache.h"
#include "models/mediafetcher.h"
#include "models/privatefiles.h"
#include "models/querycache.h"
#include "models/querykey.h"
#include "models/secretstore.h"
#include "models/systemevents.h"
#include "realtime/client.h"
#include "ui/connectiondiagnostics.h"
#include "ui/connectionmonitor.h"
#include "ui/conversationview.h"
#include "ui/keychainnotice.h"
#include "ui/logging.h"
#include "ui/mainwindow.h"
#include "ui/organizationdialog.h"
#include "ui/plaintext.h"
#include "ui/preferencesdialog.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QPointer>
#include <QSslCertificate>
#include <QStandardPaths>

namespace WhaTrack::Gui {

using Ui::ConnectionMonitor;
using Ui::MainWindow;
using Ui::SignInDialog;

namespace {
//! "host" or "host:port" for messages (no scheme, path or credentials).
QString serverName(const QUrl& url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}
} // namespace

QString AppController::lastChatKey(const QString& organizationId) const
{
    // Per backend and organization, like the local cache: another server's id is never opened.
    return LocalCache::scopeKey(m_options.backendUrl, organizationId);
}

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
    m_window.reset();
    delete m_store;
    m_store = nullptr;
    if (m_realtime)
        m_realtime->stop();
    m_realtime.reset();
    m_tokens.reset();
    delete m_session;
    delete m_api;
    qCInfo(lcUi) << "application shut down";
}

bool AppController::loadCaCertificates(QList<QSslCertificate>* certs)
{
    if (m_options.caCertFile.isEmpty())
        return true;
    *certs = QSslCertificate::fromPath(m_options.caCertFile, QSsl::Pem);
    if (certs->isEmpty()) {
        QMessageBox box(QMessageBox::Critical, tr("WhaTrack Inbox"),
            tr("The CA certificate file %1 could not be read or holds no PEM certificate.")
                .arg(QDir::toNativeSeparators(m_options.caCertFile)));
        Ui::makePlainText(&box); // a file name is shown as typed, never as markup
        box.exec();
        return false;
    }
    qCInfo(lcUi) << "trusting" << certs->size() << "extra CA certificate(s)";
    return true;
}

QUrl AppController::effectiveWebSocketUrl() const
{
    if (!m_options.webSocketUrl.isEmpty())
        return m_options.webSocketUrl;
    // One origin for both (as behind a single reverse proxy): /connection/websocket.
    QUrl ws = m_options.backendUrl;
    ws.setScheme(
        ws.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ws.setPath(QStringLiteral("/connection/websocket"));
    return ws;
}

bool AppController::start()
{
    if (m_options.backendUrl.isEmpty() && !askForServer())
        return false;
    QList<QSslCertificate> cas;
    if (!loadCaCertificates(&cas))
        return false;

    ApiConfig config;
    config.baseUrl = withoutCredentials(m_options.backendUrl); // parseGuiOptions refused them
    m_options.backendUrl = config.baseUrl;
    config.caCertificates = cas;
    m_api = new ApiClient(config);
    // Screenshot/test runs must not touch the agent's keychain.
    if (m_options.screenshotMode())
        m_secrets = std::make_shared<MemorySecretStore>();
    else
        m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("WhaTrack Inbox"));
    m_session = new Session(m_api, m_secrets);

    m_monitor = new ConnectionMonitor(Ui::steadyClock(), this);
    const QUrl ws = effectiveWebSocketUrl();
    m_monitor->setEndpoints(m_options.backendUrl, ws);
    wireDiagnostics(cas);

    Centrifuge::ClientOptions clientOptions;
    clientOptions.name = QStringLiteral("whatrack-inbox");
    clientOptions.version = QApplication::applicationVersion();
    if (!cas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(cas);
        clientOptions.sslConfiguration = ssl;
    }
    m_realtime = std::make_unique<RealtimeThread>(ws, clientOptions, m_monitor);
    m_tokens = std::make_shared<BackendTokenProvider>(m_api);
    // The Connection details dialog shows how the last connection token fetch went and when the
    // token expires. The observer runs on the realtime or API thread: only the outcome and the
    // expiry are queued to the monitor's thread (the observer never sees the token).
    m_tokens->setObserver(
        [monitor = QPointer<ConnectionMonitor>(m_monitor)](const Centrifuge::TokenRequest& request,
            Centrifuge::TokenReply::Status status, const QString& error, int /*retryAfterMs*/,
            qint64 expiresAt, bool /*fromCache*/) {
            if (request.kind != Centrifuge::TokenRequest::Kind::Connection)
                return;
            const bool ok = status == Centrifuge::TokenReply::Status::Ok;
            const QString description = status == Centrifuge::TokenReply::Status::Unauthorized
                ? QStringLiteral("unauthorized: ") + error
                : error;
            const qint64 expiresIn
                = ok && expiresAt > 0 ? expiresAt - QDateTime::currentSecsSinceEpoch() : -1;
            QMetaObject::invokeMethod(
                monitor,
                [monitor, ok, description, expiresIn] {
                    if (!monitor)
                        return;
                    monitor->onTokenFetch(ok, description);
                    if (expiresIn >= 0)
                        monitor->onTokenRefreshed(expiresIn);
                },
                Qt::QueuedConnection);
        });
    m_realtime->setTokenProvider(m_tokens);

    InboxStoreOptions storeOptions;
    storeOptions.channels.messages = m_options.messagesChannel;
    storeOptions.channels.tickets = m_options.ticketsChannel;
    storeOptions.localCachePath = m_options.localCachePath;
    if (storeOptions.localCachePath.isEmpty()) {
        // The app's own folder: private (0700) even if an older version made it 0755.
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        PrivateFiles::ensureDirectory(dir, true);
        // One file per backend origin (inside, rows are keyed by origin + organization too).
        // The older per-host files mixed two servers on one host: they go.
        LocalCache::removeLegacyFiles(dir);
        storeOptions.localCachePath
            = dir + QLatin1Char('/') + LocalCache::fileNameFor(m_options.backendUrl);
    }
    // One process per cache file, whatever the profile (desktop integration).
    m_cacheLock = std::make_unique<CacheLock>(storeOptions.localCachePath);
    if (!m_cacheLock->tryLock()) {
        QMessageBox box(QMessageBox::Critical, tr("WhaTrack Inbox"),
            tr("Another WhaTrack Inbox is already using this offline cache (%1). Use that "
               "window, or close it and start again.")
                .arg(QDir::toNativeSeparators(storeOptions.localCachePath)));
        Ui::makePlainText(&box);
        box.exec();
        return false;
    }
    m_store = new InboxStore(m_api, m_realtime->client(), storeOptions);

    m_window = std::make_unique<MainWindow>(m_store, m_monitor);
    // Photos and documents of the conversation through the media route (session, same origin).
    m_window->conversationView()->setMediaFetcher(new MediaFetcher(m_api, m_window.get()));
    if (!m_options.screenshotMode())
        m_window->restoreLayout();
    connect(m_window.get(), &MainWindow::resyncRequested, this,
        [this] { m_store->resyncAll(QStringLiteral("Resync requested by the agent")); });
    connect(m_window.get(), &MainWindow::reconnectRequested, m_realtime.get(),
        &RealtimeThread::reconnectNow);
    connect(m_window.get(), &MainWindow::signInRequested, this,
        [this] { showSignIn(tr("Sign in again to get live updates."), false); });
    connect(m_window.get(), &MainWindow::signOutRequested, m_session, &Session::signOut);
    connect(m_window.get(), &MainWindow::switchOrganizationRequested, this,
        &AppController::chooseOrganization);
    // Desktop integration: tray, notifications, unread in the title, preferences.
    m_desktop = new DesktopIntegration(m_store, m_window.get(), this);
    connect(m_desktop, &DesktopIntegration::connectionSettingsChanged, this,
        &AppController::applyConnectionSettings);

    wireSession();
    wireStore();
    watchNetwork();
    // The machine woke up (logind over D-Bus): resync at once (models/systemevents.h).
    auto* systemEvents = new SystemEvents(this);
    systemEvents->watchSleep();
    systemEvents->attach(m_store);
    m_window->show();

    // Sign in: once with the given credentials, else the stored session, else the dialog.
    const QString password = m_options.passwordEnv.isEmpty()
        ? QString()
        : qEnvironmentVariable(qPrintable(m_options.passwordEnv));
    if (!m_options.email.isEmpty() && !password.isEmpty()) {
        m_autoSignInUsed = true;
        m_session->signIn(m_options.email, password);
    } else if (!m_options.passwordEnv.isEmpty()) {
        showSignIn(
            tr("The environment variable %1 holds no password.").arg(m_options.passwordEnv), true);
    } else {
        m_session->restore();
    }
    return true;
}

void AppController::wireSession()
{
    connect(m_session, &Session::signedIn, this, &AppController::onSignedIn);
    connect(m_session, &Session::signedOut, this, &AppController::onSignedOut);
    connect(m_session, &Session::signInFailed, this, &AppController::onSignInFailed);
    connect(
        m_session, &Session::organizationsChanged, this, &AppController::onOrganizationsChanged);
    connect(m_session, &Session::currentOrganizationChanged, this, [this](const QString& id) {
        if (!m_orgChoicePending)
            activateOrganization(id);
    });
    connect(m_session, &Session::secretStoreProblem, this,
        [](const QString&) { qCWarning(lcUi) << "keychain problem shown to the agent"; });
    Ui::KeychainNotice::install(m_window.get(), m_session);
    connect(m_api, &ApiClient::requestFinished, this,
        [this](const QString& route, int status, qint64 latencyMs, const ApiError& error) {
            m_monitor->onRestResult(route, status, latencyMs, error);
            if (error.kind == ApiError::Kind::Tls)
                showTlsProblem(serverName(m_options.backendUrl),
                    error.sslErrors.isEmpty() ? QStringList {error.message} : error.sslErrors);
        });
    connect(m_realtime->client(), &Centrifuge::Client::errorOccurred, this,
        [this](Centrifuge::ErrorType type, int, const QString& message) {
            const bool tls = message.contains(QLatin1String("SSL"), Qt::CaseInsensitive)
                || message.contains(QLatin1String("certificate"), Qt::CaseInsensitive);
            if (type == Centrifuge::ErrorType::Transport && tls)
                showTlsProblem(
                    tr("live updates (%1)").arg(serverName(effectiveWebSocketUrl())), {message});
        });
}

void AppController::wireDiagnostics(const QList<QSslCertificate>& cas)
{
    // "Run diagnostics" in the connection panel: the engine with the settings in use at that
    // moment and this session (the runner checks it through the app's REST client).
    auto* diagnostics = new Ui::ConnectionDiagnostics(m_monitor);
    diagnostics->setApiClient(m_api);
    diagnostics->setConfigSource([this, cas] {
        Diagnostics::DiagnosticsConfig config;
        config.backendUrl = m_options.backendUrl;
        config.wsUrl = effectiveWebSocketUrl();
        config.organizationId = m_activeOrg;
        config.caCertificates = cas;
        QStringList templates;
        templates << (m_options.messagesChannel.isEmpty() ? QStringLiteral("org:{org}:messages")
                                                          : m_options.messagesChannel);
        // "-" disables the tickets channel, as in the store.
        if (m_options.ticketsChannel != QLatin1String("-"))
            templates << (m_options.ticketsChannel.isEmpty() ? QStringLiteral("org:{org}:tickets")
                                                             : m_options.ticketsChannel);
        config.channelTemplates = templates;
        return config;
    });
    m_monitor->setDiagnostics(diagnostics);
}

void AppController::wireStore()
{
    connect(m_store, &InboxStore::openChatChanged, this, [this](const QString& chatId) {
        // Reopen the same chat next time, as messengers do. Only ids, nothing personal.
        if (!m_activeOrg.isEmpty() && !m_options.screenshotMode())
            AppSettings().setLastChat(lastChatKey(m_activeOrg), chatId);
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
        = m_store->queryCache()->info(QueryKeys::chats(m_store->organizationId())).updatedAt;
    m_monitor->setFreshness(m_store->freshness(), chatsAt);
}

void AppController::watchNetwork()
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcUi) << "no network reachability backend; the pill relies on the socket alone";
        return;
    }
    auto* info = QNetworkInformation::instance();
    const auto apply = [this](QNetworkInformation::Reachability r) {
        const int value = r == QNetworkInformation::Reachability::Unknown ? -1
            : r == QNetworkInformation::Reachability::Disconnected        ? 0
                                                                          : 1;
        const bool wasOffline = m_monitor->snapshot().networkReachable == false;
        m_monitor->setNetworkReachable(value);
        if (wasOffline && value == 1 && !m_activeOrg.isEmpty())
            m_store->handleNetworkBack();
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
}

void AppController::showSignIn(const QString& message, bool error)
{
    if (!m_signIn) {
        m_signIn = new SignInDialog(m_window.get());
        m_signIn->setAttribute(Qt::WA_DeleteOnClose);
        m_signIn->setWindowModality(Qt::WindowModal);
        m_signIn->setBackend(serverName(m_options.backendUrl));
        m_signIn->setEmail(m_options.email);
        connect(m_signIn, &SignInDialog::submitted, this,
            [this](const QString& email, const QString& password) {
                m_options.email = email;
                m_signIn->setBusy(true);
                m_session->signIn(email, password);
            });
        connect(m_signIn, &SignInDialog::preferencesRequested, this,
            [this] { m_desktop->showPreferences(m_signIn); });
        connect(m_signIn, &QDialog::rejected, this, [this] {
            // Nothing to show without a session: cancelling sign-in quits.
            if (m_session->state() != Session::State::SignedIn)
                QApplication::quit();
        });
    }
    m_signIn->setMessage(message, error);
    m_signIn->show();
    m_signIn->raise();
    m_signIn->activateWindow();
}

void AppController::onSignedIn(const User& user)
{
    qCInfo(lcUi) << "signed in";
    if (m_signIn) {
        m_signIn->clearPassword();
        m_signIn->accept();
    }
    m_monitor->setSignedOut(false);
    m_window->setCurrentUser(user);
    if (!m_options.organizationId.isEmpty())
        m_session->setCurrentOrganizationId(m_options.organizationId);
    // Signing in again keeps the session's organization, so no change signal comes: open it.
    const QString current = m_session->currentOrganizationId();
    if (m_activeOrg.isEmpty() && !current.isEmpty() && !m_orgChoicePending)
        activateOrganization(current);
}

void AppController::onSignedOut(Session::SignOutReason reason, const QString& message)
{
    qCInfo(lcUi) << "signed out:" << reason;
    // Stop everything that would call the backend with a dead cookie; no retries.
    m_realtime->disconnectFromServer();
    m_tokens->invalidate();
    m_store->setOrganization(QString());
    m_activeOrg.clear();
    m_window->setOrganizationName(QString());
    m_window->setCurrentUser(User {});
    QString text = message;
    bool error = false;
    switch (reason) {
    case Session::SignOutReason::SessionExpired:
        text = tr("Your session has ended. Please sign in again.");
        error = true;
        break;
    case Session::SignOutReason::KeychainProblem:
        error = true;
        break;
    case Session::SignOutReason::UserRequested:
    case Session::SignOutReason::NoStoredSession:
        break;
    }
    m_monitor->setSignedOut(true, text);
    showSignIn(text, error);
}

void AppController::onSignInFailed(const ApiError& error)
{
    QString text;
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::BadRequest:
    case ApiError::Kind::Forbidden:
        text = tr("Wrong email or password.");
        break;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        text = tr("Cannot reach %1. Check your connection and try again.")
                   .arg(serverName(m_options.backendUrl));
        break;
    case ApiError::Kind::Tls:
        text = tr("Secure connection to %1 failed: %2")
                   .arg(serverName(m_options.backendUrl),
                       error.sslErrors.join(QStringLiteral("; ")));
        break;
    case ApiError::Kind::RateLimited:
        text = error.retryAfterMs > 0
            ? tr("Too many attempts. Try again in %1 s.").arg((error.retryAfterMs + 999) / 1000)
            : tr("Too many attempts. Try again in a minute.");
        break;
    default:
        text = tr("Sign in failed: %1").arg(error.message);
        break;
    }
    qCInfo(lcUi) << "sign in failed:" << apiErrorKindName(error.kind);
    m_monitor->setSignedOut(true, text);
    // The credentials from the command line are tried once; after that the agent types them.
    showSignIn(text, true);
    m_signIn->setBusy(false);
    m_signIn->setMessage(text, true);
}

void AppController::onOrganizationsChanged()
{
    updateOrganizationName();
    const auto orgs = m_session->organizations();
    if (orgs.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("No organization"),
            tr("This account is not a member of any WhaTrack organization."), QMessageBox::Ok,
            m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const bool configured = std::any_of(orgs.cbegin(), orgs.cend(),
        [this](const Organization& o) { return o.id == m_options.organizationId; });
    if (orgs.size() > 1 && !configured && m_activeOrg.isEmpty()) {
        // Session picks one by itself right after this signal; hold that until the agent chose.
        m_orgChoicePending = true;
        QMetaObject::invokeMethod(this, &AppController::chooseOrganization, Qt::QueuedConnection);
    }
}

void AppController::chooseOrganization()
{
    const auto orgs = m_session->organizations();
    if (orgs.isEmpty())
        return;
    auto* dialog = new Ui::OrganizationDialog(orgs,
        m_activeOrg.isEmpty() ? m_session->currentOrganizationId() : m_activeOrg, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_orgChoicePending = false;
        QString id = dialog->selectedId();
        if (result != QDialog::Accepted || id.isEmpty())
            id = m_activeOrg.isEmpty() ? m_session->currentOrganizationId() : m_activeOrg;
        m_options.organizationId = id;
        m_session->setCurrentOrganizationId(id);
        activateOrganization(id);
    });
    dialog->open();
}

void AppController::activateOrganization(const QString& id)
{
    if (id.isEmpty() || id == m_activeOrg)
        return;
    qCInfo(lcUi) << "opening the inbox of organization" << id;
    const bool switching = !m_activeOrg.isEmpty();
    m_activeOrg = id;
    m_options.organizationId = id;
    if (switching) {
        // The connection token carries the organization: drop it and reconnect.
        m_realtime->disconnectFromServer();
        m_tokens->invalidate();
    }
    m_store->setOrganization(id);
    m_monitor->setChannels(m_store->channels());
    m_monitor->start();
    m_realtime->watchChannels(m_store->channels());
    m_realtime->connectToServer();
    updateOrganizationName();
    updateFreshness();
    m_initialChat = m_options.openChat;
    if (m_initialChat.isEmpty())
        m_initialChat = AppSettings().lastChat(lastChatKey(id));
    openInitialChat();
    if (!m_options.screenshotMode())
        saveGuiOptions(m_options);
}

void AppController::updateOrganizationName()
{
    for (const auto& org : m_session->organizations()) {
        if (org.id == m_activeOrg)
            m_window->setOrganizationName(org.name);
    }
}

void AppController::openInitialChat()
{
    for (const auto& c : std::as_const(m_initialChatWait))
        QObject::disconnect(c);
    m_initialChatWait.clear();
    if (m_initialChat.isEmpty() || !m_store->openChatId().isEmpty())
        return;
    auto* model = m_store->chatListModel();
    QString id;
    if (m_initialChat == QLatin1String("first")) {
        if (model->rowCount() > 0)
            id = model->index(0, 0).data(ChatListModel::IdRole).toString();
    } else if (m_store->chatListSourceModel()->find(m_initialChat)) {
        id = m_initialChat;
    }
    if (id.isEmpty()) {
        // Not loaded yet: look again when the list changes (the cache or the first fetch).
        m_initialChatWait = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &AppController::openInitialChat,
                Qt::QueuedConnection),
            connect(model, &QAbstractItemModel::modelReset, this, &AppController::openInitialChat,
                Qt::QueuedConnection),
        };
        return;
    }
    m_initialChat.clear();
    m_store->openChat(id);
}

void AppController::showTlsProblem(const QString& where, const QStringList& errors)
{
    const QString key = where + errors.join(QLatin1Char('|'));
    qCWarning(lcUi) << "TLS problem on" << where << errors;
    // While signing in, the sign-in dialog itself shows the TLS error; one message is enough.
    if (m_tlsShown.contains(key) || m_session->state() != Session::State::SignedIn)
        return;
    m_tlsShown.insert(key);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Secure connection failed"),
        tr("The secure connection to %1 failed and was not used:\n\n%2\n\nThe app never ignores "
           "certificate errors. If your company uses its own certificate authority, start the "
           "app with --ca-cert FILE.")
            .arg(where, errors.join(QLatin1Char('\n'))),
        QMessageBox::Ok, m_window.get());
    Ui::makePlainText(box); // the errors name the server's certificate: its text, not markup
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    Q_EMIT restartRequested();
}

} // namespace WhaTrack::Gui
