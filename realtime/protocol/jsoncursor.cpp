#include "realtime/protocol/jsoncursor.h"

#include "realtime/protocol/jsonwriter.h"

#include <charconv>
#include <cstring>

namespace Centrifuge::Protocol {

namespace {

constexpr const char* Syntax = "invalid JSON";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

//! True if one of the 8 bytes at \a p needs a closer look inside a string: a control character,
//! a quote, a backslash or a non-ASCII byte (classic SWAR byte tests, no branches per byte).
bool wordNeedsAttention(const unsigned char* p)
{
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const auto hasZero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t control = (w - ones * 0x20) & ~w & highs; // bytes < 0x20
    return (control | (w & highs) | hasZero(w ^ (ones * '"')) | hasZero(w ^ (ones * '\\'))) != 0;
}

//! Length of the well-formed UTF-8 sequence at \a p (p[0] >= 0x80), 0 if it is not one:
//! overlong forms, surrogates and code points beyond U+10FFFF are refused (RFC 3629).
int utf8Length(const unsigned char* p, const unsigned char* end)
{
    const unsigned c = p[0];
    const auto cont = [&](int i) { return end - p > i && (p[i] & 0xC0) == 0x80; };
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return cont(1) ? 2 : 0;
    if (c < 0xF0) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

//! The value of four hex digits at \a p, or -1.
int hex4(const unsigned char* p, const unsigned char* end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const unsigned c = p[i];
        int d;
        if (c >= '0' && c <= '9')
            d = int(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = int(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = int(c - 'A' + 10);
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

//! Decodes a validated string body [p, end) with escapes into \a out.
void unescape(const unsigned char* p, const unsigned char* end, std::string& out)
{
    out.clear();
    while (p < end) {
        if (*p != '\\') {
            out.push_back(char(*p++));
            continue;
        }
        const unsigned char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'u': {
            char32_t cp = char32_t(hex4(p, end));
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                const char32_t low = char32_t(hex4(p + 2, end));
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
            break;
        }
        default: // '"', '\\', '/'
            out.push_back(char(e));
        }
    }
}

} // namespace

void JsonCursor::fail(const char* field, const char* problem)
{
    throw Failure {field, problem};
}

void JsonCursor::skipSpace()
{
    const char* const start = m_p;
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
        ++m_p;
    if (m_p != start)
        m_sawSpace = true;
}

char JsonCursor::peek()
{
    skipSpace();
    return m_p < m_end ? *m_p : '\0';
}

bool JsonCursor::takeNull()
{
    if (peek() != 'n')
        return false;
    literal("null", 4);
    return true;
}

void JsonCursor::enter()
{
    if (++m_depth > MaxDepth)
        fail(Syntax, "nesting too deep");
}

void JsonCursor::beginObject(const char* field)
{
    const char c = peek();
    if (c != '{') {
        if (c == '\0')
            fail(Syntax, "unexpected end");
        skipValue(); // a syntax error wins over a type error
        fail(field, "expected an object");
    }
    enter();
    ++m_p;
    m_first[size_t(m_depth)] = true;
}

bool JsonCursor::nextKey(std::string_view& key)
{
    skipSpace();
    if (m_p >= m_end)
        fail(Syntax, "unterminated object");
    bool& first = m_first[size_t(m_depth)];
    if (*m_p == '}') {
        ++m_p;
        --m_depth;
        return false;
    }
    if (!first) {
        if (*m_p != ',')
            fail(Syntax, "expected ',' or '}'");
        ++m_p;
        skipSpace();
    }
    first = false;
    if (m_p >= m_end || *m_p != '"')
        fail(Syntax, "expected a key");
    stringBody(key);
    if (key.data() == m_scratch.data()) { // keep the key apart from value strings
        m_keyScratch = m_scratch;
        key = m_keyScratch;
    }
    skipSpace();
    if (m_p >= m_end || *m_p != ':')
        fail(Syntax, "expected ':'");
    ++m_p;
    return true;
}

void JsonCursor::beginArray(const char* field)
{
    const char c = peek();
    if (c != '[') {
        if (c == '\0')
            fail(Syntax, "unexpected end");
        skipValue();
        fail(field, "expected an array");
    }
    enter();
    ++m_p;
    m_first[size_t(m_depth)] = true;
}

bool JsonCursor::nextElement()
{
    skipSpace();
    if (m_p >= m_end)
        fail(Syntax, "unterminated array");
    bool& first = m_first[size_t(m_depth)];
    if (*m_p == ']') {
        ++m_p;
        --m_depth;
        return false;
    }
    if (!first) {
        if (*m_p != ',')
            fail(Syntax, "expected ',' or ']'");
        ++m_p;
    }
    first = false;
    return true;
}

void JsonCursor::skipValue()
{
    const char c = peek();
    switch (c) {
    case '{': {
        enter();
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            --m_depth;
            return;
        }
        for (;;) {
            skipSpace();
            if (m_p >= m_end || *m_p != '"')
                fail(Syntax, "expected a key");
            bool escaped = false;
            skipString(escaped);
            skipSpace();
            if (m_p >= m_end || *m_p != ':')
                fail(Syntax, "expected ':'");
            ++m_p;
            skipValue();
            skipSpace();
            if (m_p >= m_end)
                fail(Syntax, "unterminated object");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p != '}')
                fail(Syntax, "expected ',' or '}'");
            ++m_p;
            --m_depth;
            return;
        }
    }
    case '[': {
        enter();
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            --m_depth;
            return;
        }
        for (;;) {
            skipValue();
            skipSpace();
            if (m_p >= m_end)
                fail(Syntax, "unterminated array");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p != ']')
                fail(Syntax, "expected ',' or ']'");
            ++m_p;
            --m_depth;
            return;
        }
    }
    case '"': {
        bool escaped = false;
        skipString(escaped);
        return;
    }
    case 't':
        literal("true", 4);
        return;
    case 'f':
        literal("false", 5);
        return;
    case 'n':
        literal("null", 4);
        return;
    case '\0':
        if (m_p >= m_end)
            fail(Syntax, "unexpected end");
        fail(Syntax, "unexpected character");
    default:
        if (c == '-' || isDigit(c)) {
            bool integral = true;
            skipNumber(integral);
            return;
        }
        fail(Syntax, "unexpected character");
    }
}

QByteArray JsonCursor::rawValue()
{
    skipSpace();
    const char* const start = m_p;
    m_sawSpace = false;
    skipValue();
    const qsizetype length = m_p - start;
    if (length == 4 && std::memcmp(start, "null", 4) == 0)
        return {}; // a raw field set to null reads as "not sent"
    if (!m_sawSpace)
        return QByteArray(start, length);
    QByteArray text;
    text.reserve(length);
    JsonWriter::appendMinified(text, QByteArrayView(start, length));
    return text;
}

void JsonCursor::skipString(bool& escaped)
{
    const auto* s = reinterpret_cast<const unsigned char*>(m_p + 1);
    const auto* const end = reinterpret_cast<const unsigned char*>(m_end);
    for (;;) {
        // The common case: printable ASCII, 8 bytes at a time, then byte by byte.
        while (end - s >= 8 && !wordNeedsAttention(s))
            s += 8;
        while (s < end && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
            ++s;
        if (s >= end)
            fail(Syntax, "unterminated string");
        const unsigned c = *s;
        if (c == '"')
            break;
        if (c < 0x20)
            fail(Syntax, "control character in string");
        if (c == '\\') {
            escaped = true;
            if (end - s < 2)
                fail(Syntax, "unterminated string");
            switch (s[1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
                s += 2;
                continue;
            case 'u': {
                const int v = hex4(s + 2, end);
                if (v < 0)
                    fail(Syntax, "bad \\u escape");
                s += 6;
                if (v >= 0xDC00 && v <= 0xDFFF)
                    fail(Syntax, "lone surrogate");
                if (v >= 0xD800 && v <= 0xDBFF) {
                    if (end - s < 6 || s[0] != '\\' || s[1] != 'u')
                        fail(Syntax, "lone surrogate");
                    const int low = hex4(s + 2, end);
                    if (low < 0xDC00 || low > 0xDFFF)
                        fail(Syntax, "lone surrogate");
                    s += 6;
                }
                continue;
            }
            default:
                fail(Syntax, "bad escape");
            }
        }
        const int n = utf8Length(s, end);
        if (n == 0)
            fail(Syntax, "invalid UTF-8");
        s += n;
    }
    m_p = reinterpret_cast<const char*>(s + 1);
}

void JsonCursor::stringBody(std::string_view& out)
{
    const char* const begin = m_p + 1;
    bool escaped = false;
    skipString(escaped);
    const char* const close = m_p - 1;
    if (!escaped) {
        out = std::string_view(begin, size_t(close - begin));
        return;
    }
    unescape(reinterpret_cast<const unsigned char*>(begin),
        reinterpret_cast<const unsigned char*>(close), m_scratch);
    out = m_scratch;
}

void JsonCursor::skipNumber(bool& integral)
{
    const char* p = m_p;
    if (*p == '-')
        ++p;
    if (p >= m_end || !isDigit(*p))
        fail(Syntax, "bad number");
    if (*p == '0')
        ++p;
    else
        while (p < m_end && isDigit(*p))
            ++p;
    if (p < m_end && *p == '.') {
        integral = false;
        ++p;
        if (p >= m_end || !isDigit(*p))
            fail(Syntax, "bad number");
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        integral = false;
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p >= m_end || !isDigit(*p))
            fail(Syntax, "bad number");
        while (p < m_end && isDigit(*p))
            ++p;
    }
    m_p = p;
}

void JsonCursor::literal(const char* text, int length)
{
    if (m_end - m_p < length || std::memcmp(m_p, text, size_t(length)) != 0)
        fail(Syntax, "bad literal");
    m_p += length;
}

void JsonCursor::readString(const char* field, QString& out)
{
    const char c = peek();
    if (c == '"') {
        std::string_view s;
        stringBody(s);
        out = QString::fromUtf8(s.data(), qsizetype(s.size()));
        return;
    }
    if (takeNull())
        return;
    skipValue();
    fail(field, "expected a string");
}

bool JsonCursor::readStringBytes(const char* field, std::string_view& out)
{
    if (peek() == '"') {
        stringBody(out);
        return true;
    }
    if (takeNull())
        return false;
    skipValue();
    fail(field, "expected a string");
}

void JsonCursor::readBool(const char* field, bool& out)
{
    const char c = peek();
    if (c == 't') {
        literal("true", 4);
        out = true;
        return;
    }
    if (c == 'f') {
        literal("false", 5);
        out = false;
        return;
    }
    if (takeNull())
        return;
    skipValue();
    fail(field, "expected a boolean");
}

void JsonCursor::readUnsigned(const char* field, quint64 max, quint64& out)
{
    const char c = peek();
    if (c == '-' || isDigit(c)) {
        const char* const start = m_p;
        bool integral = true;
        skipNumber(integral);
        if (!integral)
            fail(field, "expected an unsigned integer");
        if (c == '-')
            fail(field, "expected a non-negative integer");
        std::uint64_t v = 0;
        if (std::from_chars(start, m_p, v).ec != std::errc() || v > max)
            fail(field, "unsigned integer out of range");
        out = v;
        return;
    }
    if (takeNull())
        return;
    skipValue();
    fail(field, "expected an unsigned integer");
}

void JsonCursor::readSigned(const char* field, qint64 min, qint64 max, qint64& out)
{
    const char c = peek();
    if (c == '-' || isDigit(c)) {
        const char* const start = m_p;
        bool integral = true;
        skipNumber(integral);
        if (!integral)
            fail(field, "expected an integer");
        std::int64_t v = 0;
        if (std::from_chars(start, m_p, v).ec != std::errc() || v < min || v > max)
            fail(field, "integer out of range");
        out = v;
        return;
    }
    if (takeNull())
        return;
    skipValue();
    fail(field, "expected an integer");
}

void JsonCursor::expectEnd()
{
    skipSpace();
    if (m_p != m_end)
        fail(Syntax, "trailing data");
}

} // namespace Centrifuge::Protocol
