#pragma once

//! \file searchdebounce.h
//! \brief The chat search's server query: asked once typing pauses, never twice for one text.
//!
//! Why its own object: typing filters the rows at once, but each server search costs the
//! backend a scan, so the query waits for a pause in typing and is not repeated for the text it
//! already asked; that rule is testable here with a ManualClock, without a store.

#include "models/store/clock.h"

#include <QString>

#include <functional>

namespace WhaTrack {

class SearchDebounce
{
public:
    //! Switches the server query to \a search (empty: no server search).
    using Query = std::function<void(const QString& search)>;

    SearchDebounce(Clock* clock, qint64 pauseMs, Query query);
    ~SearchDebounce();
    SearchDebounce(const SearchDebounce&) = delete;
    SearchDebounce& operator=(const SearchDebounce&) = delete;

    //! The agent typed \a text: text() changes now, the server query once typing pauses.
    void type(const QString& text);
    //! The text typed last, trimmed (what the rows are filtered by).
    const QString& text() const { return m_text; }
    //! Switches the server query to text() now, unless it already is.
    void queryNow();
    //! The server query was dropped (organization switch): the next queryNow() asks again.
    void forgetQuery() { m_queried.clear(); }

private:
    Clock* m_clock;
    qint64 m_pauseMs;
    Query m_query;
    QString m_text;
    QString m_queried; //!< the text whose server query is observed
    Clock::TimerId m_timer = 0;
};

} // namespace WhaTrack
