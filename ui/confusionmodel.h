#pragma once

#include "evaluate/confusionmatrix.h"

#include <QAbstractTableModel>

namespace tideline {

// A supervised run's confusion matrix as a table: a row per true class, a column per predicted
// class, then the row class's recall, precision, F1 and the rows truly of it.
class ConfusionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Scores { Recall, Precision, F1, Support, ScoreCount }; // after the class columns

    explicit ConfusionModel(QObject *parent = nullptr);

    void setMatrix(ConfusionMatrix matrix);
    const ConfusionMatrix &matrix() const { return m_matrix; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ConfusionMatrix m_matrix;
};

} // namespace tideline
