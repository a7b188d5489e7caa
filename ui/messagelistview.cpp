#include "ui/messagelistview.h"

#include "ui/listgeometry.h"

#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace WhaTrack::Ui {

MessageListView::MessageListView(QWidget* parent)
    : QListView(parent)
{
    m_tops.assign(1, 0);
}

void MessageListView::setModel(QAbstractItemModel* model)
{
    disconnect(m_removedConnection);
    m_changed.clear();
    QListView::setModel(model);
    if (model) {
        // QAbstractItemView has no virtual for "rows removed": the row that was under them gets
        // another row above it only then.
        m_removedConnection = connect(
            model, &QAbstractItemModel::rowsRemoved, this, &MessageListView::onRowsRemoved);
    }
    layoutAll();
}

int MessageListView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

bool MessageListView::inStep() const
{
    return int(m_heights.size()) == rowCount() && m_tops.size() == m_heights.size() + 1
        && m_width == viewport()->width();
}

int MessageListView::rowAt(int y) const
{
    if (m_heights.empty())
        return -1;
    // Row r covers [m_tops[r], m_tops[r + 1]).
    const auto it = std::upper_bound(m_tops.begin() + 1, m_tops.end(), y);
    const int row = int(it - (m_tops.begin() + 1));
    return std::clamp(row, 0, int(m_heights.size()) - 1);
}

void MessageListView::measure(int first, int last)
{
    last = std::min(last, int(m_heights.size()) - 1);
    first = std::max(first, 0);
    if (first > last || !model())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        m_heights[size_t(row)]
            = std::max(0, itemDelegateForIndex(index)->sizeHint(option, index).height());
        ++m_rowsMeasured;
    }
}

void MessageListView::layoutAll()
{
    const int rows = rowCount();
    m_width = viewport()->width();
    m_heights.assign(size_t(rows), 0);
    m_tops.assign(size_t(rows) + 1, 0);
    measure(0, rows - 1);
    shiftFrom(0);
    ensureScrollRange(); // a new chat or width: scrolled at once (to the bottom, to a row)
}

void MessageListView::shiftFrom(int row)
{
    const int rows = int(m_heights.size());
    row = std::clamp(row, 0, rows);
    for (int r = row; r < rows; ++r)
        m_tops[size_t(r) + 1] = m_tops[size_t(r)] + m_heights[size_t(r)];
    // The scroll range once per event-loop pass, not per row: the conversation view follows
    // the bottom on it, and each move blits the whole viewport (a storm inserts many rows a pass).
    if (!m_rangePending) {
        m_rangePending = true;
        QMetaObject::invokeMethod(this, &MessageListView::ensureScrollRange, Qt::QueuedConnection);
    }
    // Rows above row did not move: repaint from its top down, if that is on screen at all.
    const int top = m_tops[size_t(row)] - verticalOffset();
    const QRect area = viewport()->rect();
    if (top <= area.bottom())
        viewport()->update(area.adjusted(0, std::max(0, top), 0, 0));
}

void MessageListView::doItemsLayout()
{
    layoutAll();
    QAbstractItemView::doItemsLayout(); // not QListView's: its own walk over every row
}

void MessageListView::reset()
{
    m_changed.clear();
    QListView::reset();
    layoutAll();
}

void MessageListView::rowsInserted(const QModelIndex& parent, int first, int last)
{
    QAbstractItemView::rowsInserted(parent, first, last); // not QListView's relayout of all
    if (parent != rootIndex())
        return;
    const int count = last - first + 1;
    if (int(m_heights.size()) + count != rowCount() || m_width != viewport()->width()
        || first > int(m_heights.size())) {
        layoutAll();
        return;
    }
    m_heights.insert(m_heights.begin() + first, size_t(count), 0);
    // m_tops[first] stays: the first new row starts where the row it pushes down started.
    m_tops.insert(m_tops.begin() + first + 1, size_t(count), 0);
    // The new rows and the row now under them (its day separator or gap follows the row above).
    measure(first, last + 1);
    shiftFrom(first);
}

void MessageListView::rowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, first, last);
    if (parent != rootIndex() || !inStep())
        return; // onRowsRemoved lays everything out
    m_heights.erase(m_heights.begin() + first, m_heights.begin() + last + 1);
    m_tops.erase(m_tops.begin() + first + 1, m_tops.begin() + last + 2); // m_tops[first] stays
}

void MessageListView::onRowsRemoved(const QModelIndex& parent, int first, int)
{
    if (parent != rootIndex())
        return;
    if (!inStep()) {
        layoutAll();
        return;
    }
    measure(first, first); // the row that was under the removed ones
    shiftFrom(first);
}

void MessageListView::dataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles); // repaint, accessibility
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent() != rootIndex())
        return;
    m_changed.append({QPersistentModelIndex(topLeft), QPersistentModelIndex(bottomRight)});
    if (!m_changePending) {
        m_changePending = true;
        QMetaObject::invokeMethod(this, &MessageListView::measureChanged, Qt::QueuedConnection);
    }
}

void MessageListView::measureChanged()
{
    m_changePending = false;
    const auto changed = std::exchange(m_changed, {});
    if (!inStep()) {
        layoutAll();
        return;
    }
    int from = int(m_heights.size());
    for (const auto& [a, b] : changed) {
        if (!a.isValid() || !b.isValid())
            continue;
        // The changed rows and the row under them.
        for (int row = a.row(); row <= std::min(b.row() + 1, int(m_heights.size()) - 1); ++row) {
            const int before = m_heights[size_t(row)];
            measure(row, row);
            if (m_heights[size_t(row)] != before)
                from = std::min(from, row);
        }
    }
    if (from < int(m_heights.size()))
        shiftFrom(from);
}

void MessageListView::ensureScrollRange()
{
    if (!m_rangePending)
        return;
    m_rangePending = false;
    updateGeometries();
}

void MessageListView::updateGeometries()
{
    m_rangePending = false;
    ListGeometry::setContentHeight(this, contentHeight());
    QAbstractItemView::updateGeometries(); // not QListView's: it sizes from its own layout
}

void MessageListView::resizeEvent(QResizeEvent* event)
{
    QAbstractItemView::resizeEvent(event);
    if (viewport()->width() != m_width)
        layoutAll(); // line breaks move
    else
        updateGeometries();
}

void MessageListView::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
}

int MessageListView::horizontalOffset() const
{
    return 0;
}

int MessageListView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

QRect MessageListView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex()
        || index.column() != 0 || index.row() >= int(m_heights.size()))
        return {};
    return {0, m_tops[size_t(index.row())] - verticalOffset(), viewport()->width(),
        m_heights[size_t(index.row())]};
}

QModelIndex MessageListView::indexAt(const QPoint& point) const
{
    const int y = point.y() + verticalOffset();
    if (!model() || m_heights.empty() || y < 0 || y >= contentHeight() || point.x() < 0
        || point.x() >= viewport()->width())
        return {};
    return model()->index(rowAt(y), 0, rootIndex());
}

void MessageListView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex())
        return;
    if (!inStep())
        layoutAll();
    ensureScrollRange();
    if (index.row() >= int(m_heights.size()))
        return;
    const int top = m_tops[size_t(index.row())];
    const int height = m_heights[size_t(index.row())];
    verticalScrollBar()->setValue(
        ListGeometry::scrollValueFor(hint, top, height, verticalOffset(), viewport()->height()));
}

QModelIndex MessageListView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    const int rows = int(m_heights.size());
    if (rows == 0 || !model())
        return {};
    const QModelIndex current = currentIndex();
    const int page = viewport()->height();
    const int atTop = rowAt(verticalOffset());
    const int currentRow = current.isValid() ? current.row() : -1;
    // A page from the current row's top (or the viewport's): the row under that point.
    const int y = current.isValid() ? m_tops[size_t(currentRow)] : verticalOffset();
    const int row = ListGeometry::cursorRow(action, currentRow, atTop, rows,
        [&](int direction) { return rowAt(y + direction * page); });
    return model()->index(row, 0, rootIndex());
}

void MessageListView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command)
{
    if (!selectionModel() || m_heights.empty())
        return;
    const QRect r = rect.normalized().translated(0, verticalOffset());
    const QModelIndex first = model()->index(rowAt(r.top()), 0, rootIndex());
    const QModelIndex last = model()->index(rowAt(r.bottom()), 0, rootIndex());
    selectionModel()->select(QItemSelection(first, last), command);
}

QRegion MessageListView::visualRegionForSelection(const QItemSelection& selection) const
{
    QRegion region;
    const int rows = int(m_heights.size());
    for (const QItemSelectionRange& range : selection) {
        if (range.parent() != rootIndex() || range.top() >= rows)
            continue;
        const int bottom = std::min(range.bottom(), rows - 1);
        const int top = m_tops[size_t(range.top())];
        region += QRect(
            0, top - verticalOffset(), viewport()->width(), m_tops[size_t(bottom) + 1] - top)
                      .intersected(viewport()->rect());
    }
    return region;
}

QSize MessageListView::viewportSizeHint() const
{
    return {std::max(0, m_width), contentHeight()};
}

void MessageListView::paintEvent(QPaintEvent* event)
{
    if (!model() || m_heights.empty())
        return;
    if (!inStep())
        layoutAll();
    QPainter painter(viewport());
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QStyle::State state = option.state;
    const int offset = verticalOffset();
    const int width = viewport()->width();
    const QRect area = event->rect();
    const QModelIndex current = currentIndex();
    const bool focus = hasFocus();
    QItemSelectionModel* selection = selectionModel();
    // Only the rows the damaged area crosses.
    for (int row = rowAt(area.top() + offset);
         row < int(m_heights.size()) && m_tops[size_t(row)] - offset <= area.bottom(); ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = QRect(0, m_tops[size_t(row)] - offset, width, m_heights[size_t(row)]);
        option.state = state;
        if (selection && selection->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (focus && index == current)
            option.state |= QStyle::State_HasFocus;
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
}

} // namespace WhaTrack::Ui
