// The floor: a bare QWebSocket that does the connect/subscribe handshake by hand, answers pings,
// and for each publication line only reads the step and publish time out of the text. No codec,
// no client state machine: what is left is the cost of Qt's WebSocket itself.

#include "receivercommon.h"

#include <QCoreApplication>
#include <QWebSocket>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Bench::Args args = Bench::parseArgs();
    Bench::Stats stats(QStringLiteral("floor (bare QWebSocket)"));
    qint64 total = 0;
    qint64 frames = 0;
    bool subscribed = false;

    QWebSocket socket;
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&] {
        socket.sendTextMessage(QStringLiteral("{\"id\":1,\"connect\":{\"token\":\"%1\"}}\n"
                                              "{\"id\":2,\"subscribe\":{\"channel\":\"%2\"}}")
                                   .arg(args.token, args.channel));
    });
    QObject::connect(&socket, &QWebSocket::disconnected, &socket, [&] {
        stats.countDisconnect();
        std::printf("ERR disconnected %d\n", int(socket.closeCode()));
        std::fflush(stdout);
    });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString& frame) {
        const qint64 now = Bench::nowNs();
        ++frames;
        const QStringView text(frame);
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf(u'\n', start);
            if (end < 0)
                end = text.size();
            const QStringView line = text.mid(start, end - start);
            start = end + 1;
            if (line == u"{}") {
                socket.sendTextMessage(QStringLiteral("{}")); // pong
                continue;
            }
            const qsizetype data = line.indexOf(u"\"data\":");
            if (line.startsWith(u"{\"push\"") && data >= 0) {
                Bench::Payload p;
                if (Bench::scanPayload(line.mid(data + 7), p))
                    stats.record(p.step, now - p.sentNs);
                else
                    stats.countMalformed();
                ++total;
            } else if (!subscribed && line.startsWith(u"{\"id\":2,")) {
                subscribed = true;
                if (line.contains(u"\"error\""))
                    qFatal("subscribe failed");
                Bench::DriverLink::ready();
            }
        }
    });

    Bench::DriverLink link(&total);
    QObject::connect(&link, &Bench::DriverLink::stopRequested, &app, [&] {
        stats.setExtra("frames", frames);
        const bool ok = stats.writeJson(args.out);
        std::puts(ok ? "DONE" : "ERR cannot write result");
        std::fflush(stdout);
        socket.close();
        app.exit(ok ? 0 : 1);
    });
    socket.open(QUrl(args.url));
    return app.exec();
}
