// Signing in, as the agent meets it: the dialog when there is no stored session, what a wrong
// password, an unreachable server or a TLS failure says, an empty password variable, closing
// the dialog without a session.

#include "app/gui/signinflow.h"
#include "models/api/apiclient.h"
#include "models/api/apierror.h"
#include "models/api/secretstore.h"
#include "tests/support/fakehttpserver.h"
#include "ui/signindialog.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace WhaTrack;
using WhaTrack::Gui::SignInFlow;
using WhaTrack::Testing::FakeHttpServer;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

namespace {
const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":null},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";

bool says(const QWidget* dialog, const QString& text)
{
    const auto labels = dialog->findChildren<QLabel*>();
    return std::any_of(labels.cbegin(), labels.cend(),
        [&text](const QLabel* l) { return l->isVisible() && l->text() == text; });
}
} // namespace

class TstSignInFlow : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QWidget> m_window;

    std::unique_ptr<SignInFlow> flow(const QString& email = {})
    {
        return std::make_unique<SignInFlow>(
            m_session.get(), m_window.get(), QStringLiteral("inbox.test:8443"), email);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest& r) {
                if (!r.body.contains("\"password\":\"secret\""))
                    return HttpResponse::json(401, R"({"error":"Invalid email or password"})");
                HttpResponse resp = HttpResponse::json(200, kSession);
                resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                    QByteArray("better-auth.session_token=tok.sig; Path=/; HttpOnly")));
                return resp;
            });
        m_server->route(
            "GET", QStringLiteral("/api/v1/auth/organization/list"), [](const HttpRequest&) {
                return HttpResponse::json(200, R"([{"id":"org-1","name":"Clínica","slug":"c"}])");
            });
        ApiConfig config;
        config.baseUrl = m_server->baseUrl();
        config.maxGetRetries = 0;
        m_api = std::make_unique<ApiClient>(config);
        m_session = std::make_unique<Session>(m_api.get(), std::make_shared<MemorySecretStore>());
        m_window = std::make_unique<QWidget>();
        m_window->show();
    }
    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_api.reset();
        m_server.reset();
    }

    void failureTexts_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("retryAfterMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password")
            << int(ApiError::Kind::Unauthorized) << 0 << "Wrong email or password.";
        QTest::newRow("no network")
            << int(ApiError::Kind::Network) << 0
            << "Cannot reach inbox.test:8443. Check your connection and try again.";
        QTest::newRow("rate limited, Retry-After 1.5 s")
            << int(ApiError::Kind::RateLimited) << 1500 << "Too many attempts. Try again in 2 s.";
        QTest::newRow("rate limited, no Retry-After")
            << int(ApiError::Kind::RateLimited) << 0 << "Too many attempts. Try again in a minute.";
    }
    void failureTexts()
    {
        QFETCH(int, kind);
        QFETCH(int, retryAfterMs);
        QFETCH(QString, expected);
        ApiError e;
        e.kind = ApiError::Kind(kind);
        e.retryAfterMs = retryAfterMs;
        QCOMPARE(SignInFlow::failureText(e, QStringLiteral("inbox.test:8443")), expected);
    }

    void tlsFailureNamesServerAndProblem()
    {
        ApiError e;
        e.kind = ApiError::Kind::Tls;
        e.sslErrors = {QSslError(QSslError::CertificateExpired).errorString()};
        const QString text = SignInFlow::failureText(e, QStringLiteral("inbox.test:8443"));
        QVERIFY2(text.contains(QStringLiteral("inbox.test:8443")), qPrintable(text));
        QVERIFY2(text.contains(e.sslErrors.first()), qPrintable(text));
    }

    void expiredSessionIsAnError()
    {
        bool error = false;
        const QString text = SignInFlow::signOutText(
            Session::SignOutReason::SessionExpired, QStringLiteral("401"), &error);
        QVERIFY(error);
        QCOMPARE(text, QStringLiteral("Your session has ended. Please sign in again."));
        SignInFlow::signOutText(Session::SignOutReason::UserRequested, {}, &error);
        QVERIFY(!error);
    }

    void noStoredSessionOpensTheDialog()
    {
        auto f = flow();
        f->start({});
        QTRY_VERIFY(f->dialog() && f->dialog()->isVisible());
        QCOMPARE(m_server->requests().size(), 0); // nothing sent without credentials
    }

    void emptyPasswordVariableIsSaidAndNothingSent()
    {
        qunsetenv("INBOX_TEST_NO_PASSWORD");
        auto f = flow(QStringLiteral("ana@clinica.test"));
        f->start(QStringLiteral("INBOX_TEST_NO_PASSWORD"));
        QVERIFY(f->dialog() && f->dialog()->isVisible());
        QVERIFY(says(f->dialog(),
            QStringLiteral("The environment variable INBOX_TEST_NO_PASSWORD holds no password.")));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void wrongPasswordIsSaidThenTheRightOneClosesTheDialog()
    {
        auto f = flow(QStringLiteral("ana@clinica.test"));
        QSignalSpy needed(f.get(), &SignInFlow::signInNeeded);
        f->showSignIn({}, false);
        QPointer<Ui::SignInDialog> dialog = f->dialog();
        Q_EMIT dialog->submitted(QStringLiteral("ana@clinica.test"), QStringLiteral("wrong"));
        QTRY_VERIFY(says(dialog, QStringLiteral("Wrong email or password.")));
        QCOMPARE(needed.size(), 1);
        QCOMPARE(needed.first().first().toString(), QStringLiteral("Wrong email or password."));
        QVERIFY(dialog->isVisible());

        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        Q_EMIT dialog->submitted(QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QTRY_COMPARE(signedIn.size(), 1);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(f->email(), QStringLiteral("ana@clinica.test"));
    }

    void closingWithoutASessionAsksToQuit()
    {
        auto f = flow();
        QSignalSpy canceled(f.get(), &SignInFlow::canceledWithoutSession);
        f->showSignIn({}, false);
        f->dialog()->reject();
        QCOMPARE(canceled.size(), 1);
    }
};

QTEST_MAIN(TstSignInFlow)
#include "tst_signinflow.moc"
