#include "realtime/tokenrefresher.h"

#include "realtime/logging.h"

#include <QMetaObject>
#include <QMutexLocker>

#include <atomic>

namespace Centrifuge {

void Lifeline::post(std::function<void()> function)
{
    QMutexLocker lock(&m_mutex);
    if (m_target)
        QMetaObject::invokeMethod(m_target, std::move(function), Qt::QueuedConnection);
}

void Lifeline::cut()
{
    QMutexLocker lock(&m_mutex);
    m_target = nullptr;
}

void requestToken(const std::shared_ptr<TokenProvider>& provider, const TokenRequest& request,
    const std::shared_ptr<Lifeline>& lifeline, QObject* context, std::chrono::milliseconds timeout,
    std::function<void(const TokenReply&)> done)
{
    // One flag decides between the provider's answer and our timeout, whichever comes first;
    // a provider calling back twice is also absorbed here.
    auto settled = std::make_shared<std::atomic<bool>>(false);
    auto callback = std::make_shared<std::function<void(const TokenReply&)>>(std::move(done));

    if (!provider) {
        lifeline->post([callback] {
            (*callback)(TokenReply::failed(QStringLiteral("no token provider configured")));
        });
        return;
    }
    QTimer::singleShot(timeout, context, [settled, callback] {
        if (settled->exchange(true))
            return;
        qCInfo(lcRealtime) << "token provider did not answer in time";
        (*callback)(TokenReply::failed(QStringLiteral("token request timed out")));
    });
    std::weak_ptr<Lifeline> weakLifeline = lifeline;
    provider->fetchToken(request, [settled, callback, weakLifeline](TokenReply reply) {
        if (settled->exchange(true))
            return;
        if (auto line = weakLifeline.lock())
            line->post([callback, reply = std::move(reply)] { (*callback)(reply); });
    });
}

TokenRefresher::TokenRefresher(QObject* parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // never early: the token pacer would refuse it
    connect(&m_timer, &QTimer::timeout, this, &TokenRefresher::due);
}

void TokenRefresher::scheduleIn(std::chrono::milliseconds delay)
{
    // QTimer takes int milliseconds; a ttl of days still fits, clamp anything beyond.
    constexpr qint64 maxMs = std::numeric_limits<int>::max();
    m_timer.start(std::chrono::milliseconds {std::min<qint64>(delay.count(), maxMs)});
}

} // namespace Centrifuge
