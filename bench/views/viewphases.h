#pragma once

//! \file viewphases.h
//! \brief The phases of bench_views, each run in a fresh process that prints `RESULT {json}`.

#include <QJsonObject>
#include <QString>

namespace BenchViews {

struct ViewOptions
{
    QString mode = QStringLiteral("store"); //!< store (the real views) | naive (the peer)
    int chats = 20000;
    int messages = 2000;
    double rate = 1000;
    double seconds = 30;
    double openShare = 0.3;
    bool quick = false;
};

//! 1000/s with the real MainWindow (or the peer): frame intervals, publication -> painted row.
QJsonObject runStormPhase(const ViewOptions& o, const QString& self);
//! Programmatic flings through the chat list and the open chat, caches off then on.
QJsonObject runScrollPhase(const ViewOptions& o, const QString& self);
//! RSS with the window open, 20,000 chats + 100,000 messages, then after closing the chat.
QJsonObject runMemoryPhase(const ViewOptions& o, const QString& self);
//! Starts a server, fills a local cache with its chats, then times a `--phase coldchild`.
QJsonObject runColdPhase(const ViewOptions& o, const QString& self);
//! The cold-started app itself: \a t0Ns is the runner's CLOCK_MONOTONIC just before it spawned
//! this process, so fork, exec, dynamic linking and Qt's start-up all count.
QJsonObject runColdChild(const QString& args, qint64 t0Ns);

} // namespace BenchViews
