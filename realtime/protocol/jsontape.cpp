#include "realtime/protocol/jsontape.h"

#include <cstring>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

namespace Centrifuge::Protocol {

namespace {

using Json = nlohmann::json;

//! A forward iterator over the line that publishes how far nlohmann's lexer has read, so each
//! SAX event can be placed in the source. The lexer reads one byte at a time through it.
struct TrackingIterator
{
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* at;
    const char** consumed;

    reference operator*() const { return *at; }
    TrackingIterator& operator++()
    {
        *consumed = ++at;
        return *this;
    }
    TrackingIterator operator++(int)
    {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackingIterator& other) const { return at == other.at; }
    bool operator!=(const TrackingIterator& other) const { return at != other.at; }
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

} // namespace

//! The SAX handler (nlohmann's interface, static dispatch). Where a token starts is found from
//! where the previous one ended: only separators (`,` `:` and whitespace) lie between tokens in
//! valid JSON. Where it ends: containers and strings end where the lexer has read to when their
//! event fires; numbers are measured, because the lexer has already read one byte past them.
class JsonTapeBuilder
{
public:
    JsonTapeBuilder(JsonTape& tape, const char* first, const char* last)
        : m_tape(tape)
        , m_first(first)
        , m_prevEnd(first)
        , m_consumed(first)
    {
        Q_UNUSED(last);
    }

    const char** consumedSlot() { return &m_consumed; }
    const char* problem() const { return m_problem; }

    bool null() { return literal(JsonToken::Null, 4); }
    bool boolean(bool value) { return literal(value ? JsonToken::True : JsonToken::False, value ? 4 : 5); }
    bool number_integer(Json::number_integer_t value)
    {
        JsonToken& t = number(value < 0 ? JsonToken::Signed : JsonToken::Unsigned);
        t.value.i = value;
        return true;
    }
    bool number_unsigned(Json::number_unsigned_t value)
    {
        number(JsonToken::Unsigned).value.u = value;
        return true;
    }
    bool number_float(Json::number_float_t, const Json::string_t&)
    {
        number(JsonToken::Float);
        return true;
    }
    bool string(Json::string_t& value) { return text(JsonToken::String, value); }
    bool key(Json::string_t& value) { return text(JsonToken::Key, value); }
    bool binary(Json::binary_t&) { return false; } // never produced by the JSON lexer

    bool start_object(std::size_t) { return open(JsonToken::BeginObject); }
    bool start_array(std::size_t) { return open(JsonToken::BeginArray); }
    bool end_object() { return close(JsonToken::EndObject); }
    bool end_array() { return close(JsonToken::EndArray); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e)
    {
        // The exception's text quotes the input; only its id is used.
        m_problem = e.id == 406 ? "number out of range" : "invalid JSON";
        return false;
    }

private:
    //! Skips the separators after the previous token; returns where the next one starts.
    const char* startOfNext()
    {
        const char* p = m_prevEnd;
        while (p < m_consumed && (isSpace(*p) || *p == ',' || *p == ':')) {
            if (isSpace(*p))
                m_tape.m_hasSpace = true;
            ++p;
        }
        return p;
    }

    quint32 offsetOf(const char* p) const { return quint32(p - m_first); }

    JsonToken& push(JsonToken::Kind kind, const char* begin, const char* end)
    {
        JsonToken& t = m_tape.m_tokens.emplace_back();
        t.kind = kind;
        t.sourceBegin = offsetOf(begin);
        t.sourceEnd = offsetOf(end);
        t.next = quint32(m_tape.m_tokens.size());
        m_prevEnd = end;
        return t;
    }

    bool literal(JsonToken::Kind kind, int length)
    {
        const char* begin = startOfNext();
        push(kind, begin, begin + length);
        return true;
    }

    JsonToken& number(JsonToken::Kind kind)
    {
        const char* begin = startOfNext();
        const char* end = begin;
        while (end < m_consumed && isNumberChar(*end))
            ++end;
        return push(kind, begin, end);
    }

    bool text(JsonToken::Kind kind, const std::string& value)
    {
        const char* begin = startOfNext(); // the opening quote
        const char* end = m_consumed; // past the closing quote
        Q_ASSERT(*begin == '"' && end[-1] == '"' && end - begin >= 2);
        JsonToken& t = push(kind, begin, end);
        const size_t sourceLength = size_t(end - begin) - 2;
        // Every escape is longer than what it stands for, so equal lengths mean the source
        // bytes are the text itself and nothing needs copying.
        if (value.size() == sourceLength) {
            t.textInSource = true;
            t.value.text = {offsetOf(begin + 1), quint32(sourceLength)};
        } else {
            t.value.text = {quint32(m_tape.m_text.size()), quint32(value.size())};
            m_tape.m_text += value;
        }
        return true;
    }

    bool open(JsonToken::Kind kind)
    {
        if (int(m_open.size()) >= JsonTape::MaxDepth) {
            m_problem = "nesting too deep";
            return false;
        }
        const char* bracket = m_consumed - 1;
        Q_ASSERT(*bracket == '{' || *bracket == '[');
        startOfNext(); // records whitespace before the bracket
        m_open.push_back(quint32(m_tape.m_tokens.size()));
        push(kind, bracket, m_consumed);
        return true;
    }

    bool close(JsonToken::Kind kind)
    {
        const char* bracket = m_consumed - 1;
        startOfNext(); // records whitespace before the bracket
        push(kind, bracket, m_consumed);
        JsonToken& opener = m_tape.m_tokens[m_open.back()];
        m_open.pop_back();
        opener.sourceEnd = offsetOf(m_consumed);
        opener.next = quint32(m_tape.m_tokens.size());
        return true;
    }

    JsonTape& m_tape;
    const char* const m_first;
    const char* m_prevEnd;
    const char* m_consumed; //!< advanced by TrackingIterator
    const char* m_problem = nullptr;
    std::vector<quint32> m_open;
};

bool JsonTape::parse(const char* first, const char* last, const char** problem)
{
    // A huge frame must not pin its tape's memory for the thread's lifetime.
    constexpr size_t KeepTokens = 16 * 1024;
    if (m_tokens.capacity() > KeepTokens) {
        std::vector<JsonToken>().swap(m_tokens);
        std::string().swap(m_text);
    }
    m_tokens.clear();
    m_text.clear();
    m_source = first;
    m_hasSpace = false;
    if (size_t(last - first) >= std::numeric_limits<quint32>::max()) {
        *problem = "line too long";
        return false;
    }
    JsonTapeBuilder builder(*this, first, last);
    const TrackingIterator begin {first, builder.consumedSlot()};
    const TrackingIterator end {last, builder.consumedSlot()};
    bool ok = false;
    try {
        ok = Json::sax_parse(begin, end, &builder, Json::input_format_t::json, true);
    } catch (const std::exception&) { // bad_alloc: nothing may escape into Qt
        ok = false;
    }
    if (!ok)
        *problem = builder.problem() ? builder.problem() : "invalid JSON";
    return ok;
}

} // namespace Centrifuge::Protocol
