#include "investigation.h"

#include "common/throttledprogress.h"
#include "investigation/anomalies.h"
#include "investigation/rangeindex.h"

#include <QElapsedTimer>
#include <algorithm>
#include <limits>

namespace tideline {

namespace {

// What IntervalDescriber fills in, from one anomaly to another of the same interval.
void copyDescription(const Anomaly &from, Anomaly &to)
{
    to.packets = from.packets;
    to.bytes = from.bytes;
    to.topSource = from.topSource;
    to.topDestination = from.topDestination;
    to.topDestinationPort = from.topDestinationPort;
    to.kind = from.kind;
    to.summary = from.summary;
    to.localSummary = from.localSummary;
    to.distinctSources = from.distinctSources;
    to.distinctDestinations = from.distinctDestinations;
    to.distinctDestinationPorts = from.distinctDestinationPorts;
    to.evidence = from.evidence;
}

TimeNs overlap(TimeNs start, TimeNs end, const Anomaly &anomaly)
{
    return std::max<TimeNs>(
        0, timeBetween(std::max(start, anomaly.start), std::min(end, anomaly.end)));
}

std::vector<TimeRange> rangesOf(const std::vector<Anomaly> &anomalies)
{
    std::vector<TimeRange> ranges;
    ranges.reserve(anomalies.size());
    for (const Anomaly &anomaly : anomalies)
        ranges.emplace_back(anomaly.start, anomaly.end);
    return ranges;
}

} // namespace

std::optional<std::pair<qsizetype, qsizetype>> rowsBetween(const Series &series, TimeNs start,
                                                           TimeNs end)
{
    const std::vector<TimeNs> &starts = series.starts;
    if (starts.empty() || end <= start)
        return std::nullopt;
    // The first row ending after `start`: the one before the first row starting after it.
    auto first = std::upper_bound(starts.begin(), starts.end(), start);
    if (first != starts.begin())
        --first;
    qsizetype firstRow = qsizetype(first - starts.begin());
    if (rowEnd(series, firstRow) <= start)
        ++firstRow;
    const auto last = std::lower_bound(starts.begin(), starts.end(), end);
    const qsizetype lastRow = qsizetype(last - starts.begin()) - 1;
    if (firstRow > lastRow || firstRow >= series.rowCount())
        return std::nullopt;
    return std::pair{firstRow, lastRow};
}

void Investigation::inputChanged(std::shared_ptr<const LoadedInput> input)
{
    m_input = std::move(input);
    m_describer =
        m_input && m_input->traffic
            ? std::make_shared<const IntervalDescriber>(*m_input->traffic, m_input->series.binWidth)
            : nullptr;
    // Descriptions of another capture, or at another bin width (a baseline's least length).
    m_descriptions.clear();
}

void Investigation::setInput(std::shared_ptr<const LoadedInput> input)
{
    inputChanged(std::move(input));
    m_runs.clear();
    m_currentRun = 0;
    m_liveRun = 0;
    m_liveDescriptions.clear();
    m_annotations.clear();
    m_nextId = 1;
    rebuildRows();
}

void Investigation::setSeries(std::shared_ptr<const LoadedInput> input)
{
    inputChanged(std::move(input));
    m_currentRun = 0;
    rebuildRows();
    notify(Change::Series, 0);
}

qint64 Investigation::addRun(const DetectionOptions &options,
                             std::shared_ptr<DetectionResult> result, const QString &modelFrom)
{
    DetectorRun run;
    run.id = m_nextId++;
    run.modelFrom = modelFrom;
    run.options = options;
    run.options.threshold = result->settings;
    run.binWidth = m_input ? m_input->series.binWidth : 0;
    run.result = std::move(result);
    m_runs.push_back(std::move(run));
    m_currentRun = m_runs.back().id;
    rebuildRows();
    notify(Change::Run, m_currentRun);
    return m_currentRun;
}

void Investigation::updateLive(std::shared_ptr<const LoadedInput> input,
                               const DetectionOptions &options,
                               std::shared_ptr<DetectionResult> result,
                               std::vector<Anomaly> described)
{
    inputChanged(std::move(input));
    m_liveDescriptions = std::move(described);
    const auto live = std::find_if(m_runs.begin(), m_runs.end(),
                                   [this](const DetectorRun &r) { return r.id == m_liveRun; });
    if (live == m_runs.end()) {
        m_liveRun = addRun(options, std::move(result));
        describeLiveRows(); // its rows were built before it was known as the live run
        return;
    }
    live->result = std::move(result);
    live->binWidth = m_input->series.binWidth;
    m_currentRun = m_liveRun;
    rebuildRows();
}

void Investigation::setThresholdSettings(const ThresholdSettings &settings)
{
    auto run = std::find_if(m_runs.begin(), m_runs.end(),
                            [this](const DetectorRun &r) { return r.id == m_currentRun; });
    if (run == m_runs.end() || run->result->settings == settings)
        return;
    run->result->rethreshold(settings);
    run->options.threshold = settings;
    rebuildRows();
    notify(Change::Threshold, run->id);
}

void Investigation::restore(std::shared_ptr<const LoadedInput> input, std::vector<DetectorRun> runs,
                            qint64 currentRun, std::vector<Annotation> annotations,
                            const std::vector<Anomaly> &described)
{
    inputChanged(std::move(input));
    if (m_describer) {
        // Known as describeCaptureRows() would have left them: each against the nearby ones
        // of the other rows shown with it.
        const RangeIndex index(rangesOf(described));
        std::vector<TimeRange> others;
        for (std::size_t i = 0; i < described.size(); ++i) {
            const Anomaly &anomaly = described[i];
            if (anomaly.kind.isEmpty())
                continue; // never described
            index.overlapping(m_describer->reach(anomaly.start, anomaly.end), i, others);
            Description &known = m_descriptions[{anomaly.start, anomaly.end}];
            known.nearby = m_describer->nearby(anomaly.start, anomaly.end, others);
            known.anomaly = anomaly;
            known.described = true;
        }
    }
    m_runs = std::move(runs);
    m_currentRun = currentRun;
    m_liveRun = 0;
    m_liveDescriptions.clear();
    m_annotations = std::move(annotations);
    m_nextId = 1;
    for (const DetectorRun &run : m_runs)
        m_nextId = std::max(m_nextId, run.id + 1);
    for (const Annotation &annotation : m_annotations)
        m_nextId = std::max(m_nextId, annotation.id + 1);
    rebuildRows();
}

Investigation Investigation::copy() const
{
    Investigation copy;
    copy.m_input = m_input; // never changed in place: a new series is a new LoadedInput
    copy.m_describer = m_describer;
    copy.m_descriptions = m_descriptions;
    copy.m_runs = m_runs;
    for (DetectorRun &run : copy.m_runs)
        run.result = std::make_shared<DetectionResult>(*run.result);
    copy.m_currentRun = m_currentRun;
    copy.m_liveRun = m_liveRun;
    copy.m_liveDescriptions = m_liveDescriptions;
    copy.m_annotations = m_annotations;
    copy.m_rows = m_rows;
    copy.m_rowNearby = m_rowNearby;
    copy.m_nextId = m_nextId;
    return copy;
}

const DetectorRun *Investigation::currentRun() const
{
    const auto run = std::find_if(m_runs.begin(), m_runs.end(),
                                  [this](const DetectorRun &r) { return r.id == m_currentRun; });
    return run == m_runs.end() ? nullptr : &*run;
}

const DetectionResult *Investigation::result() const
{
    const DetectorRun *run = currentRun();
    return run ? run->result.get() : nullptr;
}

const Annotation *Investigation::annotation(qint64 id) const
{
    return const_cast<Investigation *>(this)->findAnnotation(id);
}

Annotation *Investigation::findAnnotation(qint64 id)
{
    const auto found = std::find_if(m_annotations.begin(), m_annotations.end(),
                                    [id](const Annotation &a) { return a.id == id; });
    return found == m_annotations.end() ? nullptr : &*found;
}

std::vector<Anomaly> Investigation::anomalies() const
{
    std::vector<Anomaly> result;
    result.reserve(m_rows.size());
    for (const InvestigationRow &row : m_rows)
        result.push_back(row.anomaly);
    return result;
}

std::vector<Anomaly> Investigation::markedAnomalies() const
{
    std::vector<Anomaly> result;
    for (const InvestigationRow &row : m_rows) {
        if (row.anomaly.marked)
            result.push_back(row.anomaly);
    }
    return result;
}

Annotation &Investigation::annotationFor(int row)
{
    InvestigationRow &shown = m_rows[std::size_t(row)];
    if (Annotation *existing = findAnnotation(shown.annotation))
        return *existing;
    Annotation annotation;
    annotation.id = m_nextId++;
    annotation.start = shown.anomaly.start;
    annotation.end = shown.anomaly.end;
    annotation.detector = shown.anomaly.detector;
    m_annotations.push_back(annotation);
    shown.annotation = annotation.id;
    return m_annotations.back();
}

void Investigation::edited(int row, Annotation &annotation)
{
    InvestigationRow &shown = m_rows[std::size_t(row)];
    shown.anomaly.marked = annotation.marked;
    shown.anomaly.label = annotation.label;
    shown.anomaly.note = annotation.note;
    // An interval of the run needs no annotation to be shown; the others keep theirs, so their
    // row stays where it is.
    if (annotation.isEmpty() && shown.origin == InvestigationRow::Origin::Detected) {
        const qint64 id = annotation.id;
        std::erase_if(m_annotations, [id](const Annotation &a) { return a.id == id; });
        shown.annotation = 0;
        notify(Change::AnnotationRemoved, id);
        return;
    }
    notify(Change::Annotation, annotation.id);
}

bool Investigation::setMarked(int row, bool marked)
{
    if (row < 0 || std::size_t(row) >= m_rows.size() ||
        m_rows[std::size_t(row)].anomaly.marked == marked)
        return false;
    Annotation &annotation = annotationFor(row);
    annotation.marked = marked;
    edited(row, annotation);
    return true;
}

bool Investigation::setLabel(int row, const QString &label)
{
    if (row < 0 || std::size_t(row) >= m_rows.size() ||
        m_rows[std::size_t(row)].anomaly.label == label)
        return false;
    Annotation &annotation = annotationFor(row);
    annotation.label = label;
    edited(row, annotation);
    return true;
}

bool Investigation::setNote(int row, const QString &note)
{
    if (row < 0 || std::size_t(row) >= m_rows.size() ||
        m_rows[std::size_t(row)].anomaly.note == note)
        return false;
    Annotation &annotation = annotationFor(row);
    annotation.note = note;
    edited(row, annotation);
    return true;
}

int Investigation::addManual(qsizetype firstRow, qsizetype lastRow)
{
    const Series *shown = series();
    if (!shown || shown->rowCount() == 0)
        return -1;
    firstRow = std::clamp<qsizetype>(firstRow, 0, shown->rowCount() - 1);
    lastRow = std::clamp<qsizetype>(lastRow, firstRow, shown->rowCount() - 1);
    Annotation annotation;
    annotation.id = m_nextId++;
    annotation.start = shown->starts[std::size_t(firstRow)];
    annotation.end = rowEnd(*shown, lastRow);
    annotation.detector = manualKind();
    annotation.manual = true;
    annotation.marked = true;
    m_annotations.push_back(annotation);
    const InvestigationRow row = rowFor(annotation, InvestigationRow::Origin::Manual);
    const auto position = std::upper_bound(
        m_rows.begin(), m_rows.end(), row.anomaly.start,
        [](TimeNs start, const InvestigationRow &r) { return start < r.anomaly.start; });
    const int index = int(position - m_rows.begin());
    m_rows.insert(position, row);
    describeCaptureRows();
    notify(Change::Annotation, annotation.id);
    return index;
}

InvestigationRow Investigation::scoredRow(qsizetype first, qsizetype last,
                                          std::optional<double> peak,
                                          std::optional<double> mean) const
{
    InvestigationRow row;
    row.firstRow = first;
    row.lastRow = last;
    row.anomaly = describeRows(m_input->series, first, last);
    const DetectionResult *current = result();
    if (current && current->scores.size() == m_input->series.rowCount()) {
        const auto scores = current->scores.segment(first, last - first + 1);
        row.anomaly.peakScore = peak.value_or(scores.maxCoeff());
        row.anomaly.meanScore = mean.value_or(scores.mean());
        row.anomaly.threshold = current->threshold;
        row.anomaly.detector = current->model.detector;
    }
    return row;
}

InvestigationRow Investigation::rowFor(const Annotation &annotation,
                                       InvestigationRow::Origin origin) const
{
    InvestigationRow row;
    const auto rows = rowsBetween(m_input->series, annotation.start, annotation.end);
    if (rows)
        row = scoredRow(rows->first, rows->second, std::nullopt, std::nullopt);
    else
        row.firstRow = row.lastRow = -1;
    // Where the analyst made it, not where the current bins happen to fall.
    row.anomaly.start = annotation.start;
    row.anomaly.end = annotation.end;
    row.anomaly.detector = annotation.detector;
    row.anomaly.marked = annotation.marked;
    row.anomaly.label = annotation.label;
    row.anomaly.note = annotation.note;
    row.annotation = annotation.id;
    row.origin = origin;
    return row;
}

void Investigation::rebuildRows()
{
    m_rows.clear();
    if (!m_input)
        return;
    const DetectionResult *current = result();
    if (current && current->scores.size() == m_input->series.rowCount()) {
        for (const ScoredInterval &interval : current->intervals)
            m_rows.push_back(
                scoredRow(interval.first, interval.last, interval.peak, interval.mean));
    }

    // Each interval takes the annotation overlapping it most (the older one on a tie).
    const std::size_t detected = m_rows.size();
    std::vector<const Annotation *> chosen(detected, nullptr);
    std::vector<TimeNs> chosenOverlap(detected, 0);
    for (const Annotation &annotation : m_annotations) {
        if (annotation.manual)
            continue;
        const auto from = std::lower_bound(
            m_rows.begin(), m_rows.begin() + std::ptrdiff_t(detected), annotation.start,
            [](const InvestigationRow &r, TimeNs start) { return r.anomaly.end <= start; });
        std::size_t best = detected;
        TimeNs bestOverlap = 0;
        for (auto it = from;
             it != m_rows.begin() + std::ptrdiff_t(detected) && it->anomaly.start < annotation.end;
             ++it) {
            const TimeNs o = overlap(annotation.start, annotation.end, it->anomaly);
            if (o > bestOverlap) {
                bestOverlap = o;
                best = std::size_t(it - m_rows.begin());
            }
        }
        if (best < detected && bestOverlap > chosenOverlap[best]) {
            chosen[best] = &annotation;
            chosenOverlap[best] = bestOverlap;
        }
    }
    std::vector<bool> shown(m_annotations.size(), false);
    for (std::size_t i = 0; i < detected; ++i) {
        if (!chosen[i])
            continue;
        InvestigationRow &row = m_rows[i];
        row.annotation = chosen[i]->id;
        row.anomaly.marked = chosen[i]->marked;
        row.anomaly.label = chosen[i]->label;
        row.anomaly.note = chosen[i]->note;
        shown[std::size_t(chosen[i] - m_annotations.data())] = true;
    }
    for (std::size_t a = 0; a < m_annotations.size(); ++a) {
        if (shown[a])
            continue;
        const Annotation &annotation = m_annotations[a];
        m_rows.push_back(rowFor(annotation, annotation.manual
                                                ? InvestigationRow::Origin::Manual
                                                : InvestigationRow::Origin::Detached));
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const InvestigationRow &a, const InvestigationRow &b) {
                         return a.anomaly.start < b.anomaly.start;
                     });
    describeCaptureRows();
    describeLiveRows();
}

void Investigation::describeLiveRows()
{
    if (m_liveRun == 0 || m_currentRun != m_liveRun)
        return;
    for (InvestigationRow &row : m_rows) {
        if (row.origin != InvestigationRow::Origin::Detected)
            continue;
        const auto given = std::lower_bound(
            m_liveDescriptions.begin(), m_liveDescriptions.end(), row.anomaly.start,
            [](const Anomaly &anomaly, TimeNs start) { return anomaly.start < start; });
        if (given == m_liveDescriptions.end() || given->start != row.anomaly.start)
            continue;
        // Its packets and bytes are the row's, counted over all its bins; the pipeline's
        // were those of its first bins.
        const std::optional<qint64> packets = row.anomaly.packets;
        const std::optional<qint64> bytes = row.anomaly.bytes;
        copyDescription(*given, row.anomaly);
        row.anomaly.packets = packets;
        row.anomaly.bytes = bytes;
    }
}

void Investigation::describeCaptureRows()
{
    if (!m_describer)
        return;
    std::vector<TimeRange> ranges;
    ranges.reserve(m_rows.size());
    for (const InvestigationRow &row : m_rows)
        ranges.emplace_back(row.anomaly.start, row.anomaly.end);
    const RangeIndex index(ranges);
    std::vector<TimeRange> others;
    m_rowNearby.resize(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Anomaly &anomaly = m_rows[i].anomaly;
        index.overlapping(m_describer->reach(anomaly.start, anomaly.end), i, others);
        m_rowNearby[i] = m_describer->nearby(anomaly.start, anomaly.end, others);
        if (describeFromCache(i))
            continue;
        if (m_describeLater) {
            m_rows[i].describing = true;
            continue;
        }
        Description &known = m_descriptions[{anomaly.start, anomaly.end}];
        known.anomaly = anomaly;
        m_describer->describe(known.anomaly, m_rowNearby[i]);
        known.nearby = m_rowNearby[i];
        known.described = true;
        copyDescription(known.anomaly, anomaly);
    }
}

bool Investigation::describeFromCache(std::size_t i)
{
    Anomaly &anomaly = m_rows[i].anomaly;
    const auto known = m_descriptions.find({anomaly.start, anomaly.end});
    if (known == m_descriptions.end() || !known->second.described ||
        known->second.nearby != m_rowNearby[i])
        return false;
    copyDescription(known->second.anomaly, anomaly);
    m_rows[i].describing = false;
    return true;
}

bool Investigation::isDescribing() const
{
    return std::any_of(m_rows.begin(), m_rows.end(),
                       [](const InvestigationRow &row) { return row.describing; });
}

Investigation::DescriptionWork Investigation::pendingDescriptions() const
{
    DescriptionWork work;
    work.input = m_input;
    work.describer = m_describer;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].describing)
            continue;
        work.intervals.emplace_back(m_rows[i].anomaly.start, m_rows[i].anomaly.end);
        work.nearby.push_back(m_rowNearby[i]);
    }
    return work;
}

std::vector<Anomaly> Investigation::DescriptionWork::describe(const ProgressCallback &progress,
                                                              qint64 budgetMs) const
{
    std::vector<Anomaly> described;
    ThrottledProgress throttled(progress, qint64(intervals.size()));
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        if (!throttled.update(qint64(i)) || (i > 0 && timer.elapsed() >= budgetMs))
            break;
        Anomaly &anomaly = described.emplace_back();
        anomaly.start = intervals[i].first;
        anomaly.end = intervals[i].second;
        describer->describe(anomaly, nearby[i]);
    }
    return described;
}

bool Investigation::takeDescriptions(const DescriptionWork &work,
                                     const std::vector<Anomaly> &described)
{
    if (work.describer != m_describer)
        return false; // of another series
    for (std::size_t k = 0; k < described.size() && k < work.intervals.size(); ++k) {
        Description &known = m_descriptions[work.intervals[k]];
        known.anomaly = described[k];
        known.nearby = work.nearby[k];
        known.described = true;
    }
    bool changed = false;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].describing && describeFromCache(i))
            changed = true;
    }
    if (changed && !isDescribing())
        notify(Change::Descriptions, 0);
    return changed;
}

bool Investigation::describePending(bool markedOnly)
{
    DescriptionWork work;
    work.input = m_input;
    work.describer = m_describer;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].describing || (markedOnly && !m_rows[i].anomaly.marked))
            continue;
        work.intervals.emplace_back(m_rows[i].anomaly.start, m_rows[i].anomaly.end);
        work.nearby.push_back(m_rowNearby[i]);
    }
    if (work.intervals.empty())
        return false;
    return takeDescriptions(work, work.describe({}, std::numeric_limits<qint64>::max()));
}

void Investigation::notify(Change change, qint64 id) const
{
    if (m_listener)
        m_listener(change, id);
}

} // namespace tideline
