#include "tests/support/localcentrifugo.h"

#include "tests/support/jwt.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#ifndef INBOX_CENTRIFUGO_BIN
#define INBOX_CENTRIFUGO_BIN ""
#endif

namespace TestSupport {
namespace {

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char& c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

//! One HTTP request, waited for in a local event loop (the client under test keeps running).
QByteArray httpRequest(
    const QNetworkRequest& request, const QByteArray& body, bool post, int* status, QString* error)
{
    QNetworkAccessManager manager;
    QNetworkReply* reply = post ? manager.post(request, body) : manager.get(request);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(5000);
    loop.exec();
    if (!reply->isFinished()) {
        reply->abort();
        if (error)
            *error = QStringLiteral("HTTP request timed out");
        reply->deleteLater();
        return {};
    }
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && error)
        *error = reply->errorString();
    const QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
}

} // namespace

bool RedisServer::start(QString* error)
{
    m_port = freePort();
    if (!m_process.start(QStringLiteral("redis-server"),
            {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                QStringLiteral("--appendonly"), QStringLiteral("no")},
            error))
        return false;
    if (!waitForPort(m_port, 10000)) {
        if (error)
            *error = QStringLiteral("redis-server did not listen: ") + m_process.outputTail();
        return false;
    }
    return true;
}

LocalCentrifugo::LocalCentrifugo()
    : LocalCentrifugo(Options {})
{
}

LocalCentrifugo::LocalCentrifugo(Options options)
    : m_options(std::move(options))
    , m_secret(randomHex(32))
    , m_apiKey(QString::fromLatin1(randomHex(16)))
{
}

LocalCentrifugo::~LocalCentrifugo()
{
    m_process.stop();
    if (!m_configPath.isEmpty())
        QFile::remove(m_configPath);
}

QString LocalCentrifugo::binary()
{
    const QString fromEnv = qEnvironmentVariable("INBOX_CENTRIFUGO");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QString::fromUtf8(INBOX_CENTRIFUGO_BIN);
}

QByteArray LocalCentrifugo::config() const
{
    QJsonObject client {
        {QStringLiteral("token"),
            QJsonObject {{QStringLiteral("hmac_secret_key"), QString::fromLatin1(m_secret)}}},
        {QStringLiteral("ping_interval"), QStringLiteral("%1s").arg(m_options.pingIntervalS)},
        {QStringLiteral("pong_timeout"), QStringLiteral("%1s").arg(m_options.pongTimeoutS)},
    };
    for (auto it = m_options.extraClient.begin(); it != m_options.extraClient.end(); ++it)
        client.insert(it.key(), it.value());

    QJsonArray namespaces {
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("pub")},
            {QStringLiteral("allow_subscribe_for_client"), true},
            {QStringLiteral("allow_publish_for_client"), true},
            {QStringLiteral("allow_presence_for_client"), true},
            {QStringLiteral("allow_history_for_client"), true},
            {QStringLiteral("history_size"), 100},
            {QStringLiteral("history_ttl"), QStringLiteral("300s")},
            {QStringLiteral("force_recovery"), true},
            {QStringLiteral("presence"), true},
            {QStringLiteral("join_leave"), true},
            {QStringLiteral("force_push_join_leave"), true},
            {QStringLiteral("allowed_delta_types"), QJsonArray {QStringLiteral("fossil")}},
        },
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("sec")},
            {QStringLiteral("history_size"), 100},
            {QStringLiteral("history_ttl"), QStringLiteral("300s")},
            {QStringLiteral("force_recovery"), true},
        },
    };
    for (const QJsonValue& extra : m_options.extraNamespaces)
        namespaces.append(extra);

    QJsonObject engine {{QStringLiteral("type"), QStringLiteral("memory")}};
    if (!m_options.redisAddress.isEmpty())
        engine = QJsonObject {{QStringLiteral("type"), QStringLiteral("redis")},
            {QStringLiteral("redis"),
                QJsonObject {{QStringLiteral("address"), m_options.redisAddress}}}};

    QJsonObject httpServer {{QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), int(m_port)}};
    if (tls()) {
        // TLS on the client endpoint only: the test talks to the API and /health in plain HTTP.
        httpServer.insert(QStringLiteral("tls"),
            QJsonObject {{QStringLiteral("enabled"), true},
                {QStringLiteral("cert_pem"), m_options.tlsCertificateFile},
                {QStringLiteral("key_pem"), m_options.tlsKeyFile}});
        httpServer.insert(QStringLiteral("tls_external"), true);
        httpServer.insert(QStringLiteral("internal_address"), QStringLiteral("127.0.0.1"));
        httpServer.insert(QStringLiteral("internal_port"), QString::number(m_internalPort));
    }
    const QJsonObject root {
        {QStringLiteral("http_server"), httpServer},
        {QStringLiteral("log"), QJsonObject {{QStringLiteral("level"), QStringLiteral("info")}}},
        {QStringLiteral("client"), client},
        {QStringLiteral("http_api"), QJsonObject {{QStringLiteral("key"), m_apiKey}}},
        {QStringLiteral("health"), QJsonObject {{QStringLiteral("enabled"), true}}},
        {QStringLiteral("usage_stats"), QJsonObject {{QStringLiteral("disabled"), true}}},
        {QStringLiteral("shutdown"),
            QJsonObject {{QStringLiteral("timeout"), QStringLiteral("2s")}}},
        {QStringLiteral("channel"),
            QJsonObject {{QStringLiteral("without_namespace"),
                             QJsonObject {{QStringLiteral("allow_subscribe_for_client"), true}}},
                {QStringLiteral("namespaces"), namespaces}}},
        {QStringLiteral("engine"), engine},
    };
    return QJsonDocument(root).toJson();
}

bool LocalCentrifugo::start(QString* error)
{
    if (binary().isEmpty() || !QFile::exists(binary())) {
        if (error)
            *error = QStringLiteral(
                "Centrifugo binary not found (looked at '%1'): run scripts/bootstrap "
                "to build it into ~/.cache/whatrack-inbox/tools/bin, or set INBOX_CENTRIFUGO")
                         .arg(binary());
        return false;
    }
    m_port = freePort();
    m_internalPort = m_port;
    while (tls() && m_internalPort == m_port)
        m_internalPort = freePort();
    m_configPath = QDir::temp().filePath(QStringLiteral("inbox-centrifugo-%1-%2.json")
                                             .arg(QCoreApplication::applicationPid())
                                             .arg(m_port));
    QFile file(m_configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(config()) < 0) {
        if (error)
            *error = QStringLiteral("cannot write ") + m_configPath;
        return false;
    }
    file.close();
    return launch(error);
}

bool LocalCentrifugo::restart(QString* error)
{
    m_process.stop();
    return launch(error);
}

bool LocalCentrifugo::launch(QString* error)
{
    if (!m_process.start(binary(), {QStringLiteral("-c"), m_configPath}, error))
        return false;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/health").arg(m_internalPort)));
    // A child's readiness has no signal: poll /health until it answers 200 (or the child exits).
    bool healthy = false;
    (void)QTest::qWaitFor(
        [&] {
            if (!m_process.isRunning())
                return true;
            int status = 0;
            QString ignored;
            httpRequest(request, {}, false, &status, &ignored);
            healthy = status == 200;
            return healthy;
        },
        15000);
    if (healthy)
        return true;
    if (error)
        *error = QStringLiteral("Centrifugo did not become healthy:\n") + m_process.outputTail();
    m_process.stop();
    return false;
}

QUrl LocalCentrifugo::wsUrl() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/connection/websocket")
                    .arg(tls() ? QStringLiteral("wss") : QStringLiteral("ws"))
                    .arg(m_port));
}

QUrl LocalCentrifugo::apiUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(m_internalPort));
}

QJsonObject LocalCentrifugo::api(const QString& method, const QJsonObject& params, QString* error)
{
    QNetworkRequest request(QUrl(apiUrl().toString() + QLatin1Char('/') + method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-API-Key", m_apiKey.toLatin1());
    int status = 0;
    QString httpError;
    const QByteArray body = httpRequest(
        request, QJsonDocument(params).toJson(QJsonDocument::Compact), true, &status, &httpError);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (error) {
        if (status != 200)
            *error = QStringLiteral("HTTP %1 %2").arg(status).arg(httpError);
        else if (answer.contains(QStringLiteral("error")))
            *error
                = QString::fromUtf8(QJsonDocument(answer.value(QStringLiteral("error")).toObject())
                                        .toJson(QJsonDocument::Compact));
        else
            error->clear();
    }
    return answer;
}

quint64 LocalCentrifugo::publish(
    const QString& channel, const QJsonObject& data, QString* error, const QJsonObject& extra)
{
    QJsonObject params = extra;
    params.insert(QStringLiteral("channel"), channel);
    params.insert(QStringLiteral("data"), data);
    const QJsonObject answer = api(QStringLiteral("publish"), params, error);
    return quint64(answer.value(QStringLiteral("result"))
                       .toObject()
                       .value(QStringLiteral("offset"))
                       .toInteger());
}

QString LocalCentrifugo::token(
    const QString& user, qint64 ttlSeconds, const QJsonObject& extra) const
{
    return connectionToken(m_secret, user, ttlSeconds, extra);
}

QString LocalCentrifugo::subscriptionToken(
    const QString& user, const QString& channel, qint64 ttlSeconds) const
{
    return TestSupport::subscriptionToken(m_secret, user, channel, ttlSeconds);
}

} // namespace TestSupport
