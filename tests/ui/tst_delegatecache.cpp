// The delegates cache elided text, avatars and wrapped message text (issue 14). A renamed
// chat, a new last message or an edited message body must show at once: the row painted by
// the delegate that has already painted the old data looks exactly like the row painted by a
// fresh delegate with empty caches.

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "ui/chatlistdelegate.h"
#include "ui/messagedelegate.h"

#include <QListView>
#include <QPixmapCache>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

namespace {

const QDateTime kAt = QDateTime(QDate(2026, 11, 30), QTime(10, 15));

Message msg(const QString& id, const QString& body, const QDateTime& at = kAt)
{
    Message m;
    m.id = id;
    m.conversationId = QStringLiteral("C1");
    m.direction = MessageDirection::Inbound;
    m.type = QStringLiteral("text");
    m.body = body;
    m.status = MessageStatus::Delivered;
    m.timestamp = at;
    m.createdAt = at;
    return m;
}

ChatItem chat(const QString& name, const QString& preview)
{
    ChatItem c;
    c.id = QStringLiteral("C1");
    c.name = name;
    c.lastMessageAt = kAt;
    c.lastMessage = msg(QStringLiteral("m1"), preview);
    return c;
}

//! The list painted by a delegate that has never painted anything, caches emptied.
template<typename Delegate>
QImage freshPaint(QAbstractItemModel* model, const QSize& size, void (*pin)(Delegate&))
{
    QPixmapCache::clear();
    QListView view;
    Delegate delegate;
    pin(delegate);
    view.setItemDelegate(&delegate);
    view.setModel(model);
    view.resize(size);
    return view.grab().toImage();
}

void pinChats(ChatListDelegate& d)
{
    d.setNow(kAt.addSecs(3600));
}

void pinMessages(MessageDelegate& d)
{
    d.setToday(kAt.date());
}

} // namespace

class TstDelegateCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chatRowShowsANewPreviewAndName()
    {
        ChatListModel model;
        model.resetItems({chat(QStringLiteral("Ana Souza"), QStringLiteral("Bom dia, tudo bem?"))});
        QListView view;
        ChatListDelegate delegate;
        pinChats(delegate);
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.resize(340, 200);
        const QImage before = view.grab().toImage();

        // A new last message arrives: the preview line changes.
        QVERIFY(model.applyIncomingMessage(QStringLiteral("C1"),
            msg(QStringLiteral("m2"), QStringLiteral("Quero remarcar a consulta de amanhã"))));
        const QImage newPreview = view.grab().toImage();
        QVERIFY(newPreview != before);
        QCOMPARE(newPreview, freshPaint<ChatListDelegate>(&model, view.size(), pinChats));

        // The contact is renamed: the name and the avatar's initials change.
        model.resetItems(
            {chat(QStringLiteral("Bruno Lima"), QStringLiteral("Bom dia, tudo bem?"))});
        const QImage renamed = view.grab().toImage();
        QVERIFY(renamed != newPreview);
        QCOMPARE(renamed, freshPaint<ChatListDelegate>(&model, view.size(), pinChats));
    }

    void chatRowsPaintedAgainShapeNoText()
    {
        // Under a storm the chat list repaints the same rows every frame (a chat moves to the
        // top, the rows on screen shift): their names, times, previews and badges are shaped
        // once, not per paint (drawText shaped each of them every time).
        ChatListModel model;
        QList<ChatItem> chats;
        for (int i = 0; i < 8; ++i) {
            ChatItem c
                = chat(QStringLiteral("Cliente %1").arg(i), QStringLiteral("Mensagem %1").arg(i));
            c.id = QStringLiteral("C%1").arg(i);
            c.unreadCount = i;
            chats.append(c);
        }
        model.resetItems(chats);
        QListView view;
        ChatListDelegate delegate;
        pinChats(delegate);
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.resize(340, 8 * 80);
        const QImage first = view.grab().toImage();
        const int shaped = delegate.linesShaped();
        QCOMPARE_GE(shaped, 8 * 3); // name, time and preview of each row at least
        QCOMPARE(view.grab().toImage(), first);
        QCOMPARE(delegate.linesShaped(), shaped); // was twice as many
    }

    void unnamedChatShowsItsNumberAsAPhoneNumber()
    {
        // WhatsApp names a chat without a contact by its digits; the row shows them formatted.
        ChatListModel digits;
        digits.resetItems({chat(QStringLiteral("5512968895408"), QStringLiteral("Oi"))});
        ChatListModel formatted;
        formatted.resetItems({chat(QStringLiteral("+55 (12) 96889-5408"), QStringLiteral("Oi"))});
        QCOMPARE(freshPaint<ChatListDelegate>(&digits, QSize(340, 200), pinChats),
            freshPaint<ChatListDelegate>(&formatted, QSize(340, 200), pinChats));
    }

    void messageShowsAnEditedBody()
    {
        MessageListModel model;
        model.setChat(QStringLiteral("C1"));
        MessagePage page;
        page.items = {msg(QStringLiteral("a"), QStringLiteral("Olá, bom dia!"))};
        page.total = 1;
        model.mergeNewestPage(page);
        QListView view;
        MessageDelegate delegate;
        pinMessages(delegate);
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.resize(420, 300);
        const QImage before = view.grab().toImage();

        // The same message comes back from the server with another body (one line still: the
        // row's height is the view's business, the text is the cache's).
        page.items = {msg(QStringLiteral("a"), QStringLiteral("Oi, boa tarde!"))};
        model.mergeNewestPage(page);
        const QImage edited = view.grab().toImage();
        QVERIFY(edited != before);
        QCOMPARE(edited, freshPaint<MessageDelegate>(&model, view.size(), pinMessages));
    }
};

QTEST_MAIN(TstDelegateCache)
#include "tst_delegatecache.moc"
