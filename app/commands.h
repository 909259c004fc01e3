#pragma once

#include <QStringList>

// One function per headless command; each lives in its own <name>command.cpp.
namespace tideline::cli {

int runGenerate(const QStringList &arguments);
int runSummarize(const QStringList &arguments);
int runSeries(const QStringList &arguments);
int runDetect(const QStringList &arguments);
int runDetectors(const QStringList &arguments);
int runEvaluate(const QStringList &arguments);
int runCase(const QStringList &arguments);
int runWatch(const QStringList &arguments);
int runServe(const QStringList &arguments);

} // namespace tideline::cli
