// whatrack-inbox-cli: console tools over the realtime SDK. `whatrack-inbox-cli <command> ...`;
// the commands are listed in app/cli/commands.cpp.

#include "app/cli/command.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE* out)
{
    std::fprintf(out, "usage: whatrack-inbox-cli <command> [options]\n\ncommands:\n");
    for (const Cli::CommandEntry& entry : Cli::commands())
        std::fprintf(out, "  %-10s %s\n", qPrintable(entry.name), qPrintable(entry.summary));
    std::fprintf(out,
        "\nRun 'whatrack-inbox-cli <command> --help' for its options,\n"
        "'whatrack-inbox-cli --version' for the version.\n");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("whatrack-inbox-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("WhaTrack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INBOX_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.at(1) == QStringLiteral("--help")
        || arguments.at(1) == QStringLiteral("-h")) {
        const bool asked = arguments.size() >= 2;
        printUsage(asked ? stdout : stderr);
        return asked ? Cli::Exit::Ok : Cli::Exit::BadArguments;
    }
    if (arguments.at(1) == QStringLiteral("--version")) {
        // The project version (CMakeLists.txt), as the GUI's --version and the packages show it.
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
            qPrintable(QCoreApplication::applicationVersion()));
        return Cli::Exit::Ok;
    }
    for (const Cli::CommandEntry& entry : Cli::commands()) {
        if (entry.name != arguments.at(1))
            continue;
        std::unique_ptr<Cli::Command> command = entry.create();
        // The command parses like a program of its own: argv[0] followed by its options.
        return command->run(QStringList {arguments.at(0)} + arguments.mid(2));
    }
    std::fprintf(stderr, "unknown command '%s'\n\n", qPrintable(arguments.at(1)));
    printUsage(stderr);
    return Cli::Exit::BadArguments;
}
