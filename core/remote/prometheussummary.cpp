#include "prometheussummary.h"

#include <QJsonArray>

namespace tideline {

QJsonObject PrometheusSummary::toJson() const
{
    QJsonArray columns;
    for (const Feature &feature : features)
        columns.append(QJsonObject{
            {QStringLiteral("name"), feature.name},
            {QStringLiteral("query"), feature.query},
            {QStringLiteral("labels"), feature.labels},
            {QStringLiteral("points"), feature.points},
            {QStringLiteral("gaps"), feature.gaps},
        });
    return {
        {QStringLiteral("url"), url},
        {QStringLiteral("format"), QStringLiteral("prometheus")},
        {QStringLiteral("queries"), QJsonArray::fromStringList(queries)},
        {QStringLiteral("first"), formatIsoUtc(start)},
        {QStringLiteral("last"), formatIsoUtc(end)},
        {QStringLiteral("step_s"), double(step) / double(kNsPerSecond)},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("features"), columns},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    };
}

} // namespace tideline
