#include "cli.h"
#include "commands.h"
#include "detect/detectorjson.h"
#include "detect/detectorregistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

void printText(QTextStream &stream)
{
    for (const DetectorInfo &info : detectors()) {
        stream << info.name << "\n  " << info.description << '\n';
        if (info.supervised)
            stream << tr(
                "  supervised: train with --model-from FILE, a table with a label column\n");
        if (info.parameters.empty()) {
            stream << tr("  (no parameters)\n\n");
            continue;
        }
        int nameWidth = 0;
        for (const ParameterSpec &spec : info.parameters)
            nameWidth = std::max(nameWidth, int(spec.name.size()));
        for (const ParameterSpec &spec : info.parameters) {
            stream << QStringLiteral("  %1  %2  %3  %4  %5\n")
                          .arg(spec.name, -nameWidth)
                          .arg(parameterTypeName(spec.type), -6)
                          .arg(tr("default %1").arg(parameterValueText(spec, spec.defaultValue)),
                               -14)
                          .arg(parameterRange(spec), -12)
                          .arg(spec.description);
        }
        stream << '\n';
    }
    stream << tr("Set parameters with: tideline detect FILE --detector NAME --param name=value\n");
}

} // namespace

// tideline detectors [--json]
int runDetectors(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the detectors, what they do and their parameters (name, type, default, range)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON instead of text."));
    parser.addOption(json);
    if (const auto status = parse(parser, arguments))
        return *status;
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("detectors takes no arguments, got '%1'")
                              .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const DetectorInfo &info : detectors())
            list.append(detectorJson(info));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("detectors"), list}})
                     .toJson(QJsonDocument::Indented);
        return Success;
    }
    printText(out());
    return Success;
}

} // namespace tideline::cli
