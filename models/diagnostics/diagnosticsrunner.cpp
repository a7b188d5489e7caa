#include "models/diagnostics/diagnosticsrunner.h"

#include "models/api/apiclient.h"
#include "models/diagnostics/diagnosticsrunner_p.h"
#include "models/logging.h"
#include "models/store/channeltemplates.h"

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
        DiagnosticsRunner::tr("WhaTrack server reachable"), hostPort(config.backendUrl));
    steps << makeStep(
        StepKind::SignIn, QStringLiteral("sign-in"), DiagnosticsRunner::tr("Signed in"));
    steps << makeStep(StepKind::Token, QStringLiteral("token"),
        DiagnosticsRunner::tr("Realtime token from the token route"));
    steps << makeStep(StepKind::Centrifugo, QStringLiteral("centrifugo"),
        DiagnosticsRunner::tr("Realtime server reachable"), hostPort(config.wsUrl));
    steps << makeStep(StepKind::WebSocket, QStringLiteral("websocket"),
        DiagnosticsRunner::tr("WebSocket upgrade"), config.wsUrl.path());
    steps << makeStep(
        StepKind::Connect, QStringLiteral("connect"), DiagnosticsRunner::tr("Centrifugo connect"));
    for (const QString& pattern : config.channelTemplates) {
        if (pattern.isEmpty())
            continue;
        steps << makeStep(StepKind::Subscribe, QStringLiteral("subscribe:") + pattern,
            DiagnosticsRunner::tr("Subscribe to %1").arg(pattern), pattern);
    }
    if (config.checkIsolation)
        steps << makeStep(StepKind::Isolation, QStringLiteral("isolation"),
            DiagnosticsRunner::tr("Channels are protected"));
    if (config.waitPublicationSeconds > 0)
        steps << makeStep(StepKind::Publication, QStringLiteral("publication"),
            DiagnosticsRunner::tr("A publication arrives within %1 s")
                .arg(config.waitPublicationSeconds));
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
            return (earlier.status == StepStatus::Failed
                    ? DiagnosticsRunner::tr("step %1 (%2) failed")
                    : DiagnosticsRunner::tr("step %1 (%2) was skipped"))
                .arg(earlier.number)
                .arg(earlier.title);
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
    if (!running || current().status != StepStatus::Running)
        return; // canceled from a slot of stepStarted
    runStep(current());
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
