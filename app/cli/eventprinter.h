#pragma once

//! \file eventprinter.h
//! \brief The `listen` output: one JSON object per line on stdout. Every line carries "event"
//! first and "ts" (ms since the epoch); offsets are printed exactly (uint64) and publication
//! data is embedded as the raw JSON it arrived as. Lines go through an OutputWriter: printing
//! never blocks the connection; lines a slow reader cannot take are dropped and counted.

#include "app/cli/outputwriter.h"
#include "realtime/codes.h"
#include "realtime/types.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Cli {

class JsonLine
{
public:
    explicit JsonLine(const QString& event);
    JsonLine& string(const char* key, const QString& value);
    JsonLine& integer(const char* key, qint64 value);
    JsonLine& unsignedInteger(const char* key, quint64 value);
    JsonLine& boolean(const char* key, bool value);
    //! \a json must be valid JSON text; empty means null.
    JsonLine& raw(const char* key, const QByteArray& json);
    QByteArray text() const;

private:
    QList<QPair<QByteArray, QByteArray>> m_fields;
};

class EventPrinter
{
public:
    explicit EventPrinter(OutputWriter& out)
        : m_out(out)
    {
    }
    void print(const JsonLine& line);

    void connecting(int code, const QString& reason);
    void connected(const QString& client, const QString& version);
    void disconnected(int code, const QString& reason);
    void subscribing(const QString& channel, int code, const QString& reason);
    void subscribed(const Centrifuge::SubscribedEvent& event);
    void unsubscribed(const QString& channel, int code, const QString& reason);
    void publication(const Centrifuge::Publication& publication);
    void presence(const char* event, const QString& channel, const Centrifuge::ClientInfo& info);
    void error(
        Centrifuge::ErrorType type, int code, const QString& message, const QString& channel = {});

private:
    OutputWriter& m_out;
};

} // namespace Cli
