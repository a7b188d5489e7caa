#pragma once

//! \file networkmonitor.h
//! \brief Where the client learns that the network is back: an interface with a
//! QNetworkInformation implementation (NetworkWatcher) and room for the application's own.
//!
//! Why an interface: platforms have better sources than QNetworkInformation (a mobile app's
//! connectivity callbacks, a VPN client), and tests must be able to say "the network is back"
//! to prove what the client does then (ClientOptions::networkMonitor).

#include <QObject>

namespace Centrifuge {

class NetworkMonitor : public QObject
{
    Q_OBJECT
public:
    //! Whether the machine has a usable network, as far as the platform can tell. The one
    //! mapping of QNetworkInformation's values is NetworkWatcher::reachabilityOf().
    enum class Reachability {
        Unknown, //!< no backend, or the backend cannot tell
        Offline,
        Online, //!< online, or a local/site network: worth trying the server
    };
    Q_ENUM(Reachability)

    explicit NetworkMonitor(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    //! The last known reachability (Unknown before start() or without a backend).
    virtual Reachability reachability() const { return Reachability::Unknown; }

    //! Called once the client starts connecting with `watchNetworkReachability`, on the
    //! monitor's own thread. May be called more than once.
    virtual void start() { }

Q_SIGNALS:
    //! The network became usable again (or switched medium): a waiting reconnect starts now,
    //! with a reset backoff (connecting code 5, "network changed").
    void networkAvailable();
    void networkLost();
    //! Every change of reachability(), the starting point included (for a status display).
    void reachabilityChanged(Centrifuge::NetworkMonitor::Reachability reachability);
};

} // namespace Centrifuge
