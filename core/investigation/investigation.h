#pragma once

#include "common/progress.h"
#include "input/inputloader.h"
#include "investigation/anomaly.h"
#include "investigation/intervaldescriber.h"
#include "threshold/detectionrun.h"

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace tideline {

// One detector run: what was asked (options, at which bin width) and what came out.
struct DetectorRun
{
    qint64 id = 0; // unique within the investigation and its case file
    DetectionOptions options;
    TimeNs binWidth = 0; // of the series it scored
    QString modelFrom;   // the file it was trained on, when not the source itself
    std::shared_ptr<DetectionResult> result;
};

// What the analyst said about an interval. It stays with the times it was made on, so it finds
// its interval again after the threshold, the bin width or the detector changed.
struct Annotation
{
    qint64 id = 0;
    TimeNs start = 0; // [start, end)
    TimeNs end = 0;
    QString detector; // whose interval it was made on; "manual" for a range the analyst drew
    bool manual = false;
    bool marked = false;
    QString label;
    QString note;

    // Nothing left to keep: no mark, label or note, and not a range of the analyst's own.
    bool isEmpty() const { return !manual && !marked && label.isEmpty() && note.isEmpty(); }
};

// One line of the anomaly table.
struct InvestigationRow
{
    enum class Origin : std::uint8_t {
        Detected, // an interval of the current run (annotated or not)
        Manual,   // a range the analyst drew
        Detached, // an annotation that overlaps no interval of the current run: kept, shown
    };

    Anomaly anomaly;        // the annotation's mark, label and note filled in
    qsizetype firstRow = 0; // inclusive rows of the current series it covers
    qsizetype lastRow = 0;
    qint64 annotation = 0; // its Annotation's id; 0 when it has none
    Origin origin = Origin::Detected;
    // Its kind, actors and summary are still to come (Investigation::setDescribeLater).
    bool describing = false;
};

// The analyst's work on one source: the loaded input and its series, the detector runs, the
// anomalies the current run gives and the annotations. Anomalies are built here and only here
// (for `detect`, the window and export); every change is reported to a listener (the case file
// journals it).
//
// Annotations match the current run's intervals by time overlap: each interval takes the
// annotation that overlaps it most, and one that overlaps none is kept as a Detached row.
// A capture's rows are described (kind, actors, summary) against a baseline that leaves out
// the other rows near them: the same state gives the same descriptions, whatever led to it.
class Investigation
{
public:
    enum class Change : std::uint8_t {
        Series,            // the series (bin width) changed; the current run was dropped
        Run,               // a run was added and made current (id)
        Threshold,         // the current run's threshold settings changed (id)
        Annotation,        // an annotation was added or edited (id)
        AnnotationRemoved, // (id)
        Descriptions,      // the last rows waiting for their descriptions got them (0)
    };
    using Listener = std::function<void(Change change, qint64 id)>;

    static QString manualKind() { return QStringLiteral("manual"); }

    // A new source: runs and annotations are cleared.
    void setInput(std::shared_ptr<const LoadedInput> input);
    // The same source at another bin width: annotations stay; the current run's scores belong
    // to the old rows, so there is no current run until the next one.
    void setSeries(std::shared_ptr<const LoadedInput> input);
    // A run's result for the current series becomes the current run; its id.
    qint64 addRun(const DetectionOptions &options, std::shared_ptr<DetectionResult> result,
                  const QString &modelFrom = {});
    // A live capture's bins and its one run as they grow: the input and the current run's
    // result are replaced in place (the run keeps its id, annotations stay; the first call adds
    // the run), and each of its detected rows takes the kind, actors and summary of the
    // `described` anomaly that starts where the row starts — the live pipeline described them
    // against the packets it kept, which a live input does not hold.
    void updateLive(std::shared_ptr<const LoadedInput> input, const DetectionOptions &options,
                    std::shared_ptr<DetectionResult> result, std::vector<Anomaly> described);
    // New threshold, hold or gap for the current run, from its cached scores: intervals that
    // stay the same keep their description, only new ones are described.
    void setThresholdSettings(const ThresholdSettings &settings);

    // A copy that shares nothing that changes (for saving on another thread), without the
    // listener.
    Investigation copy() const;

    // Everything at once, as a case file holds it (no listener calls). `described`: the rows
    // as they were last shown, with their descriptions; a row of the same interval and the same
    // nearby rows takes its description from there instead of being described again (which
    // reads the traffic around it), since the same state gives the same description.
    void restore(std::shared_ptr<const LoadedInput> input, std::vector<DetectorRun> runs,
                 qint64 currentRun, std::vector<Annotation> annotations,
                 const std::vector<Anomaly> &described);

    const std::shared_ptr<const LoadedInput> &input() const { return m_input; }
    const Series *series() const { return m_input ? &m_input->series : nullptr; }
    const std::vector<DetectorRun> &runs() const { return m_runs; }
    const DetectorRun *currentRun() const;
    const DetectionResult *result() const;
    const std::vector<Annotation> &annotations() const { return m_annotations; }
    const Annotation *annotation(qint64 id) const;

    const std::vector<InvestigationRow> &rows() const { return m_rows; }
    std::vector<Anomaly> anomalies() const;
    std::vector<Anomaly> markedAnomalies() const;

    // The analyst's edits of row `row`; false when nothing changed.
    bool setMarked(int row, bool marked);
    bool setLabel(int row, const QString &label);
    bool setNote(int row, const QString &note);
    // A range of rows the analyst drew, as a marked Manual row; its row index (-1 without a
    // series).
    int addManual(qsizetype firstRow, qsizetype lastRow);

    void setListener(Listener listener) { m_listener = std::move(listener); }

    // Rows to describe, each with the nearby rows its baseline leaves out: all another thread
    // needs (it keeps the traffic alive).
    struct DescriptionWork
    {
        std::shared_ptr<const LoadedInput> input;
        std::shared_ptr<const IntervalDescriber> describer;
        std::vector<TimeRange> intervals;
        std::vector<std::vector<TimeRange>> nearby;

        // Describes the intervals in order, one anomaly each, until all are done, `budget`
        // has passed or `progress` asks to stop: the first ones.
        std::vector<Anomaly> describe(const ProgressCallback &progress, qint64 budgetMs) const;
    };

    // Describing a new row reads the traffic around it: milliseconds each, a minute for the
    // thousands of rows a low threshold gives on a day's capture. Off (the default, as the
    // command line wants), every rebuild describes its new rows at once. On, it leaves them
    // `describing`, and the caller describes pendingDescriptions() on another thread and hands
    // them to takeDescriptions().
    void setDescribeLater(bool later) { m_describeLater = later; }
    bool isDescribing() const;
    DescriptionWork pendingDescriptions() const;
    // The anomalies work.describe() gave: rows still waiting for them take them. True when one
    // did.
    bool takeDescriptions(const DescriptionWork &work, const std::vector<Anomaly> &described);
    // Describes the rows still waiting (only the marked ones: before exporting them) here and
    // now; true when one was.
    bool describePending(bool markedOnly);

private:
    Annotation *findAnnotation(qint64 id);
    // The annotation of `row`, made from its interval when it has none yet.
    Annotation &annotationFor(int row);
    void edited(int row, Annotation &annotation);
    void inputChanged(std::shared_ptr<const LoadedInput> input);
    void rebuildRows();
    InvestigationRow scoredRow(qsizetype first, qsizetype last, std::optional<double> peak,
                               std::optional<double> mean) const;
    InvestigationRow rowFor(const Annotation &annotation, InvestigationRow::Origin origin) const;
    // Kind, actors and summary of every row of a capture, each against a baseline without the
    // other rows near it; a row whose interval and nearby rows were described before is not
    // described again.
    void describeCaptureRows();
    // The live run's rows from m_liveDescriptions, when the live run is the current one.
    void describeLiveRows();
    // Row `i` from the cache when it was described against its nearby rows; false otherwise.
    bool describeFromCache(std::size_t i);
    void notify(Change change, qint64 id) const;

    std::shared_ptr<const LoadedInput> m_input;
    std::shared_ptr<const IntervalDescriber> m_describer; // of m_input's traffic; null for tables
    struct Description
    {
        bool described = false;
        std::vector<TimeRange> nearby; // what its baseline left out
        Anomaly anomaly;
    };
    std::map<TimeRange, Description> m_descriptions; // by interval, for m_describer
    std::vector<std::vector<TimeRange>> m_rowNearby; // each row's nearby rows, as m_rows
    bool m_describeLater = false;
    std::vector<DetectorRun> m_runs;
    qint64 m_liveRun = 0;                    // the run updateLive() grows; 0: none
    std::vector<Anomaly> m_liveDescriptions; // by start, as the live pipeline gave them
    qint64 m_currentRun = 0;                 // 0: none
    std::vector<Annotation> m_annotations;
    std::vector<InvestigationRow> m_rows;
    qint64 m_nextId = 1;
    Listener m_listener;
};

// Rows of `series` that [start, end) covers, as an inclusive range; nullopt when none.
std::optional<std::pair<qsizetype, qsizetype>> rowsBetween(const Series &series, TimeNs start,
                                                           TimeNs end);

} // namespace tideline
