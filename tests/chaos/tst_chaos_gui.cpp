// Chaos: the main window (offscreen platform) through a Centrifugo restart storm while webhook
// deliveries arrive. The status pill must never say "Online" while a channel is not subscribed
// or the socket is not connected: it is sampled on every change of the pill (every setView
// sends the pill a ToolTipChange) and after every state change of the client and of each
// subscription. The pill must say "Online" again after every restart, and the models must equal
// the backend at the end.
//
// The wiring of the client and its subscriptions to the ConnectionMonitor is the composition
// root's (app/gui/realtimethread.cpp, appcontroller.cpp), repeated here in a few lines so the
// test drives ui/MainWindow and models/InboxStore directly. Ground truth comes from the same
// signals, connected before the monitor's, so it is never behind what the pill was told.
// Short form: 5 restarts at 10 deliveries/s; INBOX_CHAOS_LONG=1: 10 restarts at 30/s.

#include "models/chatlistmodel.h"
#include "models/inboxstore.h"
#include "models/querycache.h"
#include "realtime/subscription.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/storeharness.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatuswidget.h"
#include "ui/mainwindow.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;
using Centrifuge::Client;
using Centrifuge::Subscription;
using WhaTrack::Ui::ConnectionMonitor;
using WhaTrack::Ui::ConnectionStatusView;

namespace {

//! What the client and its subscriptions said last (GUI thread), and the pill's samples.
class PillAudit : public QObject
{
    Q_OBJECT

public:
    explicit PillAudit(Ui::StatusPill* pill)
        : m_pill(pill)
    {
        pill->installEventFilter(this);
    }

    void watch(Client* client, const QStringList& channels)
    {
        // Connected before the monitor's connections: for one emission this slot runs first.
        connect(client, &Client::stateChanged, this, [this](Client::State s) {
            m_client = s;
            checkLater();
        });
        for (const QString& channel : channels) {
            Subscription* sub = client->subscription(channel);
            QVERIFY2(sub, qPrintable(channel));
            m_channels.insert(channel, sub->state());
            connect(sub, &Subscription::stateChanged, this, [this, channel](Subscription::State s) {
                m_channels.insert(channel, s);
                checkLater();
            });
        }
        m_client = client->state();
    }

    bool allSubscribed() const
    {
        if (m_client != Client::State::Connected)
            return false;
        for (auto s : m_channels) {
            if (s != Subscription::State::Subscribed)
                return false;
        }
        return true;
    }
    int samples() const { return m_samples; }
    int onlineSamples() const { return m_online; }
    //! How often the pill went from "Online" to something else.
    int leftOnline() const { return m_leftOnline; }
    QStringList violations() const { return m_violations; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_pill && event->type() == QEvent::ToolTipChange)
            sample(QStringLiteral("pill changed"));
        return false;
    }

private:
    //! After the monitor's queued slot for the same emission has run (posted after it).
    void checkLater()
    {
        QMetaObject::invokeMethod(
            this, [this] { sample(QStringLiteral("state changed")); }, Qt::QueuedConnection);
    }
    void sample(const QString& when)
    {
        ++m_samples;
        const bool online = m_pill->view().kind == ConnectionStatusView::Kind::Online;
        m_leftOnline += m_wasOnline && !online ? 1 : 0;
        m_wasOnline = online;
        if (!online)
            return;
        ++m_online;
        if (!allSubscribed()) {
            QStringList states;
            for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it)
                states << QStringLiteral("%1=%2").arg(it.key()).arg(int(it.value()));
            m_violations << QStringLiteral("%1: Online with client %2, %3")
                                .arg(when)
                                .arg(int(m_client))
                                .arg(states.join(QStringLiteral(", ")));
        }
    }

    Ui::StatusPill* m_pill;
    Client::State m_client = Client::State::Disconnected;
    QHash<QString, Subscription::State> m_channels;
    int m_samples = 0;
    int m_online = 0;
    int m_leftOnline = 0;
    bool m_wasOnline = false;
    QStringList m_violations;
};

//! The composition root's wiring of the client to the monitor (app/gui/realtimethread.cpp).
void wireMonitor(Client* c, ConnectionMonitor* m, const QStringList& channels)
{
    QObject::connect(c, &Client::stateChanged, m, &ConnectionMonitor::onStateChanged);
    QObject::connect(c, &Client::connecting, m, &ConnectionMonitor::onConnecting);
    QObject::connect(c, &Client::connected, m,
        [m](const QString& id, const QString& version) { m->onConnected(id, version); });
    QObject::connect(c, &Client::disconnected, m, &ConnectionMonitor::onDisconnected);
    QObject::connect(c, &Client::errorOccurred, m, &ConnectionMonitor::onError);
    QObject::connect(c, &Client::reconnectScheduled, m, &ConnectionMonitor::onReconnectScheduled);
    QObject::connect(c, &Client::tokenRefreshed, m, &ConnectionMonitor::onTokenRefreshed);
    for (const QString& channel : channels) {
        Subscription* sub = c->subscription(channel);
        QObject::connect(sub, &Subscription::stateChanged, m,
            [m, channel](Subscription::State s) { m->onSubscriptionState(channel, s); });
        QObject::connect(
            sub, &Subscription::unsubscribed, m, [m, channel](int code, const QString& reason) {
                m->onUnsubscribed(channel, code, reason);
            });
        QObject::connect(sub, &Subscription::publication, m,
            [m, channel](const Centrifuge::Publication&) { m->onPublication(channel); });
        m->onSubscriptionState(channel, sub->state());
    }
    m->onStateChanged(c->state());
}

} // namespace

class TestChaosGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pillThroughRestartStorm()
    {
        const int restarts = Chaos::pick(5, 10);
        const int rate = Chaos::pick(10, 30);
        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        Chaos::StoreHarness app;
        QVERIFY2(app.start(stack, &error), qPrintable(error));
        InboxStore* store = app.store();

        ConnectionMonitor monitor;
        Ui::MainWindow window(store, &monitor);
        auto* pill = window.findChild<Ui::StatusPill*>();
        QVERIFY(pill);
        PillAudit audit(pill);
        audit.watch(app.client(), store->channels());
        monitor.setEndpoints(stack.backendUrl(), stack.centrifugoWsUrl());
        monitor.setChannels(store->channels());
        monitor.start();
        wireMonitor(app.client(), &monitor, store->channels());
        const auto freshness = [&] { monitor.setFreshness(store->freshness()); };
        connect(store, &InboxStore::freshnessChanged, &monitor, freshness);
        freshness();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto online
            = [pill] { return pill->view().kind == ConnectionStatusView::Kind::Online; };
        QTRY_VERIFY_WITH_TIMEOUT(online(), 20000);
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());

        Chaos::WebhookPublisher webhooks(stack.backendUrl(), stack.webhookSecret().toUtf8(),
            QStringLiteral("104857600000001"), app.phones(5), rate);
        webhooks.start();
        QSignalSpy resyncs(store, &InboxStore::resyncFinished);
        for (int i = 0; i < restarts; ++i) {
            QTest::qWait(1500); // the storm's schedule; deliveries keep flowing
            const qsizetype before = resyncs.size();
            const int left = audit.leftOnline();
            QVERIFY2(stack.restartServer(QStringLiteral("centrifugo"), &error), qPrintable(error));
            // The pill leaves Online (the socket closed) and comes back to it after a resync.
            QTRY_VERIFY2_WITH_TIMEOUT(
                audit.leftOnline() > left && resyncs.size() > before && online(),
                qPrintable(QStringLiteral("restart %1: pill \"%2\", left Online %3 times, %4 "
                                          "resyncs")
                               .arg(i + 1)
                               .arg(pill->view().text)
                               .arg(audit.leftOnline() - left)
                               .arg(resyncs.size())),
                60000);
        }
        QVERIFY(webhooks.stopAndDrain(30000));
        QCOMPARE(webhooks.failed(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(store->queryCache()->inFlightCount(), 0, 20000);
        QString difference = app.differenceFromBackend();
        for (int attempt = 0; !difference.isEmpty() && attempt < 5; ++attempt) {
            QTest::qWait(2000); // a resync or a refetch may still be on its way
            difference = app.differenceFromBackend();
        }
        qInfo("gui: %d restarts, %d deliveries, %lld resyncs; pill sampled %d times, Online in "
              "%d samples, left Online %d times; %lld violations",
            restarts, webhooks.accepted(), qint64(resyncs.size()), audit.samples(),
            audit.onlineSamples(), audit.leftOnline(), qint64(audit.violations().size()));
        QVERIFY2(audit.violations().isEmpty(), qPrintable(audit.violations().join(u'\n')));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        window.close();
        app.stop();
    }
};

QTEST_MAIN(TestChaosGui)
#include "tst_chaos_gui.moc"
