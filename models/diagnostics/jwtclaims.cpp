#include "models/diagnostics/jwtclaims.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace WhaTrack::Diagnostics {

std::optional<JwtClaims> decodeJwtClaims(const QString& token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || token.size() > 16 * 1024)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1).toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    JwtClaims claims;
    claims.sub = o.value(QStringLiteral("sub")).toString().left(200);
    claims.exp = qint64(o.value(QStringLiteral("exp")).toDouble());
    claims.iat = qint64(o.value(QStringLiteral("iat")).toDouble());
    claims.channel = o.value(QStringLiteral("channel")).toString().left(200);
    claims.organizationId = o.value(QStringLiteral("info"))
                                .toObject()
                                .value(QStringLiteral("organizationId"))
                                .toString()
                                .left(200);
    return claims;
}

} // namespace WhaTrack::Diagnostics
