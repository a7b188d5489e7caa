#pragma once

//! \file fossil.h
//! \brief Fossil delta compression (the format of fossil-scm's delta.c) as Centrifugo uses it.
//!
//! A delta is: the target length as a base-64 integer and '\n', then commands:
//! `N@O,` copy N bytes of the base from offset O, `N:bytes` insert the N bytes that follow,
//! `C;` end, where C is the checksum of the target. Integers use the digits
//! `0-9 A-Z _ a-z ~` (values 0-63), most significant first.
//!
//! apply() never reads outside its inputs and never allocates more than the delta can produce:
//! any malformed, truncated or inconsistent delta is an error, not a crash.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Centrifuge::Fossil {

//! Largest target apply() accepts (a delta may claim any size in its header).
inline constexpr qsizetype MaxTargetSize = 64 * 1024 * 1024;

enum class Error {
    None,
    BadHeader, //!< no target length, or it is not followed by '\n'
    TooLarge, //!< the claimed length exceeds MaxTargetSize or what the delta can produce
    BadCommand, //!< unknown operator, missing ',' after a copy, integer overflow
    CopyOutOfRange, //!< a copy reads past the end of the base
    InsertTooLong, //!< an insert claims more bytes than the delta holds
    SizeMismatch, //!< the output is longer or shorter than the header said
    BadChecksum, //!< the checksum of the output is not the one in the delta
    Unterminated, //!< the delta ends without ';'
};

//! A short description of \a error for logs (never contains payload data).
QString errorString(Error error);

//! Applies \a delta to \a base. Returns the target, or nullopt with \a error set.
std::optional<QByteArray> apply(QByteArrayView base, QByteArrayView delta, Error* error = nullptr);

//! The target length a delta announces in its header, or -1 if the header is malformed.
qsizetype outputSize(QByteArrayView delta);

//! A delta that turns \a base into \a target (for tests, fuzzing and benchmarks; the server
//! makes the deltas a client applies).
QByteArray create(QByteArrayView base, QByteArrayView target);

//! The fossil checksum: the sum, modulo 2^32, of the data read as big-endian 32-bit words
//! (the last word zero-padded).
quint32 checksum(QByteArrayView data);

} // namespace Centrifuge::Fossil
