#pragma once

//! \file benchclient.h
//! \brief The client side of bench_models: one measurement phase per process.

#include <QJsonObject>
#include <QStringList>

namespace BenchModels {

struct PhaseOptions
{
    QString phase; //!< latency | storm | rss | biglist | modelonly
    QString mode = QStringLiteral("store"); //!< store | naive (the full-reset peer)
    int chats = 2000;
    int messages = 500;
    double rate = 100; //!< publications per second
    double seconds = 10;
    double openShare = 0.3; //!< share of publications for the open chat
};

//! Runs one phase against a fresh `bench_models --serve` child; returns the figures.
QJsonObject runPhase(const PhaseOptions& options, const QString& selfPath);
//! The `biglist` phase (benchbiglist.cpp): a very large chat list, stalls and peak RSS per step.
QJsonObject runBigListPhase(const PhaseOptions& options, const QString& selfPath);
//! `modelonly`: the same list through ChatRevisions + ChatListModel + proxy only, in process.
QJsonObject runModelOnlyPhase(const PhaseOptions& options);

struct Percentiles
{
    double p50 = 0, p99 = 0, max = 0;
    int count = 0;
};
Percentiles percentiles(QList<double> values);
qint64 rssKb(const char* field);
qint64 heapInUseKb(); //!< bytes malloc has handed out and not got back (glibc), in KB //!< "VmRSS"
                      //!< or "VmHWM" from /proc/self/status

} // namespace BenchModels
