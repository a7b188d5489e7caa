// The HTTP rows: the same status means different things on the backend, the sign-in, the token
// routes and the WebSocket upgrade.

#include "models/diagnostics/causes_p.h"

namespace WhaTrack::Diagnostics::detail {

namespace {

QString statusClass(int code)
{
    if (code >= 500)
        return QStringLiteral("5xx");
    return QString::number(code);
}

QString retryWords(const Failure& f)
{
    if (f.retryAfterMs >= 0)
        return tr("Wait %1 s, then try again.").arg((f.retryAfterMs + 999) / 1000);
    return tr("Wait a minute, then try again.");
}

Cause upgradeCause(const Failure& f)
{
    const int code = f.code;
    const QString id = QStringLiteral("websocket-http-") + statusClass(code);
    if (code == 502 || code == 503 || code == 504)
        return row(id, tr("Realtime server down"),
            tr("The proxy in front of Centrifugo answered HTTP %1: Centrifugo is not running, "
               "or the proxy cannot reach it.")
                .arg(code),
            tr("Wait a few minutes (the inbox still works, without live updates). IT: check "
               "that the Centrifugo service runs (docker service ls | grep centrifugo), its "
               "logs, and the proxy's route to it."));
    if (code >= 500)
        return row(id, tr("Realtime server error"),
            tr("The WebSocket address answered HTTP %1: the server failed.").arg(code),
            tr("Try again later; IT: check the Centrifugo and proxy logs."));
    switch (code) {
    case 400:
        return row(id, tr("WebSocket refused as a bad request"),
            tr("The server refused the WebSocket upgrade as a bad request: the address is not "
               "a WebSocket endpoint, or a proxy strips the Upgrade headers."),
            tr("Check the path of the WebSocket URL (--ws-url, normally ending in "
               "/connection/websocket); IT: the proxy must forward Upgrade and Connection."));
    case 401:
    case 403:
        return row(id, tr("WebSocket refused"),
            tr("Something in front of Centrifugo (a proxy, a firewall, Centrifugo's origin "
               "check) refused the WebSocket connection with HTTP %1.")
                .arg(code),
            tr("IT: check the proxy and firewall rules for /connection/websocket and "
               "Centrifugo's allowed_origins."));
    case 404:
        return row(id, tr("Wrong WebSocket path"),
            tr("Nothing serves WebSocket connections at this path (HTTP 404): the path of the "
               "WebSocket URL is wrong, or the proxy does not route it to Centrifugo."),
            tr("Check the WebSocket URL (--ws-url): Centrifugo's path is /connection/websocket."));
    case 429:
        return row(id, tr("Too many connection attempts"),
            tr("A proxy in front of Centrifugo limits connection attempts (HTTP 429)."),
            retryWords(f));
    default:
        return row(id, tr("Not a WebSocket endpoint"),
            tr("The WebSocket URL answered HTTP %1 instead of switching to WebSocket: it points "
               "at a web page or another service.")
                .arg(code),
            tr("Check the WebSocket URL (--ws-url), e.g. "
               "wss://centrifugo.example.com/connection/websocket."));
    }
}

Cause tokenRouteCause(const Failure& f)
{
    const int code = f.code;
    const bool subscription = f.where == Where::SubscriptionTokenRoute;
    const QString prefix
        = subscription ? QStringLiteral("subscription-token-http-") : QStringLiteral("token-http-");
    const QString id = prefix + statusClass(code);
    if (code >= 500)
        return row(id, tr("Token route failing"),
            tr("The WhaTrack server could not make a realtime token (HTTP %1): the backend is "
               "failing, CENTRIFUGO_TOKEN_HMAC_SECRET_KEY is not configured on it, or it is "
               "down behind its proxy.")
                .arg(code),
            tr("Try again later; IT: check the backend's .env "
               "(CENTRIFUGO_TOKEN_HMAC_SECRET_KEY) and logs."));
    switch (code) {
    case 401:
        return row(id, tr("Not signed in for realtime"),
            tr("The token route answered 401: the session is missing or expired, or (on the "
               "WhaTrack server) this user has no access to the organization."),
            tr("Sign in again; check that the user belongs to the organization (--org)."));
    case 403:
        if (subscription)
            return row(id, tr("Channel not allowed"),
                tr("The backend refused a subscription token for %1: the channel is not one of "
                   "this organization's channels (check the naming, org: vs org.) or the user "
                   "is not a member.")
                    .arg(f.subject.isEmpty() ? tr("this channel") : f.subject),
                tr("Check the channel templates and the organization (--org)."));
        return row(id, tr("Organization not allowed"),
            tr("The token route answered 403: no organization was given, or this user is not a "
               "member of it."),
            tr("Pick one of the user's organizations (--org)."));
    case 404:
        if (subscription)
            return row(id, tr("No subscription-token route"),
                tr("The backend answered 404 for the subscription-token route: this server does "
                   "not issue "
                   "subscription tokens."),
                tr("Leave subscription tokens off for this server; IT: see the `secure` "
                   "profile in docs/devstack.md to protect channels."));
        return row(id, tr("Token route not found"),
            tr("The backend has no /api/v1/centrifugo/token route (HTTP 404): the backend URL is "
               "wrong, or this backend has no realtime."),
            tr("Check the backend URL (--backend-url, without /api)."));
    case 429:
        return row(id, tr("Too many token requests"),
            tr("The token route is rate limited (a few per minute per user) and was asked too "
               "often, perhaps by another copy of the app signed in as this user."),
            retryWords(f));
    default:
        return row(id, tr("Token route refused"), tr("The token route answered HTTP %1.").arg(code),
            tr("Check the backend URL and the organization; send the diagnostics report to "
               "IT."));
    }
}

Cause backendCause(const Failure& f)
{
    const int code = f.code;
    const QString where = f.where == Where::SignIn ? QStringLiteral("sign-in-http-")
                                                   : QStringLiteral("backend-http-");
    const QString id = where + statusClass(code);
    if (f.where == Where::SignIn) {
        if (code == 401)
            return row(id, tr("Wrong email or password"),
                tr("The WhaTrack server refused the email or password."),
                tr("Check the email and the password (reset it in the web app if needed)."));
        if (code == 403)
            return row(id, tr("Sign-in refused"),
                tr("The WhaTrack server refused the sign-in (HTTP 403): the account is blocked, "
                   "or the server's origin check refused this app."),
                tr("Try the web app; IT: check the account and the server's trusted origins."));
        if (code == 429)
            return row(id, tr("Too many sign-in attempts"),
                tr("The WhaTrack server limits sign-in attempts."), retryWords(f));
    }
    if (code == 502 || code == 503 || code == 504)
        return row(id, tr("WhaTrack server down"),
            tr("The proxy in front of the WhaTrack server answered HTTP %1: the backend is not "
               "running or the proxy cannot reach it.")
                .arg(code),
            tr("Wait a few minutes and try again; IT: check the backend service and its proxy "
               "route."));
    if (code >= 500)
        return row(id, tr("WhaTrack server error"),
            tr("The WhaTrack server answered HTTP %1: it runs but fails.").arg(code),
            tr("Try again later; IT: check the backend's logs."));
    if (code == 404)
        return row(id, tr("Not the WhaTrack API"),
            tr("The backend URL answered 404 for the API: it points at another site, or has a "
               "path too many or too few."),
            tr("Check the backend URL (--backend-url): the base address, without /api."));
    if (code == 429)
        return row(id, tr("Too many requests"), tr("The WhaTrack server limits requests (429)."),
            retryWords(f));
    if (code >= 300 && code < 400)
        return row(id, tr("Redirected elsewhere"),
            tr("The backend URL redirects (HTTP %1) to another address; the app does not follow "
               "redirects to other servers, so the password and cookie never leave.")
                .arg(code),
            tr("Use the final address as the backend URL (--backend-url)."));
    if (code == 401)
        return row(id, tr("Not signed in"), tr("The WhaTrack server says no one is signed in."),
            tr("Sign in again."));
    if (code == 403)
        return row(id, tr("Not allowed"),
            tr("The WhaTrack server refused access (HTTP 403): this user lacks access to the "
               "organization."),
            tr("Pick one of the user's organizations (--org)."));
    return row(id, tr("Unexpected answer"), tr("The WhaTrack server answered HTTP %1.").arg(code),
        tr("Check the backend URL; send the diagnostics report to IT."));
}

} // namespace

Cause httpCause(const Failure& f)
{
    switch (f.where) {
    case Where::WebSocket:
    case Where::Centrifugo:
    case Where::Connect:
        return upgradeCause(f);
    case Where::TokenRoute:
    case Where::SubscriptionTokenRoute:
        return tokenRouteCause(f);
    default:
        return backendCause(f);
    }
}

} // namespace WhaTrack::Diagnostics::detail
