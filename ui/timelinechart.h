#pragma once

#include "common/series.h"

#include <QChartView>
#include <memory>
#include <optional>
#include <vector>

class QAbstractAxis;
class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QRubberBand;
class QTimer;

namespace tideline {

class PlotLineItem;

// Values over the rows of a Series, drawn decimated (min/max per pixel column) so a million
// bins pan and zoom smoothly. The x axis is the row position, labelled with the rows' times,
// so a "no data" gap takes one slot (a grey band) instead of years of empty axis. Overlays —
// gaps, anomaly bands, the selected range — are drawn over the plot and never decimated, so a
// one-bin anomaly stays visible at any zoom.
//
// Mouse: wheel zooms around the cursor, drag pans, Shift+drag (or right-drag) zooms to a
// range, Ctrl+drag selects a range, a click on a band selects it; hovering shows the bin.
class TimelineChart : public QChartView
{
    Q_OBJECT

public:
    enum class Role { Timeline, Scores, Overview };
    // Several features: each its own line, or stacked, each line adding its feature to the
    // lines below so the top line is their total.
    enum class Layout { Overlaid, Stacked };

    explicit TimelineChart(Role role, QWidget *parent = nullptr);
    ~TimelineChart() override;

    // The rows (times, gaps) and which of their features to draw, one line each.
    void setSeries(std::shared_ptr<const Series> series, const QList<int> &features,
                   Layout layout = Layout::Overlaid);
    void setFeatures(const QList<int> &features, Layout layout = Layout::Overlaid);
    // The same rows and more after them (a live capture): the lines, gaps and time axis take
    // them in, while the view, the history, the bands and the selection stay.
    void growSeries(std::shared_ptr<const Series> series);
    const std::shared_ptr<const Series> &series() const { return m_series; }
    const QList<int> &features() const { return m_features; }
    Layout layout() const { return m_layout; }
    // Other values over the same rows (scores); `title` names them.
    void setValues(std::vector<double> values, const QString &title);
    // The values each line draws, first line first: stacked, the running sum (NaN: no data).
    qsizetype lineCount() const { return qsizetype(m_lines.size()); }
    const std::vector<double> &values(qsizetype line = 0) const
    {
        return m_lines[std::size_t(line)].values;
    }

    // The threshold (dashed) and the lower hold level intervals stay open above (dotted).
    void setThreshold(std::optional<double> threshold, std::optional<double> hold = {});
    // Scores: a second axis on the right labelled with these (value, label) pairs ("1 in 1k")
    // at the raw values; empty removes it.
    void setRarityTicks(std::vector<std::pair<double, QString>> ticks);
    void setLogScale(bool on);
    bool logScale() const { return m_logScale; }

    // Anomalous intervals as inclusive row ranges; `selected` is highlighted (-1: none).
    void setBands(const std::vector<std::pair<qsizetype, qsizetype>> &bands, int selected = -1);
    void setSelectedBand(int selected);
    // Where the visible bands are drawn, in the chart's coordinates.
    QList<QRectF> bandRects() const;
    // Stretches of rows (inclusive) where the capture lost packets, each with a tooltip saying
    // how many: hatched like a warning, never decimated, so that nothing is lost silently.
    struct DropBand
    {
        qsizetype first = 0;
        qsizetype last = 0;
        QString toolTip;
    };
    void setDropBands(const std::vector<DropBand> &bands);
    QList<QRectF> dropRects() const;
    // A range the analyst picked (Ctrl+drag), in row positions; nullopt clears it.
    void setSelection(std::optional<std::pair<double, double>> rows);
    std::optional<std::pair<double, double>> selection() const { return m_selection; }
    // The rows a detector trained on, [from, to) in row positions, as a strip under the axis
    // whose tooltip is `toolTip`; nullopt removes it.
    void setTrainingRange(std::optional<std::pair<double, double>> rows, const QString &toolTip);
    std::optional<std::pair<double, double>> trainingRange() const { return m_trainingRange; }
    // Where the strip is drawn, in the chart's coordinates; empty when there is none in view.
    QRectF trainingStripRect() const;
    // A labelled stretch of rows in the truth lane, [from, to) in row positions.
    struct TruthMark
    {
        double from = 0;
        double to = 0;
        QString kind; // written in the mark when it fits, and chooses its colour
        QString toolTip;
    };
    // Timeline role: the known anomalies (a truth file, a label column) as a thin lane under
    // the time axis, on the plot's x scale; `toolTip` tells where they came from. Empty marks
    // with an empty tooltip remove the lane.
    void setTruthLane(std::vector<TruthMark> marks, const QString &toolTip);
    bool hasTruthLane() const { return m_truthLane != nullptr; }
    // Where the lane and its visible marks are drawn, in the chart's coordinates.
    QRectF truthLaneRect() const;
    QList<QRectF> truthMarkRects() const;
    // Overview role: the part of the rows the main chart shows.
    void setWindow(double from, double to);

    // The visible range in row positions [from, to).
    double visibleFrom() const { return m_from; }
    double visibleTo() const { return m_to; }
    void setVisibleRows(double from, double to);
    // The same, left out of the back/forward history (a live view following the newest rows).
    void showRows(double from, double to);

    // Extra room left of the plot, so charts stacked on one time axis line their plots up;
    // naturalPlotLeft() is where the plot started without it at the last layout. The same on
    // the right, where the score chart's rarity axis takes room the timeline does not.
    void setLeftInset(int pixels);
    double naturalPlotLeft() const { return m_naturalPlotLeft; }
    void setRightInset(int pixels);
    double naturalRightMargin() const { return m_naturalRightMargin; }

    void zoomBy(double factor);  // > 1 zooms in, around the middle
    void panBy(double fraction); // of the visible width; negative is earlier
    void resetZoom();
    void back();
    void forward();
    bool canGoBack() const { return m_historyPosition > 0; }
    bool canGoForward() const { return m_historyPosition + 1 < m_history.size(); }

signals:
    void visibleRowsChanged(double from, double to);
    void historyChanged();
    void bandClicked(int band);
    void rowClicked(qsizetype row);
    void selectionChanged(double from, double to);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    struct Line
    {
        QString name;
        std::vector<double> values;
        PlotLineItem *item;
    };

    struct Overlay
    {
        enum class Kind { Gap, Band, Drops, Selection, Window };
        Kind kind;
        double from; // row positions
        double to;
        int index; // the band's number, for Kind::Band
        QGraphicsRectItem *item;
    };

    // Draws `lines` (name, values), replacing the ones drawn.
    void setLines(std::vector<std::pair<QString, std::vector<double>>> lines);
    // One gap overlay per run of rows without data, however long.
    void addGaps();
    QList<QRectF> overlayRects(Overlay::Kind kind) const;
    // The lines' pens, and the title: the line's name, or a legend in the lines' colours.
    void styleLines();
    QColor lineColour(std::size_t line) const;
    void applyRange(double from, double to, bool remember);
    void plotAreaMoved();
    void refreshPoints();
    // Maps the lines onto the plot area and the axes' ranges.
    void placeLines();
    void refreshTimeAxis();
    // Labels the rows that start on a multiple of `step` (regular bins only).
    void labelClockTimes(TimeNs step, double lastLabel);
    void refreshOverlays();
    void refreshTrainingStrip();
    void refreshTruthLane();
    void styleTruthLane();
    void removeOverlays(Overlay::Kind kind);
    QGraphicsRectItem *addOverlay(Overlay::Kind kind, double from, double to, int index = -1);
    void styleOverlay(const Overlay &overlay) const;
    void installYAxis(QAbstractAxis *axis);
    // The rarity axis spans what the value axis spans, labelled where its ticks fall inside.
    void refreshRarityAxis();
    // Colours of the chart, its axes, lines and overlays from the widget's palette.
    void applyPalette();
    void styleAxis(QAbstractAxis *axis) const;
    double rowAt(const QPoint &viewPosition) const;
    int bandAt(double row) const;
    QString rowTimeText(qsizetype row) const;
    void showBinTip(const QPoint &viewPosition, const QPoint &globalPosition);

    Role m_role;
    QChart *m_chart = nullptr;
    std::vector<Line> m_lines; // drawn decimated, the first one under the others
    QLineSeries *m_thresholdLine = nullptr;
    QLineSeries *m_holdLine = nullptr;
    QCategoryAxis *m_rarityAxis = nullptr; // scores only, when calibrated
    std::vector<std::pair<double, QString>> m_rarityTicks;
    QCategoryAxis *m_axisX = nullptr;
    QAbstractAxis *m_axisY = nullptr;
    std::pair<double, double> m_yRange; // last asked of m_axisY, before nice numbers
    QRubberBand *m_rubberBand = nullptr;
    QTimer *m_layoutTimer = nullptr; // coalesces plot-area changes into one refresh
    int m_decimatedWidth = 0;
    int m_leftInset = 0;
    int m_rightInset = 0;
    // Kept at each layout: between setLeftInset() and the next layout, plotArea() still has
    // the old insets in it.
    double m_naturalPlotLeft = 0;
    double m_naturalRightMargin = 0;

    std::shared_ptr<const Series> m_series;
    QList<int> m_features; // empty when the lines are other values (scores)
    Layout m_layout = Layout::Overlaid;
    std::optional<double> m_threshold;
    std::optional<double> m_hold;
    bool m_logScale = false;
    double m_from = 0;
    double m_to = 1;

    std::vector<Overlay> m_overlays;
    std::optional<std::pair<double, double>> m_trainingRange;
    QGraphicsRectItem *m_trainingStrip = nullptr;
    std::vector<TruthMark> m_truthMarks;
    QStringList m_truthKinds;                 // in order of first appearance: their colours
    QGraphicsRectItem *m_truthLane = nullptr; // the lane's background; null without a lane
    QGraphicsSimpleTextItem *m_truthCaption = nullptr; // "truth", left of the lane
    std::vector<QGraphicsRectItem *> m_truthItems;     // children of m_truthLane, one per mark
    int m_selectedBand = -1;
    std::optional<std::pair<double, double>> m_selection;

    QList<std::pair<double, double>> m_history;
    qsizetype m_historyPosition = -1;

    enum class Drag { None, Pan, Zoom, Select };
    Drag m_drag = Drag::None;
    QPoint m_pressPosition;
    double m_pressFrom = 0;
    double m_pressTo = 0;
};

} // namespace tideline
