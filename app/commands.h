#pragma once

#include <QStringList>

// One function per headless command; each lives in its own <name>command.cpp.
namespace tideline::cli {

int runGenerate(const QStringList &arguments);

} // namespace tideline::cli
