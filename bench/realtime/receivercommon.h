#pragma once

//! \file receivercommon.h
//! \brief What the C++ benchmark receivers share with the Go and JS ones: the payload scan, the
//! latency histogram, the driver protocol (READY / P <count> / DONE on stdout, stdin EOF = stop)
//! and the result file. Keep the bucket layout in sync with go-receiver/stats.go.

#include <QByteArrayView>
#include <QObject>
#include <QString>

#include <chrono>
#include <cstdint>
#include <map>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace Bench {

//! The fields of {"s":<step>,"n":<seq>,"t":<unix ns>,...}, read without a JSON parser so that
//! every receiver pays the same tiny cost and the SDKs are what is measured.
struct Payload
{
    int step = 0;
    qint64 seq = 0;
    qint64 sentNs = 0;
};
bool scanPayload(QByteArrayView data, Payload& out);
bool scanPayload(QStringView data, Payload& out);

inline qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class Stats
{
public:
    static constexpr int Buckets = 3791;
    explicit Stats(QString name)
        : m_name(std::move(name))
    {
    }

    void record(int step, qint64 latencyNs)
    {
        auto& s = m_steps[step];
        if (s.hist.empty())
            s.hist.assign(Buckets, 0);
        ++s.count;
        ++s.hist[size_t(bucketOf(latencyNs / 1000))];
    }
    void countMalformed() { ++m_malformed; }
    void countDisconnect() { ++m_disconnects; }
    void setExtra(const char* key, qint64 value) { m_extra[key] = value; }
    bool writeJson(const QString& path) const;

    static int bucketOf(qint64 us)
    {
        if (us < 0)
            return 0;
        if (us < 1000)
            return int(us);
        if (us < 10000)
            return 1000 + int((us - 1000) / 10);
        if (us < 100000)
            return 1900 + int((us - 10000) / 100);
        if (us < 10000000)
            return 2800 + int((us - 100000) / 10000);
        return Buckets - 1;
    }

private:
    struct Step
    {
        qint64 count = 0;
        std::vector<quint32> hist;
    };
    QString m_name;
    std::map<int, Step> m_steps;
    std::map<const char*, qint64> m_extra;
    qint64 m_malformed = 0;
    qint64 m_disconnects = 0;
};

//! The driver side: prints "P <count>" every 100 ms, and calls \a finish when stdin closes.
class DriverLink : public QObject
{
    Q_OBJECT
public:
    explicit DriverLink(const qint64* counter, QObject* parent = nullptr);
    static void ready();

Q_SIGNALS:
    void stopRequested();

private:
    const qint64* m_counter;
    QSocketNotifier* m_stdin;
    QTimer* m_progress;
};

struct Args
{
    QString url;
    QString channel;
    QString out;
    QString token; //!< from BENCH_TOKEN: never on the command line
};
Args parseArgs();

} // namespace Bench
