#pragma once

//! \file diagnosecommand.h
//! \brief `whatrack-inbox-cli diagnose`: the diagnostics engine (models/diagnostics) for IT
//! scripts: the same ordered steps and causes as the connection panel.
//!
//! Exit status (docs/troubleshooting.md):
//! - 0: every step passed;
//! - N (1..63): step N failed (the first failed one); later steps may be skipped;
//! - 100: nothing failed but some step warned (e.g. "channels are protected" found that
//!   another organization's channel can be read, or the clock is off): never a silent 0;
//! - 64: bad arguments; 130: interrupted (SIGINT/SIGTERM).
//! With --json, stdout has one JSON object per step, then a summary object; nothing else.

#include "app/cli/command.h"
#include "models/diagnostics/diagnosticsrunner.h"

#include <optional>

namespace Cli {

namespace DiagnoseExit {
inline constexpr int Warnings = 100;
inline constexpr int BadArguments = 64;
inline constexpr int Interrupted = 130;
} // namespace DiagnoseExit

class DiagnoseCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("diagnose"); }
    QString summary() const override;
    int run(const QStringList& arguments) override;

    struct Parsed
    {
        WhaTrack::Diagnostics::DiagnosticsConfig config;
        bool json = false;
    };
    //! nullopt + \a error for bad arguments (\a help: the help text is in \a error).
    static std::optional<Parsed> parse(const QStringList& arguments, QString* error, bool* help);
    //! The exit status for a finished run.
    static int exitStatus(const WhaTrack::Diagnostics::Summary& summary);
};

} // namespace Cli
