#pragma once

//! \file phonedigits.h
//! \brief The digits of a phone number as typed or sent ("+55 (61) 95871-8496" -> "5561958718496"):
//! the form search and the direction inference compare numbers in.

#include <QString>

namespace WhaTrack {

inline QString phoneDigits(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.isDigit())
            out += c;
    }
    return out;
}

} // namespace WhaTrack
