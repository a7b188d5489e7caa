// The Centrifugo rows: reply errors 100-113, disconnect codes (transport closes and 3000-4999),
// unsubscribe codes 2000-2999 (../shared/docs/centrifugo-protocol.md §2).

#include "models/diagnostics/causes_p.h"

namespace WhaTrack::Diagnostics::detail {

namespace {

const char* const kNamingHint
    = QT_TRANSLATE_NOOP("WhaTrack::Diagnostics::detail", "check the channel naming (org: vs org.)");

QString channelWords(const Failure& f)
{
    return f.subject.isEmpty() ? tr("the channel") : f.subject;
}

} // namespace

Cause centrifugoErrorCause(const Failure& f)
{
    const int code = f.code;
    const QString id = QStringLiteral("centrifugo-%1").arg(code);
    const bool subscribe = f.where == Where::Subscribe || f.where == Where::Isolation;
    switch (code) {
    case 100:
        return row(id, tr("Realtime server internal error"),
            tr("Centrifugo reported an internal error (100), often its Redis engine failing."),
            tr("The app retries by itself; IT: check the Centrifugo logs for redis errors."));
    case 101:
        if (subscribe)
            return row(id, tr("Subscription not authorized"),
                tr("Centrifugo refused to subscribe to %1 (101 unauthorized): the channel needs "
                   "a subscription token this app did not send or the server rejected.")
                    .arg(channelWords(f)),
                tr("IT: check that subscription tokens are enabled on both sides and signed "
                   "with Centrifugo's key."));
        return row(id, tr("Connection token refused"),
            tr("Centrifugo did not accept the connection token (101 unauthorized): the backend "
               "signs tokens with another secret than the one Centrifugo checks."),
            tr("IT: make CENTRIFUGO_TOKEN_HMAC_SECRET_KEY on the backend equal to Centrifugo's "
               "client.token.hmac_secret_key, then restart both."));
    case 102:
        return row(id, tr("Unknown channel namespace"),
            tr("Centrifugo knows no namespace for %1 (102 unknown channel): the channel naming "
               "does not match the server's.")
                .arg(channelWords(f)),
            tr("Use the server's channel naming (org:{org}:messages vs org.{org}.messages)."));
    case 103:
        // The title already says "Permission denied": the cause says what refused and why.
        return row(id, tr("Permission denied"),
            tr("Centrifugo refused to subscribe this user to %1 (103): %2 and that this user "
               "belongs to the organization.")
                .arg(channelWords(f), tr(kNamingHint)),
            tr("Fix the channel templates to the server's naming (org:{org}:messages vs "
               "org.{org}.messages); check the organization (--org)."));
    case 104:
        return row(id, tr("Method not found"),
            tr("Centrifugo has no handler for a call this app made (104)."),
            tr("Send the diagnostics report to IT."));
    case 105:
        return row(id, tr("Already subscribed"),
            tr("Centrifugo says this connection is on %1 twice (105): a client bug.")
                .arg(channelWords(f)),
            tr("Reconnect (or restart the app) and report it."));
    case 106:
        return row(id, tr("Limit exceeded"),
            tr("Centrifugo refused because a limit was reached (106): too many channels or "
               "connections for this user."),
            tr("Close other copies of the app; IT: check Centrifugo's client limits."));
    case 107:
        return row(id, tr("Bad request"),
            tr("Centrifugo refused a request from this app as malformed (107)."),
            tr("Update the app; send the diagnostics report to IT."));
    case 108:
        return row(id, tr("Not available"),
            tr("Centrifugo has this feature (history, presence) off for %1 (108).")
                .arg(channelWords(f)),
            tr("Nothing to do for agents; IT: enable it in the namespace if it is needed."));
    case 109:
        return row(id, tr("Token expired"),
            tr("The realtime token had already expired when it reached Centrifugo (109): "
               "usually this computer's clock is wrong, or the token lifetime is very short."),
            tr("Check this computer's date, time and time zone (turn on network time); the app "
               "fetches a new token by itself."));
    case 110:
        return row(id, tr("Connection expired"),
            tr("Centrifugo ended the connection because its time was up (110)."),
            tr("The app reconnects with a new token by itself."));
    case 111:
        return row(id, tr("Too many requests"),
            tr("Centrifugo limits requests from this connection (111)."),
            tr("The app retries by itself; close other copies of the app if it repeats."));
    case 112:
        return row(id, tr("History lost"),
            tr("Centrifugo could not replay what was missed on %1 (112 unrecoverable position).")
                .arg(channelWords(f)),
            tr("The app reloads the inbox by itself."));
    case 113:
        return row(id, tr("Busy"),
            tr("Centrifugo is still handling another request of this app (113)."),
            tr("The app retries by itself."));
    default:
        return row(id, tr("Realtime server refused"),
            tr("Centrifugo refused with error %1 (%2).").arg(code).arg(f.detail),
            tr("Send the diagnostics report to IT."));
    }
}

Cause disconnectCause(const Failure& f)
{
    const int code = f.code;
    const QString id = QStringLiteral("disconnect-%1").arg(code);
    const QString reason = f.detail.isEmpty() ? tr("no reason given") : f.detail;
    switch (code) {
    case 1009:
        return row(id, tr("Message too big"),
            tr("A message over the size limit arrived, so the connection was closed."),
            tr("The app reconnects by itself; IT: check what publishes such large messages."));
    case 3001:
        return row(id, tr("Realtime server restarting"),
            tr("Centrifugo is shutting down or restarting (3001)."),
            tr("The app reconnects by itself."));
    case 3004:
        return row(id, tr("Realtime server internal error"),
            tr("Centrifugo closed the connection after an internal error (3004)."),
            tr("The app reconnects by itself; IT: check the Centrifugo logs."));
    case 3005:
        return row(id, tr("Connection expired"),
            tr("The connection's token ran out and was not refreshed in time (3005)."),
            tr("The app reconnects with a new token; if it repeats, check the clock and the "
               "token route."));
    case 3008:
        return row(id, tr("Too slow to read"),
            tr("Centrifugo closed the connection because this computer did not read its "
               "messages fast enough (3008)."),
            tr("The app reconnects by itself; close heavy programs or check the network."));
    case 3012:
        return row(id, tr("Connection seen as dead"),
            tr("Centrifugo did not get this app's answer to its ping in time (3012 no pong): "
               "the network dropped packets, or the computer slept or was overloaded."),
            tr("The app reconnects by itself; if it repeats, check unstable Wi-Fi/VPN or a "
               "proxy with a short idle timeout."));
    case 3013:
        return row(id, tr("Too many requests"),
            tr("Centrifugo closed the connection: this app sent requests faster than allowed "
               "(3013)."),
            tr("The app reconnects by itself; close other copies of the app."));
    case 3500:
        return row(id, tr("Token refused"),
            tr("Centrifugo refused the token as invalid (3500): a wrong signing secret, or a "
               "token for another user or channel."),
            tr("IT: make the backend's and Centrifugo's token secrets equal."));
    case 3501:
        return row(id, tr("Protocol error"),
            tr("Centrifugo closed the connection after a request it could not read (3501)."),
            tr("Update the app; send the diagnostics report to IT."));
    case 3502:
        return row(id, tr("Connection went stale"),
            tr("The connection opened but no connect command arrived in time (3502)."),
            tr("Try again; check the network."));
    case 3503:
        return row(id, tr("Disconnected by the server"),
            tr("An administrator or the backend disconnected this user (3503)."),
            tr("Sign in again; ask the administrator why."));
    case 3504:
        return row(id, tr("Too many connections"),
            tr("This user has too many realtime connections open (3504)."),
            tr("Close other copies of the app or browser tabs."));
    case 3505:
        return row(id, tr("Too many channels"),
            tr("This connection asked for more channels than the server allows (3505)."),
            tr("IT: raise Centrifugo's client.channel_limit."));
    case 3507:
        return row(id, tr("Permission denied"),
            tr("Centrifugo ended the connection because this user may not use it (3507)."),
            tr("Sign in again; check that the user belongs to the organization."));
    default:
        break;
    }
    if (code < 3000)
        return row(QStringLiteral("transport-closed"), tr("Connection dropped"),
            tr("The connection to Centrifugo dropped (%1, %2).").arg(code).arg(reason),
            tr("The app reconnects by itself; if it repeats, check the network and proxy."));
    const bool terminal = (code >= 3500 && code < 4000) || (code >= 4500 && code < 5000);
    if (terminal)
        return row(id, tr("Disconnected for good"),
            tr("Centrifugo ended the connection and asked not to reconnect (%1: %2).")
                .arg(code)
                .arg(reason),
            tr("Sign in again; if it repeats, send the diagnostics report to IT."));
    return row(id, tr("Disconnected"),
        tr("Centrifugo closed the connection (%1: %2).").arg(code).arg(reason),
        tr("The app reconnects by itself."));
}

Cause unsubscribedCause(const Failure& f)
{
    const int code = f.code;
    const QString id = QStringLiteral("unsubscribed-%1").arg(code);
    switch (code) {
    case 2000:
        return row(id, tr("Unsubscribed by the server"),
            tr("The server removed this connection from %1 (2000).").arg(channelWords(f)),
            tr("Reload the inbox; ask the administrator if access was revoked."));
    case 2501:
        return row(id, tr("Subscription expired"),
            tr("The subscription token for %1 ran out (2501).").arg(channelWords(f)),
            tr("The app subscribes again with a new token by itself."));
    default:
        return row(id, tr("Unsubscribed"),
            tr("The server ended the subscription to %1 (%2: %3).")
                .arg(channelWords(f))
                .arg(code)
                .arg(f.detail),
            code >= 2500 ? tr("The app subscribes again by itself.")
                         : tr("Reload the inbox; send the diagnostics report to IT."));
    }
}

} // namespace WhaTrack::Diagnostics::detail
