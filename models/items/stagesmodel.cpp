#include "models/items/stagesmodel.h"

#include <QColor>

namespace WhaTrack {

StagesModel::StagesModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int StagesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant StagesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Stage& s = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return s.name;
    case Qt::DecorationRole:
        return QColor::fromString(s.color);
    case IdRole:
        return s.id;
    case ColorRole:
        return s.color;
    case OrderRole:
        return s.order;
    case IsClosedRole:
        return s.isClosed;
    case IsDefaultRole:
        return s.isDefault;
    default:
        return {};
    }
}

QHash<int, QByteArray> StagesModel::roleNames() const
{
    return {{IdRole, "stageId"}, {NameRole, "name"}, {ColorRole, "color"}, {OrderRole, "order"},
        {IsClosedRole, "isClosed"}, {IsDefaultRole, "isDefault"}, {Qt::DisplayRole, "display"}};
}

int StagesModel::rowOf(const QString& id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return i;
    }
    return -1;
}

void StagesModel::setStages(QList<Stage> stages)
{
    std::stable_sort(stages.begin(), stages.end(),
        [](const Stage& a, const Stage& b) { return a.order < b.order; });
    if (m_items.isEmpty()) {
        if (stages.isEmpty())
            return;
        beginResetModel();
        m_items = std::move(stages);
        endResetModel();
        return;
    }
    // A pipeline has a handful of stages: simple quadratic steps, but fine-grained signals.
    QSet<QString> wanted;
    for (const auto& s : std::as_const(stages))
        wanted.insert(s.id);
    for (int row = static_cast<int>(m_items.size()) - 1; row >= 0; --row) {
        if (!wanted.contains(m_items.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < stages.size(); ++i) {
        const Stage& s = stages.at(i);
        const int row = rowOf(s.id);
        if (row < 0) {
            beginInsertRows({}, i, i);
            m_items.insert(i, s);
            endInsertRows();
            continue;
        }
        if (row != i) {
            beginMoveRows({}, row, row, {}, i);
            m_items.move(row, i);
            endMoveRows();
        }
        if (m_items.at(i) != s) {
            m_items[i] = s;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

void StagesModel::clear()
{
    if (m_items.isEmpty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
}

} // namespace WhaTrack
