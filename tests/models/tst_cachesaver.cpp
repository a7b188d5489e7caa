// CacheSaver: a burst of changes costs one local-cache write; nothing waiting is lost at quit or
// at an organization switch; a forgotten chat is not written back. Time is a ManualClock.

#include "models/cache/cachesaver.h"
#include "tests/support/manualclock.h"

#include <QTest>

using namespace WhaTrack;

namespace {
constexpr qint64 kDelayMs = 2000;
}

class TestCacheSaver : public QObject
{
    Q_OBJECT

private:
    Testing::ManualClock clock;
    QList<CacheSaver::Dirty> writes;
    bool canWrite = true;

    CacheSaver::Write recorder()
    {
        return [this](const CacheSaver::Dirty& d) {
            if (!canWrite)
                return false;
            writes.append(d);
            return true;
        };
    }

private Q_SLOTS:
    void init()
    {
        writes.clear();
        canWrite = true;
    }

    void aBurstWritesOnce()
    {
        CacheSaver s(&clock, kDelayMs, recorder());
        for (int i = 0; i < 50; ++i) {
            s.chatsChanged();
            s.messagesChanged(QStringLiteral("c%1").arg(i % 3));
            clock.advance(10);
        }
        QVERIFY(writes.isEmpty()); // the delay runs from the first change
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 1);
        QVERIFY(writes.first().chats);
        QCOMPARE(writes.first().messageChats,
            QSet<QString>({QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2")}));
        clock.advance(10 * kDelayMs);
        QCOMPARE(writes.size(), 1); // nothing new, nothing written
    }

    void theNextChangeWritesAgain()
    {
        CacheSaver s(&clock, kDelayMs, recorder());
        s.messagesChanged(QStringLiteral("c1"));
        clock.advance(kDelayMs);
        s.messagesChanged(QStringLiteral("c2"));
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 2);
        QVERIFY(!writes.at(1).chats);
        QCOMPARE(writes.at(1).messageChats, QSet<QString>({QStringLiteral("c2")}));
    }

    void flushWritesWhatWaitsNow()
    {
        // Quit or organization switch: the list that dropped chats is written before it goes.
        CacheSaver s(&clock, kDelayMs, recorder());
        s.chatsChanged();
        s.flush();
        QCOMPARE(writes.size(), 1);
        QVERIFY(!s.isScheduled());
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 1);
        s.flush(); // nothing waits
        QCOMPARE(writes.size(), 1);
    }

    void aForgottenChatIsNotWritten()
    {
        CacheSaver s(&clock, kDelayMs, recorder());
        s.messagesChanged(QStringLiteral("gone"));
        s.messagesChanged(QStringLiteral("kept"));
        s.forgetChats({QStringLiteral("gone")});
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().messageChats, QSet<QString>({QStringLiteral("kept")}));
    }

    void aWriteThatCouldNotHappenIsKept()
    {
        CacheSaver s(&clock, kDelayMs, recorder());
        canWrite = false;
        s.chatsChanged();
        clock.advance(kDelayMs);
        QVERIFY(writes.isEmpty());
        canWrite = true;
        s.messagesChanged(QStringLiteral("c1"));
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 1);
        QVERIFY(writes.first().chats); // kept from the write that could not happen
    }

    void discardDropsWithoutWriting()
    {
        CacheSaver s(&clock, kDelayMs, recorder());
        canWrite = false;
        s.chatsChanged();
        clock.advance(kDelayMs);
        s.discard(); // organization switch: the old organization's leftovers are not written
        canWrite = true;
        s.messagesChanged(QStringLiteral("c1"));
        clock.advance(kDelayMs);
        QCOMPARE(writes.size(), 1);
        QVERIFY(!writes.first().chats);
    }

    void destroyingCancelsTheWrite()
    {
        {
            CacheSaver s(&clock, kDelayMs, recorder());
            s.chatsChanged();
            QCOMPARE(clock.pendingTimers(), 1);
        }
        QCOMPARE(clock.pendingTimers(), 0);
        clock.advance(kDelayMs);
        QVERIFY(writes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheSaver)
#include "tst_cachesaver.moc"
