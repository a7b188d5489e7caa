#include "models/platform/appsettings.h"

#include "models/api/apiconfig.h"
#include "models/cache/privatefiles.h"
#include "models/logging.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace WhaTrack {

namespace {
// The only QSettings keys of the app. Secrets never go here.
const QString kBackend = QStringLiteral("connection/backendUrl");
const QString kWebSocket = QStringLiteral("connection/webSocketUrl");
const QString kCaCert = QStringLiteral("connection/caCertFile");
const QString kMessages = QStringLiteral("realtime/messagesChannel");
const QString kTickets = QStringLiteral("realtime/ticketsChannel");
const QString kEmail = QStringLiteral("account/email");
const QString kOrganization = QStringLiteral("account/organization");
const QString kLanguage = QStringLiteral("ui/language");
const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kSound = QStringLiteral("notifications/sound");
const QString kDoNotDisturb = QStringLiteral("notifications/doNotDisturb");
const QString kStartAtLogin = QStringLiteral("system/startAtLogin");
const QString kCloseToTray = QStringLiteral("window/closeToTray");
const QString kTrayHintShown = QStringLiteral("window/trayHintShown");
const QString kLastChat = QStringLiteral("inbox/lastChat/");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kSplitter = QStringLiteral("window/splitter");

// The context is the one lupdate gives a free tr() in namespace WhaTrack (docs/translations.md).
QString tr(const char* text)
{
    return QCoreApplication::translate("WhaTrack", text);
}

//! Created 0600 (in a 0700 folder) before Qt first writes it.
void protectSettingsFile()
{
    const QString file = AppSettings::fileName();
    if (file.isEmpty())
        return;
    PrivateFiles::ensureDirectory(QFileInfo(file).absolutePath(), true);
    PrivateFiles::ensureFile(file);
}

//! A URL saved with credentials (by a version that accepted them) loses them, on disk too.
QUrl scrubbedUrl(QSettings& settings, const QString& key)
{
    const QUrl saved(settings.value(key).toString());
    if (urlCredentialsProblem(saved, {}).isEmpty())
        return saved;
    const QUrl clean = withoutCredentials(saved);
    settings.setValue(key, clean.toString());
    settings.sync();
    qCWarning(lcModels) << "removed a user name/password from the saved setting" << key
                        << "(sign in through the sign-in dialog instead)";
    return clean;
}

QString urlProblem(const QUrl& url, const QStringList& schemes, const QString& what)
{
    const QString credentials = urlCredentialsProblem(url, what);
    if (!credentials.isEmpty())
        return credentials;
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme()))
        // Never repeat the text: an '@' QUrl could not parse may be part of a password.
        return tr("%1 is not a valid address. Use the form %2://host[:port][/path].")
            .arg(what, schemes.join(QLatin1Char('/')));
    return {};
}
} // namespace

bool Preferences::connectionDiffers(const Preferences& o) const
{
    return backendUrl != o.backendUrl || webSocketUrl != o.webSocketUrl
        || messagesChannel != o.messagesChannel || ticketsChannel != o.ticketsChannel
        || caCertFile != o.caCertFile;
}

QString validatePreferences(const Preferences& p)
{
    if (p.backendUrl.isEmpty())
        return tr("Enter the WhaTrack server address, e.g. https://app.whatrack.com.");
    QString problem = urlProblem(
        p.backendUrl, {QStringLiteral("https"), QStringLiteral("http")}, tr("The server address"));
    if (problem.isEmpty() && !p.webSocketUrl.isEmpty())
        problem = urlProblem(p.webSocketUrl, {QStringLiteral("wss"), QStringLiteral("ws")},
            tr("The live updates (WebSocket) address"));
    if (!problem.isEmpty())
        return problem;
    if (!p.messagesChannel.contains(QLatin1String("{org}")))
        return tr("The messages channel template needs {org} (the organization id), e.g. "
                  "org:{org}:messages.");
    if (p.ticketsChannel.isEmpty() || p.ticketsChannel.contains(QLatin1Char(' ')))
        return tr("The tickets channel template is empty or has a space. Use e.g. "
                  "org:{org}:tickets, or - to not subscribe.");
    if (!p.caCertFile.isEmpty() && !QFileInfo(p.caCertFile).isReadable())
        return tr("The CA certificate file cannot be read. Choose a PEM file or clear the field.");
    return {};
}

AppSettings::AppSettings()
{
    protectSettingsFile();
}

QString AppSettings::fileName()
{
    const QString file = QSettings().fileName();
    return QFileInfo(file).isAbsolute() ? file : QString();
}

Preferences AppSettings::preferences() const
{
    QSettings s;
    Preferences p;
    p.backendUrl = scrubbedUrl(s, kBackend);
    p.webSocketUrl = scrubbedUrl(s, kWebSocket);
    p.caCertFile = s.value(kCaCert).toString();
    p.messagesChannel = s.value(kMessages, p.messagesChannel).toString();
    p.ticketsChannel = s.value(kTickets, p.ticketsChannel).toString();
    p.language = s.value(kLanguage).toString();
    p.notifications = s.value(kNotifications, p.notifications).toBool();
    p.sound = s.value(kSound, p.sound).toBool();
    p.doNotDisturb = s.value(kDoNotDisturb, p.doNotDisturb).toBool();
    p.startAtLogin = s.value(kStartAtLogin, p.startAtLogin).toBool();
    p.closeToTray = s.value(kCloseToTray, p.closeToTray).toBool();
    return p;
}

void AppSettings::setPreferences(const Preferences& p)
{
    QSettings s;
    s.setValue(kBackend, withoutCredentials(p.backendUrl).toString());
    s.setValue(kWebSocket, withoutCredentials(p.webSocketUrl).toString());
    s.setValue(kCaCert, p.caCertFile);
    s.setValue(kMessages, p.messagesChannel);
    s.setValue(kTickets, p.ticketsChannel);
    s.setValue(kLanguage, p.language);
    s.setValue(kNotifications, p.notifications);
    s.setValue(kSound, p.sound);
    s.setValue(kDoNotDisturb, p.doNotDisturb);
    s.setValue(kStartAtLogin, p.startAtLogin);
    s.setValue(kCloseToTray, p.closeToTray);
}

QString AppSettings::email() const
{
    return QSettings().value(kEmail).toString();
}

void AppSettings::setEmail(const QString& email)
{
    QSettings().setValue(kEmail, email);
}

QString AppSettings::organizationId() const
{
    return QSettings().value(kOrganization).toString();
}

void AppSettings::setOrganizationId(const QString& id)
{
    QSettings().setValue(kOrganization, id);
}

QString AppSettings::lastChat(const QString& scope) const
{
    return QSettings().value(kLastChat + scope).toString();
}

void AppSettings::setLastChat(const QString& scope, const QString& chatId)
{
    QSettings().setValue(kLastChat + scope, chatId);
}

QByteArray AppSettings::windowGeometry() const
{
    return QSettings().value(kGeometry).toByteArray();
}

QByteArray AppSettings::splitterState() const
{
    return QSettings().value(kSplitter).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& splitter)
{
    QSettings s;
    s.setValue(kGeometry, geometry);
    s.setValue(kSplitter, splitter);
}

void AppSettings::setDoNotDisturb(bool on)
{
    QSettings().setValue(kDoNotDisturb, on);
}

bool AppSettings::trayHintShown() const
{
    return QSettings().value(kTrayHintShown, false).toBool();
}

void AppSettings::setTrayHintShown(bool shown)
{
    QSettings().setValue(kTrayHintShown, shown);
}

void AppSettings::sync()
{
    QSettings().sync();
}

} // namespace WhaTrack
