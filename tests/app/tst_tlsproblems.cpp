// A TLS failure is told to the agent once, found by the error's category, never by its text:
// a host named "ssl-gateway" that does not resolve is a network problem, an untrusted
// certificate on a real wss:// handshake is a TLS one.

#include "app/gui/tlsproblemnotifier.h"
#include "realtime/client.h"
#include "tests/support/fakecentrifugo.h"
#include "tests/support/testcertificates.h"

#include <QMessageBox>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWidget>

using namespace std::chrono_literals;
using Centrifuge::Client;
using Centrifuge::ErrorCategory;
using Centrifuge::TlsProblem;
using WhaTrack::Gui::TlsProblemNotifier;

namespace {
Centrifuge::ClientOptions quickOptions()
{
    Centrifuge::ClientOptions o;
    o.timeout = 2000ms;
    o.minReconnectDelay = 50ms;
    o.maxReconnectDelay = 200ms;
    o.watchNetworkReachability = false;
    return o;
}

//! The first Client::failed of a connection attempt to \a url.
Centrifuge::Error firstFailure(const QUrl& url)
{
    Client client(url, quickOptions());
    QSignalSpy failed(&client, &Client::failed);
    client.connectToServer();
    if (!failed.wait(10000) && failed.isEmpty())
        return {};
    client.disconnectFromServer();
    return failed.first().first().value<Centrifuge::Error>();
}
} // namespace

class TstTlsProblems : public QObject
{
    Q_OBJECT

    TestSupport::TestCertificates m_certificates;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QString error;
        QVERIFY2(m_certificates.generate(&error), qPrintable(error));
    }

    void textSayingSslIsNotATlsFailure()
    {
        // What the old substring search took for a certificate problem.
        const auto dns = Centrifuge::Error::make(Centrifuge::ErrorType::Transport, 0,
            QStringLiteral("Host ssl-gateway.example.invalid not found"));
        QCOMPARE(dns.category, ErrorCategory::Network);
        QVERIFY(!TlsProblemNotifier::isTlsFailure(dns));
        const auto token = Centrifuge::Error::make(Centrifuge::ErrorType::ConnectToken, 0,
            QStringLiteral("certificate route answered HTTP 500"));
        QVERIFY(!TlsProblemNotifier::isTlsFailure(token));
    }

    void untrustedCertificateIsATlsFailureWithItsProblem()
    {
        TestSupport::FakeCentrifugo server(m_certificates.serverConfiguration());
        const Centrifuge::Error e = firstFailure(server.url()); // no private CA configured
        QCOMPARE(e.type, Centrifuge::ErrorType::Transport);
        QCOMPARE(e.category, ErrorCategory::Tls);
        QCOMPARE(e.tls, TlsProblem::Untrusted);
        QVERIFY(TlsProblemNotifier::isTlsFailure(e));
        QVERIFY2(e.message.contains(QStringLiteral("not trusted")), qPrintable(e.message));
    }

    void plainHttpServerBehindWssIsATlsHandshakeFailure()
    {
        // A plain HTTP server answers the TLS hello with text: no certificate error at all.
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress::LocalHost));
        QObject::connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
            QTcpSocket* socket = plain.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            });
        });
        const QUrl url(
            QStringLiteral("wss://127.0.0.1:%1/connection/websocket").arg(plain.serverPort()));
        const Centrifuge::Error e = firstFailure(url);
        QCOMPARE(e.category, ErrorCategory::Tls);
        QCOMPARE(e.tls, TlsProblem::Handshake);
        QVERIFY(TlsProblemNotifier::isTlsFailure(e));
    }

    void refusedPortIsANetworkFailure()
    {
        // A port nothing listens on (the fake server's, after it closed).
        QUrl url;
        {
            TestSupport::FakeCentrifugo gone;
            url = gone.url();
        }
        const Centrifuge::Error e = firstFailure(url);
        QCOMPARE(e.category, ErrorCategory::Network);
        QVERIFY(!TlsProblemNotifier::isTlsFailure(e));
    }

    void eachProblemIsShownOnceAndNotWhileSigningIn()
    {
        QWidget window;
        window.show();
        TlsProblemNotifier notifier(&window);
        const QStringList expired {QStringLiteral("The certificate has expired")};
        // While signing in, the sign-in dialog says it: no second message.
        QVERIFY(!notifier.report(QStringLiteral("inbox.test"), expired, false));
        QVERIFY(window.findChildren<QMessageBox*>().isEmpty());
        QVERIFY(notifier.report(QStringLiteral("inbox.test"), expired, true));
        QCOMPARE(window.findChildren<QMessageBox*>().size(), 1);
        auto* box = window.findChildren<QMessageBox*>().first();
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("--ca-cert FILE"))); // the next step
        // The reconnect loop repeats it: not again.
        QVERIFY(!notifier.report(QStringLiteral("inbox.test"), expired, true));
        // Another problem (or another server) is new.
        QVERIFY(notifier.report(QStringLiteral("live updates (inbox.test)"), expired, true));
    }
};

QTEST_MAIN(TstTlsProblems)
#include "tst_tlsproblems.moc"
