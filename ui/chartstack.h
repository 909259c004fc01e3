#pragma once

#include "common/series.h"
#include "evaluate/truth.h"
#include "timelinechart.h"

#include <QSplitter>
#include <QWidget>
#include <memory>
#include <optional>

class QTimer;

namespace tideline {

struct DetectionResult;

// The timeline, the score chart under it and the overview strip, sharing one time axis: zoom
// or pan one and the others follow. Anomalous intervals are bands on both charts.
class ChartStack : public QWidget
{
    Q_OBJECT

public:
    explicit ChartStack(QWidget *parent = nullptr);

    void setSeries(std::shared_ptr<const Series> series, const QList<int> &features,
                   TimelineChart::Layout layout);
    void setFeatures(const QList<int> &features, TimelineChart::Layout layout);
    // The shown series grown by rows at its end (a live capture): each chart keeps its view —
    // or, while following, shows the last followRows() rows — and the overview shows them all.
    void growSeries(std::shared_ptr<const Series> series);
    // Following (as PlotJuggler's live plots do): the view is pinned to the newest rows. Moving
    // the view away from them unpins it (followingChanged); setFollowing(true) pins it again.
    void setFollowing(bool on);
    bool isFollowing() const { return m_following; }
    void setFollowRows(double rows) { m_followRows = rows; }
    // Where a capture lost packets, on the timeline and the score chart.
    void setDropBands(const std::vector<TimelineChart::DropBand> &bands);
    void setLogScale(bool on);
    // Scores, threshold and bands of a detection run over the same rows; null clears them.
    void setResult(const DetectionResult *result);
    // Moves the threshold and hold lines only (re-thresholding keeps the scores drawn).
    void setThreshold(double threshold, double hold);
    void setBands(const std::vector<std::pair<qsizetype, qsizetype>> &bands, int selected);
    void setSelectedBand(int selected);
    // Known anomalies (a truth file, the input's label column) as a lane under the timeline,
    // kept in time so they find their rows again at another bin width; `source` says where
    // they came from. nullopt removes the lane.
    void setTruth(std::optional<std::vector<TruthInterval>> truth, const QString &source);
    // Zooms to rows [first, last] with context on each side.
    void focusRows(qsizetype first, qsizetype last);

    TimelineChart *timeline() const { return m_timeline; }
    TimelineChart *scores() const { return m_scores; }
    TimelineChart *overview() const { return m_overview; }
    std::optional<std::pair<double, double>> selection() const;
    // Selects rows [from, to) on both charts, as Ctrl+drag does (without selectionChanged).
    void setSelection(double from, double to);
    // How the height is shared between the timeline and the score chart, for QSettings.
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray &state);

signals:
    void bandClicked(int band);
    void selectionChanged(double from, double to);
    void followingChanged(bool on);

private:
    void follow(TimelineChart *leader, double from, double to);
    // While following: the view onto the newest rows.
    void showNewest();
    // The rows the run's model trained on, as a strip under both charts' axes.
    void showTrainingRange(const DetectionResult *result);
    // Places the truth on the rows of the series shown.
    void showTruth();
    // Lines the two plots up (their y labels differ in width) so one time is one x position.
    void alignPlots();

    TimelineChart *m_timeline = nullptr;
    TimelineChart *m_scores = nullptr;
    TimelineChart *m_overview = nullptr;
    QSplitter *m_splitter = nullptr;
    std::optional<std::vector<TruthInterval>> m_truth;
    QString m_truthSource;
    // Aligns after the charts' layouts: margins set while a layout runs are not laid out.
    QTimer *m_alignTimer = nullptr;
    bool m_following = false;
    bool m_showingNewest = false; // the view is moving for following, not for the analyst
    double m_followRows = 600;
};

} // namespace tideline
