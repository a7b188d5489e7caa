// bench_models: publication -> row latency, refetch rate, event-loop stalls and RSS of the data
// layer, against a naive full-reset peer measured in the same run. See docs/performance.md.
//
//   bench_models [--quick] [--repeat N] [--json FILE]   all phases, each run N times (default 3)
//                in fresh processes; a table of medians and (min-max) spreads with the load
//   bench_models --phase latency|storm|rss|biglist|modelonly [--mode store|naive] [--chats N]
//   [--messages M]
//                [--rate R] [--seconds S] [--share F]            one phase, prints RESULT {json}
//   bench_models --serve --chats N --messages M                    the server side (internal)

#include "benchclient.h"
#include "benchprocess.h"
#include "benchserver.h"
#include "benchsummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/prctl.h>

using namespace BenchModels;

using BenchModels::runChild;

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
        {QStringLiteral("repeat"), QStringLiteral("runs per configuration (median, min-max)"),
            QStringLiteral("n"), QStringLiteral("3")},
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
        // Out before the exit path runs (static destructors, pools waiting for queued decodes):
        // stdout is a pipe, so unflushed figures were lost when the process died on its way out.
        std::fflush(stdout);
        // The servers were stopped inside the phase. What exit() would still do is wait for
        // every decode the pools hold: the naive peer at 1000/s queues thousands of 1.8 MB
        // chat lists, and its exit took 25-270 s on a loaded machine (not part of any figure).
        std::_Exit(r.contains(QStringLiteral("error")) ? 1 : 0);
    }

    const bool quick = parser.isSet(QStringLiteral("quick"));
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    // Each configuration runs `repeat` times, each run in a fresh client and server process.
    auto runSet = [&](const QStringList& args) {
        RunSet set;
        for (int i = 0; i < repeat; ++i) {
            const double before = loadAverage1();
            const QJsonObject r = runChild(self, args);
            set.add(r, before, loadAverage1());
        }
        return set;
    };
    QJsonArray all;
    // Runs that gave no figures (or failed after them), listed under each table.
    QStringList problems;
    auto noteProblems = [&problems](const QString& what, const RunSet& set) {
        if (!set.problems().isEmpty())
            problems << QStringLiteral("- %1: %2").arg(what, set.problems());
    };
    auto printProblems = [&problems] {
        for (const QString& line : std::as_const(problems))
            std::printf("%s\n", qPrintable(line));
        if (!problems.isEmpty())
            std::printf("\n");
        problems.clear();
        std::fflush(stdout);
    };
    std::printf("Each figure: the median of %d runs, (min–max) over the runs; load: the 1-minute "
                "load average before and after each run (2 cores).\n\n",
        repeat);
    const QString latencySeconds = quick ? QStringLiteral("4") : QStringLiteral("10");
    std::printf("## Latency: publication -> row (2,000 chats, 500 messages in the open chat)\n\n");
    std::printf(
        "| rate/s | data layer | open-chat row p50 / p99 ms | chat-list row p50 / p99 ms | "
        "confirmed by refetch p50 / p99 ms | stall p99 / max ms | publisher lag p50 / p99 ms | "
        "batch call p50 / p99 ms | refetches/s | load |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    for (const char* rate : {"10", "100", "1000"}) {
        for (const char* mode : {"store", "naive"}) {
            const QString seconds = QLatin1String(mode) == QLatin1String("naive")
                    && QLatin1String(rate) == QLatin1String("1000")
                ? QStringLiteral("3")
                : latencySeconds;
            const RunSet set = runSet({QStringLiteral("--phase"), QStringLiteral("latency"),
                QStringLiteral("--mode"), QLatin1String(mode), QStringLiteral("--rate"),
                QLatin1String(rate), QStringLiteral("--seconds"), seconds});
            all.append(set.toJson());
            const QString stall = set.cell(QStringLiteral("stall.p99")) + QStringLiteral(" / ")
                + set.cell(QStringLiteral("stall.max"));
            noteProblems(
                QStringLiteral("%1/s %2").arg(QLatin1String(rate), QLatin1String(mode)), set);
            // The figures are over the runs that finished: say how many when not all did.
            const QString layer = set.errors() == 0 ? QString::fromLatin1(mode)
                                                    : QStringLiteral("%1 (%2 of %3 runs)")
                                                          .arg(QLatin1String(mode))
                                                          .arg(set.runs() - set.errors())
                                                          .arg(set.runs());
            std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", rate,
                qPrintable(layer), qPrintable(set.p50p99(QStringLiteral("visible"))),
                qPrintable(set.p50p99(QStringLiteral("chatRow"))),
                qPrintable(set.p50p99(QStringLiteral("confirmed"))), qPrintable(stall),
                qPrintable(set.p50p99(QStringLiteral("publisherLag"))),
                qPrintable(set.p50p99(QStringLiteral("publishCall"))), qPrintable(set.refetches()),
                qPrintable(set.loadRange()));
            std::fflush(stdout);
        }
    }
    std::printf("\n");
    printProblems();
    const QString stormSeconds = quick ? QStringLiteral("8") : QStringLiteral("30");
    std::printf("\n## Storm: 1000 publications/s for %s s (20,000 chats, 2,000 messages in the "
                "open chat)\n\n",
        qPrintable(stormSeconds));
    const RunSet storm = runSet({QStringLiteral("--phase"), QStringLiteral("storm"),
        QStringLiteral("--chats"), QStringLiteral("20000"), QStringLiteral("--messages"),
        QStringLiteral("2000"), QStringLiteral("--rate"), QStringLiteral("1000"),
        QStringLiteral("--seconds"), stormSeconds});
    all.append(storm.toJson());
    std::printf("| metric | storm | idle (same process, nothing published) |\n|---|---|---|\n");
    std::printf("| event-loop stall p99 ms | %s | %s |\n",
        qPrintable(storm.cell(QStringLiteral("stall.p99"))),
        qPrintable(storm.cell(QStringLiteral("idleStall.p99"))));
    std::printf("| event-loop stall max ms | %s | %s |\n",
        qPrintable(storm.cell(QStringLiteral("stall.max"))),
        qPrintable(storm.cell(QStringLiteral("idleStall.max"))));
    std::printf("| longest busy slice of the GUI thread ms | %s | |\n",
        qPrintable(storm.cell(QStringLiteral("busyMaxMs"))));
    std::printf("| open-chat row p50 / p99 ms | %s | |\n",
        qPrintable(storm.p50p99(QStringLiteral("visible"))));
    std::printf("| chat-list row p50 / p99 ms | %s | |\n",
        qPrintable(storm.p50p99(QStringLiteral("chatRow"))));
    std::printf("| confirmed p50 / p99 ms | %s | |\n",
        qPrintable(storm.p50p99(QStringLiteral("confirmed"))));
    std::printf("| publisher lag (due -> batch sent) p50 / p99 ms | %s | |\n",
        qPrintable(storm.p50p99(QStringLiteral("publisherLag"))));
    std::printf("| publisher lag max ms | %s | |\n",
        qPrintable(storm.cell(QStringLiteral("publisherLag.max"))));
    std::printf("| batch call (sent -> Centrifugo answered) p50 / p99 ms | %s | |\n",
        qPrintable(storm.p50p99(QStringLiteral("publishCall"))));
    std::printf("| refetches/s | %s | |\n", qPrintable(storm.refetches()));
    std::printf("| published per run (failed batch calls) | %s (%s) | |\n",
        qPrintable(storm.cell(QStringLiteral("published"), 0)),
        qPrintable(storm.cell(QStringLiteral("publishFailures"), 0)));
    std::printf("| peak RSS MB | %s | |\n",
        qPrintable(storm.cell(QStringLiteral("peakRssKb"), 1, 1.0 / 1024.0)));
    std::printf("| load (1 min) | %s | |\n\n", qPrintable(storm.loadRange()));
    noteProblems(QStringLiteral("storm"), storm);
    printProblems();

    std::printf(
        "\n## Memory: 20,000 chats + 100,000 messages in one chat (paged in, 100 per page)\n\n");
    const RunSet rss
        = runSet({QStringLiteral("--phase"), QStringLiteral("rss"), QStringLiteral("--chats"),
            QStringLiteral("20000"), QStringLiteral("--messages"), QStringLiteral("100000")});
    all.append(rss.toJson());
    const double mb = 1.0 / 1024.0;
    std::printf("| metric | value |\n|---|---|\n");
    std::printf("| RSS before loading (process + Qt) MB | %s |\n",
        qPrintable(rss.cell(QStringLiteral("rssStartKb"), 1, mb)));
    std::printf("| RSS with 20,000 chats loaded MB | %s |\n",
        qPrintable(rss.cell(QStringLiteral("rssAfterLoadKb"), 1, mb)));
    std::printf("| RSS with 20,000 chats + %s messages MB | %s |\n",
        qPrintable(rss.cell(QStringLiteral("rowsMessages"), 0)),
        qPrintable(rss.cell(QStringLiteral("rssKb"), 1, mb)));
    std::printf(
        "| peak RSS (VmHWM) MB | %s |\n", qPrintable(rss.cell(QStringLiteral("peakRssKb"), 1, mb)));
    std::printf("| paging 1,000 pages took s | %s |\n",
        qPrintable(rss.cell(QStringLiteral("pagingMs"), 1, 1.0 / 1000.0)));
    std::printf("| load (1 min) | %s |\n\n", qPrintable(rss.loadRange()));
    noteProblems(QStringLiteral("memory"), rss);
    printProblems();
    if (parser.isSet(QStringLiteral("json"))) {
        QFile f(parser.value(QStringLiteral("json")));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(all).toJson());
    }
    return 0;
}
