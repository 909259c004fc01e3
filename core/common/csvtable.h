#pragma once

#include "common/csvtokenizer.h"
#include "common/diagnostic.h"

#include <QByteArray>
#include <QFile>
#include <QStringList>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace tideline {

// A CSV file with a header, read record by record: what the readers of truth, anomalies and
// scores files share. It maps the file and reads it with CsvTokenizer (and its limits on a
// record), finds columns by name, skips blank lines and reports each problem as an error at the
// file's line and column. Fields stay bytes until a caller asks for one as text.
class CsvTable
{
public:
    // Opens `path` and reads its header; problems go to `diagnostics`, which must outlive this.
    CsvTable(const QString &path, Diagnostics &diagnostics);
    Q_DISABLE_COPY_MOVE(CsvTable)

    // False when the file cannot be opened, is empty or its header cannot be read (already
    // reported).
    bool isOpen() const { return m_open; }

    // The header's column of that name (case and surrounding spaces ignored), or -1.
    int column(QStringView name) const;
    // The first of these names the header has, or -1.
    int firstColumn(std::initializer_list<QStringView> names) const;
    // For a file without a header, before the first next(): `names` name the columns and the
    // first record is read as data. False, changing nothing, when the first record has another
    // number of fields.
    bool nameColumns(const QStringList &names);
    // Reports that the header lacks what the reader needs.
    void headerError(const QString &message);

    // Moves to the next record that is not a blank line; false at the end of the file, or where
    // a record passes the tokenizer's limits or a quote is left open (both reported).
    bool next();
    // The current record's field in `column` as written, in UTF-8; empty when the column is -1
    // or the record is shorter. Valid until next().
    std::string_view bytes(int column) const;
    // The same as text.
    QString field(int column) const;
    // The same without surrounding spaces.
    QString text(int column) const;
    // Reports a problem with the current record at a column as column() numbers it (-1: the
    // whole record).
    void error(int column, const QString &message);

private:
    // Reports why the tokenizer stopped before the end, if it did.
    void reportStop();

    QString m_path;
    Diagnostics &m_diagnostics;
    QFile m_file;
    QByteArray m_copy; // the bytes of a file that cannot be mapped (a pipe, an empty file)
    std::optional<CsvTokenizer> m_tokenizer;
    QStringList m_header;
    qint64 m_headerLine = 1;
    bool m_open = false;
    bool m_started = false;      // next() was called
    bool m_headerIsData = false; // nameColumns(): the first next() stays on the first record
    bool m_atEnd = false;
};

// Finds header columns by name, ignoring case and surrounding spaces (CICFlowMeter pads them).
int csvColumn(const QStringList &header, QStringView name);

// An error at a line and 1-based column (0: the whole line) of a CSV file.
Diagnostic csvError(const QString &path, qint64 line, int column, const QString &message);

} // namespace tideline
