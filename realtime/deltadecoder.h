#pragma once

//! \file deltadecoder.h
//! \brief Resolves publications of a subscription that negotiated fossil delta compression.
//!
//! In the JSON protocol such a publication's `data` is a JSON *string*: with `delta:false` its
//! UTF-8 bytes are the full payload (which becomes the base), with `delta:true` they are a fossil
//! delta to apply to the base (centrifuge-js json.ts). Recovered publications arrive as such a
//! chain too, the first one full.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Centrifuge {

class DeltaDecoder
{
public:
    //! The payload as JSON text, or nullopt with \a error set (then the base is left unchanged
    //! and the subscription must resubscribe to get a full payload again).
    std::optional<QByteArray> decode(QByteArrayView rawData, bool isDelta, QString* error);
    //! Forget the base (new subscription, state invalidated).
    void reset() { m_base.clear(); }
    bool hasBase() const { return !m_base.isNull(); }

private:
    QByteArray m_base;
};

} // namespace Centrifuge
