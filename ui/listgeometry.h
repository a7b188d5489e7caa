#pragma once

//! \file listgeometry.h
//! \brief The row arithmetic MessageListView and UniformListView share: where a scroll hint
//! puts the scroll bar, which row a cursor key moves to, and the vertical scroll range. The
//! views differ only in where a row is (tops they keep, or row times one height); these take
//! that as numbers or a callback, so both move and scroll the same way.

#include <QAbstractItemView>

#include <functional>

namespace WhaTrack::Ui {

//! Not a view, never made: a subclass only so that its functions may name the CursorAction
//! that QAbstractItemView keeps protected.
class ListGeometry : public QAbstractItemView
{
public:
    ListGeometry() = delete;

    //! The vertical scroll value that shows the row spanning [top, top + height) in content
    //! coordinates as \a hint asks, with the viewport now at \a now and \a page pixels high.
    //! EnsureVisible keeps \a now when the row is already in full view; a row taller than the page
    //! is shown from its top. Not clamped: the scroll bar clamps to its range.
    static int scrollValueFor(ScrollHint hint, int top, int height, int now, int page);

    //! The row \a action moves the cursor to, clamped to [0, rows - 1] (\a rows > 0). \a current is
    //! the current row or -1 without one; \a atTop the row at the top of the viewport, where a
    //! step starts without a current row. \a pageRow(-1) / \a pageRow(+1) give the row a page up
    //! or down (the view knows how tall its rows are); left and right keep the row.
    static int cursorRow(CursorAction action, int current, int atTop, int rows,
        const std::function<int(int direction)>& pageRow);

    //! One scroll step a page, a vertical range that ends with the content's bottom at the
    //! viewport's bottom, and no horizontal scrolling (rows are as wide as the viewport).
    static void setContentHeight(QAbstractScrollArea* area, int contentHeight);
};

} // namespace WhaTrack::Ui
