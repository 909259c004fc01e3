#include "seriescsv.h"

#include "common/csvwriter.h"

namespace tideline {

std::optional<QString> writeSeriesCsv(const Series &series, const QString &path)
{
    CsvWriter writer(path.isEmpty() ? QStringLiteral("-") : path);
    if (!writer.isOpen())
        return writer.error();

    const bool timed = series.axis == Series::Axis::Time;
    const bool labelled = !series.labels.isEmpty();
    QStringList header{timed ? QStringLiteral("start") : QStringLiteral("row"),
                       QStringLiteral("has_data")};
    for (const FeatureInfo &feature : series.features)
        header << feature.name;
    if (labelled)
        header << QStringLiteral("label");
    writer.writeRow(header);

    QStringList fields;
    for (qsizetype r = 0; r < series.rowCount(); ++r) {
        fields.clear();
        const TimeNs start = series.starts[std::size_t(r)];
        fields << (timed ? formatIsoUtc(start) : QString::number(start))
               << (series.rowHasData(r) ? QStringLiteral("1") : QStringLiteral("0"));
        for (Eigen::Index c = 0; c < series.values.cols(); ++c)
            fields << CsvWriter::number(series.values(Eigen::Index(r), c));
        if (labelled)
            fields << series.labels.value(r);
        writer.writeRow(fields);
    }
    return writer.commit();
}

} // namespace tideline
