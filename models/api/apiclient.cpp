#include "models/api/apiclient.h"

#include "models/api/apiclient_p.h"
#include "models/api/apicodec.h"
#include "models/api/cookiejar.h"
#include "models/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslError>
#include <QTimer>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace WhaTrack {

void trimHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

namespace {

bool isIdempotent(const QByteArray& method)
{
    return method == "GET" || method == "HEAD";
}

//! scheme://host[:port] without user info, path or query: safe to show and log.
QString originOf(const QUrl& url)
{
    return url
        .adjusted(
            QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    const int defaultA = a.scheme() == QLatin1String("https") ? 443 : 80;
    const int defaultB = b.scheme() == QLatin1String("https") ? 443 : 80;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultA) == b.port(defaultB);
}

} // namespace

ApiClientPrivate::ApiClientPrivate(ApiClient* qq, ApiConfig config)
    : q(qq)
    , m_config(std::move(config))
{
    m_directions->seed(m_config.inboundDirectionIds, m_config.outboundDirectionIds);
}

QString ApiClientPrivate::routeOf(const ApiRequest& request) const
{
    // The path only: queries may carry search text, ids are not secrets.
    return QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
}

QUrl ApiClientPrivate::urlFor(const ApiRequest& request) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

ApiClient::RequestId ApiClientPrivate::start(
    const ApiRequest& request, const QObject* context, RawDone done)
{
    auto* call = new Call;
    call->id = m_nextId++;
    call->request = request;
    call->context = context;
    call->hasContext = context != nullptr;
    call->done = std::move(done);
    m_calls.insert(call->id, call);
    sendAttempt(call);
    return call->id;
}

void ApiClientPrivate::sendAttempt(Call* call)
{
    const ApiRequest& r = call->request;
    QNetworkRequest req(urlFor(r));
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    if (r.sendOrganization && !m_config.organizationId.isEmpty())
        req.setRawHeader("x-organization-id", m_config.organizationId.toUtf8());
    if (!isIdempotent(r.method)) {
        // better-auth checks Origin on state-changing requests.
        const QString origin = m_config.origin.isEmpty()
            ? m_config.baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
                  .toString(QUrl::RemoveUserInfo)
            : m_config.origin;
        req.setRawHeader("Origin", origin.toUtf8());
    }
    if (req.url().scheme() == QLatin1String("https"))
        req.setSslConfiguration(m_config.effectiveSslConfiguration());
    // Every redirect is vetted in onRedirected(): Qt would re-send the body (the password) and
    // the headers (cookie, x-organization-id) to wherever the server points.
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);

    QByteArray body = r.jsonBody;
    if (!body.isEmpty() || !isIdempotent(r.method))
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    call->timedOut = false;
    call->tooLarge = false;
    call->refusedRedirect.clear();
    call->sslErrors.clear();
    call->body.clear();
    call->started.start();
    call->reply = m_nam->sendCustomRequest(req, r.method, body);
    QObject::connect(
        call->reply, &QNetworkReply::sslErrors, q, [call](const QList<QSslError>& errors) {
            // Listed, never ignored: the reply then fails with SslHandshakeFailedError.
            for (const auto& e : errors)
                call->sslErrors.append(e.errorString());
        });
    QObject::connect(call->reply, &QNetworkReply::redirected, q,
        [this, call](const QUrl& target) { onRedirected(call, target); });
    QObject::connect(call->reply, &QNetworkReply::metaDataChanged, q, [this, call] {
        const QVariant length = call->reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            checkSize(call, length.toLongLong());
    });
    QObject::connect(
        call->reply, &QNetworkReply::readyRead, q, [this, call] { readAvailable(call); });
    QObject::connect(call->reply, &QNetworkReply::downloadProgress, q,
        [this, call](qint64 received, qint64) { checkSize(call, received); });
    QObject::connect(call->reply, &QNetworkReply::finished, q, [this, call] { onFinished(call); });

    if (!call->timer) {
        call->timer = new QTimer(q);
        call->timer->setSingleShot(true);
    }
    call->timer->disconnect();
    QObject::connect(call->timer, &QTimer::timeout, q, [call] {
        call->timedOut = true;
        if (call->reply)
            call->reply->abort();
    });
    call->timer->start(m_config.timeout);
}

void ApiClientPrivate::onRedirected(Call* call, const QUrl& target)
{
    QNetworkReply* reply = call->reply;
    if (!reply)
        return;
    // The origin the agent configured, not reply->url() (already the redirect's target here).
    const QUrl from = urlFor(call->request);
    const QUrl to = from.resolved(target);
    if (isIdempotent(call->request.method) && sameOrigin(from, to)) {
        qCDebug(lcApi).noquote() << routeOf(call->request) << "follows a redirect to" << to.path();
        call->body.clear(); // the redirect's own body is not the answer
        Q_EMIT reply->redirectAllowed();
        return;
    }
    // Refused before anything is sent: no body, cookie or header leaves for the new address.
    call->refusedRedirect = sameOrigin(from, to)
        ? QStringLiteral("the server redirected a %1 request to %2; check the backend URL")
              .arg(QString::fromLatin1(call->request.method), to.path())
        : QStringLiteral("the server redirected to another address: %1; check the backend URL")
              .arg(originOf(to));
    qCWarning(lcApi).noquote() << routeOf(call->request)
                               << "redirect refused:" << call->refusedRedirect;
    reply->abort();
}

void ApiClientPrivate::checkSize(Call* call, qint64 bytes)
{
    QNetworkReply* reply = call->reply;
    if (!reply || call->tooLarge || bytes <= call->request.maxBodyBytes)
        return;
    call->tooLarge = true;
    qCWarning(lcApi).noquote() << routeOf(call->request) << "answer of at least" << bytes
                               << "bytes exceeds the cap of" << call->request.maxBodyBytes;
    reply->abort();
}

void ApiClientPrivate::readAvailable(Call* call)
{
    QNetworkReply* reply = call->reply;
    if (!reply || call->tooLarge || !reply->isOpen())
        return;
    const qint64 available = reply->bytesAvailable();
    if (available <= 0)
        return;
    QByteArray& body = call->body;
    const qsizetype used = body.size();
    const qsizetype need = used + qsizetype(available);
    if (body.capacity() < need) {
        // Room for the announced length (the cap was checked on the headers), or doubling:
        // the pages of a big body are touched chunk by chunk, never all at once.
        qsizetype room = std::max(need, 2 * body.capacity());
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() >= need
            && length.toLongLong() <= call->request.maxBodyBytes)
            room = std::max(room, qsizetype(length.toLongLong()));
        body.reserve(room);
    }
    body.resize(need);
    const qint64 got = reply->read(body.data() + used, available);
    body.resize(used + qsizetype(std::max<qint64>(got, 0)));
    if (body.size() > call->request.maxBodyBytes)
        checkSize(call, body.size()); // inflated beyond the cap: aborted, the answer is refused
}

bool ApiClientPrivate::shouldRetry(const Call* call, const ApiError& error, qint64* delayMs) const
{
    if (!call->request.allowRetry || !isIdempotent(call->request.method)
        || call->attempt >= m_config.maxGetRetries)
        return false;
    if (!error.isTransient()) // never 401/403/404/TLS/bad JSON
        return false;
    if (error.retryAfterMs >= 0) {
        if (error.retryAfterMs > m_config.maxRetryAfter.count())
            return false; // the caller decides (a long wait is not ours to hide)
        *delayMs = error.retryAfterMs;
        return true;
    }
    const qint64 cap = std::min<qint64>(m_config.retryMaxDelay.count(),
        m_config.retryBaseDelay.count() * (qint64(1) << std::min(call->attempt, 16)));
    *delayMs = cap > 0 ? QRandomGenerator::global()->bounded(cap) + 1 : 0; // full jitter
    return true;
}

void ApiClientPrivate::onFinished(Call* call)
{
    call->timer->stop();
    call->inHandler = true;
    int status = 0;
    QByteArray body;
    ApiError error = classify(call, &status, &body); // may emit serverReached()
    const qint64 latency = call->started.elapsed();
    call->reply->deleteLater();
    call->reply = nullptr;

    if (error.ok()) {
        qCDebug(lcApi).noquote() << error.route << "->" << status << "in" << latency << "ms,"
                                 << body.size() << "bytes";
    } else {
        qCInfo(lcApi).noquote() << error.route << "failed:" << error.describe() << "after"
                                << latency << "ms"
                                << "(attempt" << call->attempt + 1 << ")";
    }
    // A typed call's success is reported once its body is decoded (decodeThen): an unreadable
    // 200 is an error there, not "HTTP 200" here.
    const bool reportLater = error.ok() && call->request.reportAfterDecode;
    if (!reportLater)
        Q_EMIT q->requestFinished(error.route, status, latency, error);
    if (call->canceled) { // a slot canceled it meanwhile
        drop(call);
        return;
    }

    qint64 delay = 0;
    if (!error.ok() && shouldRetry(call, error, &delay)) {
        ++call->attempt;
        call->inHandler = false;
        qCInfo(lcApi).noquote() << "retrying" << error.route << "in" << delay << "ms";
        call->timer->disconnect();
        QObject::connect(call->timer, &QTimer::timeout, q, [this, call] { sendAttempt(call); });
        call->timer->start(static_cast<int>(delay));
        return;
    }
    ApiResult<ApiResponse> result;
    result.error = error;
    result.value.httpStatus = status;
    result.value.body = std::move(body);
    result.value.latencyMs = latency;
    complete(call, std::move(result));
    // After the caller heard of it: Session reacts by signing out (and canceling the rest).
    if (error.kind == ApiError::Kind::Unauthorized)
        Q_EMIT q->unauthorized(error);
}

void ApiClientPrivate::complete(Call* call, ApiResult<ApiResponse> result)
{
    m_calls.remove(call->id);
    const bool alive = !call->hasContext || call->context;
    RawDone done = std::move(call->done);
    const bool reportLater = result.ok() && call->request.reportAfterDecode;
    drop(call);
    if (alive && done)
        done(std::move(result));
    else if (reportLater) // nobody decodes it: report the transfer as it was
        reportDecoded(result.error.route, result.value.httpStatus, result.value.latencyMs, {});
}

void ApiClientPrivate::reportDecoded(
    const QString& route, int status, qint64 latencyMs, const ApiError& error)
{
    if (!error.ok())
        qCInfo(lcApi).noquote() << route << "failed:" << error.describe();
    Q_EMIT q->requestFinished(route, status, latencyMs, error);
}

void ApiClientPrivate::cancelCall(Call* call)
{
    m_calls.remove(call->id);
    if (call->inHandler)
        call->canceled = true; // onFinished() drops it when its signals return
    else
        drop(call);
}

void ApiClientPrivate::drop(Call* call)
{
    if (call->timer) {
        call->timer->stop();
        call->timer->disconnect();
        call->timer->deleteLater();
    }
    if (call->reply) {
        call->reply->disconnect(q);
        call->reply->abort();
        call->reply->deleteLater();
    }
    delete call;
}

ApiClient::ApiClient(ApiConfig config, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<ApiClientPrivate>(this, std::move(config)))
{
    d->m_nam = new QNetworkAccessManager(this);
    d->m_jar = new CookieJar(d->m_nam);
    d->m_nam->setCookieJar(d->m_jar);
    d->m_jar->setParent(this); // the jar outlives a QNAM swap
    // Our own timeout classifies precisely; Qt's transfer timeout stays off.
    d->m_nam->setTransferTimeout(0);
}

ApiClient::~ApiClient()
{
    cancelAll();
}

const ApiConfig& ApiClient::config() const
{
    return d->m_config;
}

void ApiClient::setConfig(ApiConfig config)
{
    d->m_config = std::move(config);
    // Pooled connections keep the TLS settings they were opened with.
    d->m_nam->clearConnectionCache();
    d->m_directions->seed(d->m_config.inboundDirectionIds, d->m_config.outboundDirectionIds);
}

QString ApiClient::organizationId() const
{
    return d->m_config.organizationId;
}

void ApiClient::setOrganizationId(const QString& organizationId)
{
    if (d->m_config.organizationId == organizationId)
        return;
    qCInfo(lcApi) << "organization set to" << organizationId;
    d->m_config.organizationId = organizationId;
}

CookieJar* ApiClient::cookieJar() const
{
    return d->m_jar;
}

QNetworkAccessManager* ApiClient::networkAccessManager() const
{
    return d->m_nam;
}

DirectionRegistry* ApiClient::directionRegistry() const
{
    return d->m_directions.get();
}

ApiClient::RequestId ApiClient::send(
    const ApiRequest& request, const QObject* context, Callback<ApiResponse> done)
{
    return d->start(request, context, std::move(done));
}

void ApiClient::cancel(RequestId id)
{
    if (ApiClientPrivate::Call* call = d->m_calls.value(id)) {
        qCDebug(lcApi).noquote() << "canceled" << d->routeOf(call->request);
        d->cancelCall(call);
    }
}

void ApiClient::cancelAll()
{
    const auto calls = d->m_calls;
    for (auto* call : calls)
        d->cancelCall(call);
}

int ApiClient::inFlightCount() const
{
    return d->m_calls.size();
}

} // namespace WhaTrack
