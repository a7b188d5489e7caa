#include "realtime/protocol/jsontape.h"

#include <cstring>
#include <limits>
#include <regex>
#include <simdjson.h>

namespace Centrifuge::Protocol {

namespace {

namespace od = simdjson::ondemand;

bool onlySpace(const char* first, const char* last)
{
    for (const char* p = first; p < last; ++p) {
        if (!isJsonSpace(*p))
            return false;
    }
    return true;
}

//! \a token (simdjson's raw token: the value and the whitespace after it) without that
//! whitespace.
std::string_view trimmed(std::string_view token)
{
    while (!token.empty() && isJsonSpace(token.back()))
        token.remove_suffix(1);
    return token;
}

//! RFC 8259 number grammar. Only consulted for numbers simdjson did not convert (the rare path).
bool isJsonNumber(std::string_view text)
{
    static const std::regex grammar(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?)");
    return std::regex_match(text.begin(), text.end(), grammar);
}

//! The value's text and the whitespace after it (empty on error): a value hands it out
//! directly, a document as a result.
std::string_view rawToken(od::value& v)
{
    return v.raw_json_token();
}

std::string_view rawToken(od::document& d)
{
    std::string_view raw;
    if (d.raw_json_token().get(raw) != simdjson::SUCCESS)
        return {};
    return raw;
}

} // namespace

//! Walks a simdjson On-Demand document depth first and touches every value, so everything is
//! validated (On-Demand checks only what is read), writing one token per value.
class JsonTapeBuilder
{
public:
    JsonTapeBuilder(JsonTape& tape, od::document& doc, const char* first, const char* last)
        : m_tape(tape)
        , m_doc(doc)
        , m_first(first)
        , m_last(last)
    {
    }

    const char* problem() const { return m_problem; }

    bool document()
    {
        od::json_type type;
        if (m_doc.type().get(type) != simdjson::SUCCESS)
            return fail("invalid JSON");
        bool ok = false;
        if (type == od::json_type::object || type == od::json_type::array) {
            od::value root;
            if (m_doc.get_value().get(root) != simdjson::SUCCESS)
                return fail("invalid JSON");
            ok = value(root, 0);
        } else {
            ok = scalar(m_doc, type);
        }
        if (!ok)
            return false;
        // On-Demand stops where the value ends; anything after it is an error.
        if (!onlySpace(m_first + m_tape.m_tokens.front().sourceEnd, m_last))
            return fail("invalid JSON");
        return true;
    }

private:
    bool fail(const char* problem)
    {
        if (!m_problem)
            m_problem = problem;
        return false;
    }

    quint32 offsetOf(const char* p) const { return quint32(p - m_first); }

    // Whitespace between tokens is noticed from the separators next to each token: in compact
    // JSON a value follows ':', '[' or ',' directly, a key follows '{' or ',', and a container
    // ends right before the next token.
    void spaceUnless(bool compact)
    {
        if (!compact)
            m_tape.m_hasSpace = true;
    }
    void checkValueStart(const char* at)
    {
        if (at == m_first)
            return;
        const char before = at[-1];
        spaceUnless(before == '[' || before == ','
            || (before == ':' && at - m_first >= 2 && at[-2] == '"'));
    }

    JsonToken& push(JsonToken::Kind kind, std::string_view source)
    {
        JsonToken& t = m_tape.m_tokens.emplace_back();
        t.kind = kind;
        t.sourceBegin = offsetOf(source.data());
        t.sourceEnd = offsetOf(source.data() + source.size());
        t.next = quint32(m_tape.m_tokens.size());
        return t;
    }

    //! Where the container just iterated ends: simdjson now stands on the next token (or at
    //! the end of the line), and only whitespace lies between that and our closing bracket.
    const char* containerEnd()
    {
        const char* at = nullptr;
        if (m_doc.current_location().get(at) != simdjson::SUCCESS)
            at = m_last;
        const char* const next = at;
        while (at > m_first && isJsonSpace(at[-1]))
            --at;
        spaceUnless(at == next);
        return at;
    }

    template<typename Value> bool value(Value& v, int depth)
    {
        od::json_type type;
        if (v.type().get(type) != simdjson::SUCCESS)
            return fail("invalid JSON");
        if (type != od::json_type::object && type != od::json_type::array)
            return scalar(v, type);
        if (depth >= JsonTape::MaxDepth)
            return fail("nesting too deep");
        const char* open = rawToken(v).data();
        if (!open)
            return fail("invalid JSON");
        checkValueStart(open);
        const quint32 opener = quint32(m_tape.m_tokens.size());
        if (type == od::json_type::object) {
            od::object object;
            if (v.get_object().get(object) != simdjson::SUCCESS)
                return fail("invalid JSON");
            push(JsonToken::BeginObject, {open, 1});
            for (auto member : object) {
                od::field field;
                std::string_view key;
                if (std::move(member).get(field) != simdjson::SUCCESS)
                    return fail("invalid JSON");
                const char* quote = field.key().raw() - 1; // before unescaped_key() consumes it
                spaceUnless(quote > m_first && (quote[-1] == '{' || quote[-1] == ','));
                if (field.unescaped_key().get(key) != simdjson::SUCCESS)
                    return fail("invalid JSON");
                JsonToken& t = push(JsonToken::Key, {open, 0});
                t.text = key.data();
                t.textLength = quint32(key.size());
                od::value child = field.value();
                if (!value(child, depth + 1))
                    return false;
            }
        } else {
            od::array array;
            if (v.get_array().get(array) != simdjson::SUCCESS)
                return fail("invalid JSON");
            push(JsonToken::BeginArray, {open, 1});
            for (auto element : array) {
                od::value child;
                if (std::move(element).get(child) != simdjson::SUCCESS)
                    return fail("invalid JSON");
                if (!value(child, depth + 1))
                    return false;
            }
        }
        const char* end = containerEnd();
        const bool object = type == od::json_type::object;
        if (end <= open || end[-1] != (object ? '}' : ']'))
            return fail("invalid JSON");
        // Our closing bracket follows the last member directly. This also catches what follows
        // a root container: simdjson then reports no location, and `end` is the line's end.
        const char* inner = m_tape.m_tokens.size() == opener + 1
            ? open + 1
            : m_first + m_tape.m_tokens.back().sourceEnd;
        if (!onlySpace(inner, end - 1))
            return fail("invalid JSON");
        if (m_tape.m_tokens.size() == opener + 1) // empty: anything between the brackets is space
            spaceUnless(end - open == 2);
        push(object ? JsonToken::EndObject : JsonToken::EndArray, {end - 1, 1});
        JsonToken& t = m_tape.m_tokens[opener];
        t.sourceEnd = offsetOf(end);
        t.next = quint32(m_tape.m_tokens.size());
        return true;
    }

    template<typename Value> bool scalar(Value& v, od::json_type type)
    {
        std::string_view raw = rawToken(v);
        if (raw.empty())
            return fail("invalid JSON");
        checkValueStart(raw.data());
        const size_t untrimmed = raw.size();
        raw = trimmed(raw);
        spaceUnless(raw.size() == untrimmed || raw.data() + untrimmed == m_last);
        switch (type) {
        case od::json_type::string: {
            std::string_view text;
            if (v.get_string().get(text) != simdjson::SUCCESS)
                return fail("invalid JSON");
            JsonToken& t = push(JsonToken::String, raw);
            t.text = text.data();
            t.textLength = quint32(text.size());
            return true;
        }
        case od::json_type::number: {
            od::number n;
            if (v.get_number().get(n) != simdjson::SUCCESS) {
                // simdjson 3.0 refuses integers beyond 64 bits, which JSON allows and raw data
                // passes through; numbers beyond a double's range are refused, as nlohmann does.
                if (!isJsonNumber(raw))
                    return fail("invalid JSON");
                if (raw.find_first_of(".eE") != std::string_view::npos)
                    return fail("number out of range");
                push(JsonToken::Float, raw);
                return true;
            }
            switch (n.get_number_type()) {
            case od::number_type::unsigned_integer:
                push(JsonToken::Unsigned, raw).value.u = n.get_uint64();
                break;
            case od::number_type::signed_integer: {
                const qint64 i = n.get_int64();
                push(i < 0 ? JsonToken::Signed : JsonToken::Unsigned, raw).value.i = i;
                break;
            }
            default: // a fraction, an exponent, or an integer beyond 64 bits
                push(JsonToken::Float, raw);
            }
            return true;
        }
        case od::json_type::boolean: {
            bool b = false;
            if (v.get_bool().get(b) != simdjson::SUCCESS)
                return fail("invalid JSON");
            // simdjson 3.0 takes a root "false1" for false: the token must be the literal.
            if (raw != (b ? std::string_view("true") : std::string_view("false")))
                return fail("invalid JSON");
            push(b ? JsonToken::True : JsonToken::False, raw);
            return true;
        }
        case od::json_type::null: {
            bool isNull = false;
            if (v.is_null().get(isNull) != simdjson::SUCCESS || !isNull || raw != "null")
                return fail("invalid JSON");
            push(JsonToken::Null, raw);
            return true;
        }
        default:
            return fail("invalid JSON");
        }
    }

    JsonTape& m_tape;
    od::document& m_doc;
    const char* const m_first;
    const char* const m_last;
    const char* m_problem = nullptr;
};

struct JsonTape::Parser
{
    od::parser parser;
    std::vector<char> padded; //!< the line copied with simdjson's padding after it
};

JsonTape::JsonTape() = default;
JsonTape::~JsonTape() = default;

bool JsonTape::parse(const char* first, const char* last, const char** problem)
{
    // A huge frame must not pin its tape's memory for the thread's lifetime.
    constexpr size_t KeepTokens = 16 * 1024;
    constexpr size_t KeepBytes = 1024 * 1024;
    if (m_tokens.capacity() > KeepTokens)
        std::vector<JsonToken>().swap(m_tokens);
    if (m_parser && m_parser->padded.capacity() > KeepBytes)
        m_parser.reset();
    m_tokens.clear();
    m_hasSpace = false;

    // Whitespace around the value is not part of it; simdjson 3.0 also refuses some root
    // scalars followed by it ("null\n").
    while (first < last && isJsonSpace(*first))
        ++first;
    while (last > first && isJsonSpace(last[-1]))
        --last;
    const size_t length = size_t(last - first);
    if (length >= std::numeric_limits<quint32>::max()) {
        *problem = "line too long";
        return false;
    }
    if (!m_parser)
        m_parser = std::make_unique<Parser>();
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; the copy makes that safe.
    m_parser->padded.resize(length + simdjson::SIMDJSON_PADDING);
    std::memcpy(m_parser->padded.data(), first, length);
    std::memset(m_parser->padded.data() + length, 0, simdjson::SIMDJSON_PADDING);
    m_source = m_parser->padded.data();

    od::document doc;
    const simdjson::padded_string_view input(m_source, length, m_parser->padded.size());
    if (m_parser->parser.iterate(input).get(doc) != simdjson::SUCCESS) {
        *problem = "invalid JSON";
        return false;
    }
    JsonTapeBuilder builder(*this, doc, m_source, m_source + length);
    if (!builder.document()) {
        *problem = builder.problem() ? builder.problem() : "invalid JSON";
        return false;
    }
    return true;
}

} // namespace Centrifuge::Protocol
