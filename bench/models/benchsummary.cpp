#include "benchsummary.h"

#include <QFile>
#include <QMap>

#include <algorithm>

namespace BenchModels {

double loadAverage1()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double v = f.readAll().split(' ').value(0).toDouble(&ok);
    return ok ? v : -1;
}

Spread spreadOf(QList<double> values)
{
    Spread s;
    s.runs = static_cast<int>(values.size());
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    // The middle run; with an even count the mean of the two middle ones.
    s.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
    s.min = values.first();
    s.max = values.last();
    return s;
}

namespace {

//! "visible.p99" in a phase result; false when a part is missing or the percentile is empty.
bool lookup(const QJsonObject& run, const QString& path, double* out)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    QJsonValue v = run;
    for (const QString& part : parts) {
        const QJsonObject o = v.toObject();
        // A percentile over no samples (e.g. no row arrived) is not a figure.
        if (o.contains(QStringLiteral("n")) && o.value(QStringLiteral("n")).toInt() == 0)
            return false;
        if (!o.contains(part))
            return false;
        v = o.value(part);
    }
    if (!v.isDouble())
        return false;
    *out = v.toDouble();
    return true;
}

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

void RunSet::add(const QJsonObject& result, double loadBefore, double loadAfter)
{
    QJsonObject run = result;
    run.insert(QStringLiteral("loadBefore"), loadBefore);
    run.insert(QStringLiteral("loadAfter"), loadAfter);
    m_runs.append(run);
    if (loadBefore >= 0)
        m_loads << loadBefore;
    if (loadAfter >= 0)
        m_loads << loadAfter;
}

Spread RunSet::spread(const QString& path) const
{
    QList<double> values;
    for (const QJsonValue& run : m_runs) {
        double v = 0;
        if (lookup(run.toObject(), path, &v))
            values << v;
    }
    return spreadOf(values);
}

QString RunSet::cell(const QString& path, int decimals, double scale) const
{
    const Spread s = spread(path);
    if (s.runs == 0)
        return QStringLiteral("–");
    QString out = number(s.median * scale, decimals);
    if (s.runs > 1)
        out += QStringLiteral(" (%1–%2)")
                   .arg(number(s.min * scale, decimals), number(s.max * scale, decimals));
    return out;
}

QString RunSet::p50p99(const QString& metric) const
{
    const Spread p50 = spread(metric + QStringLiteral(".p50"));
    if (p50.runs == 0)
        return QStringLiteral("–");
    return number(p50.median, 1) + QStringLiteral(" / ") + cell(metric + QStringLiteral(".p99"));
}

QString RunSet::loadRange() const
{
    if (m_loads.isEmpty())
        return QStringLiteral("?");
    const auto [lo, hi] = std::minmax_element(m_loads.begin(), m_loads.end());
    return number(*lo, 1) + QStringLiteral("–") + number(*hi, 1);
}

QString RunSet::refetches() const
{
    // Short names for the table; the JSON keeps the query kinds.
    static const QMap<QString, QString> names {
        {QStringLiteral("whatsapp-chats"), QStringLiteral("list")},
        {QStringLiteral("chat-messages"), QStringLiteral("page")},
        {QStringLiteral("conversation-ticket"), QStringLiteral("ticket")},
        {QStringLiteral("naive (list+page per publication)"), QStringLiteral("list+page pairs")}};
    QMap<QString, QList<double>> perKind;
    for (const QJsonValue& run : m_runs) {
        const QJsonObject r = run.toObject().value(QStringLiteral("refetchesPerSecond")).toObject();
        for (auto it = r.begin(); it != r.end(); ++it)
            perKind[it.key()] << it.value().toDouble();
    }
    QStringList parts;
    for (auto it = perKind.cbegin(); it != perKind.cend(); ++it) {
        const Spread s = spreadOf(it.value());
        if (s.max == 0)
            continue; // a kind nothing fetched (the stages)
        parts << QStringLiteral("%1 %2").arg(names.value(it.key(), it.key()), number(s.median, 1));
    }
    return parts.join(QStringLiteral(", "));
}

int RunSet::errors() const
{
    return static_cast<int>(std::count_if(m_runs.begin(), m_runs.end(),
        [](const QJsonValue& r) { return r.toObject().contains(QStringLiteral("error")); }));
}

QString RunSet::problems() const
{
    QStringList why;
    for (const QJsonValue& v : m_runs) {
        const QJsonObject run = v.toObject();
        QString text = run.value(QStringLiteral("error")).toString();
        if (text.isEmpty())
            text = run.value(QStringLiteral("exit")).toString();
        if (text.isEmpty())
            continue;
        // The command line in brackets is the same for every run of the set: drop it.
        const qsizetype bracket = text.indexOf(QStringLiteral(" (--"));
        why << (bracket > 0 ? text.left(bracket) : text);
    }
    if (why.isEmpty())
        return {};
    return QStringLiteral("%1 of %2 runs: %3")
        .arg(why.size())
        .arg(m_runs.size())
        .arg(why.join(QStringLiteral("; ")));
}

QJsonObject RunSet::toJson() const
{
    QJsonObject summary;
    for (const char* path :
        {"visible.p50", "visible.p99", "chatRow.p50", "chatRow.p99", "confirmed.p50",
            "confirmed.p99", "stall.p99", "stall.max", "busyMaxMs", "peakRssKb"}) {
        const Spread s = spread(QLatin1String(path));
        if (s.runs)
            summary.insert(QLatin1String(path),
                QJsonObject {{QStringLiteral("median"), s.median}, {QStringLiteral("min"), s.min},
                    {QStringLiteral("max"), s.max}, {QStringLiteral("runs"), s.runs}});
    }
    return {{QStringLiteral("runs"), m_runs}, {QStringLiteral("summary"), summary},
        {QStringLiteral("load"), loadRange()}};
}

} // namespace BenchModels
