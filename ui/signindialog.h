#pragma once

//! \file signindialog.h
//! \brief Email and password for the WhaTrack backend, with a plain-language message line
//! ("Your session expired. Sign in again.", "Wrong email or password.").
//!
//! The dialog does not talk to the network: the composition root calls Session::signIn() on
//! submitted() and feeds the outcome back with setBusy()/setMessage()/accept().

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QKeyEvent;
class QLineEdit;

namespace WhaTrack::Ui {

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    //! The result when Escape closed the dialog (neither signed in nor cancelled).
    static constexpr int Dismissed = 2;

    explicit SignInDialog(QWidget* parent = nullptr);

    void setBackend(const QString& host);
    void setEmail(const QString& email);
    QString email() const;
    QString password() const;
    //! A plain message above the fields; \a error colours it as an error.
    void setMessage(const QString& message, bool error = false);
    //! While a sign-in is in flight: fields and button disabled.
    void setBusy(bool busy);
    void clearPassword();

Q_SIGNALS:
    void submitted(const QString& email, const QString& password);
    //! "Server settings…": fix a wrong server without command-line flags.
    void preferencesRequested();

protected:
    //! Escape only closes the dialog (finished(), not rejected(): Cancel quits the app, a stray
    //! Escape must not); the main window's "Sign in" action brings it back.
    void keyPressEvent(QKeyEvent* event) override;

private:
    void updateButton();

    QLabel* m_backend;
    QLabel* m_message;
    QLineEdit* m_email;
    QLineEdit* m_password;
    QDialogButtonBox* m_buttons;
    bool m_busy = false;
};

} // namespace WhaTrack::Ui
