#pragma once

//! \file connectionstatus.h
//! \brief Pure state -> text/colour mapping of the connection pill, with Telegram's debounce.
//!
//! No widgets: `describe()` is a function of a ConnectionSnapshot and "now", so every state and
//! every debounce rule can be tested with a fake clock.

#include "models/diagnostics/causes.h"
#include "ui/connectionsnapshot.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace WhaTrack::Ui {

//! What the pill shows.
struct ConnectionStatusView
{
    enum class Kind {
        Hidden, //!< start grace: nothing worth saying yet
        Online, //!< connected and fresh
        //! An attempt is running, the wait is too short for a countdown, or the socket is up
        //! but a required channel is not subscribed yet (never "Online" before all are).
        Connecting,
        Reconnecting, //!< waiting for the next attempt: "Reconnecting in N s" + Try now
        NoNetwork, //!< the OS says there is no network
        SignedOut, //!< token or session rejected (401): sign in again
        ChannelError, //!< a subscription was refused (102 unknown channel, 103 denied)
        Disconnected, //!< terminal disconnect for another reason (server said do not reconnect)
        Stale, //!< socket up but the data may have gaps: Resync
        TokenProblem, //!< socket up but the token route fails: it will drop at expiry
    };
    enum class Tone { Neutral, Good, Busy, Warning, Error };
    enum class Action { None, TryNow, Resync, SignIn, Reconnect, Details };

    Kind kind = Kind::Hidden;
    Tone tone = Tone::Neutral;
    QString text; //!< short, plain language
    QString toolTip; //!< the cause, with codes
    //! The table's explanation of what is wrong (empty when nothing is): the tooltip's words,
    //! and the panel's header, so both say the same thing.
    WhaTrack::Diagnostics::Cause cause;
    Action action = Action::None;
    QString actionText;
    int secondsToRetry = -1;
    //! True while the text depends on time (countdown, pending debounce): refresh every 200 ms.
    bool timeDependent = false;
};

class ConnectionStatusPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStatusPresenter)

public:
    // Telegram Desktop's constants (window_connecting_widget.cpp).
    static constexpr qint64 kIgnoreStartConnectingForMs = 3000;
    static constexpr qint64 kConnectingStateDelayMs = 1000;
    static constexpr qint64 kMinimalWaitingStateDurationMs = 4000;
    static constexpr int kRefreshIntervalMs = 200;

    //! The pill for `snapshot` at monotonic time `nowMs`.
    static ConnectionStatusView describe(const ConnectionSnapshot& snapshot, qint64 nowMs);

    //! The pill colour of a tone; `dark` selects the variant readable on a dark palette.
    static QColor toneColor(ConnectionStatusView::Tone tone, bool dark);

    //! Plain-language name of a Centrifugo/SDK code seen in connecting/disconnected events.
    static QString describeCode(int code);

private:
    static std::optional<ConnectionStatusView> terminalView(const ConnectionSnapshot& s);
    static ConnectionStatusView connectingView(const ConnectionSnapshot& s, qint64 nowMs);
    static ConnectionStatusView connectedView(const ConnectionSnapshot& s, qint64 nowMs);
};

} // namespace WhaTrack::Ui
