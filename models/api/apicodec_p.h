#pragma once

//! \file apicodec_p.h
//! \brief Strict field readers of the REST decoder (internal to apicodec*.cpp).
//!
//! Every reader checks the JSON type against the contract (docs/api.md): an absent or `null`
//! optional field gives the empty value, a present field of another type records a Problem and
//! the whole decode fails. Numbers are range-checked before any conversion (no float -> int
//! cast of an unchecked value), times must fall in a sane range. Nothing here recurses.

#include "models/api/apitypes.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>
#include <optional>

namespace WhaTrack {
class DirectionRegistry;
}

namespace WhaTrack::Codec::detail {

using json = nlohmann::json;

//! The first thing that did not match the contract. Key names and JSON type names only: never
//! text from the body, so it is safe to log and to show in the connection report.
class Problem
{
public:
    bool failed() const { return !m_text.isEmpty(); }
    void fail(const QString& text);
    //! "<key>: expected <expected>, got <type of got>".
    void wrongType(const char* key, const char* expected, const json& got);
    //! Prefixes the path of the object being decoded ("lastMessage.", "[3].").
    void within(const QString& prefix);
    const QString& text() const { return m_text; }

private:
    QString m_text;
};

//! Checks nesting depth before parsing (see Codec::kMaxJsonDepth), then parses without
//! exceptions. A discarded json on any failure, with \a problem set.
json parse(QByteArrayView body, Problem& problem);

QString typeName(const json& j);
//! The member \a key of object \a j, nullptr when absent or `null` (or \a j is no object).
const json* field(const json& j, const char* key);
//! An object member (or nullptr when absent/null); any other type is a problem.
const json* object(const json& j, const char* key, Problem& p);
//! A string member; absent/null -> empty.
QString text(const json& j, const char* key, Problem& p);
//! A string member that must be present and non-empty (ids).
QString requiredText(const json& j, const char* key, Problem& p);
//! A string member where other types are not the contract's business (vendor hints, rawMeta):
//! anything but a string reads as empty, never a problem.
QString hint(const json& j, const char* key);
//! An integral number in [min, max]; absent/null -> std::nullopt.
std::optional<qint64> integer(const json& j, const char* key, qint64 min, qint64 max, Problem& p);
//! A count in [0, INT_MAX]; absent/null -> \a fallback.
int count(const json& j, const char* key, Problem& p, int fallback = 0);
//! A signed int (ordering); absent/null -> 0.
int ordinal(const json& j, const char* key, Problem& p);
//! A boolean; absent/null -> false.
bool flag(const json& j, const char* key, Problem& p);
//! An ISO 8601 / epoch-digits string or an epoch number within the sane range; absent/null ->
//! invalid QDateTime; unreadable or out of range -> a problem.
QDateTime time(const json& j, const char* key, Problem& p);
//! A decimal as a string or a finite number (money: |v| < 1e15); absent/null -> empty.
QString decimal(const json& j, const char* key, Problem& p);

//! Epoch milliseconds within the sane range of times the app accepts (1970 .. year 3000).
bool isSaneEpochMs(double ms);
QDateTime fromEpochNumber(double n); //!< seconds or ms (> 1e11); invalid when out of range

//! Decodes the object member \a key with \a decode, prefixing a problem with the key.
template<typename Decode> void nested(const json& j, const char* key, Problem& p, Decode decode)
{
    if (p.failed())
        return; // the prefix below must only ever name where *this* problem is
    if (const json* v = object(j, key, p)) {
        decode(*v);
        p.within(QLatin1String(key) + QLatin1Char('.'));
    }
}

// Entities (apicodec_entities.cpp). Each records the first problem in \a p; the value returned
// after a problem is partial and must be dropped.
Message message(const json& j, DirectionRegistry* directions, Problem& p);
//! For a chat's last message with no resolvable direction: Meta's raw `from`/`to`.
void resolveFromRawMeta(
    Message& m, const json& row, const QString& phone, DirectionRegistry* directions);
Stage stage(const json& j, Problem& p);
ChatItem chat(const json& j, DirectionRegistry* directions, Problem& p);
Ticket ticket(const json& j, Problem& p);
User user(const json& j, Problem& p);

} // namespace WhaTrack::Codec::detail
