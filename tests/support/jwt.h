#pragma once

//! \file jwt.h
//! \brief HS256 JWTs for tests (the real backend mints them in production). Tests only.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace TestSupport {

QString mintHs256(const QByteArray& secret, const QJsonObject& claims);

//! A connection token for \a user that expires in \a ttlSeconds (no `exp` when <= 0).
QString connectionToken(const QByteArray& secret, const QString& user, qint64 ttlSeconds = 3600,
    const QJsonObject& extraClaims = {});

//! A subscription token for \a user and \a channel.
QString subscriptionToken(const QByteArray& secret, const QString& user, const QString& channel,
    qint64 ttlSeconds = 3600);

} // namespace TestSupport
