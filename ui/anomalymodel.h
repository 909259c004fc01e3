#pragma once

#include "evaluate/truth.h"
#include "investigation/investigation.h"

#include <QAbstractTableModel>
#include <vector>

namespace tideline {

// The anomaly table: a view over an Investigation's rows, one per anomalous interval, with the
// analyst's mark, label and note editable in place (the edits go to the Investigation). The
// marked rows are what File ▸ Export writes.
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
        Truth,
        Summary,
        Detector,
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

    // The investigation shown (not owned); refresh() after its rows were rebuilt.
    void setInvestigation(Investigation *investigation);
    void refresh();
    // Rows that were being described got their kind, actors and summary.
    void refreshDescriptions();
    const Anomaly &anomaly(int row) const;
    std::vector<Anomaly> markedAnomalies() const;
    void markAll(bool marked);

    // The known anomalies the Truth column matches rows against (a truth file, the input's
    // label column); nullopt: none known, the column stays empty.
    void setTruth(std::optional<std::vector<TruthInterval>> truth);
    bool hasTruth() const { return m_truth.has_value(); }

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
    QVariant display(const InvestigationRow &row, int column) const;
    QVariant sortValue(const InvestigationRow &row, int column) const;
    QString timeText(TimeNs time) const;
    // The kinds of the truth intervals `row` overlaps, and their descriptions for the tooltip.
    QString truthText(const InvestigationRow &row) const;
    QString truthToolTip(const InvestigationRow &row) const;
    const std::vector<InvestigationRow> &rows() const;

    Investigation *m_investigation = nullptr;
    bool m_hasTimeAxis = true;
    std::optional<std::vector<TruthInterval>> m_truth;
};

} // namespace tideline
