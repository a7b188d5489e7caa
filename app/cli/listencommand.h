#pragma once

//! \file listencommand.h
//! \brief `whatrack-inbox-cli listen`: connect, subscribe, print every event as a JSON line.
//!
//! Exit status: 0 after --duration or SIGINT/SIGTERM; 3 when the client reached a terminal
//! `disconnected` by itself; 2 for bad arguments.

#include "app/cli/command.h"
#include "realtime/clientoptions.h"

#include <QUrl>

namespace Cli {

struct ListenOptions
{
    QUrl wsUrl;
    QString token;
    QUrl tokenUrl;
    QList<QPair<QByteArray, QByteArray>> headers;
    QStringList channels;
    QUrl subscriptionTokenUrl;
    qint64 durationMs = -1; //!< -1: until a signal
    std::optional<QSslConfiguration> sslConfiguration;
};

class ListenCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("listen"); }
    QString summary() const override;
    int run(const QStringList& arguments) override;

    //! Parses the arguments; on failure returns nullopt and sets \a error (exit status 2).
    static std::optional<ListenOptions> parse(
        const QStringList& arguments, QString* error, bool* help);

private:
    int listen(const ListenOptions& options);
};

} // namespace Cli
