#pragma once

//! \file chiplabel.h
//! \brief A short label on a rounded tinted background (ticket status, stage).

#include <QColor>
#include <QLabel>

namespace WhaTrack::Ui {

class ChipLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ChipLabel(QWidget* parent = nullptr);
    //! The chip's accent; the background is a light tint of it over the window colour.
    void setAccent(const QColor& color);
    QColor accent() const { return m_accent; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor m_accent;
};

} // namespace WhaTrack::Ui
