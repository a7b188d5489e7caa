#include "naiveinbox.h"

#include "benchserver.h"
#include "models/api/apiclient.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

namespace BenchModels {

namespace {
qint64 sentAt(const QString& body)
{
    return body.startsWith(QLatin1String("t=")) ? body.mid(2).toLongLong() : 0;
}
} // namespace

QVariant NaiveListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const auto& row = m_rows.at(index.row());
    if (role == SortRole)
        return row.first;
    if (role == Qt::DisplayRole)
        return row.second;
    return {};
}

void NaiveListModel::reset(QList<QPair<qint64, QString>> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

NaiveInbox::NaiveInbox(WhaTrack::ApiClient* api, Centrifuge::Client* client, const QString& channel,
    const QString& openChat)
    : m_api(api)
    , m_openChat(openChat)
{
    m_proxy.setSourceModel(&m_chats);
    m_proxy.setSortRole(NaiveListModel::SortRole);
    m_proxy.sort(0, Qt::DescendingOrder);
    QMetaObject::invokeMethod(client, [this, client, channel] {
        auto* sub = client->newSubscription(channel);
        QObject::connect(sub, &Centrifuge::Subscription::publication, this,
            [this](const Centrifuge::Publication&) { refetchAll(); });
        QObject::connect(sub, &Centrifuge::Subscription::subscribed, this,
            [this](const Centrifuge::SubscribedEvent&) { m_subscribed = true; });
        sub->subscribe();
    });
}

void NaiveInbox::loadInitial()
{
    refetchAll();
}

void NaiveInbox::refetchAll()
{
    ++m_refetches;
    m_api->fetchChats({}, this, [this](WhaTrack::ApiResult<QList<WhaTrack::ChatItem>> r) {
        if (r.ok())
            applyChats(r.value);
    });
    m_api->fetchMessages(
        m_openChat, 1, 50, this, [this](WhaTrack::ApiResult<WhaTrack::MessagePage> r) {
            if (r.ok())
                applyMessages(r.value);
        });
}

void NaiveInbox::applyChats(const QList<WhaTrack::ChatItem>& chats)
{
    QList<QPair<qint64, QString>> rows;
    rows.reserve(chats.size());
    for (const auto& c : chats)
        rows.append({c.lastMessageAt.toMSecsSinceEpoch(), c.name});
    m_chats.reset(std::move(rows)); // the proxy re-sorts all rows
    ++m_loaded;
    for (const auto& c : chats) {
        const qint64 t = c.lastMessage ? sentAt(c.lastMessage->body) : 0;
        if (t && !m_seenChat.contains(t)) {
            m_seenChat.insert(t);
            if (onChatRow && m_loaded > 2)
                onChatRow(double(monotonicNs() - t) / 1e6);
        }
    }
}

void NaiveInbox::applyMessages(const WhaTrack::MessagePage& page)
{
    QList<QPair<qint64, QString>> rows;
    for (const auto& m : page.items)
        rows.append({m.timestamp.toMSecsSinceEpoch(), m.body});
    m_messages.reset(std::move(rows));
    ++m_loaded;
    for (const auto& m : page.items) {
        const qint64 t = sentAt(m.body);
        if (t && !m_seenMessage.contains(t)) {
            m_seenMessage.insert(t);
            if (onVisible && m_loaded > 2)
                onVisible(double(monotonicNs() - t) / 1e6);
        }
    }
}

} // namespace BenchModels
