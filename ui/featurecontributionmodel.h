#pragma once

#include "detect/featurecontribution.h"

#include <QAbstractTableModel>

namespace tideline {

// Which features made an interval stand out, as a table: the interval's level against the
// training rows' typical level, and the robust z that ranks them.
class FeatureContributionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { Feature, IntervalMean, TrainingMedian, Z, ColumnCount };
    // Raw values for sorting through a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole;

    explicit FeatureContributionModel(QObject *parent = nullptr);

    void setContributions(std::vector<FeatureContribution> contributions);
    const std::vector<FeatureContribution> &contributions() const { return m_contributions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<FeatureContribution> m_contributions;
};

} // namespace tideline
