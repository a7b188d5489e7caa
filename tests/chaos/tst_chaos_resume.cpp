// System sleep and resume: logind's PrepareForSleep(false) (sent here on a private
// dbus-daemon, as logind sends it on the system bus) must make the app resync at once, not
// after the ping watchdog's 25 s + max delay. The app's data layer runs against the real stack.

#include "models/platform/systemevents.h"
#include "models/store/inboxstore.h"
#include "tests/support/devstackprocess.h"
#include "tests/support/storeharness.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

class TestChaosResume : public QObject
{
    Q_OBJECT

    QProcess m_bus;
    QString m_address;

    bool emitPrepareForSleep(bool sleeping)
    {
        QDBusConnection logind = QDBusConnection::connectToBus(m_address, QStringLiteral("logind"));
        if (!logind.isConnected()
            || !logind.registerService(QStringLiteral("org.freedesktop.login1")))
            return false;
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"));
        signal << sleeping;
        return logind.send(signal);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            QSKIP("dbus-daemon is not installed (apt install dbus)");
        m_bus.setProgram(daemon);
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
            QStringLiteral("--print-address")});
        m_bus.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_bus.start();
        QVERIFY(m_bus.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("logind"));
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void resumeResyncsAtOnce()
    {
        DevstackProcess stack;
        QString error;
        QVERIFY2(stack.start(&error), qPrintable(error));
        WhaTrack::Testing::StoreHarness app;
        QVERIFY2(app.start(stack, &error), qPrintable(error));
        SystemEvents events;
        QVERIFY(events.watchSleep(m_address));
        events.attach(app.store());
        QSignalSpy resyncs(app.store(), &InboxStore::resyncFinished);
        QSignalSpy sleeping(&events, &SystemEvents::aboutToSleep);

        QVERIFY(emitPrepareForSleep(true));
        QTRY_COMPARE_WITH_TIMEOUT(sleeping.size(), 1, 5000);
        QCOMPARE(resyncs.size(), 0); // going to sleep changes nothing
        QElapsedTimer sinceResume;
        sinceResume.start();
        QVERIFY(emitPrepareForSleep(false));
        // At once: well before the ping watchdog (25 s ping + 10 s max delay) would notice.
        QTRY_VERIFY_WITH_TIMEOUT(resyncs.size() >= 1, 10000);
        QVERIFY(resyncs.first().at(0).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(app.store()->freshness().state, Freshness::State::Live, 20000);
        qInfo("resume -> resync finished in %lld ms", sinceResume.elapsed());
        QString difference;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (difference = app.differenceFromBackend()).isEmpty(), qPrintable(difference), 20000);
        app.stop();
        stack.stop();
    }
};

QTEST_GUILESS_MAIN(TestChaosResume)
#include "tst_chaos_resume.moc"
