// The Centrifugo steps of the runner: host, WebSocket upgrade, connect, subscribe, isolation,
// publication. The connect and subscribe steps use the realtime library's Client, as the app.

#include "models/api/apiclient.h"
#include "models/diagnostics/causeadapters.h"
#include "models/diagnostics/diagnosticsrunner_p.h"
#include "models/diagnostics/probes.h"
#include "models/logging.h"
#include "models/store/channeltemplates.h"
#include "realtime/client.h"
#include "realtime/codes.h"
#include "realtime/subscription.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace WhaTrack::Diagnostics {

namespace {

bool isWebSocketUrl(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss"));
}

//! The `type` of a publication's JSON object (a short name, never the body), or empty.
QString publicationType(const QByteArray& data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    return o.value(QStringLiteral("type")).toString().left(40);
}

} // namespace

void DiagnosticsRunner::Private::closeClient()
{
    subscribed.clear();
    if (client) {
        client->disconnect(q);
        client->close();
        client->deleteLater();
        client = nullptr;
    }
}

// --- 4. realtime server reachable ---------------------------------------------------------------

void DiagnosticsRunner::Private::runCentrifugo()
{
    if (!isWebSocketUrl(config.wsUrl)) {
        fail(Failure::make(
            Where::Centrifugo, Kind::DnsFailure, 0, QStringLiteral("not a ws:// or wss:// URL")));
        return;
    }
    probeHost(stepContext, Where::Centrifugo, config.wsUrl, sslConfiguration(), config.stepTimeout,
        [this](const ProbeResult& probe) {
            current().facts.insert(probe.facts);
            if (!probe.failure.isNone())
                fail(probe.failure);
            else
                complete(StepStatus::Ok);
        });
}

// --- 5. WebSocket upgrade -----------------------------------------------------------------------

void DiagnosticsRunner::Private::runWebSocket()
{
    probeWebSocketUpgrade(stepContext, config.wsUrl, sslConfiguration(), token, config.stepTimeout,
        [this](const ProbeResult& probe) {
            QVariantMap facts = probe.facts;
            // Host facts were shown by the previous step; keep what is new here.
            for (const char* key : {"host", "port", "addresses", "dnsMs", "tcpMs", "tlsMs",
                     "tlsProtocol", "connectedTo", "certificateSubject", "certificateIssuer",
                     "certificateExpires", "certificateDaysLeft"})
                facts.remove(QString::fromLatin1(key));
            pingIntervalSeconds = facts.value(QStringLiteral("pingIntervalSeconds"), -1).toInt();
            facts.remove(QStringLiteral("pingIntervalSeconds"));
            facts.remove(QStringLiteral("serverVersion"));
            current().facts.insert(facts);
            if (!probe.failure.isNone())
                fail(probe.failure);
            else
                complete(StepStatus::Ok);
        });
}

// --- 6. Centrifugo connect ----------------------------------------------------------------------

void DiagnosticsRunner::Private::runConnect()
{
    using namespace Centrifuge;
    closeClient();
    ClientOptions options;
    options.token = token;
    options.sslConfiguration = sslConfiguration();
    options.name = QStringLiteral("inbox-diagnose");
    options.timeout = config.stepTimeout;
    options.watchNetworkReachability = false;
    client = new Client(config.wsUrl, options, q);
    // Subscription tokens on demand (the `secure` profile), from the backend's route.
    QPointer<ApiClient> apiClient = api();
    QPointer<QObject> owner = q;
    const QString connectionToken = token;
    client->setTokenProvider(std::make_shared<FunctionTokenProvider>(
        [apiClient, owner, connectionToken](
            const TokenRequest& request, TokenProvider::Callback done) {
            if (request.kind == TokenRequest::Kind::Connection) {
                done(TokenReply::ok(connectionToken));
                return;
            }
            if (!apiClient || !owner) {
                done(TokenReply::failed(QStringLiteral("diagnostics ended")));
                return;
            }
            apiClient->fetchSubscriptionToken(request.channel, owner, [done](ApiResult<QString> r) {
                if (r.ok())
                    done(TokenReply::ok(r.value));
                else if (r.error.httpStatus == 401 || r.error.httpStatus == 403)
                    done(TokenReply::unauthorized(
                        QStringLiteral("HTTP %1 %2").arg(r.error.httpStatus).arg(r.error.message)));
                else
                    done(TokenReply::failed(r.error.describe(), int(r.error.retryAfterMs)));
            });
        }));
    QObject* context = stepContext;
    QObject::connect(client, &Client::connected, context,
        [this](const QString& clientId, const QString& version, const QByteArray&) {
            current().facts.insert(QStringLiteral("clientId"), clientId.left(64));
            current().facts.insert(QStringLiteral("serverVersion"), version.left(40));
            if (pingIntervalSeconds >= 0)
                current().facts.insert(QStringLiteral("pingIntervalSeconds"), pingIntervalSeconds);
            complete(StepStatus::Ok);
        });
    QObject::connect(client, &Client::errorOccurred, context,
        [this](ErrorType type, int code, const QString& message) {
            if (type == ErrorType::Connect || type == ErrorType::Transport
                || type == ErrorType::BadProtocol || type == ErrorType::ConnectToken)
                fail(fromRealtimeError(Where::Connect, type, code, message));
        });
    QObject::connect(
        client, &Client::disconnected, context, [this](int code, const QString& reason) {
            Failure f = fromDisconnect(code, reason);
            if (f.isNone())
                f = Failure::make(Where::Connect, Kind::Disconnect, 1006, reason);
            fail(f);
        });
    QObject::connect(client, &Client::connecting, context, [this](int code, const QString& reason) {
        if (code >= 3000)
            fail(fromConnecting(code, reason));
    });
    client->connectToServer();
}

// --- 7. subscribe -------------------------------------------------------------------------------

void DiagnosticsRunner::Private::runSubscribe(
    const QString& channel, bool withToken, const Failure& firstFailure)
{
    using namespace Centrifuge;
    if (Subscription* old = client->subscription(channel))
        client->removeSubscription(old);
    SubscriptionOptions options;
    options.useTokenProvider = withToken;
    QString error;
    Subscription* sub = client->newSubscription(channel, options, &error);
    if (!sub) {
        fail(Failure::make(Where::Subscribe, Kind::Other, 0, error));
        return;
    }
    QObject* context = stepContext;
    // A refusal without a token may mean "this server wants subscription tokens" (the
    // `secure` profile): ask the backend for one once. If that fails too, the first refusal is
    // the cause (its naming hint is what helps), the second goes to the detail.
    auto handled = std::make_shared<bool>(false); // errorOccurred and unsubscribed both come
    auto refused = [this, channel, withToken, firstFailure, handled](Failure f) {
        if (*handled)
            return;
        *handled = true;
        f.subject = channel;
        if (!withToken && f.kind == Kind::CentrifugoError
            && (f.code == Centrifuge::ReplyError::PermissionDenied
                || f.code == Centrifuge::ReplyError::Unauthorized)) {
            current().facts.insert(QStringLiteral("withoutToken"), f.code);
            QTimer::singleShot(
                0, stepContext, [this, channel, f] { runSubscribe(channel, true, f); });
            return;
        }
        if (withToken && !firstFailure.isNone()) {
            Failure first = firstFailure;
            first.detail += QStringLiteral("; with a subscription token: ") + f.detail;
            fail(first);
            return;
        }
        fail(f);
    };
    QObject::connect(sub, &Subscription::subscribed, context,
        [this, sub, withToken](const SubscribedEvent& event) {
            current().facts.insert(QStringLiteral("channel"), event.channel);
            current().facts.insert(QStringLiteral("subscriptionToken"), withToken);
            current().facts.insert(QStringLiteral("recoverable"), event.recoverable);
            subscribed << sub;
            complete(StepStatus::Ok);
        });
    QObject::connect(sub, &Subscription::errorOccurred, context,
        [refused](ErrorType type, int code, const QString& message) {
            if (type == ErrorType::Subscribe && !isRetryableReplyError(code, false))
                refused(fromRealtimeError(Where::Subscribe, type, code, message));
            else if (type == ErrorType::SubscribeToken)
                refused(Failure::make(Where::SubscriptionTokenRoute, Kind::Other, 0, message));
        });
    QObject::connect(sub, &Subscription::unsubscribed, context,
        [refused, channel](int code, const QString& reason) {
            Failure f = fromUnsubscribed(channel, code, reason);
            if (!f.isNone())
                refused(f);
        });
    sub->subscribe();
}

// --- 8. channels are protected
// --------------------------------------------------------------------

void DiagnosticsRunner::Private::runIsolation()
{
    using namespace Centrifuge;
    // A random organization nobody belongs to: if Centrifugo lets us in there, it lets anyone
    // into ours.
    const QString stranger = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The template of a channel we could subscribe to: a template the server refuses anyway
    // (wrong naming) would pass this check for the wrong reason.
    QString pattern;
    for (const Step& step : std::as_const(steps)) {
        if (step.kind == StepKind::Subscribe && step.status == StepStatus::Ok) {
            pattern = step.id.mid(int(qstrlen("subscribe:")));
            break;
        }
    }
    if (pattern.isEmpty()) {
        current().skippedBecause = QStringLiteral("no channel could be subscribed to");
        complete(StepStatus::Skipped);
        return;
    }
    const QString channel = ChannelTemplates::expand(pattern, stranger);
    current().subject = channel;
    current().facts.insert(QStringLiteral("channel"), channel);
    SubscriptionOptions options; // no token: what any signed-in user could try
    QString error;
    Subscription* sub = client->newSubscription(channel, options, &error);
    if (!sub) {
        fail(Failure::make(Where::Isolation, Kind::Other, 0, error));
        return;
    }
    QObject* context = stepContext;
    QPointer<Subscription> guard = sub;
    auto cleanup = [this, guard] {
        // Later: the subscription is emitting the signal that brought us here.
        QTimer::singleShot(0, q, [this, guard] {
            if (guard && client)
                client->removeSubscription(guard);
        });
    };
    QObject::connect(sub, &Subscription::subscribed, context, [this, channel, cleanup] {
        Failure f = Failure::make(Where::Isolation, Kind::IsolationBreach, 0,
            QStringLiteral("subscribed to another organization's channel without a token"));
        f.subject = channel;
        cleanup();
        complete(StepStatus::Warning, f);
    });
    auto refused = [this, cleanup](int code, const QString& reason) {
        current().facts.insert(QStringLiteral("refusedWith"), code);
        current().facts.insert(QStringLiteral("refusedReason"), reason.left(80));
        cleanup();
        complete(StepStatus::Ok);
    };
    QObject::connect(sub, &Subscription::errorOccurred, context,
        [refused](ErrorType type, int code, const QString& message) {
            if (type == ErrorType::Subscribe && !isRetryableReplyError(code, false))
                refused(code, message);
        });
    QObject::connect(
        sub, &Subscription::unsubscribed, context, [refused](int code, const QString& reason) {
            if (code != UnsubscribedCode::UnsubscribeCalled)
                refused(code, reason);
        });
    sub->subscribe();
}

// --- 9. a publication arrives -------------------------------------------------------------------

void DiagnosticsRunner::Private::runPublication()
{
    using namespace Centrifuge;
    QObject* context = stepContext;
    // The step deadline covers the wait plus the usual timeout; our own, shorter timer says
    // "none arrived" as its own cause rather than a generic timeout.
    QTimer::singleShot(std::chrono::seconds(config.waitPublicationSeconds), context, [this] {
        fail(Failure::make(Where::Publications, Kind::NoPublication, 0,
            QStringLiteral("none in %1 s").arg(config.waitPublicationSeconds)));
    });
    for (const QPointer<Subscription>& sub : std::as_const(subscribed)) {
        if (!sub)
            continue;
        QObject::connect(
            sub, &Subscription::publication, context, [this](const Publication& publication) {
                current().facts.insert(QStringLiteral("channel"), publication.channel);
                current().facts.insert(QStringLiteral("offset"), publication.offset);
                const QString type = publicationType(publication.data);
                if (!type.isEmpty())
                    current().facts.insert(QStringLiteral("publicationType"), type);
                complete(StepStatus::Ok);
            });
    }
}

} // namespace WhaTrack::Diagnostics
