#pragma once

//! \file framelog.h
//! \brief Frame dumps for the inbox.realtime.protocol category, safe to paste in a bug report:
//! tokens are replaced by "<redacted>" and payloads (`data`, `info`...) by their size.

#include <QByteArray>
#include <QByteArrayView>

namespace Centrifuge {

//! The frame with secrets and message bodies removed, line by line. Lines that are not JSON are
//! replaced by their length. Cost is only paid when the protocol category is enabled.
QByteArray redactFrame(QByteArrayView frame);

//! Logs \a frame at debug level in inbox.realtime.protocol when that is enabled.
void logFrame(const char* direction, QByteArrayView frame);

} // namespace Centrifuge
