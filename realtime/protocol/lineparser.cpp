#include "realtime/protocol/lineparser.h"

#include "realtime/protocol/jsonwriter.h"

#include <charconv>
#include <cstring>
#include <string_view>

namespace Centrifuge::Protocol {

namespace {

bool isRawField(std::string_view key)
{
    return key == "data" || key == "conn_info" || key == "chan_info";
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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

} // namespace

bool LineParser::parse(const char* first, const char* last)
{
    m_p = first;
    m_end = last;
    m_depth = 0;
    m_raws.clear();
    m_error = nullptr;
    m_root = Json();
    if (!value(&m_root))
        return false;
    skipSpace();
    if (m_p != m_end)
        return fail("invalid JSON: trailing data");
    return true;
}

QByteArray LineParser::rawText(const Json& node) const
{
    if (!node.is_binary())
        return {};
    const auto index = node.get_binary().subtype();
    return index < m_raws.size() ? m_raws[index] : QByteArray();
}

bool LineParser::fail(const char* why)
{
    if (!m_error)
        m_error = why;
    return false;
}

void LineParser::skipSpace()
{
    const char* const start = m_p;
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
        ++m_p;
    if (m_p != start)
        m_sawSpace = true;
}

bool LineParser::value(Json* out)
{
    skipSpace();
    if (m_p >= m_end)
        return fail("invalid JSON: unexpected end");
    switch (*m_p) {
    case '{':
        return object(out);
    case '[':
        return array(out);
    case '"': {
        if (!out)
            return string(nullptr);
        std::string s;
        if (!string(&s))
            return false;
        *out = std::move(s);
        return true;
    }
    case 't':
        if (!literal("true", 4))
            return false;
        if (out)
            *out = true;
        return true;
    case 'f':
        if (!literal("false", 5))
            return false;
        if (out)
            *out = false;
        return true;
    case 'n':
        if (!literal("null", 4))
            return false;
        if (out)
            *out = nullptr;
        return true;
    default:
        if (*m_p == '-' || isDigit(*m_p))
            return number(out);
        return fail("invalid JSON: unexpected character");
    }
}

bool LineParser::object(Json* out)
{
    if (++m_depth > MaxDepth)
        return fail("nesting too deep");
    ++m_p; // '{'
    if (out)
        *out = Json::object();
    skipSpace();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        --m_depth;
        return true;
    }
    std::string key;
    for (;;) {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return fail("invalid JSON: expected a key");
        if (!string(out ? &key : nullptr))
            return false;
        skipSpace();
        if (m_p >= m_end || *m_p != ':')
            return fail("invalid JSON: expected ':'");
        ++m_p;
        if (out) {
            Json& slot = (*out)[key];
            if (!(isRawField(key) ? rawValue(slot) : value(&slot)))
                return false;
        } else if (!value(nullptr)) {
            return false;
        }
        skipSpace();
        if (m_p >= m_end)
            return fail("invalid JSON: unterminated object");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p != '}')
            return fail("invalid JSON: expected ',' or '}'");
        ++m_p;
        --m_depth;
        return true;
    }
}

bool LineParser::array(Json* out)
{
    if (++m_depth > MaxDepth)
        return fail("nesting too deep");
    ++m_p; // '['
    if (out)
        *out = Json::array();
    skipSpace();
    if (m_p < m_end && *m_p == ']') {
        ++m_p;
        --m_depth;
        return true;
    }
    for (;;) {
        if (out) {
            out->push_back(Json());
            if (!value(&out->back()))
                return false;
        } else if (!value(nullptr)) {
            return false;
        }
        skipSpace();
        if (m_p >= m_end)
            return fail("invalid JSON: unterminated array");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p != ']')
            return fail("invalid JSON: expected ',' or ']'");
        ++m_p;
        --m_depth;
        return true;
    }
}

bool LineParser::rawValue(Json& out)
{
    skipSpace();
    const char* const start = m_p;
    m_sawSpace = false;
    if (!value(nullptr))
        return false;
    const qsizetype length = m_p - start;
    if (length == 4 && std::memcmp(start, "null", 4) == 0) {
        out = nullptr; // a raw field set to null reads as "not sent"
        return true;
    }
    QByteArray text;
    if (m_sawSpace) {
        text.reserve(length);
        JsonWriter::appendMinified(text, QByteArrayView(start, length));
    } else {
        text = QByteArray(start, length);
    }
    m_raws.push_back(std::move(text));
    out = Json::binary({}, static_cast<std::uint64_t>(m_raws.size() - 1));
    return true;
}

bool LineParser::string(std::string* out)
{
    const auto* s = reinterpret_cast<const unsigned char*>(m_p + 1);
    const auto* const end = reinterpret_cast<const unsigned char*>(m_end);
    const auto* const begin = s;
    bool escaped = false;
    for (;;) {
        // The common case: printable ASCII.
        while (s < end && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
            ++s;
        if (s >= end)
            return fail("invalid JSON: unterminated string");
        const unsigned c = *s;
        if (c == '"')
            break;
        if (c < 0x20)
            return fail("invalid JSON: control character in string");
        if (c == '\\') {
            escaped = true;
            if (end - s < 2)
                return fail("invalid JSON: unterminated string");
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
                    return fail("invalid JSON: bad \\u escape");
                s += 6;
                if (v >= 0xDC00 && v <= 0xDFFF)
                    return fail("invalid JSON: lone surrogate");
                if (v >= 0xD800 && v <= 0xDBFF) {
                    if (end - s < 6 || s[0] != '\\' || s[1] != 'u')
                        return fail("invalid JSON: lone surrogate");
                    const int low = hex4(s + 2, end);
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("invalid JSON: lone surrogate");
                    s += 6;
                }
                continue;
            }
            default:
                return fail("invalid JSON: bad escape");
            }
        }
        const int n = utf8Length(s, end);
        if (n == 0)
            return fail("invalid UTF-8");
        s += n;
    }
    if (out) {
        out->clear();
        if (!escaped) {
            out->assign(reinterpret_cast<const char*>(begin), size_t(s - begin));
        } else {
            m_p = reinterpret_cast<const char*>(begin);
            if (!unescape(*out))
                return false;
        }
    }
    m_p = reinterpret_cast<const char*>(s + 1);
    return true;
}

//! Decodes the (already validated) string body at m_p up to its closing quote.
bool LineParser::unescape(std::string& out)
{
    const auto* s = reinterpret_cast<const unsigned char*>(m_p);
    const auto* const end = reinterpret_cast<const unsigned char*>(m_end);
    while (s < end && *s != '"') {
        if (*s != '\\') {
            out.push_back(char(*s++));
            continue;
        }
        const unsigned char e = s[1];
        s += 2;
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
            char32_t cp = char32_t(hex4(s, end));
            s += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                const char32_t low = char32_t(hex4(s + 2, end));
                s += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
            break;
        }
        default: // '"', '\\', '/'
            out.push_back(char(e));
        }
    }
    return true;
}

bool LineParser::number(Json* out)
{
    const char* const start = m_p;
    const char* p = m_p;
    bool integral = true;
    if (*p == '-')
        ++p;
    if (p >= m_end || !isDigit(*p))
        return fail("invalid JSON: bad number");
    if (*p == '0')
        ++p;
    else
        while (p < m_end && isDigit(*p))
            ++p;
    if (p < m_end && *p == '.') {
        integral = false;
        ++p;
        if (p >= m_end || !isDigit(*p))
            return fail("invalid JSON: bad number");
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        integral = false;
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p >= m_end || !isDigit(*p))
            return fail("invalid JSON: bad number");
        while (p < m_end && isDigit(*p))
            ++p;
    }
    m_p = p;
    if (!out)
        return true;
    // Integers exactly, like nlohmann: non-negative ones unsigned, negative ones signed. Anything
    // else (fractions, exponents, beyond 64 bits) is a double, which no protocol field accepts.
    if (integral) {
        if (*start == '-') {
            std::int64_t v = 0;
            if (std::from_chars(start, p, v).ec == std::errc()) {
                *out = v;
                return true;
            }
        } else {
            std::uint64_t v = 0;
            if (std::from_chars(start, p, v).ec == std::errc()) {
                *out = v;
                return true;
            }
        }
    }
    double d = 0;
    std::from_chars(start, p, d); // out of range leaves d at 0: still not an integer field
    *out = d;
    return true;
}

bool LineParser::literal(const char* text, int length)
{
    if (m_end - m_p < length || std::memcmp(m_p, text, size_t(length)) != 0)
        return fail("invalid JSON: bad literal");
    m_p += length;
    return true;
}

} // namespace Centrifuge::Protocol
