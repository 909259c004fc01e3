#pragma once

#include "detect/featurecontribution.h"
#include "input/inputloader.h"
#include "investigation/intervaldescriber.h"
#include "series/intervalcomparison.h"

#include <QModelIndex>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace tideline {

class ComparisonModel;
class FeatureContributionModel;
class FlowModel;
class JobRunner;
class RecordModel;
struct DetectionResult;
struct IntervalDetails;

// What was inside an interval: a summary line, then tabs for what changed against the
// traffic around it, the flows in it, and the features that pushed its score up. The tabs are
// worked out in the background; showing another interval supersedes the one in progress.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    // Tables show this many keys per dimension, flows are capped at kMaxFlows (the largest).
    static constexpr int kComparisonRows = 50;
    static constexpr std::size_t kMaxFlows = 100'000; // and table rows
    static constexpr int kFlowsTab = 1;               // titled Rows for a table without times

    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    // Rows [firstRow, lastRow] of input->series; `result` (may be null) gives scores and the
    // model whose features are explained. The result must be for this series; what the
    // background work needs of it is copied here. `exclude`: the other flagged intervals and
    // marked ranges, which the baseline leaves out.
    void showInterval(std::shared_ptr<const LoadedInput> input, const DetectionResult *result,
                      qsizetype firstRow, qsizetype lastRow,
                      const std::vector<TimeRange> &exclude = {});
    void clear();

signals:
    // Every tab shows the interval last asked for.
    void intervalShown();

private:
    QWidget *createChangesTab();
    QWidget *createFlowsTab();
    QWidget *createFeaturesTab();
    void showHeader(const DetectionResult *result, qsizetype firstRow, qsizetype lastRow,
                    TimeNs from, TimeNs to);
    void showExplanation(const Explanation &explanation);
    void showDetails(IntervalDetails details);
    void showChanges(IntervalComparison comparison);
    void showDimension();
    void showFlows(std::vector<std::uint32_t> indices, std::size_t total);
    // For a table without times: its rows [firstRow, lastRow] as the file wrote them, in the
    // Flows tab, then called Rows.
    void showRows(qsizetype firstRow, qsizetype lastRow);
    // The record behind the flow at `current` (an index of the flows' proxy), or none.
    void showRecord(const QModelIndex &current);
    void showFeatures(const FeatureContributions &contributions);
    void showWorking();
    void showMessage(QStackedWidget *stack, const QString &text);

    std::shared_ptr<const LoadedInput> m_input;
    QString m_headerText; // the interval's times, counts and scores, as HTML
    IntervalComparison m_comparison;
    JobRunner *m_job = nullptr;
    QTimer *m_workingTimer = nullptr; // says "working" only when the work takes a while
    bool m_drillingDown = false;      // the job in progress fills the changes and flows tabs
    bool m_explaining = false;        // and the features tab

    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;

    QStackedWidget *m_changesStack = nullptr;
    QComboBox *m_dimensionBox = nullptr;
    QLabel *m_baselineLabel = nullptr;
    ComparisonModel *m_comparisonModel = nullptr;
    QTableView *m_comparisonView = nullptr;

    QStackedWidget *m_flowsStack = nullptr;
    QLineEdit *m_flowFilter = nullptr;
    QTimer *m_filterTimer = nullptr;
    QLabel *m_flowNote = nullptr;
    FlowModel *m_flowModel = nullptr;
    QSortFilterProxyModel *m_flowProxy = nullptr;
    QTableView *m_flowView = nullptr;
    QTableWidget *m_recordView = nullptr;
    RecordModel *m_rowModel = nullptr;
    QTableView *m_rowView = nullptr;

    QStackedWidget *m_featuresStack = nullptr;
    FeatureContributionModel *m_featureModel = nullptr;
    QTableView *m_featureView = nullptr;
};

} // namespace tideline
