// Transport-level details: TLS failures are reported (never ignored), frame logs redact tokens
// and payloads, upgrade headers reach the server.

#include "fakefixture.h"
#include "realtime/framelog.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

class TestClientTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tlsFailureIsAnErrorEvent()
    {
        FakeCentrifugo plain; // speaks plain ws: a TLS handshake against it must fail
        QUrl url = plain.url();
        url.setScheme(QStringLiteral("wss"));
        Client client(url, fastOptions());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_VERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::Transport);
        QTRY_VERIFY(!scheduled.isEmpty());
        QVERIFY(client.state() != Client::State::Connected);
        QCOMPARE(plain.received.size(), 0);
    }

    void frameLogRedactsTokensAndPayloads()
    {
        const QByteArray frame
            = R"({"id":1,"connect":{"token":"eyJsecret.token.value","data":{"private":"x"}}})"
              "\n"
              R"({"id":2,"subscribe":{"channel":"c","token":"subsecret"}})"
              "\n"
              "not json";
        const QByteArray redacted = redactFrame(frame);
        QVERIFY(!redacted.contains("eyJsecret"));
        QVERIFY(!redacted.contains("subsecret"));
        QVERIFY(!redacted.contains("private"));
        QVERIFY(redacted.contains("<redacted>"));
        QVERIFY(redacted.contains(R"("channel":"c")"));
        QCOMPARE(redacted.split('\n').size(), 3);
    }

    void upgradeHeadersAreSent()
    {
        // A raw TCP server sees the HTTP upgrade request as text.
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        QByteArray request;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = raw.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this,
                [&request, socket] { request += socket->readAll(); });
        });
        ClientOptions options = fastOptions();
        options.headers = {{"Cookie", "session=abc"}, {"X-Inbox", "1"}};
        Client client(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(raw.serverPort())),
            options);
        client.connectToServer();
        QTRY_VERIFY(request.contains("\r\n\r\n"));
        QVERIFY(request.contains("Cookie: session=abc"));
        QVERIFY(request.contains("X-Inbox: 1"));
        client.disconnectFromServer();
    }

    void openTimeoutReconnects()
    {
        QTcpServer blackHole; // accepts TCP, never answers the upgrade
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        ClientOptions options = fastOptions();
        options.timeout = 300ms;
        Client client(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(blackHole.serverPort())), options);
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!scheduled.isEmpty(), 3000);
        QVERIFY(!errors.isEmpty());
        client.disconnectFromServer();
    }
};

QTEST_GUILESS_MAIN(TestClientTransport)
#include "tst_client_transport.moc"
