#include "csvtimes.h"

namespace tideline {

QString formatCsvTime(TimeNs t, CsvTimes times)
{
    return times == CsvTimes::Iso ? formatIsoUtc(t) : QString::number(t);
}

std::optional<TimeNs> parseCsvTime(QStringView text)
{
    text = text.trimmed();
    bool ok = false;
    const qlonglong row = text.toLongLong(&ok);
    if (ok)
        return TimeNs(row);
    return parseIsoUtc(text);
}

} // namespace tideline
