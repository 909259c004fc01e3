#include "scorescsv.h"

#include "export/csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <cmath>

namespace tideline {

namespace {

std::optional<bool> parseFlag(QStringView text)
{
    text = text.trimmed();
    if (text == u"1" || text.compare(u"true", Qt::CaseInsensitive) == 0)
        return true;
    if (text == u"0" || text.compare(u"false", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

} // namespace

bool writeScoresCsv(const QString &path, const ScoreRows &rows, QString *error, CsvTimes times)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QString threshold = QString::number(rows.threshold, 'g', 17);
    QByteArray buffer = csvRecord({QStringLiteral("timestamp"), QStringLiteral("score"),
                                   QStringLiteral("threshold"), QStringLiteral("anomalous"),
                                   QStringLiteral("score_normalized")});
    const std::size_t n = rows.times.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Eigen::Index r = Eigen::Index(i);
        const bool anomalous = i < rows.anomalous.size() && rows.anomalous[i];
        const double normalized = r < rows.normalized.size() ? rows.normalized[r] : 0.0;
        buffer +=
            csvRecord({formatCsvTime(rows.times[i], times),
                       QString::number(r < rows.scores.size() ? rows.scores[r] : 0.0, 'g', 17),
                       threshold, anomalous ? QStringLiteral("1") : QStringLiteral("0"),
                       QString::number(normalized, 'g', 17)});
        if (buffer.size() > (1 << 16)) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<ScoresTable> readScoresCsv(const QString &path, Diagnostics &diagnostics)
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
    const int timeColumn = csvColumn(header, u"timestamp");
    const int scoreColumn = csvColumn(header, u"score");
    const int thresholdColumn = csvColumn(header, u"threshold");
    const int anomalousColumn = csvColumn(header, u"anomalous");
    if (timeColumn < 0 || scoreColumn < 0) {
        diagnostics.push_back(
            csvError(path, 1, 0,
                     QCoreApplication::translate(
                         "tideline", "the header has no 'timestamp' and 'score' columns")));
        return std::nullopt;
    }
    ScoresTable table;
    const bool flagsKnown = anomalousColumn >= 0 || thresholdColumn >= 0;
    QStringList fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields.front().isEmpty())
            continue;
        const auto text = [&](int c) {
            return c >= 0 && c < fields.size() ? QStringView(fields[c]).trimmed() : QStringView();
        };
        const auto fail = [&](int c, const QString &message) {
            diagnostics.push_back(csvError(path, reader.line(), c + 1, message));
        };
        const std::optional<TimeNs> time = parseCsvTime(text(timeColumn));
        if (!time) {
            fail(timeColumn, QCoreApplication::translate("tideline", "'%1' is not a time")
                                 .arg(text(timeColumn)));
            continue;
        }
        bool ok = false;
        const double score = text(scoreColumn).toDouble(&ok);
        if (!ok || !std::isfinite(score)) {
            fail(scoreColumn, QCoreApplication::translate("tideline", "'%1' is not a number")
                                  .arg(text(scoreColumn)));
            continue;
        }
        bool anomalous = false;
        if (anomalousColumn >= 0) {
            const std::optional<bool> flag = parseFlag(text(anomalousColumn));
            if (!flag) {
                fail(anomalousColumn, QCoreApplication::translate("tideline", "'%1' is not 0 or 1")
                                          .arg(text(anomalousColumn)));
                continue;
            }
            anomalous = *flag;
        } else if (thresholdColumn >= 0) {
            const double threshold = text(thresholdColumn).toDouble(&ok);
            if (!ok) {
                fail(thresholdColumn,
                     QCoreApplication::translate("tideline", "'%1' is not a number")
                         .arg(text(thresholdColumn)));
                continue;
            }
            anomalous = score > threshold;
        }
        table.times.push_back(*time);
        table.scores.push_back(score);
        if (flagsKnown)
            table.anomalous.push_back(anomalous);
    }
    if (!reader.error().isEmpty())
        diagnostics.push_back(csvError(path, reader.line(), 0, reader.error()));
    return table;
}

} // namespace tideline
