#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace tideline::cli {

// Exit status of every headless command (the design's contract).
enum ExitCode : int {
    Success = 0,
    InputError = 1, // the input could not be used; stderr names the file and the place
    UsageError = 2,
};

using CommandFunction = int (*)(const QStringList &arguments);

struct Command
{
    const char *name;
    const char *summary; // translated through QCoreApplication::translate("tideline::cli", …)
    CommandFunction run;
};

QTextStream &out();
QTextStream &err();

// The known headless commands.
const Command *findCommand(QStringView name);
// A bare word that is neither a command nor a file: a mistyped command, answered with a usage
// error (and a suggestion) instead of a window on a file of that name.
bool isMistypedCommand(const QString &argument);

// Runs `tideline COMMAND ARGS…`, or prints the general help / version.
int run(const QStringList &arguments);

// Parses `arguments` (arguments[0] is the program, arguments[1] the command) after adding
// --help. Returns nullopt to go on, or the status to exit with now: Success after printing the
// help, UsageError after printing the reason and the help to stderr.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments);

// The single positional argument a command needs; false after printing a usage error.
bool takeOnePositional(const QCommandLineParser &parser, QString &value, const QString &name);

// Fails with InputError: "tideline: <message>" on stderr.
int inputError(const QString &message);
int usageError(const QString &message);

} // namespace tideline::cli
