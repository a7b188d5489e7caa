#pragma once

//! \file naiveviews.h
//! \brief The peer of the storm with views: what a first implementation with views does. A
//! plain QListView over a QStandardItemModel for the chats and another for the open chat;
//! every publication rebuilds the touched model from scratch (clear + 20,000 new items, a
//! reset). Same REST client, same realtime client, same server, same window size.

#include <QList>
#include <QListView>
#include <QObject>
#include <QStandardItemModel>
#include <QWidget>

namespace Centrifuge {
class Client;
struct Publication;
} // namespace Centrifuge
namespace WhaTrack {
class ApiClient;
}

namespace BenchViews {

class NaiveViews : public QObject
{
public:
    NaiveViews(WhaTrack::ApiClient* api, Centrifuge::Client* client, const QString& channel,
        const QString& openChat);
    void loadInitial();
    bool ready() const { return m_loaded >= 2 && m_subscribed; }
    QListView* chatList() { return &m_chatView; }
    QListView* messageList() { return &m_messageView; }
    int resets() const { return m_resets; }
    //! Publications arriving after \a ns (CLOCK_MONOTONIC) are dropped unapplied: the peer
    //! falls behind at 1000/s and would otherwise drain its backlog for minutes.
    void setDeadline(qint64 ns) { m_deadline = ns; }
    int dropped() const { return m_dropped; }

private:
    void onPublication(const QByteArray& data);
    void rebuildChats();
    void rebuildMessages();

    struct Row
    {
        QString id, name, preview;
    };
    QString m_openChat;
    WhaTrack::ApiClient* m_api;
    QList<Row> m_rows; //!< newest first
    QStringList m_messages; //!< open chat, oldest first
    QWidget m_window;
    QListView m_chatView;
    QListView m_messageView;
    QStandardItemModel m_chatModel;
    QStandardItemModel m_messageModel;
    int m_loaded = 0;
    int m_resets = 0;
    int m_dropped = 0;
    qint64 m_deadline = 0;
    bool m_subscribed = false;
};

} // namespace BenchViews
