#include "realtime/protocol/jsoncursor.h"

namespace Centrifuge::Protocol {

namespace {

constexpr const char* Syntax = "invalid JSON";

//! [first, last) of valid JSON without the whitespace between tokens (strings kept as sent).
QByteArray compact(const char* first, const char* last)
{
    QByteArray out;
    out.reserve(last - first);
    bool inString = false;
    for (const char* p = first; p < last; ++p) {
        const char c = *p;
        if (inString) {
            out.append(c);
            if (c == '\\')
                out.append(*++p); // the escaped character, a quote included
            else if (c == '"')
                inString = false;
        } else if (!isJsonSpace(c)) {
            out.append(c);
            inString = c == '"';
        }
    }
    return out;
}

//! A Float token that is an integer too large for 64 bits (as opposed to a fraction).
bool isIntegerText(std::string_view text)
{
    for (char c : text) {
        if (!(c >= '0' && c <= '9') && c != '-')
            return false;
    }
    return true;
}

} // namespace

JsonCursor::JsonCursor(JsonTape& tape, const char* first, const char* last)
    : m_tape(tape)
{
    const char* problem = nullptr;
    if (!tape.parse(first, last, &problem))
        fail("message", problem);
    m_tokens = tape.tokens().data();
    m_count = quint32(tape.tokens().size());
}

void JsonCursor::fail(const char* field, const char* problem)
{
    throw Failure {field, problem};
}

const JsonToken& JsonCursor::current() const
{
    if (m_index >= m_count)
        fail(Syntax, "unexpected end"); // a decoder bug, not bad input: the tape is complete
    return m_tokens[m_index];
}

const JsonToken& JsonCursor::take(JsonToken::Kind kind, const char* field, const char* problem)
{
    const JsonToken& t = current();
    if (t.kind != kind)
        fail(field, problem);
    ++m_index;
    return t;
}

char JsonCursor::peek() const
{
    if (m_index >= m_count)
        return '\0';
    return m_tape.source()[m_tokens[m_index].sourceBegin];
}

bool JsonCursor::takeNull()
{
    if (m_index < m_count && m_tokens[m_index].kind == JsonToken::Null) {
        ++m_index;
        return true;
    }
    return false;
}

void JsonCursor::beginObject(const char* field)
{
    take(JsonToken::BeginObject, field, "expected an object");
}

bool JsonCursor::nextKey(std::string_view& key)
{
    const JsonToken& t = current();
    ++m_index;
    if (t.kind == JsonToken::EndObject)
        return false;
    if (t.kind != JsonToken::Key)
        fail(Syntax, "expected a key");
    key = m_tape.text(t);
    return true;
}

void JsonCursor::beginArray(const char* field)
{
    take(JsonToken::BeginArray, field, "expected an array");
}

bool JsonCursor::nextElement()
{
    if (current().kind == JsonToken::EndArray) {
        ++m_index;
        return false;
    }
    return true;
}

void JsonCursor::skipValue()
{
    m_index = current().next;
}

QByteArray JsonCursor::rawValue()
{
    if (takeNull())
        return {};
    const JsonToken& t = current();
    m_index = t.next;
    const char* first = m_tape.source() + t.sourceBegin;
    const char* last = m_tape.source() + t.sourceEnd;
    if (!m_tape.hasSpace())
        return QByteArray(first, last - first);
    return compact(first, last);
}

void JsonCursor::readString(const char* field, QString& out)
{
    std::string_view bytes;
    if (readStringBytes(field, bytes))
        out = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

bool JsonCursor::readStringBytes(const char* field, std::string_view& out)
{
    if (takeNull())
        return false;
    out = m_tape.text(take(JsonToken::String, field, "expected a string"));
    return true;
}

void JsonCursor::readBool(const char* field, bool& out)
{
    if (takeNull())
        return;
    const JsonToken& t = current();
    if (t.kind != JsonToken::True && t.kind != JsonToken::False)
        fail(field, "expected a boolean");
    ++m_index;
    out = t.kind == JsonToken::True;
}

void JsonCursor::readUnsigned(const char* field, quint64 max, quint64& out)
{
    if (takeNull())
        return;
    const JsonToken& t = current();
    switch (t.kind) {
    case JsonToken::Unsigned:
        if (t.value.u > max)
            fail(field, "unsigned integer out of range");
        ++m_index;
        out = t.value.u;
        return;
    case JsonToken::Signed:
        fail(field, "expected a non-negative integer");
    case JsonToken::Float: {
        const std::string_view text = m_tape.sourceText(t);
        if (isIntegerText(text))
            fail(field,
                text.front() == '-' ? "expected a non-negative integer"
                                    : "unsigned integer out of range");
        fail(field, "expected an unsigned integer");
    }
    default:
        fail(field, "expected an unsigned integer");
    }
}

void JsonCursor::readSigned(const char* field, qint64 min, qint64 max, qint64& out)
{
    if (takeNull())
        return;
    const JsonToken& t = current();
    switch (t.kind) {
    case JsonToken::Unsigned:
        if (t.value.u > quint64(max))
            fail(field, "integer out of range");
        ++m_index;
        out = qint64(t.value.u);
        return;
    case JsonToken::Signed:
        if (t.value.i < min || t.value.i > max)
            fail(field, "integer out of range");
        ++m_index;
        out = t.value.i;
        return;
    case JsonToken::Float: {
        const std::string_view text = m_tape.sourceText(t);
        fail(field, isIntegerText(text) ? "integer out of range" : "expected an integer");
    }
    default:
        fail(field, "expected an integer");
    }
}

void JsonCursor::expectEnd()
{
    if (m_index != m_count)
        fail(Syntax, "trailing data");
}

} // namespace Centrifuge::Protocol
