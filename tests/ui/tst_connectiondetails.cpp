// The Connection details dialog and its "Copy report": every fact the brief lists is there,
// countdowns move, and nothing secret (tokens, cookies, message text, query strings) leaks.

#include "ui/connectiondetailsdialog.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionreport.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack::Ui;
using State = Centrifuge::Client::State;
using SubState = Centrifuge::Subscription::State;

class TstConnectionDetails : public QObject
{
    Q_OBJECT

    qint64 m_now = 0;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    const QString m_channel = QStringLiteral("org:org_1:messages");

    QString report() const
    {
        return ConnectionReport::text(m_monitor->snapshot(), m_now, QDateTime::currentDateTime());
    }

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
        m_now = 50000;
        m_monitor = std::make_unique<ConnectionMonitor>([this] { return m_now; });
        m_monitor->setEndpoints(
            QUrl(QStringLiteral("https://agent:hunter2@app.example.com/?session=abc#x")),
            QUrl(QStringLiteral("wss://rt.example.com/connection/"
                                "websocket?token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")));
        m_monitor->setChannels({m_channel, QStringLiteral("org:org_1:tickets")});
        m_monitor->start();
    }

    void reportHasEveryFact()
    {
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onConnecting(1, QStringLiteral("transport closed"));
        m_monitor->onDisconnected(3001, QStringLiteral("shutdown"));
        m_monitor->onReconnectScheduled(4, 12000);
        m_monitor->onTokenFetch(false, QStringLiteral("HTTP 429 too many requests, retry in 30 s"));
        m_monitor->onRestCall(QStringLiteral("GET /api/v1/whatsapp/chats"), 200, 42, {});
        m_monitor->onSubscriptionState(m_channel, SubState::Subscribed);
        m_monitor->onPublication(m_channel);
        m_now += 2000;
        const QString text = report();
        for (const char* needle :
            {"https://app.example.com/", "wss://rt.example.com/connection/websocket", "colon style",
                m_channel.toLatin1().constData(), "subscribed", "last publication",
                "1 transport closed", "3001 shutdown", "Reconnect attempt: 4", "in 10 s",
                "HTTP 429", "GET", "/api/v1/whatsapp/chats", "HTTP 200 · 42 ms"}) {
            QVERIFY2(text.contains(QString::fromUtf8(needle)), needle);
        }
    }

    void reportIsRedacted()
    {
        m_monitor->onError(Centrifuge::ErrorType::Transport, 0,
            QStringLiteral("handshake failed token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln "
                           "password: hunter2"));
        const QString text = report();
        QVERIFY(!text.contains(QStringLiteral("hunter2")));
        QVERIFY(!text.contains(QStringLiteral("eyJ")));
        QVERIFY(!text.contains(QStringLiteral("session=abc")));
        QVERIFY(!text.contains(QStringLiteral("#x")));
        QVERIFY(text.contains(QStringLiteral("[redacted]")));
        QCOMPARE(
            ConnectionReport::redact(QStringLiteral("Cookie: better-auth.session_token=s3cr3t; x")),
            QStringLiteral("Cookie: [redacted]; x"));
    }

    void tokenExpiryCountsDown()
    {
        m_monitor->onTokenRefreshed(3600);
        const auto expiry = [this] {
            for (const auto& s : ConnectionReport::sections(
                     m_monitor->snapshot(), m_now, QDateTime::currentDateTime())) {
                for (const auto& r : s.rows) {
                    if (r.label == QLatin1String("Expiry"))
                        return r.value;
                }
            }
            return QString();
        };
        QCOMPARE(expiry(), QStringLiteral("expires in 1 h 00 min"));
        m_now += 3599 * 1000;
        QCOMPARE(expiry(), QStringLiteral("expires in 1 s"));
        m_now += 2000;
        QCOMPARE(expiry(), QStringLiteral("expired"));
    }

    void dialogButtonsAndLiveValues()
    {
        ConnectionDetailsDialog dialog(m_monitor.get());
        dialog.show();
        QSignalSpy resync(&dialog, &ConnectionDetailsDialog::resyncRequested);
        QSignalSpy reconnect(&dialog, &ConnectionDetailsDialog::reconnectRequested);
        dialog.findChild<QPushButton*>(QStringLiteral("resyncNow"))->click();
        dialog.findChild<QPushButton*>(QStringLiteral("reconnectNow"))->click();
        QCOMPARE(resync.count(), 1);
        QCOMPARE(reconnect.count(), 1);

        // Values follow the monitor without reopening the dialog.
        const auto hasLabel = [&dialog](const QString& text) {
            const auto labels = dialog.findChildren<QLabel*>();
            return std::any_of(
                labels.cbegin(), labels.cend(), [&](QLabel* l) { return l->text() == text; });
        };
        QVERIFY(!hasLabel(QStringLiteral("6.9.6 OSS")));
        m_monitor->onStateChanged(State::Connecting);
        m_monitor->onConnected(QStringLiteral("c1"), QStringLiteral("6.9.6 OSS"));
        m_monitor->onStateChanged(State::Connected);
        QTRY_VERIFY(hasLabel(QStringLiteral("6.9.6 OSS")));

        dialog.findChild<QPushButton*>(QStringLiteral("copyReport"))->click();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY(copied.contains(QStringLiteral("connection report")));
        QVERIFY(!copied.contains(QStringLiteral("hunter2")));
        dialog.grab();
    }
};

QTEST_MAIN(TstConnectionDetails)
#include "tst_connectiondetails.moc"
