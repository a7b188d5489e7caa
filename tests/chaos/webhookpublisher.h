#pragma once

//! \file webhookpublisher.h
//! \brief Plays Meta against the reference backend: signed webhook deliveries of inbound text
//! messages ("chaos N"), at a steady rate, spread over a set of phone numbers. Each delivery
//! makes the backend store a message and publish to Centrifugo, the path the app lives on.
//!
//! It paces itself to the backend: at most maxInFlight() deliveries wait for an answer at once,
//! so when the backend answers slowly the rate drops instead of queueing requests until they
//! time out. A delivery that fails in transit (timeout, connection reset, 5xx) is sent again
//! with the same wamid, as Meta retries: the backend dedupes by wamid, so a retry of a delivery
//! that was stored after all stores nothing twice.

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace Chaos {

class WebhookPublisher : public QObject
{
    Q_OBJECT

public:
    WebhookPublisher(QUrl backendUrl, QByteArray secret, QString phoneNumberId, QStringList phones,
        int perSecond, QObject* parent = nullptr);

    //! Deliveries waiting for an answer at most (default: one second's worth, perSecond).
    void setMaxInFlight(int maxInFlight) { m_maxInFlight = qMax(1, maxInFlight); }
    int maxInFlight() const { return m_maxInFlight; }

    void start();
    void stop();
    //! Stops and waits until every delivery sent has been answered.
    bool stopAndDrain(int timeoutMs);
    //! Sends one delivery now.
    void post(const QString& from, const QString& body);
    int sent() const { return m_sent; }
    int accepted() const { return m_accepted; }
    //! Deliveries that failed after every attempt.
    int failed() const { return m_failed; }
    //! Attempts sent again after a failure in transit (each counted once per retry).
    int retries() const { return m_retries; }
    //! Seconds since start() (for the achieved rate).
    double elapsedSeconds() const { return double(m_clock.elapsed()) / 1000.0; }

private:
    struct Delivery;
    void tick();
    void send(const Delivery& delivery, int attempt);

    QNetworkAccessManager m_nam;
    QUrl m_backendUrl;
    QByteArray m_secret;
    QString m_phoneNumberId;
    QStringList m_phones;
    int m_perSecond;
    int m_maxInFlight;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_base = 0;
    int m_sent = 0;
    int m_accepted = 0;
    int m_failed = 0;
    int m_retries = 0;
    int m_inFlight = 0;
};

} // namespace Chaos
