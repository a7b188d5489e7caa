// The table of causes: one row per failure the app can meet, each with the words an agent reads
// (title, cause, what to do), and the adapters from Qt, ApiError and the realtime library.

#include "models/api/apierror.h"
#include "models/diagnostics/causeadapters.h"
#include "models/diagnostics/causes.h"

#include <QTest>

using namespace WhaTrack;
using namespace WhaTrack::Diagnostics;

class TestDiagnosticsCauses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data();
    void table();
    void noneIsEmpty();
    void adapters_data();
    void adapters();
    void sslErrorListPrefersWrongHost();
    void apiErrorTlsTexts();
    void names();
};

namespace {
Failure F(Where where, Kind kind, int code = 0)
{
    return Failure::make(where, kind, code, QStringLiteral("detail"));
}
} // namespace

void TestDiagnosticsCauses::table_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("mustContain"); // in title + cause + action
    QTest::addColumn<QStringList>("mustNotContain");
    const QStringList none;
    auto add = [&](const char* name, Failure f, const char* id, QStringList must,
                   QStringList mustNot = {}) {
        QTest::newRow(name) << f << QString::fromLatin1(id) << must << mustNot;
    };
    // Connection level, named per side.
    add("dns backend", F(Where::Backend, Kind::DnsFailure), "dns-failure",
        {QStringLiteral("could not be found"), QStringLiteral("--backend-url"),
            QStringLiteral("WhaTrack server")});
    add("dns websocket", F(Where::Centrifugo, Kind::DnsFailure), "dns-failure",
        {QStringLiteral("--ws-url"), QStringLiteral("Centrifugo")});
    add("refused", F(Where::Centrifugo, Kind::Refused), "refused",
        {QStringLiteral("Nothing answers"), QStringLiteral("port")});
    add("timeout", F(Where::Backend, Kind::Timeout), "timeout",
        {QStringLiteral("did not answer in time"), QStringLiteral("firewall")});
    add("unreachable", F(Where::Backend, Kind::Unreachable), "unreachable",
        {QStringLiteral("no route")});
    add("closed", F(Where::WebSocket, Kind::ConnectionClosed), "connection-closed",
        {QStringLiteral("scheme")});
    add("proxy", F(Where::Backend, Kind::Proxy), "proxy", {QStringLiteral("proxy settings")});
    // TLS: the CA hint only where a CA helps.
    add("tls untrusted", F(Where::Centrifugo, Kind::TlsUntrusted), "tls-untrusted",
        {QStringLiteral("--ca-cert"), QStringLiteral("does not trust")});
    add("tls expired", F(Where::Backend, Kind::TlsExpired), "tls-expired",
        {QStringLiteral("expired"), QStringLiteral("date and time")},
        {QStringLiteral("--ca-cert")});
    add("tls not yet valid", F(Where::Backend, Kind::TlsNotYetValid), "tls-not-yet-valid",
        {QStringLiteral("clock")}, {QStringLiteral("--ca-cert")});
    add("tls wrong host", F(Where::Centrifugo, Kind::TlsWrongHost), "tls-wrong-host",
        {QStringLiteral("another host name"), QStringLiteral("--ws-url")},
        {QStringLiteral("--ca-cert"), QStringLiteral("CA")});
    add("tls other", F(Where::Backend, Kind::TlsOther), "tls-other", {QStringLiteral("handshake")},
        {QStringLiteral("--ca-cert")});
    // The WebSocket upgrade.
    add("ws 400", F(Where::WebSocket, Kind::HttpStatus, 400), "websocket-http-400",
        {QStringLiteral("Upgrade")});
    add("ws 401", F(Where::WebSocket, Kind::HttpStatus, 401), "websocket-http-401",
        {QStringLiteral("HTTP 401"), QStringLiteral("proxy")});
    add("ws 403", F(Where::WebSocket, Kind::HttpStatus, 403), "websocket-http-403",
        {QStringLiteral("HTTP 403"), QStringLiteral("allowed_origins")});
    add("ws 404", F(Where::WebSocket, Kind::HttpStatus, 404), "websocket-http-404",
        {QStringLiteral("Wrong WebSocket path"), QStringLiteral("/connection/websocket")});
    add("ws 429", F(Where::WebSocket, Kind::HttpStatus, 429), "websocket-http-429",
        {QStringLiteral("429"), QStringLiteral("Wait")});
    add("ws 500", F(Where::WebSocket, Kind::HttpStatus, 500), "websocket-http-5xx",
        {QStringLiteral("HTTP 500")});
    add("ws 502 centrifugo down", F(Where::WebSocket, Kind::HttpStatus, 502), "websocket-http-5xx",
        {QStringLiteral("Realtime server down"), QStringLiteral("HTTP 502"),
            QStringLiteral("Centrifugo is not running")});
    add("ws 200 not websocket", F(Where::WebSocket, Kind::HttpStatus, 200), "websocket-http-200",
        {QStringLiteral("instead of switching")});
    // The token route (the seed guide's Issue 1).
    add("token 401", F(Where::TokenRoute, Kind::HttpStatus, 401), "token-http-401",
        {QStringLiteral("Sign in again"), QStringLiteral("belongs to the organization")});
    add("token 403", F(Where::TokenRoute, Kind::HttpStatus, 403), "token-http-403",
        {QStringLiteral("not a member"), QStringLiteral("--org")});
    add("token 404", F(Where::TokenRoute, Kind::HttpStatus, 404), "token-http-404",
        {QStringLiteral("/api/v1/centrifugo/token"), QStringLiteral("--backend-url")});
    Failure limited = F(Where::TokenRoute, Kind::HttpStatus, 429);
    limited.retryAfterMs = 41500;
    add("token 429 with retry-after", limited, "token-http-429",
        {QStringLiteral("rate limited"), QStringLiteral("Wait 42 s")});
    add("token 500", F(Where::TokenRoute, Kind::HttpStatus, 500), "token-http-5xx",
        {QStringLiteral("HTTP 500"), QStringLiteral("CENTRIFUGO_TOKEN_HMAC_SECRET_KEY")});
    add("token 503", F(Where::TokenRoute, Kind::HttpStatus, 503), "token-http-5xx",
        {QStringLiteral("HTTP 503")});
    add("sub token 403", F(Where::SubscriptionTokenRoute, Kind::HttpStatus, 403),
        "subscription-token-http-403", {QStringLiteral("org: vs org.")});
    add("sub token 404", F(Where::SubscriptionTokenRoute, Kind::HttpStatus, 404),
        "subscription-token-http-404", {QStringLiteral("subscription tokens")});
    // Backend and sign-in.
    add("sign-in 401", F(Where::SignIn, Kind::HttpStatus, 401), "sign-in-http-401",
        {QStringLiteral("Wrong email or password")});
    add("sign-in 429", F(Where::SignIn, Kind::HttpStatus, 429), "sign-in-http-429",
        {QStringLiteral("sign-in attempts")});
    add("backend 404", F(Where::Backend, Kind::HttpStatus, 404), "backend-http-404",
        {QStringLiteral("without /api")});
    add("backend 502", F(Where::Backend, Kind::HttpStatus, 502), "backend-http-5xx",
        {QStringLiteral("WhaTrack server down")});
    add("backend 500", F(Where::Backend, Kind::HttpStatus, 500), "backend-http-5xx",
        {QStringLiteral("runs but fails")});
    add("backend redirect", F(Where::Backend, Kind::HttpStatus, 302), "backend-http-302",
        {QStringLiteral("redirects")});
    // Centrifugo reply errors.
    add("100", F(Where::Connect, Kind::CentrifugoError, 100), "centrifugo-100",
        {QStringLiteral("internal error")});
    add("101 connect", F(Where::Connect, Kind::CentrifugoError, 101), "centrifugo-101",
        {QStringLiteral("hmac_secret_key")});
    add("101 subscribe", F(Where::Subscribe, Kind::CentrifugoError, 101), "centrifugo-101",
        {QStringLiteral("subscription token")});
    add("102", F(Where::Subscribe, Kind::CentrifugoError, 102), "centrifugo-102",
        {QStringLiteral("org:{org}:messages vs org.{org}.messages")});
    add("103 naming hint", F(Where::Subscribe, Kind::CentrifugoError, 103), "centrifugo-103",
        {QStringLiteral("Permission denied"),
            QStringLiteral("(103): check the channel naming (org: vs org.) and that this user "
                           "belongs to the organization")});
    add("104", F(Where::Connect, Kind::CentrifugoError, 104), "centrifugo-104",
        {QStringLiteral("(104)")});
    add("105", F(Where::Subscribe, Kind::CentrifugoError, 105), "centrifugo-105",
        {QStringLiteral("already subscribed")});
    add("106", F(Where::Subscribe, Kind::CentrifugoError, 106), "centrifugo-106",
        {QStringLiteral("limit")});
    add("107", F(Where::Connect, Kind::CentrifugoError, 107), "centrifugo-107",
        {QStringLiteral("malformed")});
    add("108", F(Where::Subscribe, Kind::CentrifugoError, 108), "centrifugo-108",
        {QStringLiteral("history")});
    add("109 clock", F(Where::Connect, Kind::CentrifugoError, 109), "centrifugo-109",
        {QStringLiteral("expired"), QStringLiteral("clock")});
    add("110", F(Where::Connect, Kind::CentrifugoError, 110), "centrifugo-110",
        {QStringLiteral("(110)")});
    add("111", F(Where::Connect, Kind::CentrifugoError, 111), "centrifugo-111",
        {QStringLiteral("limits requests")});
    add("112", F(Where::Subscribe, Kind::CentrifugoError, 112), "centrifugo-112",
        {QStringLiteral("unrecoverable")});
    add("113", F(Where::Subscribe, Kind::CentrifugoError, 113), "centrifugo-113",
        {QStringLiteral("(113)")});
    add("unknown error", F(Where::Connect, Kind::CentrifugoError, 150), "centrifugo-150",
        {QStringLiteral("error 150")});
    // Disconnect codes.
    add("1006", F(Where::Connect, Kind::Disconnect, 1006), "transport-closed",
        {QStringLiteral("dropped"), QStringLiteral("1006")});
    add("1009", F(Where::Connect, Kind::Disconnect, 1009), "disconnect-1009",
        {QStringLiteral("size limit")});
    add("3000", F(Where::Connect, Kind::Disconnect, 3000), "disconnect-3000",
        {QStringLiteral("reconnects by itself")});
    add("3001", F(Where::Connect, Kind::Disconnect, 3001), "disconnect-3001",
        {QStringLiteral("restarting")});
    add("3004", F(Where::Connect, Kind::Disconnect, 3004), "disconnect-3004",
        {QStringLiteral("internal error")});
    add("3005", F(Where::Connect, Kind::Disconnect, 3005), "disconnect-3005",
        {QStringLiteral("token ran out")});
    add("3008", F(Where::Connect, Kind::Disconnect, 3008), "disconnect-3008",
        {QStringLiteral("fast enough")});
    add("3012 no pong", F(Where::Connect, Kind::Disconnect, 3012), "disconnect-3012",
        {QStringLiteral("no pong"), QStringLiteral("ping")});
    add("3013", F(Where::Connect, Kind::Disconnect, 3013), "disconnect-3013",
        {QStringLiteral("too many requests")});
    add("3014 reconnecting", F(Where::Connect, Kind::Disconnect, 3014), "disconnect-3014",
        {QStringLiteral("reconnects by itself")});
    add("3500", F(Where::Connect, Kind::Disconnect, 3500), "disconnect-3500",
        {QStringLiteral("invalid")});
    add("3501", F(Where::Connect, Kind::Disconnect, 3501), "disconnect-3501",
        {QStringLiteral("could not read")});
    add("3502", F(Where::Connect, Kind::Disconnect, 3502), "disconnect-3502",
        {QStringLiteral("stale")});
    add("3503", F(Where::Connect, Kind::Disconnect, 3503), "disconnect-3503",
        {QStringLiteral("disconnected this user")});
    add("3504", F(Where::Connect, Kind::Disconnect, 3504), "disconnect-3504",
        {QStringLiteral("too many realtime connections")});
    add("3505", F(Where::Connect, Kind::Disconnect, 3505), "disconnect-3505",
        {QStringLiteral("channel_limit")});
    add("3507", F(Where::Connect, Kind::Disconnect, 3507), "disconnect-3507",
        {QStringLiteral("Permission denied"), QStringLiteral("(3507)")});
    add("3512 terminal", F(Where::Connect, Kind::Disconnect, 3512), "disconnect-3512",
        {QStringLiteral("asked not to reconnect")});
    add("4000 app reconnect", F(Where::Connect, Kind::Disconnect, 4000), "disconnect-4000",
        {QStringLiteral("reconnects by itself")});
    add("4500 app terminal", F(Where::Connect, Kind::Disconnect, 4500), "disconnect-4500",
        {QStringLiteral("asked not to reconnect")});
    // Unsubscribe pushes.
    add("2000", F(Where::Subscribe, Kind::Unsubscribed, 2000), "unsubscribed-2000",
        {QStringLiteral("removed")});
    add("2501", F(Where::Subscribe, Kind::Unsubscribed, 2501), "unsubscribed-2501",
        {QStringLiteral("new token")});
    // The rest.
    add("publications stopped", F(Where::Publications, Kind::PublicationsStopped),
        "publications-stopped",
        {QStringLiteral("publications stopped arriving"), QStringLiteral("org: vs org.")});
    add("no publication", F(Where::Publications, Kind::NoPublication), "no-publication",
        {QStringLiteral("No publication arrived")});
    add("decode token route", F(Where::TokenRoute, Kind::DecodeError), "decode-error",
        {QStringLiteral("cannot read")});
    add("session expired", F(Where::SignIn, Kind::SessionExpired), "session-expired",
        {QStringLiteral("Sign in again")});
    Failure notMember = F(Where::Organization, Kind::NotMember);
    notMember.subject = QStringLiteral("org-9");
    add("not member", notMember, "not-member", {QStringLiteral("org-9"), QStringLiteral("--org")});
    Failure skew = F(Where::TokenRoute, Kind::ClockSkew);
    skew.detail = QStringLiteral("5 min 3 s");
    add("clock skew", skew, "clock-skew", {QStringLiteral("5 min 3 s")});
    Failure breach = F(Where::Isolation, Kind::IsolationBreach);
    breach.subject = QStringLiteral("org:x:messages");
    add("isolation", breach, "isolation-breach",
        {QStringLiteral("any signed-in user"), QStringLiteral("org:x:messages"),
            QStringLiteral("secure"), QStringLiteral("subscription-token route")});
    add("canceled", F(Where::Connect, Kind::Canceled), "canceled", {QStringLiteral("stopped")});
    add("other", F(Where::Backend, Kind::Other), "other", {QStringLiteral("detail")});
}

void TestDiagnosticsCauses::table()
{
    QFETCH(Failure, failure);
    QFETCH(QString, id);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);
    const Cause cause = explain(failure);
    QCOMPARE(cause.id, id);
    QVERIFY(!cause.title.isEmpty());
    QVERIFY(!cause.cause.isEmpty());
    QVERIFY(!cause.action.isEmpty());
    // Placeholders are all filled.
    const QString all
        = cause.title + QLatin1Char('\n') + cause.cause + QLatin1Char('\n') + cause.action;
    QVERIFY2(!all.contains(QLatin1String("%1")), qPrintable(all));
    for (const QString& text : mustContain)
        QVERIFY2(all.contains(text, Qt::CaseInsensitive),
            qPrintable(text + QStringLiteral(" not in: ") + all));
    for (const QString& text : mustNotContain)
        QVERIFY2(!all.contains(text), qPrintable(text + QStringLiteral(" in: ") + all));
    QVERIFY(cause.oneLine().startsWith(cause.title));
    // oneLine() reads "<title>: <cause>": a cause that repeats its title reads like
    // "Permission denied: permission denied: ...".
    QVERIFY2(!cause.cause.contains(cause.title, Qt::CaseInsensitive), qPrintable(cause.oneLine()));
}

void TestDiagnosticsCauses::noneIsEmpty()
{
    QVERIFY(explain(Failure {}).isEmpty());
    QVERIFY(explain(Failure {}).oneLine().isEmpty());
}

void TestDiagnosticsCauses::adapters_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<Where>("where");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("code");
    using E = Centrifuge::ErrorType;
    auto add = [](const char* name, Failure f, Where w, Kind k, int code) {
        QTest::newRow(name) << f << w << k << code;
    };
    add("reply dns", fromNetworkError(Where::Backend, QNetworkReply::HostNotFoundError),
        Where::Backend, Kind::DnsFailure, 0);
    add("reply refused", fromNetworkError(Where::Backend, QNetworkReply::ConnectionRefusedError),
        Where::Backend, Kind::Refused, 0);
    add("reply status wins",
        fromNetworkError(Where::TokenRoute, QNetworkReply::InternalServerError, 500),
        Where::TokenRoute, Kind::HttpStatus, 500);
    add("reply proxy", fromNetworkError(Where::Backend, QNetworkReply::ProxyNotFoundError),
        Where::Backend, Kind::Proxy, 0);
    add("reply tls", fromNetworkError(Where::Backend, QNetworkReply::SslHandshakeFailedError),
        Where::Backend, Kind::TlsOther, 0);
    add("socket dns", fromSocketError(Where::Centrifugo, QAbstractSocket::HostNotFoundError),
        Where::Centrifugo, Kind::DnsFailure, 0);
    add("socket timeout", fromSocketError(Where::Centrifugo, QAbstractSocket::SocketTimeoutError),
        Where::Centrifugo, Kind::Timeout, 0);
    add("socket closed", fromSocketError(Where::WebSocket, QAbstractSocket::RemoteHostClosedError),
        Where::WebSocket, Kind::ConnectionClosed, 0);
    ApiError unauthorized = ApiError::make(ApiError::Kind::Unauthorized, QStringLiteral("x"), 401);
    add("api 401", fromApiError(Where::SignIn, unauthorized), Where::SignIn, Kind::HttpStatus, 401);
    ApiError limited = ApiError::make(ApiError::Kind::RateLimited, QStringLiteral("x"), 429);
    limited.retryAfterMs = 30000;
    const Failure limitedFailure = fromApiError(Where::TokenRoute, limited);
    QCOMPARE(limitedFailure.retryAfterMs, 30000);
    add("api 429", limitedFailure, Where::TokenRoute, Kind::HttpStatus, 429);
    add("api 5xx",
        fromApiError(
            Where::TokenRoute, ApiError::make(ApiError::Kind::Server, QStringLiteral("x"), 503)),
        Where::TokenRoute, Kind::HttpStatus, 503);
    ApiError network = ApiError::make(ApiError::Kind::Network, QStringLiteral("x"));
    network.networkError = QNetworkReply::HostNotFoundError;
    add("api network dns", fromApiError(Where::Backend, network), Where::Backend, Kind::DnsFailure,
        0);
    add("api timeout",
        fromApiError(Where::Backend, ApiError::make(ApiError::Kind::Timeout, QStringLiteral("x"))),
        Where::Backend, Kind::Timeout, 0);
    add("api undecodable",
        fromApiError(Where::TokenRoute, ApiError::undecodable(QStringLiteral("no token"), 200)),
        Where::TokenRoute, Kind::DecodeError, 200);
    add("realtime subscribe 103",
        fromRealtimeError(Where::Subscribe, E::Subscribe, 103, QStringLiteral("permission denied")),
        Where::Subscribe, Kind::CentrifugoError, 103);
    add("realtime connect 109",
        fromRealtimeError(Where::Connect, E::Connect, 109, QStringLiteral("token expired")),
        Where::Connect, Kind::CentrifugoError, 109);
    add("realtime transport 502",
        fromRealtimeError(Where::Unknown, E::Transport, 0,
            QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: 502 "
                           "(Bad Gateway)")),
        Where::WebSocket, Kind::HttpStatus, 502);
    // The library gives a refused upgrade's status as the code, whatever the text.
    add("realtime transport 404 by code",
        fromRealtimeError(Where::Connect, E::Transport, 404,
            QStringLiteral("WebSocket upgrade refused: HTTP 404")),
        Where::WebSocket, Kind::HttpStatus, 404);
    add("realtime transport 502 by code",
        fromRealtimeError(Where::Unknown, E::Transport, 502, QStringLiteral("refused")),
        Where::WebSocket, Kind::HttpStatus, 502);
    add("connecting bad protocol",
        fromConnecting(Centrifuge::ConnectingCode::BadProtocol, QStringLiteral("bad frame")),
        Where::Connect, Kind::DecodeError, Centrifuge::ConnectingCode::BadProtocol);
    add("connecting message size",
        fromConnecting(Centrifuge::ConnectingCode::MessageSizeLimit, QStringLiteral("too big")),
        Where::Connect, Kind::Disconnect, 1009);
    add("realtime transport tls untrusted",
        fromRealtimeError(Where::WebSocket, E::Transport, 0,
            QStringLiteral("TLS: the server's certificate is not trusted (self-signed or unknown "
                           "CA; configure the CA that signed it) [x]")),
        Where::WebSocket, Kind::TlsUntrusted, 0);
    add("realtime transport tls host",
        fromRealtimeError(Where::WebSocket, E::Transport, 0,
            QStringLiteral("TLS: the server's certificate is for another host name [x]")),
        Where::WebSocket, Kind::TlsWrongHost, 0);
    add("realtime transport dns",
        fromRealtimeError(Where::WebSocket, E::Transport, 0, QStringLiteral("Host not found")),
        Where::WebSocket, Kind::DnsFailure, 0);
    add("realtime transport timeout",
        fromRealtimeError(
            Where::WebSocket, E::Transport, 0, QStringLiteral("connection timed out")),
        Where::WebSocket, Kind::Timeout, 0);
    add("realtime token 429",
        fromRealtimeError(
            Where::Connect, E::ConnectToken, 0, QStringLiteral("HTTP 429 Too Many Requests")),
        Where::TokenRoute, Kind::HttpStatus, 429);
    add("realtime bad protocol",
        fromRealtimeError(Where::Connect, E::BadProtocol, 0, QStringLiteral("bad frame")),
        Where::Connect, Kind::DecodeError, 0);
    add("disconnected 3500", fromDisconnect(3500, QStringLiteral("invalid token")), Where::Connect,
        Kind::Disconnect, 3500);
    add("disconnected unauthorized", fromDisconnect(1, QStringLiteral("unauthorized")),
        Where::TokenRoute, Kind::HttpStatus, 401);
    add("disconnected by us", fromDisconnect(0, QStringLiteral("disconnect called")),
        Where::Unknown, Kind::None, 0);
    add("connecting no ping", fromConnecting(2, QStringLiteral("no ping")), Where::Connect,
        Kind::Disconnect, 3012);
    add("connecting 3012", fromConnecting(3012, QStringLiteral("no pong")), Where::Connect,
        Kind::Disconnect, 3012);
    add("connecting called", fromConnecting(0, QStringLiteral("connect called")), Where::Unknown,
        Kind::None, 0);
    add("unsubscribed 103", fromUnsubscribed(QStringLiteral("c"), 103, QStringLiteral("pd")),
        Where::Subscribe, Kind::CentrifugoError, 103);
    add("unsubscribed 2000", fromUnsubscribed(QStringLiteral("c"), 2000, QStringLiteral("x")),
        Where::Subscribe, Kind::Unsubscribed, 2000);
    add("unsubscribed by us", fromUnsubscribed(QStringLiteral("c"), 0, QStringLiteral("x")),
        Where::Unknown, Kind::None, 0);
}

void TestDiagnosticsCauses::adapters()
{
    QFETCH(Failure, failure);
    QFETCH(Where, where);
    QFETCH(Kind, kind);
    QFETCH(int, code);
    QCOMPARE(failure.kind, kind);
    QCOMPARE(failure.where, where);
    QCOMPARE(failure.code, code);
    QCOMPARE(explain(failure).isEmpty(), kind == Kind::None);
}

void TestDiagnosticsCauses::sslErrorListPrefersWrongHost()
{
    // Self-signed AND for another host: trusting the CA would not help, so the host is told.
    const QList<QSslError> both {
        QSslError(QSslError::SelfSignedCertificate), QSslError(QSslError::HostNameMismatch)};
    const Failure f = fromSslErrors(Where::Centrifugo, both);
    QCOMPARE(f.kind, Kind::TlsWrongHost);
    QVERIFY(!explain(f).action.contains(QLatin1String("--ca-cert")));
    QVERIFY(f.detail.contains(QSslError(QSslError::HostNameMismatch).errorString()));
    QCOMPARE(
        fromSslErrors(Where::Backend,
            {QSslError(QSslError::CertificateExpired), QSslError(QSslError::SelfSignedCertificate)})
            .kind,
        Kind::TlsExpired);
    QCOMPARE(
        fromSslErrors(Where::Backend, {QSslError(QSslError::UnableToGetLocalIssuerCertificate)})
            .kind,
        Kind::TlsUntrusted);
    QVERIFY(fromSslErrors(Where::Backend, {}).isNone());
}

void TestDiagnosticsCauses::apiErrorTlsTexts()
{
    ApiError tls = ApiError::make(ApiError::Kind::Tls, QStringLiteral("tls"));
    tls.sslErrors = {QSslError(QSslError::SelfSignedCertificate).errorString()};
    QCOMPARE(fromApiError(Where::Backend, tls).kind, Kind::TlsUntrusted);
    tls.sslErrors << QSslError(QSslError::HostNameMismatch).errorString();
    QCOMPARE(fromApiError(Where::Backend, tls).kind, Kind::TlsWrongHost);
    tls.sslErrors = {QStringLiteral("something else")};
    QCOMPARE(fromApiError(Where::Backend, tls).kind, Kind::TlsOther);
}

void TestDiagnosticsCauses::names()
{
    QCOMPARE(whereName(Where::TokenRoute), QStringLiteral("token-route"));
    QCOMPARE(kindName(Kind::TlsWrongHost), QStringLiteral("tls-wrong-host"));
    QCOMPARE(kindName(Kind::HttpStatus), QStringLiteral("http-status"));
}

QTEST_GUILESS_MAIN(TestDiagnosticsCauses)
#include "tst_diagnostics_causes.moc"
