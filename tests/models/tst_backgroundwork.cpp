// Background work (decoding big REST bodies, preparing and freeing big lists) runs below the
// GUI thread's CPU priority, so on a busy 2-core machine the GUI thread gets a core first
// (issue 15: an 18 MB chat list decoded on a pool thread competed with it for the cores).

#include "models/api/apiclient.h"
#include "models/platform/offthread.h"
#include "tests/support/fakehttpserver.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <optional>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

int currentThreadNice()
{
#if defined(Q_OS_LINUX)
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
#else
    return 0;
#endif
}

//! A chat list well above the size ApiClient decodes inline (16 KB): it goes to a worker.
QByteArray bigChatList(int chats)
{
    QByteArray body = "{\"items\":[";
    for (int i = 0; i < chats; ++i) {
        if (i)
            body += ',';
        body += "{\"id\":\"chat" + QByteArray::number(i) + "\",\"name\":\"Cliente "
            + QByteArray::number(i)
            + "\",\"phone\":\"5511900000000\",\"lastMessageAt\":\"2026-05-01T00:00:00.000Z\","
              "\"unreadCount\":0}";
    }
    return body + "]}";
}

} // namespace

class TestBackgroundWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backgroundThreadsRunBelowTheGuiThread()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("thread priorities are lowered on Linux only");
#endif
        const int guiNice = currentThreadNice();
        std::atomic<int> workerNice {-100};
        QSemaphore done;
        runInBackground([&] {
            workerNice = currentThreadNice();
            done.release();
        });
        QVERIFY(done.tryAcquire(1, 10000));
        QVERIFY2(workerNice > guiNice,
            qPrintable(QStringLiteral("worker nice %1, GUI thread nice %2")
                           .arg(workerNice.load())
                           .arg(guiNice)));
        QCOMPARE(currentThreadNice(), guiNice); // the GUI thread itself is untouched
    }

    void heapTrimsRunAtNormalPriority()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("thread priorities are lowered on Linux only");
#endif
        // A decode hands its heap trim (which takes the GUI thread's arena lock) to a thread at
        // the GUI thread's priority, even though it asks from a lowered thread.
        const int guiNice = currentThreadNice();
        std::atomic<int> trimNice {-100};
        QSemaphore done;
        runInBackground([&] {
            runAtNormalPriority([&] {
                trimNice = currentThreadNice();
                done.release();
            });
        });
        QVERIFY(done.tryAcquire(1, 10000));
        QCOMPARE(trimNice.load(), guiNice);
    }

    void bigBodiesAreDecodedInTheBackground()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QByteArray body = bigChatList(2000);
        QVERIFY(body.size() > 64 * 1024);
        server.route("GET", QStringLiteral("/api/v1/whatsapp/chats"),
            [&body](const HttpRequest&) { return HttpResponse::json(200, body); });
        ApiConfig config;
        config.baseUrl = server.baseUrl();
        config.organizationId = QStringLiteral("org-1");
        ApiClient api(config);

        std::optional<qsizetype> chats;
        auto fetch = [&] {
            chats.reset();
            api.fetchChats({}, nullptr,
                [&chats](ApiResult<QList<ChatItem>> r) { chats = r.ok() ? r.value.size() : -1; });
        };
        fetch();
        QTRY_VERIFY_WITH_TIMEOUT(chats.has_value(), 15000);
        QCOMPARE(*chats, qsizetype(2000));

        // With the background pool held, the list arrives but its decode waits for the pool.
        QThreadPool* pool = backgroundPool();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        QSemaphore held, release;
        pool->start([&] {
            held.release();
            release.acquire();
        });
        // Released on every way out, or a failed check would leave the pool held at exit.
        auto unhold = qScopeGuard([&] {
            release.release();
            pool->waitForDone();
            pool->setMaxThreadCount(threads);
        });
        QVERIFY(held.tryAcquire(1, 10000));
        QSignalSpy received(&server, &FakeHttpServer::requestReceived);
        fetch();
        QVERIFY(received.wait(10000));
        QTest::qWait(1500); // duration, not a wait for an event: the decode must not run meanwhile
        QVERIFY2(!chats.has_value(), "the big list was decoded outside the background pool");
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(chats.has_value(), 15000);
        QCOMPARE(*chats, qsizetype(2000));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundWork)
#include "tst_backgroundwork.moc"
