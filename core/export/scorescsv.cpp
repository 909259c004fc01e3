#include "scorescsv.h"

#include "common/csvtable.h"
#include "common/csvwriter.h"

#include <QCoreApplication>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

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
    CsvWriter writer(path);
    QStringList header{QStringLiteral("timestamp"), QStringLiteral("score"),
                       QStringLiteral("threshold"), QStringLiteral("anomalous"),
                       QStringLiteral("score_normalized")};
    const bool classes = !rows.predicted.isEmpty();
    if (classes)
        header << QStringLiteral("predicted") << QStringLiteral("probability");
    if (!rows.flows.isEmpty())
        header << QStringLiteral("flow");
    writer.writeRow(header);
    // A class name is written as a CSV field once, not once per row.
    std::vector<QByteArray> classFields;
    QStringList classNames;
    if (classes) {
        classNames = rows.predicted;
        classNames.removeDuplicates();
        for (const QString &name : std::as_const(classNames))
            classFields.push_back(QByteArray(",") + csvField(name).toUtf8() + QByteArray(","));
    }
    // Encoded here into a buffer of our own, a block of rows at a time: no field needs quoting,
    // and going through QStringList and QString, then appending to a QByteArray a few
    // characters at a time, made this file most of `detect`'s time on a large table.
    QByteArray threshold(",");
    CsvWriter::appendNumber(threshold, rows.threshold);
    QByteArray flowField;
    const QByteArray noClass(",,"); // a row beyond the predicted classes: class left empty
    // A time: ISO 8601, or a whole number (a row number) of at most 20 characters.
    constexpr qsizetype kTimeRoom = std::max<qsizetype>(kIsoUtcLength, CsvWriter::kNumberRoom);
    // The fixed characters of a row: the comma after the time, ",0," or ",1,", and CRLF.
    constexpr qsizetype kFixedRoom = 1 + 3 + 2;
    constexpr qsizetype kBlockBytes = 1 << 16;
    std::vector<char> block(static_cast<std::size_t>(kBlockBytes));
    qsizetype used = 0;
    for (std::size_t i = 0; i < rows.times.size(); ++i) {
        const Eigen::Index r = Eigen::Index(i);
        const QByteArray *classField = nullptr;
        if (classes) {
            const qsizetype k = classNames.indexOf(rows.predicted.value(qsizetype(i)));
            classField = k >= 0 ? &classFields[std::size_t(k)] : &noClass;
        }
        if (!rows.flows.isEmpty())
            flowField = ',' + csvField(rows.flows.value(qsizetype(i))).toUtf8();
        // The most this row can take: a time, three numbers, the threshold, the fixed
        // characters, the class and the flow.
        const qsizetype room = kTimeRoom + 3 * CsvWriter::kNumberRoom + threshold.size() +
                               kFixedRoom + (classField ? classField->size() : 0) +
                               flowField.size();
        if (used + room > qsizetype(block.size())) {
            writer.writeEncoded(QByteArrayView(block.data(), used));
            used = 0;
            if (room > qsizetype(block.size()))
                block.resize(std::size_t(room));
        }
        char *at = block.data() + used;
        if (times == CsvTimes::Iso) {
            at = writeIsoUtc(rows.times[i], at);
        } else {
            at = std::to_chars(at, at + kTimeRoom, rows.times[i]).ptr;
        }
        *at++ = ',';
        at = CsvWriter::writeNumber(at, r < rows.scores.size() ? rows.scores[r] : 0.0);
        at = std::copy_n(threshold.constData(), threshold.size(), at);
        const bool anomalous = i < rows.anomalous.size() && rows.anomalous[i];
        at = std::copy_n(anomalous ? ",1," : ",0,", 3, at);
        at = CsvWriter::writeNumber(at, r < rows.normalized.size() ? rows.normalized[r] : 0.0);
        if (classField) {
            at = std::copy_n(classField->constData(), classField->size(), at);
            at =
                CsvWriter::writeNumber(at, r < rows.probability.size() ? rows.probability[r] : 0.0);
        }
        at = std::copy_n(flowField.constData(), flowField.size(), at);
        at = std::copy_n("\r\n", 2, at);
        used = at - block.data();
    }
    writer.writeEncoded(QByteArrayView(block.data(), used));
    const std::optional<QString> failure = writer.commit();
    if (failure && error)
        *error = *failure;
    return !failure;
}

std::optional<ScoresTable> readScoresCsv(const QString &path, Diagnostics &diagnostics,
                                         std::optional<CsvTimes> *timeForm)
{
    CsvTable csv(path, diagnostics);
    if (!csv.isOpen())
        return std::nullopt;
    const int timeColumn = csv.column(u"timestamp");
    const int scoreColumn = csv.column(u"score");
    const int thresholdColumn = csv.column(u"threshold");
    const int anomalousColumn = csv.column(u"anomalous");
    const int predictedColumn = csv.column(u"predicted");
    if (timeColumn < 0 || scoreColumn < 0) {
        csv.headerError(QCoreApplication::translate(
            "tideline", "the header has no 'timestamp' and 'score' columns"));
        return std::nullopt;
    }
    ScoresTable table;
    const bool flagsKnown = anomalousColumn >= 0 || thresholdColumn >= 0;
    while (csv.next()) {
        CsvTimes form = CsvTimes::Iso;
        const std::optional<TimeNs> time = parseCsvTime(csv.text(timeColumn), &form);
        if (!time) {
            csv.error(timeColumn, QCoreApplication::translate("tideline", "'%1' is not a time")
                                      .arg(csv.text(timeColumn)));
            continue;
        }
        bool ok = false;
        const double score = csv.text(scoreColumn).toDouble(&ok);
        if (!ok || !std::isfinite(score)) {
            csv.error(scoreColumn, QCoreApplication::translate("tideline", "'%1' is not a number")
                                       .arg(csv.text(scoreColumn)));
            continue;
        }
        bool anomalous = false;
        if (anomalousColumn >= 0) {
            const std::optional<bool> flag = parseFlag(csv.text(anomalousColumn));
            if (!flag) {
                csv.error(anomalousColumn,
                          QCoreApplication::translate("tideline", "'%1' is not 0 or 1")
                              .arg(csv.text(anomalousColumn)));
                continue;
            }
            anomalous = *flag;
        } else if (thresholdColumn >= 0) {
            const double threshold = csv.text(thresholdColumn).toDouble(&ok);
            if (!ok) {
                csv.error(thresholdColumn,
                          QCoreApplication::translate("tideline", "'%1' is not a number")
                              .arg(csv.text(thresholdColumn)));
                continue;
            }
            anomalous = score > threshold;
        }
        if (timeForm && !*timeForm)
            *timeForm = form;
        table.times.push_back(*time);
        table.scores.push_back(score);
        if (flagsKnown)
            table.anomalous.push_back(anomalous);
        if (predictedColumn >= 0)
            table.predicted << csv.text(predictedColumn);
    }
    return table;
}

} // namespace tideline
