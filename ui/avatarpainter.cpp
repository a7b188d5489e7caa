#include "ui/avatarpainter.h"

#include "ui/uistyle.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>

namespace WhaTrack::Ui {

namespace {
bool g_caching = true;

void paintDirect(QPainter* painter, const QRectF& rect, const QString& name, bool dark)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(name, dark));
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
} // namespace

void setAvatarCaching(bool on)
{
    g_caching = on;
}

void paintAvatar(QPainter* painter, const QRect& rect, const QString& name, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    // An antialiased circle plus a text layout per row is most of a chat row's painting cost;
    // the pixmap is keyed by everything it shows (name, size, scale, palette brightness, font
    // family), so a renamed chat gets a new entry and QPixmapCache's byte limit bounds them.
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    if (!g_caching || rect.width() > 256) {
        paintDirect(painter, rect, name, dark);
        return;
    }
    const QString key = QStringLiteral("wt-avatar:%1:%2:%3:%4:%5")
                            .arg(rect.width())
                            .arg(rect.height())
                            .arg(dpr)
                            .arg(dark ? 1 : 0)
                            .arg(painter->font().family())
        + QLatin1Char(':') + name;
    QPixmap pixmap;
    if (!QPixmapCache::find(key, &pixmap)) {
        pixmap = QPixmap(QSize(rect.width(), rect.height()) * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setFont(painter->font());
        paintDirect(&p, QRectF(0, 0, rect.width(), rect.height()), name, dark);
        p.end();
        QPixmapCache::insert(key, pixmap);
    }
    painter->drawPixmap(rect.topLeft(), pixmap);
}

} // namespace WhaTrack::Ui
