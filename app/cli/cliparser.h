#pragma once

//! \file cliparser.h
//! \brief The options several subcommands share, declared once (names, value names, the wording
//! they have in common), and the parse / --help / stray-argument steps every command takes.
//!
//! Only the description differs where the option means something slightly different to the
//! command (sign-in *writes* the cookie file, diagnose *reads* it), so it is a parameter there.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace Cli::Options {

//! -h, --help
QCommandLineOption help();
//! --ws-url URL: Centrifugo's WebSocket URL.
QCommandLineOption wsUrl();
//! --backend-url URL: WhaTrack's base URL; \a description says which form it takes.
QCommandLineOption backendUrl(const QString& description);
//! --email EMAIL
QCommandLineOption email(const QString& description);
//! --password-stdin
QCommandLineOption passwordStdin(const QString& description);
//! --cookie-file FILE
QCommandLineOption cookieFile(const QString& description);
//! --ca-cert FILE: a PEM CA certificate to trust for \a description's schemes.
QCommandLineOption caCert(const QString& description);

} // namespace Cli::Options

namespace Cli {

enum class ParseOutcome { Run, Help, Error };

//! Parses \a arguments (argv[0] first) with \a parser, which must hold \a help. On Help, \a text
//! is the help text; on Error, the message (also for a positional argument: the subcommands
//! take none).
ParseOutcome parseCommandLine(QCommandLineParser& parser, const QCommandLineOption& help,
    const QStringList& arguments, QString* text);

} // namespace Cli
