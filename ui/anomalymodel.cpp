#include "anomalymodel.h"

#include "investigation/anomalykind.h"

#include <QLocale>

namespace tideline {

namespace {

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

AnomalyModel::AnomalyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AnomalyModel::setAnomalies(std::vector<Anomaly> anomalies)
{
    beginResetModel();
    m_anomalies = std::move(anomalies);
    endResetModel();
}

std::vector<Anomaly> AnomalyModel::markedAnomalies() const
{
    std::vector<Anomaly> marked;
    for (const Anomaly &anomaly : m_anomalies) {
        if (anomaly.marked)
            marked.push_back(anomaly);
    }
    return marked;
}

void AnomalyModel::markAll(bool marked)
{
    for (std::size_t row = 0; row < m_anomalies.size(); ++row) {
        if (m_anomalies[row].marked == marked)
            continue;
        m_anomalies[row].marked = marked;
        const QModelIndex cell = index(int(row), Marked);
        emit dataChanged(cell, cell, {Qt::CheckStateRole, SortRole});
        emit anomalyEdited(int(row));
    }
}

void AnomalyModel::setTimeAxis(bool hasTimeAxis)
{
    if (hasTimeAxis == m_hasTimeAxis)
        return;
    m_hasTimeAxis = hasTimeAxis;
    if (!m_anomalies.empty())
        emit dataChanged(index(0, Start), index(rowCount() - 1, Duration), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, Start, Duration);
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_anomalies.size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnomalyModel::timeText(TimeNs time) const
{
    return m_hasTimeAxis ? formatIsoUtc(time) : QString::number(time);
}

QVariant AnomalyModel::display(const Anomaly &anomaly, int column) const
{
    const QLocale locale;
    switch (column) {
    case Start:
        return timeText(anomaly.start);
    case End:
        return timeText(anomaly.end);
    case Duration:
        return m_hasTimeAxis
                   ? tr("%1 s").arg(locale.toString(anomaly.durationSeconds(), 'f', 3))
                   : tr("%n row(s)", nullptr, int(timeBetween(anomaly.start, anomaly.end)));
    case PeakScore:
        return locale.toString(anomaly.peakScore, 'g', 4);
    case Kind:
        return kindTextForId(anomaly.kind);
    case Summary:
        return anomaly.shownSummary();
    case Packets:
        return anomaly.packets ? locale.toString(*anomaly.packets) : QString();
    case Bytes:
        return anomaly.bytes ? locale.toString(*anomaly.bytes) : QString();
    case TopSource:
        return anomaly.topSource;
    case TopDestination:
        return anomaly.topDestination;
    case TopDestinationPort:
        return anomaly.topDestinationPort ? QString::number(*anomaly.topDestinationPort)
                                          : QString();
    case Label:
        return anomaly.label;
    case Note:
        return anomaly.note;
    default:
        return {};
    }
}

QVariant AnomalyModel::sortValue(const Anomaly &anomaly, int column) const
{
    switch (column) {
    case Marked:
        return int(anomaly.marked);
    case Start:
        return anomaly.start;
    case End:
        return anomaly.end;
    case Duration:
        return timeBetween(anomaly.start, anomaly.end);
    case PeakScore:
        return anomaly.peakScore;
    case Packets:
        return optionalValue(anomaly.packets);
    case Bytes:
        return optionalValue(anomaly.bytes);
    case TopDestinationPort:
        return anomaly.topDestinationPort ? QVariant(*anomaly.topDestinationPort) : QVariant();
    default:
        return display(anomaly, column);
    }
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Anomaly &anomaly = m_anomalies[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(anomaly, column);
    case Qt::EditRole:
        return column == Label || column == Note ? display(anomaly, column) : QVariant();
    case Qt::CheckStateRole:
        return column == Marked ? QVariant(anomaly.marked ? Qt::Checked : Qt::Unchecked)
                                : QVariant();
    case SortRole:
        return sortValue(anomaly, column);
    case Qt::ToolTipRole:
        if (column == Summary && !anomaly.evidence.isEmpty())
            return tr("%1\nEvidence: %2")
                .arg(anomaly.shownSummary(), anomaly.evidence.join(QStringLiteral("; ")));
        return column == Note || column == Label || column == Summary ? display(anomaly, column)
                                                                      : QVariant();
    case Qt::TextAlignmentRole:
        switch (column) {
        case Duration:
        case PeakScore:
        case Packets:
        case Bytes:
        case TopDestinationPort:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool time = m_hasTimeAxis;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Marked:
            return tr("Export");
        case Start:
            return time ? tr("Start") : tr("First row");
        case End:
            return time ? tr("End") : tr("End row");
        case Duration:
            return time ? tr("Duration") : tr("Rows");
        case PeakScore:
            return tr("Peak score");
        case Kind:
            return tr("Kind");
        case Summary:
            return tr("Summary");
        case Packets:
            return tr("Packets");
        case Bytes:
            return tr("Bytes");
        case TopSource:
            return tr("Top source");
        case TopDestination:
            return tr("Top destination");
        case TopDestinationPort:
            return tr("Top dst port");
        case Label:
            return tr("Label");
        case Note:
            return tr("Note");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Marked:
            return tr("Checked anomalies are written by File ▸ Export marked anomalies");
        case Start:
            return time ? tr("Start of the interval (UTC)") : tr("First row of the interval");
        case End:
            return time ? tr("End of the interval (UTC), exclusive")
                        : tr("Row after the interval's last row");
        case Duration:
            return time ? tr("Length of the interval in seconds")
                        : tr("Number of rows in the interval");
        case PeakScore:
            return tr("Highest anomaly score in the interval");
        case Kind:
            return tr("What the interval was, by plain rules: port scan, host sweep, SYN flood, "
                      "UDP flood, amplification, new talker, volume spike or drop, no data");
        case Summary:
            return tr("One line saying what happened, who did it and how much");
        case Packets:
            return tr("Packets in the interval");
        case Bytes:
            return tr("Bytes in the interval");
        case TopSource:
            return tr("The sender whose traffic changed most against the baseline (a host that "
                      "only answers is no sender)");
        case TopDestination:
            return tr("The receiver whose traffic changed most against the baseline");
        case TopDestinationPort:
            return tr("The service port whose traffic changed most against the baseline (a "
                      "reply's destination port is no service)");
        case Label:
            return tr("Your verdict: attack, false positive, benign… (double-click to edit)");
        case Note:
            return tr("Free text for your notes (double-click to edit)");
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags AnomalyModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    if (index.column() == Marked)
        flags |= Qt::ItemIsUserCheckable;
    if (index.column() == Label || index.column() == Note)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool AnomalyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Anomaly &anomaly = m_anomalies[std::size_t(index.row())];
    QList<int> roles;
    if (index.column() == Marked && role == Qt::CheckStateRole) {
        const bool marked = value.toInt() == Qt::Checked;
        if (marked == anomaly.marked)
            return true;
        anomaly.marked = marked;
        roles = {Qt::CheckStateRole, SortRole};
    } else if ((index.column() == Label || index.column() == Note) && role == Qt::EditRole) {
        QString &field = index.column() == Label ? anomaly.label : anomaly.note;
        const QString text =
            index.column() == Label ? value.toString().trimmed() : value.toString();
        if (text == field)
            return true;
        field = text;
        roles = {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, SortRole};
    } else {
        return false;
    }
    emit dataChanged(index, index, roles);
    emit anomalyEdited(index.row());
    return true;
}

} // namespace tideline
