#pragma once

//! \file timeformat.h
//! \brief Human time texts used across the inbox (chat list times, countdowns, "ago").

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace WhaTrack::Ui {

class TimeFormat
{
    Q_DECLARE_TR_FUNCTIONS(TimeFormat)

public:
    //! Chat-list style: "14:32" today, "Yesterday", weekday within a week, else a short date.
    static QString listTime(const QDateTime& when, const QDateTime& now);
    //! Bubble time: "14:32" (local time).
    static QString clockTime(const QDateTime& when);
    //! Day separator: "Today", "Yesterday", "Monday", or "12 March 2025".
    static QString dayLabel(const QDate& day, const QDate& today);
    //! A compact duration: "42 s", "5 min", "1 h 05 min", "2 d 3 h". Negative is treated as 0.
    static QString duration(qint64 ms);
    //! "12 s ago" / "in 5 min" relative to now; empty for an invalid time.
    static QString relative(const QDateTime& when, const QDateTime& now);
};

} // namespace WhaTrack::Ui
