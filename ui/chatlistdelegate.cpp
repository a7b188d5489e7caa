#include "ui/chatlistdelegate.h"

#include "models/items/chatlistmodel.h"
#include "ui/avatarpainter.h"
#include "ui/displayformat.h"
#include "ui/legiblepalette.h"
#include "ui/messageglyphs.h"
#include "ui/timeformat.h"
#include "ui/uistyle.h"

#include <QApplication>
#include <QPainter>

namespace WhaTrack::Ui {

namespace {
constexpr int kPadH = 12;
constexpr int kPadV = 9;
constexpr int kAvatar = 46;
constexpr int kLineGap = 3;
using R = ChatListModel::Roles;
ChatListDelegate::PaintHook g_paintHook = nullptr;
bool g_caching = true;

QFont nameFont(const QFont& base)
{
    QFont f = base;
    f.setWeight(QFont::DemiBold);
    return f;
}

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.86 : 8);
    return f;
}
} // namespace

ChatListDelegate::ChatListDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

void ChatListDelegate::setPaintHook(PaintHook hook)
{
    g_paintHook = hook;
}

void ChatListDelegate::setCaching(bool on)
{
    g_caching = on;
}

QString ChatListDelegate::elided(
    const QFontMetrics& fm, int slot, const QString& text, int width) const
{
    if (!g_caching)
        return fm.elidedText(text, Qt::ElideRight, width);
    // One key string: slot and width first, so the text needs no escaping.
    QString key = QString::number(slot) + QLatin1Char(':') + QString::number(width)
        + QLatin1Char(':') + text;
    if (const QString* hit = m_elided.object(key))
        return *hit;
    auto* value = new QString(fm.elidedText(text, Qt::ElideRight, width));
    const QString result = *value;
    m_elided.insert(std::move(key), value);
    return result;
}

void ChatListDelegate::drawLine(
    QPainter* p, int slot, const QRect& rect, Qt::Alignment align, const QString& text) const
{
    if (!g_caching || text.isEmpty()) {
        m_linesShaped += text.isEmpty() ? 0 : 1; // drawText shapes on every call
        p->drawText(rect, align | Qt::AlignVCenter, text);
        return;
    }
    QString key = QString::number(slot) + QLatin1Char(':') + text;
    const QStaticText* line = m_lines.object(key);
    if (!line) {
        ++m_linesShaped;
        auto* fresh = new QStaticText(text);
        fresh->setTextFormat(Qt::PlainText); // names and previews are customer data: never markup
        fresh->prepare(QTransform(), p->font());
        line = fresh;
        m_lines.insert(std::move(key), fresh);
    }
    const QSizeF size = line->size();
    qreal x = rect.left();
    if (align & Qt::AlignRight)
        x = rect.right() + 1 - size.width();
    else if (align & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2.0;
    const qreal y = rect.top() + (rect.height() - size.height()) / 2.0;
    // No clip as drawText sets: every text here is elided to (or measured for) its rectangle.
    p->drawStaticText(QPointF(x, y), *line);
}

QDateTime ChatListDelegate::now() const
{
    if (m_now.isValid())
        return m_now;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (!m_clock.isValid() || ms - m_clockReadMs >= 1000) {
        m_clock = QDateTime::currentDateTime();
        m_clockReadMs = ms;
    }
    return m_clock;
}

QSize ChatListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    // Three lines (name, preview, stage chip). Uniform height keeps huge lists cheap.
    const QFontMetrics name(nameFont(option.font));
    const QFontMetrics text(option.font);
    const QFontMetrics small(smallFont(option.font));
    const int h
        = kPadV + name.height() + kLineGap + text.height() + kLineGap + small.height() + 4 + kPadV;
    return {260, std::max(h, kAvatar + 2 * kPadV)};
}

void ChatListDelegate::paint(
    QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const bool dark = isDarkPalette(pal);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRect r = option.rect;
    if (option.font != m_cachedFont) { // widths depend on the font: another font, other entries
        m_elided.clear();
        m_lines.clear();
        m_cachedFont = option.font;
    }

    // Background: solid highlight for the open chat (as Telegram), a faint tint on hover.
    if (selected)
        p->fillRect(r, pal.color(QPalette::Highlight));
    else if (hovered)
        p->fillRect(r, mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.08));

    const QColor textColor = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor mutedColor = selected ? mix(textColor, pal.color(QPalette::Highlight), 0.25)
                                       : pal.color(QPalette::PlaceholderText);

    // A chat without a contact name is named by its number: show it as a phone number.
    const QString name = DisplayFormat::phone(index.data(R::NameRole).toString());
    const QRect avatar(r.left() + kPadH, r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    paintAvatar(p, avatar, name, pal);

    const int left = avatar.right() + 1 + kPadH;
    const int right = r.right() - kPadH;
    const QFont nf = nameFont(option.font);
    const QFont sf = smallFont(option.font);
    const QFontMetrics nfm(nf);
    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(sf);
    const int unread = index.data(R::UnreadCountRole).toInt();

    // Line 1: name ... time.
    int y = r.top() + kPadV;
    const QString time = TimeFormat::listTime(index.data(R::LastMessageAtRole).toDateTime(), now());
    const int timeW = sfm.horizontalAdvance(time);
    p->setFont(sf);
    // An unread chat's time in the accent colour, made legible on the row where it is not.
    p->setPen(unread > 0 && !selected
            ? legibleOn(pal.color(QPalette::Highlight), pal.color(QPalette::Base))
            : mutedColor);
    drawLine(p, 2, QRect(right - timeW, y, timeW, nfm.height()), Qt::AlignRight, time);
    p->setFont(nf);
    p->setPen(textColor);
    const int nameW = right - timeW - 8 - left;
    drawLine(p, 0, QRect(left, y, nameW, nfm.height()), Qt::AlignLeft, elided(nfm, 0, name, nameW));

    // Line 2: [ticks] preview ... [unread badge].
    y += nfm.height() + kLineGap;
    int x = left;
    int previewRight = right;
    if (unread > 0) {
        const QString count = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        p->setFont(sf);
        const int bh = sfm.height() + 2;
        const int bw = std::max(bh, sfm.horizontalAdvance(count) + 10);
        const QRect badge(right - bw, y + (fm.height() - bh) / 2, bw, bh);
        p->setPen(Qt::NoPen);
        p->setBrush(
            selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight));
        p->drawRoundedRect(badge, bh / 2.0, bh / 2.0);
        p->setPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::HighlightedText));
        drawLine(p, 2, badge, Qt::AlignHCenter, count);
        previewRight = badge.left() - 8;
    }
    const auto direction = index.data(R::LastMessageDirectionRole).value<MessageDirection>();
    if (direction == MessageDirection::Outbound) {
        const auto status = index.data(R::LastMessageStatusRole).value<MessageStatus>();
        const qreal gh = fm.ascent() * 0.9;
        const qreal gw = MessageGlyphs::statusWidth(status, gh);
        if (gw > 0) {
            const QRectF glyph(x, y + (fm.height() - gh) / 2.0, gw, gh);
            MessageGlyphs::paintStatus(p, glyph, status, mutedColor, dark, selected);
            x += int(gw) + 4;
        }
    }
    QString preview = index.data(R::LastMessagePreviewRole).toString().simplified();
    const MediaKind media
        = MessageGlyphs::mediaKindOf(index.data(R::LastMessageTypeRole).toString(), preview);
    if (media != MediaKind::None) {
        const qreal ih = fm.height() * 0.85;
        MessageGlyphs::paintMediaIcon(
            p, QRectF(x, y + (fm.height() - ih) / 2, ih, ih), media, mutedColor);
        x += int(ih) + 4;
        if (MessageGlyphs::isPlaceholderBody(preview))
            preview = MessageGlyphs::mediaLabel(media);
    }
    if (preview.isEmpty() && index.data(R::LastMessageAtRole).toDateTime().isValid() == false)
        preview = tr("No messages yet");
    p->setFont(option.font);
    p->setPen(mutedColor);
    drawLine(p, 1, QRect(x, y, previewRight - x, fm.height()), Qt::AlignLeft,
        elided(fm, 1, preview, previewRight - x));

    // Line 3: the open ticket's stage as a chip in the stage colour.
    y += fm.height() + kLineGap;
    const QString stage = index.data(R::TicketStageNameRole).toString();
    if (!index.data(R::TicketIdRole).toString().isEmpty() && !stage.isEmpty()) {
        const QColor stageColor
            = parseColor(index.data(R::TicketStageColorRole).toString(), mutedColor);
        const int ch = sfm.height() + 4;
        const int dot = 6;
        const int maxW = right - left;
        const QString label = elided(sfm, 2, stage, maxW - dot - 20);
        const int cw = 8 + dot + 5 + sfm.horizontalAdvance(label) + 9;
        const QRectF chip(left, y, cw, ch);
        QColor fill = stageColor;
        fill.setAlphaF(selected ? 0.35f : (dark ? 0.28f : 0.16f));
        p->setPen(Qt::NoPen);
        p->setBrush(selected
                ? mix(pal.color(QPalette::Highlight), pal.color(QPalette::HighlightedText), 0.2)
                : fill);
        p->drawRoundedRect(chip, ch / 2.0, ch / 2.0);
        p->setBrush(stageColor);
        p->drawEllipse(
            QPointF(chip.left() + 8 + dot / 2.0, chip.center().y()), dot / 2.0, dot / 2.0);
        p->setFont(sf);
        p->setPen(textColor);
        p->drawText(QRectF(chip.left() + 8 + dot + 5, chip.top(), cw, ch),
            Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // A hairline between rows, indented past the avatar as in most messengers.
    if (!selected) {
        QColor line = pal.color(QPalette::Mid);
        line.setAlphaF(0.25f);
        p->setPen(line);
        p->drawLine(left, r.bottom(), r.right(), r.bottom());
    }
    p->restore();
    if (g_paintHook)
        g_paintHook(index);
}

} // namespace WhaTrack::Ui
