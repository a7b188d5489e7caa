#include "viewsession.h"

#include "../models/benchprocess.h"
#include "../models/benchserver.h"
#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/items/messagelistmodel.h"
#include "models/store/inboxstore.h"
#include "models/store/querycache.h"
#include "realtime/client.h"
#include "ui/chatlistpane.h"
#include "ui/connectionmonitor.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/ticketpanel.h"

#include <QCoreApplication>
#include <QListView>

namespace BenchViews {

using BenchModels::spinUntil;

ViewSession::ViewSession(const Endpoints& e, int messagesPageSize, const QString& cachePath)
{
    WhaTrack::ApiConfig config;
    config.baseUrl = e.baseUrl();
    config.organizationId = BenchModels::kOrg;
    m_api = std::make_unique<WhaTrack::ApiClient>(config);
    // The realtime client on its own thread, as in the app.
    m_realtimeThread.start();
    m_client = new Centrifuge::Client(e.wsUrl);
    m_client->setToken(e.token);
    m_client->moveToThread(&m_realtimeThread);
    WhaTrack::InboxStoreOptions options;
    options.channels.messages = QStringLiteral("org:{org}:messages");
    options.channels.tickets.clear();
    options.messagesPageSize = messagesPageSize;
    options.localCachePath = cachePath;
    m_store = std::make_unique<WhaTrack::InboxStore>(m_api.get(), m_client, options);
    m_monitor = std::make_unique<WhaTrack::Ui::ConnectionMonitor>();
    m_window = std::make_unique<WhaTrack::Ui::MainWindow>(m_store.get(), m_monitor.get());
    m_window->ticketPanel()->setConfirmClose(false);
    m_window->resize(1280, 800);
    m_window->show();
}

ViewSession::~ViewSession()
{
    m_window.reset();
    m_monitor.reset();
    m_store.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QMetaObject::invokeMethod(
        m_client,
        [client = m_client] {
            client->close();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            delete client;
        },
        Qt::BlockingQueuedConnection);
    m_realtimeThread.quit();
    m_realtimeThread.wait();
}

void ViewSession::start()
{
    m_store->setOrganization(BenchModels::kOrg);
    QMetaObject::invokeMethod(m_client, &Centrifuge::Client::connectToServer);
}

bool ViewSession::waitLive(int timeoutMs)
{
    return spinUntil(
        [this] { return m_store->freshness().state == WhaTrack::Freshness::State::Live; },
        timeoutMs);
}

bool ViewSession::openChat(const QString& chatId, int timeoutMs)
{
    auto* model = m_store->chatListModel();
    const auto hits = model->match(
        model->index(0, 0), WhaTrack::ChatListModel::IdRole, chatId, 1, Qt::MatchExactly);
    if (hits.isEmpty())
        return false;
    chatList()->setCurrentIndex(hits.first()); // as a click does
    auto* messages = m_store->messageListModel();
    return spinUntil(
        [&] { return messages->rowCount() > 0 && m_store->queryCache()->inFlightCount() == 0; },
        timeoutMs);
}

QListView* ViewSession::chatList() const
{
    return m_window->chatListPane()->listView();
}

QListView* ViewSession::messageList() const
{
    return m_window->conversationView()->messageView();
}

} // namespace BenchViews
