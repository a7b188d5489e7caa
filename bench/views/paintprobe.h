#pragma once

//! \file paintprobe.h
//! \brief What bench_views measures on the GUI thread: a 60 Hz heartbeat (the interval between
//! its ticks is the frame interval an animation would get) and, through the delegates' paint
//! hooks, the moment a published message is first painted in a row.

#include <QElapsedTimer>
#include <QList>
#include <QModelIndex>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace BenchViews {

//! Intervals between ticks of a 60 Hz precise timer on the GUI thread, in ms.
class Heartbeat : public QObject
{
public:
    Heartbeat();
    void start();
    QList<double> stop();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_intervals;
};

//! Publication -> painted row. The publisher stamps bodies "t=<CLOCK_MONOTONIC ns>"; the first
//! paint of a row showing a given stamp records now - stamp. Detected in the delegates' paint
//! (ChatListDelegate/MessageDelegate::setPaintHook), never by polling the models.
class PaintLatency
{
public:
    //! Installs the hooks into the real delegates (one instance at a time).
    void install();
    void uninstall();
    void clear();
    //! For the peer's own delegate: a painted row whose text is \a text.
    void sawText(const QString& text, bool chatRow);

    QList<double> chatRows, messages;
    int paints = 0; //!< rows painted while installed
    bool firstRowPainted = false;
    qint64 firstRowNs = 0; //!< CLOCK_MONOTONIC of the first painted chat row

private:
    QSet<qint64> m_seenChat, m_seenMessage;
};

PaintLatency* currentLatency();

} // namespace BenchViews
