#pragma once

//! \file uniformlistview.h
//! \brief The chat list: a QListView whose rows all have the height of the first, so where a
//! row is needs no layout at all (row r starts at r times the height).
//!
//! QListView lays out every row again after a moved, inserted or removed row, even with
//! uniformItemSizes (it builds its flow positions row by row): with 20,000 chats and a row
//! moving to the top per publication, that walk ran once per event-loop pass of a storm. This
//! view asks the delegate for one row's size (on a new model, a reset, a resize or
//! sizeHintChanged) and computes the rest. Still a QListView: accessibility, selection, keys
//! and tooltips are Qt's.

#include <QElapsedTimer>
#include <QListView>
#include <QPersistentModelIndex>
#include <QTimer>

namespace WhaTrack::Ui {

class UniformListView : public QListView
{
    Q_OBJECT

public:
    explicit UniformListView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;
    void doItemsLayout() override;
    void reset() override;

    //! The height of every row, as the delegate gives it for the first (0 without rows).
    int rowHeight() const { return m_rowHeight; }
    //! Full layouts (one delegate size each) since the view was made: tests count them.
    int layouts() const { return m_layouts; }

protected:
    void rowsInserted(const QModelIndex& parent, int first, int last) override;
    void rowsAboutToBeRemoved(const QModelIndex& parent, int first, int last) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
        const QList<int>& roles = QList<int>()) override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    QSize viewportSizeHint() const override;

private:
    int rowCount() const;
    int rowAt(int y) const;
    void measure();
    //! The scroll range, and a repaint from row \a row down where it shows.
    void changedFrom(int row);
    void setHover(const QModelIndex& index);
    //! Rows changed by the model are repainted at most once per frame (16 ms): under a storm a
    //! chat moves to the top every event-loop pass, and each move shifts every row on screen.
    void scheduleRepaint();

    int m_rowHeight = 0;
    int m_layouts = 0;
    QPersistentModelIndex m_hover;
    QTimer m_repaint;
    QElapsedTimer m_lastPaint;
    QMetaObject::Connection m_removedConnection;
};

} // namespace WhaTrack::Ui
