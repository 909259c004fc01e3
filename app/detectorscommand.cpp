#include "cli.h"
#include "commands.h"
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

QString scalingName(FeatureScaling scaling)
{
    switch (scaling) {
    case FeatureScaling::Robust:
        return QStringLiteral("robust");
    case FeatureScaling::MinMax:
        return QStringLiteral("minmax");
    case FeatureScaling::None:
        return QStringLiteral("none");
    }
    return {};
}

QJsonValue typedValue(const ParameterSpec &spec, const QVariant &value)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int:
        return QJsonValue(value.toLongLong());
    case ParameterSpec::Type::Double:
        return QJsonValue(value.toDouble());
    case ParameterSpec::Type::Bool:
        return QJsonValue(value.toBool());
    case ParameterSpec::Type::Choice:
        return QJsonValue(value.toString());
    }
    return {};
}

QJsonObject toJson(const DetectorInfo &info)
{
    QJsonArray parameters;
    for (const ParameterSpec &spec : info.parameters) {
        QJsonObject parameter{{QStringLiteral("name"), spec.name},
                              {QStringLiteral("type"), parameterTypeName(spec.type)},
                              {QStringLiteral("default"), typedValue(spec, spec.defaultValue)},
                              {QStringLiteral("description"), spec.description}};
        if (spec.type == ParameterSpec::Type::Int || spec.type == ParameterSpec::Type::Double) {
            parameter.insert(QStringLiteral("minimum"), typedValue(spec, spec.minimum));
            parameter.insert(QStringLiteral("maximum"), typedValue(spec, spec.maximum));
        }
        if (spec.type == ParameterSpec::Type::Choice)
            parameter.insert(QStringLiteral("choices"), QJsonArray::fromStringList(spec.choices));
        parameters.append(parameter);
    }
    return {{QStringLiteral("name"), info.name},
            {QStringLiteral("description"), info.description},
            {QStringLiteral("scaling"), scalingName(info.scaling)},
            {QStringLiteral("supervised"), info.supervised},
            {QStringLiteral("parameters"), parameters}};
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
            list.append(toJson(info));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("detectors"), list}})
                     .toJson(QJsonDocument::Indented);
        return Success;
    }
    printText(out());
    return Success;
}

} // namespace tideline::cli
