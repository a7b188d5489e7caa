#include "ui/listgeometry.h"

#include <QAbstractScrollArea>
#include <QScrollBar>

#include <algorithm>

namespace WhaTrack::Ui {

int ListGeometry::scrollValueFor(ScrollHint hint, int top, int height, int now, int page)
{
    switch (hint) {
    case EnsureVisible:
        if (top < now || height > page)
            return top;
        if (top + height > now + page)
            return top + height - page;
        return now;
    case PositionAtTop:
        return top;
    case PositionAtBottom:
        return top + height - page;
    case PositionAtCenter:
        return top + height / 2 - page / 2;
    }
    return now;
}

int ListGeometry::cursorRow(CursorAction action, int current, int atTop, int rows,
    const std::function<int(int direction)>& pageRow)
{
    const bool hasCurrent = current >= 0;
    int row = hasCurrent ? current : atTop;
    switch (action) {
    case MoveUp:
    case MovePrevious:
        row = hasCurrent ? row - 1 : atTop;
        break;
    case MoveDown:
    case MoveNext:
        row = hasCurrent ? row + 1 : atTop;
        break;
    case MovePageUp:
        row = pageRow(-1);
        break;
    case MovePageDown:
        row = pageRow(+1);
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows - 1;
        break;
    case MoveLeft:
    case MoveRight:
        break;
    }
    return std::clamp(row, 0, rows - 1);
}

void ListGeometry::setContentHeight(QAbstractScrollArea* area, int contentHeight)
{
    const int page = area->viewport()->height();
    area->verticalScrollBar()->setPageStep(page);
    area->verticalScrollBar()->setRange(0, std::max(0, contentHeight - page));
    area->horizontalScrollBar()->setRange(0, 0);
}

} // namespace WhaTrack::Ui
