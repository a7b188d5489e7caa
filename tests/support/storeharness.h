#pragma once

//! \file storeharness.h
//! \brief The app's data layer as the GUI wires it (ApiClient, Session, Centrifuge::Client on
//! its own thread, InboxStore, every model under QAbstractItemModelTester) against a running
//! devstack, and the check that the models equal the backend. Used by the integration tests
//! (tests/models) and the chaos tests (tests/chaos).

#include "models/api/apiclient.h"
#include "models/api/backendtokenprovider.h"
#include "models/api/session.h"
#include "models/store/inboxstore.h"
#include "realtime/client.h"
#include "tests/support/devstackprocess.h"

#include <QAbstractItemModelTester>
#include <QStringList>
#include <QThread>

#include <functional>
#include <memory>

namespace WhaTrack::Testing {

class StoreHarness
{
public:
    StoreHarness() = default;
    ~StoreHarness();
    StoreHarness(const StoreHarness&) = delete;
    StoreHarness& operator=(const StoreHarness&) = delete;

    struct Options
    {
        Centrifuge::ClientOptions client;
        //! The WebSocket URL; empty: the stack's direct one (centrifugo_ws_url). A cluster's
        //! clients go through nginx (centrifugo_wss_url, with the run's CA in client options).
        QUrl wsUrl;
        //! Wait for Live before start() returns (false: a test that starts under a fault).
        bool waitLive = true;
        //! Called once the store exists, before it subscribes and connects (a test attaches
        //! the UI here, as the app does, so the UI sees every event from the first).
        std::function<void(WhaTrack::InboxStore*)> beforeConnect;
        //! The store's options; the channel templates are the stack's.
        WhaTrack::InboxStoreOptions store;
        //! Every model under QAbstractItemModelTester. Off only where a test measures the
        //! product's own throughput over thousands of rows (the soak's long form): the tester
        //! re-checks the whole model on each change, which the app never does.
        bool modelTesters = true;
    };

    //! Signs in, connects and waits for Live. False with \a error on failure.
    bool start(WhaTrack::Testing::DevstackProcess& stack, QString* error,
        Centrifuge::ClientOptions clientOptions = {});
    bool start(WhaTrack::Testing::DevstackProcess& stack, QString* error, Options options);
    void stop();

    WhaTrack::InboxStore* store() const { return m_store.get(); }
    WhaTrack::ApiClient* api() const { return m_api.get(); }
    Centrifuge::Client* client() const { return m_client.get(); }
    //! The client's token provider (request counts).
    WhaTrack::BackendTokenProvider* tokens() const { return m_tokens.get(); }
    //! Phones of up to \a max chats (targets of webhook deliveries).
    QStringList phones(int max) const;
    //! Empty when the chat list (order, last message of each chat) and the open chat's newest
    //! page equal what the backend answers now; else the first difference in plain words.
    QString differenceFromBackend();
    //! differenceFromBackend() once the models have settled: while they differ, waits for what
    //! a resync or refetch still brings (a change of the chat list or of the open chat, then no
    //! request in flight) and compares again, for at most \a timeoutMs.
    QString settledDifferenceFromBackend(int timeoutMs = 10000);

private:
    std::unique_ptr<WhaTrack::ApiClient> m_api;
    std::unique_ptr<WhaTrack::Session> m_session;
    std::shared_ptr<WhaTrack::BackendTokenProvider> m_tokens;
    std::unique_ptr<Centrifuge::Client> m_client;
    QThread m_realtimeThread;
    std::unique_ptr<WhaTrack::InboxStore> m_store;
    QList<std::shared_ptr<QAbstractItemModelTester>> m_testers;
};

} // namespace WhaTrack::Testing
