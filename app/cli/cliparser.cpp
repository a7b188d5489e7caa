#include "app/cli/cliparser.h"

namespace Cli::Options {

QCommandLineOption help()
{
    return QCommandLineOption(
        {QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
}

QCommandLineOption wsUrl()
{
    return QCommandLineOption(QStringLiteral("ws-url"),
        QStringLiteral("Centrifugo WebSocket URL (ws:// or wss://)."), QStringLiteral("URL"));
}

QCommandLineOption backendUrl(const QString& description)
{
    return QCommandLineOption(QStringLiteral("backend-url"), description, QStringLiteral("URL"));
}

QCommandLineOption email(const QString& description)
{
    return QCommandLineOption(QStringLiteral("email"), description, QStringLiteral("EMAIL"));
}

QCommandLineOption passwordStdin(const QString& description)
{
    return QCommandLineOption(QStringLiteral("password-stdin"), description);
}

QCommandLineOption cookieFile(const QString& description)
{
    return QCommandLineOption(QStringLiteral("cookie-file"), description, QStringLiteral("FILE"));
}

QCommandLineOption caCert(const QString& description)
{
    return QCommandLineOption(QStringLiteral("ca-cert"), description, QStringLiteral("FILE"));
}

} // namespace Cli::Options

namespace Cli {

ParseOutcome parseCommandLine(QCommandLineParser& parser, const QCommandLineOption& help,
    const QStringList& arguments, QString* text)
{
    if (!parser.parse(arguments)) {
        *text = parser.errorText();
        return ParseOutcome::Error;
    }
    if (parser.isSet(help)) {
        *text = parser.helpText();
        return ParseOutcome::Help;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *text = QStringLiteral("unexpected argument: ") + parser.positionalArguments().first();
        return ParseOutcome::Error;
    }
    return ParseOutcome::Run;
}

} // namespace Cli
