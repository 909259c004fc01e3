#include "recordmodel.h"

#include <algorithm>

namespace tideline {

RecordModel::RecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecordModel::setRows(std::shared_ptr<const RowRecords> records, std::size_t first,
                          std::size_t count)
{
    beginResetModel();
    m_records = std::move(records);
    m_first = first;
    m_count =
        m_records && first < m_records->size() ? std::min(count, m_records->size() - first) : 0;
    m_rows.assign(m_count, QStringList());
    endResetModel();
}

const QStringList &RecordModel::fields(int row) const
{
    QStringList &fields = m_rows[std::size_t(row)];
    if (fields.isEmpty())
        fields = m_records->fields(m_first + std::size_t(row));
    return fields;
}

void RecordModel::clear()
{
    setRows(nullptr, 0, 0);
}

int RecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int RecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_records ? 0 : int(m_records->names().size());
}

QVariant RecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString text = fields(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text;
    case SortRole: {
        bool number = false;
        const double value = text.toDouble(&number);
        return number ? QVariant(value) : QVariant(text);
    }
    default:
        return {};
    }
}

QVariant RecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_records)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return m_records->names().value(section);
    // The row's number in the series (0 is the first data row), as the chart's axis counts.
    return qulonglong(m_first) + qulonglong(section);
}

} // namespace tideline
