#pragma once

//! \file jsoncursor.h
//! \brief Internal: a strict, validating pull parser over one JSON line (not public API).
//!
//! The decoder walks a server message with it field by field, straight into the protocol
//! structs: no DOM is built. Everything it passes over is validated as strictly as by
//! nlohmann/json (RFC 8259 grammar, escapes, UTF-8 incl. surrogates and overlongs, no trailing
//! data), with nesting limited to MaxDepth. Raw JSON values (`data`, `info`...) are returned as
//! the exact bytes the server sent, minus whitespace between tokens: key order, number spelling,
//! escapes and integers beyond 64 bits pass through untouched.
//!
//! Errors throw JsonCursor::Failure; the codec catches it at its boundary (nothing escapes
//! into Qt). Why not nlohmann's parser: its lexer copies every character of every string into a
//! token buffer, and building a DOM per message allocates per key; on publication payloads that
//! was half of the client's CPU time (docs/performance.md, "Realtime client").

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
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

    static constexpr int MaxDepth = 256;

    JsonCursor(const char* first, const char* last)
        : m_p(first)
        , m_end(last)
    {
    }

    //! The next non-space character without consuming it, 0 at the end.
    char peek();
    //! Consumes a `null` if that is what comes next.
    bool takeNull();

    //! Expects '{' (else throws \a field: "expected an object").
    void beginObject(const char* field);
    //! The next member's key, or false after the closing '}'. The view stays valid until the
    //! next call.
    bool nextKey(std::string_view& key);
    //! Expects '['.
    void beginArray(const char* field);
    //! True if another element follows, false after the closing ']'.
    bool nextElement();

    //! Validates and skips one value of any type.
    void skipValue();
    //! The raw text of the next value (compact), empty for `null`.
    QByteArray rawValue();

    // Typed reads: `null` leaves \a out untouched (not sent); another type throws.
    void readString(const char* field, QString& out);
    //! The UTF-8 bytes of a string (valid until the next read), false for `null`.
    bool readStringBytes(const char* field, std::string_view& out);
    void readBool(const char* field, bool& out);
    void readUnsigned(const char* field, quint64 max, quint64& out);
    void readSigned(const char* field, qint64 min, qint64 max, qint64& out);

    //! Everything after the value must be whitespace.
    void expectEnd();

    [[noreturn]] static void fail(const char* field, const char* problem);

private:
    void skipSpace();
    void skipString(bool& escaped);
    void stringBody(std::string_view& out); //!< unescaped into m_scratch when needed
    void skipNumber(bool& integral);
    void literal(const char* text, int length);
    void enter();

    const char* m_p;
    const char* m_end;
    int m_depth = 0;
    bool m_sawSpace = false;
    bool m_first[MaxDepth + 1] = {}; //!< per open container: no member read yet
    std::string m_scratch;
    std::string m_keyScratch;
};

} // namespace Centrifuge::Protocol
