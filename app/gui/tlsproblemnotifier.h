#pragma once

//! \file tlsproblemnotifier.h
//! \brief Tells the agent once per distinct TLS failure (REST or live updates) that the secure
//! connection failed and was not used, with the next step (--ca-cert FILE). The app never
//! ignores certificate errors; a reconnect loop repeating one failure shows one message.

#include "realtime/error.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

class QWidget;

namespace WhaTrack::Gui {

class TlsProblemNotifier : public QObject
{
    Q_OBJECT

public:
    explicit TlsProblemNotifier(QWidget* window, QObject* parent = nullptr);

    //! A realtime error is a TLS failure when its category says so (never by its text).
    static bool isTlsFailure(const Centrifuge::Error& error);

    //! Shows the message for \a where ("server:443", "live updates (host)") unless this problem
    //! was shown already, or \a signedIn is false (the sign-in dialog shows the error itself).
    //! True when a message was opened.
    bool report(const QString& where, const QStringList& errors, bool signedIn);

private:
    QPointer<QWidget> m_window;
    QSet<QString> m_shown; //!< each distinct problem is shown once, not on every retry
};

} // namespace WhaTrack::Gui
