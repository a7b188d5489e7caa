#include "tests/chaos/seqpublisher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>
#include <QUuid>

namespace Chaos {

SeqPublisher::SeqPublisher(
    QUrl apiUrl, QString apiKey, QString channel, int perSecond, QObject* parent)
    : QObject(parent)
    , m_apiUrl(std::move(apiUrl))
    , m_apiKey(std::move(apiKey))
    , m_channel(std::move(channel))
    , m_perSecond(perSecond)
    // Centrifugo remembers idempotency keys for minutes: a second publisher in the same run
    // (another test row) must not have its seq 1, 2, 3 ... dropped as repeats of the first's.
    , m_run(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(qMax(1, 1000 / perSecond));
    connect(&m_timer, &QTimer::timeout, this, &SeqPublisher::tick);
}

void SeqPublisher::start()
{
    m_running = true;
    m_base = m_accepted;
    m_clock.start();
    m_timer.start();
}

void SeqPublisher::stop()
{
    m_running = false;
    m_timer.stop();
}

bool SeqPublisher::stopAndDrain(int timeoutMs)
{
    stop();
    return QTest::qWaitFor([this] { return !m_inFlight; }, timeoutMs);
}

void SeqPublisher::tick()
{
    if (!m_running || m_inFlight)
        return;
    const qint64 due = m_base + m_clock.elapsed() * m_perSecond / 1000;
    // After an outage, go on at the normal rate instead of bursting the backlog.
    if (due - m_accepted > m_perSecond / 4) {
        m_base = m_accepted;
        m_clock.restart();
        return;
    }
    if (m_accepted < due)
        send();
}

void SeqPublisher::send()
{
    const qint64 seq = m_accepted + 1;
    const QJsonObject params {{QStringLiteral("channel"), m_channel},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("seq"), seq}}},
        {QStringLiteral("idempotency_key"), QStringLiteral("%1-%2").arg(m_run).arg(seq)}};
    QNetworkRequest request(QUrl(m_apiUrl.toString() + QStringLiteral("/publish")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-API-Key", m_apiKey.toLatin1());
    request.setTransferTimeout(3000);
    m_inFlight = true;
    QNetworkReply* reply
        = m_nam.post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, seq] {
        reply->deleteLater();
        m_inFlight = false;
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() == QNetworkReply::NoError && !answer.contains(QStringLiteral("error"))) {
            m_accepted = seq;
            tick(); // behind schedule (a slow answer): the next one at once
        } else {
            ++m_failures; // the server is down or restarting: the same seq again on a later tick
        }
    });
}

} // namespace Chaos
