#pragma once

//! \file testcertificates.h
//! \brief A private CA and a server certificate for 127.0.0.1/localhost, made with `openssl` at
//! test time into a temporary directory (nothing secret is checked in, nothing expires in git).

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QTemporaryDir>

namespace TestSupport {

class TestCertificates
{
public:
    //! Runs openssl (EC P-256, valid two days). On failure \a error says why.
    bool generate(QString* error);

    QString caPath() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString keyPath() const { return m_dir.filePath(QStringLiteral("server.key")); }

    QList<QSslCertificate> ca() const;
    //! For a TLS server: its certificate and key, no client certificates asked.
    QSslConfiguration serverConfiguration() const;
    //! For a client that trusts the private CA (and the system's).
    QSslConfiguration clientConfiguration() const;

private:
    QTemporaryDir m_dir;
};

} // namespace TestSupport
