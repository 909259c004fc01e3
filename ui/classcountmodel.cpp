#include "classcountmodel.h"

#include <QLocale>

namespace tideline {

ClassCountModel::ClassCountModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ClassCountModel::setClasses(const TrainingClasses &classes)
{
    beginResetModel();
    m_classes = classes;
    endResetModel();
}

int ClassCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_classes.counts.size());
}

int ClassCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = std::size_t(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Class ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Class)
        return m_classes.classes.attack[row] ? tr("An attack class") : tr("A normal class");
    if (role != Qt::DisplayRole)
        return {};
    const qint64 rows = m_classes.counts[row];
    switch (index.column()) {
    case Class:
        return m_classes.classes.names[qsizetype(row)];
    case Rows:
        return QLocale().toString(rows);
    case Share:
        return QLocale().toString(m_classes.rows > 0 ? 100.0 * double(rows) / double(m_classes.rows)
                                                     : 0.0,
                                  'f', 1) +
               QStringLiteral(" %");
    default:
        return {};
    }
}

QVariant ClassCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Class:
        return tr("Class");
    case Rows:
        return tr("Training rows");
    case Share:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace tideline
