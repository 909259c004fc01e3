#pragma once

// Runs the built `tideline` executable as a script would, for the command-line tests.

#include <QProcess>
#include <QStringList>

struct TidelineRun
{
    int exitCode = -1; // -1: did not finish normally within the time allowed
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromLocal8Bit(out); }
    QString errText() const { return QString::fromLocal8Bit(err); }
};

inline TidelineRun
runTideline(const QStringList &arguments,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TIDELINE_EXE), arguments);
    TidelineRun run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
