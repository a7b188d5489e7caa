#pragma once

//! \file localcentrifugo.h
//! \brief The REAL Centrifugo v6 binary on a free loopback port, for integration tests; and a
//! tiny Redis launcher for its Redis engine. Both are killed when the object goes away.

#include "tests/support/serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace TestSupport {

class RedisServer
{
public:
    bool start(QString* error);
    void stop() { m_process.stop(); }
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    ServerProcess m_process;
    quint16 m_port = 0;
};

class LocalCentrifugo
{
public:
    struct Options
    {
        QString redisAddress; //!< empty: memory engine
        int pingIntervalS = 25; //!< client.ping_interval
        int pongTimeoutS = 8; //!< client.pong_timeout
        //! Namespaces to add to the defaults. Defaults: `pub` (anyone subscribes, history +
        //! recovery, publish/presence for clients, join/leave, fossil deltas) and `sec` (needs a
        //! subscription token, history + recovery).
        QJsonArray extraNamespaces;
        QJsonObject extraClient; //!< merged into the `client` section
        //! PEM files of a server certificate (TestCertificates): the WebSocket endpoint is then
        //! wss:// (for 127.0.0.1); the API and /health stay plain HTTP on an internal port.
        QString tlsCertificateFile;
        QString tlsKeyFile;
    };

    LocalCentrifugo();
    explicit LocalCentrifugo(Options options);
    ~LocalCentrifugo();

    //! The path of the binary: $INBOX_CENTRIFUGO, else what CMake found. Empty if none.
    static QString binary();

    //! Starts on a free port and waits for /health. On failure \a error says why (and, when the
    //! binary is missing, to run scripts/bootstrap).
    bool start(QString* error);
    //! Stops and starts again on the same port (same config).
    bool restart(QString* error);
    void stop() { m_process.stop(); }

    //! ws://127.0.0.1:port/connection/websocket, wss:// with a TLS certificate.
    QUrl wsUrl() const;
    QUrl apiUrl() const;
    quint16 port() const { return m_port; }
    QByteArray secret() const { return m_secret; }
    QString apiKey() const { return m_apiKey; }

    //! Calls the server API (POST /api/<method>) and returns the whole JSON answer; `error` in
    //! the answer or a transport failure are reported in \a error.
    QJsonObject api(const QString& method, const QJsonObject& params, QString* error = nullptr);
    //! Publishes and returns the new offset (0 on failure).
    quint64 publish(const QString& channel, const QJsonObject& data, QString* error = nullptr,
        const QJsonObject& extra = {});

    QString token(
        const QString& user, qint64 ttlSeconds = 3600, const QJsonObject& extra = {}) const;
    QString subscriptionToken(
        const QString& user, const QString& channel, qint64 ttlSeconds = 3600) const;
    QString outputTail() const { return m_process.outputTail(); }

private:
    bool launch(QString* error);
    QByteArray config() const;

    Options m_options;
    ServerProcess m_process;
    bool tls() const { return !m_options.tlsCertificateFile.isEmpty(); }

    quint16 m_port = 0;
    quint16 m_internalPort = 0; //!< API and health: m_port unless TLS is on
    QByteArray m_secret;
    QString m_apiKey;
    QString m_configPath;
};

} // namespace TestSupport
