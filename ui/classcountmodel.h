#pragma once

#include "threshold/trainingclasses.h"

#include <QAbstractTableModel>

namespace tideline {

// The classes a supervised model would learn from a file, with their training rows and
// shares, one row per class, as trainingClasses() counts them.
class ClassCountModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns { Class, Rows, Share, ColumnCount };

    explicit ClassCountModel(QObject *parent = nullptr);

    void setClasses(const TrainingClasses &classes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    TrainingClasses m_classes;
};

} // namespace tideline
