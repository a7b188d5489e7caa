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
    explicit NetworkMonitor(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    //! Called once the client starts connecting with `watchNetworkReachability`, on the
    //! monitor's own thread. May be called more than once.
    virtual void start() { }

Q_SIGNALS:
    //! The network became usable again (or switched medium): a waiting reconnect starts now,
    //! with a reset backoff (connecting code 5, "network changed").
    void networkAvailable();
    void networkLost();
};

} // namespace Centrifuge
