#include "receivercommon.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace Bench {

namespace {

template<typename Char>
bool scanNumber(const Char*& p, const Char* end, const char* prefix, qint64& value)
{
    for (const char* q = prefix; *q; ++q, ++p) {
        if (p == end || *p != Char(*q))
            return false;
    }
    const Char* start = p;
    value = 0;
    while (p != end && *p >= Char('0') && *p <= Char('9'))
        value = value * 10 + (*p++ - Char('0'));
    return p != start;
}

template<typename Char> bool scan(const Char* p, const Char* end, Payload& out)
{
    qint64 step = 0;
    if (!scanNumber(p, end, "{\"s\":", step) || !scanNumber(p, end, ",\"n\":", out.seq)
        || !scanNumber(p, end, ",\"t\":", out.sentNs))
        return false;
    out.step = int(step);
    return true;
}

} // namespace

bool scanPayload(QByteArrayView data, Payload& out)
{
    return scan(data.data(), data.data() + data.size(), out);
}

bool scanPayload(QStringView data, Payload& out)
{
    return scan(data.utf16(), data.utf16() + data.size(), out);
}

bool Stats::writeJson(const QString& path) const
{
    QJsonObject steps;
    for (const auto& [index, step] : m_steps) {
        QJsonArray hist;
        for (size_t b = 0; b < step.hist.size(); ++b) {
            if (step.hist[b])
                hist.append(QJsonArray {qint64(b), qint64(step.hist[b])});
        }
        steps.insert(QString::number(index),
            QJsonObject {{QStringLiteral("count"), step.count}, {QStringLiteral("hist"), hist}});
    }
    QJsonObject root {{QStringLiteral("name"), m_name}, {QStringLiteral("steps"), steps},
        {QStringLiteral("malformed"), m_malformed}, {QStringLiteral("disconnects"), m_disconnects}};
    for (const auto& [key, value] : m_extra)
        root.insert(QString::fromLatin1(key), value);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) > 0;
}

DriverLink::DriverLink(const qint64* counter, QObject* parent)
    : QObject(parent)
    , m_counter(counter)
    , m_stdin(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    , m_progress(new QTimer(this))
{
    connect(m_stdin, &QSocketNotifier::activated, this, [this] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            m_stdin->setEnabled(false);
            m_progress->stop();
            Q_EMIT stopRequested();
        }
    });
    connect(m_progress, &QTimer::timeout, this, [this] {
        std::printf("P %lld\n", static_cast<long long>(*m_counter));
        std::fflush(stdout);
    });
    m_progress->start(100);
}

void DriverLink::ready()
{
    std::puts("READY");
    std::fflush(stdout);
}

Args parseArgs()
{
    QCommandLineParser parser;
    const QCommandLineOption url(
        QStringLiteral("url"), QStringLiteral("WebSocket URL"), QStringLiteral("url"));
    const QCommandLineOption channel(
        QStringLiteral("channel"), QStringLiteral("channel"), QStringLiteral("channel"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("result JSON file"), QStringLiteral("file"));
    parser.addOptions({url, channel, out});
    parser.addHelpOption();
    parser.process(*QCoreApplication::instance());
    return {parser.value(url), parser.value(channel), parser.value(out),
        qEnvironmentVariable("BENCH_TOKEN")};
}

} // namespace Bench
