#include "app/cli/diagnosecommand.h"

#include "app/cli/cliparser.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/signincommand.h"
#include "models/api/apiconfig.h"
#include "models/diagnostics/report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <cstdio>

namespace Cli {

using namespace WhaTrack::Diagnostics;

QString DiagnoseCommand::summary() const
{
    return QStringLiteral("Run the ordered connection checks; exit with the failed step's number");
}

std::optional<DiagnoseCommand::Parsed> DiagnoseCommand::parse(
    const QStringList& arguments, QString* error, bool* help)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "whatrack-inbox-cli diagnose: the ordered checks of docs/troubleshooting.md.\n"
        "Exit: 0 all passed, N = step N failed, 100 = warnings only, 64 = bad arguments."));
    const QCommandLineOption helpOption = Options::help();
    const QCommandLineOption backendUrl
        = Options::backendUrl(QStringLiteral("WhaTrack base URL (without /api)."));
    const QCommandLineOption wsUrl = Options::wsUrl();
    const QCommandLineOption email = Options::email(QStringLiteral(
        "Sign in with this email (password: --password-stdin or WHATRACK_PASSWORD)."));
    const QCommandLineOption passwordStdin
        = Options::passwordStdin(QStringLiteral("Read the password from stdin."));
    const QCommandLineOption cookie(QStringLiteral("cookie"),
        QStringLiteral("Use this session cookie (name=value) instead of signing in."),
        QStringLiteral("COOKIE"));
    const QCommandLineOption cookieFile = Options::cookieFile(
        QStringLiteral("Read the session cookie from a file written by 'sign-in'."));
    const QCommandLineOption org(QStringLiteral("org"),
        QStringLiteral("Organization id (default: the user's first)."), QStringLiteral("ID"));
    const QCommandLineOption messages(QStringLiteral("messages-channel"),
        QStringLiteral("Messages channel template (default org:{org}:messages)."),
        QStringLiteral("TEMPLATE"));
    const QCommandLineOption tickets(QStringLiteral("tickets-channel"),
        QStringLiteral("Tickets channel template (default org:{org}:tickets; '' for none)."),
        QStringLiteral("TEMPLATE"));
    const QCommandLineOption caCert
        = Options::caCert(QStringLiteral("Trust this PEM CA certificate (https:// and wss://)."));
    const QCommandLineOption wait(QStringLiteral("wait-publication"),
        QStringLiteral("Wait up to N seconds for a publication on the channels."),
        QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        QStringLiteral("Seconds each step may take (default 10)."), QStringLiteral("S"));
    const QCommandLineOption noIsolation(QStringLiteral("no-isolation-check"),
        QStringLiteral("Skip the 'channels are protected' check."));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("One JSON object per step, then a summary."));
    parser.addOptions({helpOption, backendUrl, wsUrl, email, passwordStdin, cookie, cookieFile, org,
        messages, tickets, caCert, wait, timeout, noIsolation, json});
    const ParseOutcome outcome = parseCommandLine(parser, helpOption, arguments, error);
    if (outcome != ParseOutcome::Run) {
        *help = outcome == ParseOutcome::Help;
        return std::nullopt;
    }
    Parsed p;
    DiagnosticsConfig& c = p.config;
    p.json = parser.isSet(json);
    // URLs are checked by the steps themselves (a bad one is step 1's or step 4's cause), but
    // they must be given.
    if (!parser.isSet(backendUrl) || !parser.isSet(wsUrl)) {
        *error = QStringLiteral("--backend-url and --ws-url are required");
        return std::nullopt;
    }
    c.backendUrl = QUrl(parser.value(backendUrl));
    c.wsUrl = QUrl(parser.value(wsUrl));
    // A password in a URL ends up in shell history, process lists and the report: refused,
    // without repeating the URL.
    if (!WhaTrack::urlCredentialsProblem(c.backendUrl, {}).isEmpty()) {
        *error = QStringLiteral("--backend-url must not contain a user name or password; sign in "
                                "with --email (password from --password-stdin or "
                                "WHATRACK_PASSWORD) or --cookie-file");
        return std::nullopt;
    }
    if (!WhaTrack::urlCredentialsProblem(c.wsUrl, {}).isEmpty()) {
        *error = QStringLiteral("--ws-url must not contain a user name or password; the "
                                "connection token comes from the backend after sign-in");
        return std::nullopt;
    }
    const int ways
        = int(parser.isSet(email)) + int(parser.isSet(cookie)) + int(parser.isSet(cookieFile));
    if (ways != 1) {
        *error = QStringLiteral("give exactly one of --email, --cookie, --cookie-file");
        return std::nullopt;
    }
    if (parser.isSet(email)) {
        c.email = parser.value(email);
        const std::optional<QString> password
            = Credentials::readPassword(parser.isSet(passwordStdin), error);
        if (!password)
            return std::nullopt;
        c.password = *password;
    } else if (parser.isSet(cookie)) {
        c.cookie = parser.value(cookie);
    } else {
        const std::optional<QString> value
            = Credentials::readCookieFile(parser.value(cookieFile), error);
        if (!value)
            return std::nullopt;
        c.cookie = *value;
    }
    c.organizationId = parser.value(org);
    c.channelTemplates
        = {parser.isSet(messages) ? parser.value(messages) : QStringLiteral("org:{org}:messages"),
            parser.isSet(tickets) ? parser.value(tickets) : QStringLiteral("org:{org}:tickets")};
    c.channelTemplates.removeAll(QString());
    if (c.channelTemplates.isEmpty()) {
        *error = QStringLiteral("at least one channel template is needed");
        return std::nullopt;
    }
    if (parser.isSet(caCert)) {
        c.caCertificates = Credentials::readCaCertificates(parser.value(caCert), error);
        if (c.caCertificates.isEmpty())
            return std::nullopt;
    }
    auto seconds = [&](const QCommandLineOption& option, int max, int* out) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 1 || value > max) {
            *error = QStringLiteral("--%1 must be a whole number of seconds from 1 to %2")
                         .arg(option.names().constFirst())
                         .arg(max);
            return false;
        }
        *out = value;
        return true;
    };
    if (parser.isSet(wait) && !seconds(wait, 3600, &c.waitPublicationSeconds))
        return std::nullopt;
    if (parser.isSet(timeout)) {
        int s = 0;
        if (!seconds(timeout, 600, &s))
            return std::nullopt;
        c.stepTimeout = std::chrono::seconds(s);
    }
    c.checkIsolation = !parser.isSet(noIsolation);
    return p;
}

int DiagnoseCommand::exitStatus(const Summary& summary)
{
    if (summary.canceled)
        return DiagnoseExit::Interrupted;
    if (summary.firstFailedStep > 0)
        return qMin(summary.firstFailedStep, 63);
    if (summary.warnings > 0)
        return DiagnoseExit::Warnings;
    return Exit::Ok;
}

int DiagnoseCommand::run(const QStringList& arguments)
{
    QString error;
    bool help = false;
    std::optional<Parsed> parsed = parse(arguments, &error, &help);
    if (!parsed) {
        std::fprintf(help ? stdout : stderr, "%s\n", qPrintable(error));
        return help ? Exit::Ok : DiagnoseExit::BadArguments;
    }
    const bool json = parsed->json;
    // The steps say what matters; the libraries' lifecycle lines would bury them. QT_LOGGING_RULES
    // still turns them back on.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("inbox.*.info=false\ninbox.*.debug=false"));
    DiagnosticsRunner runner;
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &runner,
        [&runner](int) { runner.cancel(); });
    QObject::connect(&runner, &DiagnosticsRunner::stepFinished, [json](const Step& step) {
        const QByteArray out = json
            ? QJsonDocument(stepToJson(step)).toJson(QJsonDocument::Compact) + '\n'
            : stepText(step).toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
    });
    int status = Exit::Failure;
    QObject::connect(&runner, &DiagnosticsRunner::finished, [&status, json](const Summary& s) {
        status = exitStatus(s);
        const QByteArray out = json
            ? QJsonDocument(summaryToJson(s)).toJson(QJsonDocument::Compact) + '\n'
            : (summaryText(s) + QLatin1Char('\n')).toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        if (!json && s.warnings > 0)
            std::fprintf(
                stderr, "WARNING: %d step(s) warned; see above (exit %d)\n", s.warnings, status);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    runner.start(parsed->config);
    parsed->config.password.clear();
    parsed->config.cookie.clear();
    QCoreApplication::exec();
    return status;
}

} // namespace Cli
