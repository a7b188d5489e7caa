// Transport-level details: TLS with real certificates (a private CA works when configured; an
// untrusted certificate is reported in plain words, never ignored, and retried with backoff),
// frame logs redact tokens and payloads, upgrade headers reach the server.

#include "fakefixture.h"
#include "realtime/framelog.h"
#include "realtime/transport.h"
#include "tests/support/testcertificates.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

class TestClientTransport : public QObject
{
    Q_OBJECT

    TestSupport::TestCertificates m_certificates;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QString error;
        QVERIFY2(m_certificates.generate(&error), qPrintable(error));
    }

    void wssWithThePrivateCaConnects()
    {
        FakeCentrifugo server(m_certificates.serverConfiguration());
        QCOMPARE(server.url().scheme(), QStringLiteral("wss"));
        ClientOptions options = fastOptions();
        options.sslConfiguration = m_certificates.clientConfiguration();
        Client client(server.url(), options);
        QSignalSpy errors(&client, &Client::errorOccurred);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QSignalSpy publications(sub, &Subscription::publication);
        server.publish(QStringLiteral("ch"), QJsonObject {{QStringLiteral("n"), 1}}, 1);
        QTRY_COMPARE(publications.size(), 1);
        QCOMPARE(errors.size(), 0);
    }

    void untrustedCertificateIsReportedAndRetried()
    {
        // The same server, but the client does not know the CA (the system store does not).
        FakeCentrifugo server(m_certificates.serverConfiguration());
        Client client(server.url(), fastOptions());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        QSignalSpy states(&client, &Client::stateChanged);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 3, 5000);
        QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
        QCOMPARE(scheduled.at(2).at(0).toInt(), 3); // backoff attempts keep counting
        QVERIFY(errors.size() >= 3); // every attempt says why
        for (const QList<QVariant>& error : std::as_const(errors)) {
            QCOMPARE(error.at(0).value<ErrorType>(), ErrorType::Transport);
            const QString message = error.at(2).toString();
            QVERIFY2(
                message.startsWith(QStringLiteral(
                    "TLS: the server's certificate is not trusted (self-signed or unknown CA")),
                qPrintable(message));
        }
        for (const QList<QVariant>& state : std::as_const(states))
            QVERIFY(state.at(0).value<Client::State>() != Client::State::Connected);
        QCOMPARE(client.state(), Client::State::Connecting);
        QCOMPARE(server.received.size(), 0); // not a byte of the protocol went out
        client.disconnectFromServer();
    }

    void tlsProblemsInPlainWords_data()
    {
        QTest::addColumn<QList<QSslError>>("errors");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown issuer")
            << QList<QSslError> {QSslError(QSslError::UnableToGetLocalIssuerCertificate),
                   QSslError(QSslError::CertificateUntrusted)}
            << QStringLiteral("TLS: the server's certificate is not trusted (self-signed or "
                              "unknown CA; configure the CA that signed it) [");
        QTest::addRow("self-signed")
            << QList<QSslError> {QSslError(QSslError::SelfSignedCertificate)}
            << QStringLiteral("TLS: the server's certificate is not trusted");
        QTest::addRow("host name")
            << QList<QSslError> {QSslError(QSslError::HostNameMismatch)}
            << QStringLiteral("TLS: the server's certificate is for another host name");
        QTest::addRow("expired") << QList<QSslError> {QSslError(QSslError::CertificateExpired)}
                                 << QStringLiteral("TLS: the server's certificate has expired");
        QTest::addRow("clock") << QList<QSslError> {QSslError(QSslError::CertificateNotYetValid)}
                               << QStringLiteral(
                                      "TLS: the server's certificate is not valid yet (check the "
                                      "clock)");
        QTest::addRow("nothing") << QList<QSslError> {}
                                 << QStringLiteral("TLS: the secure connection failed");
    }
    void tlsProblemsInPlainWords()
    {
        QFETCH(QList<QSslError>, errors);
        QFETCH(QString, expected);
        const QString text = describeTlsErrors(errors);
        QVERIFY2(text.startsWith(expected), qPrintable(text));
        // One cause is told once, Qt's own words follow for the details.
        QVERIFY2(text.count(QStringLiteral("(self-signed or unknown CA")) <= 1, qPrintable(text));
        for (const QSslError& error : errors)
            QVERIFY2(text.contains(error.errorString()), qPrintable(text));
    }

    void unknownHostOverWssIsAnErrorEvent_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("wss") << QStringLiteral("wss");
        QTest::newRow("ws") << QStringLiteral("ws");
    }
    void unknownHostOverWssIsAnErrorEvent()
    {
        // Over TLS Qt 6.4 says `disconnected` before "Host not found": the error must still
        // reach the client (the panel showed "Last error: none" for a mistyped host).
        QFETCH(QString, scheme);
        Client client(QUrl(scheme + QStringLiteral("://no-such-host.invalid/connection/websocket")),
            fastOptions());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!scheduled.isEmpty(), 15000);
        QVERIFY2(!errors.isEmpty(), "no error event before the reconnect");
        QCOMPARE(errors.first().at(0).value<ErrorType>(), ErrorType::Transport);
        const QString message = errors.first().at(2).toString();
        QVERIFY2(message.contains(QStringLiteral("not found"), Qt::CaseInsensitive),
            qPrintable(message));
    }

    void plainServerBehindWssIsAnErrorEvent()
    {
        // Speaks plain ws: it never answers the TLS hello, the open timeout ends the attempt.
        FakeCentrifugo plain;
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

    void refusedUpgradeEndsTheAttemptWithItsStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("404 wrong path") << 404;
        QTest::newRow("502 Centrifugo down behind nginx") << 502;
    }
    void refusedUpgradeEndsTheAttemptWithItsStatus()
    {
        // Answers every upgrade with an HTTP error and keeps the connection alive, as nginx does.
        // The agent must read the status as the cause, once per attempt, and the next attempt
        // must follow by backoff, not after the open timeout with a "connection timed out".
        QFETCH(int, status);
        QTcpServer refuser;
        QVERIFY(refuser.listen(QHostAddress::LocalHost, 0));
        int upgrades = 0;
        connect(&refuser, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = refuser.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&upgrades, socket, status] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++upgrades;
                    const QByteArray body = "<html>refused</html>";
                    socket->write("HTTP/1.1 " + QByteArray::number(status)
                        + " Refused\r\nContent-Type: text/html\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n"
                        + body);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        ClientOptions options = fastOptions();
        options.timeout = 60s; // a reconnect seen below cannot come from the open timeout
        Client client(
            QUrl(
                QStringLiteral("ws://127.0.0.1:%1/connection/websocket").arg(refuser.serverPort())),
            options);
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 3, 20000);
        client.disconnectFromServer();
        QVERIFY(client.state() != Client::State::Connected);
        // Every finished attempt said why exactly once; the one in flight may have too.
        QVERIFY2(errors.size() == scheduled.size() || errors.size() == scheduled.size() + 1,
            qPrintable(QStringLiteral("%1 errors for %2 reconnects")
                           .arg(errors.size())
                           .arg(scheduled.size())));
        QVERIFY(upgrades >= errors.size());
        for (const QList<QVariant>& error : std::as_const(errors)) {
            const QString message = error.at(2).toString();
            QCOMPARE(error.at(0).value<ErrorType>(), ErrorType::Transport);
            QCOMPARE(error.at(1).toInt(), status);
            QVERIFY2(message.contains(QString::number(status)), qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("timed out")), qPrintable(message));
        }
    }

    void refusedUpgradeStatusIsReadFromQtsText()
    {
        QCOMPARE(refusedUpgradeStatus(QStringLiteral("QWebSocketPrivate::processHandshake: "
                                                     "Unhandled http status code: 502 (Bad "
                                                     "Gateway).")),
            502);
        QCOMPARE(refusedUpgradeStatus(QStringLiteral("Host not found")), 0);
        QCOMPARE(refusedUpgradeStatus(QStringLiteral("connection timed out")), 0);
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
