// The connection pill: every state's text and action, every Telegram debounce rule, driven by a
// fake monotonic clock through the same ConnectionMonitor slots the app wires to the client.

#include "realtime/codes.h"
#include "tests/support/manualclock.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatus.h"
#include "ui/connectionstatuswidget.h"

#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack::Ui;
using State = Centrifuge::Client::State;
using SubState = Centrifuge::Subscription::State;
using Kind = ConnectionStatusView::Kind;
using Action = ConnectionStatusView::Action;
using FState = WhaTrack::Freshness::State;

class TstConnectionStatus : public QObject
{
    Q_OBJECT

    std::unique_ptr<WhaTrack::Testing::ManualClock> m_clock; //!< a new one per test function
    std::unique_ptr<ConnectionMonitor> m_monitor;

    ConnectionStatusView view() const
    {
        return ConnectionStatusPresenter::describe(m_monitor->snapshot(), m_clock->nowMs());
    }
    void at(qint64 ms) { m_clock->setNowMs(ms); }
    static WhaTrack::Freshness fresh(WhaTrack::Freshness::State state, QString reason = {})
    {
        WhaTrack::Freshness f;
        f.state = state;
        f.reason = std::move(reason);
        return f;
    }
    //! Start, connect at t=500 and stay connected: the common baseline.
    void connectedAt(qint64 ms)
    {
        m_monitor->onStateChanged(State::Connecting);
        at(ms);
        m_monitor->onStateChanged(State::Connected);
    }

private Q_SLOTS:
    void init()
    {
        m_monitor.reset();
        m_clock = std::make_unique<WhaTrack::Testing::ManualClock>();
        m_clock->setNowMs(100000); // an arbitrary monotonic origin: only differences may matter
        m_monitor = std::make_unique<ConnectionMonitor>(m_clock.get());
        m_monitor->start();
        m_clock->setNowMs(100000);
    }

    void startGraceHidesConnectingForThreeSeconds()
    {
        m_monitor->onStateChanged(State::Connecting);
        QCOMPARE(view().kind, Kind::Hidden);
        QVERIFY(view().timeDependent);
        at(100000 + 2999);
        QCOMPARE(view().kind, Kind::Hidden);
        at(100000 + 3000);
        QCOMPARE(view().kind, Kind::Connecting);
        QCOMPARE(view().text, QStringLiteral("Connecting…"));
    }

    void notStartedCountsAsStarting()
    {
        // Disconnected without a disconnected event: the client has not been asked yet.
        QCOMPARE(view().kind, Kind::Hidden);
        at(100000 + 3500);
        QCOMPARE(view().kind, Kind::Connecting);
    }

    void nothingBeforeTheSessionStarts()
    {
        // Before sign-in the client was never asked to connect: no "Connecting…", ever.
        ConnectionMonitor fresh(m_clock.get());
        at(100000 + 60000);
        QCOMPARE(ConnectionStatusPresenter::describe(fresh.snapshot(), m_clock->nowMs()).kind,
            Kind::Hidden);
        fresh.setSignedOut(true, QStringLiteral("Wrong email or password."));
        QCOMPARE(ConnectionStatusPresenter::describe(fresh.snapshot(), m_clock->nowMs()).kind,
            Kind::SignedOut);
    }

    void connectedWithinGraceShowsOnline()
    {
        connectedAt(100000 + 800);
        QCOMPARE(view().kind, Kind::Online);
        QCOMPARE(view().text, QStringLiteral("Online"));
        QCOMPARE(view().action, Action::None);
        QVERIFY(!view().timeDependent);
    }

    void graceDoesNotApplyAfterFirstConnect()
    {
        connectedAt(100000 + 500);
        at(100000 + 1000);
        m_monitor->onStateChanged(State::Connecting);
        at(100000 + 2100); // inside the first 3 s, but past the 1 s delay
        QCOMPARE(view().kind, Kind::Connecting);
    }

    void connectionLostIsNeverOnline()
    {
        // Telegram keeps "Online" for a 1 s blip; we do not: "Online" means live updates
        // arrive, and a blip is often the token route or the server failing.
        connectedAt(100000 + 500);
        at(200000);
        m_monitor->onConnecting(
            Centrifuge::ConnectingCode::TransportClosed, QStringLiteral("transport closed"));
        m_monitor->onStateChanged(State::Connecting);
        QCOMPARE(view().kind, Kind::Connecting);
        QVERIFY(view().toolTip.contains(QStringLiteral("connection was lost")));
        at(200600);
        QCOMPARE(view().kind, Kind::Connecting);
        m_monitor->onStateChanged(State::Connected);
        at(202000);
        QCOMPARE(view().kind, Kind::Online);
        QVERIFY(!view().timeDependent);
    }

    void tokenRouteFailingIsNeverOnline()
    {
        // The field report: the pill said "Online" for a moment while the token route failed.
        connectedAt(100000 + 500);
        at(200000);
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onTokenFetch(false,
            QStringLiteral("Server (HTTP 500) on GET /api/v1/centrifugo/token: internal error"));
        for (qint64 t = 200000; t <= 201500; t += 100) {
            at(t);
            QVERIFY2(view().kind != Kind::Online, qPrintable(QString::number(t)));
        }
        // The tooltip explains through the table of causes, not with the provider's text.
        QVERIFY2(view().toolTip.contains(QStringLiteral("What to do")), qPrintable(view().toolTip));
        QVERIFY(!view().toolTip.contains(QStringLiteral("internal error")));

        // Connected on the old token, but renewing it fails: a warning, not "Online".
        m_monitor->onStateChanged(State::Connected);
        QCOMPARE(view().kind, Kind::TokenProblem);
        QCOMPARE(view().tone, ConnectionStatusView::Tone::Warning);
        QVERIFY(view().text != QStringLiteral("Online"));
        QCOMPARE(view().action, Action::Details);
        // A token that works again clears it.
        m_monitor->onTokenFetch(true, {});
        QCOMPARE(view().kind, Kind::Online);
    }

    void connectedWithAChannelPendingIsNotOnline()
    {
        const QString messages = QStringLiteral("org:org_1:messages");
        const QString tickets = QStringLiteral("org:org_1:tickets");
        m_monitor->setChannels({messages, tickets});
        connectedAt(100000 + 500);
        // Within the start grace nothing is said; after it, "Connecting…" until every
        // required channel is subscribed.
        QCOMPARE(view().kind, Kind::Hidden);
        at(100000 + 3000);
        m_monitor->onSubscriptionState(messages, SubState::Subscribed);
        m_monitor->onSubscriptionState(tickets, SubState::Subscribing);
        QCOMPARE(view().kind, Kind::Connecting);
        QVERIFY2(view().toolTip.contains(tickets), qPrintable(view().toolTip));
        // A temporary subscribe error retries: still not Online, the cause in words.
        m_monitor->onSubscriptionError(tickets, 100, QStringLiteral("internal"));
        QCOMPARE(view().kind, Kind::Connecting);
        QVERIFY2(view().toolTip.contains(QStringLiteral("What to do")), qPrintable(view().toolTip));
        m_monitor->onSubscriptionState(tickets, SubState::Subscribed);
        QCOMPARE(view().kind, Kind::Online);
    }

    void refusedChannelExplainsNaming()
    {
        const QString channel = QStringLiteral("org:org_1:messages");
        m_monitor->setChannels({channel});
        connectedAt(100000 + 500);
        m_monitor->onSubscriptionState(channel, SubState::Subscribing);
        m_monitor->onUnsubscribed(channel, 103, QStringLiteral("permission denied"));
        m_monitor->onSubscriptionState(channel, SubState::Unsubscribed);
        const auto v = view();
        QCOMPARE(v.kind, Kind::ChannelError);
        // The 103 row of the table: channel naming and membership, and what to do.
        QVERIFY2(v.toolTip.contains(QStringLiteral("org.{org}.messages")), qPrintable(v.toolTip));
        QVERIFY2(v.toolTip.contains(QStringLiteral("What to do")), qPrintable(v.toolTip));
    }

    void longWaitCountsDownWithTryNow()
    {
        connectedAt(100000 + 500);
        at(200000);
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(3, 10000);
        at(201500);
        auto v = view();
        QCOMPARE(v.kind, Kind::Reconnecting);
        QCOMPARE(v.text, QStringLiteral("Reconnecting in 9 s"));
        QCOMPARE(v.secondsToRetry, 9);
        QCOMPARE(v.action, Action::TryNow);
        QCOMPARE(v.actionText, QStringLiteral("Try now"));
        QVERIFY(v.timeDependent);
        QVERIFY(v.toolTip.contains(QStringLiteral("Attempt 3")));
        at(205000);
        QCOMPARE(view().text, QStringLiteral("Reconnecting in 5 s"));
        // Rounded up: 4.001 s left is "5 s", exactly 4 s is "4 s", never "0 s".
        at(200000 + 10000 - 4001);
        QCOMPARE(view().secondsToRetry, 5);
        at(200000 + 10000 - 4000);
        QCOMPARE(view().text, QStringLiteral("Reconnecting in 4 s"));
        // Under 4 s left: Telegram shows "Connecting" rather than a short countdown.
        at(200000 + 10000 - 3999);
        QCOMPARE(view().kind, Kind::Connecting);
        at(200000 + 10000 + 50); // attempt running, no new schedule yet
        QCOMPARE(view().kind, Kind::Connecting);
    }

    void shortWaitShownAsConnecting()
    {
        connectedAt(100000 + 500);
        at(200000);
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(1, 3900);
        at(201100);
        QCOMPARE(view().kind, Kind::Connecting);
        QCOMPARE(view().action, Action::None);
    }

    void countdownAfterStartGrace()
    {
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(1, 8000);
        at(100000 + 2000);
        QCOMPARE(view().kind, Kind::Hidden);
        at(100000 + 3000);
        QCOMPARE(view().kind, Kind::Reconnecting);
        QCOMPARE(view().secondsToRetry, 5);
    }

    void connectedClearsSchedule()
    {
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(2, 20000);
        at(100000 + 5000);
        QCOMPARE(view().kind, Kind::Reconnecting);
        m_monitor->onStateChanged(State::Connected);
        QCOMPARE(m_monitor->snapshot().reconnectAtMs, -1);
        QCOMPARE(view().kind, Kind::Online);
    }

    void noNetworkShownAtOnce()
    {
        m_monitor->setNetworkReachable(Centrifuge::NetworkMonitor::Reachability::Offline);
        m_monitor->onStateChanged(State::Connecting);
        QCOMPARE(view().kind, Kind::NoNetwork); // not debounced: the OS told us
        QCOMPARE(view().text, QStringLiteral("Offline (no network)"));
        QCOMPARE(view().action, Action::TryNow);
        m_monitor->setNetworkReachable(Centrifuge::NetworkMonitor::Reachability::Online);
        QCOMPARE(view().kind, Kind::Hidden);
    }

    void socketUpWinsOverReachability()
    {
        // QNetworkInformation can be wrong (VPNs, some Linux setups): a live socket is proof.
        m_monitor->setNetworkReachable(Centrifuge::NetworkMonitor::Reachability::Offline);
        connectedAt(100000 + 200);
        QCOMPARE(view().kind, Kind::Online);
    }

    void signedOutFromUnauthorizedDisconnect()
    {
        connectedAt(100000 + 500);
        at(150000);
        m_monitor->onDisconnected(
            Centrifuge::DisconnectedCode::Unauthorized, QStringLiteral("unauthorized"));
        m_monitor->onStateChanged(State::Disconnected);
        QCOMPARE(view().kind, Kind::SignedOut);
        QCOMPARE(view().text, QStringLiteral("Signed out"));
        QCOMPARE(view().action, Action::SignIn);
    }

    void signedOutFromSessionWinsEverything()
    {
        connectedAt(100000 + 500);
        m_monitor->setFreshness(fresh(FState::Stale));
        m_monitor->setSignedOut(true, QStringLiteral("HTTP 401 from /api/v1/whatsapp/chats"));
        QCOMPARE(view().kind, Kind::SignedOut);
        QVERIFY(view().toolTip.contains(QStringLiteral("401")));
    }

    void terminalDisconnectShowsCause()
    {
        connectedAt(100000 + 500);
        m_monitor->onDisconnected(3503, QStringLiteral("force disconnect"));
        m_monitor->onStateChanged(State::Disconnected);
        const auto v = view();
        QCOMPARE(v.kind, Kind::Disconnected);
        QCOMPARE(v.action, Action::Reconnect);
        QVERIFY2(v.toolTip.contains(QStringLiteral("3503")), qPrintable(v.toolTip));
        // The table's words and a next step (the server's own reason goes to the report).
        QVERIFY2(v.toolTip.contains(QStringLiteral("What to do")), qPrintable(v.toolTip));
    }

    void closedIsDisconnected()
    {
        connectedAt(100000 + 500);
        m_monitor->onDisconnected(Centrifuge::DisconnectedCode::DisconnectCalled, {});
        m_monitor->onStateChanged(State::Closed);
        QCOMPARE(view().kind, Kind::Disconnected);
    }

    void channelErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("hint");
        QTest::newRow("102 unknown channel") << 102 << QStringLiteral("102 unknown channel");
        QTest::newRow("103 permission denied") << 103 << QStringLiteral("103 permission denied");
    }
    void channelErrors()
    {
        QFETCH(int, code);
        QFETCH(QString, hint);
        const QString channel = QStringLiteral("org:org_1:messages");
        m_monitor->setChannels({channel, QStringLiteral("org:org_1:tickets")});
        connectedAt(100000 + 500);
        m_monitor->onSubscriptionState(channel, SubState::Subscribing);
        m_monitor->onSubscriptionError(channel, code, QStringLiteral("refused"));
        m_monitor->onUnsubscribed(channel, code, QStringLiteral("refused"));
        m_monitor->onSubscriptionState(channel, SubState::Unsubscribed);
        const auto v = view();
        QCOMPARE(v.kind, Kind::ChannelError);
        QCOMPARE(v.text, QStringLiteral("Channel error"));
        QCOMPARE(v.action, Action::Details);
        QVERIFY2(v.toolTip.contains(channel), qPrintable(v.toolTip));
        QVERIFY2(v.toolTip.contains(hint), qPrintable(v.toolTip));
        // Fixed (e.g. a new build with the right naming): back to Online once every channel
        // is subscribed.
        m_monitor->onSubscriptionState(QStringLiteral("org:org_1:tickets"), SubState::Subscribed);
        m_monitor->onSubscriptionState(channel, SubState::Subscribed);
        QCOMPARE(view().kind, Kind::Online);
    }

    void temporarySubscribeErrorIsNotChannelError()
    {
        const QString channel = QStringLiteral("org:org_1:messages");
        connectedAt(100000 + 500);
        at(100000 + 3000);
        m_monitor->onSubscriptionError(channel, 100, QStringLiteral("internal"));
        m_monitor->onSubscriptionState(channel, SubState::Subscribing);
        // Not a refusal (it retries), but not Online either while the channel is down.
        QCOMPARE(view().kind, Kind::Connecting);
    }

    void staleOffersResync()
    {
        connectedAt(100000 + 500);
        m_monitor->setFreshness(fresh(FState::Live), QDateTime::currentDateTime());
        QCOMPARE(view().kind, Kind::Online);
        m_monitor->setFreshness(fresh(FState::Stale, QStringLiteral("No publication for 2 min")));
        QCOMPARE(view().kind, Kind::Stale);
        QCOMPARE(view().text, QStringLiteral("Realtime may be stale"));
        QCOMPARE(view().action, Action::Resync);
        QCOMPARE(view().actionText, QStringLiteral("Resync"));
        QVERIFY(view().toolTip.contains(QStringLiteral("No publication for 2 min")));
        m_monitor->setFreshness(fresh(FState::Offline));
        QCOMPARE(view().kind, Kind::Stale);
        m_monitor->setFreshness(fresh(FState::Refreshing));
        QCOMPARE(view().kind, Kind::Online);
    }

    void staleWhileSubscribingIsNotAWarning()
    {
        // Right after connecting, the store still calls the data stale until every channel is
        // subscribed: that second is normal and must not flash a warning.
        const QString channel = QStringLiteral("org:org_1:messages");
        m_monitor->setChannels({channel});
        m_monitor->setFreshness(fresh(FState::Stale, QStringLiteral("Realtime disconnected")));
        connectedAt(100000 + 500);
        at(100000 + 3000);
        m_monitor->onSubscriptionState(channel, SubState::Subscribing);
        QCOMPARE(view().kind, Kind::Connecting);
        m_monitor->onSubscriptionState(channel, SubState::Subscribed);
        QCOMPARE(view().kind, Kind::Stale);
    }

    void startResetsSession()
    {
        connectedAt(100000 + 500);
        m_monitor->setSignedOut(true);
        at(500000);
        m_monitor->start();
        QCOMPARE(m_monitor->snapshot().startedAtMs, 500000);
        QVERIFY(!m_monitor->snapshot().signedOut);
        m_monitor->onStateChanged(State::Connecting);
        QCOMPARE(view().kind, Kind::Hidden); // the grace applies again after signing in
    }

    void toneColorsDistinctAndThemed()
    {
        using Tone = ConnectionStatusView::Tone;
        QSet<QRgb> light;
        for (auto t : {Tone::Neutral, Tone::Good, Tone::Busy, Tone::Warning, Tone::Error}) {
            const QColor l = ConnectionStatusPresenter::toneColor(t, false);
            const QColor d = ConnectionStatusPresenter::toneColor(t, true);
            QVERIFY(l.isValid() && d.isValid());
            // The dark-theme variant is lighter so it stays readable on a dark status bar.
            QVERIFY(d.lightness() > l.lightness());
            light.insert(l.rgb());
        }
        QCOMPARE(light.size(), 5);
    }

    void widgetFollowsMonitorAndCountsDown()
    {
        ConnectionStatusWidget widget(m_monitor.get());
        widget.show();
        QVERIFY(widget.text().isEmpty()); // hidden during the start grace
        QVERIFY(widget.isRefreshing()); // ...but watching the grace deadline

        connectedAt(100000 + 500);
        QCOMPARE(widget.text(), QStringLiteral("Online"));
        QVERIFY(!widget.isRefreshing()); // nothing changes by itself while online

        at(200000);
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onReconnectScheduled(2, 12000);
        QVERIFY(widget.text() != QStringLiteral("Online")); // never Online while down
        QVERIFY(widget.isRefreshing());
        at(202000);
        // The 200 ms refresh timer picks up the new time without any monitor event.
        QTRY_COMPARE_WITH_TIMEOUT(widget.text(), QStringLiteral("Reconnecting in 10 s"), 2000);
        at(203000);
        QTRY_COMPARE_WITH_TIMEOUT(widget.text(), QStringLiteral("Reconnecting in 9 s"), 2000);

        auto* action = widget.findChild<QAbstractButton*>(QStringLiteral("connectionAction"));
        QVERIFY(action);
        QVERIFY(action->isVisible());
        QCOMPARE(action->text(), QStringLiteral("Try now"));
        QSignalSpy tryNow(&widget, &ConnectionStatusWidget::actionTriggered);
        action->click();
        QCOMPARE(tryNow.count(), 1);
        QCOMPARE(tryNow.at(0).at(0).value<Action>(), Action::TryNow);

        m_monitor->onStateChanged(State::Connected);
        QCOMPARE(widget.text(), QStringLiteral("Online"));
        QVERIFY(!action->isVisible());
        QVERIFY(!widget.isRefreshing());
    }

    void pillClickRequestsDetails()
    {
        ConnectionStatusWidget widget(m_monitor.get());
        connectedAt(100000 + 500);
        widget.show();
        QSignalSpy details(&widget, &ConnectionStatusWidget::detailsRequested);
        auto* pill = widget.findChild<StatusPill*>();
        QVERIFY(pill);
        QTest::mouseClick(pill, Qt::LeftButton);
        QCOMPARE(details.count(), 1);
        QVERIFY(pill->accessibleName().contains(QStringLiteral("Online")));
    }
};

QTEST_MAIN(TstConnectionStatus)
#include "tst_connectionstatus.moc"
