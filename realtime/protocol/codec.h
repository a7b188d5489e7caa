#pragma once

//! \file codec.h
//! \brief Encode commands and decode server frames. Pure functions, no I/O, no exceptions escape.

#include "realtime/protocol/messages.h"

#include <QByteArrayView>

namespace Centrifuge::Protocol {

//! Why a line of a frame could not be decoded. Never fatal to the codec itself: the client
//! decides (it closes the transport with "bad protocol").
struct DecodeError
{
    qsizetype line = 0; //!< 0-based index of the offending line within the frame
    QString message; //!< human-readable, never contains payload data
};

struct DecodedFrame
{
    std::vector<ServerMessage> messages; //!< every line decoded before the first error, in order
    std::optional<DecodeError> error;
};

//! Splits \a frame on '\n' and decodes each non-empty line. Unknown fields are ignored; 64-bit
//! offsets are read exactly. Decoding stops at the first malformed line.
DecodedFrame decodeFrame(QByteArrayView frame);

//! One command as a compact JSON object (no trailing newline).
QByteArray encodeCommand(const Command& command);

//! Several commands in one frame, joined with '\n' (the server splits them).
QByteArray encodeCommands(const std::vector<Command>& commands);

//! The pong the client sends in answer to a server ping.
inline QByteArray encodePong()
{
    return QByteArrayLiteral("{}");
}

} // namespace Centrifuge::Protocol
