#include "realtime/framelog.h"

#include "realtime/logging.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace Centrifuge {
namespace {

using Json = nlohmann::json;

bool isSecret(std::string_view key)
{
    return key == "token";
}

bool isPayload(std::string_view key)
{
    return key == "data" || key == "info" || key == "conn_info" || key == "chan_info"
        || key == "prev_data" || key == "b64data";
}

//! "<N bytes>". Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict overlap
//! (GCC PR 105329) in the inlined `"<" + std::string&&`, which breaks the Release build.
std::string sizePlaceholder(std::size_t bytes)
{
    std::string text(1, '<');
    text += std::to_string(bytes);
    text += " bytes>";
    return text;
}

void scrub(Json& value)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (isSecret(it.key()))
                it.value() = "<redacted>";
            else if (isPayload(it.key()))
                it.value() = sizePlaceholder(it.value().dump().size());
            else
                scrub(it.value());
        }
    } else if (value.is_array()) {
        for (auto& element : value)
            scrub(element);
    }
}

} // namespace

QByteArray redactFrame(QByteArrayView frame)
{
    QByteArray out;
    const QByteArray text = frame.toByteArray();
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += '\n';
        Json json = Json::parse(lines[i].constBegin(), lines[i].constEnd(), nullptr, false);
        if (json.is_discarded()) {
            out += "<" + QByteArray::number(lines[i].size()) + " bytes, not JSON>";
            continue;
        }
        scrub(json);
        const std::string dumped = json.dump();
        out += QByteArray(dumped.data(), qsizetype(dumped.size()));
    }
    return out;
}

void logFrame(const char* direction, QByteArrayView frame)
{
    if (!lcRealtimeProtocol().isDebugEnabled())
        return;
    qCDebug(lcRealtimeProtocol).noquote() << direction << redactFrame(frame);
}

} // namespace Centrifuge
