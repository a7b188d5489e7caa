#pragma once

//! \file signinflow.h
//! \brief Signing in: once with the command line's credentials, else the stored session, else
//! the sign-in dialog; what a failure or a sign-out means in words the agent can act on.
//!
//! Owns the sign-in dialog (window-modal over the main window). Cancelling it without a
//! session asks to quit: there is nothing to show without one.

#include "models/api/session.h"
#include "ui/signindialog.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace WhaTrack {
struct ApiError;
}

namespace WhaTrack::Gui {

class SignInFlow : public QObject
{
    Q_OBJECT

public:
    //! \a server is "host[:port]" for the dialog and the messages.
    SignInFlow(Session* session, QWidget* window, const QString& server, const QString& email,
        QObject* parent = nullptr);

    //! Signs in with \a email and the password in the environment variable \a passwordEnv
    //! when both are given; an empty variable is said in the dialog; else restores the session.
    void start(const QString& passwordEnv);
    void showSignIn(const QString& message, bool error);
    //! The email typed last (saved with the options, never the password).
    QString email() const { return m_email; }
    Ui::SignInDialog* dialog() const { return m_dialog; }

    //! Why signing in failed, in plain words (wrong password, server unreachable, TLS...).
    static QString failureText(const ApiError& error, const QString& server);
    //! What the sign-in dialog says after a sign-out; \a error: shown as an error.
    static QString signOutText(Session::SignOutReason reason, const QString& message, bool* error);

Q_SIGNALS:
    //! Live updates stop until the agent signs in again: \a reason for the connection panel.
    void signInNeeded(const QString& reason);
    void preferencesRequested(QWidget* parent);
    //! The agent closed the dialog without a session.
    void canceledWithoutSession();

private:
    void onSignedIn();
    void onSignInFailed(const ApiError& error);
    void onSignedOut(Session::SignOutReason reason, const QString& message);

    Session* m_session;
    QPointer<QWidget> m_window;
    QString m_server;
    QString m_email;
    QPointer<Ui::SignInDialog> m_dialog;
};

} // namespace WhaTrack::Gui
