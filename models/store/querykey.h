#pragma once

//! \file querykey.h
//! \brief Query keys, shaped like the web app's React Query keys (`[kind, organization, id]`)
//! but typed: a key is built only by its kind's factory, so a fetcher reads named parts
//! (`chatId()`, `conversationId()`) instead of positions in a string list, and a chat id that
//! looks like two parts ("a:b") stays one. A `QueryScope` (every key, or one kind in one
//! organization) is what prefix invalidation and removal take; it is not a key.

#include <QDebug>
#include <QHashFunctions>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace WhaTrack {

class QueryKey
{
    Q_GADGET

public:
    enum class Kind : quint8 {
        Invalid, //!< a default-constructed key; never fetched
        Chats, //!< `whatsapp-chats(org, search)`
        Messages, //!< `chat-messages(org, chat)`: page 1 of a chat
        Ticket, //!< `conversation-ticket(org, conversation)`
        Stages, //!< `ticket-stages(org)`
    };
    Q_ENUM(Kind)

    //! An invalid key (for containers); the factories below build the real ones.
    QueryKey() = default;

    //! The chat list of \a org; the unfiltered list has an empty \a search.
    static QueryKey chats(const QString& org, const QString& search = {});
    //! Page 1 of a chat: \a chatId is a conversation id or a lead id.
    static QueryKey messages(const QString& org, const QString& chatId);
    static QueryKey ticket(const QString& org, const QString& conversationId);
    static QueryKey stages(const QString& org);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    QString organization() const { return m_org; }
    //! The search text of a chat-list key; empty for the unfiltered list and for other kinds.
    QString search() const { return m_kind == Kind::Chats ? m_id : QString(); }
    //! The chat of a messages key; empty for other kinds.
    QString chatId() const { return m_kind == Kind::Messages ? m_id : QString(); }
    //! The conversation of a ticket key; empty for other kinds.
    QString conversationId() const { return m_kind == Kind::Ticket ? m_id : QString(); }
    //! The unfiltered chat list (what the stale banner and "last updated" talk about).
    bool isUnfilteredChatList() const { return m_kind == Kind::Chats && m_id.isEmpty(); }

    //! The web app's name of \a kind ("whatsapp-chats"), for logs.
    static QString kindName(Kind kind);
    //! For logs: `chat-messages(org1, "a:b")`; ids are quoted and escaped, so two different keys
    //! never print alike. Ids are backend identifiers and the agent's search text, no secrets.
    QString toString() const;

    friend bool operator==(const QueryKey& a, const QueryKey& b)
    {
        return a.m_kind == b.m_kind && a.m_org == b.m_org && a.m_id == b.m_id;
    }
    friend bool operator!=(const QueryKey& a, const QueryKey& b) { return !(a == b); }
    friend size_t qHash(const QueryKey& key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, quint8(key.m_kind), key.m_org, key.m_id);
    }

private:
    QueryKey(Kind kind, const QString& org, const QString& id)
        : m_kind(kind)
        , m_org(org)
        , m_id(id)
    {
    }

    Kind m_kind = Kind::Invalid;
    QString m_org;
    QString m_id; //!< search, chat id or conversation id, by kind
};

inline size_t qHash(QueryKey::Kind kind, size_t seed = 0) noexcept
{
    return ::qHash(quint8(kind), seed);
}

//! A set of keys for prefix invalidation and removal: every key, or every key of one kind in
//! one organization (all searches of its chat list, any ticket).
class QueryScope
{
public:
    static QueryScope all() { return {}; }
    static QueryScope of(QueryKey::Kind kind, const QString& org)
    {
        QueryScope s;
        s.m_kind = kind;
        s.m_org = org;
        return s;
    }

    bool covers(const QueryKey& key) const
    {
        return m_kind == QueryKey::Kind::Invalid
            || (key.kind() == m_kind && key.organization() == m_org);
    }
    QString toString() const;

    friend bool operator==(const QueryScope& a, const QueryScope& b)
    {
        return a.m_kind == b.m_kind && a.m_org == b.m_org;
    }

private:
    QueryKey::Kind m_kind = QueryKey::Kind::Invalid; //!< Invalid: every key
    QString m_org;
};

QDebug operator<<(QDebug debug, const QueryKey& key);
QDebug operator<<(QDebug debug, const QueryScope& scope);

} // namespace WhaTrack
