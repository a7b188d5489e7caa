#pragma once

//! \file causes_p.h
//! \brief Internals shared by the files of the table of causes.

#include "models/diagnostics/causes.h"

#include <QCoreApplication>

namespace WhaTrack::Diagnostics::detail {

//! lupdate files a free tr() under the scope it is called from: the namespace, this detail
//! namespace, or Cause's members. The table's texts are looked up in each (docs/translations.md).
inline QString tr(const char* text)
{
    const QString source = QString::fromUtf8(text);
    for (const char* context : {"WhaTrack::Diagnostics", "WhaTrack::Diagnostics::detail",
             "WhaTrack::Diagnostics::Cause"}) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != source)
            return translated;
    }
    return source;
}

inline Cause row(
    const QString& id, const QString& title, const QString& cause, const QString& action)
{
    return Cause {id, title, cause, action};
}

//! Failures on the Centrifugo side name the realtime server and the WebSocket URL.
bool isRealtimeSide(Where where);
//! "the backend URL (--backend-url)" or "the WebSocket URL (--ws-url)".
QString addressWords(Where where);

Cause httpCause(const Failure& failure);
Cause centrifugoErrorCause(const Failure& failure);
Cause disconnectCause(const Failure& failure);
Cause unsubscribedCause(const Failure& failure);

} // namespace WhaTrack::Diagnostics::detail
