#pragma once

//! \file apiclient_p.h
//! \brief Internals of ApiClient: one Call per request, attempts, classification, retries.

#include "models/api/apiclient.h"
#include "models/api/directionregistry.h"
#include "models/platform/offthread.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QPromise>

class QNetworkReply;
class QTimer;

namespace WhaTrack {

class ApiClientPrivate
{
public:
    using RawDone = std::function<void(ApiResult<ApiResponse>)>;

    struct Call
    {
        ApiClient::RequestId id = 0;
        ApiRequest request;
        QPointer<const QObject> context;
        bool hasContext = false;
        RawDone done;
        int attempt = 0;
        QNetworkReply* reply = nullptr;
        QTimer* timer = nullptr; //!< the per-attempt timeout, then the retry delay
        bool timedOut = false;
        bool inHandler = false; //!< onFinished() runs: signals it emits may cancel re-entrantly
        bool canceled = false;
        bool tooLarge = false; //!< aborted because the answer exceeded request.maxBodyBytes
        QString refusedRedirect; //!< why a redirect was refused (the reply was aborted)
        QStringList sslErrors;
        QElapsedTimer started;
        //! The answer so far, read as it arrives (readAvailable): a 60 MB chat list is never
        //! copied out of the reply in one go on the client's thread.
        QByteArray body;
    };

    explicit ApiClientPrivate(ApiClient* q, ApiConfig config);

    ApiClient::RequestId start(const ApiRequest& request, const QObject* context, RawDone done);
    void sendAttempt(Call* call);
    void onFinished(Call* call);
    //! UserVerifiedRedirectPolicy: follows same-origin GET/HEAD redirects, refuses the rest.
    void onRedirected(Call* call, const QUrl& target);
    //! Aborts an answer bigger than the request's cap (by Content-Length or bytes received).
    void checkSize(Call* call, qint64 bytes);
    //! Moves what the reply has buffered into Call::body (on each readyRead and at the end).
    void readAvailable(Call* call);
    ApiError classify(Call* call, int* status, QByteArray* body);
    bool shouldRetry(const Call* call, const ApiError& error, qint64* delayMs) const;
    void complete(Call* call, ApiResult<ApiResponse> result);
    void drop(Call* call);
    //! cancel()/cancelAll(): deletes, or only marks a call whose handler is running.
    void cancelCall(Call* call);
    QString routeOf(const ApiRequest& request) const;
    //! requestFinished() (and a log line when \a error is set) for a typed call once decoded.
    void reportDecoded(const QString& route, int status, qint64 latencyMs, const ApiError& error);
    QUrl urlFor(const ApiRequest& request) const;

    //! Runs \a decode on a worker for big bodies (inline for small ones) and hands the typed
    //! result to \a done on the client's thread if \a context is still alive.
    template<typename T, typename Decode>
    void decodeThen(ApiResult<ApiResponse> raw, const QObject* context, bool hasContext,
        Decode decode, ApiClient::Callback<T> done);

    ApiClient* q;
    ApiConfig m_config;
    QNetworkAccessManager* m_nam = nullptr;
    CookieJar* m_jar = nullptr;
    //! Shared with decodes still running on the pool when the client goes away.
    std::shared_ptr<DirectionRegistry> m_directions = std::make_shared<DirectionRegistry>();
    QHash<ApiClient::RequestId, Call*> m_calls;
    ApiClient::RequestId m_nextId = 1;
};

//! Bodies above this size are decoded off the client's thread.
inline constexpr qsizetype kInlineDecodeLimit = 16 * 1024;
//! After decoding a body above this size, freed memory is handed back to the system.
inline constexpr qsizetype kTrimAfter = 1024 * 1024;
//! Returns freed heap to the OS (glibc keeps per-thread arenas otherwise: a 20 MB chat list
//! would stay in the RSS long after it was decoded).
void trimHeap();

template<typename T, typename Decode>
void ApiClientPrivate::decodeThen(ApiResult<ApiResponse> raw, const QObject* context,
    bool hasContext, Decode decode, ApiClient::Callback<T> done)
{
    if (!raw.ok()) { // already reported by onFinished()
        ApiResult<T> r;
        r.error = raw.error;
        done(std::move(r));
        return;
    }
    // The report of a typed call waits for its decode: an unreadable 200 is an error.
    const QString route = raw.error.route;
    const int status = raw.value.httpStatus;
    const qint64 latency = raw.value.latencyMs;
    auto finish = [route, status](ApiResult<T>& r) {
        if (!r.ok()) {
            r.error.route = route;
            r.error.httpStatus = status;
        }
    };
    if (raw.value.body.size() <= kInlineDecodeLimit) {
        ApiResult<T> r = decode(raw.value);
        finish(r);
        reportDecoded(route, status, latency, r.error);
        done(std::move(r));
        return;
    }
    auto promise = std::make_shared<QPromise<ApiResult<T>>>();
    QFuture<ApiResult<T>> future = promise->future();
    promise->start();
    // Below the GUI thread's priority (offthread.h): an 18 MB chat list takes a core for half a
    // second, and the GUI thread must not wait for a core behind it (issue 15).
    runInBackground([promise, decode, raw = std::move(raw)]() mutable {
        const bool big = raw.value.body.size() > kTrimAfter;
        ApiResult<T> result = decode(raw.value);
        raw = {};
        promise->addResult(std::move(result));
        promise->finish();
        // malloc_trim takes every arena's lock in turn, the GUI thread's too: at normal
        // priority, so that a lowered thread never holds a lock the GUI thread waits for.
        if (big)
            runAtNormalPriority(trimHeap);
    });
    // Delivered on the client's thread by a watcher the client owns: gone with the client, and
    // the callback is skipped if the caller's context died meanwhile. (QFuture::then(context)
    // of Qt 6.4 asserts when the context dies first.)
    QPointer<const QObject> guard(context);
    auto* watcher = new QFutureWatcher<ApiResult<T>>(q);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
        [this, watcher, guard, hasContext, finish, route, status, latency,
            done = std::move(done)]() mutable {
            watcher->deleteLater();
            if (watcher->future().resultCount() == 0)
                return;
            ApiResult<T> r = watcher->future().takeResult();
            finish(r);
            reportDecoded(route, status, latency, r.error);
            if (hasContext && !guard)
                return;
            done(std::move(r));
        });
    watcher->setFuture(future);
}

} // namespace WhaTrack
