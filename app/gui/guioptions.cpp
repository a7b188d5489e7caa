#include "app/gui/guioptions.h"

#include "models/api/apiconfig.h"
#include "models/platform/appsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace WhaTrack::Gui {

bool wantsHelpOrVersion(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break; // the rest are positional
        for (const char* help : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (arg == help)
                return true;
        }
    }
    return false;
}

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
        QCoreApplication::translate("main",
            "What to capture: window (default), details, or diagnostics "
            "(the details after a diagnostics run)."),
        QStringLiteral("WHAT"));
    const QCommandLineOption cache(QStringLiteral("local-cache"),
        QCoreApplication::translate("main", "SQLite file of the offline cache."),
        QStringLiteral("FILE"));
    const QCommandLineOption openChat(QStringLiteral("open-chat"),
        QCoreApplication::translate("main", "Chat to open at start: an id, or 'first'."),
        QStringLiteral("ID"));
    // Read early by main (ui/translations.h) so that --help is translated; declared here so
    // that it is listed and accepted.
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("main",
            "Language of the window: en or pt_BR (default: Preferences, then the system's)."),
        QStringLiteral("LANG"));
    parser.addOptions({backend, ws, ca, email, passwordEnv, org, messages, tickets, shot, shotAfter,
        shotTarget, cache, openChat, lang});
    parser.process(app);

    // Values not on the command line come from the typed settings (which drop credentials a
    // URL saved by an older version had, on disk too).
    const AppSettings settings;
    const Preferences saved = settings.preferences();
    // Credentials in a URL are refused on the command line.
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
    o->backendUrl = parser.isSet(backend) ? QUrl(parser.value(backend)) : saved.backendUrl;
    o->webSocketUrl = parser.isSet(ws) ? QUrl(parser.value(ws)) : saved.webSocketUrl;
    o->caCertFile = parser.isSet(ca) ? parser.value(ca) : saved.caCertFile;
    o->email = parser.isSet(email) ? parser.value(email) : settings.email();
    o->organizationId = parser.isSet(org) ? parser.value(org) : settings.organizationId();
    o->passwordEnv = parser.value(passwordEnv);
    o->messagesChannel = saved.messagesChannel;
    o->ticketsChannel = saved.ticketsChannel;
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
    // Also switcher and preferences (scripts/screenshots; not in --help, kept as translated).
    if (o->screenshotTarget != QLatin1String("window")
        && o->screenshotTarget != QLatin1String("switcher")
        && o->screenshotTarget != QLatin1String("preferences")
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
    AppSettings settings;
    Preferences prefs = settings.preferences(); // keeps the notification and other choices
    prefs.backendUrl = o.backendUrl;
    prefs.webSocketUrl = o.webSocketUrl;
    prefs.caCertFile = o.caCertFile;
    prefs.messagesChannel = o.messagesChannel;
    prefs.ticketsChannel = o.ticketsChannel;
    settings.setPreferences(prefs);
    settings.setEmail(o.email);
    settings.setOrganizationId(o.organizationId);
}

} // namespace WhaTrack::Gui
