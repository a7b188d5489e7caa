#include "models/diagnostics/causes.h"

#include "models/diagnostics/causes_p.h"

#include <QMetaEnum>

namespace WhaTrack::Diagnostics {

using detail::row;
using detail::tr;

namespace detail {

bool isRealtimeSide(Where where)
{
    switch (where) {
    case Where::Centrifugo:
    case Where::WebSocket:
    case Where::Connect:
    case Where::Subscribe:
    case Where::Isolation:
    case Where::Publications:
        return true;
    default:
        return false;
    }
}

QString addressWords(Where where)
{
    return isRealtimeSide(where) ? tr("the WebSocket URL (--ws-url)")
                                 : tr("the backend URL (--backend-url)");
}

} // namespace detail

namespace {

using detail::addressWords;
using detail::isRealtimeSide;

QString lowerName(const char* name)
{
    // "TlsWrongHost" -> "tls-wrong-host"
    QString out;
    const QString text = QString::fromLatin1(name);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isUpper() && i > 0)
            out += QLatin1Char('-');
        out += c.toLower();
    }
    return out;
}

//! The connection-level rows: who failed is named, the address option is hinted.
Cause networkCause(const Failure& f)
{
    const QString server = serverWords(f.where);
    const QString address = addressWords(f.where);
    const QString host = f.subject.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.subject);
    switch (f.kind) {
    case Kind::DnsFailure:
        return row(QStringLiteral("dns-failure"), tr("Server name not found"),
            tr("The name of %1%2 could not be found: the address is mistyped, or this computer "
               "cannot reach its name server (offline, VPN not connected).")
                .arg(server, host),
            tr("Check %1 for typos; check that this computer is online and, on a company "
               "network, that the VPN is connected.")
                .arg(address));
    case Kind::Refused:
        return row(QStringLiteral("refused"), tr("Connection refused"),
            tr("Nothing answers on that port of %1%2: the server is stopped, or the port in the "
               "address is wrong.")
                .arg(server, host),
            tr("Check the port in %1; ask IT whether the server is running.").arg(address));
    case Kind::Timeout:
        return row(QStringLiteral("timeout"), tr("No answer in time"),
            tr("%1%2 did not answer in time: a firewall silently dropping the traffic, a very "
               "slow network, or an overloaded server.")
                .arg(server, host),
            tr("Try again; if it persists, ask IT whether a firewall or VPN blocks this host and "
               "port."));
    case Kind::Unreachable:
        return row(QStringLiteral("unreachable"), tr("Network unreachable"),
            tr("This computer has no route to %1%2: the network is down or not connected.")
                .arg(server, host),
            tr("Check the network connection (Wi-Fi, cable, VPN), then try again."));
    case Kind::ConnectionClosed:
        return row(QStringLiteral("connection-closed"), tr("Connection closed early"),
            tr("%1%2 closed the connection before answering: often a TLS/plain mismatch "
               "(https:// or wss:// to a plain port, http:// or ws:// to a TLS port) or a proxy "
               "in between cutting it.")
                .arg(server, host),
            tr("Check that the scheme in %1 matches the port; ask IT about proxies in between.")
                .arg(address));
    case Kind::Proxy:
        return row(QStringLiteral("proxy"), tr("Proxy problem"),
            tr("The proxy configured on this computer refused or could not reach %1%2.")
                .arg(server, host),
            tr("Check the proxy settings (system proxy, HTTPS_PROXY) or ask IT to allow this "
               "host."));
    default:
        return {};
    }
}

Cause tlsCause(const Failure& f)
{
    const QString server = serverWords(f.where);
    switch (f.kind) {
    case Kind::TlsUntrusted:
        return row(QStringLiteral("tls-untrusted"), tr("Certificate not trusted"),
            tr("The certificate of %1 is signed by an authority this computer does not trust "
               "(self-signed, or a private company CA).")
                .arg(server),
            tr("Install the company CA in the system's trust store, or give it to the app "
               "(CLI: --ca-cert FILE). Never turn certificate checks off."));
    case Kind::TlsExpired:
        return row(QStringLiteral("tls-expired"), tr("Certificate expired"),
            tr("The certificate of %1 has expired (or this computer's clock is far ahead).")
                .arg(server),
            tr("Check this computer's date and time; otherwise IT must renew the server's "
               "certificate."));
    case Kind::TlsNotYetValid:
        return row(QStringLiteral("tls-not-yet-valid"), tr("Certificate not valid yet"),
            tr("The certificate of %1 is not valid yet: this computer's clock is probably "
               "behind.")
                .arg(server),
            tr("Turn on automatic date and time on this computer."));
    case Kind::TlsWrongHost:
        // Deliberately no CA hint: trusting another CA cannot fix a name mismatch.
        return row(QStringLiteral("tls-wrong-host"), tr("Certificate is for another host"),
            tr("The certificate of %1 was issued for another host name than the one in the "
               "address: a mistyped host, an IP address instead of the name, or a proxy "
               "answering for another site.")
                .arg(server),
            tr("Use the exact host name the certificate names (see its subject) in %1.")
                .arg(addressWords(f.where)));
    case Kind::TlsOther:
        return row(QStringLiteral("tls-other"), tr("Secure connection failed"),
            tr("The TLS handshake with %1 failed: the port may not speak TLS, or the server's "
               "TLS settings are incompatible with this computer.")
                .arg(server),
            tr("Check that the scheme in %1 matches the port (https/wss only for TLS ports); "
               "otherwise ask IT to check the server's TLS setup.")
                .arg(addressWords(f.where)));
    default:
        return {};
    }
}

Cause otherCause(const Failure& f)
{
    const QString server = serverWords(f.where);
    switch (f.kind) {
    case Kind::PublicationsStopped:
        return row(QStringLiteral("publications-stopped"), tr("Publications stopped arriving"),
            tr("The connection is up but nothing has arrived for a while: the backend may publish "
               "to other channel names than the ones subscribed to (org: vs org.), or the "
               "backend cannot reach Centrifugo's API, or Redis between Centrifugo nodes is "
               "broken."),
            tr("Reload the inbox (the app refetches by itself); IT: check the channel templates "
               "and the Centrifugo and backend logs for publish and redis errors."));
    case Kind::NoPublication:
        return row(QStringLiteral("no-publication"), tr("No publication arrived"),
            tr("Nothing arrived on the subscribed channels in the time waited: either "
               "nothing happened in this organization, or the backend publishes to other "
               "channel names or cannot reach Centrifugo."),
            tr("Send a test message to the organization's WhatsApp number while waiting; IT: "
               "check the backend's publish errors and the channel templates."));
    case Kind::DecodeError:
        return row(QStringLiteral("decode-error"), tr("Unreadable answer"),
            tr("%1 sent an answer this app cannot read: a proxy or login page instead of the "
               "service, or a server version this app does not know.")
                .arg(server),
            tr("Check that %1 points at the service itself; send the diagnostics report to IT.")
                .arg(addressWords(f.where)));
    case Kind::SessionExpired:
        return row(QStringLiteral("session-expired"), tr("Session expired"),
            tr("The saved sign-in is no longer valid (signed out elsewhere, or older than its "
               "lifetime)."),
            tr("Sign in again with email and password."));
    case Kind::NotMember:
        return row(QStringLiteral("not-member"), tr("Not a member of this organization"),
            tr("This user does not belong to the organization asked for (%1).").arg(f.subject),
            tr("Pick one of the user's organizations (CLI: --org), or ask an administrator to "
               "add the user."));
    case Kind::ClockSkew:
        return row(QStringLiteral("clock-skew"), tr("Clock is off"),
            tr("This computer's clock differs from the server's by %1: tokens can look expired "
               "or not valid yet.")
                .arg(f.detail),
            tr("Turn on automatic date and time (network time) on this computer."));
    case Kind::IsolationBreach:
        return row(QStringLiteral("isolation-breach"), tr("Channels are not protected"),
            tr("Centrifugo let this user subscribe to another organization's channel (%1): any "
               "signed-in user of any organization can read this organization's messages. "
               "This is the `whatrack` Centrifugo profile, as WhaTrack deploys it.")
                .arg(f.subject),
            tr("IT: require subscription tokens (Centrifugo client.subscription_token.enabled, "
               "the devstack `secure` profile) and issue them from the backend's "
               "subscription-token route, which checks membership."));
    case Kind::Canceled:
        return row(QStringLiteral("canceled"), tr("Stopped"),
            tr("The check was interrupted before it finished."), tr("Run the diagnostics again."));
    default:
        return row(QStringLiteral("other"), tr("Unexpected problem"),
            tr("%1 failed in a way this app does not recognise (%2).")
                .arg(server, f.detail.isEmpty() ? tr("no details") : f.detail),
            tr("Try again; if it persists, send the diagnostics report to IT."));
    }
}

} // namespace

Failure Failure::make(Where where, Kind kind, int code, QString detail)
{
    Failure f;
    f.where = where;
    f.kind = kind;
    f.code = code;
    f.detail = std::move(detail);
    return f;
}

QString Cause::oneLine() const
{
    if (isEmpty())
        return {};
    return title + QStringLiteral(": ") + cause + QLatin1Char(' ') + tr("What to do: ") + action;
}

Cause explain(const Failure& f)
{
    switch (f.kind) {
    case Kind::None:
        return {};
    case Kind::DnsFailure:
    case Kind::Refused:
    case Kind::Timeout:
    case Kind::Unreachable:
    case Kind::ConnectionClosed:
    case Kind::Proxy:
        return networkCause(f);
    case Kind::TlsUntrusted:
    case Kind::TlsExpired:
    case Kind::TlsNotYetValid:
    case Kind::TlsWrongHost:
    case Kind::TlsOther:
        return tlsCause(f);
    case Kind::HttpStatus:
        return detail::httpCause(f);
    case Kind::CentrifugoError:
        return detail::centrifugoErrorCause(f);
    case Kind::Disconnect:
        return detail::disconnectCause(f);
    case Kind::Unsubscribed:
        return detail::unsubscribedCause(f);
    default:
        return otherCause(f);
    }
}

QString whereName(Where where)
{
    return lowerName(QMetaEnum::fromType<Where>().valueToKey(int(where)));
}

QString kindName(Kind kind)
{
    return lowerName(QMetaEnum::fromType<Kind>().valueToKey(int(kind)));
}

QString serverWords(Where where)
{
    switch (where) {
    case Where::TokenRoute:
        return tr("the WhaTrack server's realtime token route");
    case Where::SubscriptionTokenRoute:
        return tr("the WhaTrack server's subscription-token route");
    case Where::Unknown:
        return tr("the server");
    default:
        return isRealtimeSide(where) ? tr("the realtime server (Centrifugo)")
                                     : tr("the WhaTrack server");
    }
}

} // namespace WhaTrack::Diagnostics
