#include "models/diagnostics/diagnosticsrunner.h"

#include "models/apiclient.h"
#include "models/channeltemplates.h"
#include "models/cookiejar.h"
#include "models/diagnostics/causeadapters.h"
#include "models/diagnostics/diagnosticsrunner_p.h"
#include "models/diagnostics/jwtclaims.h"
#include "models/diagnostics/probes.h"
#include "models/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>

namespace WhaTrack::Diagnostics {

namespace {

Step makeStep(StepKind kind, QString id, QString title, QString subject = {})
{
    Step s;
    s.kind = kind;
    s.id = std::move(id);
    s.title = std::move(title);
    s.subject = std::move(subject);
    return s;
}

QString hostPort(const QUrl& url)
{
    const bool secure
        = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    return url.host() + QLatin1Char(':') + QString::number(url.port(secure ? 443 : 80));
}

QString skewWords(qint64 seconds)
{
    const qint64 a = qAbs(seconds);
    const QString amount = a >= 120 ? QStringLiteral("%1 min %2 s").arg(a / 60).arg(a % 60)
                                    : QStringLiteral("%1 s").arg(a);
    return amount
        + (seconds > 0 ? QStringLiteral(" (this computer is ahead)")
                       : QStringLiteral(" (this computer is behind)"));
}

} // namespace

DiagnosticsRunner::Private::Private(DiagnosticsRunner* owner)
    : q(owner)
{
    stepDeadline.setSingleShot(true);
    QObject::connect(&stepDeadline, &QTimer::timeout, q, [this] {
        fail(Failure::make(
            steps.value(currentIndex).kind == StepKind::Connect ? Where::Connect : Where::Unknown,
            Kind::Timeout, 0,
            QStringLiteral("no result within %1 ms").arg(stepDeadline.interval())));
    });
}

DiagnosticsRunner::Private::~Private()
{
    closeClient();
}

ApiClient* DiagnosticsRunner::Private::api() const
{
    return ownApi ? ownApi : externalApi.data();
}

QSslConfiguration DiagnosticsRunner::Private::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!config.caCertificates.isEmpty())
        ssl.addCaCertificates(config.caCertificates);
    return ssl;
}

QStringList DiagnosticsRunner::Private::channels() const
{
    QStringList out;
    const QString org = organizationId.isEmpty() ? QStringLiteral("{org}") : organizationId;
    for (const QString& pattern : config.channelTemplates) {
        if (!pattern.isEmpty())
            out << ChannelTemplates::expand(pattern, org);
    }
    return out;
}

void DiagnosticsRunner::Private::plan()
{
    steps.clear();
    steps << makeStep(StepKind::Backend, QStringLiteral("backend"),
        QStringLiteral("WhaTrack server reachable"), hostPort(config.backendUrl));
    steps << makeStep(StepKind::SignIn, QStringLiteral("sign-in"), QStringLiteral("Signed in"));
    steps << makeStep(StepKind::Token, QStringLiteral("token"),
        QStringLiteral("Realtime token from the token route"));
    steps << makeStep(StepKind::Centrifugo, QStringLiteral("centrifugo"),
        QStringLiteral("Realtime server reachable"), hostPort(config.wsUrl));
    steps << makeStep(StepKind::WebSocket, QStringLiteral("websocket"),
        QStringLiteral("WebSocket upgrade"), config.wsUrl.path());
    steps << makeStep(
        StepKind::Connect, QStringLiteral("connect"), QStringLiteral("Centrifugo connect"));
    for (const QString& pattern : config.channelTemplates) {
        if (pattern.isEmpty())
            continue;
        steps << makeStep(StepKind::Subscribe, QStringLiteral("subscribe:") + pattern,
            QStringLiteral("Subscribe to ") + pattern, pattern);
    }
    if (config.checkIsolation)
        steps << makeStep(StepKind::Isolation, QStringLiteral("isolation"),
            QStringLiteral("Channels are protected"));
    if (config.waitPublicationSeconds > 0)
        steps << makeStep(StepKind::Publication, QStringLiteral("publication"),
            QStringLiteral("A publication arrives within %1 s").arg(config.waitPublicationSeconds));
    for (int i = 0; i < steps.size(); ++i)
        steps[i].number = i + 1;
}

QString DiagnosticsRunner::Private::blockedBy(const Step& step) const
{
    QList<StepKind> needs;
    switch (step.kind) {
    case StepKind::SignIn:
        needs = {StepKind::Backend};
        break;
    case StepKind::Token:
        needs = {StepKind::SignIn};
        break;
    case StepKind::WebSocket:
        needs = {StepKind::Centrifugo};
        break;
    case StepKind::Connect:
        needs = {StepKind::Token, StepKind::WebSocket};
        break;
    case StepKind::Subscribe:
    case StepKind::Isolation:
        needs = {StepKind::Connect};
        break;
    case StepKind::Publication:
        needs = {StepKind::Connect, StepKind::Subscribe};
        break;
    default:
        break;
    }
    for (const Step& earlier : steps) {
        if (earlier.number >= step.number)
            break;
        if (needs.contains(earlier.kind)
            && (earlier.status == StepStatus::Failed || earlier.status == StepStatus::Skipped))
            return QStringLiteral("step %1 (%2) %3")
                .arg(earlier.number)
                .arg(earlier.title,
                    earlier.status == StepStatus::Failed ? QStringLiteral("failed")
                                                         : QStringLiteral("was skipped"));
    }
    return {};
}

void DiagnosticsRunner::Private::runNext()
{
    ++currentIndex;
    if (currentIndex >= steps.size()) {
        finish();
        return;
    }
    Step& step = current();
    const QString blocker = canceled ? QStringLiteral("canceled") : blockedBy(step);
    if (!blocker.isEmpty()) {
        step.status = StepStatus::Skipped;
        step.skippedBecause = blocker;
        Q_EMIT q->stepFinished(step);
        QTimer::singleShot(0, q, [this] { runNext(); });
        return;
    }
    step.status = StepStatus::Running;
    stepClock.start();
    stepContext = new QObject(q);
    stepDeadline.setInterval(config.stepTimeout
        + (step.kind == StepKind::Publication
                ? std::chrono::milliseconds(config.waitPublicationSeconds * 1000LL)
                : std::chrono::milliseconds(0)));
    stepDeadline.start();
    qCInfo(lcModels) << "diagnostics step" << step.number << step.id;
    Q_EMIT q->stepStarted(step);
    runStep(step);
}

void DiagnosticsRunner::Private::runStep(Step& step)
{
    switch (step.kind) {
    case StepKind::Backend:
        return runBackend();
    case StepKind::SignIn:
        return runSignIn();
    case StepKind::Token:
        return runToken();
    case StepKind::Centrifugo:
        return runCentrifugo();
    case StepKind::WebSocket:
        return runWebSocket();
    case StepKind::Connect:
        return runConnect();
    case StepKind::Subscribe:
        step.subject = ChannelTemplates::expand(step.subject, organizationId);
        return runSubscribe(step.subject, false, {});
    case StepKind::Isolation:
        return runIsolation();
    case StepKind::Publication:
        return runPublication();
    }
}

void DiagnosticsRunner::Private::complete(StepStatus status, Failure failure)
{
    if (currentIndex < 0 || currentIndex >= steps.size() || !running)
        return;
    Step& step = current();
    if (step.status != StepStatus::Running)
        return;
    stepDeadline.stop();
    step.status = status;
    step.durationMs = stepClock.elapsed();
    if (failure.where == Where::Unknown && !failure.isNone()) {
        static const QHash<StepKind, Where> whereOf {{StepKind::Backend, Where::Backend},
            {StepKind::SignIn, Where::SignIn}, {StepKind::Token, Where::TokenRoute},
            {StepKind::Centrifugo, Where::Centrifugo}, {StepKind::WebSocket, Where::WebSocket},
            {StepKind::Connect, Where::Connect}, {StepKind::Subscribe, Where::Subscribe},
            {StepKind::Isolation, Where::Isolation}, {StepKind::Publication, Where::Publications}};
        failure.where = whereOf.value(step.kind);
    }
    step.failure = std::move(failure);
    step.cause = explain(step.failure);
    if (stepContext) {
        stepContext->deleteLater();
        stepContext = nullptr;
    }
    qCInfo(lcModels) << "diagnostics step" << step.number << stepStatusName(step.status)
                     << step.cause.id << step.durationMs << "ms";
    Q_EMIT q->stepFinished(step);
    QTimer::singleShot(0, q, [this] { runNext(); });
}

void DiagnosticsRunner::Private::finish()
{
    closeClient();
    token.clear();
    config.password.clear();
    config.cookie.clear();
    if (ownApi) {
        ownApi->cancelAll();
        ownApi->deleteLater();
        ownApi = nullptr;
    }
    running = false;
    const Summary summary = summarize(steps, runClock.elapsed(), canceled);
    qCInfo(lcModels) << "diagnostics finished:" << summary.passed << "passed" << summary.warnings
                     << "warnings" << summary.failed << "failed" << summary.skipped << "skipped";
    Q_EMIT q->finished(summary);
}

// --- 1. backend -------------------------------------------------------------------------------

void DiagnosticsRunner::Private::runBackend()
{
    const QUrl url = config.backendUrl;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail(Failure::make(
            Where::Backend, Kind::DnsFailure, 0, QStringLiteral("not an http:// or https:// URL")));
        return;
    }
    probeHost(stepContext, Where::Backend, url, sslConfiguration(), config.stepTimeout,
        [this, url](const ProbeResult& probe) {
            current().facts.insert(probe.facts);
            if (!probe.failure.isNone()) {
                fail(probe.failure);
                return;
            }
            // An API route every better-auth backend serves; its answer (null without a
            // session) proves this is the WhaTrack API, and its Date header dates the server.
            auto* nam = new QNetworkAccessManager(stepContext);
            QUrl sessionUrl = url;
            sessionUrl.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                + QStringLiteral("/api/v1/auth/get-session"));
            QNetworkRequest request(sessionUrl);
            request.setSslConfiguration(sslConfiguration());
            request.setTransferTimeout(int(config.stepTimeout.count()));
            request.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply* reply = nam->get(request);
            QObject::connect(reply, &QNetworkReply::finished, stepContext, [this, reply] {
                reply->deleteLater();
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                current().facts.insert(QStringLiteral("httpStatus"), status);
                const QDateTime date = parseHttpDate(reply->rawHeader("Date"));
                if (date.isValid()) {
                    serverDate = date;
                    serverDateSkewSeconds
                        = (QDateTime::currentMSecsSinceEpoch() - date.toMSecsSinceEpoch()) / 1000;
                    current().facts.insert(
                        QStringLiteral("serverDate"), date.toUTC().toString(Qt::ISODate));
                }
                if (status >= 300 || status == 0) {
                    Failure f = fromNetworkError(Where::Backend, reply->error(), status,
                        status ? QStringLiteral("GET /api/v1/auth/get-session: HTTP %1").arg(status)
                               : reply->errorString());
                    fail(f);
                    return;
                }
                complete(StepStatus::Ok);
            });
        });
}

// --- 2. signed in -----------------------------------------------------------------------------

void DiagnosticsRunner::Private::runSignIn()
{
    const bool useExternal = externalApi && config.email.isEmpty() && config.cookie.isEmpty();
    if (!useExternal && !ownApi) {
        ApiConfig apiConfig;
        apiConfig.baseUrl = config.backendUrl;
        apiConfig.caCertificates = config.caCertificates;
        apiConfig.timeout = config.stepTimeout;
        apiConfig.maxGetRetries = 0;
        ownApi = new ApiClient(apiConfig, q);
    }
    ApiClient* rest = api();
    if (!config.email.isEmpty()) {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("email and password"));
        const QString password = config.password;
        config.password.clear(); // used once
        rest->signInEmail(config.email, password, stepContext, [this](ApiResult<SessionInfo> r) {
            if (!r.ok()) {
                fail(fromApiError(Where::SignIn, r.error));
                return;
            }
            current().facts.insert(QStringLiteral("user"), r.value.user.email);
            chooseOrganization();
        });
        return;
    }
    if (!config.cookie.isEmpty()) {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("cookie"));
        QList<QNetworkCookie> cookies;
        for (const QString& part : config.cookie.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            if (eq > 0)
                cookies << QNetworkCookie(
                    part.left(eq).trimmed().toUtf8(), part.mid(eq + 1).trimmed().toUtf8());
        }
        rest->cookieJar()->setCookiesFromUrl(cookies, config.backendUrl);
    } else {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("the app's session"));
    }
    rest->getSession(stepContext, [this](ApiResult<std::optional<SessionInfo>> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::SignIn, r.error));
            return;
        }
        if (!r.value) {
            fail(Failure::make(
                Where::SignIn, Kind::SessionExpired, 0, QStringLiteral("get-session: null")));
            return;
        }
        current().facts.insert(QStringLiteral("user"), r.value->user.email);
        chooseOrganization();
    });
}

void DiagnosticsRunner::Private::chooseOrganization()
{
    api()->listOrganizations(stepContext, [this](ApiResult<QList<Organization>> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::Organization, r.error));
            return;
        }
        QString chosen;
        QString name;
        for (const Organization& org : r.value) {
            if (config.organizationId.isEmpty() ? chosen.isEmpty()
                                                : org.id == config.organizationId) {
                chosen = org.id;
                name = org.name;
            }
        }
        current().facts.insert(QStringLiteral("organizations"), int(r.value.size()));
        if (chosen.isEmpty()) {
            Failure f = Failure::make(Where::Organization, Kind::NotMember, 0,
                QStringLiteral("%1 organization(s) listed").arg(r.value.size()));
            f.subject = config.organizationId.isEmpty() ? QStringLiteral("any organization")
                                                        : config.organizationId;
            fail(f);
            return;
        }
        organizationId = chosen;
        if (ownApi)
            ownApi->setOrganizationId(chosen);
        current().facts.insert(QStringLiteral("organizationId"), chosen);
        current().facts.insert(QStringLiteral("organizationName"), name.left(120));
        complete(StepStatus::Ok);
    });
}

// --- 3. token route ---------------------------------------------------------------------------

void DiagnosticsRunner::Private::runToken()
{
    api()->fetchConnectionToken(stepContext, [this](ApiResult<QString> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::TokenRoute, r.error));
            return;
        }
        const std::optional<JwtClaims> claims = decodeJwtClaims(r.value);
        if (!claims) {
            fail(Failure::make(
                Where::TokenRoute, Kind::DecodeError, 200, QStringLiteral("not a JWT")));
            return;
        }
        token = r.value; // memory only; never a fact
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVariantMap& facts = current().facts;
        facts.insert(QStringLiteral("sub"), claims->sub);
        if (claims->exp > 0) {
            facts.insert(QStringLiteral("exp"),
                QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC).toString(Qt::ISODate));
            facts.insert(QStringLiteral("expiresInSeconds"), claims->exp - now);
        }
        if (claims->iat > 0)
            facts.insert(QStringLiteral("iat"),
                QDateTime::fromSecsSinceEpoch(claims->iat, Qt::UTC).toString(Qt::ISODate));
        if (!claims->organizationId.isEmpty())
            facts.insert(QStringLiteral("organizationId"), claims->organizationId);
        // Clock skew: the server's Date header when we have it, else the token's iat (both
        // are the server's clock at nearly this moment).
        std::optional<qint64> skew;
        if (serverDate.isValid()) {
            skew = serverDateSkewSeconds;
            facts.insert(QStringLiteral("clockSkewSource"), QStringLiteral("Date header"));
        } else if (claims->iat > 0) {
            skew = now - claims->iat;
            facts.insert(QStringLiteral("clockSkewSource"), QStringLiteral("token iat"));
        }
        if (skew)
            facts.insert(QStringLiteral("clockSkewSeconds"), *skew);
        if (skew && qAbs(*skew) > config.clockSkewWarningSeconds) {
            complete(StepStatus::Warning,
                Failure::make(Where::TokenRoute, Kind::ClockSkew, 0, skewWords(*skew)));
            return;
        }
        if (claims->exp > 0 && claims->exp <= now) {
            complete(StepStatus::Warning,
                Failure::make(Where::TokenRoute, Kind::ClockSkew, 0,
                    QStringLiteral("the token expired %1 s ago by this computer's clock")
                        .arg(now - claims->exp)));
            return;
        }
        complete(StepStatus::Ok);
    });
}

// --- the runner ---------------------------------------------------------------------------------

DiagnosticsRunner::DiagnosticsRunner(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<Step>();
    qRegisterMetaType<Summary>();
}

DiagnosticsRunner::~DiagnosticsRunner() = default;

void DiagnosticsRunner::setApiClient(ApiClient* api)
{
    d->externalApi = api;
}

bool DiagnosticsRunner::isRunning() const
{
    return d->running;
}

QList<Step> DiagnosticsRunner::steps() const
{
    return d->steps;
}

Summary DiagnosticsRunner::summary() const
{
    return summarize(d->steps, d->runClock.isValid() ? d->runClock.elapsed() : 0, d->canceled);
}

void DiagnosticsRunner::start(const DiagnosticsConfig& config)
{
    if (d->running)
        return;
    d->config = config;
    d->canceled = false;
    d->organizationId.clear();
    d->token.clear();
    d->serverDate = {};
    d->pingIntervalSeconds = -1;
    d->currentIndex = -1;
    d->running = true;
    d->runClock.start();
    d->plan();
    Q_EMIT planned(d->steps);
    QTimer::singleShot(0, this, [this] { d->runNext(); });
}

void DiagnosticsRunner::cancel()
{
    if (!d->running || d->canceled)
        return;
    d->canceled = true;
    d->fail(Failure::make(Where::Unknown, Kind::Canceled));
}

} // namespace WhaTrack::Diagnostics
