#pragma once

//! \file networkwatcher.h
//! \brief Reports when the network comes back, through QNetworkInformation when a backend loads.
//!
//! Why: after a network switch (Ethernet -> Wi-Fi) or an outage a client can sit in a 20 s
//! backoff although the network is back (centrifuge-swift#106, centrifuge-java#73). No backend
//! (containers, CI, no NetworkManager) simply means no early reconnects; nothing else changes.

#include <QObject>

namespace Centrifuge {

class NetworkWatcher : public QObject
{
    Q_OBJECT
public:
    explicit NetworkWatcher(QObject* parent = nullptr);

    //! Loads a reachability backend (on the application's thread, where QNetworkInformation must
    //! live) and starts forwarding changes. Safe to call more than once.
    void start();

Q_SIGNALS:
    //! The network became reachable again (online, or at least a local/site network).
    void networkAvailable();
    void networkLost();

private:
    void attach();
    bool m_started = false;
    bool m_attached = false;
    int m_lastReachability = -1;
};

} // namespace Centrifuge
