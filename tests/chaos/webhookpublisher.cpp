#include "tests/chaos/webhookpublisher.h"

#include "tests/support/metawebhook.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QTest>

namespace Chaos {

namespace {
constexpr int kTransferTimeoutMs = 15000;
//! A delivery is tried this often before it counts as failed (Meta retries for hours; a test
//! needs a bound).
constexpr int kAttempts = 4;
} // namespace

struct WebhookPublisher::Delivery
{
    WhaTrack::Testing::InboundText message;
};

WebhookPublisher::WebhookPublisher(QUrl backendUrl, QByteArray secret, QString phoneNumberId,
    QStringList phones, int perSecond, QObject* parent)
    : QObject(parent)
    , m_backendUrl(std::move(backendUrl))
    , m_secret(std::move(secret))
    , m_phoneNumberId(std::move(phoneNumberId))
    , m_phones(std::move(phones))
    , m_perSecond(perSecond)
    , m_maxInFlight(qMax(1, perSecond))
{
    m_timer.setInterval(qMax(5, 1000 / perSecond));
    connect(&m_timer, &QTimer::timeout, this, &WebhookPublisher::tick);
}

void WebhookPublisher::start()
{
    m_base = m_sent;
    m_clock.start();
    m_timer.start();
}

void WebhookPublisher::stop()
{
    m_timer.stop();
}

bool WebhookPublisher::stopAndDrain(int timeoutMs)
{
    stop();
    return QTest::qWaitFor([this] { return m_inFlight == 0; }, timeoutMs);
}

void WebhookPublisher::tick()
{
    const qint64 due = m_base + m_clock.elapsed() * m_perSecond / 1000;
    // Bounded: a slow backend slows the sender down instead of collecting requests that time
    // out. What falls behind is sent as soon as answers come (the rate catches up).
    while (m_sent < due && m_inFlight < m_maxInFlight) {
        const QString phone = m_phones.at(m_sent % m_phones.size());
        post(phone, QStringLiteral("chaos %1").arg(m_sent + 1));
    }
}

void WebhookPublisher::post(const QString& from, const QString& body)
{
    ++m_sent;
    Delivery delivery;
    WhaTrack::Testing::InboundText& message = delivery.message; // the one writer of Meta's payload
    message.from = from;
    message.body = body;
    message.phoneNumberId = m_phoneNumberId;
    message.wamid
        = QStringLiteral("wamid.CHAOS%1x%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(m_sent);
    message.wabaId = QStringLiteral("WABA_CHAOS");
    ++m_inFlight;
    send(delivery, 1);
}

void WebhookPublisher::send(const Delivery& delivery, int attempt)
{
    QNetworkReply* reply = WhaTrack::Testing::postInboundText(
        m_nam, m_backendUrl, m_secret, delivery.message, kTransferTimeoutMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status == 200) {
            --m_inFlight;
            ++m_accepted;
            return;
        }
        // A 4xx is the request's fault and would fail again; anything in transit or a 5xx is
        // the backend's load, and the same wamid makes the retry idempotent.
        const bool transient = status == 0 || status >= 500;
        if (transient && attempt < kAttempts) {
            ++m_retries;
            send(delivery, attempt + 1);
            return;
        }
        --m_inFlight;
        ++m_failed;
        qWarning("webhook delivery %s failed after %d attempt(s): HTTP %d, %s",
            qPrintable(delivery.message.body), attempt, status, qPrintable(reply->errorString()));
    });
}

} // namespace Chaos
