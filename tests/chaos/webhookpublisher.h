#pragma once

//! \file webhookpublisher.h
//! \brief Plays Meta against the reference backend: signed webhook deliveries of inbound text
//! messages ("chaos N"), at a steady rate, spread over a set of phone numbers. Each delivery
//! makes the backend store a message and publish to Centrifugo, the path the app lives on.

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

    void start();
    void stop();
    //! Stops and waits until every delivery sent has been answered.
    bool stopAndDrain(int timeoutMs);
    //! Sends one delivery now.
    void post(const QString& from, const QString& body);
    int sent() const { return m_sent; }
    int accepted() const { return m_accepted; }
    int failed() const { return m_failed; }

private:
    void tick();

    QNetworkAccessManager m_nam;
    QUrl m_backendUrl;
    QByteArray m_secret;
    QString m_phoneNumberId;
    QStringList m_phones;
    int m_perSecond;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_base = 0;
    int m_sent = 0;
    int m_accepted = 0;
    int m_failed = 0;
    int m_inFlight = 0;
};

} // namespace Chaos
