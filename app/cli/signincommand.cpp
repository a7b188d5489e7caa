#include "app/cli/signincommand.h"

#include "app/cli/cliparser.h"
#include "models/api/apiclient.h"
#include "models/api/cookiejar.h"
#include "models/diagnostics/causeadapters.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QNetworkCookie>
#include <QTextStream>

#include <cstdio>

namespace Cli {

namespace Credentials {

std::optional<QString> readPassword(bool fromStdin, QString* error)
{
    if (fromStdin) {
        QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isEmpty()) {
            *error = QStringLiteral("--password-stdin: no password on stdin");
            return std::nullopt;
        }
        return line;
    }
    const QString env = qEnvironmentVariable("WHATRACK_PASSWORD");
    if (env.isEmpty()) {
        *error = QStringLiteral("no password: use --password-stdin or set WHATRACK_PASSWORD");
        return std::nullopt;
    }
    return env;
}

QList<QSslCertificate> readCaCertificates(const QString& path, QString* error)
{
    QFile file(path);
    const QList<QSslCertificate> certificates = file.open(QIODevice::ReadOnly)
        ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
        : QList<QSslCertificate> {};
    if (certificates.isEmpty())
        *error = QStringLiteral("--ca-cert: no PEM certificate in ") + path;
    return certificates;
}

std::optional<QString> readCookieFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--cookie-file: cannot read ") + path;
        return std::nullopt;
    }
    QString text = QString::fromUtf8(file.read(64 * 1024)).trimmed();
    if (text.startsWith(QLatin1String("Cookie:"), Qt::CaseInsensitive))
        text = text.mid(7).trimmed();
    if (text.isEmpty() || !text.contains(QLatin1Char('='))) {
        *error = QStringLiteral("--cookie-file: no cookie in ") + path;
        return std::nullopt;
    }
    return text;
}

bool writeCookieFile(const QString& path, const QString& cookie, QString* error)
{
    QFile file(path);
    const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
    // Mode 0600 from creation on; an existing file is reset to it before the secret is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, owner)
        || !file.setPermissions(owner)) {
        *error = QStringLiteral("cannot write ") + path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    file.write("Cookie: " + cookie.toUtf8() + '\n');
    return file.flush();
}

} // namespace Credentials

QString SignInCommand::summary() const
{
    return QStringLiteral("Sign in and save the session cookie for listen/diagnose");
}

int SignInCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "whatrack-inbox-cli sign-in: sign in with email and password; write the session cookie "
        "as a 'Cookie: ...' line to a 0600 file (or stdout with --print-cookie)."));
    const QCommandLineOption help = Options::help();
    const QCommandLineOption backendUrl = Options::backendUrl(
        QStringLiteral("WhaTrack base URL (https://app.example.com, without /api)."));
    const QCommandLineOption email = Options::email(QStringLiteral("Account email."));
    const QCommandLineOption passwordStdin = Options::passwordStdin(
        QStringLiteral("Read the password from stdin (else WHATRACK_PASSWORD)."));
    const QCommandLineOption cookieFile
        = Options::cookieFile(QStringLiteral("Write 'Cookie: ...' to FILE (mode 0600)."));
    const QCommandLineOption printCookie(QStringLiteral("print-cookie"),
        QStringLiteral("Print 'Cookie: ...' on stdout (it is a secret: mind your terminal)."));
    const QCommandLineOption caCert
        = Options::caCert(QStringLiteral("Trust this PEM CA certificate for https://."));
    parser.addOptions({help, backendUrl, email, passwordStdin, cookieFile, printCookie, caCert});
    auto usage = [](const QString& text) {
        std::fprintf(stderr, "%s\n", qPrintable(text));
        return Exit::BadArguments;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        std::fprintf(stdout, "%s\n", qPrintable(parser.helpText()));
        return Exit::Ok;
    }
    const QUrl base(parser.value(backendUrl), QUrl::StrictMode);
    if (!base.isValid()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")))
        return usage(QStringLiteral("--backend-url must be an http:// or https:// URL"));
    // A password in a URL ends up in shell history and process lists: refused, not repeated.
    if (!WhaTrack::urlCredentialsProblem(base, {}).isEmpty())
        return usage(QStringLiteral("--backend-url must not contain a user name or password; "
                                    "give --email, and the password with --password-stdin or "
                                    "WHATRACK_PASSWORD"));
    if (parser.value(email).isEmpty())
        return usage(QStringLiteral("--email is required"));
    if (!parser.isSet(cookieFile) && !parser.isSet(printCookie))
        return usage(
            QStringLiteral("say where the cookie goes: --cookie-file FILE or --print-cookie"));
    QString error;
    WhaTrack::ApiConfig config;
    config.baseUrl = base;
    if (parser.isSet(caCert)) {
        config.caCertificates = Credentials::readCaCertificates(parser.value(caCert), &error);
        if (config.caCertificates.isEmpty())
            return usage(error);
    }
    const std::optional<QString> password
        = Credentials::readPassword(parser.isSet(passwordStdin), &error);
    if (!password)
        return usage(error);

    WhaTrack::ApiClient api(config);
    int status = Exit::Failure;
    api.signInEmail(parser.value(email), *password, &api,
        [&](WhaTrack::ApiResult<WhaTrack::SessionInfo> result) {
            if (!result.ok()) {
                using namespace WhaTrack::Diagnostics;
                const Cause cause = explain(fromApiError(Where::SignIn, result.error));
                std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(cause.oneLine()));
                QCoreApplication::exit(Exit::Failure);
                return;
            }
            QStringList pairs;
            for (const QNetworkCookie& c : api.cookieJar()->cookiesForUrl(base))
                pairs << QString::fromUtf8(c.name() + '=' + c.value());
            const QString cookie = pairs.join(QStringLiteral("; "));
            if (parser.isSet(cookieFile)
                && !Credentials::writeCookieFile(parser.value(cookieFile), cookie, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                QCoreApplication::exit(Exit::Failure);
                return;
            }
            if (parser.isSet(printCookie))
                std::fprintf(stdout, "Cookie: %s\n", qPrintable(cookie));
            std::fprintf(stderr, "signed in as %s%s\n", qPrintable(result.value.user.email),
                parser.isSet(cookieFile)
                    ? qPrintable(QStringLiteral("; cookie written to ") + parser.value(cookieFile))
                    : "");
            QCoreApplication::exit(Exit::Ok);
        });
    status = QCoreApplication::exec();
    return status;
}

} // namespace Cli
