#pragma once

//! \file singleinstance.h
//! \brief One running inbox per user and profile: a second launch asks the first to raise its
//! window and exits; and one process per cache file, whatever the profile.
//!
//! The first instance listens on a local socket (a Unix socket in the runtime folder, a named
//! pipe on Windows) whose name is derived from the user and the profile (the app's data
//! folder, which holds the cache: another XDG_DATA_HOME is another profile). A later launch
//! connects, sends "raise" and exits 0. The listening socket is readable by the user only
//! (QLocalServer::UserAccessOption).
//!
//! Independently, CacheLock holds a lock file next to the SQLite cache for the life of the
//! process, so even a second profile or --local-cache pointing at the same file never opens it
//! twice.

#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;

namespace WhaTrack::Gui {

class SingleInstance : public QObject
{
    Q_OBJECT

public:
    //! \a key names the user + profile (see defaultKey()).
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    //! The key for this user and the current data folder.
    static QString defaultKey();
    //! The local socket name for \a key (hashed: socket names have a short length limit).
    static QString serverName(const QString& key);

    //! Becomes the primary instance (true) or, if another instance answers, asks it to raise
    //! its window and returns false. A stale socket left by a crash is removed and taken over.
    bool claim(int timeoutMs = 2000);
    bool isPrimary() const { return m_server != nullptr; }

Q_SIGNALS:
    //! Another launch asked this instance to show its window.
    void raiseRequested();

private:
    void onNewConnection();

    QString m_name;
    QLocalServer* m_server = nullptr;
};

//! A lock file beside \a cachePath held while the object lives.
class CacheLock
{
public:
    explicit CacheLock(const QString& cachePath);
    //! False if another process holds the cache (it is left alone).
    bool tryLock();

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace WhaTrack::Gui
