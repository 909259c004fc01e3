#include "detectioncontroller.h"

#include "jobrunner.h"

#include <QFileInfo>
#include <algorithm>

namespace tideline {

DetectionController::DetectionController(QObject *parent)
    : QObject(parent)
    , m_runner(new JobRunner(this))
{}

void DetectionController::setInput(std::shared_ptr<const LoadedInput> input,
                                   std::shared_ptr<const Series> series)
{
    m_runner->cancel();
    m_input = std::move(input);
    m_series = std::move(series);
    m_result.reset();
    m_modelSource.clear();
    m_entries.clear();
    emit resultChanged();
    emit anomaliesChanged();
}

void DetectionController::train(const DetectionOptions &options)
{
    if (!m_series)
        return;
    const std::shared_ptr<const Series> series = m_series;
    m_gap = options.gap;
    m_runner->start<std::shared_ptr<DetectionResult>>(
        [series, options](const ProgressCallback &progress) {
            return std::make_shared<DetectionResult>(runDetection(*series, options, progress));
        },
        [this](std::shared_ptr<DetectionResult> result) {
            showResult(std::move(result), QString());
        });
}

void DetectionController::trainFrom(const QString &path, const DetectionOptions &options)
{
    if (!m_series)
        return;
    const std::shared_ptr<const Series> series = m_series;
    m_gap = options.gap;
    m_runner->start<std::shared_ptr<DetectionResult>>(
        [series, path, options](const ProgressCallback &progress) {
            auto result = std::make_shared<DetectionResult>();
            // Bin the training file like the shown one so the model sees the same kind of rows.
            LoadOptions load;
            load.binWidth = series->binWidth;
            const LoadedInput training = loadInput(path, load, progress);
            const QString name = QFileInfo(path).fileName();
            if (training.error) {
                result->status = FitStatus::failed(training.error->toString());
                return result;
            }
            if (training.cancelled) {
                result->status = FitStatus::cancelled();
                return result;
            }
            DetectionModel model = fitModel(training.series, options, progress);
            if (!model.ok()) {
                result->status = FitStatus::failed(tr("%1: %2").arg(name, model.status.message));
                return result;
            }
            model.trainingDescription = tr("%1 of %2").arg(model.trainingDescription, name);
            *result = applyModel(model, *series, options.percentile, options.gap, progress);
            return result;
        },
        [this, path](std::shared_ptr<DetectionResult> result) {
            showResult(std::move(result), path);
        });
}

void DetectionController::cancel()
{
    m_runner->cancel();
}

bool DetectionController::isTraining() const
{
    return m_runner->isRunning();
}

void DetectionController::showResult(std::shared_ptr<DetectionResult> result,
                                     const QString &modelSource)
{
    if (!result->status.ok()) {
        emit trainingFailed(result->status.message);
        return;
    }
    m_result = std::move(result);
    m_modelSource = modelSource;
    rebuildEntries();
    emit resultChanged();
    emit trainingFinished();
}

void DetectionController::setPercentile(double percentile)
{
    if (!m_result)
        return;
    m_result->rethreshold(percentile, m_gap);
    rebuildEntries();
    emit resultChanged();
}

DetectionController::Entry DetectionController::entryFor(qsizetype first, qsizetype last,
                                                         double peak, double mean) const
{
    Entry entry;
    entry.firstRow = first;
    entry.lastRow = last;
    Anomaly &anomaly = entry.anomaly;
    anomaly.start = m_series->starts[std::size_t(first)];
    anomaly.end = rowEnd(*m_series, last);
    anomaly.peakScore = peak;
    anomaly.meanScore = mean;
    if (m_result) {
        anomaly.threshold = m_result->threshold;
        anomaly.detector = m_result->model.detector;
    }
    if (m_input && m_input->traffic)
        describeAnomaly(*m_input->traffic, anomaly);
    return entry;
}

void DetectionController::rebuildEntries()
{
    std::vector<Entry> previous = std::move(m_entries);
    m_entries.clear();
    if (m_result) {
        const std::vector<Anomaly> fresh = toAnomalies(*m_series, *m_result);
        for (std::size_t i = 0; i < m_result->intervals.size(); ++i) {
            const ScoredInterval &interval = m_result->intervals[i];
            Entry entry = entryFor(interval.first, interval.last, interval.peak, interval.mean);
            // Packets and bytes of tables come from their columns.
            if (!m_input || !m_input->traffic) {
                entry.anomaly.packets = fresh[i].packets;
                entry.anomaly.bytes = fresh[i].bytes;
            }
            m_entries.push_back(std::move(entry));
        }
    }
    // Keep what the analyst said about intervals that are still there; keep their own intervals
    // and the ones they marked or annotated even when the new threshold no longer flags them.
    const auto annotated = [](const Entry &e) {
        return e.manual || e.anomaly.marked || !e.anomaly.label.isEmpty() ||
               !e.anomaly.note.isEmpty();
    };
    for (const Entry &old : previous) {
        const auto same = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            return e.firstRow == old.firstRow && e.lastRow == old.lastRow;
        });
        if (same != m_entries.end()) {
            same->anomaly.label = old.anomaly.label;
            same->anomaly.note = old.anomaly.note;
            same->anomaly.marked = old.anomaly.marked;
        } else if (annotated(old)) {
            m_entries.push_back(old);
        }
    }
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.firstRow < b.firstRow; });
    emit anomaliesChanged();
}

std::vector<Anomaly> DetectionController::anomalies() const
{
    std::vector<Anomaly> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.push_back(entry.anomaly);
    return result;
}

void DetectionController::updateAnnotations(int index, const Anomaly &edited)
{
    if (index < 0 || std::size_t(index) >= m_entries.size())
        return;
    Anomaly &anomaly = m_entries[std::size_t(index)].anomaly;
    anomaly.label = edited.label;
    anomaly.note = edited.note;
    anomaly.marked = edited.marked;
}

int DetectionController::addManual(qsizetype firstRow, qsizetype lastRow)
{
    if (!m_series || m_series->rowCount() == 0)
        return -1;
    firstRow = std::clamp<qsizetype>(firstRow, 0, m_series->rowCount() - 1);
    lastRow = std::clamp<qsizetype>(lastRow, firstRow, m_series->rowCount() - 1);
    double peak = 0, sum = 0;
    if (m_result) {
        const auto scores = m_result->scores.segment(firstRow, lastRow - firstRow + 1);
        peak = scores.maxCoeff();
        sum = scores.mean();
    }
    Entry entry = entryFor(firstRow, lastRow, peak, sum);
    entry.manual = true;
    entry.anomaly.marked = true;
    if (!m_result)
        entry.anomaly.detector = tr("analyst");
    const auto position =
        std::upper_bound(m_entries.begin(), m_entries.end(), firstRow,
                         [](qsizetype row, const Entry &e) { return row < e.firstRow; });
    const int index = int(position - m_entries.begin());
    m_entries.insert(position, std::move(entry));
    emit anomaliesChanged();
    return index;
}

} // namespace tideline
