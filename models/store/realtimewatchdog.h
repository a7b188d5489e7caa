#pragma once

//! \file realtimewatchdog.h
//! \brief The silent-socket watchdog: the socket can be up while the publisher or a proxy is
//! broken (Chatwoot #7882/#8888; WhaTrack's publisher only logs failures). Two checks:
//! - activity the REST chat list shows (a newer `lastMessageAt`) that no publication announced
//!   within a grace period, while realtime was live the whole time;
//! - no publication at all for `probeMs` while live: ask for a chat-list probe, which feeds the
//!   first check.

#include "models/api/apitypes.h"
#include "models/store/clock.h"

#include <QHash>
#include <QObject>

namespace WhaTrack {

class RealtimeWatchdog : public QObject
{
    Q_OBJECT

public:
    RealtimeWatchdog(Clock* clock, qint64 graceMs, qint64 probeMs, QObject* parent = nullptr);
    ~RealtimeWatchdog() override;

    void reset();
    void setLive(bool live);
    //! Any publication arrived (the stream is alive).
    void notePublication();
    //! A publication named this chat.
    void noteAnnounced(const QString& chatId);
    //! A refreshed (authoritative) chat list.
    void onChatList(const QList<ChatItem>& chats);
    //! The same, reduced to its changes (new or changed chats, removed ids).
    void onChatListDelta(const QList<ChatItem>& changed, const QStringList& removed);
    //! Part of a list applied in slices: its activity, without taking the list as complete
    //! (a first list stays the baseline until onChatListDelta() ends it).
    void onChatListSlice(const QList<ChatItem>& chats);
    //! Room for a list of \a chats chats, before it arrives slice by slice (no rehash).
    void reserve(qsizetype chats)
    {
        if (m_lastActivity.capacity() < chats)
            m_lastActivity.reserve(chats);
    }
    bool isSuspicious() const { return m_suspicious; }

Q_SIGNALS:
    void suspicious(const QString& reason);
    void probeRequested();

private:
    void check();
    void noteActivity(const ChatItem& chat, qint64 now);
    void armCheck();
    void armProbe();

    Clock* m_clock;
    qint64 m_graceMs;
    qint64 m_probeMs;
    bool m_live = false;
    bool m_suspicious = false;
    qint64 m_liveSinceMs = -1;
    qint64 m_lastPublicationMs = -1;
    QHash<QString, qint64> m_lastActivity; //!< chat id -> lastMessageAt (ms) in the previous list
    QHash<QString, qint64> m_announcedAtMs; //!< chat id -> when a publication named it
    QHash<QString, qint64> m_pendingSinceMs; //!< chat id -> when unannounced activity was seen
    quint64 m_checkTimer = 0;
    quint64 m_probeTimer = 0;
    bool m_haveList = false;
};

} // namespace WhaTrack
