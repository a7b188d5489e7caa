#include "app/gui/initialchat.h"

#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"

#include <QAbstractItemModel>

namespace WhaTrack::Gui {

InitialChat::InitialChat(InboxStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
}

void InitialChat::open(const QString& chat)
{
    m_chat = chat;
    tryOpen();
}

void InitialChat::stopWaiting()
{
    for (const auto& c : std::as_const(m_wait))
        QObject::disconnect(c);
    m_wait.clear();
}

void InitialChat::tryOpen()
{
    stopWaiting();
    if (m_chat.isEmpty() || !m_store->openChatId().isEmpty())
        return;
    auto* model = m_store->chatListModel();
    QString id;
    if (m_chat == QLatin1String("first")) {
        if (model->rowCount() > 0)
            id = model->index(0, 0).data(ChatListModel::IdRole).toString();
    } else if (m_store->chatListSourceModel()->find(m_chat)) {
        id = m_chat;
    }
    if (id.isEmpty()) {
        // Not loaded yet: look again when the list changes (the cache or the first fetch).
        m_wait = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &InitialChat::tryOpen,
                Qt::QueuedConnection),
            connect(model, &QAbstractItemModel::modelReset, this, &InitialChat::tryOpen,
                Qt::QueuedConnection),
        };
        return;
    }
    m_chat.clear();
    m_store->openChat(id);
}

} // namespace WhaTrack::Gui
