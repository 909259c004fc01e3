#include "categoryencoder.h"

#include "detect/modelstream.h"

#include <QCoreApplication>
#include <algorithm>
#include <numeric>

namespace tideline {

void CategoryEncoder::fit(const std::vector<CategoryColumn> &categories,
                          const std::vector<bool> &trainRows)
{
    m_columns.clear();
    int first = 0;
    for (const CategoryColumn &column : categories) {
        std::vector<qint64> counts(std::size_t(column.values.size()), 0);
        for (std::size_t r = 0; r < column.codes.size(); ++r) {
            if ((trainRows.empty() || (r < trainRows.size() && trainRows[r])) &&
                column.codes[r] < counts.size())
                ++counts[column.codes[r]];
        }
        std::vector<qsizetype> seen;
        for (std::size_t v = 0; v < counts.size(); ++v) {
            if (counts[v] > 0)
                seen.push_back(qsizetype(v));
        }
        // The most frequent values, ties by name; then by name, so the columns do not depend
        // on the order the file lists them in.
        std::stable_sort(seen.begin(), seen.end(), [&](qsizetype a, qsizetype b) {
            return counts[std::size_t(a)] != counts[std::size_t(b)]
                       ? counts[std::size_t(a)] > counts[std::size_t(b)]
                       : column.values[a] < column.values[b];
        });
        if (seen.size() > std::size_t(kMostValues))
            seen.resize(std::size_t(kMostValues));
        Encoded encoded;
        encoded.name = column.name;
        for (qsizetype v : seen)
            encoded.values << column.values[v];
        std::sort(encoded.values.begin(), encoded.values.end());
        encoded.firstColumn = first;
        first += int(encoded.values.size());
        if (!encoded.values.isEmpty())
            m_columns.push_back(std::move(encoded));
    }
}

CategoryEncoder::Output CategoryEncoder::transform(const std::vector<CategoryColumn> &categories,
                                                   qsizetype rows) const
{
    Output output;
    output.matrix = Eigen::MatrixXd::Zero(rows, columnCount());
    output.unseen.assign(m_columns.size(), 0);
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        const Encoded &encoded = m_columns[c];
        const auto column =
            std::find_if(categories.begin(), categories.end(),
                         [&](const CategoryColumn &k) { return k.name == encoded.name; });
        if (column == categories.end() || qsizetype(column->codes.size()) != rows) {
            output.error = QCoreApplication::translate(
                               "tideline", "the category column \"%1\" the model was trained "
                                           "with is missing")
                               .arg(encoded.name);
            return output;
        }
        // This file's codes to output columns, -1 for values training never had.
        std::vector<int> target(std::size_t(column->values.size()), -1);
        for (qsizetype v = 0; v < column->values.size(); ++v) {
            const auto at =
                std::lower_bound(encoded.values.begin(), encoded.values.end(), column->values[v]);
            if (at != encoded.values.end() && *at == column->values[v])
                target[std::size_t(v)] = encoded.firstColumn + int(at - encoded.values.begin());
        }
        for (qsizetype r = 0; r < rows; ++r) {
            const std::uint32_t code = column->codes[std::size_t(r)];
            const int out = code < target.size() ? target[code] : -1;
            if (out >= 0)
                output.matrix(r, out) = 1.0;
            else
                ++output.unseen[c];
        }
    }
    return output;
}

int CategoryEncoder::columnCount() const
{
    return std::accumulate(m_columns.begin(), m_columns.end(), 0,
                           [](int sum, const Encoded &e) { return sum + int(e.values.size()); });
}

QStringList CategoryEncoder::columnNames() const
{
    QStringList names;
    for (const Encoded &encoded : m_columns) {
        for (const QString &value : encoded.values)
            names << encoded.name + QLatin1Char('=') + value;
    }
    return names;
}

QStringList CategoryEncoder::categoryNames() const
{
    QStringList names;
    for (const Encoded &encoded : m_columns)
        names << encoded.name;
    return names;
}

void CategoryEncoder::write(ModelWriter &writer) const
{
    writer.i64(qint64(m_columns.size()));
    for (const Encoded &encoded : m_columns) {
        writer.text(encoded.name);
        writer.texts(encoded.values);
    }
}

void CategoryEncoder::read(ModelReader &reader)
{
    m_columns.clear();
    const qint64 count = reader.i64();
    if (count < 0)
        reader.fail(QCoreApplication::translate("tideline", "a negative category count"));
    int first = 0;
    for (qint64 c = 0; c < count && reader.ok(); ++c) {
        Encoded encoded;
        encoded.name = reader.text();
        encoded.values = reader.texts();
        // transform() finds values by binary search.
        if (encoded.values.isEmpty() || encoded.values.size() > kMostValues ||
            !std::is_sorted(encoded.values.begin(), encoded.values.end()))
            reader.fail(QCoreApplication::translate("tideline", "category column '%1' is damaged")
                            .arg(encoded.name));
        encoded.firstColumn = first;
        first += int(encoded.values.size());
        m_columns.push_back(std::move(encoded));
    }
}

} // namespace tideline
