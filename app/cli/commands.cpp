#include "app/cli/command.h"
#include "app/cli/listencommand.h"

namespace Cli {

const std::vector<CommandEntry>& commands()
{
    static const std::vector<CommandEntry> entries {
        {QStringLiteral("listen"),
            QStringLiteral("Connect to Centrifugo and print every event as a JSON line"),
            [] { return std::make_unique<ListenCommand>(); }},
    };
    return entries;
}

} // namespace Cli
