// SearchDebounce: the chat search asks the server once typing pauses, never twice for one text.
// Time is a ManualClock.

#include "models/store/searchdebounce.h"
#include "tests/support/manualclock.h"

#include <QTest>

using namespace WhaTrack;

namespace {
constexpr qint64 kPauseMs = 300;
}

class TestSearchDebounce : public QObject
{
    Q_OBJECT

private:
    Testing::ManualClock clock;
    QStringList queries;

    SearchDebounce::Query recorder()
    {
        return [this](const QString& s) { queries.append(s); };
    }

private Q_SLOTS:
    void init() { queries.clear(); }

    void typingAsksOnceWhenItPauses()
    {
        SearchDebounce s(&clock, kPauseMs, recorder());
        for (const char* t : {"a", "an", "ana ", " ana"}) {
            s.type(QString::fromLatin1(t));
            clock.advance(kPauseMs - 1); // each key restarts the wait
        }
        QCOMPARE(s.text(), QStringLiteral("ana")); // the rows are filtered at once
        QVERIFY(queries.isEmpty());
        clock.advance(1);
        QCOMPARE(queries, QStringList {QStringLiteral("ana")});
    }

    void theSameTextIsNotAskedTwice()
    {
        SearchDebounce s(&clock, kPauseMs, recorder());
        s.type(QStringLiteral("ana"));
        clock.advance(kPauseMs);
        s.type(QStringLiteral("ana "));
        clock.advance(kPauseMs);
        s.queryNow();
        QCOMPARE(queries, QStringList {QStringLiteral("ana")});
        // An organization switch dropped the query: the same text is asked again.
        s.forgetQuery();
        s.queryNow();
        QCOMPARE(queries, QStringList({QStringLiteral("ana"), QStringLiteral("ana")}));
    }

    void clearingTheSearchDropsTheServerQuery()
    {
        SearchDebounce s(&clock, kPauseMs, recorder());
        s.type(QStringLiteral("ana"));
        clock.advance(kPauseMs);
        s.type(QString());
        clock.advance(kPauseMs);
        QCOMPARE(queries, QStringList({QStringLiteral("ana"), QString()}));
    }

    void destroyingCancelsTheWait()
    {
        {
            SearchDebounce s(&clock, kPauseMs, recorder());
            s.type(QStringLiteral("ana"));
        }
        QCOMPARE(clock.pendingTimers(), 0);
        clock.advance(kPauseMs);
        QVERIFY(queries.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSearchDebounce)
#include "tst_searchdebounce.moc"
