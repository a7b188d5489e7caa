// Redirects against two in-process servers (two ports = two origins): the password, the session
// cookie and the organization header never reach a server the backend URL does not name.

#include "models/api/apiclient.h"
#include "models/api/cookiejar.h"
#include "tests/support/fakehttpserver.h"

#include <QNetworkCookie>
#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Testing;

namespace {

template<typename T>
ApiResult<T> wait(std::function<void(ApiClient::Callback<T>)> call, int timeoutMs = 15000)
{
    std::optional<ApiResult<T>> result;
    call([&result](ApiResult<T> r) { result = std::move(r); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    if (!result) {
        ApiResult<T> r;
        r.error = ApiError::make(ApiError::Kind::Canceled, QStringLiteral("test: no callback"));
        return r;
    }
    return *result;
}

HttpResponse redirect(int status, const QUrl& to)
{
    HttpResponse r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("Location"), to.toEncoded()));
    return r;
}

const QByteArray kSession = R"({"user":{"id":"u1","name":"Ana","email":"ana@x"},
    "session":{"expiresAt":"2026-06-01T00:00:00.000Z","activeOrganizationId":"org-1"}})";

} // namespace

class TestRedirects : public QObject
{
    Q_OBJECT

    FakeHttpServer* m_backend = nullptr; //!< the configured backend
    FakeHttpServer* m_other = nullptr; //!< where a hostile or misconfigured backend points
    ApiClient* m_api = nullptr;

    //! Everything the other origin saw must be free of the agent's secrets.
    void verifyOtherSawNothing()
    {
        QCOMPARE(m_other->requests().size(), 0);
        for (const auto& r : m_other->requests()) { // belt and braces if the count changes
            QVERIFY(!r.body.contains("hunter2"));
            QVERIFY(!r.headers.contains("cookie"));
            QVERIFY(!r.headers.contains("x-organization-id"));
        }
    }

private Q_SLOTS:
    void init()
    {
        m_backend = new FakeHttpServer(this);
        m_other = new FakeHttpServer(this);
        QVERIFY(m_backend->listen());
        QVERIFY(m_other->listen());
        m_other->setHandler([](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(200, kSession);
            r.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("better-auth.session_token=STOLEN; Path=/; HttpOnly")));
            return r;
        });
        ApiConfig c;
        c.baseUrl = m_backend->baseUrl();
        c.organizationId = QStringLiteral("org-1");
        c.retryBaseDelay = std::chrono::milliseconds(10);
        c.retryMaxDelay = std::chrono::milliseconds(20);
        m_api = new ApiClient(c, this);
        // A signed-in agent: the jar holds the session cookie for the backend's host.
        m_api->cookieJar()->setCookiesFromUrl(
            {QNetworkCookie("better-auth.session_token", "COOKIEVALUE")}, m_backend->baseUrl());
    }
    void cleanup()
    {
        delete m_api;
        delete m_backend;
        delete m_other;
    }

    void signInIsNeverRedirected_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("sameOrigin");
        for (int status : {301, 302, 303, 307, 308}) {
            QTest::addRow("%d to another origin", status) << status << false;
            QTest::addRow("%d on the same origin", status) << status << true;
        }
    }
    void signInIsNeverRedirected()
    {
        QFETCH(int, status);
        QFETCH(bool, sameOrigin);
        const QUrl target = (sameOrigin ? m_backend : m_other)
                                ->baseUrl()
                                .resolved(QUrl(QStringLiteral("/api/v1/auth/sign-in/email")));
        m_backend->route("POST", QStringLiteral("/api/v1/auth/sign-in/email"),
            [status, target](const HttpRequest& r) {
                if (r.headers.value("x-test-hop") == "2") // never: no second hop allowed
                    return HttpResponse::json(200, kSession);
                return redirect(status, target);
            });
        auto r = wait<SessionInfo>([this](auto cb) {
            m_api->signInEmail(QStringLiteral("ana@x"), QStringLiteral("hunter2"), nullptr, cb);
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(r.error.message.contains(QLatin1String("check the backend URL")),
            qPrintable(r.error.message));
        if (!sameOrigin) {
            const QString origin = m_other->baseUrl().adjusted(QUrl::RemovePath).toString();
            QVERIFY2(r.error.message.contains(QStringLiteral("another address: ") + origin),
                qPrintable(r.error.message));
        }
        QCOMPARE(m_backend->requestCount(), 1); // the password went out once, to the backend
        verifyOtherSawNothing();
        QVERIFY(!m_api->cookieJar()
                     ->cookiesForUrl(m_backend->baseUrl())
                     .first()
                     .value()
                     .contains("STOLEN"));
    }

    void getRedirectToAnotherOriginIsRefused()
    {
        m_backend->route(
            "GET", QStringLiteral("/api/v1/whatsapp/chats"), [this](const HttpRequest&) {
                return redirect(302, m_other->baseUrl().resolved(QUrl(QStringLiteral("/chats"))));
            });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QCOMPARE(r.error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(r.error.message.contains(QLatin1String("another address")),
            qPrintable(r.error.message));
        QCOMPARE(m_backend->requestCount(), 1); // not transient: no retry
        // What the backend got carried the cookie and the org header, as it should.
        const HttpRequest sent = m_backend->requests().first();
        QVERIFY(sent.headers.value("cookie").contains("COOKIEVALUE"));
        QCOMPARE(sent.headers.value("x-organization-id"), QByteArray("org-1"));
        verifyOtherSawNothing();

        // A scheme change is another origin too (an https backend sending us to http).
        m_backend->route(
            "GET", QStringLiteral("/api/v1/ticket-stages"), [this](const HttpRequest&) {
                QUrl to = m_backend->baseUrl();
                to.setScheme(QStringLiteral("https"));
                to.setPath(QStringLiteral("/api/v1/ticket-stages"));
                return redirect(301, to);
            });
        auto s = wait<QList<Stage>>([this](auto cb) { m_api->fetchTicketStages(nullptr, cb); });
        QCOMPARE(s.error.kind, ApiError::Kind::BadResponse);
    }

    void sameOriginGetRedirectIsFollowed()
    {
        m_backend->route("GET", QStringLiteral("/api/v1/whatsapp/chats"), [](const HttpRequest&) {
            return redirect(308, QUrl(QStringLiteral("/api/v2/whatsapp/chats"))); // relative
        });
        m_backend->route("GET", QStringLiteral("/api/v2/whatsapp/chats"), [](const HttpRequest&) {
            return HttpResponse::json(200, R"({"items":[{"id":"C1","name":"Ana"}]})");
        });
        auto r = wait<QList<ChatItem>>([this](auto cb) { m_api->fetchChats({}, nullptr, cb); });
        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
        QCOMPARE(r.value.size(), 1);
        QCOMPARE(m_backend->requestCount(QStringLiteral("/api/v2/whatsapp/chats")), 1);
        verifyOtherSawNothing();
    }

    void patchRedirectIsRefusedEvenOnTheSameOrigin()
    {
        m_backend->route("PATCH", QStringLiteral("/api/v1/tickets/T1"), [](const HttpRequest&) {
            return redirect(307, QUrl(QStringLiteral("/api/v1/tickets/T2")));
        });
        TicketPatch patch;
        patch.dealValue = QStringLiteral("10");
        auto r = wait<Ticket>([this, patch](auto cb) {
            m_api->patchTicket(QStringLiteral("T1"), patch, nullptr, cb);
        });
        QCOMPARE(r.error.kind, ApiError::Kind::BadResponse);
        QCOMPARE(m_backend->requestCount(), 1);
        QCOMPARE(m_backend->requestCount(QStringLiteral("/api/v1/tickets/T2")), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
