#include "ui/avatarpainter.h"

#include "ui/uistyle.h"

#include <QPainter>
#include <QPalette>

namespace WhaTrack::Ui {

void paintAvatar(QPainter* painter, const QRect& rect, const QString& name, const QPalette& palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(name, isDarkPalette(palette)));
    painter->drawEllipse(rect);

    QFont font = painter->font();
    font.setBold(true);
    // About 40 % of the diameter reads well for two letters at any avatar size.
    font.setPixelSize(std::max(9, int(rect.height() * 0.38)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials(name));
    painter->restore();
}

} // namespace WhaTrack::Ui
