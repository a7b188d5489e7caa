#include "naiveviews.h"

#include "../models/benchserver.h"
#include "models/api/apiclient.h"
#include "paintprobe.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStyledItemDelegate>

namespace BenchViews {

namespace {
constexpr int PreviewRole = Qt::UserRole + 1;
constexpr int ChatRowRole = Qt::UserRole + 2;

//! The stock delegate plus the same paint hook as the real delegates.
class HookedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(
        QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(p, option, index);
        if (PaintLatency* latency = currentLatency())
            latency->sawText(index.data(PreviewRole).toString(), index.data(ChatRowRole).toBool());
    }
};
} // namespace

NaiveViews::NaiveViews(WhaTrack::ApiClient* api, Centrifuge::Client* client, const QString& channel,
    const QString& openChat)
    : m_openChat(openChat)
    , m_api(api)
{
    auto* layout = new QHBoxLayout(&m_window);
    layout->addWidget(&m_chatView, 1);
    layout->addWidget(&m_messageView, 2);
    m_chatView.setModel(&m_chatModel);
    m_messageView.setModel(&m_messageModel);
    m_chatView.setItemDelegate(new HookedDelegate(&m_chatView));
    m_messageView.setItemDelegate(new HookedDelegate(&m_messageView));
    m_chatView.setUniformItemSizes(true); // the one optimisation everybody knows
    m_window.resize(1280, 800);
    m_window.show();
    QMetaObject::invokeMethod(client, [this, client, channel] {
        auto* sub = client->newSubscription(channel);
        QObject::connect(sub, &Centrifuge::Subscription::publication, this,
            [this](const Centrifuge::Publication& p) { onPublication(p.data); });
        QObject::connect(sub, &Centrifuge::Subscription::subscribed, this,
            [this](const Centrifuge::SubscribedEvent&) { m_subscribed = true; });
        sub->subscribe();
    });
}

void NaiveViews::loadInitial()
{
    m_api->fetchChats({}, this, [this](WhaTrack::ApiResult<QList<WhaTrack::ChatItem>> r) {
        if (!r.ok())
            return;
        for (const auto& c : r.value)
            m_rows.append({c.id, c.name, c.lastMessage ? c.lastMessage->body : QString()});
        rebuildChats();
        ++m_loaded;
    });
    m_api->fetchMessages(
        m_openChat, 1, 50, this, [this](WhaTrack::ApiResult<WhaTrack::MessagePage> r) {
            if (!r.ok())
                return;
            for (const auto& m : r.value.items)
                m_messages.append(m.body);
            rebuildMessages();
            ++m_loaded;
        });
}

void NaiveViews::onPublication(const QByteArray& data)
{
    if (m_deadline && BenchModels::monotonicNs() > m_deadline) {
        ++m_dropped;
        return;
    }
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    const QString chat = o.value(QStringLiteral("conversationId")).toString();
    const QString body = o.value(QStringLiteral("body")).toString();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == chat) {
            Row row = m_rows.takeAt(i);
            row.preview = body;
            m_rows.prepend(row); // newest first
            break;
        }
    }
    rebuildChats();
    if (chat == m_openChat) {
        m_messages.append(body);
        rebuildMessages();
        m_messageView.scrollToBottom();
    }
}

void NaiveViews::rebuildChats()
{
    ++m_resets;
    QList<QStandardItem*> items;
    items.reserve(m_rows.size());
    for (const Row& r : std::as_const(m_rows)) {
        auto* item = new QStandardItem(r.name + QLatin1Char('\n') + r.preview);
        item->setData(r.preview, PreviewRole);
        item->setData(true, ChatRowRole);
        items.append(item);
    }
    m_chatModel.clear();
    m_chatModel.invisibleRootItem()->appendRows(items);
}

void NaiveViews::rebuildMessages()
{
    QList<QStandardItem*> items;
    items.reserve(m_messages.size());
    for (const QString& body : std::as_const(m_messages)) {
        auto* item = new QStandardItem(body);
        item->setData(body, PreviewRole);
        item->setData(false, ChatRowRole);
        items.append(item);
    }
    m_messageModel.clear();
    m_messageModel.invisibleRootItem()->appendRows(items);
}

} // namespace BenchViews
