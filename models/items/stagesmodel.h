#pragma once

//! \file stagesmodel.h
//! \brief The organization's ticket stages in pipeline order (for the stage selector).

#include "models/api/apitypes.h"

#include <QAbstractListModel>

namespace WhaTrack {

class StagesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, //!< QString
        NameRole, //!< QString (also Qt::DisplayRole)
        ColorRole, //!< QString; Qt::DecorationRole gives a QColor
        OrderRole, //!< int
        IsClosedRole, //!< bool
        IsDefaultRole, //!< bool
    };
    Q_ENUM(Roles)

    explicit StagesModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Merges by id, keeping the list sorted by `order` (moves rows when the order changed).
    void setStages(QList<Stage> stages);
    void clear();
    QList<Stage> stages() const { return m_items; }
    int rowOf(const QString& id) const;

private:
    QList<Stage> m_items;
};

} // namespace WhaTrack
