#pragma once

//! \file mainwindowfixture.h
//! \brief The main window against a real InboxStore fed by the in-process backend
//! (tests/support/fakeinboxbackend.h, the screenshot inbox), as tst_mainwindow and
//! tst_newmessages drive it: build(), open a chat from the list, tear down in order.

#include "models/api/apiclient.h"
#include "models/items/chatlistmodel.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/chatlistpane.h"
#include "ui/connectionmonitor.h"
#include "ui/conversationview.h"
#include "ui/mainwindow.h"
#include "ui/ticketpanel.h"

#include <QListView>
#include <QTest>

#include <memory>

namespace WhaTrack::Testing {

class MainWindowFixture
{
protected:
    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<Ui::ConnectionMonitor> m_monitor;
    std::unique_ptr<Ui::MainWindow> m_window;

    //! The screenshot inbox with \a messageCount messages in C1, shown; returns once the chat
    //! list has its three chats.
    void build(int messageCount, int pageSize = 50)
    {
        m_backend = std::make_unique<FakeInboxBackend>(messageCount);
        QVERIFY(m_backend->start());
        m_api = std::make_unique<ApiClient>(m_backend->config());
        InboxStoreOptions options;
        options.messagesPageSize = pageSize;
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr, options);
        m_monitor = std::make_unique<Ui::ConnectionMonitor>();
        m_window = std::make_unique<Ui::MainWindow>(m_store.get(), m_monitor.get());
        m_window->ticketPanel()->setConfirmClose(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_store->setOrganization(QStringLiteral("org-1"));
        QTRY_COMPARE(m_store->chatListModel()->rowCount(), 3);
    }

    //! The window first, the backend last (call from the test's cleanup()).
    void tearDown()
    {
        m_window.reset();
        m_store.reset();
        m_monitor.reset();
        m_api.reset();
        m_backend.reset();
    }

    QListView* chatList() const { return m_window->chatListPane()->listView(); }
    QListView* messageList() const { return m_window->conversationView()->messageView(); }

    //! Selects chat \a id in the list, as a click or an arrow key does.
    void openChat(const QString& id)
    {
        auto* model = m_store->chatListModel();
        const auto hits
            = model->match(model->index(0, 0), ChatListModel::IdRole, id, 1, Qt::MatchExactly);
        QVERIFY(!hits.isEmpty());
        chatList()->setCurrentIndex(hits.first());
        QCOMPARE(m_store->openChatId(), id);
    }
};

} // namespace WhaTrack::Testing
