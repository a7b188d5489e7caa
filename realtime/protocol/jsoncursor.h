#pragma once

//! \file jsoncursor.h
//! \brief Internal: walks one parsed JSON line field by field (not public API).
//!
//! The line is parsed and validated by simdjson into a JsonTape (no DOM); the decoder then
//! reads it with this cursor straight into the protocol structs. Raw JSON values (`data`,
//! `info`...) are the exact bytes the server sent, minus whitespace between tokens: key order,
//! number spelling, escapes and integers beyond 64 bits pass through untouched.
//!
//! Errors throw JsonCursor::Failure; the codec catches it at its boundary (nothing escapes
//! into Qt). Parsing happens up front, so malformed JSON fails before any field is read.

#include "realtime/protocol/jsontape.h"

#include <QByteArray>
#include <QString>

#include <string_view>

namespace Centrifuge::Protocol {

class JsonCursor
{
public:
    //! Why decoding stopped. Both strings are static; neither contains input data.
    struct Failure
    {
        const char* field;
        const char* problem;
    };

    static constexpr int MaxDepth = JsonTape::MaxDepth;

    //! Parses [first, last) into \a tape (reused to keep its memory) or throws "invalid JSON".
    JsonCursor(JsonTape& tape, const char* first, const char* last);

    //! The first character of the next value ('{', '[', '"', 't', 'f', 'n', '-' or a digit),
    //! 0 at the end.
    char peek() const;
    //! Consumes a `null` if that is what comes next.
    bool takeNull();

    //! Expects '{' (else throws \a field: "expected an object").
    void beginObject(const char* field);
    //! The next member's key, or false after the closing '}'. The view stays valid as long as
    //! the tape.
    bool nextKey(std::string_view& key);
    //! Expects '['.
    void beginArray(const char* field);
    //! True if another element follows, false after the closing ']'.
    bool nextElement();

    //! Skips one value of any type.
    void skipValue();
    //! The raw text of the next value (compact), empty for `null`.
    QByteArray rawValue();

    // Typed reads: `null` leaves \a out untouched (not sent); another type throws.
    void readString(const char* field, QString& out);
    //! The UTF-8 bytes of a string, false for `null`.
    bool readStringBytes(const char* field, std::string_view& out);
    void readBool(const char* field, bool& out);
    void readUnsigned(const char* field, quint64 max, quint64& out);
    void readSigned(const char* field, qint64 min, qint64 max, qint64& out);

    //! Everything has been read.
    void expectEnd();

    [[noreturn]] static void fail(const char* field, const char* problem);

private:
    const JsonToken& current() const;
    //! Consumes a token of \a kind or throws \a field: \a problem (after skipping the value).
    const JsonToken& take(JsonToken::Kind kind, const char* field, const char* problem);

    const JsonTape& m_tape;
    const JsonToken* m_tokens;
    quint32 m_index = 0;
    quint32 m_count;
};

} // namespace Centrifuge::Protocol
