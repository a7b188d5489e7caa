#include "tests/support/testcertificates.h"

#include <QFile>
#include <QProcess>
#include <QSslKey>

namespace TestSupport {
namespace {

bool runOpenssl(const QString& dir, const QStringList& arguments, QString* error)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForStarted(5000)) {
        *error = QStringLiteral("cannot run openssl: ") + openssl.errorString();
        return false;
    }
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(arguments.value(0), QString::fromLocal8Bit(openssl.readAll()));
        return false;
    }
    return true;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

bool TestCertificates::generate(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory: ") + m_dir.errorString();
        return false;
    }
    const QString dir = m_dir.path();
    const QStringList ecKey {QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
        QStringLiteral("-nodes")};
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                            "basicConstraints=critical,CA:FALSE\n"
                            "keyUsage=critical,digitalSignature\n"
                            "extendedKeyUsage=serverAuth\n")
            < 0) {
        *error = QStringLiteral("cannot write ") + extensions.fileName();
        return false;
    }
    extensions.close();
    return runOpenssl(dir,
               QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                   + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                       QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=WhaTrack Inbox Test CA"), QStringLiteral("-addext"),
                       QStringLiteral("basicConstraints=critical,CA:TRUE"),
                       QStringLiteral("-addext"),
                       QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
               error)
        && runOpenssl(dir,
            QStringList {QStringLiteral("req")} + ecKey
                + QStringList {QStringLiteral("-keyout"), QStringLiteral("server.key"),
                    QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=localhost")},
            error)
        && runOpenssl(dir,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), QStringLiteral("server.ext")},
            error);
}

QList<QSslCertificate> TestCertificates::ca() const
{
    return QSslCertificate::fromData(readFile(caPath()), QSsl::Pem);
}

QSslConfiguration TestCertificates::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(QSslCertificate::fromData(readFile(certificatePath())));
    config.setPrivateKey(QSslKey(readFile(keyPath()), QSsl::Ec));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

QSslConfiguration TestCertificates::clientConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(ca());
    return config;
}

} // namespace TestSupport
