#pragma once

//! \file signalwatcher.h
//! \brief SIGINT/SIGTERM as a Qt signal. The handler only writes a byte to a socket pair (the
//! self-pipe trick); everything else happens in the event loop.

#include <QObject>

class QSocketNotifier;

namespace Cli {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;
    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace Cli
