#include "ui/connectionreport.h"

#include "models/diagnostics/causeadapters.h"
#include "ui/connectionstatus.h"
#include "ui/timeformat.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace WhaTrack::Ui {

using State = Centrifuge::Client::State;
using SubState = Centrifuge::Subscription::State;
namespace Diag = WhaTrack::Diagnostics;

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

//! A connecting/disconnected event in the table's words (the code kept for IT), never the
//! library's raw text.
QString eventText(const CodeReason& c, const Diag::Failure& failure, const QDateTime& now)
{
    if (!c.isSet())
        return ConnectionReport::tr("none");
    const Diag::Cause cause = Diag::explain(failure);
    QString text = cause.isEmpty() ? ConnectionStatusPresenter::describeCode(c.code)
                                   : cause.title + QStringLiteral(" (%1)").arg(c.code);
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
    conn.rows.append({tr("Last connecting"),
        eventText(s.lastConnecting,
            Diag::fromConnecting(s.lastConnecting.code, s.lastConnecting.reason), wallNow)});
    conn.rows.append({tr("Last disconnected"),
        eventText(s.lastDisconnected,
            Diag::fromDisconnect(s.lastDisconnected.code, s.lastDisconnected.reason), wallNow)});
    // The newest entry of the history, in the table's words (the Recent errors tab has all).
    conn.rows.append({tr("Last error"),
        s.errors.isEmpty() ? tr("none")
                           : s.errors.first().cause.title + QStringLiteral(" — ")
                + when(s.errors.first().at, wallNow)});
    conn.rows.append({tr("Reconnect attempt"), QString::number(s.reconnectAttempt)});
    conn.rows.append({tr("Next retry"), retryText(s, nowMs)});
    QString network = tr("unknown");
    if (s.network != Centrifuge::NetworkMonitor::Reachability::Unknown)
        network = s.network == Centrifuge::NetworkMonitor::Reachability::Online ? tr("reachable")
                                                                                : tr("no network");
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
        // Refusals in the table's words: 103 explains channel naming and membership.
        Diag::Failure failure;
        if (c.lastUnsubscribed.isSet() && c.state != SubState::Subscribed)
            failure = Diag::fromUnsubscribed(
                c.channel, c.lastUnsubscribed.code, c.lastUnsubscribed.reason);
        if (failure.isNone() && c.lastError.isSet() && c.state != SubState::Subscribed) {
            failure = Diag::Failure::make(Diag::Where::Subscribe, Diag::Kind::CentrifugoError,
                c.lastError.code, c.lastError.reason);
            failure.subject = c.channel;
        }
        if (!failure.isNone())
            value += QLatin1Char('\n') + causeText(Diag::explain(failure));
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
    QString fetch = tr("not fetched yet");
    if (!s.tokenFailure.isNone())
        fetch = tr("failed — %1").arg(when(s.lastTokenFetchAt, wallNow)) + QLatin1Char('\n')
            + causeText(Diag::explain(s.tokenFailure));
    else if (!s.lastTokenFetch.isEmpty())
        fetch = s.lastTokenFetch + QStringLiteral(" — ") + when(s.lastTokenFetchAt, wallNow);
    token.rows.append({tr("Last fetch"), fetch});
    out.append(token);

    DetailSection rest {tr("Backend calls (latest per route)"), {}};
    for (const auto& call : s.restCalls) {
        // A failed call leads with the table's words: an unreadable 200 answer is "could not
        // be read", not "HTTP 200".
        QString value;
        if (!call.cause.isEmpty())
            value = call.cause.title;
        else if (call.httpStatus > 0)
            value = tr("HTTP %1").arg(call.httpStatus);
        else
            value = tr("no response");
        if (!call.cause.isEmpty() && call.httpStatus >= 300)
            value += QStringLiteral(" (HTTP %1)").arg(call.httpStatus);
        value += QStringLiteral(" · %1 ms · ").arg(call.latencyMs) + when(call.at, wallNow);
        if (!call.cause.isEmpty())
            value += QLatin1Char('\n') + call.cause.cause + QLatin1Char(' ')
                + tr("What to do: %1").arg(call.cause.action);
        else if (!call.error.isEmpty())
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
    QList<DetailSection> all = sections(s, nowMs, wallNow);
    all.insert(1, errorSection(s, wallNow));
    for (const auto& section : std::as_const(all)) {
        out += QLatin1Char('\n') + section.title + QLatin1Char('\n');
        for (const auto& row : section.rows) {
            QString value = row.value;
            value.replace(QLatin1Char('\n'), QStringLiteral("\n      "));
            out += QStringLiteral("  ") + row.label + QStringLiteral(": ") + value
                + QLatin1Char('\n');
        }
    }
    // The technical details behind the errors, for IT (the panel shows only the words).
    if (!s.errors.isEmpty()) {
        out += QStringLiteral("\nError details (technical)\n");
        for (const auto& e : s.errors) {
            out += QStringLiteral("  %1 [%2] %3 %4 %5\n")
                       .arg(
                           e.at.toString(Qt::ISODate), e.cause.id, Diag::whereName(e.failure.where))
                       .arg(e.failure.code)
                       .arg(e.failure.detail);
        }
    }
    return redact(out);
}

QString ConnectionReport::fullText(const ConnectionSnapshot& s, qint64 nowMs,
    const QDateTime& wallNow, const QString& diagnosticsReport)
{
    QString out = text(s, nowMs, wallNow);
    out += QLatin1Char('\n');
    out += diagnosticsReport.isEmpty() ? QStringLiteral("Diagnostics: not run\n")
                                       : diagnosticsReport;
    return redact(out);
}

QString ConnectionReport::causeText(const Diag::Cause& cause)
{
    if (cause.isEmpty())
        return {};
    return cause.title + QStringLiteral(": ") + cause.cause + QLatin1Char('\n')
        + tr("What to do: %1").arg(cause.action);
}

QString ConnectionReport::retryText(const ConnectionSnapshot& s, qint64 nowMs)
{
    if (!s.started)
        return tr("Not started: the app connects after sign-in");
    switch (s.state) {
    case State::Connected:
        return tr("No retry needed: connected");
    case State::Disconnected:
    case State::Closed:
        if (s.lastDisconnected.isSet())
            return tr("None: the app will not retry on its own. Use Reconnect now.");
        return tr("Not started yet");
    case State::Connecting:
        break;
    }
    if (s.reconnectAtMs >= 0 && s.reconnectAtMs > nowMs) {
        // Round up: "in 1 s" until the very end, never "in 0 s".
        const qint64 seconds = (s.reconnectAtMs - nowMs + 999) / 1000;
        const QString in = seconds < 60 ? tr("%1 s").arg(seconds)
                                        : TimeFormat::duration(s.reconnectAtMs - nowMs + 999);
        return s.reconnectAttempt > 0
            ? tr("Retrying in %1, attempt %2").arg(in).arg(s.reconnectAttempt)
            : tr("Retrying in %1").arg(in);
    }
    return s.reconnectAttempt > 0 ? tr("Attempt %1 is running now").arg(s.reconnectAttempt)
                                  : tr("Connecting now");
}

DetailSection ConnectionReport::errorSection(const ConnectionSnapshot& s, const QDateTime& wallNow)
{
    DetailSection out {
        tr("Recent errors (newest first, last %1 kept)").arg(ConnectionSnapshot::kMaxErrors), {}};
    for (const auto& e : s.errors) {
        QString label = when(e.at, wallNow);
        // "12:03:04 (2 min ago)" is long for a label: the time alone, the age in the value.
        const QDateTime local = e.at.toLocalTime();
        label = local.date() == wallNow.toLocalTime().date()
            ? local.toString(QStringLiteral("HH:mm:ss"))
            : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QString value = causeText(e.cause);
        if (!e.failure.subject.isEmpty() && !value.contains(e.failure.subject))
            value = e.failure.subject + QLatin1Char('\n') + value;
        if (e.repeats > 1)
            value += QLatin1Char('\n')
                + tr("%1 times in a row, last %2")
                      .arg(e.repeats)
                      .arg(TimeFormat::relative(e.at, wallNow));
        out.rows.append({label, value});
    }
    if (out.rows.isEmpty())
        out.rows.append({tr("Errors"), tr("none since the app started")});
    return out;
}

Diag::Cause ConnectionReport::currentProblem(const ConnectionSnapshot& s, qint64 nowMs)
{
    const auto view = ConnectionStatusPresenter::describe(s, nowMs);
    // The pill hides the first seconds; the panel is opened to find out: say it at once.
    if (view.kind == ConnectionStatusView::Kind::Online || !s.started || s.errors.isEmpty())
        return {};
    // The pill's cause first (a refused channel, the token route), so both say the same.
    if (!view.cause.isEmpty())
        return view.cause;
    if (!s.tokenFailure.isNone() && s.state != State::Connected)
        return Diag::explain(s.tokenFailure);
    return s.errors.first().cause;
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
    // Message text must not leave the app either: JSON fields that carry it are blanked.
    static const QRegularExpression bodyField(
        QStringLiteral("(\"(?:body|text|content|caption|message_body)\"[ \\t]*:[ \\t]*\")"
                       "(?:[^\"\\\\]|\\\\.)*\""),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(
        QStringLiteral("(Bearer[ \\t]+)[^\\s\"']+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression userInfo(QStringLiteral("(//)[^/@\\s:]+:[^/@\\s]+@"));
    text.replace(jwt, QStringLiteral("[redacted]"));
    text.replace(secretParam, QStringLiteral("\\1[redacted]"));
    text.replace(bodyField, QStringLiteral("\\1[redacted]\""));
    text.replace(bearer, QStringLiteral("\\1[redacted]"));
    text.replace(userInfo, QStringLiteral("\\1[redacted]@"));
    return text;
}

} // namespace WhaTrack::Ui
