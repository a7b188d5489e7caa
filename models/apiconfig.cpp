#include "models/apiconfig.h"

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

} // namespace WhaTrack
