#pragma once

//! \file tokenstatus.h
//! \brief How the last connection-token fetch went and when the token expires, for the
//! connection panel. The observer never sees the token itself.

#include "models/api/backendtokenprovider.h"

namespace WhaTrack::Ui {
class ConnectionMonitor;
}

namespace WhaTrack::Gui {

//! An observer for BackendTokenProvider::setObserver(). It runs on the realtime or the API
//! thread: only the outcome and the expiry are queued to \a monitor's thread.
BackendTokenProvider::Observer tokenFetchObserver(Ui::ConnectionMonitor* monitor);

} // namespace WhaTrack::Gui
