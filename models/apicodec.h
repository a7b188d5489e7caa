#pragma once

//! \file apicodec.h
//! \brief JSON <-> value types for the REST contract (internal to the data layer).
//!
//! Tolerant by design: missing fields stay empty, numbers and strings are accepted for one
//! another, both message shapes (ticket-era raw rows with `directionId`, newer rows with a
//! `direction` name) decode, and lists may come bare or wrapped (`items`, `data`, ...). Decoding
//! never throws; a body that is not JSON (or not the expected container) yields std::nullopt.

#include "models/apitypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace WhaTrack {

class DirectionRegistry;

namespace Codec {

std::optional<QList<ChatItem>> decodeChats(const QByteArray& body, DirectionRegistry* directions);
std::optional<MessagePage> decodeMessagePage(const QByteArray& body, DirectionRegistry* directions);
//! Outer nullopt: undecodable. Inner nullopt: `null` (no open ticket).
std::optional<std::optional<Ticket>> decodeTicket(const QByteArray& body);
std::optional<QList<Stage>> decodeStages(const QByteArray& body);
//! Outer nullopt: undecodable. Inner nullopt: `null` (no session).
std::optional<std::optional<SessionInfo>> decodeSession(const QByteArray& body);
std::optional<QList<Organization>> decodeOrganizations(const QByteArray& body);
//! `{ "token": "..." }`
std::optional<QString> decodeToken(const QByteArray& body);
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

//! ISO 8601 (with or without ms/offset), epoch seconds or epoch ms (number or string).
QDateTime parseTime(const QString& text);
QString formatTime(const QDateTime& time);

} // namespace Codec
} // namespace WhaTrack
