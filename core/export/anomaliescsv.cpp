#include "anomaliescsv.h"

#include "common/csvtable.h"
#include "common/csvwriter.h"

#include <QCoreApplication>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

template <class T> QString optionalNumber(const std::optional<T> &value)
{
    return value ? QString::number(*value) : QString();
}

} // namespace

QStringList anomaliesCsvHeader()
{
    return {QStringLiteral("start"),
            QStringLiteral("end"),
            QStringLiteral("duration_s"),
            QStringLiteral("peak_score"),
            QStringLiteral("mean_score"),
            QStringLiteral("threshold"),
            QStringLiteral("detector"),
            QStringLiteral("packets"),
            QStringLiteral("bytes"),
            QStringLiteral("top_source"),
            QStringLiteral("top_destination_port"),
            QStringLiteral("label"),
            QStringLiteral("note"),
            QStringLiteral("kind"),
            QStringLiteral("summary"),
            QStringLiteral("top_destination"),
            QStringLiteral("distinct_sources"),
            QStringLiteral("distinct_destinations"),
            QStringLiteral("distinct_destination_ports")};
}

QStringList anomalyCsvFields(const Anomaly &a, CsvTimes times)
{
    const QString duration =
        times == CsvTimes::Iso ? CsvWriter::number(a.durationSeconds()) : QString();
    return {formatCsvTime(a.start, times),
            formatCsvTime(a.end, times),
            duration,
            CsvWriter::number(a.peakScore),
            CsvWriter::number(a.meanScore),
            CsvWriter::number(a.threshold),
            a.detector,
            optionalNumber(a.packets),
            optionalNumber(a.bytes),
            a.topSource,
            optionalNumber(a.topDestinationPort),
            a.label,
            a.note,
            a.kind,
            a.summary,
            a.topDestination,
            optionalNumber(a.distinctSources),
            optionalNumber(a.distinctDestinations),
            optionalNumber(a.distinctDestinationPorts)};
}

QJsonObject anomalyJson(const Anomaly &a)
{
    const auto optional = [](const auto &value) {
        return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
    };
    const auto text = [](const QString &value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
    };
    return {{QStringLiteral("start"), formatCsvTime(a.start, CsvTimes::Iso)},
            {QStringLiteral("end"), formatCsvTime(a.end, CsvTimes::Iso)},
            {QStringLiteral("duration_s"), a.durationSeconds()},
            {QStringLiteral("peak_score"), a.peakScore},
            {QStringLiteral("mean_score"), a.meanScore},
            {QStringLiteral("threshold"), a.threshold},
            {QStringLiteral("detector"), a.detector},
            {QStringLiteral("packets"), optional(a.packets)},
            {QStringLiteral("bytes"), optional(a.bytes)},
            {QStringLiteral("top_source"), text(a.topSource)},
            {QStringLiteral("top_destination_port"), optional(a.topDestinationPort)},
            {QStringLiteral("label"), text(a.label)},
            {QStringLiteral("note"), text(a.note)},
            {QStringLiteral("kind"), text(a.kind)},
            {QStringLiteral("summary"), text(a.summary)},
            {QStringLiteral("top_destination"), text(a.topDestination)},
            {QStringLiteral("distinct_sources"), optional(a.distinctSources)},
            {QStringLiteral("distinct_destinations"), optional(a.distinctDestinations)},
            {QStringLiteral("distinct_destination_ports"), optional(a.distinctDestinationPorts)}};
}

bool writeAnomaliesCsv(const QString &path, const std::vector<Anomaly> &anomalies, QString *error,
                       CsvTimes times)
{
    CsvWriter writer(path);
    writer.writeRow(anomaliesCsvHeader());
    for (const Anomaly &a : anomalies)
        writer.writeRow(anomalyCsvFields(a, times));
    const std::optional<QString> failure = writer.commit();
    if (failure && error)
        *error = *failure;
    return !failure;
}

bool writeInvestigationCsv(const QString &path, const Investigation &investigation,
                           AnomalySelection which, QString *error)
{
    const Series *series = investigation.series();
    const CsvTimes times =
        series && series->axis == Series::Axis::Row ? CsvTimes::RowNumbers : CsvTimes::Iso;
    return writeAnomaliesCsv(path,
                             which == AnomalySelection::All ? investigation.anomalies()
                                                            : investigation.markedAnomalies(),
                             error, times);
}

std::optional<std::vector<Anomaly>> readAnomaliesCsv(const QString &path, Diagnostics &diagnostics,
                                                     std::optional<CsvTimes> *timeForm)
{
    CsvTable csv(path, diagnostics);
    if (!csv.isOpen())
        return std::nullopt;
    const int startColumn = csv.column(u"start");
    const int endColumn = csv.column(u"end");
    if (startColumn < 0 || endColumn < 0) {
        csv.headerError(
            QCoreApplication::translate("tideline", "the header has no 'start' and 'end' columns"));
        return std::nullopt;
    }
    const int peak = csv.column(u"peak_score");
    const int mean = csv.column(u"mean_score");
    const int threshold = csv.column(u"threshold");
    const int detector = csv.column(u"detector");
    const int packets = csv.column(u"packets");
    const int bytes = csv.column(u"bytes");
    const int source = csv.column(u"top_source");
    const int port = csv.column(u"top_destination_port");
    const int label = csv.column(u"label");
    const int note = csv.column(u"note");
    const int kind = csv.column(u"kind");
    const int summary = csv.column(u"summary");
    const int destination = csv.column(u"top_destination");
    const int sources = csv.column(u"distinct_sources");
    const int destinations = csv.column(u"distinct_destinations");
    const int ports = csv.column(u"distinct_destination_ports");

    std::vector<Anomaly> anomalies;
    while (csv.next()) {
        // One error per row: the first problem found.
        QString problem;
        int problemColumn = 0;
        const auto fail = [&](int c, const QString &what) {
            if (problem.isEmpty()) {
                problem = what;
                problemColumn = c;
            }
        };
        Anomaly a;
        CsvTimes form = CsvTimes::Iso;
        const std::optional<TimeNs> start = parseCsvTime(csv.field(startColumn), &form);
        const std::optional<TimeNs> end = parseCsvTime(csv.field(endColumn));
        if (!start)
            fail(startColumn, QCoreApplication::translate("tideline", "'%1' is not a time")
                                  .arg(csv.field(startColumn)));
        if (!end)
            fail(endColumn, QCoreApplication::translate("tideline", "'%1' is not a time")
                                .arg(csv.field(endColumn)));
        if (start && end && *end < *start)
            fail(endColumn, QCoreApplication::translate("tideline", "the end is before the start"));
        const auto number = [&](int c, double &target) {
            const QString text = csv.text(c);
            if (text.isEmpty())
                return;
            bool ok = false;
            target = text.toDouble(&ok);
            if (!ok || !std::isfinite(target))
                fail(c, QCoreApplication::translate("tideline", "'%1' is not a number")
                            .arg(csv.field(c)));
        };
        const auto integer = [&](int c, qint64 maximum) -> std::optional<qint64> {
            const QString text = csv.text(c);
            if (text.isEmpty())
                return std::nullopt;
            bool ok = false;
            const qlonglong n = text.toLongLong(&ok);
            if (ok && n >= 0 && n <= maximum)
                return n;
            fail(c, QCoreApplication::translate("tideline", "'%1' is not an integer in 0..%2")
                        .arg(csv.field(c))
                        .arg(maximum));
            return std::nullopt;
        };
        number(peak, a.peakScore);
        number(mean, a.meanScore);
        number(threshold, a.threshold);
        constexpr qint64 kCountLimit = std::numeric_limits<qint64>::max();
        a.packets = integer(packets, kCountLimit);
        a.bytes = integer(bytes, kCountLimit);
        if (const std::optional<qint64> p = integer(port, 65535))
            a.topDestinationPort = int(*p);
        a.distinctSources = integer(sources, kCountLimit);
        a.distinctDestinations = integer(destinations, kCountLimit);
        a.distinctDestinationPorts = integer(ports, kCountLimit);
        if (!problem.isEmpty()) {
            csv.error(problemColumn, problem);
            continue;
        }
        if (timeForm && !*timeForm)
            *timeForm = form;
        a.start = *start;
        a.end = *end;
        a.detector = csv.field(detector);
        a.topSource = csv.field(source);
        a.label = csv.field(label);
        a.note = csv.field(note);
        a.kind = csv.field(kind);
        a.summary = csv.field(summary);
        a.topDestination = csv.field(destination);
        anomalies.push_back(a);
    }
    return anomalies;
}

} // namespace tideline
