#include "tableloader.h"

#include "common/translate.h"
#include "records/jsonrecords.h"
#include "records/nfdumpfile.h"
#include "records/tablereader.h"
#include "records/zeeklog.h"
#include "tableseries.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <string_view>

namespace tideline {

namespace {

TableLoadResult failure(const QString &path, const QString &message)
{
    TableLoadResult result;
    result.summary.file = path;
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = message;
    result.error = d;
    return result;
}

// Reads `text` (or, when `converted` is set, the CSV it holds for a file in another syntax).
// `progress` spans [base, 0.9] of the whole: a conversion before reports below `base`.
TableLoadResult loadText(std::string_view text, std::optional<TableText> converted,
                         const QString &name, const TableOptions &options,
                         const ProgressCallback &progress, double base)
{
    if (converted) {
        if (converted->error || converted->cancelled) {
            TableLoadResult result;
            result.summary.file = name;
            result.summary.syntax = converted->syntax;
            result.error = converted->error;
            result.cancelled = converted->cancelled;
            return result;
        }
        text = std::string_view(converted->csv.constData(), std::size_t(converted->csv.size()));
    }
    TableReadResult read = readTable(text, name, options, [&](const Progress &p) {
        Progress scaled = p;
        // Binning takes the last tenth.
        if (p.fraction >= 0)
            scaled.fraction = base + (0.9 - base) * p.fraction;
        return reportProgress(progress, scaled);
    });
    if (converted) {
        for (Diagnostic &d : read.diagnostics)
            d.record = converted->fileLine(d.record);
        if (read.error)
            read.error->record = converted->fileLine(read.error->record);
        read.summary.rows += converted->unreadRows;
        read.summary.skippedRows += converted->unreadRows;
        read.summary.problems += converted->unreadRows;
        read.diagnostics.insert(read.diagnostics.begin(), converted->diagnostics.begin(),
                                converted->diagnostics.end());
        read.summary.syntax = converted->syntax;
    }
    TableLoadResult result;
    result.summary = std::move(read.summary);
    result.diagnostics = std::move(read.diagnostics);
    result.error = std::move(read.error);
    result.cancelled = read.cancelled;
    if (result.error)
        return result;

    QStringList warnings;
    QString error;
    result.series = tableToSeries(read.table, options, warnings, error);
    if (!error.isEmpty()) {
        result.series = Series();
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.file = name;
        d.message = error;
        result.error = d;
        return result;
    }
    if (!result.cancelled) {
        // The rows as the reader saw them: a JSON file's are those of its CSV.
        result.drillDown =
            buildTableTraffic(read.table, text, result.summary.delimiter, result.series.binWidth);
        if (!result.drillDown.records)
            result.drillDown.records = buildRowRecords(read.table, text, result.summary.delimiter);
        if (result.drillDown.skippedRows > 0)
            warnings << tr("%1 rows have no IP address at one end: they count in the series but "
                           "are not among the flows")
                            .arg(result.drillDown.skippedRows);
    }
    result.summary.warnings << warnings;
    for (const QString &warning : warnings) {
        Diagnostic d;
        d.file = name;
        d.message = warning;
        result.diagnostics.push_back(d);
    }
    Progress done;
    done.fraction = 1.0;
    done.items = result.summary.rows;
    reportProgress(progress, done);
    return result;
}

} // namespace

TableLoadResult loadTableData(QByteArrayView bytes, const QString &name,
                              const TableOptions &options, const ProgressCallback &progress)
{
    const std::string_view text(bytes.data(), std::size_t(bytes.size()));
    // JSON records and Zeek logs are read as the CSV they amount to; messages name their lines.
    std::optional<TableText> converted;
    if (looksLikeJson(text))
        converted = readJsonRecords(text, name, options);
    else if (looksLikeZeekLog(text))
        converted = readZeekLog(text, name);
    return loadText(text, std::move(converted), name, options, progress, 0.0);
}

TableLoadResult loadTableText(TableText text, const QString &name, const TableOptions &options,
                              const ProgressCallback &progress)
{
    return loadText({}, std::move(text), name, options, progress, 0.0);
}

TableLoadResult loadTable(const QString &path, const TableOptions &options,
                          const ProgressCallback &progress)
{
    QFile file(path);
    if (QFileInfo(path).isDir())
        return failure(path, tr("is a folder, not a table"));
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, tr("cannot open the file: %1").arg(file.errorString()));
    const qint64 size = file.size();
    if (size == 0 && !file.isSequential())
        return failure(path, tr("the file is empty"));
    // Mapping keeps a large table out of our own memory; pipes and special files are read.
    if (uchar *mapped = size > 0 ? file.map(0, size) : nullptr) {
        // An nfcapd file is binary: nfdump reads it, and its flows are the table.
        if (looksLikeNfcapd(
                std::string_view(reinterpret_cast<const char *>(mapped), std::size_t(size))))
            return loadText({},
                            readNfcapd(path,
                                       [&progress](const Progress &p) {
                                           Progress scaled = p;
                                           scaled.fraction =
                                               p.fraction < 0 ? p.fraction : 0.5 * p.fraction;
                                           return reportProgress(progress, scaled);
                                       }),
                            path, options, progress, 0.5);
        return loadTableData(QByteArrayView(reinterpret_cast<const char *>(mapped), size), path,
                             options, progress);
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(path, tr("cannot read the file: %1").arg(file.errorString()));
    return loadTableData(bytes, path, options, progress);
}

QStringList knownHeaderlessNames(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() == 0)
        return {};
    // The loader samples up to a thousand rows: map the file rather than copy it.
    if (const uchar *mapped = file.map(0, file.size()))
        return knownHeaderlessNames(
            std::string_view(reinterpret_cast<const char *>(mapped), std::size_t(file.size())));
    const QByteArray bytes = file.readAll();
    return knownHeaderlessNames(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

} // namespace tideline
