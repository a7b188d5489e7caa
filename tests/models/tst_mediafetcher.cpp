// Message media through the backend's media route, against in-process HTTP servers: a real
// image becomes a bounded thumbnail and is fetched once; an oversize body, bytes that are not an
// image, an image too large to decode, a cross-origin redirect and a mediaUrl that is not a media
// id of the backend all end as a failure with a cause in plain words, never as a crash or a
// request to another server.

#include "models/api/apiclient.h"
#include "models/api/mediafetcher.h"
#include "tests/support/fakehttpserver.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

QByteArray pngBytes(int w, int h, QColor color = Qt::darkCyan)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

HttpResponse bytesResponse(QByteArray body, const QByteArray& type = "image/png")
{
    HttpResponse r;
    r.body = std::move(body);
    r.headers.append(qMakePair(QByteArray("Content-Type"), type));
    return r;
}

} // namespace

class TestMediaFetcher : public QObject
{
    Q_OBJECT

    FakeHttpServer* m_backend = nullptr;
    FakeHttpServer* m_other = nullptr;
    ApiClient* m_api = nullptr;
    MediaFetcher* m_fetcher = nullptr;

    //! Requests the thumbnail and waits until it is Ready or Failed.
    MediaFetcher::State load(const QString& mediaUrl)
    {
        m_fetcher->requestThumbnail(mediaUrl);
        (void)QTest::qWaitFor(
            [&] {
                const auto s = m_fetcher->thumbnailState(mediaUrl);
                return s == MediaFetcher::State::Ready || s == MediaFetcher::State::Failed;
            },
            15000);
        return m_fetcher->thumbnailState(mediaUrl);
    }

private Q_SLOTS:
    void init()
    {
        m_backend = new FakeHttpServer(this);
        m_other = new FakeHttpServer(this);
        QVERIFY(m_backend->listen());
        QVERIFY(m_other->listen());
        m_other->setHandler([](const HttpRequest&) { return bytesResponse(pngBytes(8, 8)); });
        ApiConfig c;
        c.baseUrl = m_backend->baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.retryBaseDelay = std::chrono::milliseconds(10);
        c.retryMaxDelay = std::chrono::milliseconds(20);
        m_api = new ApiClient(c, this);
        m_fetcher = new MediaFetcher(m_api, this);
    }

    void cleanup()
    {
        delete m_fetcher;
        delete m_api;
        delete m_backend;
        delete m_other;
    }

    void routePathOnlyForMediaIdsOfTheBackend_data()
    {
        QTest::addColumn<QString>("mediaUrl");
        QTest::addColumn<QString>("path");
        const QString route = QStringLiteral("/api/v1/whatsapp/media/");
        QTest::newRow("meta id") << "meta_id:1234567890" << route + QStringLiteral("1234567890");
        QTest::newRow("r2 path") << "r2:organizations/o1/media/a.jpg"
                                 << route + QStringLiteral("organizations/o1/media/a.jpg");
        QTest::newRow("route url") << "/api/v1/whatsapp/media/99" << route + QStringLiteral("99");
        QTest::newRow("absolute url") << "https://evil.example/x.png" << QString();
        QTest::newRow("scheme-relative") << "//evil.example/x.png" << QString();
        QTest::newRow("dot-dot") << "meta_id:../../auth/session" << QString();
        QTest::newRow("r2 dot-dot") << "r2:organizations/../x" << QString();
        QTest::newRow("escaped") << "meta_id:%2e%2e" << QString();
        QTest::newRow("query") << "meta_id:1?redirect=x" << QString();
        QTest::newRow("empty id") << "meta_id:" << QString();
        QTest::newRow("empty segment") << "r2:a//b" << QString();
        QTest::newRow("plain text") << "Imagem" << QString();
    }
    void routePathOnlyForMediaIdsOfTheBackend()
    {
        QFETCH(QString, mediaUrl);
        QFETCH(QString, path);
        QCOMPARE(MediaFetcher::routePath(mediaUrl), path);
    }

    void imageBecomesBoundedThumbnailFetchedOnce()
    {
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/42"),
            [](const HttpRequest&) { return bytesResponse(pngBytes(1200, 600)); });
        QSignalSpy changed(m_fetcher, &MediaFetcher::thumbnailChanged);
        m_fetcher->setThumbnailSide(200);
        QCOMPARE(load(QStringLiteral("meta_id:42")), MediaFetcher::State::Ready);
        const QImage thumb = m_fetcher->thumbnail(QStringLiteral("meta_id:42"));
        QCOMPARE(thumb.size(), QSize(200, 100)); // scaled read, aspect kept
        QCOMPARE(changed.count(), 1);
        // The session's organization header went along, as with every REST call.
        const auto requests = m_backend->requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().headers.value("x-organization-id"), QByteArray("org-1"));

        // Cache hit: asking again (each repaint does) sends nothing.
        for (int i = 0; i < 5; ++i)
            m_fetcher->requestThumbnail(QStringLiteral("meta_id:42"));
        QCOMPARE(
            m_fetcher->thumbnailState(QStringLiteral("meta_id:42")), MediaFetcher::State::Ready);
        QCOMPARE(m_backend->requestCount(QStringLiteral("/api/v1/whatsapp/media/42")), 1);
    }

    void cacheIsBoundedLeastRecentlyUsedFirst()
    {
        for (const char* id : {"1", "2", "3"}) {
            m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/") + QLatin1String(id),
                [](const HttpRequest&) { return bytesResponse(pngBytes(100, 100)); });
        }
        m_fetcher->setThumbnailSide(100);
        // 100 x 100 x 4 bytes = 40 KiB each; room for two.
        m_fetcher->setCacheBytes(90 * 1024);
        QCOMPARE(load(QStringLiteral("meta_id:1")), MediaFetcher::State::Ready);
        QCOMPARE(load(QStringLiteral("meta_id:2")), MediaFetcher::State::Ready);
        QVERIFY(!m_fetcher->thumbnail(QStringLiteral("meta_id:1")).isNull()); // 1 used last
        QCOMPARE(load(QStringLiteral("meta_id:3")), MediaFetcher::State::Ready);
        QCOMPARE(m_fetcher->thumbnailState(QStringLiteral("meta_id:2")), MediaFetcher::State::None);
        QCOMPARE(
            m_fetcher->thumbnailState(QStringLiteral("meta_id:1")), MediaFetcher::State::Ready);
    }

    void oversizeBodyRefused()
    {
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/big"),
            [](const HttpRequest&) { return bytesResponse(QByteArray(300 * 1024, 'x')); });
        m_fetcher->setMaxBytes(64 * 1024);
        QCOMPARE(load(QStringLiteral("meta_id:big")), MediaFetcher::State::Failed);
        QVERIFY2(
            m_fetcher->failure(QStringLiteral("meta_id:big")).contains(QLatin1String("larger")),
            qPrintable(m_fetcher->failure(QStringLiteral("meta_id:big"))));
        QVERIFY(m_fetcher->thumbnail(QStringLiteral("meta_id:big")).isNull());
        // A failure is not retried on every repaint.
        m_fetcher->requestThumbnail(QStringLiteral("meta_id:big"));
        QCOMPARE(m_fetcher->requestsSent(), 1);
    }

    void nonImageBytesGivePlaceholderCause()
    {
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/7"), [](const HttpRequest&) {
            return bytesResponse("<html><script>alert(1)</script></html>", "image/png");
        });
        QCOMPARE(load(QStringLiteral("meta_id:7")), MediaFetcher::State::Failed);
        QVERIFY(m_fetcher->failure(QStringLiteral("meta_id:7"))
                    .contains(QLatin1String("not an image")));
    }

    void imageTooLargeToDecodeRefused()
    {
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/8"),
            [](const HttpRequest&) { return bytesResponse(pngBytes(400, 300)); });
        m_fetcher->setMaxPixels(100 * 100); // as a 20 000 x 20 000 "photo" would be
        QCOMPARE(load(QStringLiteral("meta_id:8")), MediaFetcher::State::Failed);
        QVERIFY(
            m_fetcher->failure(QStringLiteral("meta_id:8")).contains(QLatin1String("400 x 300")));
    }

    void crossOriginRedirectRefused()
    {
        const QUrl elsewhere = m_other->baseUrl().resolved(QUrl(QStringLiteral("/x.png")));
        m_backend->route(
            "GET", QStringLiteral("/api/v1/whatsapp/media/9"), [elsewhere](const HttpRequest&) {
                HttpResponse r;
                r.status = 302;
                r.headers.append(qMakePair(QByteArray("Location"), elsewhere.toEncoded()));
                return r;
            });
        QCOMPARE(load(QStringLiteral("meta_id:9")), MediaFetcher::State::Failed);
        QCOMPARE(m_other->requests().size(), 0);
        QVERIFY(m_fetcher->failure(QStringLiteral("meta_id:9")).contains(QLatin1String("address")));
    }

    void foreignUrlNeverRequested()
    {
        const QString foreign
            = m_other->baseUrl().resolved(QUrl(QStringLiteral("/x.png"))).toString();
        QCOMPARE(load(foreign), MediaFetcher::State::Failed);
        QCOMPARE(m_other->requests().size(), 0);
        QCOMPARE(m_backend->requests().size(), 0);
        QVERIFY(!m_fetcher->failure(foreign).isEmpty());
    }

    void fileForOpenAndSave()
    {
        const QByteArray pdf("%PDF-1.4\n%%EOF\n");
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/media/doc1"),
            [pdf](const HttpRequest&) { return bytesResponse(pdf, "application/pdf"); });
        std::optional<MediaFetcher::File> got;
        m_fetcher->fetchFile(
            QStringLiteral("meta_id:doc1"), this, [&got](const MediaFetcher::File& f) { got = f; });
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 15000));
        QVERIFY(got->ok());
        QCOMPARE(got->bytes, pdf);

        std::optional<MediaFetcher::File> missing;
        m_fetcher->fetchFile(QStringLiteral("meta_id:nope"), this,
            [&missing](const MediaFetcher::File& f) { missing = f; });
        QVERIFY(QTest::qWaitFor([&] { return missing.has_value(); }, 15000));
        QVERIFY(!missing->ok());
        QVERIFY(missing->bytes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMediaFetcher)
#include "tst_mediafetcher.moc"
