// Token requests are paced (realtime/tokenpacer.h): a token route that answers HTTP 500, a body
// that is not a token, or nothing at all, is asked at most 5 times a minute (WhaTrack's route is
// rate limited at 5/min), whatever path asks; Retry-After is honoured; a token the server calls
// expired (109) after a good fetch is fetched again at once.
//
// The pacer runs on a simulated clock here (a simulated minute takes no time); the client tests
// then check that every path goes through it, with the default delays and the fake server.

#include "fakefixture.h"
#include "realtime/tokenpacer.h"
#include "realtime/tokenprovider.h"
#include "tests/support/manualclock.h"

#include <QElapsedTimer>
#include <QTimer>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;
using WhaTrack::Testing::ManualClock;

namespace {

//! How a simulated token request ends.
enum class Outcome { Error, Garbage, Timeout, Ok };

//! Runs a client-like loop on a simulated clock for \a durationMs: whenever the pacer allows, a
//! request starts; it ends after \a latencyMs with \a outcome (garbage and timeouts are failures
//! for the pacer, as the providers report them); the caller retries at the reconnect backoff's
//! fastest pace (500 ms) or when the pacer says. Returns the start times.
QList<qint64> simulate(Outcome outcome, qint64 durationMs, int retryAfterMs = -1)
{
    ManualClock clock;
    TokenPacer pacer(TokenPacing {}, &clock, Backoff::seededSource(7));
    QList<qint64> starts;
    while (clock.nowMs() < durationMs) {
        const qint64 wait = pacer.waitBeforeRequest().count();
        if (wait > 0) {
            clock.advance(wait);
            continue;
        }
        if (clock.nowMs() >= durationMs)
            break;
        starts << clock.nowMs();
        pacer.requestStarted();
        switch (outcome) {
        case Outcome::Timeout:
            clock.advance(10000); // tokenTimeout
            pacer.failed(-1);
            break;
        case Outcome::Error:
        case Outcome::Garbage:
            clock.advance(20);
            pacer.failed(retryAfterMs);
            break;
        case Outcome::Ok:
            clock.advance(20);
            pacer.succeeded(); // and the server answers 109 to every connect
            break;
        }
        clock.advance(500);
    }
    return starts;
}

//! The largest number of \a starts inside any window of \a windowMs.
int busiestWindow(const QList<qint64>& starts, qint64 windowMs)
{
    int most = 0;
    for (qsizetype i = 0; i < starts.size(); ++i) {
        int n = 0;
        for (qsizetype j = i; j < starts.size() && starts[j] < starts[i] + windowMs; ++j)
            ++n;
        most = std::max(most, n);
    }
    return most;
}

struct CountingProvider
{
    QList<TokenRequest> requests;
    QElapsedTimer clock;
    QList<qint64> at;
    std::function<std::optional<TokenReply>(const TokenRequest&, int)> answer;

    std::shared_ptr<TokenProvider> make()
    {
        clock.start();
        return std::make_shared<FunctionTokenProvider>(
            [this](const TokenRequest& request, TokenProvider::Callback done) {
                requests << request;
                at << clock.elapsed();
                if (auto reply = answer(request, int(requests.size()) - 1))
                    done(*reply);
            });
    }
    int count(TokenRequest::Kind kind) const
    {
        return int(std::count_if(requests.begin(), requests.end(),
            [kind](const TokenRequest& r) { return r.kind == kind; }));
    }
};

//! fastOptions() (millisecond reconnects) with the DEFAULT token pacing.
ClientOptions fastWithDefaultPacing()
{
    ClientOptions options = fastOptions();
    const ClientOptions defaults;
    options.minTokenRetryDelay = defaults.minTokenRetryDelay;
    options.maxTokenRetryDelay = defaults.maxTokenRetryDelay;
    options.maxTokenRequestsPerWindow = defaults.maxTokenRequestsPerWindow;
    options.tokenRequestWindow = defaults.tokenRequestWindow;
    return options;
}

std::optional<TokenReply> failure(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Error:
        return TokenReply::failed(QStringLiteral("token endpoint answered HTTP 500"));
    case Outcome::Garbage:
        return TokenReply::failed(QStringLiteral("token endpoint answer has no \"token\" string"));
    case Outcome::Timeout:
        return std::nullopt; // never answers: tokenTimeout makes it a failure
    case Outcome::Ok:
        break;
    }
    return TokenReply::ok(QStringLiteral("t"));
}

} // namespace

Q_DECLARE_METATYPE(Outcome)

class TestTokenPacing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const ClientOptions options;
        QCOMPARE(options.maxTokenRequestsPerWindow, 5);
        QCOMPARE(options.tokenRequestWindow.count(), 60000);
        QVERIFY(options.minTokenRetryDelay.count() >= 12000);
    }

    void atMostFivePerMinute_data()
    {
        QTest::addColumn<Outcome>("outcome");
        QTest::addRow("http 500") << Outcome::Error;
        QTest::addRow("garbage body") << Outcome::Garbage;
        QTest::addRow("no answer") << Outcome::Timeout;
        QTest::addRow("109 after every good token") << Outcome::Ok;
    }

    void atMostFivePerMinute()
    {
        QFETCH(Outcome, outcome);
        const QList<qint64> firstMinute = simulate(outcome, 60000);
        QVERIFY2(firstMinute.size() <= 5, qPrintable(QString::number(firstMinute.size())));
        QVERIFY(!firstMinute.isEmpty());
        // And over ten minutes, no window of a minute holds more than 5.
        QVERIFY(busiestWindow(simulate(outcome, 600000), 60000) <= 5);
    }

    void refreshIsPlannedWithinTheGrace()
    {
        using std::chrono::seconds;
        ManualClock clock;
        TokenPacer pacer(TokenPacing {}, &clock);
        const auto takes = 15000ms; // token timeout + call timeout
        pacer.requestStarted(); // the connect token
        // A long-lived token is refreshed at its ttl, as the official SDKs do.
        QCOMPARE(pacer.refreshDelay(seconds(3600), 25000ms, takes).count(), 3600000);
        // A 10 s token: one request every (60 s + 2 s margin) / 5, inside the 25 s grace.
        QCOMPARE(pacer.spacing().count(), 12400);
        QCOMPARE(pacer.refreshDelay(seconds(10), 25000ms, takes).count(), 12400);
        // Without a grace: at ttl (the window still allows it).
        QCOMPARE(pacer.refreshDelay(seconds(10), 0ms, takes).count(), 10000);
        // A 1 s token with a 4 s grace: as late as the grace allows, keeping half of it.
        QCOMPARE(pacer.refreshDelay(seconds(1), 4000ms, takes).count(), 3000);
        // Never before ttl, whatever the spacing.
        clock.advance(60000);
        QCOMPARE(pacer.refreshDelay(seconds(10), 25000ms, takes).count(), 10000);
    }

    void tenSecondTokenOnASimulatedClock()
    {
        // Two simulated minutes of a 10 s connection token, 25 s grace, route at 5 a minute
        // (counted on arrival; requests take 0-1.5 s to get there): every refresh is sent
        // before the server would close the connection, and the route never refuses one.
        ManualClock clock;
        TokenPacer pacer(TokenPacing {}, &clock);
        QList<qint64> arrivals;
        int refused = 0;
        qint64 closesAt = 0;
        int disconnects = 0;
        auto ask = [&](int index) {
            pacer.requestStarted();
            const qint64 arrival = clock.nowMs() + (index % 2 == 0 ? 1500 : 0);
            const auto inWindow = std::count_if(
                arrivals.begin(), arrivals.end(), [&](qint64 a) { return a > arrival - 60000; });
            if (inWindow >= 5) {
                ++refused;
                pacer.failed(-1);
                return false;
            }
            arrivals << arrival;
            pacer.succeeded();
            closesAt = clock.nowMs() + 10000 + 25000; // the token's expiry + the server's grace
            return true;
        };
        QVERIFY(ask(0));
        int index = 1;
        while (clock.nowMs() < 120000) {
            clock.advance(pacer.refreshDelay(10s, 25000ms, 15000ms).count());
            if (clock.nowMs() >= closesAt)
                ++disconnects;
            ask(index++);
        }
        QCOMPARE(refused, 0);
        QCOMPARE(disconnects, 0);
        QVERIFY2(index >= 9, qPrintable(QString::number(index)));
    }

    void tenSecondTokenLivesWithinTheRouteLimit()
    {
        // The client against the fake server, time scaled by 1/10: a 1 s token (10 s), 5
        // token requests per 6 s (a minute), a 2.5 s grace (25 s), for 12 s (2 minutes). The
        // route counts a request when it arrives; every other one takes 150 ms (15 ms real
        // would do, 1.5 s is the same proportion) to get there. Before the pacing spread the
        // refreshes, the sixth request went out exactly a window after the first, arrived
        // first by the route's clock, got 429, the refresh retry (5-10 s) came after the grace
        // and the server closed the connection (3005).
        FakeCentrifugo server;
        QElapsedTimer clock;
        clock.start();
        QList<qint64> arrivals; // as the route counts them
        QList<qint64> asked; // as the client sent them
        int refused = 0;
        QHash<QString, qint64> expiryOf; // token -> when it expires (clock ms)
        auto provider = std::make_shared<FunctionTokenProvider>(
            [&](const TokenRequest&, TokenProvider::Callback done) {
                const int index = int(asked.size());
                asked << clock.elapsed();
                const qint64 arrival = clock.elapsed() + (index % 2 == 0 ? 150 : 0);
                const auto inWindow = std::count_if(
                    arrivals.begin(), arrivals.end(), [&](qint64 a) { return a > arrival - 6000; });
                if (inWindow >= 5) {
                    ++refused;
                    done(TokenReply::failed(QStringLiteral("token route answered 429"), 1000));
                    return;
                }
                arrivals << arrival;
                const QString token = QStringLiteral("T%1").arg(index);
                expiryOf.insert(token, clock.elapsed() + 1000);
                done(TokenReply::ok(token));
            });
        // The server: a token expires 1 s after it was issued; the connection is closed with
        // 3005 when no refresh came within the grace after that.
        QTimer expiry;
        expiry.setSingleShot(true);
        connect(&expiry, &QTimer::timeout, &server,
            [&] { server.close(3005, QStringLiteral("connection expired")); });
        const QJsonObject expires {{QStringLiteral("client"), QStringLiteral("c")},
            {QStringLiteral("version"), QStringLiteral("fake")}, {QStringLiteral("expires"), true},
            {QStringLiteral("ttl"), 1}};
        server.onCommand = [&](const QJsonObject& command) {
            const QString method = FakeCentrifugo::methodOf(command);
            if (method != QStringLiteral("connect") && method != QStringLiteral("refresh"))
                return false;
            const QString token = request(command).value(QStringLiteral("token")).toString();
            const qint64 closeAt = expiryOf.value(token, clock.elapsed()) + 2500;
            expiry.start(int(std::max<qint64>(0, closeAt - clock.elapsed())));
            server.reply(FakeCentrifugo::idOf(command), method, expires);
            return true;
        };
        ClientOptions options = fastOptions();
        options.tokenRequestWindow = 6000ms;
        options.maxTokenRequestsPerWindow = 5;
        options.minTokenRetryDelay = 1200ms;
        options.maxTokenRetryDelay = 6000ms;
        options.tokenExpiryGrace = 2500ms;
        Client client(server.url(), options);
        client.setTokenProvider(provider);
        QSignalSpy refreshed(&client, &Client::tokenRefreshed);
        client.connectToServer();
        QTRY_COMPARE(client.state(), Client::State::Connected);
        QSignalSpy connecting(&client, &Client::connecting);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QTest::qWait(12000); // duration, not a wait for an event: two scaled minutes
        qInfo("%d token requests, %d refreshes, %d refused, %d disconnects", int(asked.size()),
            int(refreshed.size()), refused, int(connecting.size() + disconnected.size()));
        QCOMPARE(refused, 0);
        QCOMPARE(connecting.size(), 0);
        QCOMPARE(disconnected.size(), 0);
        QCOMPARE(server.connections, 1);
        QVERIFY2(busiestWindow(asked, 6000) <= 5, qPrintable(QString::number(asked.size())));
        // One refresh every 1.24 s: about 9 in 12 s (fewer only on a stalled machine).
        QVERIFY2(refreshed.size() >= 6, qPrintable(QString::number(refreshed.size())));
        client.disconnectFromServer();
    }

    void failureWaitsAtLeastTheMinimumAndGrows()
    {
        ManualClock clock;
        TokenPacer pacer(TokenPacing {}, &clock, Backoff::seededSource(1));
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        const qint64 first = pacer.waitBeforeRequest().count();
        QVERIFY2(first >= 12000 && first <= 24000, qPrintable(QString::number(first)));
        clock.advance(first);
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        QVERIFY(pacer.waitBeforeRequest().count() >= 12000);
        QCOMPARE(pacer.consecutiveFailures(), 2);
    }

    void retryAfterIsHonoured()
    {
        ManualClock clock;
        TokenPacer pacer(TokenPacing {}, &clock);
        pacer.requestStarted();
        pacer.failed(90000); // HTTP 429 Retry-After: 90
        QVERIFY(pacer.waitBeforeRequest().count() >= 90000);
        clock.advance(89999);
        QVERIFY(pacer.waitBeforeRequest().count() > 0);
        clock.advance(1);
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        // In the simulated loop: a 20 s Retry-After allows 3 requests a minute.
        QVERIFY(simulate(Outcome::Error, 60000, 20000).size() <= 3);
    }

    void successClearsTheFailurePause()
    {
        ManualClock clock;
        TokenPacer pacer(TokenPacing {}, &clock);
        pacer.requestStarted();
        pacer.succeeded();
        // The server says the token expired (109): the next request may go at once.
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        clock.advance(30000);
        pacer.requestStarted();
        pacer.succeeded();
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
    }

    // ---- the client: every path that fetches a token goes through the pacer ----

    void connectTokenFailuresWaitTheTokenDelay_data()
    {
        QTest::addColumn<Outcome>("outcome");
        QTest::addRow("http 500") << Outcome::Error;
        QTest::addRow("garbage body") << Outcome::Garbage;
    }

    void connectTokenFailuresWaitTheTokenDelay()
    {
        // Reconnects are set to 20-100 ms here, so without pacing the provider would be asked
        // dozens of times in the 2 s watched.
        QFETCH(Outcome, outcome);
        FakeCentrifugo server;
        CountingProvider provider;
        provider.answer = [outcome](const TokenRequest&, int) { return failure(outcome); };
        Client client(server.url(), fastWithDefaultPacing());
        client.setTokenProvider(provider.make());
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy scheduled(&client, &Client::reconnectScheduled);
        client.connectToServer();
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::ConnectToken);
        QTRY_COMPARE(scheduled.size(), 1);
        // The status panel shows the real wait: the token delay, not the reconnect backoff.
        QVERIFY2(scheduled.at(0).at(1).toLongLong() >= 12000,
            qPrintable(QString::number(scheduled.at(0).at(1).toLongLong())));
        QVERIFY(client.millisToReconnect() > 10000);
        QTest::qWait(2000); // duration, not a wait for an event: no second ask
        QCOMPARE(provider.requests.size(), 1);
        QCOMPARE(server.connections, 0);
        // "Try now" cannot get around it either.
        client.reconnectNow();
        QTest::qWait(300); // duration, not a wait for an event: no ask
        QCOMPARE(provider.requests.size(), 1);
    }

    void expiredTokenAfterAGoodFetchIsFetchedAtOnce()
    {
        FakeCentrifugo server;
        int connects = 0;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect") || ++connects > 1)
                return false;
            server.replyError(FakeCentrifugo::idOf(command), 109, QStringLiteral("token expired"));
            return true;
        };
        CountingProvider provider;
        provider.answer
            = [](const TokenRequest&, int) { return TokenReply::ok(QStringLiteral("t")); };
        Client client(server.url(), fastWithDefaultPacing());
        client.setTokenProvider(provider.make());
        client.connectToServer();
        // Within the reconnect backoff (20-100 ms), far from the 12 s failure delay.
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), Client::State::Connected, 5000);
        QCOMPARE(provider.requests.size(), 2);
    }

    void expiredTokenLoopStaysWithinTheWindow()
    {
        // The route gives tokens, the server calls each one expired (a clock problem): the
        // 109 path refetches, never more than the window allows. The window is shortened here
        // so the test runs in seconds; the rule is the same at 5 a minute.
        FakeCentrifugo server;
        server.onCommand = [&](const QJsonObject& command) {
            if (FakeCentrifugo::methodOf(command) != QStringLiteral("connect"))
                return false;
            server.replyError(FakeCentrifugo::idOf(command), 109, QStringLiteral("token expired"));
            return true;
        };
        CountingProvider provider;
        provider.answer
            = [](const TokenRequest&, int) { return TokenReply::ok(QStringLiteral("t")); };
        ClientOptions options = fastOptions();
        options.tokenRequestWindow = 1500ms;
        Client client(server.url(), options);
        client.setTokenProvider(provider.make());
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(provider.requests.size() >= 8, 10000);
        for (qsizetype i = 5; i < provider.at.size(); ++i)
            QVERIFY2(provider.at[i] - provider.at[i - 5] >= 1400,
                qPrintable(QStringLiteral("requests %1 and %2 only %3 ms apart")
                               .arg(i - 5)
                               .arg(i)
                               .arg(provider.at[i] - provider.at[i - 5])));
    }

    void subscriptionTokenFailuresArePacedToo()
    {
        FakeCentrifugo server;
        CountingProvider provider;
        provider.answer = [](const TokenRequest& request, int) -> std::optional<TokenReply> {
            if (request.kind == TokenRequest::Kind::Connection)
                return TokenReply::ok(QStringLiteral("t"));
            return TokenReply::failed(QStringLiteral("token endpoint answered HTTP 500"));
        };
        Client client(server.url(), fastWithDefaultPacing());
        client.setTokenProvider(provider.make());
        SubscriptionOptions subOptions;
        subOptions.useTokenProvider = true;
        Subscription* sub = client.newSubscription(QStringLiteral("private"), subOptions);
        QSignalSpy errors(sub, &Subscription::errorOccurred);
        sub->subscribe();
        client.connectToServer();
        QTRY_COMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).at(0).value<ErrorType>(), ErrorType::SubscribeToken);
        QTest::qWait(2000); // duration, not a wait for an event: backoff is 20-100 ms
        QCOMPARE(provider.count(TokenRequest::Kind::Subscription), 1);
        QCOMPARE(sub->state(), Subscription::State::Subscribing);
    }
};

QTEST_GUILESS_MAIN(TestTokenPacing)
#include "tst_token_pacing.moc"
