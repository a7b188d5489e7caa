#include "ui/avatarwidget.h"

#include "ui/avatarpainter.h"

#include <QPainter>

namespace WhaTrack::Ui {

AvatarWidget::AvatarWidget(int size, QWidget* parent)
    : QWidget(parent)
{
    setFixedSize(size, size);
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void AvatarWidget::setName(const QString& name)
{
    if (name == m_name)
        return;
    m_name = name;
    setAccessibleName(name);
    update();
}

void AvatarWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    paintAvatar(&p, rect(), m_name, palette());
}

} // namespace WhaTrack::Ui
