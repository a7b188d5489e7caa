// A keychain that cannot store the session: the agent is told at once, in the main window,
// what it means and how to fix it, and the session keeps working for this run.

#include "models/api/secretstore.h"
#include "models/api/session.h"
#include "models/store/inboxstore.h"
#include "tests/support/fakeinboxbackend.h"
#include "ui/connectionmonitor.h"
#include "ui/keychainnotice.h"
#include "ui/mainwindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>

using namespace WhaTrack;
using namespace WhaTrack::Ui;
using namespace WhaTrack::Testing;

namespace {
const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":null},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";
} // namespace

class TstKeychainNotice : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeInboxBackend> m_backend;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<InboxStore> m_store;
    std::unique_ptr<ConnectionMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;
    std::shared_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Session> m_session;
    int m_sessionChecks = 0;

private Q_SLOTS:
    void init()
    {
        m_backend = std::make_unique<FakeInboxBackend>(3);
        QVERIFY(m_backend->start());
        auto& server = m_backend->server();
        server.route("POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
            HttpResponse r = HttpResponse::json(200, kSession);
            r.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("better-auth.session_token=tok.sig; Path=/; HttpOnly")));
            return r;
        });
        server.route(
            "GET", QStringLiteral("/api/v1/auth/get-session"), [this](const HttpRequest& r) {
                ++m_sessionChecks;
                return r.headers.value("cookie").contains("better-auth.session_token=tok.sig")
                    ? HttpResponse::json(200, kSession)
                    : HttpResponse::json(200, "null");
            });
        server.route("GET", QStringLiteral("/api/v1/auth/organization/list"),
            [](const HttpRequest&) { return HttpResponse::json(200, "[]"); });
        m_api = std::make_unique<ApiClient>(m_backend->config());
        m_store = std::make_unique<InboxStore>(m_api.get(), nullptr);
        m_monitor = std::make_unique<ConnectionMonitor>();
        m_window = std::make_unique<MainWindow>(m_store.get(), m_monitor.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_secrets = std::make_shared<MemorySecretStore>();
        m_session = std::make_unique<Session>(m_api.get(), m_secrets);
    }

    void cleanup()
    {
        m_session.reset();
        m_window.reset();
        m_monitor.reset();
        m_store.reset();
        m_api.reset();
        m_backend.reset();
    }

    void unwritableKeychainIsShownAtOnceAndTheSessionWorks()
    {
        auto* notice = KeychainNotice::install(m_window.get(), m_session.get());
        QVERIFY(!notice->isShown()); // nothing to say while the keychain works
        QVERIFY(!notice->isVisible());

        m_secrets->setFailure(SecretStore::Status::Unavailable);
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QTRY_COMPARE(signedIn.size(), 1);
        m_window->grab().save(QString::fromLocal8Bit(qgetenv("KEYCHAIN_NOTICE_SHOT")));
        QTRY_VERIFY(notice->isVisible()); // in the window, without restarting
        QVERIFY(notice->isShown());
        QVERIFY(m_window->isAncestorOf(notice));
        const QString text = notice->text();
        QVERIFY2(text.contains(QStringLiteral("sign in again at each start")), qPrintable(text));
        QVERIFY2(text.contains(SecretStore::fixHint()), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("tok.sig"))); // no secret in what is shown

        // This run goes on: signed in, and calls carry the session cookie.
        QCOMPARE(m_session->state(), Session::State::SignedIn);
        QVERIFY(!m_secrets->contains(QStringLiteral("session-cookie@127.0.0.1:%1")
                                         .arg(m_backend->server().baseUrl().port())));
        bool checked = false;
        bool valid = false;
        m_api->getSession(this, [&](ApiResult<std::optional<SessionInfo>> r) {
            checked = true;
            valid = r.ok() && r.value.has_value();
        });
        QTRY_VERIFY(checked);
        QVERIFY(valid);

        // Dismissable.
        auto* dismiss = notice->findChild<QPushButton*>(QStringLiteral("keychainNoticeDismiss"));
        QVERIFY(dismiss);
        QTest::mouseClick(dismiss, Qt::LeftButton);
        QVERIFY(!notice->isShown());
        QVERIFY(!notice->isVisible());
    }

    void noticeGoesWhenTheKeychainWorksAgain()
    {
        m_secrets->setFailure(SecretStore::Status::AccessDenied);
        QSignalSpy problem(m_session.get(), &Session::secretStoreProblem);
        m_session->signIn(QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QTRY_COMPARE(problem.size(), 1);
        // Installed after the failure (a window built late): it still tells.
        auto* notice = KeychainNotice::install(m_window.get(), m_session.get());
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("access was denied")));

        m_secrets->setFailure(SecretStore::Status::Ok); // the agent unlocked the keyring
        QSignalSpy recovered(m_session.get(), &Session::secretStoreRecovered);
        m_session->signIn(QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QTRY_COMPARE(recovered.size(), 1);
        QVERIFY(!notice->isShown());
        QVERIFY(m_session->secretStoreProblemText().isEmpty());
    }
};

QTEST_MAIN(TstKeychainNotice)
#include "tst_keychainnotice.moc"
