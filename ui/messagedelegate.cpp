#include "ui/messagedelegate.h"

#include "models/api/mediafetcher.h"
#include "models/items/messagelistmodel.h"
#include "ui/legiblepalette.h"
#include "ui/mediathumbnail.h"
#include "ui/messageglyphs.h"
#include "ui/plaintext.h"
#include "ui/timeformat.h"
#include "ui/uistyle.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

namespace WhaTrack::Ui {

namespace {
using R = MessageListModel::Roles;
constexpr int kSide = 18; // distance of a bubble from the view edge
constexpr int kPadH = 10; // bubble padding
constexpr int kPadV = 6;
constexpr int kRadius = 10;
constexpr int kMediaIcon = 34;
constexpr int kTimeGap = 10; // between the text and the time when they share a line
constexpr int kSameSenderGap = 2;
constexpr int kNewSenderGap = 8;
MessageDelegate::PaintHook g_paintHook = nullptr;
bool g_caching = true;

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.82 : 8);
    return f;
}

//! Lays out \a layout within \a width; returns the size and the last line's width.
QSizeF layoutText(QTextLayout& layout, qreal width, qreal* lastLineWidth)
{
    QTextOption opt;
    opt.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(opt);
    layout.beginLayout();
    qreal y = 0;
    qreal widest = 0;
    qreal last = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        last = line.naturalTextWidth();
        widest = std::max(widest, last);
    }
    layout.endLayout();
    if (lastLineWidth)
        *lastLineWidth = last;
    return {std::ceil(widest), std::ceil(y)};
}

QDate localDay(const QModelIndex& index)
{
    return index.data(R::TimestampRole).toDateTime().toLocalTime().date();
}

} // namespace

struct MessageDelegate::Layout
{
    int height = 0;
    bool outbound = false;
    QRect divider; //!< the "N new messages" band, full width
    QString dayText;
    QRect separator;
    QRect bubble;
    MediaKind media = MediaKind::None;
    QRect mediaIcon;
    QRect mediaLabel;
    QString mediaText;
    QString mediaUrl;
    QRect thumbnail; //!< the image's thumbnail, when there is one
    QString text;
    QPoint textOrigin;
    qreal textWidth = 0;
    QString time;
    QRect timeRect;
    MessageStatus status = MessageStatus::Unknown;
    QRectF statusRect;
};

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
    // A thumbnail arrived (ThumbnailRelayout) or someone else asked for a relayout: measure
    // again. Connected before any view's handler, so the view's relayout sees fresh heights.
    connect(this, &QAbstractItemDelegate::sizeHintChanged, this, [this] { forgetHeights(); });
}

void MessageDelegate::setPaintHook(PaintHook hook)
{
    g_paintHook = hook;
}

void MessageDelegate::setCaching(bool on)
{
    g_caching = on;
}

const MessageDelegate::TextBlock* MessageDelegate::textBlock(
    const QFont& font, const QString& text, int width) const
{
    auto layOut = [&](TextBlock* block) {
        block->layout = std::make_unique<QTextLayout>(text, font);
        block->size = layoutText(*block->layout, width, &block->lastLine);
    };
    if (!g_caching) {
        layOut(&m_uncached);
        return &m_uncached;
    }
    if (font != m_textFont) { // widths and line breaks depend on the font
        m_texts.clear();
        m_textFont = font;
    }
    // sizeHint() and paint() of a row ask for the same text in turn, and scrolling back asks
    // again: wrapping is the costly part of a bubble, so it is done once per (width, text).
    QString key = QString::number(width) + QLatin1Char(':') + text;
    if (const TextBlock* hit = m_texts.object(key))
        return hit;
    auto* block = new TextBlock;
    layOut(block);
    m_texts.insert(std::move(key), block);
    return m_texts.object(QString::number(width) + QLatin1Char(':') + text);
}

void MessageDelegate::setMediaFetcher(MediaFetcher* fetcher)
{
    if (m_media == fetcher)
        return;
    m_media = fetcher;
    forgetHeights(); // photos now show as thumbnails
    if (fetcher)
        new ThumbnailRelayout(fetcher, this);
}

MediaFetcher* MessageDelegate::mediaFetcher() const
{
    return m_media;
}

void MessageDelegate::setUnreadDivider(const QString& messageId, int count)
{
    m_heights.remove(m_dividerId); // the band leaves that row and goes to the new one
    m_heights.remove(messageId);
    m_dividerId = messageId;
    m_dividerText = count == 1 ? tr("1 new message") : tr("%1 new messages").arg(count);
}

QColor MessageDelegate::conversationBackground(const QPalette& pal)
{
    const QColor window = pal.color(QPalette::Window);
    return isDarkPalette(pal) ? window.darker(115)
                              : mix(window, pal.color(QPalette::Highlight), 0.05);
}

QColor MessageDelegate::bubbleColor(const QPalette& pal, bool outbound)
{
    const bool dark = isDarkPalette(pal);
    if (outbound)
        return mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), dark ? 0.38 : 0.16);
    return dark ? mix(pal.color(QPalette::Window), pal.color(QPalette::Text), 0.1)
                : pal.color(QPalette::Base);
}

MessageDelegate::Layout MessageDelegate::layoutFor(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Layout l;
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int rowW = view ? view->viewport()->width() : option.rect.width();
    const QFontMetrics fm(option.font);
    const QFont sf = smallFont(option.font);
    const QFontMetrics sfm(sf);

    l.outbound
        = index.data(R::DirectionRole).value<MessageDirection>() == MessageDirection::Outbound;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    int y = 0;
    if (!m_dividerId.isEmpty() && index.data(R::IdRole).toString() == m_dividerId) {
        y += 10;
        l.divider = QRect(0, y, rowW, sfm.height() + 8);
        y += l.divider.height();
    }
    const QDate day = localDay(index);
    if (!prev.isValid() || localDay(prev) != day) {
        const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
        l.dayText = TimeFormat::dayLabel(day, today);
        const int w = sfm.horizontalAdvance(l.dayText) + 24;
        const int h = sfm.height() + 8;
        y += 10;
        l.separator = QRect((rowW - w) / 2, y, w, h);
        y += h + 8;
    } else {
        const bool sameSender = prev.data(R::DirectionRole) == index.data(R::DirectionRole);
        y += sameSender ? kSameSenderGap : kNewSenderGap;
    }

    const int maxBubble = std::min(int(rowW * 0.72), 620);
    const int maxText = std::max(80, maxBubble - 2 * kPadH);

    l.time = TimeFormat::clockTime(index.data(R::TimestampRole).toDateTime());
    l.status
        = l.outbound ? index.data(R::StatusRole).value<MessageStatus>() : MessageStatus::Unknown;
    if (l.outbound && index.data(R::PendingRole).toBool() && l.status == MessageStatus::Unknown)
        l.status = MessageStatus::Pending;
    const qreal glyphH = sfm.ascent() * 0.95;
    const qreal glyphW = MessageGlyphs::statusWidth(l.status, glyphH);
    const int footerW = sfm.horizontalAdvance(l.time) + (glyphW > 0 ? int(glyphW) + 4 : 0);

    // Content: optional media block, then the text (caption or body).
    int contentW = 0;
    int cy = kPadV;
    QString body = index.data(R::BodyRole).toString();
    l.media = MessageGlyphs::mediaKindOf(index.data(R::TypeRole).toString(), body);
    if (l.media != MediaKind::None) {
        l.mediaText = MessageGlyphs::mediaLabel(l.media);
        l.mediaUrl = index.data(R::MediaUrlRole).toString();
        const QSize thumb = l.media == MediaKind::Image
            ? MediaThumbnail::layout(m_media, l.mediaUrl, maxText, &l.mediaText)
            : QSize();
        if (thumb.isValid())
            l.thumbnail = QRect(QPoint(kPadH, cy), thumb);
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold); // as painted
        const int labelW = std::min(
            maxText - kMediaIcon - 10, QFontMetrics(bold).horizontalAdvance(l.mediaText) + 1);
        l.mediaIcon = QRect(kPadH, cy, kMediaIcon, kMediaIcon);
        l.mediaLabel = QRect(kPadH + kMediaIcon + 10, cy, labelW, kMediaIcon);
        contentW = kMediaIcon + 10 + labelW;
        cy += kMediaIcon + 4;
        if (!l.thumbnail.isEmpty()) { // the photo instead of its icon and label
            contentW = l.thumbnail.width();
            cy = l.thumbnail.bottom() + 1 + 4;
        }
        if (MessageGlyphs::isPlaceholderBody(body))
            body.clear();
    }
    qreal lastLine = 0;
    if (!body.isEmpty()) {
        l.text = body;
        const TextBlock* block = textBlock(option.font, body, maxText);
        const QSizeF size = block->size;
        lastLine = block->lastLine;
        l.textOrigin = QPoint(kPadH, cy);
        l.textWidth = maxText;
        contentW = std::max(contentW, int(size.width()));
        cy += int(size.height());
    } else {
        lastLine = contentW; // media only: the time goes under or beside the label
    }

    // The time shares the last line when it fits (as WhatsApp does), else gets its own line.
    int bubbleInnerW = contentW;
    int footerY;
    if (lastLine + kTimeGap + footerW <= maxText && !l.text.isEmpty()) {
        bubbleInnerW = std::max(contentW, int(lastLine) + kTimeGap + footerW);
        footerY = cy - sfm.height();
    } else if (l.text.isEmpty() && l.media != MediaKind::None
        && contentW + kTimeGap + footerW <= maxText) {
        bubbleInnerW = contentW + kTimeGap + footerW;
        footerY = cy - 4 - sfm.height();
    } else {
        bubbleInnerW = std::max(contentW, footerW);
        footerY = cy;
        cy += sfm.height();
    }
    const int bubbleW = bubbleInnerW + 2 * kPadH;
    const int bubbleH = cy + kPadV;
    const int bx = l.outbound ? rowW - kSide - bubbleW : kSide;
    l.bubble = QRect(bx, y, bubbleW, bubbleH);
    // Content positions were relative to the bubble; make them relative to the row.
    l.mediaIcon.translate(bx, y);
    l.mediaLabel.translate(bx, y);
    l.thumbnail.translate(bx, y);
    l.textOrigin += QPoint(bx, y);
    const int footerX = bx + bubbleW - kPadH - footerW;
    l.timeRect = QRect(footerX, y + footerY, sfm.horizontalAdvance(l.time), sfm.height());
    l.statusRect = QRectF(
        l.timeRect.right() + 5, l.timeRect.top() + (sfm.height() - glyphH) / 2.0, glyphW, glyphH);
    l.height = y + bubbleH;
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    if (view)
        return {view->viewport()->width(), cachedHeight(option, index)};
    ++m_rowsMeasured;
    const Layout l = layoutFor(option, index);
    return {l.bubble.right() + kSide, l.height};
}

int MessageDelegate::cachedHeight(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int width = static_cast<const QAbstractItemView*>(option.widget)->viewport()->width();
    if (width != m_heightsWidth || option.font != m_heightsFont) {
        forgetHeights(); // line breaks move
        m_heightsWidth = width;
        m_heightsFont = option.font;
    }
    if (index.model() != m_heightsModel)
        watchModel(index.model());
    const QString id = index.data(R::IdRole).toString();
    if (!id.isEmpty()) {
        const auto hit = m_heights.constFind(id);
        if (hit != m_heights.cend())
            return hit.value();
    }
    ++m_rowsMeasured;
    const int height = layoutFor(option, index).height;
    if (!id.isEmpty())
        m_heights.insert(id, height);
    return height;
}

void MessageDelegate::watchModel(const QAbstractItemModel* model) const
{
    for (const auto& c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    forgetHeights();
    m_heightsModel = model;
    if (!model)
        return;
    // Before the change, while the rows are still where they were: the row below an insertion
    // or a removal gets another row above it (day separator, sender gap).
    m_modelConnections
        << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
               [this](const QModelIndex& parent, int first) { forgetRows(parent, first, first); })
        << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
               [this](const QModelIndex& parent, int first, int last) {
                   forgetRows(parent, first, last + 1);
               })
        << connect(model, &QAbstractItemModel::dataChanged, this,
               [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                   if (!topLeft.isValid() || !bottomRight.isValid())
                       forgetHeights();
                   else
                       forgetRows(topLeft.parent(), topLeft.row(), bottomRight.row() + 1);
               })
        << connect(
               model, &QAbstractItemModel::rowsAboutToBeMoved, this, [this] { forgetHeights(); })
        << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
               [this] { forgetHeights(); })
        << connect(model, &QAbstractItemModel::layoutChanged, this, [this] { forgetHeights(); })
        << connect(
               model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { forgetHeights(); })
        << connect(model, &QAbstractItemModel::modelReset, this, [this] { forgetHeights(); });
}

void MessageDelegate::forgetRows(const QModelIndex& parent, int first, int last) const
{
    if (m_heights.isEmpty() || !m_heightsModel)
        return;
    last = std::min(last, m_heightsModel->rowCount(parent) - 1);
    for (int row = std::max(0, first); row <= last; ++row)
        m_heights.remove(m_heightsModel->index(row, 0, parent).data(R::IdRole).toString());
}

void MessageDelegate::forgetHeights() const
{
    m_heights = {}; // frees the table too: a closed 100,000-message chat gives its memory back
}

void MessageDelegate::paint(
    QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const Layout l = layoutFor(option, index);
    const QPalette& pal = option.palette;
    const bool dark = isDarkPalette(pal);
    const QColor bg = conversationBackground(pal);
    p->save();
    p->translate(option.rect.topLeft());
    p->setRenderHint(QPainter::Antialiasing);
    const QFont sf = smallFont(option.font);

    if (!l.divider.isEmpty()) {
        // A band across the conversation, as WhatsApp marks where the unread part starts.
        p->setPen(Qt::NoPen);
        p->setBrush(mix(bg, pal.color(QPalette::Highlight), dark ? 0.3 : 0.14));
        p->drawRect(l.divider);
        p->setFont(sf);
        p->setPen(pal.color(QPalette::Text));
        p->drawText(l.divider, Qt::AlignCenter, m_dividerText);
    }
    if (!l.dayText.isEmpty()) {
        p->setPen(Qt::NoPen);
        p->setBrush(mix(bg, pal.color(QPalette::Text), dark ? 0.14 : 0.08));
        p->drawRoundedRect(l.separator, l.separator.height() / 2.0, l.separator.height() / 2.0);
        p->setFont(sf);
        p->setPen(pal.color(QPalette::PlaceholderText));
        p->drawText(l.separator, Qt::AlignCenter, l.dayText);
    }

    const QColor bubble = bubbleColor(pal, l.outbound);
    p->setPen(QPen(mix(bubble, pal.color(QPalette::Text), 0.08), 1));
    p->setBrush(bubble);
    p->drawRoundedRect(QRectF(l.bubble).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    const QColor text = pal.color(QPalette::Text);
    // The time and ticks: quieter than the text, still 4.5:1 on the bubble (dark palettes).
    const QColor muted = legibleOn(mix(text, bubble, 0.45), bubble);
    if (!l.thumbnail.isEmpty()) {
        MediaThumbnail::paint(p, l.thumbnail, m_media, l.mediaUrl, 6);
    } else if (l.media != MediaKind::None) {
        p->setPen(Qt::NoPen);
        p->setBrush(mix(bubble, text, 0.08));
        p->drawRoundedRect(l.mediaIcon, 8, 8);
        MessageGlyphs::paintMediaIcon(
            p, QRectF(l.mediaIcon).adjusted(7, 7, -7, -7), l.media, muted);
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        p->setFont(bold);
        p->setPen(text);
        p->drawText(l.mediaLabel, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(l.mediaText, Qt::ElideRight, l.mediaLabel.width()));
    }
    if (!l.text.isEmpty()) {
        p->setPen(text);
        textBlock(option.font, l.text, int(l.textWidth))->layout->draw(p, l.textOrigin);
    }
    p->setFont(sf);
    p->setPen(muted);
    p->drawText(l.timeRect, Qt::AlignRight | Qt::AlignVCenter, l.time);
    if (l.status != MessageStatus::Unknown)
        MessageGlyphs::paintStatus(p, l.statusRect, l.status, muted, dark);
    p->restore();
    if (g_paintHook)
        g_paintHook(index);
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
    const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (!event || event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Layout l = layoutFor(option, index);
    if (!l.bubble.translated(option.rect.topLeft()).contains(event->pos())) {
        QToolTip::hideText();
        return true;
    }
    const QDateTime at = index.data(R::TimestampRole).toDateTime().toLocalTime();
    QString tip = QLocale().toString(at, QLocale::LongFormat);
    // Why the photo is missing, in plain words, before the date.
    const QString mediaFailure
        = MediaThumbnail::failure(m_media, index.data(R::MediaUrlRole).toString());
    if (!mediaFailure.isEmpty())
        tip = mediaFailure + QLatin1Char('\n') + tip;
    switch (index.data(R::StatusRole).value<MessageStatus>()) {
    case MessageStatus::Pending:
        tip += QLatin1Char('\n') + tr("Sending");
        break;
    case MessageStatus::Sent:
        tip += QLatin1Char('\n') + tr("Sent");
        break;
    case MessageStatus::Delivered:
        tip += QLatin1Char('\n') + tr("Delivered");
        break;
    case MessageStatus::Read:
        tip += QLatin1Char('\n') + tr("Read");
        break;
    case MessageStatus::Played:
        tip += QLatin1Char('\n') + tr("Played");
        break;
    case MessageStatus::Failed:
        tip += QLatin1Char('\n') + tr("Not delivered");
        break;
    case MessageStatus::Unknown:
        break;
    }
    if (index.data(R::PendingRole).toBool())
        tip += QLatin1Char('\n') + tr("Live update, confirming with the server…");
    QToolTip::showText(event->globalPos(), plainToolTip(tip), view);
    return true;
}

} // namespace WhaTrack::Ui
