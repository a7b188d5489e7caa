// bench_views: the real MainWindow against the real Centrifugo — cold start, a publication
// storm with the views painting, scrolling, memory — beside a plain QListView +
// QStandardItemModel peer measured in the same run. See docs/performance.md, "With the views".
//
//   bench_views [--quick] [--repeat N] [--json FILE]    every phase N times (default 3), each
//               run in fresh processes; a table of medians and (min-max) spreads with the load
//   bench_views --phase storm|scroll|memory|cold [--mode store|naive] [--chats N]
//               [--messages M] [--rate R] [--seconds S]    one phase, prints RESULT {json}
//   bench_views --serve --chats N --messages M             the server side (internal)

#include "../models/benchprocess.h"
#include "../models/benchserver.h"
#include "../models/benchsummary.h"
#include "viewphases.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>

using namespace BenchViews;
using BenchModels::runChild;
using BenchModels::RunSet;

namespace {

bool wants(int argc, char** argv, const char* flag)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], flag) == 0)
            return true;
    }
    return false;
}

void row3(const char* name, const QString& a, const QString& b)
{
    std::printf("| %s | %s | %s |\n", name, qPrintable(a), qPrintable(b));
}

} // namespace

int main(int argc, char** argv)
{
    if (wants(argc, argv, "--serve")) { // the server needs no GUI
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("inbox.*.info=false\ninbox.*.debug=false"));
        const QStringList args = app.arguments();
        auto value = [&](const QString& name) {
            const qsizetype i = args.indexOf(name);
            return i >= 0 ? args.value(i + 1).toInt() : 0;
        };
        return BenchModels::runServer(
            value(QStringLiteral("--chats")), value(QStringLiteral("--messages")));
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("inbox.*.info=false\ninbox.*.debug=false\nqt.qpa.*=false"));
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("phase"), QStringLiteral("one phase"),
                           QStringLiteral("name")},
        {QStringLiteral("mode"), QStringLiteral("store|naive"), QStringLiteral("mode"),
            QStringLiteral("store")},
        {QStringLiteral("chats"), QStringLiteral("chats"), QStringLiteral("n"),
            QStringLiteral("20000")},
        {QStringLiteral("messages"), QStringLiteral("messages in the open chat"),
            QStringLiteral("n"), QStringLiteral("2000")},
        {QStringLiteral("rate"), QStringLiteral("publications/s"), QStringLiteral("r"),
            QStringLiteral("1000")},
        {QStringLiteral("seconds"), QStringLiteral("duration"), QStringLiteral("s"),
            QStringLiteral("30")},
        {QStringLiteral("endpoints"), QStringLiteral("cold child (internal)"), QStringLiteral("e")},
        {QStringLiteral("t0"), QStringLiteral("cold child (internal)"), QStringLiteral("ns")},
        {QStringLiteral("quick"), QStringLiteral("shorter runs")},
        {QStringLiteral("repeat"), QStringLiteral("runs per configuration (median, min-max)"),
            QStringLiteral("n"), QStringLiteral("3")},
        {QStringLiteral("json"), QStringLiteral("write all results to FILE"),
            QStringLiteral("file")}});
    parser.process(app);
    const QString self = QCoreApplication::applicationFilePath();
    const bool quick = parser.isSet(QStringLiteral("quick"));

    if (parser.isSet(QStringLiteral("phase"))) {
        const QString phase = parser.value(QStringLiteral("phase"));
        ViewOptions o;
        o.mode = parser.value(QStringLiteral("mode"));
        o.chats = parser.value(QStringLiteral("chats")).toInt();
        o.messages = parser.value(QStringLiteral("messages")).toInt();
        o.rate = parser.value(QStringLiteral("rate")).toDouble();
        o.seconds = parser.value(QStringLiteral("seconds")).toDouble();
        o.quick = quick;
        QJsonObject r;
        if (phase == QLatin1String("coldchild"))
            r = runColdChild(parser.value(QStringLiteral("endpoints")),
                parser.value(QStringLiteral("t0")).toLongLong());
        else if (phase == QLatin1String("cold"))
            r = runColdPhase(o, self);
        else if (phase == QLatin1String("scroll"))
            r = runScrollPhase(o, self);
        else if (phase == QLatin1String("memory"))
            r = runMemoryPhase(o, self);
        else
            r = runStormPhase(o, self);
        std::printf("RESULT %s\n", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        return r.contains(QStringLiteral("error")) ? 1 : 0;
    }

    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    auto runSet = [&](const QStringList& args) {
        RunSet set;
        for (int i = 0; i < repeat; ++i) {
            const double before = BenchModels::loadAverage1();
            const QJsonObject r = runChild(self, args);
            if (r.contains(QStringLiteral("error")))
                std::fprintf(stderr, "bench_views %s: %s\n",
                    qPrintable(args.join(QLatin1Char(' '))),
                    qPrintable(r.value(QStringLiteral("error")).toString()));
            set.add(r, before, BenchModels::loadAverage1());
        }
        return set;
    };
    QJsonArray all;
    const double mb = 1.0 / 1024.0;
    std::printf("Each figure: the median of %d runs, (min–max) over the runs; load: the 1-minute "
                "load average before and after each run (2 cores, shared).\n\n",
        repeat);

    std::printf("## Cold start (20,000 chats in the local cache, real Centrifugo on loopback)\n\n");
    const RunSet cold = runSet({QStringLiteral("--phase"), QStringLiteral("cold")});
    all.append(cold.toJson());
    std::printf("| metric | ms | target |\n|---|---|---|\n");
    row3("process start -> main()", cold.cell(QStringLiteral("mainMs")), {});
    row3("process start -> window shown", cold.cell(QStringLiteral("windowMs")), {});
    row3("process start -> first chat row painted", cold.cell(QStringLiteral("firstPaintMs")),
        QStringLiteral("<= 300"));
    row3("process start -> connected and subscribed (saved list shown)",
        cold.cell(QStringLiteral("subscribedMs")), QStringLiteral("<= 500"));
    row3("process start -> live (REST loaded, subscribed)", cold.cell(QStringLiteral("liveMs")),
        QStringLiteral("<= 500"));
    row3("load (1 min)", cold.loadRange(), {});
    std::fflush(stdout);

    const QString seconds = quick ? QStringLiteral("8") : QStringLiteral("30");
    std::printf("\n## Storm with views: 1000 publications/s for %s s, 20,000 chats, open chat "
                "visible, list scrolled\n\n",
        qPrintable(seconds));
    RunSet storms[2];
    const char* modes[2] = {"store", "naive"};
    for (int m = 0; m < 2; ++m) {
        storms[m]
            = runSet({QStringLiteral("--phase"), QStringLiteral("storm"), QStringLiteral("--mode"),
                QLatin1String(modes[m]), QStringLiteral("--seconds"), seconds});
        all.append(storms[m].toJson());
    }
    std::printf(
        "| metric | real views (InboxStore + MainWindow) | peer (QListView + "
        "QStandardItemModel reset per publication) | ratio peer/real |\n|---|---|---|---|\n");
    auto ratio = [&](const QString& path) {
        const double a = storms[0].spread(path).median, b = storms[1].spread(path).median;
        return a > 0 ? QString::number(b / a, 'f', 1) : QStringLiteral("-");
    };
    auto row = [&](const char* name, const QString& path) {
        std::printf("| %s | %s | %s | %s |\n", name, qPrintable(storms[0].cell(path)),
            qPrintable(storms[1].cell(path)), qPrintable(ratio(path)));
    };
    row("frame interval p50 ms (60 Hz heartbeat)", QStringLiteral("frame.p50"));
    row("frame interval p99 ms", QStringLiteral("frame.p99"));
    row("frame interval max ms", QStringLiteral("frame.max"));
    row("idle frame interval p99 ms (nothing published)", QStringLiteral("idleFrame.p99"));
    row("publication -> painted open-chat message p50 ms", QStringLiteral("message.p50"));
    row("publication -> painted open-chat message p99 ms", QStringLiteral("message.p99"));
    row("publication -> painted chat row p50 ms", QStringLiteral("chatRow.p50"));
    row("publication -> painted chat row p99 ms", QStringLiteral("chatRow.p99"));
    row("open-chat messages painted", QStringLiteral("message.n"));
    row("published", QStringLiteral("published"));
    std::printf("| peer: publications dropped after the storm + 3 s | | %s | |\n",
        qPrintable(storms[1].cell(QStringLiteral("dropped"), 0)));
    std::printf("| peak RSS MB | %s | %s | |\n",
        qPrintable(storms[0].cell(QStringLiteral("peakRssKb"), 1, mb)),
        qPrintable(storms[1].cell(QStringLiteral("peakRssKb"), 1, mb)));
    std::printf("| load (1 min) | %s | %s | |\n", qPrintable(storms[0].loadRange()),
        qPrintable(storms[1].loadRange()));
    std::fflush(stdout);

    std::printf("\n## Scrolling: flings through 20,000 chats and 10,000 messages (half a page a "
                "frame, each frame repainted at once)\n\n");
    QStringList scrollArgs {QStringLiteral("--phase"), QStringLiteral("scroll"),
        QStringLiteral("--messages"), QStringLiteral("10000")};
    if (quick)
        scrollArgs.append(QStringLiteral("--quick"));
    const RunSet scroll = runSet(scrollArgs);
    all.append(scroll.toJson());
    std::printf("| list | frame p50 / p99 / max ms, caches off | caches on | ratio off/on (p99) "
                "|\n|---|---|---|---|\n");
    for (const char* list : {"chatList", "messageList"}) {
        const QString off = QLatin1String(list) + QStringLiteral("Uncached");
        const QString on = QLatin1String(list) + QStringLiteral("Cached");
        auto cells = [&](const QString& k) -> QString { // not a dangling QStringBuilder
            return scroll.cell(k + QStringLiteral(".p50"), 2) + QStringLiteral(" / ")
                + scroll.cell(k + QStringLiteral(".p99"), 2) + QStringLiteral(" / ")
                + scroll.cell(k + QStringLiteral(".max"), 2);
        };
        const double a = scroll.spread(off + QStringLiteral(".p99")).median;
        const double b = scroll.spread(on + QStringLiteral(".p99")).median;
        std::printf("| %s | %s | %s | %s |\n", list, qPrintable(cells(off)), qPrintable(cells(on)),
            b > 0 ? qPrintable(QString::number(a / b, 'f', 2)) : "-");
    }
    std::printf("| frames per fling (chat list / messages) | %s / %s | | |\n",
        qPrintable(scroll.cell(QStringLiteral("chatListCached.n"), 0)),
        qPrintable(scroll.cell(QStringLiteral("messageListCached.n"), 0)));
    std::printf("| load (1 min) | %s | | |\n", qPrintable(scroll.loadRange()));
    std::fflush(stdout);

    std::printf("\n## Memory: window open, 20,000 chats + 100,000 messages in the open chat\n\n");
    const RunSet memory = runSet({QStringLiteral("--phase"), QStringLiteral("memory"),
        QStringLiteral("--messages"), QStringLiteral("100000")});
    all.append(memory.toJson());
    std::printf("| metric | value |\n|---|---|\n");
    std::printf("| RSS, window with 20,000 chats and a small chat open MB | %s |\n",
        qPrintable(memory.cell(QStringLiteral("rssBeforeKb"), 1, mb)));
    std::printf("| RSS with the 100,000-message chat open and paged in MB | %s |\n",
        qPrintable(memory.cell(QStringLiteral("rssOpenKb"), 1, mb)));
    std::printf("| peak RSS (VmHWM) MB (target <= 200) | %s |\n",
        qPrintable(memory.cell(QStringLiteral("peakRssKb"), 1, mb)));
    std::printf("| RSS after closing the big chat MB | %s |\n",
        qPrintable(memory.cell(QStringLiteral("rssAfterCloseKb"), 1, mb)));
    std::printf("| after / before (target <= 1.10) | %s |\n",
        qPrintable(memory.cell(QStringLiteral("afterVsBefore"), 2)));
    std::printf("| paging 100,000 messages in took s | %s |\n",
        qPrintable(memory.cell(QStringLiteral("pagingMs"), 1, 1.0 / 1000.0)));
    std::printf("| load (1 min) | %s |\n", qPrintable(memory.loadRange()));
    if (parser.isSet(QStringLiteral("json"))) {
        QFile f(parser.value(QStringLiteral("json")));
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(all).toJson());
    }
    return 0;
}
