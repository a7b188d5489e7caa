// libFuzzer target: Fossil::apply() on arbitrary base/delta pairs must never read out of bounds
// or over-allocate; create() then apply() must give the target back for any pair of inputs.

#include "realtime/fossil.h"

#include <cstddef>
#include <cstdint>

using namespace Centrifuge;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    // First byte picks the split point between base and the second input.
    const size_t split = 1 + (size_t(data[0]) * (size - 1)) / 255;
    const QByteArrayView base(reinterpret_cast<const char*>(data + 1), qsizetype(split - 1));
    const QByteArrayView other(
        reinterpret_cast<const char*>(data + split), qsizetype(size - split));

    // As a delta: must fail cleanly or produce exactly the announced size.
    Fossil::Error error = Fossil::Error::None;
    if (const auto out = Fossil::apply(base, other, &error)) {
        if (out->size() != Fossil::outputSize(other) || error != Fossil::Error::None)
            __builtin_trap();
    } else if (error == Fossil::Error::None) {
        __builtin_trap();
    }

    // As a target: our encoder's delta must round-trip.
    const QByteArray delta = Fossil::create(base, other);
    const auto back = Fossil::apply(base, delta);
    if (!back || *back != other)
        __builtin_trap();
    return 0;
}
