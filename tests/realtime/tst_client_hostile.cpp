// A hostile or broken server against the client (fake server): unreadable frames and frames
// over the size limit are errors the client reports and recovers from with a reconnect (with
// backoff), never a reason to stop for the day; only the server's terminal codes end it.

#include "fakefixture.h"

#include <QTimer>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

//! A valid publication push whose data makes the frame \a bytes long (about).
QByteArray bigPublication(const QString& channel, qsizetype bytes)
{
    QByteArray frame = R"({"push":{"channel":")" + channel.toUtf8() + R"(","pub":{"data":{"t":")";
    frame += QByteArray(std::max<qsizetype>(0, bytes - frame.size() - 8), 'x');
    frame += R"("}}}})";
    return frame;
}

} // namespace

class TestClientHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void garbageReconnectsWithBackoffAndResubscribes()
    {
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 1);

        server.sendRaw("<html>502 Bad Gateway</html>");
        // The cause is reported, with a category and code the UI can show...
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::BadProtocol);
        QCOMPARE(errors.at(0).at(1).toInt(), DisconnectedCode::BadProtocol);
        QVERIFY2(errors.at(0).at(2).toString().contains(QStringLiteral("could not be read")),
            qPrintable(errors.at(0).at(2).toString()));
        QCOMPARE(errorTypeName(ErrorType::BadProtocol), QStringLiteral("badProtocol"));
        // ...the connection goes back to connecting (not a terminal disconnect)...
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.at(1).at(0).toInt(), ConnectingCode::BadProtocol);
        QCOMPARE(connecting.at(1).at(1).toString(), QStringLiteral("bad protocol"));
        // ...and reconnects after a backoff delay, then subscribes again.
        QTRY_COMPARE(scheduled.size(), 1);
        QVERIFY(scheduled.at(0).at(1).toLongLong() >= fastOptions().minReconnectDelay.count());
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(client.state(), Client::State::Connected);
        QCOMPARE(server.count(QStringLiteral("subscribe")), 2);
        QCOMPARE(disconnected.size(), 0);

        // A terminal code from the server still ends it.
        server.close(3503, QStringLiteral("force disconnect"));
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(disconnected.at(0).at(0).toInt(), 3503);
        QCOMPARE(client.state(), Client::State::Disconnected);
        QTest::qWait(150); // duration, not a wait for an event: > max reconnect delay
        QCOMPARE(server.connections, 2);
    }

    void garbageAfterEveryConnectBacksOff()
    {
        // A server that answers connect and then always sends garbage: the successful connect
        // must not reset the delay each time (that would be a reconnect per ~minDelay forever).
        FakeCentrifugo server;
        connect(&server, &FakeCentrifugo::commandReceived, this, [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) == QStringLiteral("connect"))
                QTimer::singleShot(0, &server, [&] { server.sendRaw("{oops"); });
        });
        ClientOptions options = fastOptions();
        options.minReconnectDelay = 10ms;
        options.maxReconnectDelay = 10000ms;
        Client client(server.url(), options);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 6, 10000);
        // Full jitter from 10 ms: the 6th delay's ceiling is 10 * 2^5 ms; a reset backoff would
        // stay under 20 ms every time. At least one of the later delays is above 20 ms.
        qint64 longest = 0;
        for (int i = 3; i < 6; ++i)
            longest = std::max(longest, scheduled.at(i).at(1).toLongLong());
        QVERIFY2(longest > 20, qPrintable(QString::number(longest)));
        QCOMPARE(client.state(), Client::State::Connecting);
    }

    void oversizeFrameIsRefusedThenReconnects()
    {
        FakeCentrifugo server;
        ClientOptions options = fastOptions();
        options.maxIncomingMessageSize = 64 * 1024;
        Client client(server.url(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy publications(sub, &Subscription::publication);
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);

        // Under the limit: delivered.
        server.sendRaw(bigPublication(QStringLiteral("ch"), 60 * 1024));
        QTRY_COMPARE(publications.size(), 1);
        // Over it (a valid publication, so only the size can refuse it): never delivered.
        server.sendRaw(bigPublication(QStringLiteral("ch"), 200 * 1024));
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::BadProtocol);
        QCOMPARE(errors.at(0).at(1).toInt(), DisconnectedCode::MessageSizeLimit);
        const QString message = errors.at(0).at(2).toString();
        QVERIFY2(message.contains(QStringLiteral("larger than the client's limit of 65536 bytes")),
            qPrintable(message));
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.at(1).at(0).toInt(), ConnectingCode::MessageSizeLimit);
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        QCOMPARE(publications.size(), 1);
        QCOMPARE(disconnected.size(), 0);
    }

    void defaultLimitIsFourMebibytes()
    {
        QCOMPARE(ClientOptions().maxIncomingMessageSize, 4 * 1024 * 1024);
        FakeCentrifugo server;
        ClientOptions options = fastOptions();
        Client client(server.url(), options);
        Subscription* sub = client.newSubscription(QStringLiteral("ch"));
        sub->subscribe();
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy publications(sub, &Subscription::publication);
        client.connectToServer();
        QTRY_COMPARE(sub->state(), Subscription::State::Subscribed);
        server.sendRaw(bigPublication(QStringLiteral("ch"), 5 * 1024 * 1024));
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, 10000);
        QCOMPARE(errors.at(0).at(1).toInt(), DisconnectedCode::MessageSizeLimit);
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(publications.size(), 0);
    }

    void serverCloseTooBigReconnects()
    {
        // The server's 1009 (our message was too big for it) drops the connection, not the day.
        FakeCentrifugo server;
        Client client(server.url(), fastOptions());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy connecting(&client, &Client::connecting);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        server.close(1009, QStringLiteral("message too big"));
        QTRY_COMPARE(connecting.size(), 2);
        QCOMPARE(connecting.at(1).at(0).toInt(), ConnectingCode::MessageSizeLimit);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::BadProtocol);
        QVERIFY2(errors.at(0).at(2).toString().contains(QStringLiteral("too big for it")),
            qPrintable(errors.at(0).at(2).toString()));
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(client.state(), Client::State::Connected);
    }

    void connectReplyWithoutResultReconnects()
    {
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect")
                || server.connections > 1)
                return false;
            server.sendRaw(QByteArray(R"({"id":)")
                + QByteArray::number(FakeCentrifugo::idOf(command)) + R"(,"rpc":{}})");
            return true;
        };
        Client client(server.url(), fastOptions());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy disconnected(&client, &Client::disconnected);
        client.connectToServer();
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::BadProtocol);
        QCOMPARE(disconnected.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClientHostile)
#include "tst_client_hostile.moc"
