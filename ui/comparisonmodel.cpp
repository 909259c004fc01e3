#include "comparisonmodel.h"

#include <QLocale>

namespace tideline {

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_keyTitle(tr("Key"))
{}

void ComparisonModel::setRows(std::vector<ComparisonRow> rows, const QString &keyTitle)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_keyTitle = keyTitle;
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::display(const ComparisonRow &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Key:
        return row.key;
    case IntervalPackets:
        return locale.toString(qulonglong(row.intervalPackets));
    case BaselinePackets:
        return locale.toString(qulonglong(row.baselinePackets));
    case Surprise:
        return QLocale().toString(row.surprise, 'f', 1);
    case ChangeShare:
        return tr("%1 %").arg(QLocale().toString(100.0 * row.changeShare, 'f', 1));
    case RateChange:
        return (row.rateChange > 0 ? QStringLiteral("+") : QString()) +
               QLocale().toString(row.rateChange, 'f', 2);
    case New:
        return row.isNew ? tr("yes") : tr("no");
    default:
        return {};
    }
}

QVariant ComparisonModel::sortValue(const ComparisonRow &row, int column) const
{
    switch (column) {
    case IntervalPackets:
        return qulonglong(row.intervalPackets);
    case BaselinePackets:
        return qulonglong(row.baselinePackets);
    case Surprise:
        return row.surprise;
    case ChangeShare:
        return row.changeShare;
    case RateChange:
        return row.rateChange;
    case New:
        return int(row.isNew);
    default:
        return display(row, column);
    }
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComparisonRow &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case Qt::ToolTipRole:
        return tr("%1: %2 % of the interval's packets, %3 % of the baseline's")
            .arg(row.key)
            .arg(QLocale().toString(100.0 * row.intervalShare, 'f', 1))
            .arg(QLocale().toString(100.0 * row.baselineShare, 'f', 1));
    case Qt::TextAlignmentRole:
        return index.column() == Key ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Key:
            return m_keyTitle;
        case IntervalPackets:
            return tr("Interval packets");
        case BaselinePackets:
            return tr("Baseline packets");
        case Surprise:
            return tr("Surprise");
        case ChangeShare:
            return tr("Share of change");
        case RateChange:
            return tr("Δ packets/s");
        case New:
            return tr("New");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IntervalPackets:
            return tr("Packets in the selected interval");
        case BaselinePackets:
            return tr("Packets in the baseline: the same length of time before and after the "
                      "interval");
        case Surprise:
            return tr("How unlikely the interval's packets are at the key's baseline rate "
                      "(log-likelihood ratio): a key that appears from nothing scores above a "
                      "busy one that grows by as much");
        case ChangeShare:
            return tr("This key's part of the total change in packet rate across all keys");
        case RateChange:
            return tr("Packets per second in the interval minus packets per second in the "
                      "baseline");
        case New:
            return tr("Seen in the interval but not in the baseline");
        default:
            return {};
        }
    }
    return {};
}

} // namespace tideline
