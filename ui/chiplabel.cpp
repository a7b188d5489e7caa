#include "ui/chiplabel.h"

#include "ui/plaintext.h"
#include "ui/uistyle.h"

#include <QPainter>

namespace WhaTrack::Ui {

namespace {
constexpr int kPadX = 9;
constexpr int kPadY = 2;
} // namespace

ChipLabel::ChipLabel(QWidget* parent)
    : QLabel(parent)
{
    makePlainText(this); // painted with drawText, but text() must never be guessed as markup
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.88);
    f.setWeight(QFont::DemiBold);
    setFont(f);
}

void ChipLabel::setAccent(const QColor& color)
{
    m_accent = color;
    update();
}

QSize ChipLabel::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(text()) + 2 * kPadX, fm.height() + 2 * kPadY};
}

void ChipLabel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor window = palette().color(QPalette::Window);
    const QColor accent
        = m_accent.isValid() ? m_accent : palette().color(QPalette::PlaceholderText);
    p.setPen(Qt::NoPen);
    p.setBrush(mix(window, accent, isDarkPalette(palette()) ? 0.35 : 0.2));
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace WhaTrack::Ui
