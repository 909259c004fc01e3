#pragma once

#include "common/diagnostic.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace tideline {

// RFC 4180 records one at a time: quoted fields may hold commas, doubled quotes and line
// breaks; CRLF or LF line ends; a UTF-8 byte-order mark is skipped.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);

    // The next record's fields; false at the end of the input or on an error.
    bool next(QStringList &fields);
    // The 1-based line the last record started on.
    qint64 line() const { return m_recordLine; }
    // Set when next() stopped on malformed input (a quote left open at the end).
    const QString &error() const { return m_error; }

private:
    QIODevice *m_device;
    qint64 m_line = 0;
    qint64 m_recordLine = 0;
    bool m_first = true;
    QString m_error;
};

// A field quoted when it holds a comma, a quote, a line break or edge spaces.
QString csvField(const QString &text);
// Fields joined with commas and ended with CRLF, as UTF-8.
QByteArray csvRecord(const QStringList &fields);

// Finds header columns by name, ignoring case and surrounding spaces (CICFlowMeter pads them).
int csvColumn(const QStringList &header, QStringView name);

// An error at a line and 1-based column (0: the whole line) of a CSV file.
Diagnostic csvError(const QString &path, qint64 line, int column, const QString &message);

} // namespace tideline
