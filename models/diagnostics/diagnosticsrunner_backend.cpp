// The runner's first steps: the WhaTrack server, the sign-in (and organization), the token route.

#include "models/api/apiclient.h"
#include "models/api/cookiejar.h"
#include "models/diagnostics/causeadapters.h"
#include "models/diagnostics/diagnosticsrunner_p.h"
#include "models/diagnostics/jwtclaims.h"
#include "models/diagnostics/probes.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>

namespace WhaTrack::Diagnostics {

namespace {

QString skewWords(qint64 seconds)
{
    const qint64 a = qAbs(seconds);
    const QString amount = a >= 120 ? QStringLiteral("%1 min %2 s").arg(a / 60).arg(a % 60)
                                    : QStringLiteral("%1 s").arg(a);
    return amount
        + (seconds > 0 ? QStringLiteral(" (this computer is ahead)")
                       : QStringLiteral(" (this computer is behind)"));
}

} // namespace

// --- 1. backend -------------------------------------------------------------------------------

void DiagnosticsRunner::Private::runBackend()
{
    const QUrl url = config.backendUrl;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail(Failure::make(
            Where::Backend, Kind::DnsFailure, 0, QStringLiteral("not an http:// or https:// URL")));
        return;
    }
    probeHost(stepContext, Where::Backend, url, sslConfiguration(), config.stepTimeout,
        [this, url](const ProbeResult& probe) {
            current().facts.insert(probe.facts);
            if (!probe.failure.isNone()) {
                fail(probe.failure);
                return;
            }
            // An API route every better-auth backend serves; its answer (null without a
            // session) proves this is the WhaTrack API, and its Date header dates the server.
            auto* nam = new QNetworkAccessManager(stepContext);
            QUrl sessionUrl = url;
            sessionUrl.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                + QStringLiteral("/api/v1/auth/get-session"));
            QNetworkRequest request(sessionUrl);
            request.setSslConfiguration(sslConfiguration());
            request.setTransferTimeout(int(config.stepTimeout.count()));
            request.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply* reply = nam->get(request);
            QObject::connect(reply, &QNetworkReply::finished, stepContext, [this, reply] {
                reply->deleteLater();
                const int status
                    = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                current().facts.insert(QStringLiteral("httpStatus"), status);
                const QDateTime date = parseHttpDate(reply->rawHeader("Date"));
                if (date.isValid()) {
                    serverDate = date;
                    serverDateSkewSeconds
                        = (QDateTime::currentMSecsSinceEpoch() - date.toMSecsSinceEpoch()) / 1000;
                    current().facts.insert(
                        QStringLiteral("serverDate"), date.toUTC().toString(Qt::ISODate));
                }
                if (status >= 300 || status == 0) {
                    Failure f = fromNetworkError(Where::Backend, reply->error(), status,
                        status ? QStringLiteral("GET /api/v1/auth/get-session: HTTP %1").arg(status)
                               : reply->errorString());
                    fail(f);
                    return;
                }
                complete(StepStatus::Ok);
            });
        });
}

// --- 2. signed in -----------------------------------------------------------------------------

void DiagnosticsRunner::Private::runSignIn()
{
    const bool useExternal = externalApi && config.email.isEmpty() && config.cookie.isEmpty();
    if (!useExternal && !ownApi) {
        ApiConfig apiConfig;
        apiConfig.baseUrl = config.backendUrl;
        apiConfig.caCertificates = config.caCertificates;
        apiConfig.timeout = config.stepTimeout;
        apiConfig.maxGetRetries = 0;
        ownApi = new ApiClient(apiConfig, q);
    }
    ApiClient* rest = api();
    if (!config.email.isEmpty()) {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("email and password"));
        const QString password = config.password;
        config.password.clear(); // used once
        rest->signInEmail(config.email, password, stepContext, [this](ApiResult<SessionInfo> r) {
            if (!r.ok()) {
                fail(fromApiError(Where::SignIn, r.error));
                return;
            }
            current().facts.insert(QStringLiteral("user"), r.value.user.email);
            chooseOrganization();
        });
        return;
    }
    if (!config.cookie.isEmpty()) {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("cookie"));
        QList<QNetworkCookie> cookies;
        for (const QString& part : config.cookie.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(QLatin1Char('='));
            if (eq > 0)
                cookies << QNetworkCookie(
                    part.left(eq).trimmed().toUtf8(), part.mid(eq + 1).trimmed().toUtf8());
        }
        rest->cookieJar()->setCookiesFromUrl(cookies, config.backendUrl);
    } else {
        current().facts.insert(QStringLiteral("method"), QStringLiteral("the app's session"));
    }
    rest->getSession(stepContext, [this](ApiResult<std::optional<SessionInfo>> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::SignIn, r.error));
            return;
        }
        if (!r.value) {
            fail(Failure::make(
                Where::SignIn, Kind::SessionExpired, 0, QStringLiteral("get-session: null")));
            return;
        }
        current().facts.insert(QStringLiteral("user"), r.value->user.email);
        chooseOrganization();
    });
}

void DiagnosticsRunner::Private::chooseOrganization()
{
    api()->listOrganizations(stepContext, [this](ApiResult<QList<Organization>> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::Organization, r.error));
            return;
        }
        QString chosen;
        QString name;
        for (const Organization& org : r.value) {
            if (config.organizationId.isEmpty() ? chosen.isEmpty()
                                                : org.id == config.organizationId) {
                chosen = org.id;
                name = org.name;
            }
        }
        current().facts.insert(QStringLiteral("organizations"), int(r.value.size()));
        if (chosen.isEmpty()) {
            Failure f = Failure::make(Where::Organization, Kind::NotMember, 0,
                QStringLiteral("%1 organization(s) listed").arg(r.value.size()));
            f.subject = config.organizationId.isEmpty() ? QStringLiteral("any organization")
                                                        : config.organizationId;
            fail(f);
            return;
        }
        organizationId = chosen;
        if (ownApi)
            ownApi->setOrganizationId(chosen);
        current().facts.insert(QStringLiteral("organizationId"), chosen);
        current().facts.insert(QStringLiteral("organizationName"), name.left(120));
        complete(StepStatus::Ok);
    });
}

// --- 3. token route ---------------------------------------------------------------------------

void DiagnosticsRunner::Private::runToken()
{
    api()->fetchConnectionToken(stepContext, [this](ApiResult<QString> r) {
        if (!r.ok()) {
            fail(fromApiError(Where::TokenRoute, r.error));
            return;
        }
        const std::optional<JwtClaims> claims = decodeJwtClaims(r.value);
        if (!claims) {
            fail(Failure::make(
                Where::TokenRoute, Kind::DecodeError, 200, QStringLiteral("not a JWT")));
            return;
        }
        token = r.value; // memory only; never a fact
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVariantMap& facts = current().facts;
        facts.insert(QStringLiteral("sub"), claims->sub);
        if (claims->exp > 0) {
            facts.insert(QStringLiteral("exp"),
                QDateTime::fromSecsSinceEpoch(claims->exp, Qt::UTC).toString(Qt::ISODate));
            facts.insert(QStringLiteral("expiresInSeconds"), claims->exp - now);
        }
        if (claims->iat > 0)
            facts.insert(QStringLiteral("iat"),
                QDateTime::fromSecsSinceEpoch(claims->iat, Qt::UTC).toString(Qt::ISODate));
        if (!claims->organizationId.isEmpty())
            facts.insert(QStringLiteral("organizationId"), claims->organizationId);
        // Clock skew: the server's Date header when we have it, else the token's iat (both
        // are the server's clock at nearly this moment).
        std::optional<qint64> skew;
        if (serverDate.isValid()) {
            skew = serverDateSkewSeconds;
            facts.insert(QStringLiteral("clockSkewSource"), QStringLiteral("Date header"));
        } else if (claims->iat > 0) {
            skew = now - claims->iat;
            facts.insert(QStringLiteral("clockSkewSource"), QStringLiteral("token iat"));
        }
        if (skew)
            facts.insert(QStringLiteral("clockSkewSeconds"), *skew);
        if (skew && qAbs(*skew) > config.clockSkewWarningSeconds) {
            complete(StepStatus::Warning,
                Failure::make(Where::TokenRoute, Kind::ClockSkew, 0, skewWords(*skew)));
            return;
        }
        if (claims->exp > 0 && claims->exp <= now) {
            complete(StepStatus::Warning,
                Failure::make(Where::TokenRoute, Kind::ClockSkew, 0,
                    QStringLiteral("the token expired %1 s ago by this computer's clock")
                        .arg(now - claims->exp)));
            return;
        }
        complete(StepStatus::Ok);
    });
}

} // namespace WhaTrack::Diagnostics
