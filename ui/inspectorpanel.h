#pragma once

#include "input/inputloader.h"
#include "series/intervalcomparison.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace tideline {

class ComparisonModel;
class FeatureContributionModel;
class FlowModel;
struct DetectionResult;

// What was inside an interval: a summary line, then tabs for what changed against the
// traffic around it, the flows in it, and the features that pushed its score up.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    // Tables show this many keys per dimension, flows are capped at kMaxFlows (the largest).
    static constexpr int kComparisonRows = 50;
    static constexpr std::size_t kMaxFlows = 100'000;

    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    // Rows [firstRow, lastRow] of input->series; `result` (may be null) gives scores and the
    // model whose features are explained. The result must be for this series. `exclude`: the
    // other flagged intervals and marked ranges, which the baseline leaves out.
    void showInterval(std::shared_ptr<const LoadedInput> input, const DetectionResult *result,
                      qsizetype firstRow, qsizetype lastRow,
                      const std::vector<TimeRange> &exclude = {});
    void clear();

private:
    QWidget *createChangesTab();
    QWidget *createFlowsTab();
    QWidget *createFeaturesTab();
    void showHeader(const DetectionResult *result, qsizetype firstRow, qsizetype lastRow,
                    TimeNs from, TimeNs to, const std::vector<TimeRange> &exclude);
    void showChanges(TimeNs from, TimeNs to, const std::vector<TimeRange> &exclude);
    void showDimension();
    void showFlows(TimeNs from, TimeNs to);
    void showFeatures(const DetectionResult *result, qsizetype firstRow, qsizetype lastRow);
    void showMessage(QStackedWidget *stack, const QString &text);

    std::shared_ptr<const LoadedInput> m_input;
    IntervalComparison m_comparison;

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

    QStackedWidget *m_featuresStack = nullptr;
    FeatureContributionModel *m_featureModel = nullptr;
    QTableView *m_featureView = nullptr;
};

} // namespace tideline
