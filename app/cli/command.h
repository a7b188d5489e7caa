#pragma once

//! \file command.h
//! \brief A subcommand of whatrack-inbox-cli (`listen`, later `diagnose`...).

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace Cli {

//! Exit statuses shared by every subcommand.
namespace Exit {
inline constexpr int Ok = 0;
inline constexpr int Failure = 1;
inline constexpr int BadArguments = 2;
inline constexpr int TerminalDisconnect = 3;
} // namespace Exit

class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    //! Runs with the arguments after the subcommand name (argv[0] is the program). Returns the
    //! process exit status; may run the application's event loop.
    virtual int run(const QStringList& arguments) = 0;
};

struct CommandEntry
{
    QString name;
    QString summary;
    std::function<std::unique_ptr<Command>()> create;
};

//! Every subcommand, in help order. Add new ones in commands.cpp.
const std::vector<CommandEntry>& commands();

} // namespace Cli
