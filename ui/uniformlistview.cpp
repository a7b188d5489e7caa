#include "ui/uniformlistview.h"

#include "ui/listgeometry.h"

#include <QAccessible>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace WhaTrack::Ui {

UniformListView::UniformListView(QWidget* parent)
    : QListView(parent)
{
    setUniformItemSizes(true); // what the rows are; QListView's own layout is not used
    m_repaint.setSingleShot(true);
    m_repaint.setTimerType(Qt::PreciseTimer);
    connect(&m_repaint, &QTimer::timeout, this, [this] {
        m_lastPaint.start(); // the frame starts now: a change later in this pass waits for the next
        viewport()->update();
    });
}

void UniformListView::scheduleRepaint()
{
    if (m_repaint.isActive())
        return;
    constexpr qint64 kFrameMs = 16;
    const qint64 since = m_lastPaint.isValid() ? m_lastPaint.elapsed() : kFrameMs;
    m_repaint.start(int(std::max<qint64>(0, kFrameMs - since)));
}

void UniformListView::setModel(QAbstractItemModel* model)
{
    disconnect(m_removedConnection);
    QListView::setModel(model);
    if (model) {
        m_removedConnection = connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex& parent, int first) {
                if (parent == rootIndex())
                    changedFrom(first);
            });
    }
    measure();
    changedFrom(0);
}

int UniformListView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int UniformListView::rowAt(int y) const
{
    const int rows = rowCount();
    if (rows == 0 || m_rowHeight <= 0)
        return -1;
    return std::clamp(y / m_rowHeight, 0, rows - 1);
}

void UniformListView::measure()
{
    ++m_layouts;
    if (rowCount() == 0) {
        m_rowHeight = 0;
        return;
    }
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex first = model()->index(0, 0, rootIndex());
    m_rowHeight = std::max(1, itemDelegateForIndex(first)->sizeHint(option, first).height());
}

void UniformListView::changedFrom(int row)
{
    updateGeometries();
    // Rows above row did not change: repaint only if row is on screen or above it.
    if (row * m_rowHeight - verticalOffset() <= viewport()->rect().bottom())
        scheduleRepaint();
}

void UniformListView::doItemsLayout()
{
    // Moved rows, a changed layout, a new font or sizeHintChanged: one size, then a repaint.
    measure();
    // Not QListView's walk over every row, nor QAbstractItemView's repaint at once.
    updateGeometries();
    scheduleRepaint();
}

void UniformListView::dataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (QAccessible::isActive() || !topLeft.isValid() || !bottomRight.isValid()) {
        QAbstractItemView::dataChanged(topLeft, bottomRight, roles); // and tell the reader
        return;
    }
    const int first = rowAt(verticalOffset());
    const int last = rowAt(verticalOffset() + viewport()->height() - 1);
    if (topLeft.parent() == rootIndex() && bottomRight.row() >= first && topLeft.row() <= last)
        scheduleRepaint(); // off-screen rows cost nothing
}

void UniformListView::reset()
{
    m_hover = QPersistentModelIndex();
    QListView::reset();
    measure();
    changedFrom(0);
}

void UniformListView::rowsInserted(const QModelIndex& parent, int first, int last)
{
    QAbstractItemView::rowsInserted(parent, first, last); // not QListView's relayout of all
    if (parent != rootIndex())
        return;
    if (m_rowHeight <= 0)
        measure();
    changedFrom(first);
}

void UniformListView::rowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    QAbstractItemView::rowsAboutToBeRemoved(parent, first, last); // not QListView's relayout
}

void UniformListView::updateGeometries()
{
    ListGeometry::setContentHeight(this, rowCount() * m_rowHeight);
    QAbstractItemView::updateGeometries(); // not QListView's: it sizes from its own layout
}

void UniformListView::resizeEvent(QResizeEvent* event)
{
    QAbstractItemView::resizeEvent(event); // the scroll range; rows keep their height
}

void UniformListView::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
}

int UniformListView::horizontalOffset() const
{
    return 0;
}

int UniformListView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

QRect UniformListView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex()
        || index.column() != 0 || m_rowHeight <= 0)
        return {};
    return {0, index.row() * m_rowHeight - verticalOffset(), viewport()->width(), m_rowHeight};
}

QModelIndex UniformListView::indexAt(const QPoint& point) const
{
    const int y = point.y() + verticalOffset();
    if (!model() || m_rowHeight <= 0 || y < 0 || y >= rowCount() * m_rowHeight || point.x() < 0
        || point.x() >= viewport()->width())
        return {};
    return model()->index(y / m_rowHeight, 0, rootIndex());
}

void UniformListView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid() || index.model() != model() || index.parent() != rootIndex())
        return;
    if (m_rowHeight <= 0)
        measure();
    updateGeometries();
    const int top = index.row() * m_rowHeight;
    verticalScrollBar()->setValue(ListGeometry::scrollValueFor(
        hint, top, m_rowHeight, verticalOffset(), viewport()->height()));
}

QModelIndex UniformListView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    const int rows = rowCount();
    if (rows == 0 || m_rowHeight <= 0)
        return {};
    const QModelIndex current = currentIndex();
    const int atTop = rowAt(verticalOffset());
    const int perPage = std::max(1, viewport()->height() / m_rowHeight);
    const int currentRow = current.isValid() ? current.row() : -1;
    const int from = current.isValid() ? currentRow : atTop;
    const int row = ListGeometry::cursorRow(
        action, currentRow, atTop, rows, [&](int direction) { return from + direction * perPage; });
    return model()->index(row, 0, rootIndex());
}

void UniformListView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command)
{
    if (!selectionModel() || rowCount() == 0 || m_rowHeight <= 0)
        return;
    const QRect r = rect.normalized().translated(0, verticalOffset());
    const QModelIndex first = model()->index(rowAt(r.top()), 0, rootIndex());
    const QModelIndex last = model()->index(rowAt(r.bottom()), 0, rootIndex());
    selectionModel()->select(QItemSelection(first, last), command);
}

QRegion UniformListView::visualRegionForSelection(const QItemSelection& selection) const
{
    QRegion region;
    for (const QItemSelectionRange& range : selection) {
        if (range.parent() != rootIndex())
            continue;
        region += QRect(0, range.top() * m_rowHeight - verticalOffset(), viewport()->width(),
            range.height() * m_rowHeight)
                      .intersected(viewport()->rect());
    }
    return region;
}

QSize UniformListView::viewportSizeHint() const
{
    return {viewport()->width(), rowCount() * m_rowHeight};
}

void UniformListView::setHover(const QModelIndex& index)
{
    if (index == m_hover)
        return;
    if (m_hover.isValid())
        viewport()->update(visualRect(m_hover));
    m_hover = index;
    if (m_hover.isValid())
        viewport()->update(visualRect(m_hover));
}

bool UniformListView::viewportEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::HoverEnter:
    case QEvent::HoverMove:
        setHover(indexAt(static_cast<QHoverEvent*>(event)->position().toPoint()));
        break;
    case QEvent::HoverLeave:
    case QEvent::Leave:
        setHover({});
        break;
    default:
        break;
    }
    return QListView::viewportEvent(event);
}

void UniformListView::mouseMoveEvent(QMouseEvent* event)
{
    setHover(indexAt(event->position().toPoint()));
    QListView::mouseMoveEvent(event);
}

void UniformListView::paintEvent(QPaintEvent* event)
{
    const int rows = rowCount();
    if (rows == 0 || m_rowHeight <= 0)
        return;
    m_lastPaint.start();
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
    const int last = rowAt(area.bottom() + offset);
    for (int row = rowAt(area.top() + offset); row <= last; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        option.rect = QRect(0, row * m_rowHeight - offset, width, m_rowHeight);
        option.state = state;
        if (!(index.flags() & Qt::ItemIsEnabled))
            option.state &= ~QStyle::State_Enabled;
        if (selection && selection->isSelected(index))
            option.state |= QStyle::State_Selected;
        if (index == m_hover)
            option.state |= QStyle::State_MouseOver;
        if (focus && index == current)
            option.state |= QStyle::State_HasFocus;
        itemDelegateForIndex(index)->paint(&painter, option, index);
    }
}

} // namespace WhaTrack::Ui
