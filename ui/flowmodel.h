#pragma once

#include "series/traffic.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace tideline {

// The flows of an interval as a table (one row per bidirectional flow), for the inspector.
// Holds the Traffic it indexes into, so rows stay valid while a newer capture loads.
class FlowModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns {
        Client,
        ClientPort,
        Server,
        ServerPort,
        Protocol,
        First,
        Last,
        Packets,
        Bytes,
        Flags,
        ColumnCount
    };
    // Raw values for sorting through a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole;
    // On every column: "client port server port protocol", for a proxy's text filter.
    static constexpr int FilterRole = Qt::UserRole + 1;

    explicit FlowModel(QObject *parent = nullptr);

    // `indices` index traffic->flows(), e.g. from Traffic::flowsBetween().
    void setFlows(std::shared_ptr<const Traffic> traffic, std::vector<std::uint32_t> indices);
    void clear();
    const Flow &flow(int row) const;

    // "SYN,ACK,FIN": the TCP flags set in `flags`, in handshake order.
    static QString flagsText(std::uint8_t flags);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Flow &flow, int column) const;
    QVariant sortValue(const Flow &flow, int column) const;
    QString filterText(const Flow &flow) const;

    std::shared_ptr<const Traffic> m_traffic;
    std::vector<std::uint32_t> m_indices;
};

} // namespace tideline
