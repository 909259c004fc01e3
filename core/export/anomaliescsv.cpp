#include "anomaliescsv.h"

#include "export/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

QString fullPrecision(double x)
{
    return QString::number(x, 'g', 17);
}

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
            QStringLiteral("note")};
}

bool writeAnomaliesCsv(const QString &path, const std::vector<Anomaly> &anomalies, QString *error,
                       CsvTimes times)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(csvRecord(anomaliesCsvHeader()));
    for (const Anomaly &a : anomalies) {
        const QString duration =
            times == CsvTimes::Iso ? fullPrecision(a.durationSeconds()) : QString();
        file.write(csvRecord({formatCsvTime(a.start, times), formatCsvTime(a.end, times), duration,
                              fullPrecision(a.peakScore), fullPrecision(a.meanScore),
                              fullPrecision(a.threshold), a.detector, optionalNumber(a.packets),
                              optionalNumber(a.bytes), a.topSource,
                              optionalNumber(a.topDestinationPort), a.label, a.note}));
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<std::vector<Anomaly>> readAnomaliesCsv(const QString &path, Diagnostics &diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.push_back(csvError(path, 0, 0, file.errorString()));
        return std::nullopt;
    }
    CsvReader reader(&file);
    QStringList header;
    if (!reader.next(header)) {
        diagnostics.push_back(
            csvError(path, 1, 0, QCoreApplication::translate("tideline", "the file is empty")));
        return std::nullopt;
    }
    const int startColumn = csvColumn(header, u"start");
    const int endColumn = csvColumn(header, u"end");
    if (startColumn < 0 || endColumn < 0) {
        diagnostics.push_back(
            csvError(path, 1, 0,
                     QCoreApplication::translate("tideline",
                                                 "the header has no 'start' and 'end' columns")));
        return std::nullopt;
    }
    const auto column = [&](const char16_t *name) { return csvColumn(header, name); };
    const int peak = column(u"peak_score");
    const int mean = column(u"mean_score");
    const int threshold = column(u"threshold");
    const int detector = column(u"detector");
    const int packets = column(u"packets");
    const int bytes = column(u"bytes");
    const int source = column(u"top_source");
    const int port = column(u"top_destination_port");
    const int label = column(u"label");
    const int note = column(u"note");

    std::vector<Anomaly> anomalies;
    QStringList fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields.front().isEmpty())
            continue; // a blank line
        const qint64 line = reader.line();
        const auto text = [&](int c) {
            return c >= 0 && c < fields.size() ? fields[c] : QString();
        };
        QString problem;
        int problemColumn = 0;
        const auto fail = [&](int c, const QString &what) {
            if (problem.isEmpty()) {
                problem = what;
                problemColumn = c + 1;
            }
        };
        Anomaly a;
        const std::optional<TimeNs> start = parseCsvTime(text(startColumn));
        const std::optional<TimeNs> end = parseCsvTime(text(endColumn));
        if (!start)
            fail(startColumn, QCoreApplication::translate("tideline", "'%1' is not a time")
                                  .arg(text(startColumn)));
        if (!end)
            fail(
                endColumn,
                QCoreApplication::translate("tideline", "'%1' is not a time").arg(text(endColumn)));
        if (start && end && *end < *start)
            fail(endColumn, QCoreApplication::translate("tideline", "the end is before the start"));
        const auto number = [&](int c, double &target) {
            if (c < 0 || text(c).trimmed().isEmpty())
                return;
            bool ok = false;
            target = text(c).trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(target))
                fail(c,
                     QCoreApplication::translate("tideline", "'%1' is not a number").arg(text(c)));
        };
        const auto integer = [&](int c, qint64 maximum) -> std::optional<qint64> {
            if (c < 0 || text(c).trimmed().isEmpty())
                return std::nullopt;
            bool ok = false;
            const qlonglong n = text(c).trimmed().toLongLong(&ok);
            if (ok && n >= 0 && n <= maximum)
                return n;
            fail(c, QCoreApplication::translate("tideline", "'%1' is not an integer in 0..%2")
                        .arg(text(c))
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
        if (!problem.isEmpty()) {
            diagnostics.push_back(csvError(path, line, problemColumn, problem));
            continue;
        }
        a.start = *start;
        a.end = *end;
        a.detector = text(detector);
        a.topSource = text(source);
        a.label = text(label);
        a.note = text(note);
        anomalies.push_back(a);
    }
    if (!reader.error().isEmpty())
        diagnostics.push_back(csvError(path, reader.line(), 0, reader.error()));
    return anomalies;
}

} // namespace tideline
