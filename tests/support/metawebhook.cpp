#include "tests/support/metawebhook.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace WhaTrack::Testing {

namespace {
QAtomicInt g_sequence;
} // namespace

QByteArray inboundTextPayload(const InboundText& m)
{
    // A wamid must be unique: the backend drops a repeated delivery as Meta's retry.
    const QString wamid = !m.wamid.isEmpty() ? m.wamid
                                             : QStringLiteral("wamid.TEST%1x%2")
                                                   .arg(QDateTime::currentMSecsSinceEpoch())
                                                   .arg(g_sequence.fetchAndAddRelaxed(1) + 1);
    const QJsonObject message {{QStringLiteral("from"), m.from}, {QStringLiteral("id"), wamid},
        {QStringLiteral("timestamp"), QString::number(QDateTime::currentSecsSinceEpoch())},
        {QStringLiteral("type"), QStringLiteral("text")},
        {QStringLiteral("text"), QJsonObject {{QStringLiteral("body"), m.body}}}};
    const QJsonObject value {{QStringLiteral("messaging_product"), QStringLiteral("whatsapp")},
        {QStringLiteral("metadata"),
            QJsonObject {{QStringLiteral("display_phone_number"), QStringLiteral("5511900000001")},
                {QStringLiteral("phone_number_id"), m.phoneNumberId}}},
        {QStringLiteral("contacts"),
            QJsonArray {QJsonObject {
                {QStringLiteral("profile"), QJsonObject {{QStringLiteral("name"), m.from}}},
                {QStringLiteral("wa_id"), m.from}}}},
        {QStringLiteral("messages"), QJsonArray {message}}};
    const QJsonObject payload {
        {QStringLiteral("object"), QStringLiteral("whatsapp_business_account")},
        {QStringLiteral("entry"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), m.wabaId},
                {QStringLiteral("changes"),
                    QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("messages")},
                        {QStringLiteral("value"), value}}}}}}}};
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

QNetworkReply* postInboundText(QNetworkAccessManager& nam, const QUrl& backendUrl,
    const QByteArray& secret, const InboundText& message, int transferTimeoutMs)
{
    const QByteArray raw = inboundTextPayload(message);
    const QByteArray signature = "sha256="
        + QMessageAuthenticationCode::hash(raw, secret, QCryptographicHash::Sha256).toHex();
    QUrl url = backendUrl;
    url.setPath(QStringLiteral("/api/v1/whatsapp/webhook"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Hub-Signature-256", signature);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);
    return nam.post(request, raw);
}

} // namespace WhaTrack::Testing
