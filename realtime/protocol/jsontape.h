#pragma once

//! \file jsontape.h
//! \brief Internal: one JSON line parsed by nlohmann/json into a flat token tape (not public API).
//!
//! nlohmann's SAX parser does all the lexing and validation (RFC 8259 grammar, escapes, UTF-8
//! incl. surrogates and overlongs, nothing after the value). No DOM is built: every SAX event
//! becomes one JsonToken that also knows where its text sits in the line, so a raw value such
//! as a publication's `data` is a slice of what the server sent (key order, number spelling and
//! escapes untouched) instead of a re-serialised tree. JsonCursor walks the tape.

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace Centrifuge::Protocol {

struct JsonToken
{
    enum Kind : quint8 {
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Key,
        String,
        Unsigned, //!< a non-negative integer that fits 64 bits
        Signed, //!< a negative integer that fits 64 bits
        Float, //!< any other number, integers beyond 64 bits included
        True,
        False,
        Null,
    };

    Kind kind;
    bool textInSource = false; //!< Key/String: text is the source slice (no escapes to undo)
    quint32 sourceBegin = 0; //!< first byte of the value in the line
    quint32 sourceEnd = 0; //!< past its last byte; for Begin*, past the matching End*
    quint32 next = 0; //!< index of the token after this whole value
    union {
        quint64 u;
        qint64 i;
        struct
        {
            quint32 offset; //!< Key/String: into the source or into JsonTape::m_text
            quint32 length;
        } text;
    } value {};
};

class JsonTape
{
public:
    static constexpr int MaxDepth = 256;

    //! Parses [first, last). On failure returns false and sets \a problem to a static string
    //! that never quotes the input. The tape refers to the bytes; keep them alive.
    bool parse(const char* first, const char* last, const char** problem);

    const std::vector<JsonToken>& tokens() const { return m_tokens; }
    const char* source() const { return m_source; }
    //! Whitespace appeared between tokens (raw values then need compacting).
    bool hasSpace() const { return m_hasSpace; }
    std::string_view text(const JsonToken& token) const
    {
        const char* base = token.textInSource ? m_source : m_text.data();
        return {base + token.value.text.offset, token.value.text.length};
    }

private:
    friend class JsonTapeBuilder;

    std::vector<JsonToken> m_tokens;
    std::string m_text; //!< unescaped strings that differ from their source text
    const char* m_source = nullptr;
    bool m_hasSpace = false;
};

} // namespace Centrifuge::Protocol
