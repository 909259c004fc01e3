#include "csvtimes.h"

namespace tideline {

QString formatCsvTime(TimeNs t, CsvTimes times)
{
    return times == CsvTimes::Iso ? formatIsoUtc(t) : QString::number(t);
}

std::optional<TimeNs> parseCsvTime(QStringView text, CsvTimes *form)
{
    text = text.trimmed();
    bool ok = false;
    const qlonglong row = text.toLongLong(&ok);
    if (form)
        *form = ok ? CsvTimes::RowNumbers : CsvTimes::Iso;
    if (ok)
        return TimeNs(row);
    return parseIsoUtc(text);
}

} // namespace tideline
