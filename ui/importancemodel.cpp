#include "importancemodel.h"

#include <QLocale>
#include <algorithm>

namespace tideline {

ImportanceModel::ImportanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ImportanceModel::setImportances(const QStringList &features,
                                     const std::vector<double> &importances)
{
    beginResetModel();
    m_rows.clear();
    for (qsizetype f = 0; f < features.size() && std::size_t(f) < importances.size(); ++f)
        m_rows.emplace_back(features[f], importances[std::size_t(f)]);
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    endResetModel();
}

int ImportanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[feature, importance] = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Feature ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    return index.column() == Feature
               ? QVariant(feature)
               : QVariant(QLocale().toString(100.0 * importance, 'f', 1) + QStringLiteral(" %"));
}

QVariant ImportanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Feature:
        return tr("Feature");
    case Importance:
        return tr("Importance");
    default:
        return {};
    }
}

} // namespace tideline
