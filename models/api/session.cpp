#include "models/api/session.h"

#include "models/api/apiclient.h"
#include "models/api/cookiejar.h"
#include "models/api/secretstore.h"
#include "models/logging.h"

#include <QPointer>
#include <QTimer>

namespace WhaTrack {

class Session::Private
{
public:
    Session* q;
    ApiClient* api;
    std::shared_ptr<SecretStore> secrets;
    State state = State::SignedOut;
    User user;
    bool verified = false;
    QList<Organization> organizations;
    QString currentOrg;
    QString preferredOrg; //!< the session's activeOrganizationId
    bool persistQueued = false;
    QString secretStoreProblem; //!< the last keychain write failure, until a write succeeds

    QString secretKey() const
    {
        const QUrl base = api->config().baseUrl;
        return QStringLiteral("session-cookie@%1:%2")
            .arg(base.host())
            .arg(base.port(base.scheme() == QLatin1String("https") ? 443 : 80));
    }

    void setState(State s)
    {
        if (state == s)
            return;
        qCInfo(lcAuth) << "session" << state << "->" << s;
        state = s;
        Q_EMIT q->stateChanged(s);
    }

    void persistCookie()
    {
        if (persistQueued)
            return;
        persistQueued = true;
        // Coalesce: a response may set several cookies in a row.
        QTimer::singleShot(0, q, [this] {
            persistQueued = false;
            if (state != State::SignedIn && state != State::SigningIn)
                return;
            const QByteArray data = api->cookieJar()->serialize();
            if (data.isEmpty())
                return;
            QPointer<Session> guard(q);
            secrets->write(secretKey(), data, [this, guard](SecretStore::Result r) {
                if (!guard)
                    return;
                if (!r.ok()) {
                    qCWarning(lcAuth) << "could not store the session in the keychain:" << r.error;
                    QString reason = r.error;
                    if (reason.isEmpty())
                        reason = r.status == SecretStore::Status::Unavailable
                            ? QStringLiteral("no keychain is available")
                            : r.status == SecretStore::Status::AccessDenied
                            ? QStringLiteral("access was denied")
                            : QStringLiteral("the keychain reported an error");
                    secretStoreProblem
                        = QStringLiteral("Your sign-in could not be saved in the system keychain "
                                         "(%1), so you will have to sign in again at each start. "
                                         "You stay signed in until you quit.\n%2")
                              .arg(reason, SecretStore::fixHint());
                    Q_EMIT q->secretStoreProblem(secretStoreProblem);
                } else {
                    qCDebug(lcAuth) << "session cookie stored in the keychain";
                    if (!secretStoreProblem.isEmpty()) {
                        secretStoreProblem.clear();
                        qCInfo(lcAuth) << "the keychain works again";
                        Q_EMIT q->secretStoreRecovered();
                    }
                }
            });
        });
    }

    void forget()
    {
        api->cookieJar()->clear();
        user = {};
        verified = false;
        secrets->remove(secretKey(), [](SecretStore::Result r) {
            if (!r.ok())
                qCWarning(lcAuth) << "could not remove the stored session:" << r.error;
        });
    }

    void endSession(SignOutReason reason, const QString& message, bool cancelCalls = true)
    {
        if (cancelCalls)
            api->cancelAll();
        forget();
        organizations.clear();
        setState(State::SignedOut);
        qCInfo(lcAuth) << "signed out:" << reason;
        Q_EMIT q->signedOut(reason, message);
    }

    void becomeSignedIn(const SessionInfo& info, bool isVerified)
    {
        user = info.user;
        verified = isVerified;
        if (!info.activeOrganizationId.isEmpty())
            preferredOrg = info.activeOrganizationId;
        setState(State::SignedIn);
        Q_EMIT q->signedIn(user);
        if (isVerified)
            q->refreshOrganizations();
    }
};

Session::Session(ApiClient* api, std::shared_ptr<SecretStore> secrets, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->api = api;
    d->secrets = std::move(secrets);
    connect(api, &ApiClient::unauthorized, this, [this](const ApiError& error) {
        // A wrong password during sign in is not "session expired".
        if (d->state == State::SignedIn || d->state == State::Restoring) {
            qCInfo(lcAuth) << "401 on" << error.route << "- signing out";
            d->endSession(SignOutReason::SessionExpired,
                QStringLiteral("Your session has ended. Please sign in again."));
        }
    });
    connect(api->cookieJar(), &CookieJar::cookiesChanged, this, [this] { d->persistCookie(); });
}

Session::~Session() = default;

Session::State Session::state() const
{
    return d->state;
}

User Session::currentUser() const
{
    return d->user;
}

bool Session::isVerified() const
{
    return d->verified;
}

QList<Organization> Session::organizations() const
{
    return d->organizations;
}

QString Session::secretStoreProblemText() const
{
    return d->secretStoreProblem;
}

QString Session::currentOrganizationId() const
{
    return d->currentOrg;
}

void Session::setCurrentOrganizationId(const QString& id)
{
    if (d->currentOrg == id)
        return;
    d->currentOrg = id;
    d->api->setOrganizationId(id);
    Q_EMIT currentOrganizationChanged(id);
}

void Session::signIn(const QString& email, const QString& password)
{
    if (d->state == State::SigningIn)
        return;
    d->api->cookieJar()->clear();
    d->setState(State::SigningIn);
    qCInfo(lcAuth) << "signing in"; // never the email or password
    d->api->signInEmail(email, password, this, [this](ApiResult<SessionInfo> r) {
        if (!r.ok()) {
            d->setState(State::SignedOut);
            Q_EMIT signInFailed(r.error);
            return;
        }
        d->persistCookie();
        d->becomeSignedIn(r.value, true);
    });
}

void Session::signOut()
{
    if (d->state == State::SignedOut)
        return;
    d->api->cancelAll(); // before the sign-out request, which must not be canceled with the rest
    // Best effort: the cookie is attached when the request is created, so clearing the jar
    // right after is safe.
    d->api->signOut(nullptr, [](ApiResult<Empty> r) {
        if (!r.ok())
            qCInfo(lcAuth) << "server sign-out failed (ignored):" << r.error.describe();
    });
    d->endSession(SignOutReason::UserRequested, {}, false);
}

void Session::restore()
{
    if (d->state != State::SignedOut)
        return;
    d->setState(State::Restoring);
    QPointer<Session> guard(this);
    d->secrets->read(d->secretKey(), [this, guard](SecretStore::Result r) {
        if (!guard || d->state != State::Restoring)
            return;
        if (r.status == SecretStore::Status::NotFound || (r.ok() && r.value.isEmpty())) {
            d->setState(State::SignedOut);
            Q_EMIT signedOut(SignOutReason::NoStoredSession, {});
            return;
        }
        if (!r.ok()) {
            d->setState(State::SignedOut);
            Q_EMIT signedOut(SignOutReason::KeychainProblem,
                QStringLiteral("The system keychain could not be read (%1), so your sign-in "
                               "was not remembered. Please sign in. %2")
                    .arg(r.error, SecretStore::fixHint()));
            return;
        }
        if (d->api->cookieJar()->restore(r.value) == 0) {
            d->endSession(SignOutReason::SessionExpired,
                QStringLiteral("Your session has ended. Please sign in again."));
            return;
        }
        d->api->getSession(this, [this](ApiResult<std::optional<SessionInfo>> s) {
            if (d->state != State::Restoring)
                return; // a 401 already ended it
            if (s.ok() && s.value) {
                d->becomeSignedIn(*s.value, true);
            } else if (s.ok()) {
                d->endSession(SignOutReason::SessionExpired,
                    QStringLiteral("Your session has ended. Please sign in again."));
            } else {
                // Offline or server trouble: keep the cookie, show cached data; the next call
                // verifies.
                qCInfo(lcAuth) << "session not verified yet:" << s.error.describe();
                d->becomeSignedIn(SessionInfo {}, false);
            }
        });
    });
}

void Session::refreshOrganizations()
{
    d->api->listOrganizations(this, [this](ApiResult<QList<Organization>> r) {
        if (!r.ok()) {
            qCInfo(lcAuth) << "organizations not loaded:" << r.error.describe();
            return;
        }
        if (!d->verified && d->state == State::SignedIn)
            d->verified = true;
        d->organizations = r.value;
        Q_EMIT organizationsChanged();
        auto contains = [&](const QString& id) {
            return std::any_of(
                r.value.begin(), r.value.end(), [&](const Organization& o) { return o.id == id; });
        };
        if (d->currentOrg.isEmpty() || !contains(d->currentOrg)) {
            if (!d->preferredOrg.isEmpty() && contains(d->preferredOrg))
                setCurrentOrganizationId(d->preferredOrg);
            else if (!r.value.isEmpty())
                setCurrentOrganizationId(r.value.first().id);
        }
    });
}

} // namespace WhaTrack
