#include "cli.h"
#include "commands.h"

namespace tideline::cli {

int runGenerate(const QStringList &)
{
    return usageError(QStringLiteral("generate: not written yet"));
}

} // namespace tideline::cli
