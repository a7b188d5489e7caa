#include "app/cli/httptokenprovider.h"

#include "realtime/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>

namespace Cli {

HttpTokenProvider::HttpTokenProvider(Config config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
}

void HttpTokenProvider::fetchToken(const Centrifuge::TokenRequest& request, Callback done)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, [this, request, done] { fetchToken(request, done); });
        return;
    }
    const bool forSubscription = request.kind == Centrifuge::TokenRequest::Kind::Subscription;
    const QUrl url = forSubscription ? m_config.subscriptionTokenUrl : m_config.tokenUrl;
    if (url.isEmpty()) {
        done(Centrifuge::TokenReply::unauthorized(forSubscription
                ? QStringLiteral("no --subscription-token-url to get a subscription token from")
                : QStringLiteral("no --token-url to get a new connection token from")));
        return;
    }
    QNetworkRequest http(url);
    for (const auto& [name, value] : m_config.headers)
        http.setRawHeader(name, value);
    if (m_config.sslConfiguration)
        http.setSslConfiguration(*m_config.sslConfiguration);
    http.setTransferTimeout(10000);
    // Qt would follow a redirect with our headers (cookies, Authorization) on it.
    http.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = nullptr;
    if (forSubscription) {
        http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("channel"),
                request.channel}}).toJson(QJsonDocument::Compact);
        reply = m_network->post(http, body);
    } else {
        reply = m_network->get(http);
    }
    // URLs are logged without their query: tokens sometimes travel there.
    qCInfo(lcRealtime) << "requesting a" << (forSubscription ? "subscription" : "connection")
                       << "token from"
                       << url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString();
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > maxAnswerBytes && !reply->property("tooBig").toBool()) {
            reply->setProperty("tooBig", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] { finished(reply, done); });
}

void HttpTokenProvider::finished(QNetworkReply* reply, const Callback& done)
{
    reply->deleteLater();
    if (reply->property("tooBig").toBool()) {
        done(Centrifuge::TokenReply::failed(
            QStringLiteral("token endpoint answer is larger than %1 bytes").arg(maxAnswerBytes)));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString networkError
        = reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
    done(replyFor(status, reply->readAll(), reply->rawHeader("Retry-After"), networkError));
}

Centrifuge::TokenReply HttpTokenProvider::replyFor(int httpStatus, const QByteArray& body,
    const QByteArray& retryAfter, const QString& networkError)
{
    using Centrifuge::TokenReply;
    if (httpStatus == 401 || httpStatus == 403)
        return TokenReply::unauthorized(
            QStringLiteral("token endpoint answered HTTP %1").arg(httpStatus));
    if (httpStatus == 0)
        return TokenReply::failed(QStringLiteral("token endpoint unreachable: ") + networkError);
    if (httpStatus >= 300 && httpStatus < 400)
        return TokenReply::failed(
            QStringLiteral("token endpoint answered HTTP %1: redirects are not followed (use the "
                           "final URL)")
                .arg(httpStatus));
    if (httpStatus < 200 || httpStatus >= 300) {
        bool ok = false;
        const int seconds = retryAfter.trimmed().toInt(&ok);
        return TokenReply::failed(QStringLiteral("token endpoint answered HTTP %1").arg(httpStatus),
            ok && seconds >= 0 ? seconds * 1000 : -1);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue token = document.object().value(QStringLiteral("token"));
    if (!token.isString())
        return TokenReply::failed(QStringLiteral("token endpoint answer has no \"token\" string"));
    return TokenReply::ok(token.toString());
}

} // namespace Cli
