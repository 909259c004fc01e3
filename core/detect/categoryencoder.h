#pragma once

#include "common/series.h"

#include <Eigen/Core>
#include <QStringList>
#include <vector>

namespace tideline {

class ModelReader;
class ModelWriter;

// One-hot columns for a series' categories (NSL-KDD's protocol_type, service and flag;
// UNSW-NB15's proto, state and service), fitted on the training rows: one 0/1 column per value
// seen there, named "service=http". A value the training rows never had sets none of its
// column's ones — an all-zero "other" — so another file's new service is not an error.
class CategoryEncoder
{
public:
    // Values kept per column, the most frequent: more would be columns of a row or two.
    static constexpr int kMostValues = 256;

    struct Output
    {
        Eigen::MatrixXd matrix;     // rows × columnCount()
        std::vector<qint64> unseen; // per category column: rows whose value training never had
        QString error;              // a category column is missing

        bool ok() const { return error.isEmpty(); }
    };

    // `trainRows` flags the rows to learn the values from (empty: all).
    void fit(const std::vector<CategoryColumn> &categories, const std::vector<bool> &trainRows);
    // Columns are found by name, so another file may order them differently or have more.
    Output transform(const std::vector<CategoryColumn> &categories, qsizetype rows) const;

    // The fitted columns for a model file, and back.
    void write(ModelWriter &writer) const;
    void read(ModelReader &reader);

    int columnCount() const;
    QStringList columnNames() const;
    // The category columns encoded, by name.
    QStringList categoryNames() const;

private:
    struct Encoded
    {
        QString name;
        QStringList values; // in order of their output columns
        int firstColumn = 0;
    };
    std::vector<Encoded> m_columns;
};

} // namespace tideline
