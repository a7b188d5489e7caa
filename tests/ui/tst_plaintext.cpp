// Hostile text from the server and from customers is shown as text, never as HTML: the real
// main window, loaded with names, previews, message bodies, ticket fields, stage names, an
// organization name and error texts that are all an HTML payload (`<img src=local file>`,
// `<font>`), must not load the image, must show every such label as plain text, must escape
// every tooltip, and its delegates must paint the raw characters.

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/chatlistpane.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatuswidget.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/organizationdialog.h"
#include "ui/plaintext.h"
#include "ui/signindialog.h"
#include "ui/ticketpanel.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {

//! The colour of the local file the payload points at; nothing in the app paints it.
constexpr QRgb kPayloadColour = 0xffff00ff;

//! Records the text a delegate paints (QPainter::drawText and QTextLayout::draw both end in
//! drawTextItem), so a test can see what reached the screen as characters.
class TextRecorder : public QPaintEngine
{
public:
    TextRecorder()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {
    }
    bool begin(QPaintDevice*) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState&) override { }
    // The delegates paint their own pixmaps (cached avatars, thumbnails): what must never be
    // painted is the file the payload points at, recognised by its colour.
    void drawPixmap(const QRectF&, const QPixmap& pixmap, const QRectF&) override
    {
        countPayload(pixmap.toImage());
    }
    void drawImage(
        const QRectF&, const QImage& image, const QRectF&, Qt::ImageConversionFlags) override
    {
        countPayload(image);
    }
    void drawPolygon(const QPointF*, int, PolygonDrawMode) override { }
    void drawPath(const QPainterPath&) override { }
    void drawTextItem(const QPointF&, const QTextItem& item) override { texts << item.text(); }
    Type type() const override { return QPaintEngine::User; }

    QStringList texts;
    int images = 0; //!< images showing the payload's file

private:
    void countPayload(const QImage& image)
    {
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < argb.height(); ++y) {
            for (int x = 0; x < argb.width(); ++x) {
                if (argb.pixel(x, y) == kPayloadColour) {
                    ++images;
                    return;
                }
            }
        }
    }
};

class RecordingDevice : public QPaintDevice
{
public:
    QPaintEngine* paintEngine() const override { return &m_engine; }
    TextRecorder& recorder() { return m_engine; }

protected:
    int metric(PaintDeviceMetric m) const override
    {
        switch (m) {
        case PdmWidth:
        case PdmHeight:
            return 2000;
        case PdmWidthMM:
        case PdmHeightMM:
            return 500;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    mutable TextRecorder m_engine;
};

QString describe(const QWidget* w)
{
    return QStringLiteral("%1 \"%2\" (parent %3)")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
            w->parentWidget() ? w->parentWidget()->objectName() : QString());
}

} // namespace

class TstPlainText : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_hostile;
    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;

    static constexpr QRgb kMagenta = kPayloadColour;

    //! Every QLabel showing a '<' must be plain text (the rule for ui/); returns how many
    //! labels showed the hostile text, so the caller knows the data reached them.
    int checkLabels(const QWidget* root)
    {
        int hostileShown = 0;
        auto labels = root->findChildren<QLabel*>();
        if (auto* self = qobject_cast<const QLabel*>(root))
            labels.append(const_cast<QLabel*>(self));
        for (const QLabel* label : labels) {
            if (label->text().contains(m_hostile))
                ++hostileShown;
            if (label->text().contains(QLatin1Char('<')))
                [&] {
                    QVERIFY2(label->textFormat() == Qt::PlainText,
                        qPrintable(describe(label) + QStringLiteral(" shows markup as rich text: ")
                            + label->text()));
                }();
        }
        return hostileShown;
    }

    //! No tooltip carries the raw markup: Qt always guesses tooltips as rich text.
    int checkToolTips(const QWidget* root)
    {
        int escaped = 0;
        auto widgets = root->findChildren<QWidget*>();
        widgets.append(const_cast<QWidget*>(root));
        for (const QWidget* w : widgets) {
            const QString tip = w->toolTip();
            if (tip.contains(QLatin1String("&lt;img src=")))
                ++escaped;
            [&] {
                QVERIFY2(
                    !tip.contains(QLatin1String("<img")) && !tip.contains(QLatin1String("<font")),
                    qPrintable(describe(w) + QStringLiteral(" has a raw tooltip: ") + tip));
            }();
        }
        return escaped;
    }

    //! Pixels of the hostile <img>'s colour in \a image: a loaded image shows up as a block.
    static int magentaPixels(const QImage& image)
    {
        const QImage img = image.convertToFormat(QImage::Format_ARGB32);
        int n = 0;
        for (int y = 0; y < img.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(img.constScanLine(y));
            for (int x = 0; x < img.width(); ++x)
                n += line[x] == kMagenta ? 1 : 0;
        }
        return n;
    }

    void build()
    {
        m_backend = std::make_unique<FakeInboxBackend>(12, m_hostile);
        QVERIFY(m_backend->start());
        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr, InboxStoreOptions {});
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_window = std::make_unique<MainWindow>(m_store.get(), m_monitor.get());
        m_window->ticketPanel()->setConfirmClose(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_store->setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A local file the payload points at, in a colour nothing in the app uses.
        const QString png = m_dir.filePath(QStringLiteral("x.png"));
        QImage image(48, 48, QImage::Format_ARGB32);
        image.fill(kMagenta);
        QVERIFY(image.save(png));
        m_hostile = QStringLiteral("<img src=\"%1\"><font color=red size=6>PIX pendente</font> "
                                   "<b>&amp;</b> [*]")
                        .arg(png);
    }

    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_monitor.reset();
        m_api.reset();
        m_backend.reset();
    }

    void mainWindowShowsHostileTextLiterally()
    {
        build();
        m_window->setOrganizationName(m_hostile);
        User me;
        me.id = QStringLiteral("u1");
        me.name = m_hostile;
        me.email = QStringLiteral("agent@example.com");
        m_window->setCurrentUser(me);

        // Open the chat: header, messages, ticket (assignee, source, stage names).
        auto* model = m_store->chatListModel();
        const auto hits = model->match(
            model->index(0, 0), ChatListModel::IdRole, QStringLiteral("C1"), 1, Qt::MatchExactly);
        QVERIFY(!hits.isEmpty());
        m_window->chatListPane()->listView()->setCurrentIndex(hits.first());
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 12);
        auto* panel = m_window->ticketPanel();
        QTRY_VERIFY(panel->hasTicketShown());
        auto* stage = panel->findChild<QComboBox*>(QStringLiteral("stageCombo"));
        QTRY_COMPARE(stage->count(), 4);

        // The server refuses a change with a hostile error text.
        m_backend->setPatchError(m_hostile);
        QSignalSpy done(m_store.get(), &InboxStore::mutationFinished);
        stage->setCurrentIndex(0);
        Q_EMIT stage->activated(0);
        QVERIFY(done.wait());

        // Connection problems carrying hostile server texts: pill tooltip, details dialog.
        m_monitor->onRestCall(QStringLiteral("GET /api/v1/whatsapp/chats"), 500, 12, m_hostile);
        m_monitor->onTokenFetch(false, m_hostile);
        m_monitor->onError(Centrifuge::ErrorType::ConnectToken, 0, m_hostile);
        m_monitor->setSignedOut(true, m_hostile);
        m_window->showConnectionDetails();
        QTRY_VERIFY(m_window->connectionDetails() && m_window->connectionDetails()->isVisible());

        // The data reached the widgets...
        auto* error = panel->findChild<QLabel*>(QStringLiteral("ticketError"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(m_hostile));
        const int labelsWithHostile = checkLabels(m_window.get());
        // Header name and phone, account, assignee, source, ticket error, details values.
        QVERIFY2(labelsWithHostile >= 6, qPrintable(QString::number(labelsWithHostile)));
        // ...and every tooltip is escaped (the pill's carries the sign-out reason).
        QVERIFY(checkToolTips(m_window.get()) >= 1);

        // The window title shows the organization name as written ("[*]" included).
        QVERIFY2(m_window->windowHandle()->title().contains(m_hostile),
            qPrintable(m_window->windowHandle()->title()));
        QCOMPARE(stage->itemText(1), m_hostile);

        // Nothing loaded the local file: its colour appears nowhere in the window.
        QCOMPARE(magentaPixels(m_window->grab().toImage()), 0);
        QCOMPARE(magentaPixels(m_window->connectionDetails()->grab().toImage()), 0);
    }

    void delegatesPaintTheRawCharacters()
    {
        build();
        auto* list = m_window->chatListPane()->listView();
        auto* model = m_store->chatListModel();
        list->setCurrentIndex(model->index(0, 0));
        QTRY_VERIFY(m_store->messageListModel()->rowCount() > 0);
        auto* messages = m_window->conversationView()->messageView();

        for (QListView* view : {list, messages}) {
            // The newest chat (C1, hostile name) and the newest message (hostile body).
            const QModelIndex index
                = view->model()->index(view == list ? 0 : view->model()->rowCount() - 1, 0);
            QStyleOptionViewItem option;
            option.initFrom(view);
            option.rect = QRect(QPoint(0, 0), view->sizeHintForIndex(index));
            option.font = view->font();
            option.widget = view;
            RecordingDevice device;
            {
                QPainter p(&device);
                view->itemDelegate()->paint(&p, option, index);
            }
            // The painted characters are the markup itself (elided at the end), so no HTML
            // engine saw it.
            const QStringList texts = device.recorder().texts;
            const bool raw = std::any_of(texts.cbegin(), texts.cend(),
                [](const QString& t) { return t.startsWith(QLatin1String("<img src=\"")); });
            QVERIFY2(raw, qPrintable(texts.join(QLatin1String(" | "))));
            QCOMPARE(device.recorder().images, 0);
        }
    }

    void longTextNeverWidensTheWindow()
    {
        // A 2,000-character profile, organization and user name: the window keeps its size
        // and the agent can still make it as narrow as before.
        m_hostile = QString(2000, QLatin1Char('W'));
        build();
        const int minimumBefore = m_window->minimumSizeHint().width();
        m_window->setOrganizationName(m_hostile);
        User me;
        me.id = QStringLiteral("u1");
        me.name = m_hostile;
        m_window->setCurrentUser(me);
        m_window->chatListPane()->listView()->setCurrentIndex(
            m_store->chatListModel()->index(0, 0));
        QTRY_VERIFY(m_window->ticketPanel()->hasTicketShown());
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 12);
        QCoreApplication::processEvents();
        QCOMPARE(m_window->size(), QSize(1280, 800));
        QVERIFY2(m_window->minimumSizeHint().width() <= std::max(minimumBefore, 1000),
            qPrintable(QString::number(m_window->minimumSizeHint().width())));
        initTestCase(); // the other tests' payload
    }

    void dialogsShowHostileTextLiterally()
    {
        SignInDialog signIn;
        signIn.setBackend(m_hostile);
        signIn.setMessage(m_hostile, true);
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        QCOMPARE(checkLabels(&signIn), 2);
        QCOMPARE(magentaPixels(signIn.grab().toImage()), 0);

        Organization org;
        org.id = QStringLiteral("org-1");
        org.name = m_hostile;
        org.role = m_hostile;
        OrganizationDialog orgs({org}, {});
        auto* item = orgs.findChild<QListWidget*>()->item(0);
        QCOMPARE(item->text(), m_hostile);
        QVERIFY2(!item->toolTip().contains(QLatin1String("<img")), qPrintable(item->toolTip()));
        QVERIFY(item->toolTip().contains(QLatin1String("&lt;img src=")));
    }

    void plainToolTipShowsTheText()
    {
        QCOMPARE(plainToolTip(QString()), QString());
        const QString tip = plainToolTip(QStringLiteral("a <b>\nc & d"));
        QVERIFY(Qt::mightBeRichText(tip)); // so Qt renders the escapes as characters
        QVERIFY(tip.contains(QStringLiteral("a &lt;b&gt;")));
        QVERIFY(tip.contains(QStringLiteral("c &amp; d")));
        QCOMPARE(plainWindowTitle(QStringLiteral("x [*] y")), QStringLiteral("x [*][*] y"));
    }
};

QTEST_MAIN(TstPlainText)
#include "tst_plaintext.moc"
