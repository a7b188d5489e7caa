// Chaos: the main window (offscreen platform) through a Centrifugo restart storm while webhook
// deliveries arrive. The status pill must never say "Online" while a channel is not subscribed
// or the socket is not connected. The UI is attached as the app does it (ConnectionMonitor::
// attach(store->realtimeBinding()), MainWindow over the store) before the store connects. The
// ground truth is the client's and each subscription's own signals (queued to this thread, not
// through the binding; the binding's copy of each event is queued just before this test's).
// Judged: after every state change (the pill has seen the binding's copy by then), and on every
// change of the pill (each setView sends it a ToolTipChange), against the truth then and once
// the test's copy of the event being handled is in (the pill may change while the binding
// handles it). A GUI fed through a queue can lag an event still in that queue; it may not show
// Online against what it has been told.
// The pill must say "Online" again after every restart, and the models must equal the backend.
// Short form: 5 restarts at 10 deliveries/s; INBOX_CHAOS_LONG=1: 10 restarts at 30/s.

#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "realtime/subscription.h"
#include "tests/chaos/chaosmode.h"
#include "tests/chaos/webhookpublisher.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"
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

    //! Starts judging: the ground truth from now on (the subscriptions exist once Live).
    void watch(Client* client, const QStringList& channels)
    {
        connect(client, &Client::stateChanged, this, [this](Client::State s) {
            m_client = s;
            judgeNow();
        });
        for (const QString& channel : channels) {
            Subscription* sub = client->subscription(channel);
            QVERIFY2(sub, qPrintable(channel));
            m_channels.insert(channel, sub->state());
            connect(sub, &Subscription::stateChanged, this, [this, channel](Subscription::State s) {
                m_channels.insert(channel, s);
                judgeNow();
            });
        }
        m_client = client->state();
        m_armed = true;
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
        // The pill may change while the binding handles a client event whose copy for this
        // audit is still queued right behind it: judge both now and once that copy is in.
        if (m_armed && watched == m_pill && event->type() == QEvent::ToolTipChange) {
            const auto kind = m_pill->view().kind;
            const bool subscribedNow = allSubscribed();
            QMetaObject::invokeMethod(
                this,
                [this, kind, subscribedNow] {
                    judge(kind, subscribedNow || allSubscribed(), QStringLiteral("pill changed"));
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    //! A state change: the binding's copy of this event came first, so the pill is up to date.
    void judgeNow()
    {
        judge(m_pill->view().kind, allSubscribed(), QStringLiteral("state changed"));
    }
    void judge(ConnectionStatusView::Kind kind, bool subscribed, const QString& when)
    {
        ++m_samples;
        const bool online = kind == ConnectionStatusView::Kind::Online;
        m_leftOnline += m_wasOnline && !online ? 1 : 0;
        m_wasOnline = online;
        if (!online)
            return;
        ++m_online;
        if (!subscribed) {
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
    bool m_armed = false;
    QStringList m_violations;
};

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
        // The UI first, as the app attaches it, so it sees the store's first events.
        ConnectionMonitor monitor;
        monitor.setEndpoints(stack.backendUrl(), stack.centrifugoWsUrl());
        WhaTrack::Testing::StoreHarness app;
        std::unique_ptr<Ui::MainWindow> window; // after app: goes before the store it shows
        WhaTrack::Testing::StoreHarness::Options options;
        options.beforeConnect = [&](InboxStore* store) {
            monitor.attach(store->realtimeBinding());
            window = std::make_unique<Ui::MainWindow>(store, &monitor);
            const auto freshness = [&monitor, store] { monitor.setFreshness(store->freshness()); };
            connect(store, &InboxStore::freshnessChanged, &monitor, freshness);
            freshness();
            monitor.start();
            window->show();
        };
        QVERIFY2(app.start(stack, &error, options), qPrintable(error));
        InboxStore* store = app.store();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        auto* pill = window->findChild<Ui::StatusPill*>();
        QVERIFY(pill);
        PillAudit audit(pill);
        audit.watch(app.client(), store->channels());
        const auto online
            = [pill] { return pill->view().kind == ConnectionStatusView::Kind::Online; };
        QTRY_VERIFY_WITH_TIMEOUT(online(), 20000);
        store->openChat(store->chatListModel()->index(0, 0).data(ChatListModel::IdRole).toString());

        Chaos::WebhookPublisher webhooks(stack.backendUrl(), stack.webhookSecret().toUtf8(),
            QStringLiteral("104857600000001"), app.phones(5), rate);
        webhooks.start();
        QSignalSpy resyncs(store, &InboxStore::resyncFinished);
        for (int i = 0; i < restarts; ++i) {
            // the storm's schedule; deliveries keep flowing
            QTest::qWait(1500); // duration, not a wait for an event
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
        QString difference = app.settledDifferenceFromBackend();
        qInfo("gui: %d restarts, %d deliveries, %lld resyncs; pill sampled %d times, Online in "
              "%d samples, left Online %d times; %lld violations",
            restarts, webhooks.accepted(), qint64(resyncs.size()), audit.samples(),
            audit.onlineSamples(), audit.leftOnline(), qint64(audit.violations().size()));
        QVERIFY2(audit.violations().isEmpty(), qPrintable(audit.violations().join(u'\n')));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        window->close();
        window.reset();
        app.stop();
    }
};

QTEST_MAIN(TestChaosGui)
#include "tst_chaos_gui.moc"
