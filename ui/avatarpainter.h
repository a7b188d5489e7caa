#pragma once

//! \file avatarpainter.h
//! \brief The contact avatar: initials on a circle coloured from the name (no network images
//! yet: profile pictures need the session cookie and a cache, see the report). Painted avatars
//! are cached as pixmaps in QPixmapCache (bounded by its byte limit), keyed by what they show.

#include <QRect>
#include <QString>

class QPainter;
class QPalette;

namespace WhaTrack::Ui {

//! Paints the initials avatar of \a name into \a rect (a square).
void paintAvatar(
    QPainter* painter, const QRect& rect, const QString& name, const QPalette& palette);

//! bench/views: the avatar pixmap cache on or off (on by default), to measure what it buys.
void setAvatarCaching(bool on);

} // namespace WhaTrack::Ui
