#include "featurecontributionmodel.h"

#include <QLocale>
#include <cmath>

namespace tideline {

namespace {

QString number(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', 4) : QString();
}

} // namespace

FeatureContributionModel::FeatureContributionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FeatureContributionModel::setContributions(std::vector<FeatureContribution> contributions)
{
    beginResetModel();
    m_contributions = std::move(contributions);
    endResetModel();
}

int FeatureContributionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_contributions.size());
}

int FeatureContributionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeatureContributionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FeatureContribution &c = m_contributions[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return column == Feature ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool raw = role == SortRole;
    switch (column) {
    case Feature:
        return c.feature;
    case IntervalMean:
        return raw ? QVariant(c.rawIntervalMean) : QVariant(number(c.rawIntervalMean));
    case TrainingMedian:
        return raw ? QVariant(c.rawBaselineMedian) : QVariant(number(c.rawBaselineMedian));
    case Z:
        return raw ? QVariant(std::abs(c.z))
                   : QVariant((c.z > 0 ? QStringLiteral("+") : QString()) +
                              QLocale().toString(c.z, 'f', 2));
    default:
        return {};
    }
}

QVariant FeatureContributionModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Feature:
            return tr("Feature");
        case IntervalMean:
            return tr("Interval mean");
        case TrainingMedian:
            return tr("Typical (training median)");
        case Z:
            return tr("Robust z");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IntervalMean:
            return tr("The feature's mean over the interval's bins, in its own units");
        case TrainingMedian:
            return tr("The feature's median over the rows the detector trained on");
        case Z:
            return tr("How far the interval is from typical, as the detector saw the feature "
                      "(after log and scaling): (mean − median) / (IQR / 1.349). Sorted by "
                      "size.");
        default:
            return {};
        }
    }
    return {};
}

} // namespace tideline
