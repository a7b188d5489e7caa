#pragma once

//! \file stageiconproxymodel.h
//! \brief Gives each stage a round colour icon, so the stage combo box shows the colour for the
//! current item too (QComboBox only draws QIcon decorations there, not QColor).

#include <QIdentityProxyModel>

namespace WhaTrack::Ui {

class StageIconProxyModel : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override;
};

} // namespace WhaTrack::Ui
