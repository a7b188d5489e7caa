#pragma once

//! \file systemevents.h
//! \brief The operating system's "the machine slept and woke up" turned into a resync: on Linux
//! logind's PrepareForSleep signal over D-Bus (when built with QtDBus). After a sleep the socket
//! may look open while the server forgot us long ago, and publications of the sleep are lost:
//! InboxStore::handleSystemResume() reconnects and refetches at once instead of waiting for the
//! ping watchdog. Network changes are watched by the realtime client itself
//! (ClientOptions::watchNetworkReachability) and by the app's QNetworkInformation hook.

#include <QObject>
#include <QString>

namespace WhaTrack {

class InboxStore;

class SystemEvents : public QObject
{
    Q_OBJECT

public:
    explicit SystemEvents(QObject* parent = nullptr);
    ~SystemEvents() override;

    //! Starts watching logind on the system bus, or on the bus at \a busAddress (tests run a
    //! private dbus-daemon). False (and logged) where D-Bus or logind is not available: the
    //! app then relies on the ping watchdog alone.
    bool watchSleep(const QString& busAddress = {});
    bool isWatching() const { return m_watching; }
    //! resumed() -> \a store->handleSystemResume() (on the store's thread).
    void attach(InboxStore* store);

Q_SIGNALS:
    void aboutToSleep();
    void resumed();

private Q_SLOTS:
    void prepareForSleep(bool sleeping);

private:
    bool m_watching = false;
    QString m_connectionName;
};

} // namespace WhaTrack
