// The main window against a real InboxStore fed by an in-process backend: it builds, renders
// without warnings, opens chats from the list and the keyboard, follows new messages at the
// bottom, pages older messages on scroll without jumping, and drives the ticket panel.

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/items/ticketmodel.h"
#include "models/store/inboxstore.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/chatlistpane.h"
#include "ui/connectiondetailsdialog.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatuswidget.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/stalebanner.h"
#include "ui/ticketpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

class TstMainWindow : public QObject, protected Testing::MainWindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Any warning is a failure (a broken connect, a model misuse, a painter error), except
        // the offscreen platform's own note about size hints.
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
    }

    void cleanup() { tearDown(); }

    void defaultLayout()
    {
        build(12);
        QCOMPARE(m_window->size(), QSize(1280, 800));
        const auto sizes = m_window->splitter()->sizes();
        QCOMPARE(sizes.size(), 3);
        // The conversation gets the room; the list and the ticket panel keep a readable width.
        QVERIFY(sizes.at(1) > sizes.at(0) && sizes.at(1) > sizes.at(2));
        QVERIFY(sizes.at(0) >= 300 && sizes.at(2) >= 260);
        QVERIFY(m_window->connectionStatus()->isVisibleTo(m_window.get()));
    }

    void chatListRendersTheData()
    {
        build(12);
        auto* model = m_store->chatListModel();
        QCOMPARE(model->index(0, 0).data(ChatListModel::NameRole).toString(),
            QStringLiteral("Conceição Araújo"));
        // The whole window paints (delegates included) without a warning.
        const QImage shot = m_window->grab().toImage();
        QVERIFY(!shot.isNull());
        // Rows are tall enough for three lines and never collapse to text height.
        const QSize hint = chatList()->sizeHintForIndex(model->index(0, 0));
        QVERIFY2(hint.height() >= 60, qPrintable(QString::number(hint.height())));
        // No chat is open yet: the middle pane says how to start.
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("noConversation"))->isVisible());
        QVERIFY(!m_window->ticketPanel()->hasTicketShown());
    }

    void openingAChatShowsMessagesAtTheBottom()
    {
        build(40);
        openChat(QStringLiteral("C1"));
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 40);
        auto* bar = messageList()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        // The newest message is what the agent sees first.
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(m_window->conversationView()->isFollowingBottom());
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("viewOnlyFooter"))->isVisible());
        m_window->grab();
    }

    void newMessageKeepsBottomOnlyWhenAtBottom()
    {
        build(40);
        openChat(QStringLiteral("C1"));
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 40);
        auto* bar = messageList()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());

        Message m;
        m.id = QStringLiteral("live-1");
        m.conversationId = QStringLiteral("C1");
        m.direction = MessageDirection::Inbound;
        m.type = QStringLiteral("text");
        m.body = QStringLiteral("Chegou agora: posso remarcar?");
        m.timestamp = QDateTime::currentDateTimeUtc();
        m.optimistic = true;
        QVERIFY(m_store->messageListModel()->insertOptimistic(m));
        QTRY_COMPARE(bar->value(), bar->maximum()); // followed

        // Scrolled up to read: a new message must not yank the view.
        bar->setValue(bar->maximum() / 2);
        QVERIFY(!m_window->conversationView()->isFollowingBottom());
        const int reading = bar->value();
        m.id = QStringLiteral("live-2");
        m.timestamp = QDateTime::currentDateTimeUtc().addSecs(1);
        QVERIFY(m_store->messageListModel()->insertOptimistic(m));
        QTRY_VERIFY(bar->maximum() > reading);
        QCOMPARE(bar->value(), reading);
    }

    void openChatShowsNoUnreadBadge()
    {
        build(40);
        auto row = [this] {
            auto* model = m_store->chatListModel();
            return model
                ->match(model->index(0, 0), ChatListModel::IdRole, QStringLiteral("C1"), 1,
                    Qt::MatchExactly)
                .value(0);
        };
        auto unread = [&row] { return row().data(ChatListModel::UnreadCountRole).toInt(); };
        // In the background, a new inbound message gives the chat a badge...
        const QDateTime first = QDateTime::currentDateTimeUtc().addSecs(5);
        m_backend->receiveInbound(first);
        m_store->resyncAll(QStringLiteral("test"));
        QTRY_COMPARE(row().data(ChatListModel::LastMessageAtRole).toDateTime(), first);
        QTRY_COMPARE(unread(), 1);

        // ...opening it clears the badge, and a message arriving while it is open adds none.
        openChat(QStringLiteral("C1"));
        QCOMPARE(unread(), 0);
        QTRY_VERIFY(m_store->messageListModel()->rowCount() > 0);
        const QDateTime second = QDateTime::currentDateTimeUtc().addSecs(10);
        m_backend->receiveInbound(second);
        m_store->resyncAll(QStringLiteral("test"));
        QTRY_COMPARE(row().data(ChatListModel::LastMessageAtRole).toDateTime(), second);
        QCOMPARE(unread(), 0);
        QVERIFY(chatList()->selectionModel()->isSelected(row()));
    }

    void olderPageLoadsAtTopWithoutJumping()
    {
        build(90, 30);
        openChat(QStringLiteral("C1"));
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 30);
        auto* bar = messageList()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        // At the bottom nothing older is fetched: QAbstractItemView's own fetchMore (when the
        // last row is visible) must not page through the whole history.
        QCoreApplication::processEvents(); // the view's zero-timer fetchMore would run here
        QCoreApplication::processEvents();
        QCOMPARE(m_backend->messageRequests(2), 0);

        // Scroll to the top: the page before loads, and the first visible message stays put.
        bar->setValue(0);
        QTRY_COMPARE(m_store->messageListModel()->rowCount(), 60);
        QCOMPARE(m_backend->messageRequests(2), 1);
        QTRY_VERIFY(bar->value() > 0);
        QVERIFY2(messageList()->indexAt(QPoint(10, 40)).row() >= 20,
            qPrintable(QString::number(messageList()->indexAt(QPoint(10, 40)).row())));
    }

    void ticketPanelShowsAndEditsTheTicket()
    {
        build(12);
        openChat(QStringLiteral("C1"));
        auto* panel = m_window->ticketPanel();
        QTRY_VERIFY(panel->hasTicketShown());
        QVERIFY2(panel->windowText().startsWith(QStringLiteral("Open · 5 h")),
            qPrintable(panel->windowText()));
        auto* stage = panel->findChild<QComboBox*>(QStringLiteral("stageCombo"));
        QTRY_COMPARE(stage->count(), 4);
        QTRY_COMPARE(stage->currentText(), QStringLiteral("Em Atendimento"));
        QVERIFY(!stage->itemIcon(stage->currentIndex()).isNull()); // the stage colour

        QSignalSpy done(m_store.get(), &InboxStore::mutationFinished);
        stage->setCurrentIndex(2);
        Q_EMIT stage->activated(2);
        QVERIFY(done.wait());
        QTRY_COMPARE(stage->currentText(), QStringLiteral("Negociação"));
        QVERIFY(stage->isEnabled());

        // A conversation without an open ticket: the panel says so and offers no controls.
        openChat(QStringLiteral("C2"));
        QTRY_VERIFY(!panel->hasTicketShown());
        auto* none = panel->findChild<QLabel*>(QStringLiteral("noTicket"));
        QVERIFY(none->text().startsWith(QStringLiteral("No open ticket")));
    }

    void keyboardNavigation()
    {
        build(12);
        QVERIFY(m_store->openChatId().isEmpty());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->chatListPane()->searchField()->hasFocus());

        QTest::keyClick(m_window.get(), Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(m_store->openChatId(), QStringLiteral("C1"));
        QTest::keyClick(m_window.get(), Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(m_store->openChatId(), QStringLiteral("C2"));
        QTest::keyClick(m_window.get(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(m_store->openChatId(), QStringLiteral("C1"));
    }

    void searchFiltersTheList()
    {
        build(12);
        auto* search = m_window->chatListPane()->searchField();
        QTest::keyClicks(search, QStringLiteral("pedro"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 1);
        QCOMPARE(m_store->chatListModel()->index(0, 0).data(ChatListModel::NameRole).toString(),
            QStringLiteral("João Pedro Gonçalves"));
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
    }

    void searchNeverOpensOrMarksReadAnotherChat()
    {
        build(12);
        auto* source = m_store->chatListSourceModel();
        // Another chat waits with 70 unread messages.
        source->setUnreadCount(QStringLiteral("C2"), 70);
        openChat(QStringLiteral("C1"));
        auto unread = [this](const QString& id) {
            auto* model = m_store->chatListSourceModel();
            return model->match(model->index(0, 0), ChatListModel::IdRole, id, 1, Qt::MatchExactly)
                .value(0)
                .data(ChatListModel::UnreadCountRole)
                .toInt();
        };
        QCOMPARE(unread(QStringLiteral("C2")), 70);

        // A search that hides the open chat: the list shows only the other one.
        auto* search = m_window->chatListPane()->searchField();
        QTest::keyClicks(search, QStringLiteral("pedro"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 1);
        // Let the server-side search (after the typing pause) come back too.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_backend->server().requestCount(QStringLiteral("/api/v1/whatsapp/chats")) >= 2, 5000);
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 1);
        QCOMPARE(m_store->openChatId(), QStringLiteral("C1"));
        QCOMPARE(unread(QStringLiteral("C2")), 70);
        QVERIFY(!chatList()->selectionModel()->hasSelection()); // nothing else highlighted

        // Clearing the search brings the open chat back, selected.
        QTest::keyClick(search, Qt::Key_Escape);
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
        QCOMPARE(m_store->openChatId(), QStringLiteral("C1"));
        QCOMPARE(chatList()->currentIndex().data(ChatListModel::IdRole).toString(),
            QStringLiteral("C1"));
        QVERIFY(chatList()->selectionModel()->isSelected(chatList()->currentIndex()));
        QCOMPARE(unread(QStringLiteral("C2")), 70);
    }

    void dealValueFollowsTheCurrency_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<double>("saved"); // 0: refused, nothing sent
        for (const QLocale& l : {QLocale(QLocale::English, QLocale::UnitedStates),
                 QLocale(QLocale::Portuguese, QLocale::Brazil)}) {
            const QByteArray name = l.name().toLatin1();
            QTest::addRow("%s 1500,50", name.constData())
                << l << QStringLiteral("1500,50") << 1500.50;
            QTest::addRow("%s 1.500,50", name.constData())
                << l << QStringLiteral("1.500,50") << 1500.50;
            QTest::addRow("%s 1,500 ambiguous", name.constData())
                << l << QStringLiteral("1,500") << 0.0;
        }
    }

    void dealValueFollowsTheCurrency()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, typed);
        QFETCH(double, saved);
        QLocale::setDefault(locale);
        const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        build(12);
        openChat(QStringLiteral("C1"));
        auto* panel = m_window->ticketPanel();
        QTRY_VERIFY(panel->hasTicketShown());
        auto* value = panel->findChild<QWidget*>(QStringLiteral("dealValue"));
        QVERIFY(value);
        QTRY_VERIFY(value->isEnabled());

        // The agent types a new value and presses Return; then the focus moves on.
        m_window->activateWindow();
        value->setFocus(Qt::MouseFocusReason);
        QTRY_VERIFY(value->hasFocus());
        QTest::keyClick(value, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(value, typed);
        QSignalSpy done(m_store.get(), &InboxStore::mutationFinished);
        QTest::keyClick(value, Qt::Key_Return);
        auto* error = panel->findChild<QLabel*>(QStringLiteral("ticketError"));
        if (saved == 0) {
            // Refused with a message; nothing is sent.
            QTRY_VERIFY(error->isVisible());
            QVERIFY2(
                error->text().contains(QStringLiteral("ambiguous")), qPrintable(error->text()));
            m_window->chatListPane()->searchField()->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(!value->hasFocus());
            QCoreApplication::processEvents();
            QCOMPARE(m_backend->ticketPatches().size(), 0);
            return;
        }
        QTRY_COMPARE(done.count(), 1);
        m_window->chatListPane()->searchField()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(!value->hasFocus());
        QTRY_COMPARE(m_store->ticketModel()->ticket()->dealValue.toDouble(), saved);
        QCoreApplication::processEvents();
        const auto patches = m_backend->ticketPatches();
        QCOMPARE(patches.size(), 1); // one edit, one PATCH
        QCOMPARE(done.count(), 1);
        QCOMPARE(patches.first().value(QStringLiteral("dealValue")).toDouble(), saved);
        QVERIFY(!error->isVisible());
    }

    void connectionDetailsOpenFromThePill()
    {
        build(12);
        auto* pill = m_window->connectionStatus()->findChild<StatusPill*>();
        QVERIFY(pill);
        m_monitor->onStateChanged(Centrifuge::Client::State::Connecting);
        m_monitor->onStateChanged(Centrifuge::Client::State::Connected);
        QTRY_VERIFY(pill->isVisible());
        QTest::mouseClick(pill, Qt::LeftButton);
        QTRY_VERIFY(m_window->connectionDetails() && m_window->connectionDetails()->isVisible());
        QSignalSpy resync(m_window.get(), &MainWindow::resyncRequested);
        auto* button
            = m_window->connectionDetails()->findChild<QPushButton*>(QStringLiteral("resyncNow"));
        QVERIFY(button);
        button->click();
        QCOMPARE(resync.count(), 1);
    }

    void staleBannerWhenBackendUnreachable()
    {
        build(12);
        QVERIFY(!m_window->chatListPane()->staleBanner()->isShown());
        // The backend goes away; the next refresh fails to connect: saved data, not live.
        m_backend->server().setHandler(
            [](const Testing::HttpRequest&) { return Testing::HttpResponse::close(); });
        m_backend->server().route("GET", QStringLiteral("/api/v1/whatsapp/chats"),
            [](const Testing::HttpRequest&) { return Testing::HttpResponse::close(); });
        m_store->resyncAll(QStringLiteral("test"));
        auto* banner = m_window->chatListPane()->staleBanner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isShown(), 10000);
        QVERIFY2(banner->text().startsWith(QStringLiteral("Showing saved data from ")),
            qPrintable(banner->text()));
        QVERIFY(QString(banner->text())
                    .replace(QChar(0xa0), QLatin1Char(' '))
                    .endsWith(QStringLiteral("— not live")));
        QSignalSpy resync(m_window.get(), &MainWindow::resyncRequested);
        banner->findChild<QPushButton*>(QStringLiteral("bannerResync"))->click();
        QCOMPARE(resync.count(), 1);
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
