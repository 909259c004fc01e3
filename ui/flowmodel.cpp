#include "flowmodel.h"

#include <QLocale>
#include <array>

namespace tideline {

namespace {

bool hasPorts(const Flow &flow)
{
    return flow.protocol == ipproto::Tcp || flow.protocol == ipproto::Udp;
}

} // namespace

FlowModel::FlowModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FlowModel::setFlows(std::shared_ptr<const Traffic> traffic, std::vector<std::uint32_t> indices,
                         std::shared_ptr<const RowRecords> records)
{
    beginResetModel();
    m_traffic = std::move(traffic);
    // Records of other flows than these cannot be shown against them.
    m_records = m_traffic && records && records->size() == m_traffic->flows().size()
                    ? std::move(records)
                    : nullptr;
    m_indices = m_traffic ? std::move(indices) : std::vector<std::uint32_t>();
    std::erase_if(m_indices, [this](std::uint32_t i) { return i >= m_traffic->flows().size(); });
    endResetModel();
}

void FlowModel::clear()
{
    setFlows(nullptr, {});
}

const Flow &FlowModel::flow(int row) const
{
    return m_traffic->flows()[m_indices[std::size_t(row)]];
}

QString FlowModel::label(int row) const
{
    return hasLabels() ? m_records->label(m_indices[std::size_t(row)]) : QString();
}

std::vector<std::pair<QString, QString>> FlowModel::record(int row) const
{
    std::vector<std::pair<QString, QString>> out;
    if (!m_records || row < 0 || row >= rowCount())
        return out;
    const QStringList values = m_records->fields(m_indices[std::size_t(row)]);
    const QStringList &names = m_records->names();
    for (qsizetype i = 0; i < names.size(); ++i)
        out.emplace_back(names[i], values.value(i));
    return out;
}

QString FlowModel::flagsText(std::uint8_t flags)
{
    static constexpr std::array<std::pair<std::uint8_t, const char *>, 8> names{{
        {tcpflag::Syn, "SYN"},
        {tcpflag::Ack, "ACK"},
        {tcpflag::Psh, "PSH"},
        {tcpflag::Fin, "FIN"},
        {tcpflag::Rst, "RST"},
        {tcpflag::Urg, "URG"},
        {0x40, "ECE"},
        {0x80, "CWR"},
    }};
    QStringList set;
    for (const auto &[bit, name] : names) {
        if (flags & bit)
            set << QLatin1String(name);
    }
    return set.join(QLatin1Char(','));
}

int FlowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_indices.size());
}

int FlowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowModel::display(const Flow &flow, int column) const
{
    const QLocale locale;
    switch (column) {
    case Client:
        return m_traffic->addressText(flow.client);
    case ClientPort:
        return hasPorts(flow) ? QString::number(flow.clientPort) : QString();
    case Server:
        return m_traffic->addressText(flow.server);
    case ServerPort:
        return hasPorts(flow) ? QString::number(flow.serverPort) : QString();
    case Protocol:
        return m_traffic->keyText(traffic::Dimension::Protocol, flow.protocol);
    case First:
        return formatIsoUtc(flow.first);
    case Last:
        return formatIsoUtc(flow.last);
    case Packets:
        return locale.toString(qulonglong(flow.packets));
    case Bytes:
        return locale.toString(qulonglong(flow.bytes));
    case Flags:
        return flow.protocol == ipproto::Tcp ? flagsText(flow.tcpFlags) : QString();
    default:
        return {};
    }
}

QVariant FlowModel::sortValue(const Flow &flow, int column) const
{
    switch (column) {
    case ClientPort:
        return hasPorts(flow) ? QVariant(flow.clientPort) : QVariant();
    case ServerPort:
        return hasPorts(flow) ? QVariant(flow.serverPort) : QVariant();
    case First:
        return flow.first;
    case Last:
        return flow.last;
    case Packets:
        return qulonglong(flow.packets);
    case Bytes:
        return qulonglong(flow.bytes);
    case Flags:
        return flow.protocol == ipproto::Tcp ? QVariant(flow.tcpFlags) : QVariant();
    default:
        return display(flow, column);
    }
}

QString FlowModel::filterText(const Flow &flow) const
{
    QStringList parts{m_traffic->addressText(flow.client), m_traffic->addressText(flow.server),
                      display(flow, Protocol).toString()};
    if (hasPorts(flow))
        parts << QString::number(flow.clientPort) << QString::number(flow.serverPort);
    return parts.join(QLatin1Char(' '));
}

QVariant FlowModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Flow &f = flow(index.row());
    if (index.column() == Label && (role == Qt::DisplayRole || role == SortRole))
        return label(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(f, index.column());
    case SortRole:
        return sortValue(f, index.column());
    case FilterRole:
        return hasLabels() ? filterText(f) + QLatin1Char(' ') + label(index.row()) : filterText(f);
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case ClientPort:
        case ServerPort:
        case Packets:
        case Bytes:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant FlowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Client:
            return tr("Client");
        case ClientPort:
            return tr("Client port");
        case Server:
            return tr("Server");
        case ServerPort:
            return tr("Server port");
        case Protocol:
            return tr("Protocol");
        case First:
            return tr("First");
        case Last:
            return tr("Last");
        case Packets:
            return tr("Packets");
        case Bytes:
            return tr("Bytes");
        case Flags:
            return tr("TCP flags");
        case Label:
            return tr("Label");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Client:
            return tr("Address that sent the flow's first packet");
        case Server:
            return tr("The other end of the flow");
        case First:
            return tr("Time of the flow's first packet (UTC)");
        case Last:
            return tr("Time of the flow's last packet (UTC)");
        case Packets:
            return tr("Packets in both directions over the whole flow");
        case Bytes:
            return tr("Bytes on the wire in both directions over the whole flow");
        case Flags:
            return tr("Every TCP flag seen in the flow");
        case Label:
            return tr("The label the table gives the flow's row");
        default:
            return {};
        }
    }
    return {};
}

} // namespace tideline
