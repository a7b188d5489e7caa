// Session (better-auth cookie, keychain through SecretStore) and the realtime token provider.

#include "models/api/apiclient.h"
#include "models/api/backendtokenprovider.h"
#include "models/api/cookiejar.h"
#include "models/api/secretstore.h"
#include "models/api/session.h"
#include "tests/support/fakehttpserver.h"
#include "tests/support/manualclock.h"

#include <QNetworkCookie>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

QString jwtWithExp(qint64 exp)
{
    auto b64 = [](const QByteArray& s) {
        return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + b64(QByteArray(R"({"sub":"u1","exp":)") + QByteArray::number(exp) + '}') + ".c2ln");
}

const QByteArray kSessionBody
    = R"({"session":{"id":"s1","expiresAt":"2026-06-18T10:00:00.000Z","activeOrganizationId":"org-2"},"user":{"id":"u1","name":"Ana","email":"ana@x"}})";

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

    FakeHttpServer* m_server = nullptr;
    ApiClient* m_api = nullptr;
    bool m_sessionValid = true;

    void routeAuth()
    {
        m_server->route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [this](const HttpRequest& r) {
                if (!r.body.contains("\"password\":\"right\""))
                    return HttpResponse::json(401, R"({"error":"Invalid email or password"})");
                HttpResponse resp = HttpResponse::json(200, kSessionBody);
                resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                    QByteArray("better-auth.session_token=tok123.sig; Path=/; HttpOnly; "
                               "SameSite=Lax; Max-Age=604800")));
                m_sessionValid = true;
                return resp;
            });
        m_server->route(
            "GET", QStringLiteral("/api/v1/auth/get-session"), [this](const HttpRequest& r) {
                const bool has
                    = r.headers.value("cookie").contains("better-auth.session_token=tok123.sig");
                return HttpResponse::json(
                    200, has && m_sessionValid ? kSessionBody : QByteArray("null"));
            });
        m_server->route("POST", QStringLiteral("/api/v1/auth/sign-out"), [](const HttpRequest&) {
            HttpResponse resp = HttpResponse::json(200, R"({"success":true})");
            resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("better-auth.session_token=; Path=/; Max-Age=0")));
            return resp;
        });
        m_server->route("GET", QStringLiteral("/api/v1/auth/organization/list"), [](const HttpRequest&) {
            return HttpResponse::json(200,
                R"([{"id":"org-1","name":"Loja A","slug":"a"},{"id":"org-2","name":"Loja B","slug":"b"}])");
        });
        m_server->route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [this](const HttpRequest& r) {
                const bool has = r.headers.value("cookie").contains("tok123");
                return has && m_sessionValid
                    ? HttpResponse::json(200, R"({"items":[]})")
                    : HttpResponse::json(401, R"({"error":"Unauthorized"})");
            });
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        routeAuth();
        ApiConfig c;
        c.baseUrl = m_server->baseUrl();
        c.retryBaseDelay = std::chrono::milliseconds(10);
        m_api = new ApiClient(c, this);
        m_sessionValid = true;
    }
    void cleanup()
    {
        delete m_api;
        delete m_server;
    }

    void signInStoresTheCookieInTheSecretStoreOnly()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        Session session(m_api, secrets);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy orgs(&session, &Session::organizationsChanged);
        session.signIn(QStringLiteral("ana@x"), QStringLiteral("right"));
        QTRY_COMPARE(signedIn.size(), 1);
        QCOMPARE(session.state(), Session::State::SignedIn);
        QCOMPARE(session.currentUser().name, QStringLiteral("Ana"));
        QTRY_COMPARE(orgs.size(), 1);
        QCOMPARE(session.organizations().size(), 2);
        QCOMPARE(
            session.currentOrganizationId(), QStringLiteral("org-2")); // the session's active one
        QCOMPARE(m_api->organizationId(), QStringLiteral("org-2"));
        QTRY_VERIFY(secrets->contains(
            QStringLiteral("session-cookie@127.0.0.1:%1").arg(m_server->baseUrl().port())));
    }

    void wrongPasswordIsSignInFailedNotExpired()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        Session session(m_api, secrets);
        QSignalSpy failed(&session, &Session::signInFailed);
        QSignalSpy out(&session, &Session::signedOut);
        session.signIn(QStringLiteral("ana@x"), QStringLiteral("wrong"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(out.size(), 0);
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

    void restoreFromTheStoredCookie()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        {
            Session first(m_api, secrets);
            QSignalSpy signedIn(&first, &Session::signedIn);
            first.signIn(QStringLiteral("ana@x"), QStringLiteral("right"));
            QTRY_COMPARE(signedIn.size(), 1);
            // The cookie reaches the keychain asynchronously; the next run needs it.
            QTRY_VERIFY(secrets->contains(
                QStringLiteral("session-cookie@127.0.0.1:%1").arg(m_server->baseUrl().port())));
        }
        // A new app run: empty jar, same keychain.
        delete m_api;
        ApiConfig c;
        c.baseUrl = m_server->baseUrl();
        m_api = new ApiClient(c, this);
        Session session(m_api, secrets);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.restore();
        QTRY_COMPARE(signedIn.size(), 1);
        QVERIFY(session.isVerified());
        QCOMPARE(session.currentUser().email, QStringLiteral("ana@x"));
    }

    void restoreWithoutCookieOrWithExpiredOne()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        Session session(m_api, secrets);
        QSignalSpy out(&session, &Session::signedOut);
        session.restore();
        QTRY_COMPARE(out.size(), 1);
        QCOMPARE(out.at(0).at(0).value<Session::SignOutReason>(),
            Session::SignOutReason::NoStoredSession);

        secrets->write(
            QStringLiteral("session-cookie@127.0.0.1:%1").arg(m_server->baseUrl().port()),
            "better-auth.session_token=tok123.sig; path=/; domain=127.0.0.1",
            [](SecretStore::Result) {});
        m_sessionValid = false; // the server forgot the session
        session.restore();
        QTRY_COMPARE(out.size(), 2);
        QCOMPARE(out.at(1).at(0).value<Session::SignOutReason>(),
            Session::SignOutReason::SessionExpired);
        QTRY_VERIFY(!secrets->contains(
            QStringLiteral("session-cookie@127.0.0.1:%1").arg(m_server->baseUrl().port())));
    }

    void keychainFailureIsReported()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        secrets->setFailure(SecretStore::Status::Unavailable);
        Session session(m_api, secrets);
        QSignalSpy out(&session, &Session::signedOut);
        QSignalSpy problem(&session, &Session::secretStoreProblem);
        session.restore();
        QTRY_COMPARE(out.size(), 1);
        QCOMPARE(out.at(0).at(0).value<Session::SignOutReason>(),
            Session::SignOutReason::KeychainProblem);
        session.signIn(QStringLiteral("ana@x"), QStringLiteral("right"));
        QTRY_COMPARE(problem.size(), 1); // signed in, but it will not survive a restart
        QCOMPARE(session.state(), Session::State::SignedIn);
    }

    void any401SignsOutOnceWithoutRetry()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        Session session(m_api, secrets);
        QSignalSpy signedIn(&session, &Session::signedIn);
        QSignalSpy out(&session, &Session::signedOut);
        session.signIn(QStringLiteral("ana@x"), QStringLiteral("right"));
        QTRY_COMPARE(signedIn.size(), 1);
        m_sessionValid = false;
        m_server->clearRequests();
        bool done = false;
        m_api->fetchChats({}, nullptr, [&done](ApiResult<QList<ChatItem>> r) {
            done = r.error.kind == ApiError::Kind::Unauthorized;
        });
        QTRY_COMPARE(out.size(), 1);
        QCOMPARE(out.at(0).at(0).value<Session::SignOutReason>(),
            Session::SignOutReason::SessionExpired);
        QCOMPARE(session.state(), Session::State::SignedOut);
        QTest::qWait(200); // duration, not a wait for an event: a retry would show meanwhile
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/whatsapp/chats")), 1);
        QVERIFY(m_api->cookieJar()->isEmpty());
    }

    void signOutForgetsEverything()
    {
        auto secrets = std::make_shared<MemorySecretStore>();
        Session session(m_api, secrets);
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(QStringLiteral("ana@x"), QStringLiteral("right"));
        QTRY_COMPARE(signedIn.size(), 1);
        const QString key
            = QStringLiteral("session-cookie@127.0.0.1:%1").arg(m_server->baseUrl().port());
        QTRY_VERIFY(secrets->contains(key));
        QSignalSpy out(&session, &Session::signedOut);
        session.signOut();
        QCOMPARE(out.size(), 1);
        QCOMPARE(
            out.at(0).at(0).value<Session::SignOutReason>(), Session::SignOutReason::UserRequested);
        QTRY_VERIFY(!secrets->contains(key));
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("/api/v1/auth/sign-out")), 1);
        QVERIFY(m_server->requests().last().headers.value("cookie").contains(
            "tok123")); // told the server
    }

    void tokenIsReusedUntilShortlyBeforeExp()
    {
        ManualClock clock(QDateTime::fromSecsSinceEpoch(1'000'000, QTimeZone::utc()));
        const auto now = [&clock] { return clock.wallNow().toSecsSinceEpoch(); };
        int served = 0;
        m_server->route("GET", QStringLiteral("/api/v1/centrifugo/token"), [&](const HttpRequest&) {
            ++served;
            return HttpResponse::json(
                200, QStringLiteral(R"({"token":"%1"})").arg(jwtWithExp(now() + 3600)).toUtf8());
        });
        BackendTokenProvider provider(m_api, std::chrono::seconds(60));
        provider.setClock(&clock);
        QList<bool> fromCache;
        provider.setObserver([&fromCache, &now](const Centrifuge::TokenRequest&,
                                 Centrifuge::TokenReply::Status status, const QString&, int,
                                 qint64 exp, bool cached) {
            QCOMPARE(status, Centrifuge::TokenReply::Status::Ok);
            QVERIFY(exp > now());
            fromCache << cached;
        });
        auto fetch = [&provider] {
            std::optional<Centrifuge::TokenReply> reply;
            provider.fetchToken({}, [&reply](Centrifuge::TokenReply r) { reply = r; });
            (void)QTest::qWaitFor([&] { return reply.has_value(); }, 5000);
            return reply.value_or(Centrifuge::TokenReply::failed(QStringLiteral("no reply")));
        };
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Ok);
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Ok);
        clock.advance(3000 * 1000); // still more than a minute left
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Ok);
        QCOMPARE(served, 1);
        QCOMPARE(fromCache, QList<bool>({false, true, true}));
        clock.advance(560 * 1000); // 40 s before exp: fetch a fresh one
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Ok);
        QCOMPARE(served, 2);
        provider.invalidate();
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Ok);
        QCOMPARE(served, 3);
        QCOMPARE(jwtExpiry(jwtWithExp(42)), std::optional<qint64>(42));
        QVERIFY(!jwtExpiry(QStringLiteral("garbage")));
    }

    void tokenErrorsMapToReplies()
    {
        int status = 401;
        m_server->route(
            "GET", QStringLiteral("/api/v1/centrifugo/token"), [&status](const HttpRequest&) {
                HttpResponse r = HttpResponse::json(status, R"({"error":"nope"})");
                r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7")));
                return r;
            });
        BackendTokenProvider provider(m_api);
        auto fetch = [&provider] {
            std::optional<Centrifuge::TokenReply> reply;
            provider.fetchToken({}, [&reply](Centrifuge::TokenReply r) { reply = r; });
            (void)QTest::qWaitFor([&] { return reply.has_value(); }, 5000);
            return reply.value_or(Centrifuge::TokenReply::failed(QStringLiteral("no reply")));
        };
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Unauthorized);
        status = 403;
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Unauthorized);
        status = 429;
        const auto limited = fetch();
        QCOMPARE(limited.status, Centrifuge::TokenReply::Status::Failed);
        QCOMPARE(limited.retryAfterMs, 7000);
        status = 500;
        QCOMPARE(fetch().status, Centrifuge::TokenReply::Status::Failed);
        QCOMPARE(m_server->requestCount(QStringLiteral("/api/v1/centrifugo/token")),
            4); // never retried inline
    }

    void missingSubscriptionTokenRouteIsFinal()
    {
        // The real WhaTrack backend has no subscription-token route: a 404 must end the channel
        // (Unauthorized) rather than make the realtime client ask again and again.
        m_server->route("POST", QStringLiteral("/api/v1/centrifugo/subscription-token"),
            [](const HttpRequest&) { return HttpResponse::json(404, R"({"error":"Not Found"})"); });
        BackendTokenProvider provider(m_api);
        std::optional<Centrifuge::TokenReply> reply;
        Centrifuge::TokenRequest sub;
        sub.kind = Centrifuge::TokenRequest::Kind::Subscription;
        sub.channel = QStringLiteral("org:o:messages");
        provider.fetchToken(sub, [&reply](Centrifuge::TokenReply r) { reply = r; });
        QTRY_VERIFY(reply.has_value());
        QCOMPARE(reply->status, Centrifuge::TokenReply::Status::Unauthorized);
        QCOMPARE(
            m_server->requestCount(QStringLiteral("/api/v1/centrifugo/subscription-token")), 1);
    }

    void tokenFetchFromAnotherThreadSharesOneRequest()
    {
        m_server->route("GET", QStringLiteral("/api/v1/centrifugo/token"), [](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(200,
                QStringLiteral(R"({"token":"%1"})")
                    .arg(jwtWithExp(QDateTime::currentSecsSinceEpoch() + 3600))
                    .toUtf8());
            r.delayMs = 100;
            return r;
        });
        m_server->route("POST", QStringLiteral("/api/v1/centrifugo/subscription-token"),
            [](const HttpRequest& req) {
                return HttpResponse::json(200,
                    QStringLiteral(R"({"token":"%1"})")
                            .arg(jwtWithExp(QDateTime::currentSecsSinceEpoch() + 3600))
                            .toUtf8()
                        + QByteArray(req.body.contains("org:o:messages") ? "" : " "));
            });
        BackendTokenProvider provider(m_api);
        QAtomicInt replies = 0;
        QAtomicInt wrongThread = 0;
        QThread realtimeThread; // where the realtime client would call from
        realtimeThread.start();
        QObject onRealtime;
        onRealtime.moveToThread(&realtimeThread);
        QThread* apiThread = QThread::currentThread();
        for (int i = 0; i < 5; ++i) {
            QMetaObject::invokeMethod(&onRealtime, [&] {
                provider.fetchToken({}, [&](Centrifuge::TokenReply r) {
                    if (QThread::currentThread() != apiThread)
                        wrongThread.ref();
                    if (r.status == Centrifuge::TokenReply::Status::Ok)
                        replies.ref();
                });
            });
        }
        QMetaObject::invokeMethod(&onRealtime, [&] {
            Centrifuge::TokenRequest sub;
            sub.kind = Centrifuge::TokenRequest::Kind::Subscription;
            sub.channel = QStringLiteral("org:o:messages");
            provider.fetchToken(sub, [&](Centrifuge::TokenReply r) {
                if (r.status == Centrifuge::TokenReply::Status::Ok)
                    replies.ref();
            });
        });
        QTRY_COMPARE(replies.loadRelaxed(), 6);
        QCOMPARE(wrongThread.loadRelaxed(), 0); // HTTP and callbacks on the API client's thread
        QCOMPARE(provider.requestCount(), 2); // 5 connection callers, one request
        const HttpRequest subReq = m_server->requests().last();
        QCOMPARE(subReq.path, QStringLiteral("/api/v1/centrifugo/subscription-token"));
        QCOMPARE(subReq.body, QByteArray(R"({"channel":"org:o:messages"})"));
        realtimeThread.quit();
        realtimeThread.wait();
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
