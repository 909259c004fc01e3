#pragma once

#include "investigation/anomaly.h"

#include <QAbstractTableModel>
#include <vector>

namespace tideline {

// The anomaly table: one row per anomalous interval, with the analyst's mark, label and note
// editable in place. The anomalies it holds are what File ▸ Export writes.
class AnomalyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns {
        Marked,
        Start,
        End,
        Duration,
        PeakScore,
        Kind,
        Summary,
        Packets,
        Bytes,
        TopSource,
        TopDestination,
        TopDestinationPort,
        Label,
        Note,
        ColumnCount
    };
    // Raw values (times, numbers) for sorting through a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole;

    explicit AnomalyModel(QObject *parent = nullptr);

    void setAnomalies(std::vector<Anomaly> anomalies);
    const std::vector<Anomaly> &anomalies() const { return m_anomalies; }
    std::vector<Anomaly> markedAnomalies() const;
    void markAll(bool marked);

    // False for inputs without a time column: start and end are row numbers.
    void setTimeAxis(bool hasTimeAxis);
    bool hasTimeAxis() const { return m_hasTimeAxis; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    // The analyst changed the mark, label or note of `row` (to be saved).
    void anomalyEdited(int row);

private:
    QVariant display(const Anomaly &anomaly, int column) const;
    QVariant sortValue(const Anomaly &anomaly, int column) const;
    QString timeText(TimeNs time) const;

    std::vector<Anomaly> m_anomalies;
    bool m_hasTimeAxis = true;
};

} // namespace tideline
