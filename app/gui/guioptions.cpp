#include "app/gui/guioptions.h"

#include "models/apiconfig.h"
#include "models/privatefiles.h"
#include "ui/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace WhaTrack::Gui {

namespace {
// QSettings keys. Secrets (password, cookies, tokens) never go here: the session cookie lives
// in the OS keychain (models/secretstore.h).
const QString kBackend = QStringLiteral("connection/backendUrl");
const QString kWebSocket = QStringLiteral("connection/webSocketUrl");
const QString kCaCert = QStringLiteral("connection/caCertFile");
const QString kMessages = QStringLiteral("realtime/messagesChannel");
const QString kTickets = QStringLiteral("realtime/ticketsChannel");
const QString kEmail = QStringLiteral("account/email");
const QString kOrganization = QStringLiteral("account/organization");

//! The settings file names the backend, the agent's email and organization: the agent's alone.
//! Created 0600 (in a 0700 folder) before Qt first writes it; QSettings replaces it through
//! QSaveFile, which keeps the mode of the file it replaces.
void protectSettingsFile()
{
    const QString file = QSettings().fileName();
    if (!QFileInfo(file).isAbsolute())
        return; // not a file (the Windows registry)
    PrivateFiles::ensureDirectory(QFileInfo(file).absolutePath(), true);
    PrivateFiles::ensureFile(file);
}

//! A URL saved with credentials (by a version that accepted them) loses them, on disk too.
QUrl scrubSavedUrl(QSettings& settings, const QString& key)
{
    const QUrl saved(settings.value(key).toString());
    if (urlCredentialsProblem(saved, {}).isEmpty())
        return saved;
    const QUrl clean = withoutCredentials(saved);
    settings.setValue(key, clean.toString());
    settings.sync();
    qCWarning(lcUi) << "removed a user name/password from the saved setting" << key
                    << "(sign in through the sign-in dialog instead)";
    return clean;
}
} // namespace

bool parseGuiOptions(const QCoreApplication& app, GuiOptions* o, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "WhaTrack Inbox: the desktop inbox for WhaTrack agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption backend(QStringLiteral("backend-url"),
        QCoreApplication::translate("main", "WhaTrack backend base URL."), QStringLiteral("URL"));
    const QCommandLineOption ws(QStringLiteral("ws-url"),
        QCoreApplication::translate("main", "Centrifugo WebSocket URL."), QStringLiteral("URL"));
    const QCommandLineOption ca(QStringLiteral("ca-cert"),
        QCoreApplication::translate("main", "Extra trusted CA certificate (PEM) for REST and WSS."),
        QStringLiteral("FILE"));
    const QCommandLineOption email(QStringLiteral("email"),
        QCoreApplication::translate("main", "Sign in with this email."), QStringLiteral("E"));
    const QCommandLineOption passwordEnv(QStringLiteral("password-env"),
        QCoreApplication::translate("main", "Read the password from this environment variable."),
        QStringLiteral("VAR"));
    const QCommandLineOption org(QStringLiteral("organization"),
        QCoreApplication::translate("main", "Open this organization's inbox."),
        QStringLiteral("ID"));
    const QCommandLineOption messages(QStringLiteral("messages-channel"),
        QCoreApplication::translate("main", "Messages channel template, {org} = organization id."),
        QStringLiteral("TEMPLATE"));
    const QCommandLineOption tickets(QStringLiteral("tickets-channel"),
        QCoreApplication::translate("main", "Tickets channel template ('' to not subscribe)."),
        QStringLiteral("TEMPLATE"));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a PNG of the window and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption shotAfter(QStringLiteral("screenshot-after-ms"),
        QCoreApplication::translate("main", "Delay before the screenshot (default 3000)."),
        QStringLiteral("N"));
    const QCommandLineOption shotTarget(QStringLiteral("screenshot-target"),
        QCoreApplication::translate("main", "What to capture: window (default), details, or diagnostics "
                                    "(the details after a diagnostics run)."),
        QStringLiteral("WHAT"));
    const QCommandLineOption cache(QStringLiteral("local-cache"),
        QCoreApplication::translate("main", "SQLite file of the offline cache."),
        QStringLiteral("FILE"));
    const QCommandLineOption openChat(QStringLiteral("open-chat"),
        QCoreApplication::translate("main", "Chat to open at start: an id, or 'first'."),
        QStringLiteral("ID"));
    parser.addOptions({backend, ws, ca, email, passwordEnv, org, messages, tickets, shot, shotAfter,
        shotTarget, cache, openChat});
    parser.process(app);

    protectSettingsFile();
    QSettings settings;
    const auto pick = [&](const QCommandLineOption& option, const QString& key) {
        return parser.isSet(option) ? parser.value(option) : settings.value(key).toString();
    };
    // Credentials in a URL are refused on the command line, and dropped from the settings.
    const std::pair<const QCommandLineOption*, QString> urls[]
        = {{&backend, QCoreApplication::translate("main", "The backend URL (--backend-url)")},
            {&ws, QCoreApplication::translate("main", "The WebSocket URL (--ws-url)")}};
    for (const auto& [option, what] : urls) {
        if (!parser.isSet(*option))
            continue;
        const QString problem = urlCredentialsProblem(QUrl(parser.value(*option)), what);
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }
    o->backendUrl
        = parser.isSet(backend) ? QUrl(parser.value(backend)) : scrubSavedUrl(settings, kBackend);
    o->webSocketUrl
        = parser.isSet(ws) ? QUrl(parser.value(ws)) : scrubSavedUrl(settings, kWebSocket);
    o->caCertFile = pick(ca, kCaCert);
    o->email = pick(email, kEmail);
    o->organizationId = pick(org, kOrganization);
    o->passwordEnv = parser.value(passwordEnv);
    o->messagesChannel = settings.value(kMessages, QStringLiteral("org:{org}:messages")).toString();
    o->ticketsChannel = settings.value(kTickets, QStringLiteral("org:{org}:tickets")).toString();
    if (parser.isSet(messages))
        o->messagesChannel = parser.value(messages);
    if (parser.isSet(tickets))
        o->ticketsChannel = parser.value(tickets);
    o->screenshotFile = parser.value(shot);
    o->localCachePath = parser.value(cache);
    o->openChat = parser.value(openChat);
    if (parser.isSet(shotTarget))
        o->screenshotTarget = parser.value(shotTarget);
    if (parser.isSet(shotAfter)) {
        bool ok = false;
        o->screenshotAfterMs = parser.value(shotAfter).toInt(&ok);
        if (!ok || o->screenshotAfterMs < 0) {
            *error = QCoreApplication::translate(
                "main", "--screenshot-after-ms needs a number of milliseconds.");
            return false;
        }
    }
    if (o->screenshotTarget != QLatin1String("window")
        && o->screenshotTarget != QLatin1String("details")
        && o->screenshotTarget != QLatin1String("diagnostics")) {
        *error = QCoreApplication::translate(
            "main", "--screenshot-target is window, details or diagnostics.");
        return false;
    }
    for (const QUrl* url : {&o->backendUrl, &o->webSocketUrl}) {
        if (!url->isEmpty() && (!url->isValid() || url->host().isEmpty())) {
            // Without any user info: an '@' QUrl could not parse may be part of a password.
            *error = QCoreApplication::translate("main", "Not a valid URL: %1")
                         .arg(url->toDisplayString(QUrl::RemoveUserInfo));
            return false;
        }
    }
    if (!o->messagesChannel.contains(QLatin1String("{org}"))) {
        *error = QCoreApplication::translate("main", "The messages channel template needs {org}.");
        return false;
    }
    return true;
}

void saveGuiOptions(const GuiOptions& o)
{
    protectSettingsFile();
    QSettings settings;
    settings.setValue(kBackend, withoutCredentials(o.backendUrl).toString());
    settings.setValue(kWebSocket, withoutCredentials(o.webSocketUrl).toString());
    settings.setValue(kCaCert, o.caCertFile);
    settings.setValue(kMessages, o.messagesChannel);
    settings.setValue(kTickets, o.ticketsChannel);
    settings.setValue(kEmail, o.email);
    settings.setValue(kOrganization, o.organizationId);
}

} // namespace WhaTrack::Gui
