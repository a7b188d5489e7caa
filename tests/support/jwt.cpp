#include "tests/support/jwt.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

namespace TestSupport {
namespace {
QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

QString mintHs256(const QByteArray& secret, const QJsonObject& claims)
{
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    const QByteArray signature
        = QMessageAuthenticationCode::hash(signingInput, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

QString connectionToken(const QByteArray& secret, const QString& user, qint64 ttlSeconds,
    const QJsonObject& extraClaims)
{
    QJsonObject claims = extraClaims;
    claims.insert(QStringLiteral("sub"), user);
    if (ttlSeconds > 0)
        claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + ttlSeconds);
    return mintHs256(secret, claims);
}

QString subscriptionToken(
    const QByteArray& secret, const QString& user, const QString& channel, qint64 ttlSeconds)
{
    QJsonObject claims {{QStringLiteral("sub"), user}, {QStringLiteral("channel"), channel}};
    if (ttlSeconds > 0)
        claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + ttlSeconds);
    return mintHs256(secret, claims);
}

} // namespace TestSupport
