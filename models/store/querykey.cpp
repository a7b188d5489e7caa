#include "models/store/querykey.h"

namespace WhaTrack {

namespace {
//! `"a:b"` -> `"a:b"`, `a"b` -> `"a\"b"`: one quoted token whatever the id holds.
QString quoted(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}
} // namespace

QueryKey QueryKey::chats(const QString& org, const QString& search)
{
    return {Kind::Chats, org, search};
}

QueryKey QueryKey::messages(const QString& org, const QString& chatId)
{
    return {Kind::Messages, org, chatId};
}

QueryKey QueryKey::ticket(const QString& org, const QString& conversationId)
{
    return {Kind::Ticket, org, conversationId};
}

QueryKey QueryKey::stages(const QString& org)
{
    return {Kind::Stages, org, {}};
}

QString QueryKey::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Invalid:
        break;
    case Kind::Chats:
        return QStringLiteral("whatsapp-chats");
    case Kind::Messages:
        return QStringLiteral("chat-messages");
    case Kind::Ticket:
        return QStringLiteral("conversation-ticket");
    case Kind::Stages:
        return QStringLiteral("ticket-stages");
    }
    return QStringLiteral("invalid");
}

QString QueryKey::toString() const
{
    if (!isValid())
        return kindName(m_kind);
    QString s = kindName(m_kind) + QLatin1Char('(') + quoted(m_org);
    if (m_kind != Kind::Stages)
        s += QStringLiteral(", ") + quoted(m_id);
    return s + QLatin1Char(')');
}

QString QueryScope::toString() const
{
    if (m_kind == QueryKey::Kind::Invalid)
        return QStringLiteral("every query");
    return QueryKey::kindName(m_kind) + QLatin1Char('(') + quoted(m_org) + QStringLiteral(", *)");
}

QDebug operator<<(QDebug debug, const QueryKey& key)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << key.toString();
    return debug;
}

QDebug operator<<(QDebug debug, const QueryScope& scope)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << scope.toString();
    return debug;
}

} // namespace WhaTrack
