#pragma once

#include "series/intervalcomparison.h"

#include <QAbstractTableModel>
#include <vector>

namespace tideline {

// One dimension of "What changed?" as a table: each key's packets in the interval and the
// baseline, how surprising that is, its share of the change, and whether it is new.
class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns {
        Key,
        IntervalPackets,
        BaselinePackets,
        Surprise,
        ChangeShare,
        RateChange,
        New,
        ColumnCount
    };
    // Raw values for sorting through a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole;

    explicit ComparisonModel(QObject *parent = nullptr);

    // `keyTitle` heads the Key column ("Source", "Destination port"…).
    void setRows(std::vector<ComparisonRow> rows, const QString &keyTitle);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ComparisonRow &row, int column) const;
    QVariant sortValue(const ComparisonRow &row, int column) const;

    std::vector<ComparisonRow> m_rows;
    QString m_keyTitle;
};

} // namespace tideline
