// Media in the conversation, against the in-process backend: a photo shows as its thumbnail, a
// photo whose bytes are not an image shows the placeholder with the cause on hover, a document
// opens as a private local copy (never a server URL) and saves where the agent chose, and a
// hostile file type is not handed to the desktop.

#include "models/api/mediafetcher.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/conversationview.h"
#include "ui/mediaactions.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QListView>
#include <QMenu>
#include <QMimeDatabase>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

namespace {

const QColor kPhotoColor(220, 30, 30);

QByteArray photo()
{
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(kPhotoColor);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

HttpResponse bytes(QByteArray body)
{
    HttpResponse r;
    r.body = std::move(body);
    return r;
}

const QByteArray kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";

QJsonObject mediaMessage(int i, const QString& type, const QString& body, const QString& url)
{
    const QString at = QDateTime::currentDateTimeUtc().addSecs(-600 + i * 60).toString(Qt::ISODate);
    return {{QStringLiteral("id"), QStringLiteral("media%1").arg(i)},
        {QStringLiteral("leadId"), QStringLiteral("L2")},
        {QStringLiteral("conversationId"), QStringLiteral("C2")},
        {QStringLiteral("direction"), QStringLiteral("INBOUND")}, {QStringLiteral("type"), type},
        {QStringLiteral("body"), body}, {QStringLiteral("mediaUrl"), url},
        {QStringLiteral("status"), QStringLiteral("delivered")}, {QStringLiteral("timestamp"), at},
        {QStringLiteral("createdAt"), at}};
}

int pixelsOf(const QImage& image, const QColor& color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 8 && qAbs(c.green() - color.green()) < 8
                && qAbs(c.blue() - color.blue()) < 8)
                ++n;
        }
    }
    return n;
}

} // namespace

class TstMedia : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<MediaFetcher> m_fetcher;
    std::unique_ptr<ConversationView> m_view;
    QList<QUrl> m_opened;

    QModelIndex row(int r) const { return m_view->messageView()->model()->index(r, 0); }

public Q_SLOTS:
    //! QDesktopServices hands file: URLs here instead of to a desktop viewer.
    void openLocalFile(const QUrl& url) { m_opened.append(url); }

private Q_SLOTS:
    void init()
    {
        m_opened.clear();
        QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openLocalFile");
        m_backend = std::make_unique<FakeInboxBackend>();
        QVERIFY(m_backend->start());
        auto& server = m_backend->server();
        server.route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats/C2/messages"), [](const HttpRequest&) {
                const QJsonArray items {
                    mediaMessage(0, QStringLiteral("image"), QStringLiteral("Imagem"),
                        QStringLiteral("meta_id:1001")),
                    mediaMessage(1, QStringLiteral("image"), QStringLiteral("Imagem"),
                        QStringLiteral("meta_id:1002")),
                    mediaMessage(2, QStringLiteral("document"), QStringLiteral("orçamento.pdf"),
                        QStringLiteral("meta_id:1003")),
                    mediaMessage(3, QStringLiteral("document"), QStringLiteral("fatura.pdf"),
                        QStringLiteral("meta_id:1004")),
                };
                return HttpResponse::json(200,
                    QJsonDocument(
                        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), 4},
                            {QStringLiteral("page"), 1}, {QStringLiteral("pageSize"), 50}})
                        .toJson());
            });
        server.route("GET", QStringLiteral("/api/v1/whatsapp/media/1001"),
            [](const HttpRequest&) { return bytes(photo()); });
        server.route("GET", QStringLiteral("/api/v1/whatsapp/media/1002"),
            [](const HttpRequest&) { return bytes("<html>not a photo</html>"); });
        server.route("GET", QStringLiteral("/api/v1/whatsapp/media/1003"),
            [](const HttpRequest&) { return bytes(kPdf); });
        // A "PDF" that is a desktop launcher: it must never reach the desktop's opener.
        server.route("GET", QStringLiteral("/api/v1/whatsapp/media/1004"), [](const HttpRequest&) {
            return bytes("[Desktop Entry]\nType=Application\nExec=sh -c 'rm -rf ~'\n");
        });

        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr);
        m_fetcher = std::make_unique<MediaFetcher>(m_api.get());
        m_view = std::make_unique<ConversationView>(m_store.get());
        m_view->setMediaFetcher(m_fetcher.get());
        m_view->mediaActions()->setQuiet(true);
        m_view->resize(900, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_store->setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
        m_store->openChat(QStringLiteral("C2"));
        QTRY_COMPARE(m_view->messageView()->model()->rowCount(), 4);
    }

    void cleanup()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        m_view.reset();
        m_fetcher.reset();
        m_store.reset();
        m_api.reset();
        m_backend.reset();
    }

    void photoShowsThumbnailBrokenOneAPlaceholder()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_fetcher->thumbnailState(QStringLiteral("meta_id:1001")),
            MediaFetcher::State::Ready, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fetcher->thumbnailState(QStringLiteral("meta_id:1002")),
            MediaFetcher::State::Failed, 15000);
        QListView* list = m_view->messageView();
        // The photo's pixels are on screen, at the thumbnail's size (240 x 160 of 300 x 200).
        QTRY_VERIFY_WITH_TIMEOUT(
            pixelsOf(list->viewport()->grab().toImage(), kPhotoColor) > 200 * 140, 15000);
        QVERIFY(list->visualRect(row(0)).height() > 160);
        // The broken one keeps the icon's height and says why on hover.
        const QRect broken = list->visualRect(row(1));
        QVERIFY(broken.height() < 100);
        QHelpEvent help(QEvent::ToolTip, QPoint(40, broken.bottom() - 16),
            list->viewport()->mapToGlobal(QPoint(40, broken.bottom() - 16)));
        QCoreApplication::sendEvent(list->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(
            QToolTip::text().contains(QLatin1String("not an image")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void documentOpensAsPrivateLocalCopy()
    {
        QSignalSpy opened(m_view->mediaActions(), &MediaActions::opened);
        m_view->mediaActions()->open(row(2));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 15000);
        QCOMPARE(m_opened.size(), 1);
        const QUrl url = m_opened.first();
        QVERIFY(url.isLocalFile()); // a copy on this machine, never the server's address
        const QFileInfo file(url.toLocalFile());
        QCOMPARE(file.fileName(), QStringLiteral("orçamento.pdf"));
        QFile in(file.filePath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), kPdf);
        QCOMPARE(file.permissions() & 0x0077, QFileDevice::Permissions()); // group/other: none
        const QFileInfo dir(file.path());
        QCOMPARE(dir.permissions() & 0x0077, QFileDevice::Permissions());
    }

    void launcherDisguisedAsPdfIsNotOpened()
    {
        QSignalSpy failed(m_view->mediaActions(), &MediaActions::failed);
        m_view->mediaActions()->open(row(3));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("Save as")));
        QCOMPARE(m_opened.size(), 0);
    }

    void documentSavesWhereAsked()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("saved.pdf"));
        QSignalSpy saved(m_view->mediaActions(), &MediaActions::saved);
        m_view->mediaActions()->saveTo(row(2), path);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), kPdf);
        // The context menu offers both on media, nothing on a message without media.
        std::unique_ptr<QMenu> menu(m_view->mediaActions()->menuFor(row(2), nullptr));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 2);
        QVERIFY(!m_view->mediaActions()->menuFor(QModelIndex(), nullptr));
    }

    void fileNamesFromTheServerAreTamed_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "orçamento.pdf"
                               << "application/pdf"
                               << "orçamento.pdf";
        QTest::newRow("folders") << "../../.bashrc"
                                 << "text/plain"
                                 << "bashrc.txt";
        QTest::newRow("extension from content") << "photo.sh"
                                                << "image/png"
                                                << "photo.png";
        QTest::newRow("bidi override") << QString::fromUtf8("fdp.\u202Egnp.exe")
                                       << "application/pdf" << QStringLiteral("fdp.gnp.pdf");
        QTest::newRow("empty") << ""
                               << "application/pdf"
                               << "whatrack-media.pdf";
    }
    void fileNamesFromTheServerAreTamed()
    {
        QFETCH(QString, body);
        QFETCH(QString, mime);
        QFETCH(QString, name);
        QCOMPARE(
            MediaActions::suggestedFileName(body, QMimeDatabase().mimeTypeForName(mime)), name);
    }
};

QTEST_MAIN(TstMedia)
#include "tst_media.moc"
