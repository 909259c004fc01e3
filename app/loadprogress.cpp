#include "loadprogress.h"

#include <cstdio>
#include <unistd.h>

namespace tideline::cli {

ProgressCallback terminalProgress()
{
    if (!isatty(fileno(stderr)))
        return {};
    return [](const Progress &progress) {
        if (progress.fraction >= 0)
            std::fprintf(stderr, "\r%5.1f%%  %lld items  %.0f/s   ", 100.0 * progress.fraction,
                         static_cast<long long>(progress.items), progress.itemsPerSecond);
        if (progress.fraction >= 1.0)
            std::fputc('\n', stderr);
        return true;
    };
}

} // namespace tideline::cli
