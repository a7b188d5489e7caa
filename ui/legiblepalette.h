#pragma once

//! \file legiblepalette.h
//! \brief Text that stays legible on light and dark palettes: WCAG contrast, a colour nudged
//! until it reaches 4.5:1 on its background, and the application palette's PlaceholderText (the
//! app's "secondary text" role) kept legible whatever the desktop's theme sets (dark themes often
//! give half-transparent white, about 3:1 on their window colour).

#include <QColor>
#include <QPalette>

namespace WhaTrack::Ui {

//! WCAG 2 contrast ratio of two opaque colours, 1 to 21.
qreal contrastRatio(const QColor& a, const QColor& b);

//! \a color (composited over \a background when translucent), moved away from the background's
//! lightness just enough to reach \a minimum contrast (4.5:1 is WCAG AA for body text).
QColor legibleOn(const QColor& color, const QColor& background, qreal minimum = 4.5);

//! \a palette with PlaceholderText legible on Window, Base and AlternateBase (Active and
//! Inactive groups); other roles untouched.
QPalette legiblePalette(const QPalette& palette);

//! Applies legiblePalette() to the application palette now and whenever it changes (the
//! desktop switching to a dark theme). Idempotent.
void keepApplicationPaletteLegible();

} // namespace WhaTrack::Ui
