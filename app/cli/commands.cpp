#include "app/cli/command.h"
#include "app/cli/diagnosecommand.h"
#include "app/cli/listencommand.h"
#include "app/cli/signincommand.h"

namespace Cli {

const std::vector<CommandEntry>& commands()
{
    static const std::vector<CommandEntry> entries {
        {QStringLiteral("listen"),
            QStringLiteral("Connect to Centrifugo and print every event as a JSON line"),
            [] { return std::make_unique<ListenCommand>(); }},
        {QStringLiteral("sign-in"),
            QStringLiteral("Sign in and save the session cookie for listen/diagnose"),
            [] { return std::make_unique<SignInCommand>(); }},
        {QStringLiteral("diagnose"),
            QStringLiteral("Run the ordered connection checks; exit with the failed step's number"),
            [] { return std::make_unique<DiagnoseCommand>(); }},
    };
    return entries;
}

} // namespace Cli
