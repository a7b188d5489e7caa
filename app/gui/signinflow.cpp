#include "app/gui/signinflow.h"

#include "models/api/apierror.h"
#include "ui/logging.h"
#include "ui/signindialog.h"

namespace WhaTrack::Gui {

using Ui::SignInDialog;

SignInFlow::SignInFlow(
    Session* session, QWidget* window, const QString& server, const QString& email, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_server(server)
    , m_email(email)
{
    connect(m_session, &Session::signedIn, this, &SignInFlow::onSignedIn);
    connect(m_session, &Session::signInFailed, this, &SignInFlow::onSignInFailed);
    connect(m_session, &Session::signedOut, this, &SignInFlow::onSignedOut);
}

void SignInFlow::start(const QString& passwordEnv)
{
    const QString password
        = passwordEnv.isEmpty() ? QString() : qEnvironmentVariable(qPrintable(passwordEnv));
    if (!m_email.isEmpty() && !password.isEmpty())
        m_session->signIn(m_email, password);
    else if (!passwordEnv.isEmpty())
        showSignIn(tr("The environment variable %1 holds no password.").arg(passwordEnv), true);
    else
        m_session->restore();
}

void SignInFlow::showSignIn(const QString& message, bool error)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog(m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setBackend(m_server);
        m_dialog->setEmail(m_email);
        connect(m_dialog, &SignInDialog::submitted, this,
            [this](const QString& email, const QString& password) {
                m_email = email;
                m_dialog->setBusy(true);
                m_session->signIn(email, password);
            });
        connect(m_dialog, &SignInDialog::preferencesRequested, this,
            [this] { Q_EMIT preferencesRequested(m_dialog); });
        connect(m_dialog, &QDialog::rejected, this, [this] {
            if (m_session->state() != Session::State::SignedIn)
                Q_EMIT canceledWithoutSession();
        });
    }
    m_dialog->setMessage(message, error);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void SignInFlow::onSignedIn()
{
    if (m_dialog) {
        m_dialog->clearPassword();
        m_dialog->accept();
    }
}

QString SignInFlow::failureText(const ApiError& error, const QString& server)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
    case ApiError::Kind::BadRequest:
    case ApiError::Kind::Forbidden:
        return tr("Wrong email or password.");
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return tr("Cannot reach %1. Check your connection and try again.").arg(server);
    case ApiError::Kind::Tls:
        return tr("Secure connection to %1 failed: %2")
            .arg(server, error.sslErrors.join(QStringLiteral("; ")));
    case ApiError::Kind::RateLimited:
        return error.retryAfterMs > 0
            ? tr("Too many attempts. Try again in %1 s.").arg((error.retryAfterMs + 999) / 1000)
            : tr("Too many attempts. Try again in a minute.");
    default:
        return tr("Sign in failed: %1").arg(error.message);
    }
}

QString SignInFlow::signOutText(Session::SignOutReason reason, const QString& message, bool* error)
{
    *error = false;
    switch (reason) {
    case Session::SignOutReason::SessionExpired:
        *error = true;
        return tr("Your session has ended. Please sign in again.");
    case Session::SignOutReason::KeychainProblem:
        *error = true;
        return message;
    case Session::SignOutReason::UserRequested:
    case Session::SignOutReason::NoStoredSession:
        break;
    }
    return message;
}

void SignInFlow::onSignInFailed(const ApiError& error)
{
    const QString text = failureText(error, m_server);
    qCInfo(lcUi) << "sign in failed:" << apiErrorKindName(error.kind);
    Q_EMIT signInNeeded(text);
    // The credentials from the command line are tried once; after that the agent types them.
    showSignIn(text, true);
    m_dialog->setBusy(false);
}

void SignInFlow::onSignedOut(Session::SignOutReason reason, const QString& message)
{
    bool error = false;
    const QString text = signOutText(reason, message, &error);
    Q_EMIT signInNeeded(text);
    showSignIn(text, error);
}

} // namespace WhaTrack::Gui
