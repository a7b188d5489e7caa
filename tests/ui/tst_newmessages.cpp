// New messages in the conversation: opening a chat with unread messages shows a "N new
// messages" divider above the first unread one and scrolls to it; scrolled up, arriving
// messages raise a "Jump to latest (N)" button that scrolls to the bottom; at the bottom,
// new messages keep the view pinned there.

#include "models/api/apitypes.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/ui/mainwindowfixture.h"
#include "ui/chatlistpane.h"
#include "ui/connectionmonitor.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QListView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

class TstNewMessages : public QObject, protected Testing::MainWindowFixture
{
    Q_OBJECT

    void arrive(const QString& id, int secondsFromNow)
    {
        Message m;
        m.id = id;
        m.conversationId = QStringLiteral("C1");
        m.direction = MessageDirection::Inbound;
        m.type = QStringLiteral("text");
        m.body = QStringLiteral("Mais uma pergunta sobre o pedido");
        m.timestamp = QDateTime::currentDateTimeUtc().addSecs(secondsFromNow);
        m.optimistic = true;
        QVERIFY(m_store->messageListModel()->insertOptimistic(m));
    }

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
    }

    void cleanup() { tearDown(); }

    void dividerSitsAboveTheUnreadMessages()
    {
        build(40);
        QAbstractItemModelTester tester(messageList()->model());
        m_store->chatListSourceModel()->setUnreadCount(QStringLiteral("C1"), 7);
        openChat(QStringLiteral("C1"));
        QTRY_COMPARE(messageList()->model()->rowCount(), 40);
        ConversationView* view = m_window->conversationView();
        QTRY_COMPARE(view->unreadDividerRow(), 40 - 7);
        // Scrolled to the divider: the first unread message is in view, the oldest are not.
        const QModelIndex first = messageList()->model()->index(40 - 7, 0);
        QTRY_VERIFY(messageList()->viewport()->rect().intersects(messageList()->visualRect(first)));
        QVERIFY(!messageList()->viewport()->rect().intersects(
            messageList()->visualRect(messageList()->model()->index(0, 0))));

        // A chat without unread messages has no divider.
        openChat(QStringLiteral("C2"));
        QCOMPARE(view->unreadDividerRow(), -1);
    }

    void jumpButtonWhenScrolledUp()
    {
        build(40);
        openChat(QStringLiteral("C1"));
        QTRY_COMPARE(messageList()->model()->rowCount(), 40);
        auto* bar = messageList()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        QToolButton* jump = m_window->conversationView()->jumpButton();

        // At the bottom: a new message keeps the view pinned, no button.
        arrive(QStringLiteral("live-1"), 1);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(!jump->isVisible());

        // Scrolled up: two arrive, the button counts them and the view stays.
        bar->setValue(bar->maximum() / 2);
        const int reading = bar->value();
        arrive(QStringLiteral("live-2"), 2);
        arrive(QStringLiteral("live-3"), 3);
        QTRY_VERIFY(jump->isVisible());
        QVERIFY(jump->text().contains(QStringLiteral("(2)")));
        QCOMPARE(bar->value(), reading);

        QTest::mouseClick(jump, Qt::LeftButton);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(!jump->isVisible());
        QVERIFY(m_window->conversationView()->isFollowingBottom());
    }
};

QTEST_MAIN(TstNewMessages)
#include "tst_newmessages.moc"
