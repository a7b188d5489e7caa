#pragma once

//! \file jwtclaims.h
//! \brief The claims of a JWT worth showing (decoded, NOT verified: Centrifugo verifies). The
//! token itself never leaves this function.

#include <QString>

#include <optional>

namespace WhaTrack::Diagnostics {

struct JwtClaims
{
    QString sub;
    qint64 exp = 0; //!< seconds since the epoch, 0 when absent
    qint64 iat = 0;
    QString organizationId; //!< info.organizationId, when present
    QString channel; //!< subscription tokens
};

//! nullopt when \a token is not a JWT with a JSON object payload.
std::optional<JwtClaims> decodeJwtClaims(const QString& token);

} // namespace WhaTrack::Diagnostics
