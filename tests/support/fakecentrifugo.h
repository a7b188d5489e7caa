#pragma once

//! \file fakecentrifugo.h
//! \brief An in-process Centrifugo speaking the JSON protocol on 127.0.0.1 (port 0), for what a
//! real server will not do on demand: garbage, silence, stray close codes, batched frames,
//! pushes mid-reply, late replies.
//!
//! By default it answers like a server (connect, subscribe, publish, history...). Hooks:
//! `onCommand` sees each command first and may answer it itself (return true); `autoReply`
//! off makes it silent; `received` logs every command; `frames` every client frame.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>

class QWebSocket;
class QWebSocketServer;

namespace TestSupport {

class FakeCentrifugo : public QObject
{
    Q_OBJECT
public:
    explicit FakeCentrifugo(QObject* parent = nullptr);
    //! Serves wss:// with \a tls (see TestCertificates::serverConfiguration()).
    explicit FakeCentrifugo(const QSslConfiguration& tls, QObject* parent = nullptr);
    ~FakeCentrifugo() override;

    //! ws://127.0.0.1:port/connection/websocket, or wss:// when serving TLS.
    QUrl url() const;

    // ---- behaviour ----
    bool autoReply = true; //!< answer commands like a server
    int pingIntervalS = 25; //!< `ping` in the connect result (0: no pings)
    bool wantPong = true; //!< `pong` in the connect result
    QJsonObject connectResult; //!< merged into the default connect result
    QHash<QString, QJsonObject> subscribeResults; //!< per channel, merged into `{}`
    QHash<QString, QJsonObject> subscribeErrors; //!< per channel: {code, message, temporary}
    //! Sees every command before the auto-reply; return true when it answered itself.
    std::function<bool(const QJsonObject& command)> onCommand;

    // ---- what the client sent ----
    QList<QJsonObject> received; //!< every command, in order (pongs excluded)
    QList<QByteArray> frames; //!< every text frame as sent
    int pongs = 0;
    int connections = 0; //!< accepted WebSocket connections so far
    QList<QJsonObject> commands(const QString& method) const;
    int count(const QString& method) const { return int(commands(method).size()); }
    bool isConnected() const;

    // ---- server actions (on the current connection) ----
    void sendRaw(const QByteArray& frame);
    //! Several lines in one frame.
    void sendLines(const QList<QByteArray>& lines);
    void reply(quint32 id, const QString& method, const QJsonObject& result = {});
    void replyError(quint32 id, int code, const QString& message, bool temporary = false);
    void publish(const QString& channel, const QJsonObject& data, quint64 offset = 0);
    void sendPush(const QString& channel, const QString& type, const QJsonObject& payload);
    void sendPing() { sendRaw("{}"); }
    void close(int code, const QString& reason = {});
    //! Drops the TCP connection without a close frame.
    void abort();

    static QByteArray line(const QJsonObject& object);
    static quint32 idOf(const QJsonObject& command)
    {
        return quint32(command.value(QStringLiteral("id")).toInteger());
    }
    static QString methodOf(const QJsonObject& command);

Q_SIGNALS:
    void commandReceived(const QJsonObject& command);
    void clientConnected();
    void clientDisconnected();

private:
    void onFrame(const QString& frame);
    QByteArray autoAnswer(const QJsonObject& command);

    void listen();

    QWebSocketServer* m_server;
    QPointer<QWebSocket> m_socket;
};

} // namespace TestSupport
