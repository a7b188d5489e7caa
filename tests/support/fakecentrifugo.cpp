#include "tests/support/fakecentrifugo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

namespace TestSupport {

FakeCentrifugo::FakeCentrifugo(QObject* parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(
          QStringLiteral("fake-centrifugo"), QWebSocketServer::NonSecureMode, this))
{
    listen();
}

FakeCentrifugo::FakeCentrifugo(const QSslConfiguration& tls, QObject* parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(
          QStringLiteral("fake-centrifugo"), QWebSocketServer::SecureMode, this))
{
    m_server->setSslConfiguration(tls);
    listen();
}

void FakeCentrifugo::listen()
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket* socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            if (m_socket)
                m_socket->abort(); // one client at a time: the newest wins
            m_socket = socket;
            ++connections;
            connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& frame) {
                    if (socket == m_socket)
                        onFrame(frame);
                });
            connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                socket->deleteLater();
                if (socket == m_socket)
                    Q_EMIT clientDisconnected();
            });
            Q_EMIT clientConnected();
        }
    });
}

FakeCentrifugo::~FakeCentrifugo()
{
    if (m_socket)
        m_socket->abort();
}

QUrl FakeCentrifugo::url() const
{
    const bool secure = m_server->secureMode() == QWebSocketServer::SecureMode;
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/connection/websocket")
                    .arg(secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                    .arg(m_server->serverPort()));
}

QList<QJsonObject> FakeCentrifugo::commands(const QString& method) const
{
    QList<QJsonObject> out;
    for (const QJsonObject& command : received) {
        if (methodOf(command) == method)
            out << command;
    }
    return out;
}

bool FakeCentrifugo::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

QString FakeCentrifugo::methodOf(const QJsonObject& command)
{
    for (auto it = command.begin(); it != command.end(); ++it) {
        if (it.key() != QStringLiteral("id"))
            return it.key();
    }
    return {};
}

QByteArray FakeCentrifugo::line(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void FakeCentrifugo::onFrame(const QString& frame)
{
    frames << frame.toUtf8();
    QList<QByteArray> answers;
    const QList<QByteArray> lines = frame.toUtf8().split('\n');
    for (const QByteArray& text : lines) {
        const QJsonObject command = QJsonDocument::fromJson(text).object();
        if (command.isEmpty()) {
            ++pongs;
            continue;
        }
        received << command;
        Q_EMIT commandReceived(command);
        if (onCommand && onCommand(command))
            continue;
        if (autoReply) {
            const QByteArray answer = autoAnswer(command);
            if (!answer.isEmpty())
                answers << answer;
        }
    }
    if (!answers.isEmpty())
        sendLines(answers); // a batch in, a batch out, like the server
}

QByteArray FakeCentrifugo::autoAnswer(const QJsonObject& command)
{
    const QString method = methodOf(command);
    const quint32 id = idOf(command);
    if (id == 0)
        return {}; // send
    const QJsonObject request = command.value(method).toObject();
    QJsonObject result;
    if (method == QStringLiteral("connect")) {
        result = QJsonObject {
            {QStringLiteral("client"), QStringLiteral("fake-client-%1").arg(connections)},
            {QStringLiteral("version"), QStringLiteral("fake")}};
        if (pingIntervalS > 0) {
            result.insert(QStringLiteral("ping"), pingIntervalS);
            result.insert(QStringLiteral("pong"), wantPong);
        }
        for (auto it = connectResult.begin(); it != connectResult.end(); ++it)
            result.insert(it.key(), it.value());
    } else if (method == QStringLiteral("subscribe")) {
        const QString channel = request.value(QStringLiteral("channel")).toString();
        if (subscribeErrors.contains(channel))
            return line(QJsonObject {{QStringLiteral("id"), qint64(id)},
                {QStringLiteral("error"), subscribeErrors.value(channel)}});
        result = subscribeResults.value(channel);
    } else if (method == QStringLiteral("refresh")) {
        result = QJsonObject {{QStringLiteral("client"), QStringLiteral("fake-client")},
            {QStringLiteral("version"), QStringLiteral("fake")}};
    } else if (method == QStringLiteral("history")) {
        result = QJsonObject {
            {QStringLiteral("epoch"), QStringLiteral("e")}, {QStringLiteral("offset"), 0}};
    } else if (method == QStringLiteral("rpc")) {
        result = QJsonObject {{QStringLiteral("data"), request.value(QStringLiteral("data"))}};
    } else if (method == QStringLiteral("presence_stats")) {
        result = QJsonObject {{QStringLiteral("num_clients"), 1}, {QStringLiteral("num_users"), 1}};
    }
    return line(QJsonObject {{QStringLiteral("id"), qint64(id)}, {method, result}});
}

void FakeCentrifugo::sendRaw(const QByteArray& frame)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void FakeCentrifugo::sendLines(const QList<QByteArray>& lines)
{
    sendRaw(lines.join('\n'));
}

void FakeCentrifugo::reply(quint32 id, const QString& method, const QJsonObject& result)
{
    sendRaw(line(QJsonObject {{QStringLiteral("id"), qint64(id)}, {method, result}}));
}

void FakeCentrifugo::replyError(quint32 id, int code, const QString& message, bool temporary)
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (temporary)
        error.insert(QStringLiteral("temporary"), true);
    sendRaw(
        line(QJsonObject {{QStringLiteral("id"), qint64(id)}, {QStringLiteral("error"), error}}));
}

void FakeCentrifugo::publish(const QString& channel, const QJsonObject& data, quint64 offset)
{
    QJsonObject pub {{QStringLiteral("data"), data}};
    if (offset > 0)
        pub.insert(QStringLiteral("offset"), qint64(offset));
    sendPush(channel, QStringLiteral("pub"), pub);
}

void FakeCentrifugo::sendPush(
    const QString& channel, const QString& type, const QJsonObject& payload)
{
    QJsonObject push {{type, payload}};
    if (!channel.isEmpty())
        push.insert(QStringLiteral("channel"), channel);
    sendRaw(line(QJsonObject {{QStringLiteral("push"), push}}));
}

void FakeCentrifugo::close(int code, const QString& reason)
{
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void FakeCentrifugo::abort()
{
    if (m_socket)
        m_socket->abort();
}

} // namespace TestSupport
