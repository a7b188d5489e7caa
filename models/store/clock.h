#pragma once

//! \file clock.h
//! \brief The models' name for the one clock, Centrifuge::Clock (realtime/clock.h): the query
//! cache, the watchdog, the ticket countdown and the token cache take a `Clock*`, tests hand
//! them a tests/support/manualclock.h. Not a second clock: the same type under the models'
//! namespace, so the models' code reads `Clock`.

#include "realtime/clock.h"

namespace WhaTrack {
using Centrifuge::Clock;
using Centrifuge::SystemClock;
} // namespace WhaTrack
