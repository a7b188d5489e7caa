#include "realtime/protocol/jsonwriter.h"

#include <nlohmann/json.hpp>

namespace Centrifuge::Protocol {

namespace {

bool isValidJson(QByteArrayView text)
{
    try {
        return nlohmann::json::accept(text.begin(), text.end());
    } catch (...) {
        return false; // accept() does not throw for bad input; this is only a guard
    }
}

} // namespace

void JsonWriter::appendMinified(QByteArray& out, QByteArrayView text)
{
    bool hasSpace = false;
    for (const char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            hasSpace = true;
            break;
        }
    }
    if (!hasSpace) {
        out.append(text);
        return;
    }
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            out.append(c);
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out.append(c);
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out.append(c);
        }
    }
}

void JsonWriter::appendQuoted(QByteArray& out, QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const char* runStart = utf8.data();
    const char* const end = utf8.data() + utf8.size();
    for (const char* p = runStart; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(runStart, p - runStart);
        runStart = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\b':
            out.append("\\b", 2);
            break;
        case '\f':
            out.append("\\f", 2);
            break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(esc, 6);
        }
        }
    }
    out.append(runStart, end - runStart);
    out.append('"');
}

void JsonWriter::separator()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    const std::uint64_t bit = std::uint64_t {1} << (m_depth & 63);
    if (m_hasMember & bit)
        m_out.append(',');
    m_hasMember |= bit;
}

void JsonWriter::beginObject()
{
    separator();
    m_out.append('{');
    ++m_depth;
    m_hasMember &= ~(std::uint64_t {1} << (m_depth & 63));
}

void JsonWriter::endObject()
{
    m_out.append('}');
    --m_depth;
}

void JsonWriter::beginArray()
{
    separator();
    m_out.append('[');
    ++m_depth;
    m_hasMember &= ~(std::uint64_t {1} << (m_depth & 63));
}

void JsonWriter::endArray()
{
    m_out.append(']');
    --m_depth;
}

void JsonWriter::element(const QString& value)
{
    separator();
    appendQuoted(m_out, value.toUtf8());
}

void JsonWriter::key(const char* name)
{
    separator();
    m_out.append('"');
    m_out.append(name);
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::key(const QString& name)
{
    separator();
    appendQuoted(m_out, name.toUtf8());
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::string(const char* name, const QString& value)
{
    if (value.isEmpty())
        return;
    key(name);
    m_afterKey = false;
    appendQuoted(m_out, value.toUtf8());
}

void JsonWriter::boolean(const char* name, bool value)
{
    if (!value)
        return;
    key(name);
    m_afterKey = false;
    m_out.append("true", 4);
}

void JsonWriter::unsignedNumber(const char* name, quint64 value)
{
    if (value == 0)
        return;
    key(name);
    m_afterKey = false;
    m_out.append(QByteArray::number(value));
}

void JsonWriter::signedNumber(const char* name, qint64 value)
{
    if (value == 0)
        return;
    key(name);
    m_afterKey = false;
    m_out.append(QByteArray::number(value));
}

void JsonWriter::raw(const char* name, const QByteArray& json)
{
    if (json.isEmpty())
        return;
    key(name);
    m_afterKey = false;
    if (isValidJson(json))
        appendMinified(m_out, json);
    else // sanitised through QString so the string is valid UTF-8 too
        appendQuoted(m_out, QString::fromUtf8(json).toUtf8());
}

} // namespace Centrifuge::Protocol
