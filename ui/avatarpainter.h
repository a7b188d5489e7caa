#pragma once

//! \file avatarpainter.h
//! \brief The contact avatar: initials on a circle coloured from the name (no network images
//! yet: profile pictures need the session cookie and a cache, see the report).

#include <QRect>
#include <QString>

class QPainter;
class QPalette;

namespace WhaTrack::Ui {

//! Paints the initials avatar of \a name into \a rect (a square).
void paintAvatar(
    QPainter* painter, const QRect& rect, const QString& name, const QPalette& palette);

} // namespace WhaTrack::Ui
