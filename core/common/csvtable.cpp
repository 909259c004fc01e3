#include "csvtable.h"

#include <QCoreApplication>
#include <utility>

namespace tideline {

CsvTable::CsvTable(const QString &path, Diagnostics &diagnostics)
    : m_path(path)
    , m_diagnostics(diagnostics)
    , m_file(path)
    , m_reader(&m_file)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_diagnostics.push_back(csvError(m_path, 0, 0, m_file.errorString()));
        return;
    }
    if (!m_reader.next(m_header)) {
        m_diagnostics.push_back(
            csvError(m_path, 1, 0, QCoreApplication::translate("tideline", "the file is empty")));
        return;
    }
    m_open = true;
}

int CsvTable::column(QStringView name) const
{
    return csvColumn(m_header, name);
}

int CsvTable::firstColumn(std::initializer_list<QStringView> names) const
{
    for (const QStringView name : names) {
        const int found = column(name);
        if (found >= 0)
            return found;
    }
    return -1;
}

bool CsvTable::nameColumns(const QStringList &names)
{
    if (names.isEmpty() || names.size() != m_header.size())
        return false;
    m_firstRecord = std::exchange(m_header, names);
    return true;
}

void CsvTable::headerError(const QString &message)
{
    m_diagnostics.push_back(csvError(m_path, 1, 0, message));
}

bool CsvTable::next()
{
    if (!m_open || m_atEnd)
        return false;
    if (!m_firstRecord.isEmpty()) {
        m_fields = std::exchange(m_firstRecord, {});
        return true;
    }
    while (m_reader.next(m_fields)) {
        if (m_fields.size() != 1 || !m_fields.front().isEmpty())
            return true;
    }
    m_atEnd = true;
    if (!m_reader.error().isEmpty())
        m_diagnostics.push_back(csvError(m_path, m_reader.line(), 0, m_reader.error()));
    return false;
}

QString CsvTable::field(int column) const
{
    return column >= 0 && column < m_fields.size() ? m_fields[column] : QString();
}

QStringView CsvTable::text(int column) const
{
    return column >= 0 && column < m_fields.size() ? QStringView(m_fields[column]).trimmed()
                                                   : QStringView();
}

void CsvTable::error(int column, const QString &message)
{
    m_diagnostics.push_back(csvError(m_path, m_reader.line(), column + 1, message));
}

} // namespace tideline
