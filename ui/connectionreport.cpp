#include "ui/connectionreport.h"

#include "ui/connectionstatus.h"
#include "ui/timeformat.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace WhaTrack::Ui {

using State = Centrifuge::Client::State;
using SubState = Centrifuge::Subscription::State;

QString ConnectionReport::safeUrl(const QUrl& url)
{
    if (url.isEmpty())
        return tr("(not set)");
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString ConnectionReport::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("disconnected");
    case State::Connecting:
        return tr("connecting");
    case State::Connected:
        return tr("connected");
    case State::Closed:
        return tr("closed");
    }
    return {};
}

QString ConnectionReport::subscriptionStateName(SubState state)
{
    switch (state) {
    case SubState::Unsubscribed:
        return tr("unsubscribed");
    case SubState::Subscribing:
        return tr("subscribing");
    case SubState::Subscribed:
        return tr("subscribed");
    }
    return {};
}

QString ConnectionReport::freshnessName(const std::optional<WhaTrack::Freshness>& freshness)
{
    if (!freshness)
        return tr("not loaded yet");
    QString name;
    switch (freshness->state) {
    case WhaTrack::Freshness::State::Live:
        name = tr("live");
        break;
    case WhaTrack::Freshness::State::Refreshing:
        name = tr("refreshing");
        break;
    case WhaTrack::Freshness::State::Stale:
        name = tr("may be stale");
        break;
    case WhaTrack::Freshness::State::Offline:
        name = tr("offline (saved data)");
        break;
    }
    if (!freshness->reason.isEmpty() && freshness->reason.compare(name, Qt::CaseInsensitive) != 0)
        name += QStringLiteral(" — ") + freshness->reason;
    return name;
}

QString ConnectionReport::channelNaming(const ConnectionSnapshot& s)
{
    for (const auto& c : s.channels) {
        if (c.channel.startsWith(QLatin1String("org:")))
            return tr("colon style (org:ID:messages, ticket era)");
        if (c.channel.startsWith(QLatin1String("org.")))
            return tr("dot style (org.ID.messages)");
    }
    return tr("custom");
}

namespace {

QString when(const QDateTime& at, const QDateTime& now)
{
    if (!at.isValid())
        return ConnectionReport::tr("never");
    const QDateTime local = at.toLocalTime();
    // Today's times need no date; older ones do (a report may be read the next day).
    const QString format = local.date() == now.toLocalTime().date()
        ? QStringLiteral("HH:mm:ss")
        : QStringLiteral("yyyy-MM-dd HH:mm:ss");
    return local.toString(format) + QStringLiteral(" (") + TimeFormat::relative(at, now)
        + QLatin1Char(')');
}

QString codeReason(const CodeReason& c, const QDateTime& now)
{
    if (!c.isSet())
        return ConnectionReport::tr("none");
    QString text = QString::number(c.code);
    if (!c.reason.isEmpty())
        text += QStringLiteral(" ") + c.reason;
    return text + QStringLiteral(" — ") + when(c.at, now);
}

} // namespace

QList<DetailSection> ConnectionReport::sections(
    const ConnectionSnapshot& s, qint64 nowMs, const QDateTime& wallNow)
{
    QList<DetailSection> out;

    DetailSection servers {tr("Servers"), {}};
    servers.rows.append({tr("Backend"), safeUrl(s.backendUrl)});
    servers.rows.append({tr("WebSocket"), safeUrl(s.webSocketUrl)});
    servers.rows.append({tr("Channel naming"), channelNaming(s)});
    out.append(servers);

    const auto view = ConnectionStatusPresenter::describe(s, nowMs);
    DetailSection conn {tr("Realtime connection"), {}};
    conn.rows.append({tr("Status"),
        view.kind == ConnectionStatusView::Kind::Hidden ? tr("Starting") : view.text});
    conn.rows.append({tr("Client state"),
        stateName(s.state) + QStringLiteral(" — ") + TimeFormat::duration(nowMs - s.stateSinceMs)});
    if (s.state == State::Connected) {
        conn.rows.append({tr("Connected since"), when(s.connectedSince, wallNow)});
        conn.rows.append(
            {tr("Server version"), s.serverVersion.isEmpty() ? tr("unknown") : s.serverVersion});
    }
    conn.rows.append({tr("Last connecting"), codeReason(s.lastConnecting, wallNow)});
    conn.rows.append({tr("Last disconnected"), codeReason(s.lastDisconnected, wallNow)});
    conn.rows.append({tr("Last error"), codeReason(s.lastError, wallNow)});
    conn.rows.append({tr("Reconnect attempt"), QString::number(s.reconnectAttempt)});
    QString retry = tr("none scheduled");
    if (s.reconnectAtMs >= 0 && s.reconnectAtMs > nowMs)
        retry = tr("in %1").arg(TimeFormat::duration(s.reconnectAtMs - nowMs + 999));
    conn.rows.append({tr("Next retry"), retry});
    QString network = tr("unknown");
    if (s.networkReachable.has_value())
        network = *s.networkReachable ? tr("reachable") : tr("no network");
    conn.rows.append({tr("Network"), network});
    out.append(conn);

    DetailSection subs {tr("Subscriptions"), {}};
    for (const auto& c : s.channels) {
        // The label is the channel's role; the full name leads the value (it is long).
        QString label = c.channel;
        if (c.channel.endsWith(QLatin1String("messages")))
            label = tr("Messages");
        else if (c.channel.endsWith(QLatin1String("tickets"))
            || c.channel.endsWith(QLatin1String("deals")))
            label = tr("Tickets");
        QString value = c.channel + QLatin1Char('\n') + subscriptionStateName(c.state);
        value += QStringLiteral(" · ")
            + tr("last publication %1").arg(when(c.lastPublicationAt, wallNow));
        if (c.publications > 0)
            value += QStringLiteral(" · ")
                + (c.publications == 1 ? tr("1 publication")
                                       : tr("%1 publications").arg(c.publications));
        if (c.lastError.isSet())
            value += QStringLiteral(" · ")
                + tr("error %1 %2").arg(c.lastError.code).arg(c.lastError.reason);
        if (c.lastUnsubscribed.isSet() && c.state != SubState::Subscribed)
            value += QStringLiteral(" · ")
                + tr("unsubscribed %1 %2")
                      .arg(c.lastUnsubscribed.code)
                      .arg(c.lastUnsubscribed.reason);
        subs.rows.append({label, value});
    }
    if (subs.rows.isEmpty())
        subs.rows.append({tr("Channels"), tr("none")});
    out.append(subs);

    DetailSection token {tr("Connection token"), {}};
    QString expiry = tr("unknown");
    if (s.tokenExpiresAtMs >= 0) {
        const qint64 left = s.tokenExpiresAtMs - nowMs;
        expiry = left > 0 ? tr("expires in %1").arg(TimeFormat::duration(left)) : tr("expired");
    }
    token.rows.append({tr("Expiry"), expiry});
    token.rows.append({tr("Last fetch"),
        s.lastTokenFetch.isEmpty()
            ? tr("not fetched yet")
            : s.lastTokenFetch + QStringLiteral(" — ") + when(s.lastTokenFetchAt, wallNow)});
    out.append(token);

    DetailSection rest {tr("Backend calls (latest per route)"), {}};
    for (const auto& call : s.restCalls) {
        QString value
            = call.httpStatus > 0 ? tr("HTTP %1").arg(call.httpStatus) : tr("no response");
        value += QStringLiteral(" · %1 ms · ").arg(call.latencyMs) + when(call.at, wallNow);
        if (!call.error.isEmpty())
            value += QLatin1Char('\n') + call.error;
        // "GET /api/v1/..." -> label "GET", the path leads the value (labels stay short).
        const qsizetype space = call.route.indexOf(QLatin1Char(' '));
        const QString method = space > 0 ? call.route.left(space) : tr("Call");
        const QString path = space > 0 ? call.route.mid(space + 1) : call.route;
        rest.rows.append({method, path + QLatin1Char('\n') + value});
    }
    if (rest.rows.isEmpty())
        rest.rows.append({tr("Calls"), tr("none yet")});
    out.append(rest);

    DetailSection data {tr("Data"), {}};
    data.rows.append({tr("Freshness"), freshnessName(s.freshness)});
    data.rows.append({tr("Chat list data from"), when(s.lastSyncAt, wallNow)});
    out.append(data);
    return out;
}

QString ConnectionReport::text(const ConnectionSnapshot& s, qint64 nowMs, const QDateTime& wallNow)
{
    QString out;
    out += QStringLiteral("WhaTrack Inbox %1 — connection report\n")
               .arg(QCoreApplication::applicationVersion());
    out += QStringLiteral("Generated: %1\n").arg(wallNow.toString(Qt::ISODate));
    out += QStringLiteral("System: %1 (%2), Qt %3\n")
               .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                   QString::fromLatin1(qVersion()));
    out += QStringLiteral("(Redacted: no tokens, cookies, passwords or message text.)\n");
    for (const auto& section : sections(s, nowMs, wallNow)) {
        out += QLatin1Char('\n') + section.title + QLatin1Char('\n');
        for (const auto& row : section.rows)
            out += QStringLiteral("  ") + row.label + QStringLiteral(": ") + row.value
                + QLatin1Char('\n');
    }
    return redact(out);
}

QString ConnectionReport::redact(QString text)
{
    // Belt and braces: error strings come from servers and libraries we do not control, so
    // anything shaped like a JWT or a secret-bearing parameter is blanked before it is shared.
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"));
    static const QRegularExpression secretParam(
        QStringLiteral("((?:token|password|secret|cookie|authorization)[\"']?[ \\t]*[=:][ "
                       "\\t]*[\"']?)[^\\s\"'&;,]+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(jwt, QStringLiteral("[redacted]"));
    text.replace(secretParam, QStringLiteral("\\1[redacted]"));
    return text;
}

} // namespace WhaTrack::Ui
