#include "ui/stageiconproxymodel.h"

#include "models/stagesmodel.h"
#include "ui/uistyle.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace WhaTrack::Ui {

QVariant StageIconProxyModel::data(const QModelIndex& index, int role) const
{
    if (role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    const QColor color = parseColor(index.data(StagesModel::ColorRole).toString(), Qt::gray);
    const qreal dpr = 2.0;
    QPixmap pm(QSize(12, 12) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}

} // namespace WhaTrack::Ui
