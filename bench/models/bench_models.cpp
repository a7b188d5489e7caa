// bench_models: publication -> row latency, refetch rate, event-loop stalls and RSS of the data
// layer, against a naive full-reset peer measured in the same run. See docs/performance.md.
//
//   bench_models [--quick] [--json FILE]      all phases, each in fresh processes; a table
//   bench_models --phase latency|storm|rss|biglist|modelonly [--mode store|naive] [--chats N]
//   [--messages M]
//                [--rate R] [--seconds S] [--share F]            one phase, prints RESULT {json}
//   bench_models --serve --chats N --messages M                    the server side (internal)

#include "benchclient.h"
#include "benchserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>

using namespace BenchModels;

namespace {

QJsonObject runChild(const QString& self, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // A phase dies with the runner (and its server and Centrifugo with it: same chain below).
    p.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    p.start(self, args);
    if (!p.waitForFinished(30 * 60 * 1000))
        p.kill();
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        if (line.startsWith("RESULT "))
            return QJsonDocument::fromJson(line.mid(7)).object();
    }
    return {{QStringLiteral("error"),
        QString(QStringLiteral("no result from ") + args.join(QLatin1Char(' ')))}};
}

QString ms(const QJsonObject& o, const char* key, const char* q)
{
    const QJsonObject p = o.value(QLatin1String(key)).toObject();
    if (p.value(QStringLiteral("n")).toInt() == 0)
        return QStringLiteral("–");
    return QString::number(p.value(QLatin1String(q)).toDouble(), 'f', 1);
}

QString refetches(const QJsonObject& o)
{
    QStringList parts;
    const QJsonObject r = o.value(QStringLiteral("refetchesPerSecond")).toObject();
    for (auto it = r.begin(); it != r.end(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble(), 0, 'f', 1);
    return parts.join(QStringLiteral(", "));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("inbox.*.info=false\ninbox.*.debug=false"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("serve"), QStringLiteral("server side")},
        {QStringLiteral("phase"), QStringLiteral("one phase"), QStringLiteral("name")},
        {QStringLiteral("mode"), QStringLiteral("store|naive"), QStringLiteral("mode"),
            QStringLiteral("store")},
        {QStringLiteral("chats"), QStringLiteral("chats"), QStringLiteral("n"),
            QStringLiteral("2000")},
        {QStringLiteral("messages"), QStringLiteral("messages in the open chat"),
            QStringLiteral("n"), QStringLiteral("500")},
        {QStringLiteral("rate"), QStringLiteral("publications/s"), QStringLiteral("r"),
            QStringLiteral("100")},
        {QStringLiteral("seconds"), QStringLiteral("duration"), QStringLiteral("s"),
            QStringLiteral("10")},
        {QStringLiteral("share"), QStringLiteral("share for the open chat"), QStringLiteral("f"),
            QStringLiteral("0.3")},
        {QStringLiteral("quick"), QStringLiteral("shorter runs")},
        {QStringLiteral("json"), QStringLiteral("write all results to FILE"),
            QStringLiteral("file")}});
    parser.process(app);
    const QString self = QCoreApplication::applicationFilePath();

    if (parser.isSet(QStringLiteral("serve")))
        return runServer(parser.value(QStringLiteral("chats")).toInt(),
            parser.value(QStringLiteral("messages")).toInt());

    if (parser.isSet(QStringLiteral("phase"))) {
        PhaseOptions o;
        o.phase = parser.value(QStringLiteral("phase"));
        o.mode = parser.value(QStringLiteral("mode"));
        o.chats = parser.value(QStringLiteral("chats")).toInt();
        o.messages = parser.value(QStringLiteral("messages")).toInt();
        o.rate = parser.value(QStringLiteral("rate")).toDouble();
        o.seconds = parser.value(QStringLiteral("seconds")).toDouble();
        o.openShare = parser.value(QStringLiteral("share")).toDouble();
        QJsonObject r;
        if (o.phase == QLatin1String("biglist"))
            r = runBigListPhase(o, self);
        else if (o.phase == QLatin1String("modelonly"))
            r = runModelOnlyPhase(o);
        else
            r = runPhase(o, self);
        std::printf("RESULT %s\n", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        return r.contains(QStringLiteral("error")) ? 1 : 0;
    }

    const bool quick = parser.isSet(QStringLiteral("quick"));
    const QString latencySeconds = quick ? QStringLiteral("4") : QStringLiteral("10");
    QJsonArray all;
    std::printf("## Latency: publication -> row (2,000 chats, 500 messages in the open chat)\n\n");
    std::printf("| rate/s | data layer | open-chat row p50/p99 ms | chat-list row p50/p99 ms | "
                "confirmed by refetch p50/p99 ms | stall p99/max ms | refetches/s |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const char* rate : {"10", "100", "1000"}) {
        for (const char* mode : {"store", "naive"}) {
            const QString seconds = QLatin1String(mode) == QLatin1String("naive")
                    && QLatin1String(rate) == QLatin1String("1000")
                ? QStringLiteral("3")
                : latencySeconds;
            QJsonObject r = runChild(self,
                {QStringLiteral("--phase"), QStringLiteral("latency"), QStringLiteral("--mode"),
                    QLatin1String(mode), QStringLiteral("--rate"), QLatin1String(rate),
                    QStringLiteral("--seconds"), seconds});
            all.append(r);
            std::printf("| %s | %s | %s / %s | %s / %s | %s / %s | %s / %s | %s |\n", rate, mode,
                qPrintable(ms(r, "visible", "p50")), qPrintable(ms(r, "visible", "p99")),
                qPrintable(ms(r, "chatRow", "p50")), qPrintable(ms(r, "chatRow", "p99")),
                qPrintable(ms(r, "confirmed", "p50")), qPrintable(ms(r, "confirmed", "p99")),
                qPrintable(ms(r, "stall", "p99")), qPrintable(ms(r, "stall", "max")),
                qPrintable(refetches(r)));
            std::fflush(stdout);
        }
    }
    const QString stormSeconds = quick ? QStringLiteral("8") : QStringLiteral("30");
    std::printf("\n## Storm: 1000 publications/s for %s s (20,000 chats, 2,000 messages in the "
                "open chat)\n\n",
        qPrintable(stormSeconds));
    QJsonObject storm = runChild(self,
        {QStringLiteral("--phase"), QStringLiteral("storm"), QStringLiteral("--chats"),
            QStringLiteral("20000"), QStringLiteral("--messages"), QStringLiteral("2000"),
            QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--seconds"),
            stormSeconds});
    all.append(storm);
    std::printf("| metric | storm | idle (same process, nothing published) |\n|---|---|---|\n");
    std::printf("| event-loop stall p99 / max ms | %s / %s | %s / %s |\n",
        qPrintable(ms(storm, "stall", "p99")), qPrintable(ms(storm, "stall", "max")),
        qPrintable(ms(storm, "idleStall", "p99")), qPrintable(ms(storm, "idleStall", "max")));
    std::printf("| open-chat row p50/p99 ms | %s / %s | |\n",
        qPrintable(ms(storm, "visible", "p50")), qPrintable(ms(storm, "visible", "p99")));
    std::printf("| chat-list row p50/p99 ms | %s / %s | |\n",
        qPrintable(ms(storm, "chatRow", "p50")), qPrintable(ms(storm, "chatRow", "p99")));
    std::printf("| confirmed p50/p99 ms | %s / %s | |\n", qPrintable(ms(storm, "confirmed", "p50")),
        qPrintable(ms(storm, "confirmed", "p99")));
    std::printf("| refetches/s | %s | |\n", qPrintable(refetches(storm)));
    std::printf("| published (failed publish calls) | %lld (%lld) | |\n",
        static_cast<long long>(storm.value(QStringLiteral("published")).toInteger()),
        static_cast<long long>(storm.value(QStringLiteral("publishFailures")).toInteger()));
    std::printf(
        "| peak RSS MB | %.1f | |\n", storm.value(QStringLiteral("peakRssKb")).toDouble() / 1024.0);
    std::fflush(stdout);

    std::printf(
        "\n## Memory: 20,000 chats + 100,000 messages in one chat (paged in, 100 per page)\n\n");
    QJsonObject rss = runChild(self,
        {QStringLiteral("--phase"), QStringLiteral("rss"), QStringLiteral("--chats"),
            QStringLiteral("20000"), QStringLiteral("--messages"), QStringLiteral("100000")});
    all.append(rss);
    std::printf("| metric | value |\n|---|---|\n");
    std::printf("| RSS before loading (process + Qt) MB | %.1f |\n",
        rss.value(QStringLiteral("rssStartKb")).toDouble() / 1024.0);
    std::printf("| RSS with 20,000 chats loaded MB | %.1f |\n",
        rss.value(QStringLiteral("rssAfterLoadKb")).toDouble() / 1024.0);
    std::printf("| RSS with 20,000 chats + %d messages MB | %.1f |\n",
        rss.value(QStringLiteral("rowsMessages")).toInt(),
        rss.value(QStringLiteral("rssKb")).toDouble() / 1024.0);
    std::printf("| peak RSS (VmHWM) MB | %.1f |\n",
        rss.value(QStringLiteral("peakRssKb")).toDouble() / 1024.0);
    std::printf("| paging 1,000 pages took s | %.1f |\n",
        rss.value(QStringLiteral("pagingMs")).toDouble() / 1000.0);
    if (parser.isSet(QStringLiteral("json"))) {
        QFile f(parser.value(QStringLiteral("json")));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(all).toJson());
    }
    return 0;
}
