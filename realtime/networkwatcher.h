#pragma once

//! \file networkwatcher.h
//! \brief The default NetworkMonitor: reports when the network comes back, through
//! QNetworkInformation when a backend loads.
//!
//! Why: after a network switch (Ethernet -> Wi-Fi) or an outage a client can sit in a 20 s
//! backoff although the network is back (centrifuge-swift#106, centrifuge-java#73). No backend
//! (containers, CI, no NetworkManager) simply means no early reconnects; nothing else changes.

#include "realtime/networkmonitor.h"

#include <QNetworkInformation>

namespace Centrifuge {

class NetworkWatcher : public NetworkMonitor
{
    Q_OBJECT
public:
    explicit NetworkWatcher(QObject* parent = nullptr);

    //! Loads a reachability backend (on the application's thread, where QNetworkInformation must
    //! live) and starts forwarding changes. Safe to call more than once.
    void start() override;

    //! What a backend report means: networkAvailable when the network becomes usable after
    //! being down or unknown, networkLost when it goes down. Public so the mapping is testable
    //! without a backend.
    void handleReachability(QNetworkInformation::Reachability reachability);
    //! The one mapping of the platform's values: Online, Site and Local are usable.
    static Reachability reachabilityOf(QNetworkInformation::Reachability reachability);
    Reachability reachability() const override { return m_reachability; }
    //! A medium switch (Ethernet -> Wi-Fi) while usable also counts as "available": the old
    //! connection may be dead, and a waiting reconnect should not sit out its backoff.
    void handleTransportMediumChange();

private:
    void attach();
    bool m_started = false;
    bool m_attached = false;
    Reachability m_reachability = Reachability::Unknown; //!< Unknown until attached

    bool m_haveStartingPoint = false; //!< the first report is where we start, not a change
};

} // namespace Centrifuge
