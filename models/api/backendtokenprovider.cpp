#include "models/api/backendtokenprovider.h"

#include "models/api/apiclient.h"
#include "models/logging.h"

#include <QDateTime>
#include <QMetaObject>

#include <nlohmann/json.hpp>

namespace WhaTrack {

std::optional<qint64> jwtExpiry(const QString& token)
{
    const auto parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray payload = QByteArray::fromBase64(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto j = nlohmann::json::parse(payload.constBegin(), payload.constEnd(), nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    auto it = j.find("exp");
    if (it == j.end() || !it->is_number())
        return std::nullopt;
    return static_cast<qint64>(it->get<double>());
}

BackendTokenProvider::BackendTokenProvider(ApiClient* api, std::chrono::seconds refreshMargin)
    : m_api(api)
    , m_margin(refreshMargin)
    , m_clock(Clock::system())
{
}

BackendTokenProvider::~BackendTokenProvider() = default;

void BackendTokenProvider::setClock(Clock* clock)
{
    QMutexLocker lock(&m_mutex);
    m_clock = clock ? clock : Clock::system();
}

int BackendTokenProvider::requestCount() const
{
    return m_requests.load();
}

void BackendTokenProvider::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_cache.clear();
    qCDebug(lcAuth) << "realtime tokens forgotten";
}

void BackendTokenProvider::report(const Centrifuge::TokenRequest& request,
    const Centrifuge::TokenReply& reply, qint64 exp, bool fromCache) const
{
    if (m_observer)
        m_observer(request, reply.status, reply.error, reply.retryAfterMs, exp, fromCache);
}

bool BackendTokenProvider::cachedToken(const QString& key, QString* token, qint64* exp) const
{
    QMutexLocker lock(&m_mutex);
    auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd())
        return false;
    if (it->exp - m_margin.count() <= m_clock->wallNow().toSecsSinceEpoch())
        return false; // too close to `exp`: fetch a new one
    *token = it->token;
    if (exp)
        *exp = it->exp;
    return true;
}

void BackendTokenProvider::store(const QString& key, const QString& token)
{
    const auto exp = jwtExpiry(token);
    QMutexLocker lock(&m_mutex);
    if (exp)
        m_cache.insert(key, Cached {token, *exp});
    else
        m_cache.remove(key); // no `exp`: cannot tell how long it lasts, so do not reuse it
}

void BackendTokenProvider::fetchToken(const Centrifuge::TokenRequest& request, Callback done)
{
    const QString key
        = request.kind == Centrifuge::TokenRequest::Kind::Connection ? QString() : request.channel;
    QString token;
    qint64 exp = 0;
    if (cachedToken(key, &token, &exp)) {
        qCDebug(lcAuth) << "reusing the cached realtime token"
                        << (key.isEmpty() ? QStringLiteral("(connection)") : key);
        const auto reply = Centrifuge::TokenReply::ok(token);
        report(request, reply, exp, true);
        done(reply);
        return;
    }
    ApiClient* api = m_api.data();
    if (!api) {
        done(Centrifuge::TokenReply::failed(QStringLiteral("the app is shutting down")));
        return;
    }
    // We are on the realtime thread: the HTTP call happens on the API client's thread.
    QMetaObject::invokeMethod(
        api,
        [this, request, done = std::move(done)]() mutable {
            fetchOnApiThread(request, std::move(done));
        },
        Qt::QueuedConnection);
}

void BackendTokenProvider::fetchOnApiThread(Centrifuge::TokenRequest request, Callback done)
{
    const bool connection = request.kind == Centrifuge::TokenRequest::Kind::Connection;
    const QString key = connection ? QString() : request.channel;
    QString token;
    qint64 exp = 0;
    if (cachedToken(key, &token, &exp)) {
        const auto reply = Centrifuge::TokenReply::ok(token);
        report(request, reply, exp, true);
        done(reply);
        return;
    }
    auto& waiting = m_waiting[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return; // one request serves every caller waiting for the same token

    ++m_requests;
    qCInfo(lcAuth) << "fetching a realtime" << (connection ? "connection" : "subscription")
                   << "token";
    auto finish = [this, key, request, connection](ApiResult<QString> r) {
        Centrifuge::TokenReply reply;
        qint64 expiresAt = 0;
        if (r.ok()) {
            expiresAt = jwtExpiry(r.value).value_or(0);
            store(key, r.value);
            reply = Centrifuge::TokenReply::ok(r.value);
        } else if (r.error.kind == ApiError::Kind::Unauthorized
            || r.error.kind == ApiError::Kind::Forbidden) {
            reply = Centrifuge::TokenReply::unauthorized(r.error.describe());
        } else if (!connection && r.error.kind == ApiError::Kind::NotFound) {
            // No subscription-token route (the real WhaTrack backend): asking again cannot help,
            // so the channel ends refused instead of retrying for ever.
            reply = Centrifuge::TokenReply::unauthorized(r.error.describe());
        } else if (r.error.kind == ApiError::Kind::RateLimited) {
            reply = Centrifuge::TokenReply::failed(
                r.error.describe(), static_cast<int>(r.error.retryAfterMs));
        } else {
            reply = Centrifuge::TokenReply::failed(r.error.describe(),
                r.error.retryAfterMs >= 0 ? static_cast<int>(r.error.retryAfterMs) : -1);
        }
        if (!r.ok())
            qCInfo(lcAuth) << "realtime token not obtained:" << r.error.describe();
        report(request, reply, expiresAt, false);
        const auto callbacks = m_waiting.take(key);
        for (const auto& cb : callbacks)
            cb(reply);
    };
    if (connection)
        m_api->fetchConnectionToken(nullptr, finish);
    else
        m_api->fetchSubscriptionToken(request.channel, nullptr, finish);
}

} // namespace WhaTrack
