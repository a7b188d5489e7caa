#include "ui/diagnosticsicons.h"

#include "ui/connectionstatus.h"
#include "ui/uistyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace WhaTrack::Ui {

using WhaTrack::Diagnostics::StepStatus;
using Tone = ConnectionStatusView::Tone;

QColor stepStatusColor(StepStatus status, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    switch (status) {
    case StepStatus::Ok:
        return ConnectionStatusPresenter::toneColor(Tone::Good, dark);
    case StepStatus::Failed:
        return ConnectionStatusPresenter::toneColor(Tone::Error, dark);
    case StepStatus::Warning:
        return ConnectionStatusPresenter::toneColor(Tone::Warning, dark);
    case StepStatus::Running:
        return palette.color(QPalette::Highlight);
    case StepStatus::Skipped:
    case StepStatus::Pending:
        break;
    }
    return ConnectionStatusPresenter::toneColor(Tone::Neutral, dark);
}

QString stepStatusWords(StepStatus status)
{
    switch (status) {
    case StepStatus::Ok:
        return QCoreApplication::translate("Diagnostics", "ok");
    case StepStatus::Failed:
        return QCoreApplication::translate("Diagnostics", "failed");
    case StepStatus::Warning:
        return QCoreApplication::translate("Diagnostics", "warning");
    case StepStatus::Skipped:
        return QCoreApplication::translate("Diagnostics", "skipped");
    case StepStatus::Running:
        return QCoreApplication::translate("Diagnostics", "running");
    case StepStatus::Pending:
        break;
    }
    return QCoreApplication::translate("Diagnostics", "waiting");
}

QPixmap stepStatusPixmap(StepStatus status, int size, const QPalette& palette)
{
    QPixmap pm = iconCanvas(size);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = stepStatusColor(status, palette);
    const qreal s = size;
    const QRectF box(1, 1, s - 2, s - 2);
    QPen mark(Qt::white, s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case StepStatus::Ok: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(mark);
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.73, s * 0.35);
        p.setBrush(Qt::NoBrush);
        p.drawPath(check);
        break;
    }
    case StepStatus::Failed:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(box);
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case StepStatus::Warning: {
        QPainterPath triangle;
        triangle.moveTo(s / 2, 1.5);
        triangle.lineTo(s - 1.5, s - 2);
        triangle.lineTo(1.5, s - 2);
        triangle.closeSubpath();
        p.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(color);
        p.drawPath(triangle);
        p.setPen(mark);
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.62));
        p.drawPoint(QPointF(s / 2, s * 0.76));
        break;
    }
    case StepStatus::Skipped:
        p.setPen(QPen(color, s / 10.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        p.drawLine(QPointF(s * 0.32, s / 2), QPointF(s * 0.68, s / 2));
        break;
    case StepStatus::Running:
        p.setPen(QPen(color, s / 8.0));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QPointF(s / 2, s / 2), s / 6.0, s / 6.0);
        break;
    case StepStatus::Pending:
        p.setPen(QPen(color, s / 12.0, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(box.adjusted(1, 1, -1, -1));
        break;
    }
    return pm;
}

} // namespace WhaTrack::Ui
