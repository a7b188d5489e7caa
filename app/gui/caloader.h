#pragma once

//! \file caloader.h
//! \brief The extra CA certificates of --ca-cert / Preferences: read once, used by the REST
//! client, the realtime client and the diagnostics. A file that holds no PEM certificate stops
//! the start with a message that names the file (never silently trusting nothing extra).

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace WhaTrack::Gui {

struct CaCertificates
{
    QList<QSslCertificate> certificates; //!< empty when no file was configured
    QString error; //!< plain words for the agent when the file could not be used

    bool ok() const { return error.isEmpty(); }
    //! The default TLS configuration plus these CAs; none when there are no extra CAs.
    std::optional<QSslConfiguration> sslConfiguration() const;
};

//! Reads \a file (PEM, one or more certificates). Empty name: no extra CA, ok.
CaCertificates loadCaCertificates(const QString& file);

} // namespace WhaTrack::Gui
