#pragma once

//! \file benchsummary.h
//! \brief Repeated runs of one bench_models phase: the median and the spread (min-max) of each
//! figure, and the machine's load while they ran. One run on a shared 2-core machine says
//! little about its p99 or max (issue 15), so the table shows what several runs agree on.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace BenchModels {

//! The 1-minute load average from /proc/loadavg (-1 when unreadable).
double loadAverage1();

//! Median and spread of one figure over the runs.
struct Spread
{
    double median = 0, min = 0, max = 0;
    int runs = 0; //!< runs that had the figure
};
Spread spreadOf(QList<double> values);

//! The runs of one phase configuration, each a `RESULT` object of a fresh child process.
class RunSet
{
public:
    void add(const QJsonObject& result, double loadBefore, double loadAfter);

    //! \a path: "visible.p99", "stall.max", "peakRssKb" ... (runs without it are skipped).
    Spread spread(const QString& path) const;
    //! "12.3 (10.1-15.2)": the median, then min-max when there was more than one run.
    QString cell(const QString& path, int decimals = 1, double scale = 1.0) const;
    //! "3.1-4.5": the load average seen before and after every run.
    QString loadRange() const;
    //! The median p50 and the p99 with its spread: "0.9 / 12.3 (10.1-15.2)".
    QString p50p99(const QString& metric) const;
    //! The per-second refetch counts, medians: "list 5.1, page 5.7, ticket 5.7".
    QString refetches() const;
    int errors() const;
    int runs() const { return static_cast<int>(m_runs.size()); }
    //! What went wrong in the runs, in words ("1 of 3 runs did not finish: crashed (signal 11,
    //! Segmentation fault) after 25 s"); empty when every run gave its figures and exited cleanly.
    QString problems() const;
    //! Every run with its load, plus the summary, for `--json`.
    QJsonObject toJson() const;

private:
    QJsonArray m_runs;
    QList<double> m_loads;
};

} // namespace BenchModels
