#pragma once

//! \file lineparser.h
//! \brief Internal: parses one JSON line of a server frame (not part of the public API).
//!
//! A strict, validating JSON parser (RFC 8259: grammar, escapes, UTF-8, no trailing data) that
//! builds an nlohmann DOM of the protocol structure only. The values of raw JSON fields (`data`,
//! `conn_info`, `chan_info`) are never built as trees: they are validated and kept as the exact
//! bytes the server sent (whitespace between tokens removed), so key order, number spelling,
//! escapes and integers beyond 64 bits pass through untouched. In the DOM such a value is a
//! binary node whose subtype is the index of its text in the parser.
//!
//! Why not nlohmann's own parser: its lexer copies every character of every string into a token
//! buffer; on publication payloads that was half of the client's CPU time (docs/performance.md).

#include <QByteArray>

#include <nlohmann/json.hpp>
#include <vector>

namespace Centrifuge::Protocol {

class LineParser
{
public:
    using Json = nlohmann::ordered_json;

    //! Deeper nesting is refused: no protocol message comes close, and it bounds the recursion.
    static constexpr int MaxDepth = 256;

    //! Parses [first, last). Returns false on invalid JSON or excessive nesting (see error()).
    bool parse(const char* first, const char* last);

    const Json& root() const { return m_root; }
    //! The text of a raw node of root() (a binary node), empty for any other node.
    QByteArray rawText(const Json& node) const;
    //! Why parse() failed; never contains input data.
    const char* error() const { return m_error; }

private:
    bool fail(const char* why);
    void skipSpace();
    bool value(Json* out);
    bool object(Json* out);
    bool array(Json* out);
    bool rawValue(Json& out);
    bool string(std::string* out);
    bool unescape(std::string& out);
    bool number(Json* out);
    bool literal(const char* text, int length);

    const char* m_p = nullptr;
    const char* m_end = nullptr;
    int m_depth = 0;
    bool m_sawSpace = false; //!< whitespace was skipped since the current raw value began
    Json m_root;
    std::vector<QByteArray> m_raws;
    const char* m_error = nullptr;
};

} // namespace Centrifuge::Protocol
