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

#include <QElapsedTimer>

using namespace Centrifuge;
using namespace FakeFixture;
using TestSupport::FakeCentrifugo;

namespace {

//! How a simulated token request ends.
enum class Outcome { Error, Garbage, Timeout, Ok };

//! Runs a client-like loop on a simulated clock for \a durationMs: whenever the pacer allows, a
//! request starts; it ends after \a latencyMs with \a outcome (garbage and timeouts are failures
//! for the pacer, as the providers report them); the caller retries at the reconnect backoff's
//! fastest pace (500 ms) or when the pacer says. Returns the start times.
QList<qint64> simulate(Outcome outcome, qint64 durationMs, int retryAfterMs = -1)
{
    qint64 now = 0;
    TokenPacer pacer(
        TokenPacing {}, [&now] { return now; }, Backoff::seededSource(7));
    QList<qint64> starts;
    while (now < durationMs) {
        const qint64 wait = pacer.waitBeforeRequest().count();
        if (wait > 0) {
            now += wait;
            continue;
        }
        if (now >= durationMs)
            break;
        starts << now;
        pacer.requestStarted();
        switch (outcome) {
        case Outcome::Timeout:
            now += 10000; // tokenTimeout
            pacer.failed(-1);
            break;
        case Outcome::Error:
        case Outcome::Garbage:
            now += 20;
            pacer.failed(retryAfterMs);
            break;
        case Outcome::Ok:
            now += 20;
            pacer.succeeded(); // and the server answers 109 to every connect
            break;
        }
        now += 500;
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

    void failureWaitsAtLeastTheMinimumAndGrows()
    {
        qint64 now = 0;
        TokenPacer pacer(
            TokenPacing {}, [&now] { return now; }, Backoff::seededSource(1));
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        const qint64 first = pacer.waitBeforeRequest().count();
        QVERIFY2(first >= 12000 && first <= 24000, qPrintable(QString::number(first)));
        now += first;
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        QVERIFY(pacer.waitBeforeRequest().count() >= 12000);
        QCOMPARE(pacer.consecutiveFailures(), 2);
    }

    void retryAfterIsHonoured()
    {
        qint64 now = 0;
        TokenPacer pacer(TokenPacing {}, [&now] { return now; });
        pacer.requestStarted();
        pacer.failed(90000); // HTTP 429 Retry-After: 90
        QVERIFY(pacer.waitBeforeRequest().count() >= 90000);
        now += 89999;
        QVERIFY(pacer.waitBeforeRequest().count() > 0);
        now += 1;
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        // In the simulated loop: a 20 s Retry-After allows 3 requests a minute.
        QVERIFY(simulate(Outcome::Error, 60000, 20000).size() <= 3);
    }

    void successClearsTheFailurePause()
    {
        qint64 now = 0;
        TokenPacer pacer(TokenPacing {}, [&now] { return now; });
        pacer.requestStarted();
        pacer.succeeded();
        // The server says the token expired (109): the next request may go at once.
        QCOMPARE(pacer.waitBeforeRequest().count(), 0);
        pacer.requestStarted();
        pacer.failed(-1);
        now += 30000;
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
