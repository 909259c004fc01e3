#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace tideline {

// A random forest's feature importances (mean decrease in Gini impurity) as a table, the most
// important feature first.
class ImportanceModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { Feature, Importance, ColumnCount };

    explicit ImportanceModel(QObject *parent = nullptr);

    // One importance per name; shown sorted, largest first.
    void setImportances(const QStringList &features, const std::vector<double> &importances);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<std::pair<QString, double>> m_rows;
};

} // namespace tideline
