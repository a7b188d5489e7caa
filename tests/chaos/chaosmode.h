#pragma once

//! \file chaosmode.h
//! \brief Short form (CI, scripts/test) or long form (INBOX_CHAOS_LONG=1) of a chaos test, and
//! the sequence checker every stream test uses.

#include <QList>
#include <QSet>
#include <QString>
#include <QtGlobal>

namespace Chaos {

//! INBOX_CHAOS_LONG=1 runs the long forms (docs/reliability.md); anything else the short forms.
inline bool longForm()
{
    return qEnvironmentVariableIntValue("INBOX_CHAOS_LONG") == 1;
}

//! Picks the short or the long value.
template<typename T> T pick(T shortValue, T longValue)
{
    return longForm() ? longValue : shortValue;
}

//! Follows one receiver's stream of sequence numbers and `subscribed` events.
//! A gap (seq > last + 1) is allowed only when a `subscribed` with recovered=false came since
//! the previous publication: that is the receiver's cue to refetch everything.
class SeqChecker
{
public:
    //! \a wasRecovering: the receiver asked to recover (every subscribe after the first).
    void subscribed(bool wasRecovering, bool recovered)
    {
        ++m_subscribes;
        if (!recovered) {
            m_resyncCue = true;
            if (wasRecovering)
                ++m_notRecovered;
        }
    }
    void publication(qint64 seq)
    {
        if (m_seen.contains(seq)) {
            ++m_duplicates;
        } else if (seq < m_last) {
            ++m_outOfOrder;
        } else if (m_last > 0 && seq > m_last + 1) {
            ++m_gaps;
            if (!m_resyncCue)
                ++m_gapsWithoutResync;
        }
        m_seen.insert(seq);
        m_last = qMax(m_last, seq);
        m_resyncCue = false;
    }
    //! Sequence numbers in [first, last] that never arrived.
    qint64 lost(qint64 first, qint64 last) const
    {
        qint64 n = 0;
        for (qint64 s = first; s <= last; ++s)
            n += m_seen.contains(s) ? 0 : 1;
        return n;
    }
    qint64 last() const { return m_last; }
    qint64 received() const { return m_seen.size(); }
    int duplicates() const { return m_duplicates; }
    int outOfOrder() const { return m_outOfOrder; }
    int gaps() const { return m_gaps; }
    int gapsWithoutResync() const { return m_gapsWithoutResync; }
    int subscribes() const { return m_subscribes; }
    int notRecovered() const { return m_notRecovered; }
    QString summary(qint64 first, qint64 last) const
    {
        return QStringLiteral("received %1, lost %2, duplicated %3, out of order %4, gaps %5 "
                              "(%6 without recovered=false), subscribes %7 (%8 not recovered)")
            .arg(received())
            .arg(lost(first, last))
            .arg(m_duplicates)
            .arg(m_outOfOrder)
            .arg(m_gaps)
            .arg(m_gapsWithoutResync)
            .arg(m_subscribes)
            .arg(m_notRecovered);
    }

private:
    QSet<qint64> m_seen;
    qint64 m_last = 0;
    bool m_resyncCue = false;
    int m_duplicates = 0;
    int m_outOfOrder = 0;
    int m_gaps = 0;
    int m_gapsWithoutResync = 0;
    int m_subscribes = 0;
    int m_notRecovered = 0;
};

} // namespace Chaos
