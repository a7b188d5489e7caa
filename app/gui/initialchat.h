#pragma once

//! \file initialchat.h
//! \brief Opens the chat the agent asked for (--open-chat ID or "first") or the one open last
//! time in this organization, as soon as the chat list has it (from the cache or the first
//! fetch). Nothing happens when a chat is open already.

#include <QList>
#include <QObject>

namespace WhaTrack {
class InboxStore;
}

namespace WhaTrack::Gui {

class InitialChat : public QObject
{
    Q_OBJECT

public:
    explicit InitialChat(InboxStore* store, QObject* parent = nullptr);

    //! Opens \a chat ("first" or an id) now or when the list has it; empty: nothing.
    void open(const QString& chat);
    //! The chat still waited for (empty once opened).
    QString pending() const { return m_chat; }

private:
    void tryOpen();
    void stopWaiting();

    InboxStore* m_store;
    QString m_chat;
    QList<QMetaObject::Connection> m_wait;
};

} // namespace WhaTrack::Gui
