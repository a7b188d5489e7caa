#include "models/api/apiconfig.h"

namespace WhaTrack {

RouteNames RouteNames::dealEra()
{
    RouteNames r;
    r.tickets = QStringLiteral("deals");
    r.conversationTicket = QStringLiteral("deal");
    r.ticketStages = QStringLiteral("deal-stages");
    return r;
}

QSslConfiguration ApiConfig::effectiveSslConfiguration() const
{
    QSslConfiguration ssl = sslConfiguration.value_or(QSslConfiguration::defaultConfiguration());
    if (!caCertificates.isEmpty()) {
        auto cas = ssl.caCertificates();
        cas += caCertificates;
        ssl.setCaCertificates(cas);
    }
    return ssl;
}

QString urlCredentialsProblem(const QUrl& url, const QString& what)
{
    // QUrl splits "user:pass@" off in any mode; an '@' it could not parse leaves the URL invalid
    // (refused by the callers' validity check, whose message must not show the text either).
    if (url.userInfo(QUrl::FullyEncoded).isEmpty() && url.userName().isEmpty()
        && url.password().isEmpty())
        return {};
    return QStringLiteral("%1 must not contain a user name or password; sign in with the sign-in "
                          "dialog.")
        .arg(what);
}

QUrl withoutCredentials(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo);
}

} // namespace WhaTrack
