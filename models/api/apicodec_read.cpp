// Strict field readers and the depth guard of the REST decoder (see apicodec_p.h).

#include "models/api/apicodec.h"
#include "models/api/apicodec_p.h"

#include <QLocale>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace WhaTrack::Codec {

namespace {

// 1970-01-01 .. 3000-01-01: anything outside is a broken server, not a message time.
constexpr double kMinEpochMs = 0.0;
constexpr double kMaxEpochMs = 32503680000000.0;
// Epoch numbers above this are milliseconds, below it seconds (as the backend mixes both).
constexpr double kMsThreshold = 1e11;
constexpr double kMaxMoney = 1e15;

} // namespace

std::optional<QString> checkJsonShape(QByteArrayView body, qsizetype maxBytes)
{
    if (maxBytes >= 0 && body.size() > maxBytes) {
        return QStringLiteral("answer of %1 bytes is over the limit of %2 bytes")
            .arg(body.size())
            .arg(maxBytes);
    }
    // The same string/escape rules as a JSON lexer, so for every input the depth counted here
    // is at least the depth the parser reaches before it accepts or rejects the text.
    int depth = 0;
    bool inString = false;
    const char* p = body.data();
    const char* const end = p + body.size();
    for (; p < end; ++p) {
        const char c = *p;
        if (inString) {
            if (c == '\\')
                ++p; // skips the escaped character (an escaped quote never ends the string)
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                return QStringLiteral("nested deeper than %1 levels").arg(kMaxJsonDepth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::nullopt;
}

namespace detail {

void Problem::fail(const QString& text)
{
    if (m_text.isEmpty())
        m_text = text;
}

void Problem::wrongType(const char* key, const char* expected, const json& got)
{
    fail(QStringLiteral("%1: expected %2, got %3")
             .arg(QLatin1String(key), QLatin1String(expected), typeName(got)));
}

void Problem::within(const QString& prefix)
{
    if (!m_text.isEmpty())
        m_text.prepend(prefix);
}

json parse(QByteArrayView body, Problem& problem)
{
    if (const auto shape = checkJsonShape(body, -1)) {
        problem.fail(*shape);
        return json(json::value_t::discarded);
    }
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded())
        problem.fail(QStringLiteral("not valid JSON"));
    return j;
}

QString typeName(const json& j)
{
    switch (j.type()) {
    case json::value_t::null:
        return QStringLiteral("null");
    case json::value_t::object:
        return QStringLiteral("an object");
    case json::value_t::array:
        return QStringLiteral("a list");
    case json::value_t::string:
        return QStringLiteral("text");
    case json::value_t::boolean:
        return QStringLiteral("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return QStringLiteral("a number");
    default:
        return QStringLiteral("nothing");
    }
}

const json* field(const json& j, const char* key)
{
    if (!j.is_object())
        return nullptr;
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return nullptr;
    return &*it;
}

const json* object(const json& j, const char* key, Problem& p)
{
    const json* v = field(j, key);
    if (v && !v->is_object()) {
        p.wrongType(key, "an object", *v);
        return nullptr;
    }
    return v;
}

QString text(const json& j, const char* key, Problem& p)
{
    const json* v = field(j, key);
    if (!v)
        return {};
    if (!v->is_string()) {
        p.wrongType(key, "text", *v);
        return {};
    }
    return QString::fromStdString(v->get_ref<const std::string&>());
}

QString requiredText(const json& j, const char* key, Problem& p)
{
    QString s = text(j, key, p);
    if (s.isEmpty() && !p.failed())
        p.fail(QStringLiteral("%1: missing").arg(QLatin1String(key)));
    return s;
}

QString hint(const json& j, const char* key)
{
    const json* v = field(j, key);
    return v && v->is_string() ? QString::fromStdString(v->get_ref<const std::string&>())
                               : QString();
}

std::optional<qint64> integer(const json& j, const char* key, qint64 min, qint64 max, Problem& p)
{
    const json* v = field(j, key);
    if (!v)
        return std::nullopt;
    const auto outOfRange = [&] {
        p.fail(QStringLiteral("%1: number out of range").arg(QLatin1String(key)));
        return std::nullopt;
    };
    if (v->is_number_unsigned()) {
        const auto n = v->get<std::uint64_t>();
        if (max < 0 || n > static_cast<std::uint64_t>(max))
            return outOfRange();
        return static_cast<qint64>(n);
    }
    if (v->is_number_integer()) {
        const auto n = v->get<std::int64_t>();
        if (n < min || n > max)
            return outOfRange();
        return n;
    }
    if (v->is_number_float()) {
        // Range first: casting a double that does not fit is undefined behaviour.
        const double d = v->get<double>();
        if (!std::isfinite(d) || d != std::trunc(d))
            return outOfRange();
        if (d < static_cast<double>(min) || d > static_cast<double>(max))
            return outOfRange();
        return static_cast<qint64>(d);
    }
    p.wrongType(key, "a number", *v);
    return std::nullopt;
}

int count(const json& j, const char* key, Problem& p, int fallback)
{
    return static_cast<int>(
        integer(j, key, 0, std::numeric_limits<int>::max(), p).value_or(fallback));
}

int ordinal(const json& j, const char* key, Problem& p)
{
    return static_cast<int>(
        integer(j, key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), p)
            .value_or(0));
}

bool flag(const json& j, const char* key, Problem& p)
{
    const json* v = field(j, key);
    if (!v)
        return false;
    if (!v->is_boolean()) {
        p.wrongType(key, "a boolean", *v);
        return false;
    }
    return v->get<bool>();
}

bool isSaneEpochMs(double ms)
{
    return std::isfinite(ms) && ms >= kMinEpochMs && ms < kMaxEpochMs;
}

QDateTime fromEpochNumber(double n)
{
    if (!std::isfinite(n))
        return {};
    const double ms = n > kMsThreshold ? n : n * 1000.0;
    if (!isSaneEpochMs(ms))
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), QTimeZone::utc());
}

QDateTime time(const json& j, const char* key, Problem& p)
{
    const json* v = field(j, key);
    if (!v)
        return {};
    QDateTime t;
    if (v->is_number())
        t = fromEpochNumber(v->get<double>());
    else if (v->is_string())
        t = parseTime(QString::fromStdString(v->get_ref<const std::string&>()));
    else {
        p.wrongType(key, "a time", *v);
        return {};
    }
    if (!t.isValid())
        p.fail(QStringLiteral("%1: not a time between 1970 and 3000").arg(QLatin1String(key)));
    return t;
}

QString decimal(const json& j, const char* key, Problem& p)
{
    const json* v = field(j, key);
    if (!v)
        return {};
    if (v->is_string())
        return QString::fromStdString(v->get_ref<const std::string&>());
    if (v->is_number_integer() || v->is_number_unsigned() || v->is_number_float()) {
        const double d = v->get<double>();
        if (!std::isfinite(d) || std::abs(d) >= kMaxMoney) {
            p.fail(QStringLiteral("%1: number out of range").arg(QLatin1String(key)));
            return {};
        }
        if (v->is_number_float())
            return QString::number(d, 'f', QLocale::FloatingPointShortest);
        return v->is_number_unsigned() ? QString::number(v->get<std::uint64_t>())
                                       : QString::number(v->get<std::int64_t>());
    }
    p.wrongType(key, "a decimal", *v);
    return {};
}

} // namespace detail
} // namespace WhaTrack::Codec
