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

WebhookPublisher::WebhookPublisher(QUrl backendUrl, QByteArray secret, QString phoneNumberId,
    QStringList phones, int perSecond, QObject* parent)
    : QObject(parent)
    , m_backendUrl(std::move(backendUrl))
    , m_secret(std::move(secret))
    , m_phoneNumberId(std::move(phoneNumberId))
    , m_phones(std::move(phones))
    , m_perSecond(perSecond)
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
    // Bounded: never more than a second's worth in flight (a slow backend is not flooded).
    while (m_sent < due && m_inFlight < m_perSecond) {
        const QString phone = m_phones.at(m_sent % m_phones.size());
        post(phone, QStringLiteral("chaos %1").arg(m_sent + 1));
    }
}

void WebhookPublisher::post(const QString& from, const QString& body)
{
    ++m_sent;
    const QString wamid
        = QStringLiteral("wamid.CHAOS%1x%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(m_sent);
    WhaTrack::Testing::InboundText message; // the one writer of Meta's payload (tests/support)
    message.from = from;
    message.body = body;
    message.phoneNumberId = m_phoneNumberId;
    message.wamid = wamid;
    message.wabaId = QStringLiteral("WABA_CHAOS");
    ++m_inFlight;
    QNetworkReply* reply
        = WhaTrack::Testing::postInboundText(m_nam, m_backendUrl, m_secret, message, 15000);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        --m_inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status == 200)
            ++m_accepted;
        else
            ++m_failed;
    });
}

} // namespace Chaos
