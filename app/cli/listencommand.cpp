#include "app/cli/listencommand.h"

#include "app/cli/cliparser.h"
#include "app/cli/eventprinter.h"
#include "app/cli/httptokenprovider.h"
#include "app/cli/signalwatcher.h"
#include "models/api/apiconfig.h"
#include "realtime/client.h"
#include "realtime/subscription.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace Cli {

QString ListenCommand::summary() const
{
    return QStringLiteral("Connect to Centrifugo and print every event as a JSON line");
}

std::optional<ListenOptions> ListenCommand::parse(
    const QStringList& arguments, QString* error, bool* help)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("whatrack-inbox-cli listen: print realtime events as JSON lines"));
    const QCommandLineOption helpOption = Options::help();
    const QCommandLineOption wsUrl = Options::wsUrl();
    const QCommandLineOption token(
        QStringLiteral("token"), QStringLiteral("Connection JWT."), QStringLiteral("JWT"));
    const QCommandLineOption tokenUrl(QStringLiteral("token-url"),
        QStringLiteral("GET this URL for {\"token\": ...} whenever a connection token is needed."),
        QStringLiteral("URL"));
    const QCommandLineOption header(QStringLiteral("header"),
        QStringLiteral("\"Name: value\" header sent to the token URLs (repeatable)."),
        QStringLiteral("HEADER"));
    const QCommandLineOption channel(QStringLiteral("channel"),
        QStringLiteral("Channel to subscribe to (repeatable)."), QStringLiteral("NAME"));
    const QCommandLineOption subTokenUrl(QStringLiteral("subscription-token-url"),
        QStringLiteral("POST {\"channel\": NAME} here for {\"token\": ...} subscription tokens."),
        QStringLiteral("URL"));
    const QCommandLineOption duration(QStringLiteral("duration"),
        QStringLiteral("Stop after this many seconds (default: until SIGINT/SIGTERM)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption caCert
        = Options::caCert(QStringLiteral("Trust this PEM CA certificate for wss:// and https://."));
    parser.addOptions(
        {helpOption, wsUrl, token, tokenUrl, header, channel, subTokenUrl, duration, caCert});

    const ParseOutcome outcome = parseCommandLine(parser, helpOption, arguments, error);
    if (outcome != ParseOutcome::Run) {
        *help = outcome == ParseOutcome::Help;
        return std::nullopt;
    }
    ListenOptions options;
    options.wsUrl = QUrl(parser.value(wsUrl), QUrl::StrictMode);
    const QString scheme = options.wsUrl.scheme();
    if (!parser.isSet(wsUrl) || !options.wsUrl.isValid()
        || (scheme != QStringLiteral("ws") && scheme != QStringLiteral("wss"))) {
        *error = QStringLiteral("--ws-url must be a ws:// or wss:// URL");
        return std::nullopt;
    }
    // A password in a URL ends up in shell history, process lists and logs: refused.
    if (!WhaTrack::urlCredentialsProblem(options.wsUrl, {}).isEmpty()) {
        *error = QStringLiteral("--ws-url must not contain a user name or password; pass the "
                                "connection token with --token or --token-url");
        return std::nullopt;
    }
    if (parser.isSet(token) == parser.isSet(tokenUrl)) {
        *error = QStringLiteral("give exactly one of --token and --token-url");
        return std::nullopt;
    }
    options.token = parser.value(token);
    auto httpUrl = [error](const QString& text, const char* option) -> std::optional<QUrl> {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QStringLiteral("http")
                && url.scheme() != QStringLiteral("https"))) {
            *error = QStringLiteral("%1 must be an http:// or https:// URL")
                         .arg(QString::fromLatin1(option));
            return std::nullopt;
        }
        if (!WhaTrack::urlCredentialsProblem(url, {}).isEmpty()) {
            *error = QStringLiteral("%1 must not contain a user name or password; send "
                                    "credentials with --header")
                         .arg(QString::fromLatin1(option));
            return std::nullopt;
        }
        return url;
    };
    if (parser.isSet(tokenUrl)) {
        auto url = httpUrl(parser.value(tokenUrl), "--token-url");
        if (!url)
            return std::nullopt;
        options.tokenUrl = *url;
    }
    if (parser.isSet(subTokenUrl)) {
        auto url = httpUrl(parser.value(subTokenUrl), "--subscription-token-url");
        if (!url)
            return std::nullopt;
        options.subscriptionTokenUrl = *url;
    }
    for (const QString& value : parser.values(header)) {
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            *error = QStringLiteral("--header must look like \"Name: value\"");
            return std::nullopt;
        }
        options.headers.append(
            {value.left(colon).trimmed().toLatin1(), value.mid(colon + 1).trimmed().toUtf8()});
    }
    for (const QString& name : parser.values(channel)) {
        if (name.isEmpty() || options.channels.contains(name)) {
            *error = QStringLiteral("--channel names must be non-empty and distinct");
            return std::nullopt;
        }
        options.channels << name;
    }
    if (parser.isSet(duration)) {
        bool ok = false;
        const double seconds = parser.value(duration).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 10 * 365 * 86400.0) {
            *error = QStringLiteral("--duration must be a positive number of seconds");
            return std::nullopt;
        }
        options.durationMs = qint64(seconds * 1000);
    }
    if (parser.isSet(caCert)) {
        QFile file(parser.value(caCert));
        const QList<QSslCertificate> certificates = file.open(QIODevice::ReadOnly)
            ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
            : QList<QSslCertificate> {};
        if (certificates.isEmpty()) {
            *error = QStringLiteral("--ca-cert: no PEM certificate in ") + parser.value(caCert);
            return std::nullopt;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(certificates);
        options.sslConfiguration = ssl;
    }
    return options;
}

int ListenCommand::run(const QStringList& arguments)
{
    QString error;
    bool help = false;
    const std::optional<ListenOptions> options = parse(arguments, &error, &help);
    if (!options) {
        std::fprintf(help ? stdout : stderr, "%s\n", qPrintable(error));
        return help ? Exit::Ok : Exit::BadArguments;
    }
    return listen(*options);
}

int ListenCommand::listen(const ListenOptions& options)
{
    using namespace Centrifuge;
    // stdout is written by a thread of its own: a reader that stops must not stop the pongs.
    OutputWriter output(STDOUT_FILENO);
    EventPrinter printer(output);
    SignalWatcher signalWatcher;

    ClientOptions clientOptions;
    clientOptions.token = options.token;
    clientOptions.sslConfiguration = options.sslConfiguration;
    clientOptions.name = QStringLiteral("inbox-cli");
    clientOptions.version = QCoreApplication::applicationVersion();
    Client client(options.wsUrl, clientOptions);

    if (!options.tokenUrl.isEmpty() || !options.subscriptionTokenUrl.isEmpty()) {
        client.setTokenProvider(
            std::make_shared<HttpTokenProvider>(HttpTokenProvider::Config {options.tokenUrl,
                options.subscriptionTokenUrl, options.headers, options.sslConfiguration}));
    }

    int exitStatus = Exit::Ok;
    bool stopping = false;
    auto stop = [&](int status) {
        if (stopping)
            return;
        stopping = true;
        exitStatus = status;
        client.disconnectFromServer();
        // Let the close frame and the last lines out before leaving.
        QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
    };

    // Every handler is attached before connectToServer()/subscribe(): recovered publications
    // and server-side subscriptions arrive inside the connect reply.
    QObject::connect(&client, &Client::connecting,
        [&](int code, const QString& reason) { printer.connecting(code, reason); });
    QObject::connect(&client, &Client::connected,
        [&](const QString& id, const QString& version, const QByteArray&) {
            printer.connected(id, version);
        });
    QObject::connect(&client, &Client::disconnected, [&](int code, const QString& reason) {
        printer.disconnected(code, reason);
        if (!stopping) // terminal by itself: nothing will reconnect
            stop(Exit::TerminalDisconnect);
    });
    QObject::connect(
        &client, &Client::errorOccurred, [&](ErrorType type, int code, const QString& message) {
            printer.error(type, code, message);
        });
    QObject::connect(&client, &Client::serverSubscribing,
        [&](const QString& channel, int code, const QString& reason) {
            printer.subscribing(channel, code, reason);
        });
    QObject::connect(&client, &Client::serverSubscribed,
        [&](const SubscribedEvent& event) { printer.subscribed(event); });
    QObject::connect(&client, &Client::serverUnsubscribed,
        [&](const QString& channel, int code, const QString& reason) {
            printer.unsubscribed(channel, code, reason);
        });
    QObject::connect(&client, &Client::serverPublication,
        [&](const Publication& publication) { printer.publication(publication); });
    QObject::connect(
        &client, &Client::serverJoin, [&](const QString& channel, const ClientInfo& info) {
            printer.presence("join", channel, info);
        });
    QObject::connect(
        &client, &Client::serverLeave, [&](const QString& channel, const ClientInfo& info) {
            printer.presence("leave", channel, info);
        });

    for (const QString& channel : options.channels) {
        SubscriptionOptions subOptions;
        subOptions.useTokenProvider = !options.subscriptionTokenUrl.isEmpty();
        Subscription* sub = client.newSubscription(channel, subOptions);
        QObject::connect(
            sub, &Subscription::subscribing, [&printer, channel](int code, const QString& reason) {
                printer.subscribing(channel, code, reason);
            });
        QObject::connect(sub, &Subscription::subscribed,
            [&printer](const SubscribedEvent& event) { printer.subscribed(event); });
        QObject::connect(
            sub, &Subscription::unsubscribed, [&printer, channel](int code, const QString& reason) {
                printer.unsubscribed(channel, code, reason);
            });
        QObject::connect(sub, &Subscription::publication,
            [&printer](const Publication& publication) { printer.publication(publication); });
        QObject::connect(sub, &Subscription::joined, [&printer, channel](const ClientInfo& info) {
            printer.presence("join", channel, info);
        });
        QObject::connect(sub, &Subscription::left, [&printer, channel](const ClientInfo& info) {
            printer.presence("leave", channel, info);
        });
        QObject::connect(sub, &Subscription::errorOccurred,
            [&printer, channel](ErrorType type, int code, const QString& message) {
                printer.error(type, code, message, channel);
            });
        sub->subscribe();
    }

    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, [&](int number) {
        qInfo("signal %d received, stopping", number);
        stop(Exit::Ok);
    });
    if (options.durationMs > 0)
        QTimer::singleShot(std::chrono::milliseconds {options.durationMs}, [&] { stop(Exit::Ok); });

    client.connectToServer();
    QCoreApplication::exec();
    // The last lines and the count of dropped ones, if the reader takes them in time.
    output.finish(std::chrono::seconds {5});
    return exitStatus;
}

} // namespace Cli
