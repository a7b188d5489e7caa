// Micro-benchmark of the protocol codec: ns per decoded publication push (one per frame, and 16
// per frame as Centrifugo batches them under load), against a plain nlohmann::json::parse of the
// same text as the peer (a DOM parse, no decoding into structs). Single thread, no I/O.
// Usage: bench_realtime_codec [iterations]

#include "realtime/protocol/codec.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <nlohmann/json.hpp>

using namespace Centrifuge::Protocol;

namespace {

QByteArray publicationLine(int seq)
{
    return R"({"push":{"channel":"bench:stream","pub":{"data":{"s":2,"n":)"
        + QByteArray::number(seq) + R"(,"t":1763898000123456789,"p":")" + QByteArray(160, 'x')
        + R"("},"offset":)" + QByteArray::number(seq + 1) + "}}}";
}

template<typename F> double nsPer(qint64 items, F&& body)
{
    QElapsedTimer timer;
    timer.start();
    body();
    return double(timer.nsecsElapsed()) / double(items);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    const QByteArray single = publicationLine(1);
    QByteArray batch;
    for (int i = 0; i < 16; ++i)
        batch += (i ? "\n" : "") + publicationLine(i);

    size_t sink = 0;
    for (int round = 0; round < 2; ++round) { // the first round warms caches and the allocator
        const double ours1 = nsPer(iterations, [&] {
            for (int i = 0; i < iterations; ++i)
                sink += decodeFrame(single).messages.size();
        });
        const double ours16 = nsPer(qint64(iterations), [&] {
            for (int i = 0; i < iterations / 16; ++i)
                sink += decodeFrame(batch).messages.size();
        }) * 16;
        const double peer = nsPer(iterations, [&] {
            for (int i = 0; i < iterations; ++i)
                sink += nlohmann::json::parse(single.constBegin(), single.constEnd()).size();
        });
        if (round == 1) {
            std::printf("decodeFrame, 1 publication per frame:   %7.0f ns/publication\n", ours1);
            std::printf(
                "decodeFrame, 16 publications per frame: %7.0f ns/publication\n", ours16 / 16);
            std::printf("peer: nlohmann::json::parse (DOM only): %7.0f ns/publication  "
                        "(decodeFrame is %.2fx of it)\n",
                peer, ours1 / peer);
        }
    }
    return sink == 0 ? 1 : 0;
}
