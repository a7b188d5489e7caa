// Which organization's inbox opens: one organization opens at once; with several and none
// configured the agent chooses (the session's own pick waits); the menu switches.

#include "app/gui/organizationflow.h"
#include "models/api/apiclient.h"
#include "models/api/secretstore.h"
#include "models/api/session.h"
#include "tests/support/fakehttpserver.h"
#include "ui/organizationdialog.h"

#include <QListWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace WhaTrack;
using WhaTrack::Gui::OrganizationFlow;
using WhaTrack::Testing::FakeHttpServer;
using WhaTrack::Testing::HttpRequest;
using WhaTrack::Testing::HttpResponse;

namespace {
const QByteArray kSession
    = R"({"session":{"id":"s1","userId":"u1","expiresAt":"2099-01-01T00:00:00.000Z",
    "activeOrganizationId":null},"user":{"id":"u1","name":"Ana Souza","email":"ana@clinica.test"}})";

Organization org(const char* id)
{
    return Organization {QString::fromLatin1(id), QString::fromLatin1(id), {}, {}};
}

Ui::OrganizationDialog* openChooser(QWidget* window)
{
    const auto dialogs = window->findChildren<Ui::OrganizationDialog*>();
    for (auto* d : dialogs) {
        if (d->isVisible())
            return d;
    }
    return nullptr;
}
} // namespace

class TstOrganizationFlow : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QWidget> m_window;

    void serve(const QByteArray& organizations)
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_server->route(
            "POST", QStringLiteral("/api/v1/auth/sign-in/email"), [](const HttpRequest&) {
                HttpResponse resp = HttpResponse::json(200, kSession);
                resp.headers.append(qMakePair(QByteArray("Set-Cookie"),
                    QByteArray("better-auth.session_token=tok.sig; Path=/; HttpOnly")));
                return resp;
            });
        m_server->route("GET", QStringLiteral("/api/v1/auth/organization/list"),
            [organizations](const HttpRequest&) { return HttpResponse::json(200, organizations); });
        ApiConfig config;
        config.baseUrl = m_server->baseUrl();
        config.maxGetRetries = 0;
        m_api = std::make_unique<ApiClient>(config);
        m_session = std::make_unique<Session>(m_api.get(), std::make_shared<MemorySecretStore>());
    }

    void signIn(OrganizationFlow& flow)
    {
        QSignalSpy signedIn(m_session.get(), &Session::signedIn);
        m_session->signIn(QStringLiteral("ana@clinica.test"), QStringLiteral("secret"));
        QVERIFY(signedIn.wait());
        flow.onSignedIn();
    }

private Q_SLOTS:
    void init()
    {
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

    void stepForTheList()
    {
        using Step = OrganizationFlow::Step;
        QCOMPARE(OrganizationFlow::stepFor({}, {}, {}), Step::NoOrganization);
        QCOMPARE(OrganizationFlow::stepFor({org("a")}, {}, {}), Step::None);
        QCOMPARE(OrganizationFlow::stepFor({org("a"), org("b")}, {}, {}), Step::AskAgent);
        // Configured (--organization or last time) or already open: no question.
        QCOMPARE(
            OrganizationFlow::stepFor({org("a"), org("b")}, QStringLiteral("b"), {}), Step::None);
        QCOMPARE(
            OrganizationFlow::stepFor({org("a"), org("b")}, {}, QStringLiteral("a")), Step::None);
        // A configured id the account no longer has: ask.
        QCOMPARE(OrganizationFlow::stepFor({org("a"), org("b")}, QStringLiteral("gone"), {}),
            Step::AskAgent);
    }

    void oneOrganizationOpensAtOnce()
    {
        serve(R"([{"id":"org-1","name":"Clínica Sorriso","slug":"c"}])");
        OrganizationFlow flow(m_session.get(), m_window.get(), {});
        QSignalSpy activated(&flow, &OrganizationFlow::activated);
        signIn(flow);
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("org-1"));
        QCOMPARE(activated.first().at(1).toBool(), false);
        QCOMPARE(flow.activeName(), QStringLiteral("Clínica Sorriso"));
        QVERIFY(!openChooser(m_window.get()));
    }

    void severalOrganizationsTheAgentChoosesThenSwitches()
    {
        serve(R"([{"id":"org-1","name":"Clínica","slug":"a"},)"
              R"({"id":"org-2","name":"Loja","slug":"b"}])");
        OrganizationFlow flow(m_session.get(), m_window.get(), {});
        QSignalSpy activated(&flow, &OrganizationFlow::activated);
        signIn(flow);
        Ui::OrganizationDialog* chooser = nullptr;
        QTRY_VERIFY((chooser = openChooser(m_window.get())));
        // The session's own pick did not open anything behind the agent's back.
        QCOMPARE(activated.size(), 0);
        chooser->findChild<QListWidget*>()->setCurrentRow(1);
        chooser->accept();
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("org-2"));
        QCOMPARE(flow.activeOrganization(), QStringLiteral("org-2"));

        // "Switch organization": the other one, as a switch (its token must go).
        flow.choose();
        QTRY_VERIFY((chooser = openChooser(m_window.get())));
        chooser->findChild<QListWidget*>()->setCurrentRow(0);
        chooser->accept();
        QTRY_COMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("org-1"));
        QCOMPARE(activated.at(1).at(1).toBool(), true);
    }

    void noOrganizationIsSaid()
    {
        serve("[]");
        OrganizationFlow flow(m_session.get(), m_window.get(), {});
        QSignalSpy activated(&flow, &OrganizationFlow::activated);
        signIn(flow);
        QTRY_VERIFY(!m_window->findChildren<QMessageBox*>().isEmpty());
        QCOMPARE(m_window->findChildren<QMessageBox*>().first()->text(),
            QStringLiteral("This account is not a member of any WhaTrack organization."));
        QCOMPARE(activated.size(), 0);
    }
};

QTEST_MAIN(TstOrganizationFlow)
#include "tst_organizationflow.moc"
