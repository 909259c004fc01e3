#include "chartstack.h"

#include "investigation/investigation.h"
#include "threshold/detectionrun.h"

#include <QChart>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// Bins shown on each side of a focused interval, at least.
constexpr qsizetype kMinimumContext = 10;

// The raw scores that 1 in 10, 100, … 10^12 normal bins exceed, for the score chart's
// second axis: calibrated, so "1 in 1M" means the same for every detector and file.
std::vector<std::pair<double, QString>> rarityTicks(const ScoreDistribution &distribution)
{
    static const char *const kSuffixes[] = {"", "k", "M", "G", "T"};
    std::vector<std::pair<double, QString>> ticks;
    if (distribution.size() == 0)
        return ticks;
    for (int decade = 1; decade <= 12; ++decade) {
        const double value = distribution.thresholdForRisk(std::pow(10.0, -decade));
        if (!std::isfinite(value) || (!ticks.empty() && value <= ticks.back().first))
            continue;
        const QString count = QStringLiteral("%1%2")
                                  .arg(std::pow(10.0, decade % 3), 0, 'g', 3)
                                  .arg(QLatin1String(kSuffixes[decade / 3]));
        ticks.emplace_back(value, ChartStack::tr("1 in %1").arg(count));
    }
    return ticks;
}

} // namespace

ChartStack::ChartStack(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new TimelineChart(TimelineChart::Role::Timeline, this))
    , m_scores(new TimelineChart(TimelineChart::Role::Scores, this))
    , m_overview(new TimelineChart(TimelineChart::Role::Overview, this))
    , m_alignTimer(new QTimer(this))
{
    m_alignTimer->setSingleShot(true);
    m_alignTimer->setInterval(0);
    connect(m_alignTimer, &QTimer::timeout, this, &ChartStack::alignPlots);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("chartSplitter"));
    m_splitter->addWidget(m_timeline);
    m_splitter->addWidget(m_scores);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_overview);
    m_scores->hide();
    m_overview->setToolTip(tr("The whole file; click to move the view there"));

    connect(m_timeline, &TimelineChart::visibleRowsChanged, this,
            [this](double from, double to) { follow(m_timeline, from, to); });
    connect(m_scores, &TimelineChart::visibleRowsChanged, this,
            [this](double from, double to) { follow(m_scores, from, to); });
    connect(m_overview, &TimelineChart::rowClicked, this, [this](qsizetype row) {
        const double half = (m_timeline->visibleTo() - m_timeline->visibleFrom()) / 2;
        m_timeline->setVisibleRows(double(row) - half, double(row) + half);
    });
    for (TimelineChart *chart : {m_timeline, m_scores}) {
        connect(chart->chart(), &QChart::plotAreaChanged, m_alignTimer,
                qOverload<>(&QTimer::start));
        connect(chart, &TimelineChart::bandClicked, this, &ChartStack::bandClicked);
        connect(chart, &TimelineChart::selectionChanged, this,
                [this, chart](double from, double to) {
                    TimelineChart *other = chart == m_timeline ? m_scores : m_timeline;
                    other->setSelection(std::make_pair(from, to));
                    emit selectionChanged(from, to);
                });
    }
}

void ChartStack::follow(TimelineChart *leader, double from, double to)
{
    TimelineChart *other = leader == m_timeline ? m_scores : m_timeline;
    other->setVisibleRows(from, to);
    m_overview->setWindow(from, to);
    const std::shared_ptr<const Series> &shown = m_timeline->series();
    if (m_following && !m_showingNewest && shown && to < double(shown->rowCount())) {
        m_following = false;
        emit followingChanged(false);
    }
}

void ChartStack::growSeries(std::shared_ptr<const Series> series)
{
    m_overview->growSeries(series);
    m_overview->resetZoom();
    m_scores->growSeries(series);
    m_timeline->growSeries(std::move(series));
    showTruth();
    if (m_following)
        showNewest();
    else
        m_overview->setWindow(m_timeline->visibleFrom(), m_timeline->visibleTo());
}

void ChartStack::setFollowing(bool on)
{
    if (on == m_following)
        return;
    m_following = on;
    if (on)
        showNewest();
    emit followingChanged(on);
}

void ChartStack::showNewest()
{
    const std::shared_ptr<const Series> &shown = m_timeline->series();
    if (!shown)
        return;
    const double rows = double(shown->rowCount());
    m_showingNewest = true;
    m_timeline->showRows(std::max(0.0, rows - m_followRows), rows);
    m_showingNewest = false;
}

void ChartStack::setDropBands(const std::vector<TimelineChart::DropBand> &bands)
{
    m_timeline->setDropBands(bands);
    m_scores->setDropBands(bands);
}

void ChartStack::alignPlots()
{
    if (m_scores->isHidden()) {
        m_timeline->setLeftInset(0);
        m_timeline->setRightInset(0);
        return;
    }
    const double timeline = m_timeline->naturalPlotLeft(), scores = m_scores->naturalPlotLeft();
    m_timeline->setLeftInset(int(std::round(std::max(0.0, scores - timeline))));
    m_scores->setLeftInset(int(std::round(std::max(0.0, timeline - scores))));
    const double timelineRight = m_timeline->naturalRightMargin();
    const double scoresRight = m_scores->naturalRightMargin();
    m_timeline->setRightInset(int(std::round(std::max(0.0, scoresRight - timelineRight))));
    m_scores->setRightInset(int(std::round(std::max(0.0, timelineRight - scoresRight))));
}

void ChartStack::setSeries(std::shared_ptr<const Series> series, const QList<int> &features,
                           TimelineChart::Layout layout)
{
    m_overview->setSeries(series, features, layout);
    m_scores->setSeries(series, features, layout);
    m_timeline->setSeries(std::move(series), features, layout);
    setResult(nullptr);
    showTruth();
}

void ChartStack::setTruth(std::optional<std::vector<TruthInterval>> truth, const QString &source)
{
    m_truth = std::move(truth);
    m_truthSource = source;
    showTruth();
}

void ChartStack::showTruth()
{
    const std::shared_ptr<const Series> &shown = m_timeline->series();
    if (!m_truth || !shown) {
        m_timeline->setTruthLane({}, QString());
        return;
    }
    const Series &series = *shown;
    const bool timed = series.axis == Series::Axis::Time;
    std::vector<TimelineChart::TruthMark> marks;
    for (const TruthInterval &interval : *m_truth) {
        const auto rows =
            rowsBetween(series, interval.start, std::max(interval.end, interval.start + 1));
        if (!rows)
            continue;
        QString toolTip = interval.description.isEmpty()
                              ? interval.kind
                              : tr("%1: %2").arg(interval.kind, interval.description);
        toolTip += u'\n';
        toolTip += timed
                       ? tr("%1 – %2").arg(formatIsoUtc(interval.start), formatIsoUtc(interval.end))
                       : tr("rows %1 – %2").arg(interval.start).arg(interval.end - 1);
        marks.push_back({double(rows->first), double(rows->second + 1), interval.kind, toolTip});
    }
    const QString toolTip =
        marks.empty() ? tr("Truth from %1: no labelled interval in these rows").arg(m_truthSource)
                      : tr("Truth from %1: %n labelled interval(s)", nullptr, int(marks.size()))
                            .arg(m_truthSource);
    m_timeline->setTruthLane(std::move(marks), toolTip);
}

void ChartStack::setFeatures(const QList<int> &features, TimelineChart::Layout layout)
{
    m_timeline->setFeatures(features, layout);
    m_overview->setFeatures(features, layout);
}

void ChartStack::setLogScale(bool on)
{
    m_timeline->setLogScale(on);
    m_scores->setLogScale(on);
}

void ChartStack::setResult(const DetectionResult *result)
{
    showTrainingRange(result);
    if (!result) {
        m_scores->hide();
        m_alignTimer->start();
        m_timeline->setBands({});
        m_scores->setBands({});
        m_scores->setRarityTicks({});
        return;
    }
    m_scores->setValues(
        std::vector<double>(result->scores.data(), result->scores.data() + result->scores.size()),
        tr("%1 score").arg(result->model.detector));
    m_scores->setThreshold(result->threshold, result->hold);
    m_scores->setRarityTicks(rarityTicks(result->model.trainingScores));
    m_scores->setVisibleRows(m_timeline->visibleFrom(), m_timeline->visibleTo());
    m_scores->show();
    m_alignTimer->start();
}

void ChartStack::showTrainingRange(const DetectionResult *result)
{
    const std::shared_ptr<const Series> &shown = m_timeline->series();
    const std::vector<bool> none;
    const std::vector<bool> &rows =
        result && shown && result->training.size() == std::size_t(shown->rowCount())
            ? result->training
            : none;
    const auto first = std::find(rows.begin(), rows.end(), true);
    if (first == rows.end()) {
        // No run, or a model fitted on another file: nothing here was trained on.
        m_timeline->setTrainingRange(std::nullopt, QString());
        m_scores->setTrainingRange(std::nullopt, QString());
        return;
    }
    const auto last = std::find(rows.rbegin(), rows.rend(), true);
    const auto from = qsizetype(first - rows.begin());
    const auto to = qsizetype(rows.rend() - last); // one past the last training row
    const Series &series = *shown;
    QString toolTip = tr("Trained on %1").arg(result->model.trainingDescription);
    if (series.axis == Series::Axis::Time)
        toolTip += tr(": %1 – %2")
                       .arg(formatIsoUtc(series.starts[std::size_t(from)]),
                            formatIsoUtc(rowEnd(series, to - 1)));
    else
        toolTip += tr(": rows %1 – %2").arg(from).arg(to - 1);
    const auto range = std::make_pair(double(from), double(to));
    m_timeline->setTrainingRange(range, toolTip);
    m_scores->setTrainingRange(range, toolTip);
}

void ChartStack::setThreshold(double threshold, double hold)
{
    m_scores->setThreshold(threshold, hold);
}

void ChartStack::setBands(const std::vector<std::pair<qsizetype, qsizetype>> &bands, int selected)
{
    m_timeline->setBands(bands, selected);
    m_scores->setBands(bands, selected);
    m_overview->setBands(bands, -1);
}

void ChartStack::setSelectedBand(int selected)
{
    m_timeline->setSelectedBand(selected);
    m_scores->setSelectedBand(selected);
}

void ChartStack::focusRows(qsizetype first, qsizetype last)
{
    const qsizetype width = last - first + 1;
    const qsizetype context = std::max(kMinimumContext, width);
    m_timeline->setVisibleRows(double(first - context), double(last + 1 + context));
}

std::optional<std::pair<double, double>> ChartStack::selection() const
{
    return m_timeline->selection();
}

void ChartStack::setSelection(double from, double to)
{
    m_timeline->setSelection(std::make_pair(from, to));
    m_scores->setSelection(std::make_pair(from, to));
}

QByteArray ChartStack::splitterState() const
{
    return m_splitter->saveState();
}

void ChartStack::restoreSplitterState(const QByteArray &state)
{
    m_splitter->restoreState(state);
}

} // namespace tideline
