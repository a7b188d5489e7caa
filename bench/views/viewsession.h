#pragma once

//! \file viewsession.h
//! \brief The real app stack of bench_views: ApiClient, the realtime client on its own thread,
//! InboxStore (optionally with its SQLite cache), ConnectionMonitor and the real MainWindow,
//! shown at 1280x800 on the offscreen platform, against a `bench_views --serve` child.

#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>

class QListView;

namespace Centrifuge {
class Client;
}
namespace WhaTrack {
class ApiClient;
class InboxStore;
namespace Ui {
class ConnectionMonitor;
class MainWindow;
} // namespace Ui
} // namespace WhaTrack

namespace BenchViews {

struct Endpoints
{
    quint16 httpPort = 0;
    QUrl wsUrl;
    QString token;
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(httpPort)); }
};

class ViewSession
{
public:
    //! Builds the stack and shows the window; nothing is loaded or connected yet.
    ViewSession(const Endpoints& endpoints, int messagesPageSize, const QString& cachePath = {});
    ~ViewSession();

    //! setOrganization (the local cache, then REST) and connect.
    void start();
    //! Waits until live (REST loaded, subscribed); false on timeout.
    bool waitLive(int timeoutMs);
    //! Opens \a chatId as a click would, waits for its first page; false on timeout.
    bool openChat(const QString& chatId, int timeoutMs);

    WhaTrack::InboxStore* store() const { return m_store.get(); }
    WhaTrack::Ui::MainWindow* window() const { return m_window.get(); }
    QListView* chatList() const;
    QListView* messageList() const;

private:
    std::unique_ptr<WhaTrack::ApiClient> m_api;
    QThread m_realtimeThread;
    Centrifuge::Client* m_client = nullptr;
    std::unique_ptr<WhaTrack::InboxStore> m_store;
    std::unique_ptr<WhaTrack::Ui::ConnectionMonitor> m_monitor;
    std::unique_ptr<WhaTrack::Ui::MainWindow> m_window;
};

} // namespace BenchViews
