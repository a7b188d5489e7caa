#pragma once

//! \file causes_p.h
//! \brief Internals shared by the files of the table of causes.

#include "models/diagnostics/causes.h"

#include <QCoreApplication>

namespace WhaTrack::Diagnostics::detail {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("WhaTrack::Diagnostics", text);
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
