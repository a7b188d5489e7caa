#pragma once

//! \file seqpublisher.h
//! \brief Publishes {"seq": N} to one channel through Centrifugo's HTTP API at a steady rate,
//! one request at a time so the server sees them in order. A failed publish (server down) is
//! retried with the same seq and the same idempotency key, so a retry of a publish that did get
//! through is not stored twice: the stream the server holds is 1, 2, 3 ... without holes.

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace Chaos {

class SeqPublisher : public QObject
{
    Q_OBJECT

public:
    SeqPublisher(
        QUrl apiUrl, QString apiKey, QString channel, int perSecond, QObject* parent = nullptr);

    void start();
    void stop();
    //! Stops and waits for the request in flight (if any) to finish.
    bool stopAndDrain(int timeoutMs);
    //! The highest seq the server accepted (every seq below it was accepted too).
    qint64 accepted() const { return m_accepted; }
    int failures() const { return m_failures; }
    void setUrl(const QUrl& apiUrl) { m_apiUrl = apiUrl; }

private:
    void tick();
    void send();

    QNetworkAccessManager m_nam;
    QUrl m_apiUrl;
    QString m_apiKey;
    QString m_channel;
    int m_perSecond;
    QString m_run; //!< prefix of the idempotency keys, one per publisher
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_base = 0; //!< seq accepted when m_clock started (pacing restarts after an outage)
    qint64 m_accepted = 0;
    int m_failures = 0;
    bool m_inFlight = false;
    bool m_running = false;
};

} // namespace Chaos
