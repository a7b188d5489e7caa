#pragma once

//! \file jsontape.h
//! \brief Internal: one JSON line parsed by simdjson into a flat token tape (not public API).
//!
//! simdjson (On-Demand) does the lexing and validation: UTF-8, string escapes, number syntax,
//! structure, nothing after the value. On-Demand only checks what is read, so the builder reads
//! every value once, depth first, and records each as one JsonToken that also knows where its
//! text sits in the line: a raw value such as a publication's `data` is then a slice of what the
//! server sent (key order, number spelling and escapes untouched), never a re-serialised tree.
//! JsonCursor walks the tape. Why simdjson and not nlohmann/json: docs/performance.md, "Codec".

#include <QtGlobal>

#include <memory>
#include <string_view>
#include <vector>

namespace Centrifuge::Protocol {

//! JSON's four whitespace characters (RFC 8259): all that may stand between tokens.
inline bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

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
    quint32 textLength = 0;
    const char* text = nullptr; //!< Key/String: the unescaped text (valid until the next parse)
    quint32 sourceBegin = 0; //!< first byte of the value in the line
    quint32 sourceEnd = 0; //!< past its last byte; for Begin*, past the matching End*
    quint32 next = 0; //!< index of the token after this whole value
    union {
        quint64 u;
        qint64 i;
    } value {};
};

class JsonTape
{
public:
    static constexpr int MaxDepth = 256;

    JsonTape();
    ~JsonTape();
    JsonTape(const JsonTape&) = delete;
    JsonTape& operator=(const JsonTape&) = delete;

    //! Parses [first, last) (copied: the tape's source() is that copy). On failure returns false
    //! and sets \a problem to a static string that never quotes the input.
    bool parse(const char* first, const char* last, const char** problem);

    const std::vector<JsonToken>& tokens() const { return m_tokens; }
    const char* source() const { return m_source; }
    //! Whitespace appeared between tokens (raw values then need compacting).
    bool hasSpace() const { return m_hasSpace; }
    static std::string_view text(const JsonToken& token) { return {token.text, token.textLength}; }
    //! The bytes of \a token's whole value as the line spells them.
    std::string_view sourceText(const JsonToken& token) const
    {
        return {m_source + token.sourceBegin, token.sourceEnd - token.sourceBegin};
    }

private:
    friend class JsonTapeBuilder;
    struct Parser;

    std::vector<JsonToken> m_tokens;
    std::unique_ptr<Parser> m_parser; //!< simdjson's parser and buffers, reused per thread
    const char* m_source = nullptr;
    bool m_hasSpace = false;
};

} // namespace Centrifuge::Protocol
