#include "realtime/deltadecoder.h"

#include "realtime/fossil.h"

#include <nlohmann/json.hpp>

namespace Centrifuge {

std::optional<QByteArray> DeltaDecoder::decode(QByteArrayView rawData, bool isDelta, QString* error)
{
    const auto json = nlohmann::json::parse(rawData.begin(), rawData.end(), nullptr, false);
    if (json.is_discarded() || !json.is_string()) {
        *error = QStringLiteral("delta publication data is not a JSON string");
        return std::nullopt;
    }
    const std::string& text = json.get_ref<const std::string&>();
    QByteArray bytes(text.data(), qsizetype(text.size()));
    if (!isDelta) {
        m_base = bytes;
        return bytes;
    }
    if (!hasBase()) {
        *error = QStringLiteral("delta publication without a base");
        return std::nullopt;
    }
    Fossil::Error fossilError = Fossil::Error::None;
    std::optional<QByteArray> target = Fossil::apply(m_base, bytes, &fossilError);
    if (!target) {
        *error = QStringLiteral("fossil delta: ") + Fossil::errorString(fossilError);
        return std::nullopt;
    }
    m_base = *target;
    return target;
}

} // namespace Centrifuge
