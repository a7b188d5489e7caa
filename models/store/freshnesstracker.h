#pragma once

//! \file freshnesstracker.h
//! \brief What fetch outcomes say about freshness (is the server reachable, the last failed
//! refresh) and the Freshness last published.
//!
//! Why its own object: the badge the agent trusts is fed from four places (fetch outcomes, any
//! response, the network coming back, an organization switch) and must change only when its
//! state or reason does; here that is testable without a store. The rule itself is
//! computeFreshnessState() (freshness.h).

#include "models/api/apierror.h"
#include "models/store/freshness.h"
#include "models/store/querykey.h"

namespace WhaTrack {

class FreshnessTracker
{
public:
    //! A fetch ended. A connectivity error makes the server unreachable; another error (not a
    //! sign-in one, which has its own flow) becomes the last error, until the unfiltered chat
    //! list is fetched again.
    void noteFetch(const QueryKey& key, bool ok, const ApiError& error);
    //! The server answered something: returns true when it was thought unreachable.
    bool noteServerReached();
    //! An organization switch: its errors are not the next one's.
    void clearError() { m_lastError.clear(); }
    bool serverReachable() const { return m_serverReachable; }

    //! Computes the freshness from \a in (reachability and last error filled in from here), or
    //! "Not signed in" without \a signedIn. Returns true when the state or the reason changed;
    //! current() is then the new one, dated \a now.
    bool update(FreshnessInputs in, bool signedIn, const QDateTime& now);
    const Freshness& current() const { return m_current; }

private:
    bool m_serverReachable = true;
    QString m_lastError;
    Freshness m_current;
};

} // namespace WhaTrack
