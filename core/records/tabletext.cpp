#include "tabletext.h"

#include <QStringList>

namespace tideline {

qint64 TableText::fileLine(qint64 csvLine) const
{
    if (csvLine >= 2 && std::size_t(csvLine - 2) < lines.size())
        return lines[std::size_t(csvLine - 2)];
    if (csvLine == 1 && !lines.empty())
        return lines.front();
    return csvLine;
}

void appendCsvLine(QByteArray &csv, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            csv += ',';
        QByteArray bytes = fields[i].toUtf8();
        bytes.replace('\r', ' ').replace('\n', ' ');
        if (bytes.contains(',') || bytes.contains('"')) {
            bytes.replace("\"", "\"\"");
            csv += '"' + bytes + '"';
        } else {
            csv += bytes;
        }
    }
    csv += '\n';
}

} // namespace tideline
