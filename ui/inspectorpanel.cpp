#include "inspectorpanel.h"

#include "comparisonmodel.h"
#include "featurecontributionmodel.h"
#include "flowmodel.h"
#include "jobrunner.h"
#include "recordmodel.h"
#include "threshold/detectionrun.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

constexpr int kFilterDelayMs = 300;
// Work quicker than this shows no "working" message, so clicking through intervals does not
// flicker.
constexpr int kWorkingDelayMs = 150;

// A stack whose first page is a message (shown when the tab has nothing to show) and whose
// second page is `content`.
QStackedWidget *messageStack(QWidget *content, const QString &name)
{
    auto *stack = new QStackedWidget;
    stack->setObjectName(name);
    auto *message = new QLabel;
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    message->setMargin(12);
    stack->addWidget(message);
    stack->addWidget(content);
    return stack;
}

QTableView *sortedTable(QAbstractItemModel *model, int sortRole, int sortColumn,
                        QSortFilterProxyModel **proxyOut = nullptr)
{
    auto *proxy = new QSortFilterProxyModel(model);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto *view = new QTableView;
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(sortColumn, Qt::DescendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    if (proxyOut)
        *proxyOut = proxy;
    return view;
}

// Sum of a series column over rows, for inputs without per-packet data; nullopt when absent.
std::optional<double> columnSum(const Series &series, const QString &name, qsizetype first,
                                qsizetype last)
{
    const int column = series.featureIndex(name);
    if (column < 0)
        return std::nullopt;
    double sum = 0.0;
    for (qsizetype r = first; r <= last; ++r) {
        const double x = series.values(r, column);
        if (std::isfinite(x))
            sum += x;
    }
    return sum;
}

// What the model explains an interval with, copied from the run so the background work does
// not read a result the window may replace meanwhile.
struct ModelCopy
{
    FeaturePipeline pipeline;
    std::vector<bool> training;
};

} // namespace

// What the background work finds in an interval.
struct IntervalDetails
{
    std::optional<Explanation> explanation;       // of captures only, as are
    std::optional<IntervalComparison> comparison; // the comparison and
    std::vector<std::uint32_t> flows;             // the largest kMaxFlows
    std::size_t totalFlows = 0;
    std::optional<FeatureContributions> contributions; // when a model is there to explain
};

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_job(new JobRunner(this))
    , m_workingTimer(new QTimer(this))
{
    m_workingTimer->setSingleShot(true);
    m_workingTimer->setInterval(kWorkingDelayMs);
    connect(m_workingTimer, &QTimer::timeout, this, &InspectorPanel::showWorking);
    m_header = new QLabel;
    m_header->setObjectName(QStringLiteral("header"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs = new QTabWidget;
    m_tabs->addTab(createChangesTab(), tr("What changed"));
    m_tabs->addTab(createFlowsTab(), tr("Flows")); // kFlowsTab
    m_tabs->addTab(createFeaturesTab(), tr("Features"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    clear();
}

InspectorPanel::~InspectorPanel() = default;

QWidget *InspectorPanel::createChangesTab()
{
    m_dimensionBox = new QComboBox;
    m_dimensionBox->setObjectName(QStringLiteral("dimensionSelector"));
    m_dimensionBox->addItem(tr("Sources"), int(ComparisonDimension::Source));
    m_dimensionBox->addItem(tr("Source networks (/24, /48)"),
                            int(ComparisonDimension::SourceNetwork));
    m_dimensionBox->addItem(tr("Destinations"), int(ComparisonDimension::Destination));
    m_dimensionBox->addItem(tr("Destination ports"), int(ComparisonDimension::DestinationPort));
    m_dimensionBox->addItem(tr("Protocols"), int(ComparisonDimension::Protocol));
    m_dimensionBox->addItem(tr("Senders (who opened the flows)"), int(ComparisonDimension::Sender));
    m_dimensionBox->addItem(tr("Receivers (whom the senders reached)"),
                            int(ComparisonDimension::Receiver));
    m_dimensionBox->addItem(tr("Services (the ports the senders used)"),
                            int(ComparisonDimension::Service));
    connect(m_dimensionBox, &QComboBox::currentIndexChanged, this, &InspectorPanel::showDimension);

    m_baselineLabel = new QLabel;
    m_baselineLabel->setWordWrap(true);
    m_comparisonModel = new ComparisonModel(this);
    m_comparisonView =
        sortedTable(m_comparisonModel, ComparisonModel::SortRole, ComparisonModel::Surprise);
    m_comparisonView->setObjectName(QStringLiteral("comparisonView"));

    auto *content = new QWidget;
    auto *selector = new QHBoxLayout;
    selector->addWidget(new QLabel(tr("Break down by:")));
    selector->addWidget(m_dimensionBox, 1);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(selector);
    layout->addWidget(m_baselineLabel);
    layout->addWidget(m_comparisonView, 1);
    m_changesStack = messageStack(content, QStringLiteral("changesStack"));
    return m_changesStack;
}

QWidget *InspectorPanel::createFlowsTab()
{
    m_flowFilter = new QLineEdit;
    m_flowFilter->setObjectName(QStringLiteral("flowFilter"));
    m_flowFilter->setPlaceholderText(tr("Filter by address, port or protocol"));
    m_flowFilter->setClearButtonEnabled(true);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDelayMs);
    connect(m_flowFilter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this,
            [this] { m_flowProxy->setFilterFixedString(m_flowFilter->text().trimmed()); });

    m_flowNote = new QLabel;
    m_flowNote->setWordWrap(true);
    m_flowModel = new FlowModel(this);
    m_flowView = sortedTable(m_flowModel, FlowModel::SortRole, FlowModel::Packets, &m_flowProxy);
    m_flowView->setObjectName(QStringLiteral("flowView"));
    m_flowProxy->setFilterRole(FlowModel::FilterRole);
    m_flowProxy->setFilterKeyColumn(0);
    m_flowProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    // A flow table's row behind the current flow, field by field: all a record says, its
    // label included, without opening the file.
    m_recordView = new QTableWidget(0, 2);
    m_recordView->setObjectName(QStringLiteral("recordView"));
    m_recordView->setHorizontalHeaderLabels({tr("Column"), tr("Value")});
    m_recordView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recordView->setAlternatingRowColors(true);
    m_recordView->verticalHeader()->hide();
    m_recordView->horizontalHeader()->setStretchLastSection(true);
    m_recordView->hide();
    connect(m_flowView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRecord(current); });

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_flowView);
    splitter->addWidget(m_recordView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_flowFilter);
    layout->addWidget(m_flowNote);
    layout->addWidget(splitter, 1);
    m_flowsStack = messageStack(content, QStringLiteral("flowsStack"));
    // A table without times has no flows, but its rows: an interval of it is rows of the file.
    m_rowModel = new RecordModel(this);
    m_rowView = sortedTable(m_rowModel, RecordModel::SortRole, -1);
    m_rowView->setObjectName(QStringLiteral("rowView"));
    m_rowView->verticalHeader()->show();
    m_rowView->horizontalHeader()->setStretchLastSection(false);
    m_flowsStack->addWidget(m_rowView);
    return m_flowsStack;
}

QWidget *InspectorPanel::createFeaturesTab()
{
    m_featureModel = new FeatureContributionModel(this);
    m_featureView = sortedTable(m_featureModel, FeatureContributionModel::SortRole,
                                FeatureContributionModel::Z);
    m_featureView->setObjectName(QStringLiteral("featureView"));
    m_featuresStack = messageStack(m_featureView, QStringLiteral("featuresStack"));
    return m_featuresStack;
}

void InspectorPanel::showMessage(QStackedWidget *stack, const QString &text)
{
    static_cast<QLabel *>(stack->widget(0))->setText(text);
    stack->setCurrentIndex(0);
}

void InspectorPanel::clear()
{
    m_job->cancel();
    m_workingTimer->stop();
    m_drillingDown = m_explaining = false;
    m_input.reset();
    m_comparison = {};
    m_header->setText(tr("Select an anomaly or an interval on the chart to inspect it."));
    m_comparisonModel->setRows({}, tr("Key"));
    m_flowModel->clear();
    showRecord({});
    m_rowModel->clear();
    m_tabs->setTabText(kFlowsTab, tr("Flows"));
    m_featureModel->setContributions({});
    const QString nothing = tr("Nothing selected.");
    showMessage(m_changesStack, nothing);
    showMessage(m_flowsStack, nothing);
    showMessage(m_featuresStack, nothing);
}

void InspectorPanel::showInterval(std::shared_ptr<const LoadedInput> input,
                                  const DetectionResult *result, qsizetype firstRow,
                                  qsizetype lastRow, const std::vector<TimeRange> &exclude)
{
    if (!input || firstRow < 0 || lastRow < firstRow || lastRow >= input->series.rowCount()) {
        clear();
        emit intervalShown();
        return;
    }
    m_input = std::move(input);
    const Series &series = m_input->series;
    if (result && result->scores.size() != series.rowCount())
        result = nullptr; // scores of another bin width: nothing here to explain
    const TimeNs from = series.starts[std::size_t(firstRow)];
    const TimeNs to = rowEnd(series, lastRow);
    showHeader(result, firstRow, lastRow, from, to);

    m_drillingDown = m_input->traffic && series.axis == Series::Axis::Time;
    if (!m_drillingDown) {
        m_comparison = {};
        m_comparisonModel->setRows({}, tr("Key"));
        m_flowModel->clear();
        const QString needsCapture =
            tr("This needs a packet capture: a table has no per-packet breakdown.");
        showMessage(m_changesStack, needsCapture);
        showMessage(m_flowsStack, needsCapture);
        showRows(firstRow, lastRow);
    } else {
        m_rowModel->clear();
        m_tabs->setTabText(kFlowsTab, tr("Flows"));
    }
    std::shared_ptr<const ModelCopy> model;
    if (result && result->status.ok())
        model =
            std::make_shared<const ModelCopy>(ModelCopy{result->model.pipeline, result->training});
    m_explaining = model != nullptr;
    if (!m_explaining) {
        m_featureModel->setContributions({});
        showMessage(m_featuresStack,
                    tr("Train a detector to see which features pushed the score up."));
    }
    if (!m_drillingDown && !m_explaining) {
        m_job->cancel();
        m_workingTimer->stop();
        emit intervalShown();
        return;
    }

    m_workingTimer->start();
    m_job->start<std::shared_ptr<IntervalDetails>>(
        [input = m_input, drillDown = m_drillingDown, model, from, to, firstRow, lastRow,
         exclude](const ProgressCallback &) {
            auto details = std::make_shared<IntervalDetails>();
            if (drillDown) {
                // The same baseline as the anomaly's kind and summary.
                const IntervalDescriber describer(*input->traffic, input->series.binWidth);
                details->explanation = describer.explain(from, to, exclude);
                ComparisonOptions options = describer.comparisonOptions(from, to, exclude);
                options.limit = std::size_t(kComparisonRows);
                details->comparison = compareInterval(*input->traffic, from, to, options);
                const Traffic &traffic = *input->traffic;
                details->flows = traffic.flowsBetween(from, to);
                details->totalFlows = details->flows.size();
                if (details->totalFlows > kMaxFlows) {
                    const auto larger = [&](std::uint32_t a, std::uint32_t b) {
                        return traffic.flows()[a].packets > traffic.flows()[b].packets;
                    };
                    std::nth_element(details->flows.begin(), details->flows.begin() + kMaxFlows,
                                     details->flows.end(), larger);
                    details->flows.resize(kMaxFlows);
                }
            }
            if (model)
                details->contributions = featureContributions(model->pipeline, input->series,
                                                              model->training, firstRow, lastRow);
            return details;
        },
        [this](std::shared_ptr<IntervalDetails> details) { showDetails(std::move(*details)); });
}

void InspectorPanel::showDetails(IntervalDetails details)
{
    m_workingTimer->stop();
    if (details.explanation)
        showExplanation(*details.explanation);
    if (details.comparison) {
        showChanges(std::move(*details.comparison));
        showFlows(std::move(details.flows), details.totalFlows);
    }
    if (details.contributions)
        showFeatures(*details.contributions);
    m_drillingDown = m_explaining = false;
    emit intervalShown();
}

void InspectorPanel::showWorking()
{
    const QString working = tr("Working…");
    if (m_drillingDown) {
        showMessage(m_changesStack, working);
        showMessage(m_flowsStack, working);
    }
    if (m_explaining)
        showMessage(m_featuresStack, working);
}

void InspectorPanel::showHeader(const DetectionResult *result, qsizetype firstRow,
                                qsizetype lastRow, TimeNs from, TimeNs to)
{
    const QLocale locale;
    const Series &series = m_input->series;
    QStringList parts;
    if (series.axis == Series::Axis::Time) {
        parts << tr("%1 – %2").arg(formatIsoUtc(from), formatIsoUtc(to))
              << tr("%1 s").arg(
                     locale.toString(double(timeBetween(from, to)) / double(kNsPerSecond), 'f', 3));
    } else {
        parts << tr("rows %1 – %2").arg(firstRow).arg(lastRow)
              << tr("%n row(s)", nullptr, int(lastRow - firstRow + 1));
    }
    if (m_input->traffic) {
        const auto totals = m_input->traffic->totals(from, to);
        parts << tr("%1 packets").arg(locale.toString(qulonglong(totals[traffic::Packets])))
              << tr("%1 bytes").arg(locale.toString(qulonglong(totals[traffic::Bytes])));
    } else {
        if (const auto packets = columnSum(series, QStringLiteral("packets"), firstRow, lastRow))
            parts << tr("%1 packets").arg(locale.toString(*packets, 'f', 0));
        if (const auto bytes = columnSum(series, QStringLiteral("bytes"), firstRow, lastRow))
            parts << tr("%1 bytes").arg(locale.toString(*bytes, 'f', 0));
    }
    if (result) {
        const double peak = result->scores.segment(firstRow, lastRow - firstRow + 1).maxCoeff();
        parts << tr("peak score %1 (threshold %2)")
                     .arg(locale.toString(peak, 'g', 4),
                          locale.toString(result->threshold, 'g', 4));
    }
    m_headerText = parts.join(QStringLiteral(" · ")).toHtmlEscaped();
    m_header->setText(m_headerText);
}

void InspectorPanel::showExplanation(const Explanation &explanation)
{
    QStringList evidence;
    for (const Phrase &phrase : explanation.evidence)
        evidence << phrase.local();
    m_header->setText(tr("<b>%1</b>: %2<br>%3<br><small>Evidence: %4</small>")
                          .arg(kindText(explanation.kind).toHtmlEscaped(),
                               explanation.summary.local().toHtmlEscaped(), m_headerText,
                               evidence.join(QStringLiteral("; ")).toHtmlEscaped()));
}

void InspectorPanel::showChanges(IntervalComparison comparison)
{
    m_comparison = std::move(comparison);
    const TimeNs from = m_comparison.from, to = m_comparison.to;
    const QLocale locale;
    const auto seconds = [&](double s) { return locale.toString(s, 'f', 3); };
    if (m_comparison.hasBaseline()) {
        m_baselineLabel->setText(
            tr("Baseline: %1 s of traffic between %2 s before and %3 s after the interval, "
               "leaving out %4 s of other flagged or marked intervals and %5 s of gaps: %6 "
               "packets, against %7 in the interval.")
                .arg(seconds(m_comparison.baselineSeconds),
                     seconds(double(timeBetween(m_comparison.baselineStart, from)) /
                             double(kNsPerSecond)),
                     seconds(double(timeBetween(to, m_comparison.baselineEnd)) /
                             double(kNsPerSecond)),
                     seconds(m_comparison.excludedSeconds), seconds(m_comparison.gapSeconds),
                     locale.toString(qulonglong(m_comparison.baselinePackets)),
                     locale.toString(qulonglong(m_comparison.intervalPackets))));
    } else {
        m_baselineLabel->setText(tr("No baseline: the interval covers the whole capture, so the "
                                    "change is the interval's own rate."));
    }
    m_changesStack->setCurrentIndex(1);
    showDimension();
}

void InspectorPanel::showDimension()
{
    const auto dimension = ComparisonDimension(m_dimensionBox->currentData().toInt());
    m_comparisonModel->setRows(m_comparison.rows(dimension), m_dimensionBox->currentText());
    m_comparisonView->resizeColumnsToContents();
}

void InspectorPanel::showFlows(std::vector<std::uint32_t> indices, std::size_t total)
{
    if (total > kMaxFlows) {
        m_flowNote->setText(tr("Showing the %1 largest of %2 flows.")
                                .arg(QLocale().toString(qulonglong(kMaxFlows)),
                                     QLocale().toString(qulonglong(total))));
    } else {
        m_flowNote->setText(tr("%n flow(s) active in the interval.", nullptr, int(total)));
    }
    m_flowModel->setFlows(m_input->traffic, std::move(indices), m_input->records);
    m_flowView->setColumnHidden(FlowModel::Label, !m_flowModel->hasLabels());
    m_recordView->setVisible(m_flowModel->hasRecords());
    if (total == 0) {
        showMessage(m_flowsStack, tr("No flows in this interval."));
        return;
    }
    m_flowsStack->setCurrentIndex(1);
    // The largest flow's record from the start, rather than an empty pane.
    if (m_flowModel->hasRecords())
        m_flowView->setCurrentIndex(m_flowProxy->index(0, 0));
}

void InspectorPanel::showRows(qsizetype firstRow, qsizetype lastRow)
{
    const bool rows = m_input->records && m_input->series.axis == Series::Axis::Row;
    m_tabs->setTabText(kFlowsTab, rows ? tr("Rows") : tr("Flows"));
    if (!rows) {
        m_rowModel->clear();
        return;
    }
    const auto count = std::min<std::size_t>(std::size_t(lastRow - firstRow + 1), kMaxFlows);
    m_rowModel->setRows(m_input->records, std::size_t(firstRow), count);
    m_rowView->resizeColumnsToContents();
    m_flowsStack->setCurrentIndex(2);
}

void InspectorPanel::showRecord(const QModelIndex &current)
{
    const auto record = current.isValid()
                            ? m_flowModel->record(m_flowProxy->mapToSource(current).row())
                            : std::vector<std::pair<QString, QString>>();
    m_recordView->setRowCount(int(record.size()));
    for (std::size_t i = 0; i < record.size(); ++i) {
        m_recordView->setItem(int(i), 0, new QTableWidgetItem(record[i].first));
        m_recordView->setItem(int(i), 1, new QTableWidgetItem(record[i].second));
    }
    m_recordView->resizeColumnToContents(0);
}

void InspectorPanel::showFeatures(const FeatureContributions &contributions)
{
    m_featureModel->setContributions(contributions.features);
    if (contributions.ok())
        m_featuresStack->setCurrentIndex(1);
    else
        showMessage(m_featuresStack, contributions.error);
}

} // namespace tideline
