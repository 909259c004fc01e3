#include "detectorjson.h"

#include "detect/parameters.h"

#include <QJsonArray>

namespace tideline {

namespace {

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

} // namespace

QJsonObject detectorJson(const DetectorInfo &info)
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
            {QStringLiteral("log_counts"), info.logCounts},
            {QStringLiteral("supervised"), info.supervised},
            {QStringLiteral("parameters"), parameters}};
}

} // namespace tideline
