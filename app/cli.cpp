#include "cli.h"

#include "commands.h"

#include <QCoreApplication>
#include <array>

namespace tideline::cli {

namespace {

const std::array kCommands{
    Command{
        "generate",
        QT_TRANSLATE_NOOP("tideline::cli", "Write the sample scenario capture and its truth file"),
        &runGenerate},
    Command{"summarize",
            QT_TRANSLATE_NOOP("tideline::cli",
                              "Packets, bytes, time span, link types and problems of a file"),
            &runSummarize},
    Command{"series",
            QT_TRANSLATE_NOOP("tideline::cli", "Write the binned features of a file as CSV"),
            &runSeries},
    Command{"detect",
            QT_TRANSLATE_NOOP("tideline::cli",
                              "Score a file with a detector and write its anomalous intervals"),
            &runDetect},
    Command{"detectors",
            QT_TRANSLATE_NOOP("tideline::cli", "List the detectors and their parameters"),
            &runDetectors},
    Command{"evaluate",
            QT_TRANSLATE_NOOP("tideline::cli",
                              "Precision, recall and AUC of detected intervals against truth"),
            &runEvaluate},
    Command{"case",
            QT_TRANSLATE_NOOP("tideline::cli", "Show a case file, or export its marked anomalies"),
            &runCase},
};

// lupdate cannot see what is passed here: callers mark each literal with
// QT_TRANSLATE_NOOP("tideline::cli", ...) so it is extracted under the context used at run time.
QString translated(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

void printHelp(QTextStream &stream)
{
    stream << translated(QT_TRANSLATE_NOOP(
        "tideline::cli",
        "Usage: tideline [FILE]                 open the workbench (optionally on FILE)\n"
        "       tideline COMMAND [OPTIONS…]      run a command without a window\n"
        "\n"
        "Commands:\n"));
    for (const Command &command : kCommands)
        stream << QStringLiteral("  %1  %2\n")
                      .arg(QLatin1String(command.name), -12)
                      .arg(translated(command.summary));
    stream << translated(QT_TRANSLATE_NOOP(
        "tideline::cli",
        "\nWindow options:\n"
        "  --screenshot OUT.png   render the window offscreen after loading and exit\n"
        "\n"
        "  -h, --help             this help; tideline COMMAND --help for a command\n"
        "  -v, --version          the version\n"
        "\n"
        "Exit status: 0 success, 1 the input could not be used, 2 usage error.\n"));
}

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const Command *findCommand(QStringView name)
{
    for (const Command &command : kCommands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == u"-h" || first == u"--help") {
        printHelp(out());
        return Success;
    }
    if (first == u"-v" || first == u"--version") {
        out() << QCoreApplication::applicationName() << QLatin1Char(' ')
              << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    if (const Command *command = findCommand(first)) {
        const int status = command->run(arguments);
        out().flush();
        err().flush();
        return status;
    }
    printHelp(err());
    return UsageError;
}

std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")},
        translated(QT_TRANSLATE_NOOP("tideline::cli", "Show this help.")));
    parser.addOption(help);
    // Drop the program so the command name is argument 0, as QCommandLineParser expects.
    if (!parser.parse(arguments.mid(1))) {
        err() << QStringLiteral("tideline %1: ").arg(arguments.value(1)) << parser.errorText()
              << "\n\n"
              << parser.helpText();
        return UsageError;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        return Success;
    }
    return std::nullopt;
}

bool takeOnePositional(const QCommandLineParser &parser, QString &value, const QString &name)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << translated(
                     QT_TRANSLATE_NOOP("tideline::cli", "tideline: expected exactly one %1\n\n"))
                     .arg(name)
              << parser.helpText();
        return false;
    }
    value = positional.front();
    return true;
}

int inputError(const QString &message)
{
    err() << QStringLiteral("tideline: ") << message << Qt::endl;
    return InputError;
}

int usageError(const QString &message)
{
    err() << QStringLiteral("tideline: ") << message << Qt::endl;
    return UsageError;
}

} // namespace tideline::cli
