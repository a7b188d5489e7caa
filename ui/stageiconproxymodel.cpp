#include "ui/stageiconproxymodel.h"

#include "models/items/stagesmodel.h"
#include "ui/uistyle.h"

namespace WhaTrack::Ui {

QVariant StageIconProxyModel::data(const QModelIndex& index, int role) const
{
    if (role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    return dotIcon(parseColor(index.data(StagesModel::ColorRole).toString(), Qt::gray), 12);
}

} // namespace WhaTrack::Ui
