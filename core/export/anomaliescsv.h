#pragma once

#include "common/csvtimes.h"
#include "common/diagnostic.h"
#include "investigation/investigation.h"

#include <QJsonObject>
#include <optional>
#include <vector>

namespace tideline {

// The anomalies CSV that `detect` writes and the GUI exports (RFC 4180, CRLF):
// start,end,duration_s,peak_score,mean_score,threshold,detector,packets,bytes,top_source,
// top_destination_port,label,note — scores at full double precision, unknown values empty.
QStringList anomaliesCsvHeader();

// One anomaly's fields in the header's order, as the CSV has them.
QStringList anomalyCsvFields(const Anomaly &anomaly, CsvTimes times = CsvTimes::Iso);
// One anomaly as a JSON object keyed by the header's names: numbers as numbers, unknown
// values null (for `watch --json` and `serve`).
QJsonObject anomalyJson(const Anomaly &anomaly);

// Written atomically (QSaveFile): on failure `error` says why (errorString()) and a file that
// was there before is left as it was.
bool writeAnomaliesCsv(const QString &path, const std::vector<Anomaly> &anomalies, QString *error,
                       CsvTimes times = CsvTimes::Iso);

enum class AnomalySelection : std::uint8_t { All, Marked };

// An investigation's anomalies (all, as `detect` writes them, or the marked ones, as File ▸
// Export and `case export` write them), with row numbers for inputs without a time column.
bool writeInvestigationCsv(const QString &path, const Investigation &investigation,
                           AnomalySelection which, QString *error);

// Reads one back. Needs the start and end columns; the others may be missing. Rows that cannot
// be read are reported as errors (line and column) and left out; nullopt when the file cannot
// be opened or has no usable header. `timeForm`, when given and still empty, is set to the form
// of the first row's times.
std::optional<std::vector<Anomaly>> readAnomaliesCsv(const QString &path, Diagnostics &diagnostics,
                                                     std::optional<CsvTimes> *timeForm = nullptr);

} // namespace tideline
