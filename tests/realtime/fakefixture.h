#pragma once

// Shared bits of the unit tests that run the client against the in-process fake server.

#include "realtime/client.h"
#include "realtime/subscription.h"
#include "tests/support/fakecentrifugo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace FakeFixture {

using namespace std::chrono_literals;

//! Short delays so state machines run in milliseconds, not seconds.
inline Centrifuge::ClientOptions fastOptions()
{
    Centrifuge::ClientOptions options;
    options.timeout = 1000ms;
    options.minReconnectDelay = 20ms;
    options.maxReconnectDelay = 100ms;
    options.minResubscribeDelay = 20ms;
    options.maxResubscribeDelay = 100ms;
    options.maxServerPingDelay = 300ms;
    options.tokenTimeout = 1000ms;
    options.watchNetworkReachability = false;
    // Token failures are retried in milliseconds too; tst_token_pacing checks the defaults.
    options.minTokenRetryDelay = 50ms;
    options.maxTokenRetryDelay = 200ms;
    // Tokens are refreshed at their ttl, without the server's grace: the tests' 1 s tokens
    // would otherwise be spread 12 s apart by the default pacing (tst_token_pacing checks it).
    options.tokenExpiryGrace = 0ms;
    return options;
}

inline QJsonObject request(const QJsonObject& command)
{
    return command.value(TestSupport::FakeCentrifugo::methodOf(command)).toObject();
}

} // namespace FakeFixture
