#include "app/cli/eventprinter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Cli {
namespace {
QByteArray quoted(const QString& value)
{
    // Let Qt escape the string: serialise ["value"] and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}
} // namespace

JsonLine::JsonLine(const QString& event)
{
    string("event", event);
    integer("ts", QDateTime::currentMSecsSinceEpoch());
}

JsonLine& JsonLine::string(const char* key, const QString& value)
{
    m_fields.append({QByteArray(key), quoted(value)});
    return *this;
}

JsonLine& JsonLine::integer(const char* key, qint64 value)
{
    m_fields.append({QByteArray(key), QByteArray::number(value)});
    return *this;
}

JsonLine& JsonLine::unsignedInteger(const char* key, quint64 value)
{
    m_fields.append({QByteArray(key), QByteArray::number(value)});
    return *this;
}

JsonLine& JsonLine::boolean(const char* key, bool value)
{
    m_fields.append(
        {QByteArray(key), value ? QByteArrayLiteral("true") : QByteArrayLiteral("false")});
    return *this;
}

JsonLine& JsonLine::raw(const char* key, const QByteArray& json)
{
    QByteArray value = json.trimmed();
    // Raw newlines can only be whitespace between JSON tokens (inside strings they are escaped):
    // flatten them so the event stays on one line.
    value.replace('\n', ' ').replace('\r', ' ');
    m_fields.append({QByteArray(key), value.isEmpty() ? QByteArrayLiteral("null") : value});
    return *this;
}

QByteArray JsonLine::text() const
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '"' + m_fields[i].first + "\":" + m_fields[i].second;
    }
    out += '}';
    return out;
}

void EventPrinter::print(const JsonLine& line)
{
    m_out.writeLine(line.text());
}

void EventPrinter::connecting(int code, const QString& reason)
{
    print(JsonLine(QStringLiteral("connecting")).integer("code", code).string("reason", reason));
}

void EventPrinter::connected(const QString& client, const QString& version)
{
    print(
        JsonLine(QStringLiteral("connected")).string("client", client).string("version", version));
}

void EventPrinter::disconnected(int code, const QString& reason)
{
    print(JsonLine(QStringLiteral("disconnected")).integer("code", code).string("reason", reason));
}

void EventPrinter::subscribing(const QString& channel, int code, const QString& reason)
{
    print(JsonLine(QStringLiteral("subscribing"))
              .string("channel", channel)
              .integer("code", code)
              .string("reason", reason));
}

void EventPrinter::subscribed(const Centrifuge::SubscribedEvent& event)
{
    print(JsonLine(QStringLiteral("subscribed"))
              .string("channel", event.channel)
              .boolean("recoverable", event.recoverable)
              .boolean("recovered", event.recovered)
              .boolean("wasRecovering", event.wasRecovering)
              .unsignedInteger("offset", event.position.offset)
              .string("epoch", event.position.epoch)
              .boolean("serverSide", event.serverSide));
}

void EventPrinter::unsubscribed(const QString& channel, int code, const QString& reason)
{
    print(JsonLine(QStringLiteral("unsubscribed"))
              .string("channel", channel)
              .integer("code", code)
              .string("reason", reason));
}

void EventPrinter::publication(const Centrifuge::Publication& publication)
{
    print(JsonLine(QStringLiteral("publication"))
              .string("channel", publication.channel)
              .unsignedInteger("offset", publication.offset)
              .raw("data", publication.data));
}

void EventPrinter::presence(
    const char* event, const QString& channel, const Centrifuge::ClientInfo& info)
{
    print(JsonLine(QString::fromLatin1(event))
              .string("channel", channel)
              .string("user", info.user)
              .string("client", info.client));
}

void EventPrinter::error(
    Centrifuge::ErrorType type, int code, const QString& message, const QString& channel)
{
    JsonLine line(QStringLiteral("error"));
    line.string("type", Centrifuge::errorTypeName(type))
        .integer("code", code)
        .string("message", message);
    if (!channel.isEmpty())
        line.string("channel", channel);
    print(line);
}

} // namespace Cli
