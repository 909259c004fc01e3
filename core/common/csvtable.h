#pragma once

#include "common/csv.h"
#include "common/diagnostic.h"

#include <QFile>
#include <QStringList>
#include <initializer_list>

namespace tideline {

// A CSV file with a header, read record by record: what the readers of truth, anomalies and
// scores files share. It opens the file, finds columns by name, skips blank lines and reports
// each problem as an error at the file's line and column.
class CsvTable
{
public:
    // Opens `path` and reads its header; problems go to `diagnostics`, which must outlive this.
    CsvTable(const QString &path, Diagnostics &diagnostics);
    Q_DISABLE_COPY_MOVE(CsvTable)

    // False when the file cannot be opened or is empty (already reported).
    bool isOpen() const { return m_open; }

    // The header's column of that name (case and surrounding spaces ignored), or -1.
    int column(QStringView name) const;
    // The first of these names the header has, or -1.
    int firstColumn(std::initializer_list<QStringView> names) const;
    // For a file without a header: `names` name the columns and the first record is read as
    // data. False, changing nothing, when the first record has another number of fields.
    bool nameColumns(const QStringList &names);
    // Reports that the header lacks what the reader needs.
    void headerError(const QString &message);

    // Moves to the next record that is not a blank line; false at the end of the file (where
    // a quote left open is reported).
    bool next();
    // The current record's field in `column` as written, empty when the column is -1 or the
    // record is shorter.
    QString field(int column) const;
    // The same without surrounding spaces; valid until next().
    QStringView text(int column) const;
    // Reports a problem with the current record at a column as column() numbers it (-1: the
    // whole record).
    void error(int column, const QString &message);

private:
    QString m_path;
    Diagnostics &m_diagnostics;
    QFile m_file;
    CsvReader m_reader;
    QStringList m_header;
    QStringList m_fields;
    QStringList m_firstRecord; // the first record, when it is data (nameColumns())
    bool m_open = false;
    bool m_atEnd = false;
};

} // namespace tideline
