#pragma once

#include "common/progress.h"

namespace tideline::cli {

// Progress on stderr for long headless work when stderr is a terminal; silent otherwise, so
// scripts and CI logs stay clean.
ProgressCallback terminalProgress();

} // namespace tideline::cli
