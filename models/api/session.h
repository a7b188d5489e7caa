#pragma once

//! \file session.h
//! \brief Who is signed in: better-auth email/password sign in, sign out, restore from the
//! cookie stored in the OS keychain, the user's organizations and the current one.
//!
//! Any 401 from any call ends the session with signedOut(SessionExpired): the UI shows "sign in
//! again". Nothing retries a 401.

#include "models/api/apierror.h"
#include "models/api/apitypes.h"

#include <QObject>

#include <memory>

namespace WhaTrack {

class ApiClient;
class SecretStore;

class Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString currentOrganizationId READ currentOrganizationId WRITE
            setCurrentOrganizationId NOTIFY currentOrganizationChanged)

public:
    enum class State {
        SignedOut,
        Restoring, //!< reading the keychain and checking the stored cookie
        SigningIn,
        SignedIn,
    };
    Q_ENUM(State)

    enum class SignOutReason {
        UserRequested, //!< signOut() was called
        SessionExpired, //!< a call got 401: sign in again
        NoStoredSession, //!< restore() found no cookie
        KeychainProblem, //!< restore() could not read the keychain (see the message)
    };
    Q_ENUM(SignOutReason)

    //! \a secrets must outlive the session. The cookie is stored under a key derived from the
    //! backend host, so two backends never share a cookie.
    Session(ApiClient* api, std::shared_ptr<SecretStore> secrets, QObject* parent = nullptr);
    ~Session() override;

    State state() const;
    //! Empty until get-session or sign-in answered.
    User currentUser() const;
    //! True once the backend confirmed the session (false while offline after a restore).
    bool isVerified() const;
    QList<Organization> organizations() const;
    QString currentOrganizationId() const;
    //! Set when the keychain refused the session cookie (empty while it is fine): the agent is
    //! signed in for this run but will have to sign in again at the next start.
    QString secretStoreProblemText() const;
    //! Also sets the API client's `x-organization-id`.
    void setCurrentOrganizationId(const QString& id);

public Q_SLOTS:
    void signIn(const QString& email, const QString& password);
    //! Tells the backend (best effort), forgets the cookie in memory and in the keychain.
    void signOut();
    //! Reads the stored cookie and asks the backend who we are. Offline, the session stays
    //! signed in but unverified so cached data can be read; the next call verifies it.
    void restore();
    void refreshOrganizations();

Q_SIGNALS:
    void stateChanged(WhaTrack::Session::State state);
    void signedIn(const WhaTrack::User& user);
    void signInFailed(const WhaTrack::ApiError& error);
    void signedOut(WhaTrack::Session::SignOutReason reason, const QString& message);
    void organizationsChanged();
    void currentOrganizationChanged(const QString& id);
    //! The keychain could not store the cookie: the session works but will not survive a
    //! restart. \a message says so in plain words, with the keychain's own reason and
    //! SecretStore::fixHint(). Show it at once (the app's KeychainNotice does).
    void secretStoreProblem(const QString& message);
    //! A later write to the keychain succeeded: the session will survive a restart again.
    void secretStoreRecovered();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace WhaTrack
