#pragma once

//! \file uistyle.h
//! \brief Small palette-aware helpers shared by the delegates and widgets.

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QString>

namespace WhaTrack::Ui {

//! True when the window background is dark (dark theme): pick the light variant of accents.
bool isDarkPalette(const QPalette& palette);

//! Linear mix of two colours; `amount` 0 gives `a`, 1 gives `b`.
QColor mix(const QColor& a, const QColor& b, qreal amount);

//! A stable, pleasant colour for a contact, derived from the name (same name, same colour).
QColor avatarColor(const QString& name, bool dark);

//! Up to two initials, accent-preserving ("João Silva" -> "JS"); "#" for phone-only names.
QString initials(const QString& name);

//! A colour from a "#rrggbb" string (stage colours), or `fallback` when it does not parse.
QColor parseColor(const QString& text, const QColor& fallback);

//! Text colour that stays readable on `background`.
QColor readableTextOn(const QColor& background);

//! A transparent pixmap of `size` x `size` logical pixels at device pixel ratio 2, for the
//! small icons drawn by hand (they stay sharp on HiDPI screens).
QPixmap iconCanvas(int size);

//! A filled circle of `color` in a `size` x `size` icon, with a one-pixel margin (stage and
//! outcome dots).
QIcon dotIcon(const QColor& color, int size);

} // namespace WhaTrack::Ui
