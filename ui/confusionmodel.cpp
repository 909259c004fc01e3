#include "confusionmodel.h"

#include <QFont>
#include <QLocale>
#include <cmath>

namespace tideline {

ConfusionModel::ConfusionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConfusionModel::setMatrix(ConfusionMatrix matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

int ConfusionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.classes.size());
}

int ConfusionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_matrix.classes.isEmpty()
               ? 0
               : int(m_matrix.classes.size()) + ScoreCount;
}

QVariant ConfusionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = std::size_t(index.row());
    const int classes = int(m_matrix.classes.size());
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == index.row()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() < classes)
        return QLocale().toString(m_matrix.counts[row][std::size_t(index.column())]);
    const ConfusionMatrix::ClassScores &s = m_matrix.scores[row];
    const auto ratio = [](double x) {
        return std::isfinite(x) ? QLocale().toString(x, 'f', 3) : QStringLiteral("–");
    };
    switch (index.column() - classes) {
    case Recall:
        return ratio(s.recall);
    case Precision:
        return ratio(s.precision);
    case F1:
        return ratio(s.f1);
    case Support:
        return QLocale().toString(s.support);
    default:
        return {};
    }
}

QVariant ConfusionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal)
        return tr("Rows: the true class; columns: the class predicted, then the row class's "
                  "scores");
    if (role != Qt::DisplayRole || section < 0)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int classes = int(m_matrix.classes.size());
    if (orientation == Qt::Vertical)
        return section < classes ? m_matrix.classes[section] : QVariant();
    if (section < classes)
        return tr("→ %1").arg(m_matrix.classes[section]);
    switch (section - classes) {
    case Recall:
        return tr("Recall");
    case Precision:
        return tr("Precision");
    case F1:
        return tr("F1");
    case Support:
        return tr("Rows");
    default:
        return {};
    }
}

} // namespace tideline
