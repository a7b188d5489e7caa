// Chaos: the token route misbehaves (the backend's test-only --token-fault-file) while the app
// starts: 500, 429 with Retry-After, a 200 that is not JSON, a 200 without a token, a request
// that hangs. Against each, the app's client (InboxStore against devstack/up, tokens from the
// backend) must:
//  - ask at most 5 times a minute (counted by the server, FILE.calls), and never sooner than
//    Retry-After after a 429;
//  - show why: the store is not Live, and the token error the client reports explains itself
//    through the table of causes (what the connection panel shows) as that fault;
//  - come back Live by itself once the route is healthy again.
// Short form: each fault for 20 s (the 429 for 35 s, Retry-After 30 s), the tokenless 200 only
// in the long form; INBOX_CHAOS_LONG=1: every fault for 70 s, any 60 s holding at most 5 calls.

#include "models/api/apierror.h"
#include "models/diagnostics/causeadapters.h"
#include "models/store/inboxstore.h"
#include "tests/chaos/chaosmode.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"

#include <QDateTime>
#include <QFile>
#include <QMetaEnum>
#include <QTemporaryDir>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;
namespace Diag = WhaTrack::Diagnostics;

namespace {

//! Epoch seconds of every token route call the server saw since \a since.
QList<double> callsSince(const QString& faultFile, double since)
{
    QList<double> calls;
    QFile f(faultFile + QStringLiteral(".calls"));
    if (!f.open(QIODevice::ReadOnly))
        return calls;
    for (const QByteArray& line : f.readAll().split('\n')) {
        bool ok = false;
        const double t = line.trimmed().toDouble(&ok);
        if (ok && t >= since)
            calls << t;
    }
    return calls;
}

//! Most calls within any \a windowS seconds.
int busiestWindow(const QList<double>& calls, double windowS)
{
    int most = 0;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        int n = 0;
        for (qsizetype j = i; j < calls.size() && calls.at(j) < calls.at(i) + windowS; ++j)
            ++n;
        most = qMax(most, n);
    }
    return most;
}

//! The failure the connection panel makes of a token error (ui/connectionmonitor.cpp: an
//! unreadable answer is a decode error, not its status).
Diag::Failure tokenFailure(const QString& message)
{
    if (message.contains(undecodableAnswerText()))
        return Diag::Failure::make(Diag::Where::TokenRoute, Diag::Kind::DecodeError, 0, message);
    return Diag::fromRealtimeError(
        Diag::Where::TokenRoute, Centrifuge::ErrorType::ConnectToken, 0, message);
}

double nowS()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

class TestChaosTokenFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_faultFile;
    std::unique_ptr<DevstackProcess> m_stack;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_faultFile = m_dir.filePath(QStringLiteral("token-fault"));
        DevstackProcess::Options options;
        options.extraArgs = {QStringLiteral("--token-fault-file"), m_faultFile};
        m_stack = std::make_unique<DevstackProcess>(options);
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_stack)
            m_stack->stop();
    }

    void fault_data()
    {
        QTest::addColumn<QByteArray>("fault");
        QTest::addColumn<int>("kind"); // Diagnostics::Kind the panel must show
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("retryAfterS");
        const int s = Chaos::pick(20, 70);
        QTest::newRow("500") << QByteArray("500") << int(Diag::Kind::HttpStatus) << 500 << s << 0;
        QTest::newRow("429 Retry-After 30") << QByteArray("429 30") << int(Diag::Kind::HttpStatus)
                                            << 429 << Chaos::pick(35, 70) << 30;
        QTest::newRow("garbage") << QByteArray("garbage") << int(Diag::Kind::DecodeError) << 0 << s
                                 << 0;
        if (Chaos::longForm()) {
            QTest::newRow("no token")
                << QByteArray("no-token") << int(Diag::Kind::DecodeError) << 0 << s << 0;
        }
        QTest::newRow("hang") << QByteArray("hang") << int(Diag::Kind::Timeout) << 0 << s << 0;
    }

    void fault()
    {
        QFETCH(QByteArray, fault);
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(int, seconds);
        QFETCH(int, retryAfterS);
        {
            QFile f(m_faultFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(fault + '\n');
        }
        const double started = nowS();

        QString error;
        WhaTrack::Testing::StoreHarness app;
        WhaTrack::Testing::StoreHarness::Options options;
        options.waitLive = false;
        QVERIFY2(app.start(*m_stack, &error, options), qPrintable(error));
        QStringList tokenErrors;
        connect(app.client(), &Centrifuge::Client::errorOccurred, this,
            [&](Centrifuge::ErrorType type, int, const QString& message) {
                if (type == Centrifuge::ErrorType::ConnectToken)
                    tokenErrors << message;
            });
        int liveWhileFaulty = 0;
        connect(app.store(), &InboxStore::freshnessChanged, this, [&](const Freshness& f) {
            liveWhileFaulty += f.state == Freshness::State::Live ? 1 : 0;
        });

        // The observation window: the fault stays for this long whatever the client does.
        QTest::qWait(seconds * 1000); // duration, not a wait for an event
        const QList<double> calls = callsSince(m_faultFile, started);
        const Freshness shown = app.store()->freshness();
        const int liveCount = liveWhileFaulty;
        QFile::remove(m_faultFile);
        const double cleared = nowS();

        QStringList gaps;
        double shortestGap = 1e9;
        for (qsizetype i = 1; i < calls.size(); ++i) {
            gaps << QString::number(calls.at(i) - calls.at(i - 1), 'f', 1);
            shortestGap = qMin(shortestGap, calls.at(i) - calls.at(i - 1));
        }
        const Diag::Cause cause
            = Diag::explain(tokenFailure(tokenErrors.isEmpty() ? QString() : tokenErrors.last()));
        qInfo("%s for %d s: %lld token calls (gaps %s s), busiest 60 s: %d; %lld token errors, "
              "last \"%s\"; shown: %s \"%s\"; cause %s",
            fault.constData(), seconds, qint64(calls.size()),
            qPrintable(gaps.join(QStringLiteral(", "))), busiestWindow(calls, 60.0),
            qint64(tokenErrors.size()),
            qPrintable(tokenErrors.isEmpty() ? QString() : tokenErrors.last()),
            QMetaEnum::fromType<Freshness::State>().valueToKey(int(shown.state)),
            qPrintable(shown.reason), qPrintable(cause.id));

        QVERIFY2(!calls.isEmpty(), "the client never asked for a token");
        QVERIFY2(busiestWindow(calls, 60.0) <= 5, qPrintable(gaps.join(QStringLiteral(", "))));
        if (retryAfterS > 0 && calls.size() > 1) {
            // Retry-After is whole seconds from the answer; the call times are the server's.
            QVERIFY2(shortestGap >= retryAfterS - 0.5, qPrintable(gaps.join(QStringLiteral(", "))));
        }
        QCOMPARE(liveCount, 0);
        QVERIFY(shown.state != Freshness::State::Live);
        QVERIFY2(!shown.reason.isEmpty(), "the store shows no reason");
        QVERIFY2(!tokenErrors.isEmpty(), "the client reported no token error");
        const Diag::Failure failure = tokenFailure(tokenErrors.last());
        QCOMPARE(int(failure.kind), kind);
        if (code != 0)
            QCOMPARE(failure.code, code);
        QVERIFY(!cause.cause.isEmpty() && !cause.action.isEmpty());

        // Healthy again: back Live by itself, within its backoff (at most 60 s, or Retry-After).
        QTRY_VERIFY_WITH_TIMEOUT(app.store()->freshness().state == Freshness::State::Live, 90000);
        qInfo("  Live again %.1f s after the fault was cleared", nowS() - cleared);
        app.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosTokenFaults)
#include "tst_chaos_token_faults.moc"
