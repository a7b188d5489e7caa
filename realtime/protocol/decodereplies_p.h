// Internal to the codec: the decoders of replies and of the values pushes share with them
// (client info, publications, connect results). codec.cpp reads lines and pushes with these;
// decodereplies.cpp holds them so that neither file carries the whole protocol.
#pragma once

#include "realtime/protocol/jsoncursor.h"
#include "realtime/protocol/messages.h"

#include <limits>
#include <string_view>
#include <type_traits>

namespace Centrifuge::Protocol::Detail {

using Key = std::string_view;
using Cursor = JsonCursor;

template<typename T> inline void readUnsigned(Cursor& in, const char* field, T& out)
{
    static_assert(std::is_unsigned_v<T>);
    quint64 v = out;
    in.readUnsigned(field, std::numeric_limits<T>::max(), v);
    out = static_cast<T>(v);
}

template<typename T> inline void readSigned(Cursor& in, const char* field, T& out)
{
    static_assert(std::is_signed_v<T>);
    qint64 v = out;
    in.readSigned(field, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), v);
    out = static_cast<T>(v);
}

inline QString keyString(Key key)
{
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

ClientInfo decodeClientInfo(Cursor& in);
Publication decodePublication(Cursor& in);
ConnectResult decodeConnectResult(Cursor& in);
//! Index of \a key among the reply's result fields, -1 if it is not one.
int resultRank(Key key);
Result decodeResult(Cursor& in, int rank);
Error decodeError(Cursor& in);
//! The client info inside a join or leave push (\a field names it in errors).
ClientInfo decodeInfoHolder(Cursor& in, const char* field);
//! `{expires, ttl}` of a subscription refresh, as a reply and as a push carry it.
SubRefreshResult decodeSubRefresh(Cursor& in, const char* field);

} // namespace Centrifuge::Protocol::Detail
