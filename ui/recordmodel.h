#pragma once

#include "records/rowrecords.h"

#include <QAbstractTableModel>
#include <memory>

namespace tideline {

// Rows of a table as the file wrote them, one column per table column, for the inspector's
// view of an interval of a table without times (each series row is one table row).
class RecordModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Raw values for sorting through a QSortFilterProxyModel: numbers as numbers.
    static constexpr int SortRole = Qt::UserRole;

    explicit RecordModel(QObject *parent = nullptr);

    // Rows [first, first + count) of `records`; the row header shows their numbers.
    void setRows(std::shared_ptr<const RowRecords> records, std::size_t first, std::size_t count);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const QStringList &fields(int row) const;

    std::shared_ptr<const RowRecords> m_records;
    std::size_t m_first = 0;
    std::size_t m_count = 0;
    // Rows split when first asked for (a view asks for each cell often, and only for the rows
    // it shows until it sorts): empty until then.
    mutable std::vector<QStringList> m_rows;
};

} // namespace tideline
