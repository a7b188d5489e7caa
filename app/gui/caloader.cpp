#include "app/gui/caloader.h"

#include "ui/logging.h"

#include <QCoreApplication>
#include <QDir>

namespace WhaTrack::Gui {

std::optional<QSslConfiguration> CaCertificates::sslConfiguration() const
{
    if (certificates.isEmpty())
        return std::nullopt;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(certificates);
    return ssl;
}

CaCertificates loadCaCertificates(const QString& file)
{
    CaCertificates result;
    if (file.isEmpty())
        return result;
    result.certificates = QSslCertificate::fromPath(file, QSsl::Pem);
    if (result.certificates.isEmpty()) {
        result.error = QCoreApplication::translate("WhaTrack::Gui::CaLoader",
            "The CA certificate file %1 could not be read or holds no PEM certificate.")
                           .arg(QDir::toNativeSeparators(file));
        qCWarning(lcUi) << "the CA certificate file holds no PEM certificate";
        return result;
    }
    qCInfo(lcUi) << "trusting" << result.certificates.size() << "extra CA certificate(s)";
    return result;
}

} // namespace WhaTrack::Gui
