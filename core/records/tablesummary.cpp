#include "tablesummary.h"

#include <QJsonArray>

namespace tideline {

namespace {

QJsonValue timeValue(const std::optional<TimeNs> &t, TimeFormat format)
{
    if (!t)
        return QJsonValue();
    if (isRelative(format))
        return double(*t) / double(kNsPerSecond);
    return formatIsoUtc(*t);
}

} // namespace

QJsonObject TableSummary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("flavour"), flavourName(flavour));
    o.insert(QStringLiteral("rows"), double(rows));
    o.insert(QStringLiteral("loaded_rows"), double(loadedRows));
    o.insert(QStringLiteral("skipped_rows"), double(skippedRows));
    o.insert(QStringLiteral("problems"), double(problems));
    o.insert(QStringLiteral("columns"), columns);
    o.insert(QStringLiteral("column_names"), QJsonArray::fromStringList(columnNames));
    o.insert(QStringLiteral("syntax"), syntax);
    o.insert(QStringLiteral("header"), header);
    o.insert(QStringLiteral("delimiter"), QString(QLatin1Char(delimiter)));
    o.insert(QStringLiteral("label_column"), labelColumn);
    o.insert(QStringLiteral("time_column"), timeColumn);
    o.insert(QStringLiteral("time_format"), timeFormatName(timeFormat));
    o.insert(QStringLiteral("first_time"), timeValue(firstTime, timeFormat));
    o.insert(QStringLiteral("last_time"), timeValue(lastTime, timeFormat));
    o.insert(QStringLiteral("ignored_columns"), QJsonArray::fromStringList(ignoredColumns));
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    return o;
}

} // namespace tideline
