#include "anomalymodel.h"

#include "investigation/anomalykind.h"

#include <QFont>
#include <QLocale>

namespace tideline {

namespace {

// Kinds the Truth column names before it counts the rest.
constexpr qsizetype kTruthKindsShown = 3;

QVariant optionalValue(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

AnomalyModel::AnomalyModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AnomalyModel::setInvestigation(Investigation *investigation)
{
    beginResetModel();
    m_investigation = investigation;
    endResetModel();
}

void AnomalyModel::refresh()
{
    beginResetModel();
    endResetModel();
}

void AnomalyModel::refreshDescriptions()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const std::vector<InvestigationRow> &AnomalyModel::rows() const
{
    static const std::vector<InvestigationRow> none;
    return m_investigation ? m_investigation->rows() : none;
}

const Anomaly &AnomalyModel::anomaly(int row) const
{
    return rows()[std::size_t(row)].anomaly;
}

std::vector<Anomaly> AnomalyModel::markedAnomalies() const
{
    return m_investigation ? m_investigation->markedAnomalies() : std::vector<Anomaly>();
}

void AnomalyModel::markAll(bool marked)
{
    for (int row = 0; row < rowCount(); ++row)
        setData(index(row, Marked), marked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

void AnomalyModel::setTimeAxis(bool hasTimeAxis)
{
    if (hasTimeAxis == m_hasTimeAxis)
        return;
    m_hasTimeAxis = hasTimeAxis;
    if (!rows().empty())
        emit dataChanged(index(0, Start), index(rowCount() - 1, Duration), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, Start, Duration);
}

void AnomalyModel::setTruth(std::optional<std::vector<TruthInterval>> truth)
{
    m_truth = std::move(truth);
    if (!rows().empty())
        emit dataChanged(index(0, Truth), index(rowCount() - 1, Truth));
}

QString AnomalyModel::truthText(const InvestigationRow &row) const
{
    if (!m_truth)
        return {};
    QStringList kinds;
    for (std::size_t i : overlappingTruth(*m_truth, row.anomaly.start, row.anomaly.end)) {
        if (!kinds.contains(m_truth->at(i).kind))
            kinds << m_truth->at(i).kind;
    }
    if (kinds.size() <= kTruthKindsShown)
        return kinds.join(QStringLiteral(", "));
    const qsizetype more = kinds.size() - kTruthKindsShown;
    kinds.resize(kTruthKindsShown);
    return tr("%1 +%n more", nullptr, int(more)).arg(kinds.join(QStringLiteral(", ")));
}

QString AnomalyModel::truthToolTip(const InvestigationRow &row) const
{
    if (!m_truth)
        return {};
    const std::vector<std::size_t> overlapping =
        overlappingTruth(*m_truth, row.anomaly.start, row.anomaly.end);
    if (overlapping.empty())
        return tr("No known anomaly overlaps this interval");
    QStringList lines;
    for (std::size_t i : overlapping) {
        const TruthInterval &t = m_truth->at(i);
        lines << tr("%1 (%2 – %3)%4")
                     .arg(t.kind, timeText(t.start), timeText(t.end),
                          t.description.isEmpty() ? QString()
                                                  : QStringLiteral(": ") + t.description);
    }
    return lines.join(u'\n');
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows().size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnomalyModel::timeText(TimeNs time) const
{
    return m_hasTimeAxis ? formatIsoUtc(time) : QString::number(time);
}

QVariant AnomalyModel::display(const InvestigationRow &row, int column) const
{
    const Anomaly &anomaly = row.anomaly;
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
        return row.describing ? tr("…") : kindTextForId(anomaly.kind);
    case Truth:
        return truthText(row);
    case Summary:
        return row.describing ? tr("Describing…") : anomaly.shownSummary();
    case Detector:
        return row.origin == InvestigationRow::Origin::Detached
                   ? tr("%1 (detached)").arg(anomaly.detector)
                   : anomaly.detector;
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

QVariant AnomalyModel::sortValue(const InvestigationRow &row, int column) const
{
    const Anomaly &anomaly = row.anomaly;
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
        return display(row, column);
    }
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InvestigationRow &row = rows()[std::size_t(index.row())];
    const Anomaly &anomaly = row.anomaly;
    const int column = index.column();
    const bool detached = row.origin == InvestigationRow::Origin::Detached;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::EditRole:
        return column == Label || column == Note ? display(row, column) : QVariant();
    case Qt::FontRole:
        if (detached) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::CheckStateRole:
        return column == Marked ? QVariant(anomaly.marked ? Qt::Checked : Qt::Unchecked)
                                : QVariant();
    case SortRole:
        return sortValue(row, column);
    case Qt::ToolTipRole:
        if (column == Summary && !anomaly.evidence.isEmpty())
            return tr("%1\nEvidence: %2")
                .arg(anomaly.shownSummary(), anomaly.evidence.join(QStringLiteral("; ")));
        if (column == Truth)
            return truthToolTip(row);
        if (column == Note || column == Label || column == Summary)
            return display(row, column);
        if (detached)
            return tr("Detached: no interval of the current run overlaps what you said about this "
                      "one. It is kept, and finds its interval again when one overlaps it.");
        return {};
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
        case Truth:
            return tr("Truth");
        case Summary:
            return tr("Summary");
        case Detector:
            return tr("Found by");
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
        case Truth:
            return tr("The known anomalies this interval overlaps, by kind: from a truth file "
                      "(Detect ▸ Load Truth…, or FILE.truth.csv beside the file) or the file's "
                      "label column; empty when it overlaps none");
        case Summary:
            return tr("One line saying what happened, who did it and how much");
        case Detector:
            return tr("The detector that flagged the interval, or \"manual\" for a range you "
                      "marked yourself");
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
    if (!m_investigation ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    QList<int> roles;
    bool changed = false;
    if (index.column() == Marked && role == Qt::CheckStateRole) {
        changed = m_investigation->setMarked(row, value.toInt() == Qt::Checked);
        roles = {Qt::CheckStateRole, SortRole};
    } else if (index.column() == Label && role == Qt::EditRole) {
        changed = m_investigation->setLabel(row, value.toString().trimmed());
        roles = {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, SortRole};
    } else if (index.column() == Note && role == Qt::EditRole) {
        changed = m_investigation->setNote(row, value.toString());
        roles = {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, SortRole};
    } else {
        return false;
    }
    if (changed) {
        emit dataChanged(index, index, roles);
        emit anomalyEdited(row);
    }
    return true;
}

} // namespace tideline
