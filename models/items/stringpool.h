#pragma once

//! \file stringpool.h
//! \brief Shares the text of strings that repeat across rows (a chat's lead, conversation,
//! instance and direction ids, the message type, stage names and colours): 100,000 messages of
//! one chat then hold one copy of each instead of 100,000. Not thread-safe (one per model).

#include <QSet>
#include <QString>

namespace WhaTrack {

class StringPool
{
public:
    //! Replaces \a s by the pooled copy with the same text (implicitly shared).
    void intern(QString& s)
    {
        if (s.isEmpty())
            return;
        const auto it = m_strings.constFind(s);
        if (it != m_strings.constEnd())
            s = *it;
        else if (m_strings.size() < kMaxStrings)
            m_strings.insert(s);
    }
    void clear() { m_strings.clear(); }

private:
    static constexpr qsizetype kMaxStrings = 4096; //!< only repeated values belong here
    QSet<QString> m_strings;
};

} // namespace WhaTrack
