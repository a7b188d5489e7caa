#pragma once

//! \file avatarwidget.h
//! \brief A fixed-size initials avatar (conversation header).

#include <QWidget>

namespace WhaTrack::Ui {

class AvatarWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AvatarWidget(int size, QWidget* parent = nullptr);
    void setName(const QString& name);
    QString name() const { return m_name; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_name;
};

} // namespace WhaTrack::Ui
