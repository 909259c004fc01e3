#pragma once

#include "records/rowrecords.h"
#include "series/traffic.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

namespace tideline {

// The flows of an interval as a table (one row per bidirectional flow), for the inspector.
// Holds the Traffic it indexes into, so rows stay valid while a newer capture loads; for a
// flow table, also the rows behind the flows: their labels, and each whole record.
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
        Label, // a flow table's ground truth for the row; empty for captures
        ColumnCount
    };
    // Raw values for sorting through a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole;
    // On every column: "client port server port protocol", for a proxy's text filter.
    static constexpr int FilterRole = Qt::UserRole + 1;

    explicit FlowModel(QObject *parent = nullptr);

    // `indices` index traffic->flows(), e.g. from Traffic::flowsBetween(); `records`, when
    // given, holds the row behind each of traffic->flows().
    void setFlows(std::shared_ptr<const Traffic> traffic, std::vector<std::uint32_t> indices,
                  std::shared_ptr<const RowRecords> records = nullptr);
    void clear();
    const Flow &flow(int row) const;
    bool hasRecords() const { return m_records != nullptr; }
    bool hasLabels() const { return m_records && m_records->hasLabel(); }
    // The table row behind `row` as (column name, value) pairs; empty without records.
    std::vector<std::pair<QString, QString>> record(int row) const;

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

    QString label(int row) const;

    std::shared_ptr<const Traffic> m_traffic;
    std::shared_ptr<const RowRecords> m_records;
    std::vector<std::uint32_t> m_indices;
};

} // namespace tideline
