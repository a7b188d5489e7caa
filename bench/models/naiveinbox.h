#pragma once

//! \file naiveinbox.h
//! \brief The peer of the benchmark: what a first implementation does. Every publication
//! refetches the chat list and page 1 of the open chat, at once and without dedup, and applies
//! them with a model reset (the proxy re-sorts everything). Same REST client, same realtime
//! client, same server: only the data layer differs.

#include "models/api/apitypes.h"

#include <QAbstractListModel>
#include <QSet>
#include <QSortFilterProxyModel>

#include <functional>

namespace Centrifuge {
class Client;
}
namespace WhaTrack {
class ApiClient;
}

namespace BenchModels {

//! A list model that only knows "reset".
class NaiveListModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    QVariant data(const QModelIndex& index, int role) const override;
    void reset(QList<QPair<qint64, QString>> rows); //!< (sort key, display)
    enum { SortRole = Qt::UserRole + 1 };

private:
    QList<QPair<qint64, QString>> m_rows;
};

class NaiveInbox : public QObject
{
public:
    NaiveInbox(WhaTrack::ApiClient* api, Centrifuge::Client* client, const QString& channel,
        const QString& openChat);
    void loadInitial();
    bool ready() const { return m_loaded >= 2 && m_subscribed; }
    int refetches() const { return m_refetches; }

    std::function<void(double ms)> onVisible; //!< a message of the open chat became visible
    std::function<void(double ms)> onChatRow; //!< a chat row showed the new last message

private:
    void refetchAll();
    void applyChats(const QList<WhaTrack::ChatItem>& chats);
    void applyMessages(const WhaTrack::MessagePage& page);

    WhaTrack::ApiClient* m_api;
    QString m_openChat;
    NaiveListModel m_chats;
    NaiveListModel m_messages;
    QSortFilterProxyModel m_proxy;
    QSet<qint64> m_seenChat;
    QSet<qint64> m_seenMessage;
    int m_loaded = 0;
    int m_refetches = 0;
    bool m_subscribed = false;
};

} // namespace BenchModels
