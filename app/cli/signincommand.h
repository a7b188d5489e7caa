#pragma once

//! \file signincommand.h
//! \brief `whatrack-inbox-cli sign-in`: email/password sign-in; the session cookie goes to a
//! 0600 file (`--cookie-file`) or, only when asked (`--print-cookie`), to stdout, as the line
//! `Cookie: name=value` that `listen --header` and `diagnose --cookie-file` take.
//!
//! The password comes from stdin (`--password-stdin`) or WHATRACK_PASSWORD, never argv.
//! Exit status: 0 signed in, 1 refused or unreachable (the cause on stderr), 2 bad arguments.

#include "app/cli/command.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace Cli {

//! Shared by sign-in and diagnose.
namespace Credentials {
//! From stdin (first line) when \a fromStdin, else from WHATRACK_PASSWORD. nullopt + \a error.
std::optional<QString> readPassword(bool fromStdin, QString* error);
//! PEM certificates of \a path; empty + \a error when none.
QList<QSslCertificate> readCaCertificates(const QString& path, QString* error);
//! The cookie of a file written by `sign-in --cookie-file` (with or without "Cookie: ").
std::optional<QString> readCookieFile(const QString& path, QString* error);
//! Writes "Cookie: <cookie>\n" to \a path, created/reset to mode 0600.
bool writeCookieFile(const QString& path, const QString& cookie, QString* error);
} // namespace Credentials

class SignInCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("sign-in"); }
    QString summary() const override;
    int run(const QStringList& arguments) override;
};

} // namespace Cli
