// Benchmark receiver on this SDK: Centrifuge::Client + Subscription, on the main thread.
// Latency is taken when Subscription::publication is emitted.

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "receivercommon.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Bench::Args args = Bench::parseArgs();
    Bench::Stats stats(QStringLiteral("inbox_realtime (Qt)"));
    qint64 total = 0;

    Centrifuge::ClientOptions options;
    options.token = args.token;
    options.name = QStringLiteral("bench");
    // The benchmark measures the defaults; this only helps attribute memory (see README).
    if (qEnvironmentVariableIsSet("BENCH_NO_NETWORK_WATCH"))
        options.watchNetworkReachability = false;
    Centrifuge::Client client(QUrl(args.url), options);
    QObject::connect(
        &client, &Centrifuge::Client::connecting, &app, [&](int code, const QString& reason) {
            if (code == Centrifuge::ConnectingCode::ConnectCalled)
                return;
            stats.countDisconnect();
            std::printf("ERR connecting %d %s\n", code, qPrintable(reason));
            std::fflush(stdout);
        });
    QObject::connect(
        &client, &Centrifuge::Client::disconnected, &app, [&](int code, const QString& reason) {
            stats.countDisconnect();
            std::printf("ERR disconnected %d %s\n", code, qPrintable(reason));
            std::fflush(stdout);
        });

    Centrifuge::Subscription* sub = client.newSubscription(args.channel);
    bool ready = false;
    QObject::connect(sub, &Centrifuge::Subscription::subscribed, &app, [&] {
        if (!ready) {
            ready = true;
            Bench::DriverLink::ready();
        }
    });
    QObject::connect(sub, &Centrifuge::Subscription::publication, &app,
        [&](const Centrifuge::Publication& publication) {
            const qint64 now = Bench::nowNs();
            Bench::Payload p;
            if (Bench::scanPayload(publication.data, p))
                stats.record(p.step, now - p.sentNs);
            else
                stats.countMalformed();
            ++total;
        });

    Bench::DriverLink link(&total);
    QObject::connect(&link, &Bench::DriverLink::stopRequested, &app, [&] {
        const bool ok = stats.writeJson(args.out);
        std::puts(ok ? "DONE" : "ERR cannot write result");
        std::fflush(stdout);
        client.disconnectFromServer();
        app.exit(ok ? 0 : 1);
    });
    sub->subscribe();
    client.connectToServer();
    return app.exec();
}
