#pragma once

//! \file metawebhook.h
//! \brief Plays Meta against the reference backend: a signed WhatsApp Cloud API webhook
//! delivery of one inbound text message (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body with
//! the stack's webhook secret). The backend stores the message and publishes it to Centrifugo:
//! the path the app lives on. One writer of this payload for every integration and chaos test.

#include <QByteArray>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace WhaTrack::Testing {

struct InboundText
{
    QString from; //!< the customer's wa_id (digits)
    QString body;
    QString phoneNumberId = QStringLiteral("104857600000001"); //!< the seed's first number
    QString wamid; //!< empty: a unique one
    QString wabaId = QStringLiteral("WABA_TEST");
};

//! The raw JSON body Meta would post for \a message.
QByteArray inboundTextPayload(const InboundText& message);

//! Posts \a message, signed with \a secret, to \a backendUrl's webhook route; the caller owns
//! the reply. \a transferTimeoutMs 0 leaves Qt's default.
QNetworkReply* postInboundText(QNetworkAccessManager& nam, const QUrl& backendUrl,
    const QByteArray& secret, const InboundText& message, int transferTimeoutMs = 0);

} // namespace WhaTrack::Testing
