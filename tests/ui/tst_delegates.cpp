// The painting helpers and delegates, fed from the real models: rows render without warnings
// in light and dark palettes, inbound bubbles sit left and outbound right, day separators
// appear once per day, ticks and media kinds map as a support agent expects.

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "ui/chatlistdelegate.h"
#include "ui/messagedelegate.h"
#include "ui/messageglyphs.h"
#include "ui/timeformat.h"
#include "ui/uistyle.h"

#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Ui;

namespace {

Message msg(const QString& id, MessageDirection dir, const QDateTime& at, const QString& body,
    const QString& type = QStringLiteral("text"), MessageStatus status = MessageStatus::Delivered)
{
    Message m;
    m.id = id;
    m.conversationId = QStringLiteral("C1");
    m.direction = dir;
    m.type = type;
    m.body = body;
    m.status = status;
    m.timestamp = at;
    m.createdAt = at;
    return m;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9e, 0x9e, 0x9e));
    return p;
}

//! Fraction of the pixels of \a color (±tolerance) that lie in the right half of \a image.
qreal rightShare(const QImage& image, const QColor& color)
{
    int left = 0;
    int right = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= 2 && std::abs(c.green() - color.green()) <= 2
                && std::abs(c.blue() - color.blue()) <= 2)
                (x < image.width() / 2 ? left : right)++;
        }
    }
    return left + right == 0 ? -1 : qreal(right) / (left + right);
}

} // namespace

class TstDelegates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("^(?!This plugin does not support).*")));
    }

    void initialsAndAvatarColours()
    {
        QCOMPARE(initials(QStringLiteral("João Silva")), QStringLiteral("JS"));
        QCOMPARE(initials(QStringLiteral("Maria da Conceição Souza")), QStringLiteral("MS"));
        QCOMPARE(initials(QStringLiteral("ângela")), QStringLiteral("Â"));
        QCOMPARE(initials(QStringLiteral("5511987654321")), QStringLiteral("#"));
        QCOMPARE(initials(QString()), QStringLiteral("#"));
        // Same name, same colour, every run; different names spread out.
        QCOMPARE(
            avatarColor(QStringLiteral("Ana"), false), avatarColor(QStringLiteral("Ana"), false));
        QVERIFY(avatarColor(QStringLiteral("Ana"), false)
            != avatarColor(QStringLiteral("Bruno"), false));
    }

    void mediaKindsAndPlaceholders()
    {
        QCOMPARE(MessageGlyphs::mediaKind(QStringLiteral("image")), MediaKind::Image);
        QCOMPARE(MessageGlyphs::mediaKind(QStringLiteral("voice")), MediaKind::Audio);
        QCOMPARE(MessageGlyphs::mediaKind(QStringLiteral("document")), MediaKind::Document);
        QCOMPARE(MessageGlyphs::mediaKind(QStringLiteral("text")), MediaKind::None);
        QCOMPARE(MessageGlyphs::mediaKind(QStringLiteral("interactive")), MediaKind::None);
        QVERIFY(MessageGlyphs::isPlaceholderBody(QStringLiteral("Áudio")));
        QVERIFY(MessageGlyphs::isPlaceholderBody(QStringLiteral("[image]")));
        QVERIFY(!MessageGlyphs::isPlaceholderBody(QStringLiteral("Foto do raio-x")));
        // A live update carries no type: the backend's placeholder body tells the kind.
        QCOMPARE(MessageGlyphs::mediaKindOf(QString(), QStringLiteral("Áudio")), MediaKind::Audio);
        QCOMPARE(MessageGlyphs::mediaKindOf(QStringLiteral("unknown"), QStringLiteral("Imagem")),
            MediaKind::Image);
        QCOMPARE(MessageGlyphs::mediaKindOf(QStringLiteral("text"), QStringLiteral("Áudio")),
            MediaKind::None);
        // Ticks: nothing for unknown, one tick narrower than two.
        QCOMPARE(MessageGlyphs::statusWidth(MessageStatus::Unknown, 10), 0.0);
        QVERIFY(MessageGlyphs::statusWidth(MessageStatus::Sent, 10)
            < MessageGlyphs::statusWidth(MessageStatus::Read, 10));
        QVERIFY(MessageGlyphs::readColor(false) != MessageGlyphs::failedColor(false));
    }

    void timeTexts()
    {
        const QDateTime now(QDate(2026, 5, 20), QTime(15, 0));
        QCOMPARE(TimeFormat::listTime(QDateTime(QDate(2026, 5, 20), QTime(9, 5)), now),
            QStringLiteral("09:05"));
        QCOMPARE(TimeFormat::listTime(QDateTime(QDate(2026, 5, 19), QTime(23, 0)), now),
            QStringLiteral("Yesterday"));
        QCOMPARE(
            TimeFormat::dayLabel(QDate(2026, 5, 20), QDate(2026, 5, 20)), QStringLiteral("Today"));
        QCOMPARE(TimeFormat::duration(42 * 1000), QStringLiteral("42 s"));
        QCOMPARE(TimeFormat::duration((5 * 3600 + 7 * 60) * 1000), QStringLiteral("5 h 07 min"));
        QCOMPARE(TimeFormat::duration(-5), QStringLiteral("0 s"));
        QCOMPARE(TimeFormat::relative(now.addSecs(-90), now), QStringLiteral("1 min ago"));
    }

    void chatRowsRender_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void chatRowsRender()
    {
        QFETCH(bool, dark);
        ChatListModel model;
        ChatItem a;
        a.id = QStringLiteral("C1");
        a.name = QStringLiteral("Conceição Araújo");
        a.lastMessageAt = QDateTime::currentDateTime();
        a.lastMessage = msg(QStringLiteral("m1"), MessageDirection::Outbound, a.lastMessageAt,
            QStringLiteral("Consulta confirmada para sábado às 9h"), QStringLiteral("text"),
            MessageStatus::Read);
        a.currentTicket = TicketSummary {QStringLiteral("T1"), QStringLiteral("open"),
            Stage {QStringLiteral("s2"), QStringLiteral("Em Atendimento"),
                QStringLiteral("#f59e0b"), 2, false, false},
            {}, {}};
        ChatItem b;
        b.id = QStringLiteral("C2");
        b.name = QStringLiteral("João Pedro");
        b.lastMessageAt = QDateTime::currentDateTime().addDays(-1);
        b.lastMessage = msg(QStringLiteral("m2"), MessageDirection::Inbound, b.lastMessageAt,
            QStringLiteral("Áudio"), QStringLiteral("audio"));
        ChatItem c; // a lead without any message yet
        c.id = QStringLiteral("L3");
        c.name = QStringLiteral("5511977776666");
        model.resetItems({a, b, c});
        model.setUnreadCount(QStringLiteral("C2"), 3);

        QListView view;
        if (dark)
            view.setPalette(darkPalette());
        ChatListDelegate delegate;
        delegate.setNow(QDateTime::currentDateTime());
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.resize(340, 400);
        view.setCurrentIndex(model.index(0, 0));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        const QSize hint = delegate.sizeHint(QStyleOptionViewItem(), model.index(0, 0));
        QCOMPARE(delegate.sizeHint(QStyleOptionViewItem(), model.index(2, 0)), hint); // uniform
        // The selected row is filled with the highlight colour (it is the open chat).
        QCOMPARE(image.pixelColor(5, 5), view.palette().color(QPalette::Highlight));
        // The unread row's badge uses the highlight colour too, at the right edge of row 2.
        bool badge = false;
        for (int x = 260; x < 335 && !badge; ++x) {
            for (int y = hint.height(); y < 2 * hint.height() && !badge; ++y)
                badge = image.pixelColor(x, y) == view.palette().color(QPalette::Highlight);
        }
        QVERIFY(badge);
    }

    void bubblesSideAndSeparators_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void bubblesSideAndSeparators()
    {
        QFETCH(bool, dark);
        MessageListModel model;
        model.setChat(QStringLiteral("C1"));
        const QDateTime today = QDateTime::currentDateTime();
        const QDateTime yesterday = today.addDays(-1);
        MessagePage page;
        page.items = {
            msg(QStringLiteral("a"), MessageDirection::Inbound, yesterday,
                QStringLiteral("Olá, bom dia!")),
            msg(QStringLiteral("b"), MessageDirection::Inbound, yesterday.addSecs(60),
                QStringLiteral("Vocês atendem aos sábados?")),
            msg(QStringLiteral("c"), MessageDirection::Outbound, today,
                QStringLiteral("Atendemos sim, das 8h às 12h."), QStringLiteral("text"),
                MessageStatus::Read),
            msg(QStringLiteral("d"), MessageDirection::Outbound, today.addSecs(10),
                QStringLiteral("orçamento.pdf"), QStringLiteral("document"), MessageStatus::Failed),
            msg(QStringLiteral("e"), MessageDirection::Inbound, today.addSecs(20),
                QStringLiteral("Imagem"), QStringLiteral("image")),
        };
        page.total = 5;
        model.mergeNewestPage(page);
        QCOMPARE(model.rowCount(), 5);

        QListView view;
        if (dark)
            view.setPalette(darkPalette());
        MessageDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.setResizeMode(QListView::Adjust);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.resize(600, 900);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.widget = &view;
        // A day's first message carries the separator; the next one of the same day does not.
        const int first = delegate.sizeHint(option, model.index(0, 0)).height();
        const int second = delegate.sizeHint(option, model.index(1, 0)).height();
        QVERIFY2(
            first > second + 15, qPrintable(QStringLiteral("%1 vs %2").arg(first).arg(second)));
        const int third = delegate.sizeHint(option, model.index(2, 0)).height();
        QVERIFY(third > second + 15); // "Today" starts a new day
        // Media rows are taller than a one-line text (icon and label).
        QVERIFY(delegate.sizeHint(option, model.index(4, 0)).height() > second);

        // Inbound bubbles sit on the left, outbound on the right: paint one row at a time.
        for (int row : {1, 2}) {
            QImage image(600, delegate.sizeHint(option, model.index(row, 0)).height(),
                QImage::Format_ARGB32);
            image.fill(MessageDelegate::conversationBackground(view.palette()));
            QPainter p(&image);
            QStyleOptionViewItem o = option;
            o.rect = image.rect();
            delegate.paint(&p, o, model.index(row, 0));
            p.end();
            const bool outbound = row == 2;
            const qreal share
                = rightShare(image, MessageDelegate::bubbleColor(view.palette(), outbound));
            QVERIFY2(share >= 0, "the bubble colour was not painted");
            if (outbound)
                QVERIFY2(share > 0.9, qPrintable(QString::number(share)));
            else
                QVERIFY2(share < 0.1, qPrintable(QString::number(share)));
        }
        // Outbound bubbles differ from inbound ones, and both from the background.
        const QPalette pal = view.palette();
        QVERIFY(
            MessageDelegate::bubbleColor(pal, true) != MessageDelegate::bubbleColor(pal, false));
        QVERIFY(MessageDelegate::bubbleColor(pal, false)
            != MessageDelegate::conversationBackground(pal));
        QCOMPARE(isDarkPalette(pal), dark);
        view.grab(); // the whole list, separators and glyphs included, paints without warnings
    }

    void longWordsWrapInsideTheBubble()
    {
        MessageListModel model;
        model.setChat(QStringLiteral("C1"));
        MessagePage page;
        page.items
            = {msg(QStringLiteral("u"), MessageDirection::Inbound, QDateTime::currentDateTime(),
                QStringLiteral("https://exemplo.com.br/agendamento?paciente=")
                    + QString(200, QLatin1Char('x')))};
        page.total = 1;
        model.mergeNewestPage(page);
        QListView view;
        MessageDelegate delegate;
        view.setItemDelegate(&delegate);
        view.setModel(&model);
        view.resize(500, 600);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.widget = &view;
        const QSize size = delegate.sizeHint(option, model.index(0, 0));
        QVERIFY(size.width() <= view.viewport()->width()); // no horizontal overflow
        QVERIFY(size.height() > 3 * view.fontMetrics().height()); // wrapped onto several lines
    }
};

QTEST_MAIN(TstDelegates)
#include "tst_delegates.moc"
