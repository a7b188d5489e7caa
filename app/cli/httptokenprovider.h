#pragma once

//! \file httptokenprovider.h
//! \brief Tokens for the console from HTTP endpoints, with QNetworkAccessManager directly.
//!
//! Connection tokens: GET `tokenUrl`; subscription tokens: POST `{"channel": NAME}` to
//! `subscriptionTokenUrl`. Both answer `{"token": "..."}`. 401/403 mean unauthorized (terminal);
//! 429/503 honour Retry-After; anything else is a temporary failure. Redirects are not followed
//! (the request carries --header credentials: a redirect is an error, never a resend), and an
//! answer over maxAnswerBytes is cut off and counts as a failure (a token is a few hundred
//! bytes; a hostile route must not fill memory).

#include "realtime/tokenprovider.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Cli {

class HttpTokenProvider : public QObject, public Centrifuge::TokenProvider
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl tokenUrl; //!< empty: no connection tokens from here
        QUrl subscriptionTokenUrl; //!< empty: no subscription tokens from here
        QList<QPair<QByteArray, QByteArray>> headers;
        std::optional<QSslConfiguration> sslConfiguration;
    };

    static constexpr qint64 maxAnswerBytes = 64 * 1024;

    explicit HttpTokenProvider(Config config, QObject* parent = nullptr);
    void fetchToken(const Centrifuge::TokenRequest& request, Callback done) override;

    //! Maps an HTTP answer to a token reply (public for tests).
    static Centrifuge::TokenReply replyFor(int httpStatus, const QByteArray& body,
        const QByteArray& retryAfter, const QString& networkError);

private:
    void finished(QNetworkReply* reply, const Callback& done);

    Config m_config;
    QNetworkAccessManager* m_network;
};

} // namespace Cli
