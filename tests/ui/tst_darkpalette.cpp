// Light and dark palettes both legible: the main window (chat list, messages, ticket panel,
// status pill) is rendered with Fusion and each palette, text drawn without antialiasing so every
// text pixel has its exact colour, and the contrast of text against what is behind it must reach
// WCAG's 4.5:1 for body text.

#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/chatlistpane.h"
#include "ui/connectionmonitor.h"
#include "ui/connectionstatuswidget.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/messagedelegate.h"
#include "ui/ticketpanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using WhaTrack::Testing::FakeInboxBackend;

namespace {

qreal luminance(const QColor& c)
{
    const auto channel
        = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor& a, const QColor& b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

//! The two most frequent colours of \a rect: the background and, text being drawn without
//! antialiasing, the text's own colour. Invalid second colour when there is no text.
std::pair<QColor, QColor> census(const QImage& image, const QRect& rect)
{
    QHash<QRgb, int> counts;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    }
    QList<std::pair<int, QRgb>> byCount;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(), std::greater<>());
    if (byCount.size() < 2 || byCount.at(1).first < 6)
        return {QColor(byCount.value(0).second), QColor()};
    return {QColor(byCount.at(0).second), QColor(byCount.at(1).second)};
}

//! The bubble at the bottom of message row \a row: its extent along a line inside its bottom
//! padding (below the text), from a point near the side it hangs on.
QRect bubbleIn(const QImage& image, const QRect& row, bool outbound)
{
    const int y = row.bottom() - 3;
    const int start = outbound ? row.right() - 30 : row.left() + 30;
    const QRgb fill = image.pixel(start, y);
    const auto same = [&](int x) { // painted mixes may round one step either way
        const QRgb p = image.pixel(x, y);
        return qAbs(qRed(p) - qRed(fill)) <= 2 && qAbs(qGreen(p) - qGreen(fill)) <= 2
            && qAbs(qBlue(p) - qBlue(fill)) <= 2;
    };
    int left = start;
    int right = start;
    while (left > 0 && same(left - 1))
        --left;
    while (right < image.width() - 1 && same(right + 1))
        ++right;
    return QRect(QPoint(left, row.top()), QPoint(right, row.bottom()));
}

QPalette darkPalette()
{
    // As dark desktop themes set it (Breeze Dark, the common Fusion dark palette): light text
    // on near-black, a blue highlight; placeholder text half-transparent white.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(255, 255, 255, 128));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7f, 0x7f, 0x7f));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7f, 0x7f, 0x7f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7f, 0x7f, 0x7f));
    return p;
}

} // namespace

class TstDarkPalette : public QObject
{
    Q_OBJECT

    QStringList m_problems;

    void check(const QString& what, const QImage& image, const QRect& rect, qreal minimum = 4.5)
    {
        const auto [background, text] = census(image, rect);
        if (!text.isValid()) {
            m_problems << QStringLiteral("%1: no text found").arg(what);
            return;
        }
        const qreal ratio = contrast(background, text);
        if (ratio < minimum) {
            m_problems << QStringLiteral("%1: %2 on %3 = %4:1")
                              .arg(what, text.name(), background.name())
                              .arg(ratio, 0, 'f', 2);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QFont font = QApplication::font();
        font.setStyleStrategy(QFont::NoAntialias); // text pixels carry the exact text colour
        QApplication::setFont(font);
    }

    void legible_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void legible()
    {
        QFETCH(bool, dark);
        m_problems.clear();
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());

        FakeInboxBackend backend;
        QVERIFY(backend.start());
        ApiClient api(backend.config());
        InboxStore store(&api, nullptr);
        ConnectionMonitor monitor;
        MainWindow window(&store, &monitor);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        store.setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(store.chatListModel()->rowCount(), 3);
        store.openChat(QStringLiteral("C1"));
        QTRY_VERIFY(store.messageListModel()->rowCount() > 5);
        QTRY_VERIFY(!window.ticketPanel()->findChildren<QLabel*>().isEmpty());
        QCoreApplication::processEvents(); // pending layouts run before the grab (no sleep)

        // Chat list: a row that is neither open nor hovered (the second one).
        QListView* chats = window.chatListPane()->findChild<QListView*>();
        QVERIFY(chats);
        QCOMPARE(QApplication::palette().color(QPalette::Base).lightness() < 128, dark);
        const QImage list = chats->viewport()->grab().toImage();
        const qreal dpr = list.devicePixelRatio();
        QCOMPARE(dpr, 1.0);
        for (int row = 0; row < 3; ++row) {
            const QModelIndex index = chats->model()->index(row, 0);
            if (chats->selectionModel()->isSelected(index))
                continue;
            const QRect r = chats->visualRect(index);
            const int line = QFontMetrics(chats->font()).height();
            // Line 1, right: the time; line 2: the preview (past an icon or ticks).
            check(QStringLiteral("chat list time, row %1").arg(row), list,
                QRect(r.right() - 36, r.top() + 6, 30, line + 2));
            if (index.data(ChatListModel::LastMessagePreviewRole).toString().isEmpty())
                continue;
            check(QStringLiteral("chat list preview, row %1").arg(row), list,
                QRect(r.left() + 100, r.top() + 8 + line + 4, 90, line));
        }

        // Messages: text on inbound and outbound bubbles, the time of an inbound one.
        QListView* messages = window.conversationView()->messageView();
        const QImage conv = messages->viewport()->grab().toImage();
        const QPalette pal = QApplication::palette(); // the view's own has its Base tinted
        int inboundChecked = 0;
        int outboundChecked = 0;
        for (int row = messages->model()->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = messages->model()->index(row, 0);
            const QRect r = messages->visualRect(index);
            if (r.top() < 0 || r.bottom() >= conv.height())
                continue;
            if (index.data(MessageListModel::TypeRole).toString() != QLatin1String("text"))
                continue;
            const bool outbound
                = index.data(MessageListModel::DirectionRole).value<MessageDirection>()
                == MessageDirection::Outbound;
            if ((outbound ? outboundChecked : inboundChecked) >= 2)
                continue;
            const QRect bubble = bubbleIn(conv, r, outbound);
            if (bubble.width() < 60 || bubble.width() > conv.width() * 0.8)
                continue; // under the jump button, or not a plain bubble
            const int line = QFontMetrics(messages->font()).height();
            // The last line of the text (the time shares it) sits above the bottom padding.
            const int textTop = bubble.bottom() - 6 - line + 2;
            const QString side = outbound ? QStringLiteral("outbound") : QStringLiteral("inbound");
            check(side + QStringLiteral(" message text"), conv,
                QRect(bubble.left() + 10, textTop, 50, line - 4));
            if (!outbound) // outbound times share their corner with the ticks
                check(side + QStringLiteral(" message time"), conv,
                    QRect(bubble.right() - 40, textTop, 30, line - 4));
            ++(outbound ? outboundChecked : inboundChecked);
        }
        QVERIFY(inboundChecked > 0 && outboundChecked > 0);

        // Ticket panel and status bar: every label with text.
        QList<QLabel*> labels = window.ticketPanel()->findChildren<QLabel*>();
        labels += window.connectionStatus()->findChildren<QLabel*>();
        for (QLabel* label : std::as_const(labels)) {
            if (!label->isVisible() || label->text().trimmed().isEmpty() || label->width() < 20
                || label->textFormat() == Qt::RichText)
                continue;
            const QImage image = label->grab().toImage();
            check(
                QStringLiteral("label '%1' (%2)").arg(label->text().left(30), label->objectName()),
                image, image.rect());
        }
        // The connection pill: its text on its tinted fill.
        monitor.setSignedOut(true, QStringLiteral("Signed out"));
        QAbstractButton* pillButton = nullptr;
        for (auto* b : window.connectionStatus()->findChildren<QAbstractButton*>()) {
            if (QByteArray(b->metaObject()->className()).contains("StatusPill"))
                pillButton = b;
        }
        QVERIFY(pillButton);
        QTRY_VERIFY(pillButton->width() > 60);
        const QImage pill = pillButton->grab().toImage();
        check(QStringLiteral("status pill"), pill,
            QRect(pill.width() / 4, 3, pill.width() / 2, pill.height() - 6));

        QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TstDarkPalette)
#include "tst_darkpalette.moc"
