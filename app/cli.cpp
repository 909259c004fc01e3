#include "cli.h"

#include "commands.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <vector>

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
    Command{"watch",
            QT_TRANSLATE_NOOP("tideline::cli",
                              "Detect anomalies live on an interface, or in a replayed capture"),
            &runWatch},
    Command{"serve",
            QT_TRANSLATE_NOOP("tideline::cli",
                              "Serve detection over HTTP, with a live stream of events"),
            &runServe},
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
        "  --palette NAME         the window's colours: system, light or dark\n"
        "  --screenshot OUT.png   render the window offscreen after loading FILE and exit\n"
        "  --detector NAME        with --screenshot: train this detector first\n"
        "  --percentile P         with --screenshot: the threshold percentile\n"
        "  --series NAME          with --screenshot: the Series entry to draw\n"
        "  --truth TRUTH          known anomalies to draw under FILE's timeline\n"
        "  --query NAME=PROMQL    FILE may be prometheus+http(s)://HOST:PORT[/PREFIX]: read\n"
        "                         these queries (with --start T --end T [--step 15s])\n"
        "\n"
        "  -h, --help             this help; tideline COMMAND --help for a command\n"
        "  -v, --version          the version\n"
        "\n"
        "Exit status: 0 success, 1 the input could not be used, 2 usage error.\n"));
}

// Edits (insertions, deletions, substitutions) turning a into b.
qsizetype editDistance(QStringView a, QStringView b)
{
    std::vector<qsizetype> row(std::size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[std::size_t(j)] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[std::size_t(j)];
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1,
                                            diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[std::size_t(b.size())];
}

// The usage line of a command's help names it as typed in a terminal, not by the binary's path.
QString commandHelp(const QCommandLineParser &parser, const QStringList &arguments)
{
    QString text = parser.helpText();
    const QString program = arguments.value(0);
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0)
        text.replace(at, program.size(), QStringLiteral("tideline ") + arguments.value(1));
    return text;
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

bool isMistypedCommand(const QString &argument)
{
    // Files to open have a dot or a slash, or exist; commands are bare words.
    return !argument.isEmpty() && !argument.startsWith(QLatin1Char('-')) &&
           !argument.contains(QLatin1Char('.')) && !argument.contains(QLatin1Char('/')) &&
           !QFileInfo::exists(argument) && !findCommand(argument);
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
    if (isMistypedCommand(first)) {
        const Command *closest = nullptr;
        qsizetype best = 3; // more edits than this is another word, not a typo
        for (const Command &command : kCommands) {
            const qsizetype d = editDistance(first, QString::fromLatin1(command.name));
            if (d < best) {
                best = d;
                closest = &command;
            }
        }
        if (closest)
            return usageError(
                translated(QT_TRANSLATE_NOOP("tideline::cli",
                                             "unknown command '%1' (did you mean %2?); "
                                             "tideline --help lists the commands"))
                    .arg(first, QLatin1String(closest->name)));
        return usageError(
            translated(QT_TRANSLATE_NOOP("tideline::cli", "unknown command '%1'; tideline --help "
                                                          "lists the commands"))
                .arg(first));
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
              << commandHelp(parser, arguments);
        return UsageError;
    }
    if (parser.isSet(help)) {
        out() << commandHelp(parser, arguments);
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
              << commandHelp(parser, QCoreApplication::arguments());
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
