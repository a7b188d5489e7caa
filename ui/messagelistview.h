#pragma once

//! \file messagelistview.h
//! \brief The conversation's list of bubbles: a QListView whose layout grows with the rows that
//! arrive, not with the rows it holds.
//!
//! A non-uniform QListView lays out every row again (a sizeHint per row) after any insertion:
//! under a storm that is once per event-loop pass over thousands of bubbles, and paging a
//! 100,000-message chat walks every loaded row per page. This view keeps each row's height and
//! top itself: a new message, an older page or a removal asks the delegate only for the rows
//! that changed and the row under them (its day separator or sender gap depends on the row
//! above); the tops after them are shifted (integer sums, no delegate call). A resize, a font
//! change, a moved or reset model or the delegate's sizeHintChanged lay out every row, as
//! QListView does. Still a QListView, so accessibility, key handling and tooltips are Qt's.

#include <QListView>
#include <QPersistentModelIndex>

#include <vector>

namespace WhaTrack::Ui {

class MessageListView : public QListView
{
    Q_OBJECT

public:
    explicit MessageListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;
    void doItemsLayout() override;
    void reset() override;

    //! How many times a row's size was asked of the delegate since the view was made: a layout
    //! of the whole list costs one per row, a new message one or two (tests count them).
    int rowsMeasured() const { return m_rowsMeasured; }
    //! The height of all rows laid out one under the other.
    int contentHeight() const { return m_tops.empty() ? 0 : m_tops.back(); }
    //! The scroll range follows the rows once per event-loop pass; this brings it up to date
    //! now (before scrolling to the bottom, say).
    void ensureScrollRange();

protected:
    void rowsInserted(const QModelIndex& parent, int first, int last) override;
    void rowsAboutToBeRemoved(const QModelIndex& parent, int first, int last) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
        const QList<int>& roles = QList<int>()) override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    QSize viewportSizeHint() const override;

private:
    //! Heights and tops mirror the model's rows; false when they must be laid out again.
    bool inStep() const;
    int rowCount() const;
    //! The row whose band holds content y \a y (clamped to the rows), or -1 without rows.
    int rowAt(int y) const;
    //! Asks the delegate for rows [first, last] (clamped), into m_heights.
    void measure(int first, int last);
    void layoutAll();
    //! Tops from \a row on, then the scroll range and a repaint where it shows.
    void shiftFrom(int row);
    void onRowsRemoved(const QModelIndex& parent, int first, int last);
    void measureChanged();

    std::vector<int> m_heights; //!< per row
    std::vector<int> m_tops; //!< per row, and the content height last
    int m_width = -1; //!< the viewport width the heights were measured at
    int m_rowsMeasured = 0;
    //! Rows whose data changed: measured on the next pass, once the delegate has dropped what it
    //! knew of them (it hears dataChanged after this view, having connected later).
    QList<QPair<QPersistentModelIndex, QPersistentModelIndex>> m_changed;
    bool m_changePending = false;
    bool m_rangePending = false; //!< the scroll range is behind the rows until the next pass
    QMetaObject::Connection m_removedConnection;
};

} // namespace WhaTrack::Ui
