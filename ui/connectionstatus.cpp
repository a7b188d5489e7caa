#include "ui/connectionstatus.h"

#include "models/diagnostics/causeadapters.h"
#include "realtime/codes.h"

namespace WhaTrack::Ui {

using State = Centrifuge::Client::State;
using View = ConnectionStatusView;
namespace Diag = WhaTrack::Diagnostics;

const ChannelStatus* ConnectionSnapshot::channel(const QString& name) const
{
    for (const auto& c : channels) {
        if (c.channel == name)
            return &c;
    }
    return nullptr;
}

ChannelStatus& ConnectionSnapshot::channelRef(const QString& name)
{
    for (auto& c : channels) {
        if (c.channel == name)
            return c;
    }
    ChannelStatus fresh;
    fresh.channel = name;
    channels.append(fresh);
    return channels.last();
}

namespace {

bool isChannelRefusal(int code)
{
    using namespace Centrifuge::ReplyError;
    return code == UnknownChannel || code == PermissionDenied;
}

//! A server unsubscribe that ends the subscription for good: a subscribe error (100-199,
//! 102/103 among them) or the subscription token refused.
bool isTerminalUnsubscribe(const CodeReason& c)
{
    return c.isSet()
        && ((c.code >= 100 && c.code < 200)
            || c.code == Centrifuge::UnsubscribedCode::Unauthorized);
}

//! The first subscription the server refused for good, if any.
const ChannelStatus* refusedChannel(const ConnectionSnapshot& s)
{
    for (const auto& c : s.channels) {
        if (c.state == Centrifuge::Subscription::State::Subscribed)
            continue;
        if (isTerminalUnsubscribe(c.lastUnsubscribed) || isChannelRefusal(c.lastError.code))
            return &c;
    }
    return nullptr;
}

//! The channel's refusal as the table explains it.
Diag::Cause refusalCause(const ChannelStatus& c)
{
    Diag::Failure f;
    if (isTerminalUnsubscribe(c.lastUnsubscribed))
        f = Diag::fromUnsubscribed(c.channel, c.lastUnsubscribed.code, c.lastUnsubscribed.reason);
    if (f.isNone()) {
        f = Diag::Failure::make(Diag::Where::Subscribe, Diag::Kind::CentrifugoError,
            c.lastError.code, c.lastError.reason);
        f.subject = c.channel;
    }
    return Diag::explain(f);
}

//! "Title: cause\nWhat to do: action" for a tooltip.
QString causeLines(const Diag::Cause& cause)
{
    if (cause.isEmpty())
        return {};
    return cause.title + QStringLiteral(": ") + cause.cause + QLatin1Char('\n')
        + ConnectionStatusPresenter::tr("What to do: %1").arg(cause.action);
}

//! The cause to show while not online: a failing token route first (nothing can connect
//! without it), else the newest error of the history.
Diag::Cause latestCause(const ConnectionSnapshot& s)
{
    if (!s.tokenFailure.isNone())
        return Diag::explain(s.tokenFailure);
    if (!s.errors.isEmpty())
        return s.errors.first().cause;
    return {};
}

QString withCause(const QString& text, const CodeReason& cause, const QString& codeText)
{
    if (!cause.isSet())
        return text;
    QString line = QString::number(cause.code) + QLatin1Char(' ') + codeText;
    if (!cause.reason.isEmpty() && cause.reason != codeText)
        line += QStringLiteral(" (") + cause.reason + QLatin1Char(')');
    return text + QLatin1Char('\n') + line;
}

} // namespace

QString ConnectionStatusPresenter::describeCode(int code)
{
    switch (code) {
    case 100:
        return tr("internal server error");
    case 101:
        return tr("unauthorized");
    case 102:
        return tr("unknown channel");
    case 103:
        return tr("permission denied");
    case 109:
        return tr("token expired");
    case 111:
        return tr("too many requests");
    case 3000:
        return tr("connection closed by the server");
    case 3001:
        return tr("server shutting down");
    case 3004:
        return tr("internal server error");
    case 3005:
        return tr("connection expired");
    case 3008:
        return tr("connection too slow");
    case 3011:
        return tr("server asked to reconnect");
    case 3012:
        return tr("no pong");
    case 3013:
        return tr("too many requests");
    case 3500:
        return tr("invalid token");
    case 3501:
        return tr("bad request");
    case 3503:
        return tr("disconnected by the server");
    case 3504:
        return tr("connection limit reached");
    case 3507:
        return tr("permission denied");
    default:
        break;
    }
    if (code >= 4000 && code < 5000)
        return tr("application code %1").arg(code);
    return tr("code %1").arg(code);
}

namespace {

QString connectingCause(const CodeReason& c)
{
    using namespace Centrifuge::ConnectingCode;
    switch (c.code) {
    case ConnectCalled:
        return ConnectionStatusPresenter::tr("Starting the connection.");
    case TransportClosed:
        return ConnectionStatusPresenter::tr("The connection was lost.");
    case NoPing:
        return ConnectionStatusPresenter::tr("The server stopped answering (no ping).");
    case SubscribeTimeout:
        return ConnectionStatusPresenter::tr("A subscription timed out.");
    case NetworkChanged:
        return ConnectionStatusPresenter::tr("The network changed.");
    case SystemResumed:
        return ConnectionStatusPresenter::tr("The computer woke from sleep.");
    case ReconnectRequested:
        return ConnectionStatusPresenter::tr("Reconnect requested.");
    default:
        break;
    }
    return ConnectionStatusPresenter::describeCode(c.code) + QLatin1Char('.');
}

} // namespace

std::optional<View> ConnectionStatusPresenter::terminalView(const ConnectionSnapshot& s)
{
    const bool down = s.state == State::Disconnected || s.state == State::Closed;
    const bool unauthorized = down && s.lastDisconnected.isSet()
        && s.lastDisconnected.code == Centrifuge::DisconnectedCode::Unauthorized;
    if (s.signedOut || unauthorized) {
        View v;
        v.kind = View::Kind::SignedOut;
        v.tone = View::Tone::Error;
        v.text = tr("Signed out");
        v.toolTip = tr("Your session expired or was revoked. Sign in again to get live updates.");
        if (!s.signedOutReason.isEmpty())
            v.toolTip += QLatin1Char('\n') + s.signedOutReason;
        v.action = View::Action::SignIn;
        v.actionText = tr("Sign in");
        return v;
    }
    // Disconnected without a disconnected event is "not started yet": the caller treats it as
    // connecting, so the start grace applies.
    if (down && s.lastDisconnected.isSet()) {
        View v;
        v.kind = View::Kind::Disconnected;
        v.tone = View::Tone::Error;
        v.text = tr("Disconnected");
        v.toolTip = tr("Live updates are off. The app will not retry on its own.");
        const Diag::Cause cause = Diag::explain(
            Diag::fromDisconnect(s.lastDisconnected.code, s.lastDisconnected.reason));
        v.cause = cause;
        v.toolTip += QLatin1Char('\n')
            + (cause.isEmpty() ? withCause(
                   QString(), s.lastDisconnected, describeCode(s.lastDisconnected.code))
                                     .trimmed()
                               : causeLines(cause));
        v.action = View::Action::Reconnect;
        v.actionText = tr("Reconnect");
        return v;
    }
    if (s.state == State::Connected) {
        if (const ChannelStatus* c = refusedChannel(s)) {
            const int code = isChannelRefusal(c->lastUnsubscribed.code) ? c->lastUnsubscribed.code
                                                                        : c->lastError.code;
            View v;
            v.kind = View::Kind::ChannelError;
            v.tone = View::Tone::Error;
            v.text = tr("Channel error");
            // The table explains the refusal (103: channel naming and membership); the code
            // and channel stay for IT.
            v.toolTip = code == 102
                ? tr("The server does not know the channel %1 (102 unknown channel).")
                      .arg(c->channel)
                : code == 103
                ? tr("The server refused the channel %1 (103 permission denied).").arg(c->channel)
                : tr("The server refused the channel %1 (%2).")
                      .arg(c->channel)
                      .arg(code > 0 ? code : c->lastUnsubscribed.code);
            v.cause = refusalCause(*c);
            v.toolTip += QLatin1Char('\n') + causeLines(v.cause);
            v.action = View::Action::Details;
            v.actionText = tr("Details");
            return v;
        }
    }
    if (s.state != State::Connected
        && s.network == Centrifuge::NetworkMonitor::Reachability::Offline) {
        View v;
        v.kind = View::Kind::NoNetwork;
        v.tone = View::Tone::Error;
        v.text = tr("Offline (no network)");
        v.toolTip = tr("This computer has no network. The app reconnects as soon as it is back.");
        v.action = View::Action::TryNow;
        v.actionText = tr("Try now");
        return v;
    }
    return std::nullopt;
}

View ConnectionStatusPresenter::connectedView(const ConnectionSnapshot& s, qint64 nowMs)
{
    View v;
    using FState = WhaTrack::Freshness::State;
    // "Online" means live updates arrive: the socket AND every required channel. While a
    // channel is still subscribing (or failed and retries) the pill says so.
    QStringList waiting;
    for (const auto& c : s.channels) {
        if (c.state != Centrifuge::Subscription::State::Subscribed)
            waiting << c.channel;
    }
    if (!waiting.isEmpty()) {
        // The start grace covers the normal first second after sign-in.
        if (nowMs - s.startedAtMs < kIgnoreStartConnectingForMs) {
            v.kind = View::Kind::Hidden;
            v.timeDependent = true;
            return v;
        }
        v.kind = View::Kind::Connecting;
        v.tone = View::Tone::Busy;
        v.text = tr("Connecting…");
        v.toolTip = tr("Connected to the server, waiting for the channels: %1.")
                        .arg(waiting.join(QStringLiteral(", ")));
        for (const auto& c : s.channels) {
            if (c.state != Centrifuge::Subscription::State::Subscribed && c.lastError.isSet()) {
                Diag::Failure f = Diag::Failure::make(Diag::Where::Subscribe,
                    Diag::Kind::CentrifugoError, c.lastError.code, c.lastError.reason);
                f.subject = c.channel;
                v.cause = Diag::explain(f);
                v.toolTip += QLatin1Char('\n') + causeLines(v.cause);
                break;
            }
        }
        return v;
    }
    if (!s.tokenFailure.isNone()) {
        // Connected on a token that cannot be renewed: the server will close the connection
        // when it expires. Not "Online": the agent should know before updates stop.
        v.kind = View::Kind::TokenProblem;
        v.tone = View::Tone::Warning;
        v.text = tr("Token refresh failing");
        v.toolTip = tr("Connected, but the realtime token cannot be renewed; live updates stop "
                       "when it expires.")
            + QLatin1Char('\n') + causeLines(Diag::explain(s.tokenFailure));
        v.cause = Diag::explain(s.tokenFailure);
        v.action = View::Action::Details;
        v.actionText = tr("Details");
        return v;
    }
    const bool stale = s.freshness.has_value()
        && (s.freshness->state == FState::Stale || s.freshness->state == FState::Offline);
    if (stale) {
        v.kind = View::Kind::Stale;
        v.tone = View::Tone::Warning;
        v.text = tr("Realtime may be stale");
        v.toolTip = tr("Connected, but some updates may have been missed. Resync reloads the "
                       "chat list, the open conversation and its ticket.");
        if (!s.freshness->reason.isEmpty())
            v.toolTip += QLatin1Char('\n') + s.freshness->reason;
        v.action = View::Action::Resync;
        v.actionText = tr("Resync");
        return v;
    }
    v.kind = View::Kind::Online;
    v.tone = View::Tone::Good;
    v.text = tr("Online");
    v.toolTip = s.webSocketUrl.isEmpty()
        ? tr("Connected: live updates are on.")
        : tr("Connected to %1: live updates are on.").arg(s.webSocketUrl.host());
    return v;
}

View ConnectionStatusPresenter::connectingView(const ConnectionSnapshot& s, qint64 nowMs)
{
    // Telegram: no "connecting" in the first seconds after start; most starts connect at once.
    if (!s.hasConnected && nowMs - s.startedAtMs < kIgnoreStartConnectingForMs) {
        View v;
        v.kind = View::Kind::Hidden;
        v.timeDependent = true;
        return v;
    }
    // Telegram keeps "Online" for a short blip after being connected; we do not: a blip is
    // often the token route or the server failing, and "Online" must mean live updates arrive.

    const QString cause = s.lastConnecting.isSet() ? connectingCause(s.lastConnecting) : QString();
    const qint64 remaining = s.reconnectAtMs >= 0 ? s.reconnectAtMs - nowMs : -1;
    View v;
    v.tone = View::Tone::Busy;
    if (remaining >= kMinimalWaitingStateDurationMs) {
        // Round up: "in 1 s" until the very end, never "in 0 s".
        v.kind = View::Kind::Reconnecting;
        v.secondsToRetry = int((remaining + 999) / 1000);
        v.text = tr("Reconnecting in %1 s").arg(v.secondsToRetry);
        v.action = View::Action::TryNow;
        v.actionText = tr("Try now");
        v.timeDependent = true;
    } else {
        v.kind = View::Kind::Connecting;
        v.text = tr("Connecting…");
    }
    v.toolTip = cause.isEmpty() ? tr("Connecting to the live update server.") : cause;
    // Every error through the table of causes: words and a next step, never the raw text.
    const Diag::Cause latest = latestCause(s);
    if (!latest.isEmpty())
        v.toolTip += QLatin1Char('\n') + causeLines(latest);
    v.cause = latest;
    if (s.reconnectAttempt > 0)
        v.toolTip += QLatin1Char('\n') + tr("Attempt %1").arg(s.reconnectAttempt);
    return v;
}

View ConnectionStatusPresenter::describe(const ConnectionSnapshot& s, qint64 nowMs)
{
    if (auto terminal = terminalView(s))
        return *terminal;
    if (s.state == State::Connected)
        return connectedView(s, nowMs);
    // Before sign-in finished nothing is trying to connect: say nothing rather than
    // "Connecting…" (a failed sign-in shows as Signed out above).
    if (!s.started)
        return View {};
    return connectingView(s, nowMs);
}

QColor ConnectionStatusPresenter::toneColor(View::Tone tone, bool dark)
{
    // Muted semantic colours with a light and a dark variant, so the dot and text stay readable
    // on either palette without shouting.
    switch (tone) {
    case View::Tone::Good:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case View::Tone::Busy:
        return dark ? QColor(0x90, 0xa4, 0xae) : QColor(0x54, 0x6e, 0x7a);
    case View::Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case View::Tone::Error:
        return dark ? QColor(0xef, 0x70, 0x70) : QColor(0xc6, 0x28, 0x28);
    case View::Tone::Neutral:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
}

} // namespace WhaTrack::Ui
