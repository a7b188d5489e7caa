#pragma once

//! \file apicodec.h
//! \brief JSON <-> value types for the REST contract (internal to the data layer).
//!
//! Strict about types, tolerant about shape: a present field must have the contract's JSON type
//! (docs/api.md; optional fields may be absent or `null`), numbers are range-checked, times must
//! be sane, and every list row needs its id; otherwise the whole body is undecodable (a reply
//! that does not match the contract never replaces good data). Both message shapes (ticket-era
//! raw rows with `directionId`, newer rows with a `direction` name) decode, and lists may come
//! bare or wrapped (`items`, `data`, ...). Nesting deeper than kMaxJsonDepth is refused before
//! parsing and nothing recurses, so no body can exhaust the stack. Decoding never throws; an
//! undecodable body yields std::nullopt and, through \a problem, a short technical reason (key
//! names and JSON types only, never text from the body).

#include "models/api/apitypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace WhaTrack {

class DirectionRegistry;

namespace Codec {

//! Deepest nesting of objects/arrays any decode accepts (the contract needs 5).
inline constexpr int kMaxJsonDepth = 64;
//! A cheap pre-scan, no parse: the reason when \a body is larger than \a maxBytes (-1: no
//! limit) or nested deeper than kMaxJsonDepth, std::nullopt when it may be parsed.
std::optional<QString> checkJsonShape(QByteArrayView body, qsizetype maxBytes);

std::optional<QList<ChatItem>> decodeChats(
    const QByteArray& body, DirectionRegistry* directions, QString* problem = nullptr);
std::optional<MessagePage> decodeMessagePage(
    const QByteArray& body, DirectionRegistry* directions, QString* problem = nullptr);
//! Outer nullopt: undecodable. Inner nullopt: `null` (no open ticket).
std::optional<std::optional<Ticket>> decodeTicket(
    const QByteArray& body, QString* problem = nullptr);
std::optional<QList<Stage>> decodeStages(const QByteArray& body, QString* problem = nullptr);
//! Outer nullopt: undecodable. Inner nullopt: `null` (no session).
std::optional<std::optional<SessionInfo>> decodeSession(
    const QByteArray& body, QString* problem = nullptr);
std::optional<QList<Organization>> decodeOrganizations(
    const QByteArray& body, QString* problem = nullptr);
//! `{ "token": "..." }`
std::optional<QString> decodeToken(const QByteArray& body, QString* problem = nullptr);
//! The `error` (or `message`) of an error body, empty if none. Never echoes the raw body.
QString decodeErrorMessage(const QByteArray& body);

QByteArray encodeSignIn(const QString& email, const QString& password);
QByteArray encodeTicketPatch(const TicketPatch& patch);
QByteArray encodeTicketClose(
    TicketOutcome outcome, const QString& closedReason, const std::optional<QString>& dealValue);
QByteArray encodeChannel(const QString& channel);

// The local cache stores entities in the API's own (normalised) shape, so one decoder serves both.
QByteArray encodeChat(const ChatItem& chat);
QByteArray encodeMessage(const Message& message);
QByteArray encodeTicket(const Ticket& ticket);
QByteArray encodeStage(const Stage& stage);
std::optional<ChatItem> decodeChat(const QByteArray& json);
std::optional<Message> decodeMessage(const QByteArray& json);
std::optional<Stage> decodeStage(const QByteArray& json);

//! ISO 8601 (with or without ms/offset), epoch seconds or epoch ms (digits). Invalid when
//! unreadable or outside 1970 .. year 3000.
QDateTime parseTime(const QString& text);
QString formatTime(const QDateTime& time);

} // namespace Codec
} // namespace WhaTrack
