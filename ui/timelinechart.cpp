#include "timelinechart.h"

#include "appearance.h"
#include "decimation.h"
#include "plotlineitem.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QTimeZone>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <iterator>

namespace tideline {

namespace {

constexpr double kMinimumVisibleRows = 4.0;
constexpr int kDragThreshold = 4;
constexpr double kMinimumOverlayPixels = 2.0;
// The training strip: its height under the axis line, and the slack around it that still
// shows its tooltip.
constexpr double kTrainingStripHeight = 4.0;
constexpr double kTrainingStripSlack = 3.0;
// The truth lane under the time axis labels: its height and the room above it.
constexpr double kTruthLaneHeight = 14.0;
constexpr double kTruthLaneGap = 3.0;

constexpr TimeNs kMinute = 60 * kNsPerSecond;
constexpr TimeNs kHour = 60 * kMinute;
constexpr TimeNs kDay = 24 * kHour;

// Steps that land on round clock times, smallest first.
constexpr TimeNs kClockSteps[] = {kNsPerMs,
                                  2 * kNsPerMs,
                                  5 * kNsPerMs,
                                  10 * kNsPerMs,
                                  20 * kNsPerMs,
                                  50 * kNsPerMs,
                                  100 * kNsPerMs,
                                  200 * kNsPerMs,
                                  500 * kNsPerMs,
                                  kNsPerSecond,
                                  2 * kNsPerSecond,
                                  5 * kNsPerSecond,
                                  10 * kNsPerSecond,
                                  15 * kNsPerSecond,
                                  30 * kNsPerSecond,
                                  kMinute,
                                  2 * kMinute,
                                  5 * kMinute,
                                  10 * kMinute,
                                  15 * kMinute,
                                  30 * kMinute,
                                  kHour,
                                  2 * kHour,
                                  3 * kHour,
                                  6 * kHour,
                                  12 * kHour,
                                  kDay,
                                  2 * kDay,
                                  7 * kDay,
                                  14 * kDay,
                                  28 * kDay,
                                  91 * kDay,
                                  364 * kDay};

// Times as axis labels with enough digits to tell labels `step` apart, and the date on the
// first label and wherever it changes when the view covers more than one day (a gap row can
// hide years).
class TimeLabels
{
public:
    TimeLabels(TimeNs step, TimeNs first, TimeNs last)
        : m_step(step)
        , m_manyDays(dateOf(first) != dateOf(last))
    {}

    QString next(TimeNs time)
    {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(time / kNsPerMs, QTimeZone::utc());
        if (m_step % kDay == 0)
            return dt.toString(QStringLiteral("yyyy-MM-dd"));
        QString text = dt.toString(m_step % kNsPerSecond != 0 ? QStringLiteral("HH:mm:ss.zzz")
                                   : m_step % kMinute != 0    ? QStringLiteral("HH:mm:ss")
                                                              : QStringLiteral("HH:mm"));
        if (m_manyDays && dt.date() != m_date)
            text.prepend(dt.toString(QStringLiteral("yyyy-MM-dd ")));
        m_date = dt.date();
        return text;
    }

private:
    static QDate dateOf(TimeNs time)
    {
        return QDateTime::fromMSecsSinceEpoch(time / kNsPerMs, QTimeZone::utc()).date();
    }

    TimeNs m_step;
    bool m_manyDays;
    QDate m_date;
};

// A step of 1, 2 or 5 × 10^k rows giving at most `labels` labels over `span` rows.
double labelStep(double span, int labels)
{
    const double raw = std::max(1.0, span / labels);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

// The smallest round clock step that is whole bins and gives at most `labels` labels over
// `rows` bins; 0 when none fits (odd bin widths).
TimeNs clockStep(TimeNs binWidth, double rows, int labels)
{
    for (TimeNs step : kClockSteps) {
        if (step >= binWidth && step % binWidth == 0 &&
            rows * double(binWidth) / double(step) <= labels)
            return step;
    }
    return 0;
}

TimeNs floorMod(TimeNs a, TimeNs b)
{
    const TimeNs r = a % b;
    return r < 0 ? r + b : r;
}

} // namespace

TimelineChart::TimelineChart(Role role, QWidget *parent)
    : QChartView(parent)
    , m_role(role)
    , m_chart(new QChart)
    , m_thresholdLine(new QLineSeries)
    , m_holdLine(new QLineSeries)
    , m_axisX(new QCategoryAxis)
    , m_rubberBand(new QRubberBand(QRubberBand::Rectangle, this))
    , m_layoutTimer(new QTimer(this))
    , m_trainingStrip(new QGraphicsRectItem(m_chart))
{
    m_chart->legend()->hide();
    m_chart->setMargins(role == Role::Overview ? QMargins(2, 0, 2, 0) : QMargins(4, 4, 4, 4));
    m_chart->addSeries(m_thresholdLine);
    m_chart->addSeries(m_holdLine);
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisX->setTruncateLabels(false);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_thresholdLine->attachAxis(m_axisX);
    m_holdLine->attachAxis(m_axisX);
    installYAxis(new QValueAxis);

    if (role == Role::Overview) {
        m_axisX->setLabelsVisible(false);
        m_axisX->setGridLineVisible(false);
        m_axisY->setVisible(false);
        setMinimumHeight(50);
        setMaximumHeight(70);
    } else {
        setMinimumHeight(140);
    }
    // QChartView(QWidget *) made a placeholder chart; setChart() takes it out of the scene but
    // leaves deleting it to us (the view deletes only the chart in its scene).
    QChart *const placeholder = chart();
    setChart(m_chart);
    delete placeholder;
    applyPalette();
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true);

    // Axis labels changing width move the plot area, which would re-decimate and change the
    // labels again: settle once per event-loop turn instead of recursing.
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        m_naturalPlotLeft = area.left() - m_leftInset;
        m_naturalRightMargin = m_chart->size().width() - area.right() - m_rightInset;
    });
    m_trainingStrip->setPen(Qt::NoPen);
    m_trainingStrip->setZValue(4);
    m_trainingStrip->hide();
    m_layoutTimer->setSingleShot(true);
    m_layoutTimer->setInterval(0);
    connect(m_layoutTimer, &QTimer::timeout, this, &TimelineChart::plotAreaMoved);
    connect(m_chart, &QChart::plotAreaChanged, m_layoutTimer, qOverload<>(&QTimer::start));
}

TimelineChart::~TimelineChart() = default;

void TimelineChart::installYAxis(QAbstractAxis *axis)
{
    if (m_axisY) {
        m_thresholdLine->detachAxis(m_axisY);
        m_holdLine->detachAxis(m_axisY);
        m_chart->removeAxis(m_axisY);
        delete m_axisY;
    }
    m_axisY = axis;
    m_yRange = {};
    if (auto *linear = qobject_cast<QValueAxis *>(axis))
        linear->setLabelFormat(QStringLiteral("%.4g"));
    if (auto *log = qobject_cast<QLogValueAxis *>(axis)) {
        log->setLabelFormat(QStringLiteral("%.3g"));
        log->setMinorTickCount(-1);
    }
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_thresholdLine->attachAxis(m_axisY);
    m_holdLine->attachAxis(m_axisY);
    styleAxis(m_axisY);
    if (m_role == Role::Overview)
        m_axisY->setVisible(false);
}

void TimelineChart::applyPalette()
{
    const QPalette colours = palette();
    const bool dark = appearance::isDark(colours);
    const QColor base = colours.color(QPalette::Base);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(colours.color(QPalette::Text));
    setBackgroundBrush(colours.color(QPalette::Window));
    styleAxis(m_axisX);
    styleAxis(m_axisY);

    styleLines();
    QPen thresholdPen(dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd3, 0x2f, 0x2f));
    thresholdPen.setStyle(Qt::DashLine);
    thresholdPen.setWidthF(1.5);
    m_thresholdLine->setPen(thresholdPen);
    QPen holdPen = thresholdPen;
    holdPen.setStyle(Qt::DotLine);
    holdPen.setWidthF(1.0);
    m_holdLine->setPen(holdPen);
    if (m_rarityAxis)
        styleAxis(m_rarityAxis);
    for (const Overlay &overlay : m_overlays)
        styleOverlay(overlay);
    // The training rows: a muted green, apart from the axis' grey and the bands' reds.
    m_trainingStrip->setBrush(appearance::mix(base, QColor(0x2e, 0x8b, 0x57), dark ? 0.7 : 0.6));
    styleTruthLane();
}

QColor TimelineChart::lineColour(std::size_t line) const
{
    // Told apart by hue and lightness alike; the dark palette's are lighter for contrast.
    static const QColor kLight[] = {QColor(0x1f, 0x6f, 0xb8), QColor(0xd9, 0x73, 0x0d),
                                    QColor(0x2e, 0x8b, 0x3e), QColor(0xb0, 0x36, 0x8a)};
    static const QColor kDark[] = {QColor(0x5c, 0xb3, 0xff), QColor(0xff, 0xa6, 0x57),
                                   QColor(0x7e, 0xe7, 0x87), QColor(0xf7, 0x78, 0xba)};
    const bool dark = appearance::isDark(palette());
    if (m_role == Role::Scores)
        return dark ? QColor(0xc3, 0x9b, 0xf0) : QColor(0x6a, 0x3d, 0x9a);
    return (dark ? kDark : kLight)[line % std::size(kLight)];
}

void TimelineChart::styleLines()
{
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        // Width 1 and cosmetic: the raster engine draws it directly instead of stroking an
        // outline of thousands of segments (joins and all) every frame.
        QPen pen(lineColour(i));
        pen.setWidth(1);
        pen.setCosmetic(true);
        m_lines[i].item->setPen(pen);
    }
    if (m_role == Role::Overview || m_lines.empty())
        return;
    if (m_lines.size() == 1) {
        m_chart->setTitle(m_lines.front().name);
        return;
    }
    // Qt Charts draws the title as HTML: a legend in the lines' colours.
    QStringList entries;
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        entries << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                       .arg(lineColour(i).name(), m_lines[i].name.toHtmlEscaped());
    const QString legend = entries.join(QStringLiteral("&nbsp;&nbsp; "));
    m_chart->setTitle(m_layout == Layout::Stacked ? tr("stacked, bottom up: %1").arg(legend)
                                                  : legend);
}

void TimelineChart::styleAxis(QAbstractAxis *axis) const
{
    const QPalette colours = palette();
    const QColor text = colours.color(QPalette::Text), base = colours.color(QPalette::Base);
    axis->setLabelsBrush(text);
    axis->setTitleBrush(text);
    axis->setLinePen(QPen(appearance::mix(base, text, 0.45), 1));
    axis->setGridLinePen(QPen(appearance::mix(base, text, 0.14), 1));
    axis->setMinorGridLinePen(QPen(appearance::mix(base, text, 0.07), 1));
    axis->setShadesVisible(false);
}

void TimelineChart::setSeries(std::shared_ptr<const Series> series, const QList<int> &features,
                              Layout layout)
{
    m_series = std::move(series);
    m_history.clear();
    m_historyPosition = -1;
    m_overlays.erase(std::remove_if(m_overlays.begin(), m_overlays.end(),
                                    [](const Overlay &o) {
                                        delete o.item;
                                        return true;
                                    }),
                     m_overlays.end());
    m_selection.reset();
    m_selectedBand = -1;
    addGaps();
    setFeatures(features, layout);
    resetZoom();
}

void TimelineChart::addGaps()
{
    const qsizetype rows = m_series ? m_series->rowCount() : 0;
    for (qsizetype r = 0; r < rows; ++r) {
        if (m_series->rowHasData(r))
            continue;
        const qsizetype first = r;
        while (r + 1 < rows && !m_series->rowHasData(r + 1))
            ++r;
        addOverlay(Overlay::Kind::Gap, double(first), double(r + 1))
            ->setToolTip(tr("No data: nothing was captured here"));
    }
}

void TimelineChart::growSeries(std::shared_ptr<const Series> series)
{
    m_series = std::move(series);
    removeOverlays(Overlay::Kind::Gap);
    addGaps();
    if (m_features.isEmpty())
        refreshPoints();
    else
        setFeatures(m_features, m_layout);
    refreshTimeAxis();
    refreshOverlays();
}

void TimelineChart::setFeatures(const QList<int> &features, Layout layout)
{
    if (!m_series)
        return;
    std::vector<std::pair<QString, std::vector<double>>> lines;
    for (int feature : features) {
        if (feature < 0 || feature >= m_series->values.cols())
            return;
        const auto column = m_series->values.col(feature);
        std::vector<double> values(column.data(), column.data() + column.size());
        if (layout == Layout::Stacked && !lines.empty()) {
            const std::vector<double> &below = lines.back().second;
            for (std::size_t r = 0; r < values.size(); ++r)
                values[r] += below[r];
        }
        // Rows without data are breaks in the line, not zeros.
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (!m_series->rowHasData(qsizetype(r)))
                values[r] = std::numeric_limits<double>::quiet_NaN();
        }
        lines.emplace_back(m_series->features[std::size_t(feature)].name, std::move(values));
    }
    m_features = features;
    m_layout = layout;
    setLines(std::move(lines));
}

void TimelineChart::setValues(std::vector<double> values, const QString &title)
{
    m_features.clear();
    m_layout = Layout::Overlaid;
    std::vector<std::pair<QString, std::vector<double>>> lines;
    lines.emplace_back(title, std::move(values));
    setLines(std::move(lines));
}

void TimelineChart::setLines(std::vector<std::pair<QString, std::vector<double>>> lines)
{
    while (m_lines.size() > lines.size()) {
        delete m_lines.back().item;
        m_lines.pop_back();
    }
    while (m_lines.size() < lines.size()) {
        auto *item = new PlotLineItem(m_chart);
        // Over the bands and gaps (z 1–2, Qt Charts' shades and grid) and the axis lines (3),
        // so zeros show along the x axis; under the threshold series (4).
        item->setZValue(3.5);
        m_lines.push_back({{}, {}, item});
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        m_lines[i].name = std::move(lines[i].first);
        m_lines[i].values = std::move(lines[i].second);
    }
    styleLines();
    refreshPoints();
}

void TimelineChart::setThreshold(std::optional<double> threshold, std::optional<double> hold)
{
    m_threshold = threshold;
    m_hold = hold;
    refreshPoints();
}

void TimelineChart::setRarityTicks(std::vector<std::pair<double, QString>> ticks)
{
    m_rarityTicks = std::move(ticks);
    if (m_rarityTicks.empty()) {
        if (m_rarityAxis) {
            m_chart->removeAxis(m_rarityAxis);
            delete m_rarityAxis;
            m_rarityAxis = nullptr;
        }
        return;
    }
    if (!m_rarityAxis) {
        m_rarityAxis = new QCategoryAxis;
        m_rarityAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_rarityAxis->setGridLineVisible(false);
        m_rarityAxis->setTitleText(tr("rarity"));
        m_chart->addAxis(m_rarityAxis, Qt::AlignRight);
        styleAxis(m_rarityAxis);
    }
    refreshRarityAxis();
}

void TimelineChart::refreshRarityAxis()
{
    if (!m_rarityAxis)
        return;
    const auto *linear = qobject_cast<QValueAxis *>(m_axisY);
    // The rarity axis is linear: beside a log score axis it runs over the scores' logarithms,
    // which a log axis spaces evenly.
    const auto place = [&](double score) {
        return m_logScale
                   ? (score > 0.0 ? std::log10(score) : -std::numeric_limits<double>::infinity())
                   : score;
    };
    const double low = place(linear ? linear->min() : m_yRange.first);
    const double high = place(linear ? linear->max() : m_yRange.second);
    for (const QString &label : m_rarityAxis->categoriesLabels())
        m_rarityAxis->remove(label);
    if (!(low < high))
        return;
    m_rarityAxis->setRange(low, high);
    m_rarityAxis->setStartValue(low);
    // Labels closer than a line of text would overlap: of those, the rarest stays — the
    // threshold lies among the rare ones, and a detector whose scores span thousands (a
    // flood's) crowds all the common ones at the foot of the axis.
    const double minimumSpacing = (high - low) * 14.0 / std::max(1.0, m_chart->plotArea().height());
    double previous = high + minimumSpacing;
    std::vector<std::pair<double, QString>> shown;
    for (auto tick = m_rarityTicks.rbegin(); tick != m_rarityTicks.rend(); ++tick) {
        const double value = place(tick->first);
        if (value <= low || value >= high || previous - value < minimumSpacing)
            continue;
        shown.emplace_back(value, tick->second);
        previous = value;
    }
    // QCategoryAxis takes its categories from the bottom up.
    for (auto tick = shown.rbegin(); tick != shown.rend(); ++tick)
        m_rarityAxis->append(tick->second, tick->first);
}

void TimelineChart::setLogScale(bool on)
{
    if (on == m_logScale)
        return;
    m_logScale = on;
    if (on)
        installYAxis(new QLogValueAxis);
    else
        installYAxis(new QValueAxis);
    refreshPoints();
}

void TimelineChart::setBands(const std::vector<std::pair<qsizetype, qsizetype>> &bands,
                             int selected)
{
    removeOverlays(Overlay::Kind::Band);
    for (std::size_t i = 0; i < bands.size(); ++i)
        addOverlay(Overlay::Kind::Band, double(bands[i].first), double(bands[i].second + 1),
                   int(i));
    setSelectedBand(selected);
    // New overlays have no geometry until placed; without this they waited for the next zoom.
    refreshOverlays();
}

void TimelineChart::setSelectedBand(int selected)
{
    m_selectedBand = selected;
    for (const Overlay &overlay : m_overlays)
        styleOverlay(overlay);
}

QList<QRectF> TimelineChart::overlayRects(Overlay::Kind kind) const
{
    QList<QRectF> rects;
    for (const Overlay &overlay : m_overlays) {
        if (overlay.kind == kind && overlay.item->isVisible())
            rects << overlay.item->rect();
    }
    return rects;
}

QList<QRectF> TimelineChart::bandRects() const
{
    return overlayRects(Overlay::Kind::Band);
}

void TimelineChart::setDropBands(const std::vector<DropBand> &bands)
{
    removeOverlays(Overlay::Kind::Drops);
    for (const DropBand &band : bands)
        addOverlay(Overlay::Kind::Drops, double(band.first), double(band.last + 1))
            ->setToolTip(band.toolTip);
    refreshOverlays();
}

QList<QRectF> TimelineChart::dropRects() const
{
    return overlayRects(Overlay::Kind::Drops);
}

void TimelineChart::setSelection(std::optional<std::pair<double, double>> rows)
{
    m_selection = rows;
    removeOverlays(Overlay::Kind::Selection);
    if (rows)
        addOverlay(Overlay::Kind::Selection, rows->first, rows->second);
    refreshOverlays();
}

void TimelineChart::setWindow(double from, double to)
{
    removeOverlays(Overlay::Kind::Window);
    addOverlay(Overlay::Kind::Window, from, to);
    refreshOverlays();
}

void TimelineChart::setTrainingRange(std::optional<std::pair<double, double>> rows,
                                     const QString &toolTip)
{
    m_trainingRange = rows;
    m_trainingStrip->setToolTip(toolTip);
    refreshTrainingStrip();
}

QRectF TimelineChart::trainingStripRect() const
{
    return m_trainingStrip->isVisible() ? m_trainingStrip->rect() : QRectF();
}

void TimelineChart::refreshTrainingStrip()
{
    const double left = m_trainingRange ? std::max(m_trainingRange->first, m_from) : 0.0;
    const double right = m_trainingRange ? std::min(m_trainingRange->second, m_to) : 0.0;
    m_trainingStrip->setVisible(m_trainingRange && right > left && m_role != Role::Overview);
    if (!m_trainingStrip->isVisible())
        return;
    const QRectF area = m_chart->plotArea();
    const double width = m_to - m_from;
    const double x0 = area.left() + (left - m_from) / width * area.width();
    const double x1 = area.left() + (right - m_from) / width * area.width();
    m_trainingStrip->setRect(QRectF(x0, area.bottom() + 1, std::max(x1 - x0, kMinimumOverlayPixels),
                                    kTrainingStripHeight));
}

void TimelineChart::setTruthLane(std::vector<TruthMark> marks, const QString &toolTip)
{
    const bool had = m_truthLane != nullptr;
    delete m_truthLane; // and the marks, its children
    delete m_truthCaption;
    m_truthLane = nullptr;
    m_truthCaption = nullptr;
    m_truthItems.clear();
    m_truthKinds.clear();
    m_truthMarks = std::move(marks);
    const bool lane = !m_truthMarks.empty() || !toolTip.isEmpty();
    if (lane != had) {
        // The lane takes room under the axis labels; the plot's x scale stays as it was.
        const int room = int(kTruthLaneHeight + kTruthLaneGap);
        QMargins margins = m_chart->margins();
        margins.setBottom(margins.bottom() + (lane ? room : -room));
        m_chart->setMargins(margins);
    }
    if (!lane)
        return;
    m_truthLane = new QGraphicsRectItem(m_chart);
    m_truthLane->setPen(Qt::NoPen);
    m_truthLane->setToolTip(toolTip);
    // Marks end where the plot ends, however far the interval goes on.
    m_truthLane->setFlag(QGraphicsItem::ItemClipsChildrenToShape);
    m_truthCaption = new QGraphicsSimpleTextItem(tr("truth"), m_chart);
    m_truthCaption->setToolTip(toolTip);
    QFont font = m_axisX->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    m_truthCaption->setFont(font);
    for (const TruthMark &mark : m_truthMarks) {
        if (!m_truthKinds.contains(mark.kind))
            m_truthKinds << mark.kind;
        auto *item = new QGraphicsRectItem(m_truthLane);
        item->setPen(Qt::NoPen);
        item->setToolTip(mark.toolTip);
        item->setFlag(QGraphicsItem::ItemClipsChildrenToShape);
        auto *text = new QGraphicsSimpleTextItem(mark.kind, item);
        text->setFont(font);
        m_truthItems.push_back(item);
    }
    styleTruthLane();
    refreshTruthLane();
}

void TimelineChart::styleTruthLane()
{
    if (!m_truthLane)
        return;
    // Hues apart from the lines' blue and orange, the bands' reds and the training green; the
    // dark palette's are lighter, with dark text.
    static const QColor kLight[] = {QColor(0x00, 0x79, 0x6b), QColor(0x39, 0x49, 0xab),
                                    QColor(0x8d, 0x4e, 0x85), QColor(0x6d, 0x5d, 0x4b),
                                    QColor(0x45, 0x5a, 0x64)};
    static const QColor kDark[] = {QColor(0x4d, 0xb6, 0xac), QColor(0x9f, 0xa8, 0xda),
                                   QColor(0xce, 0x93, 0xd8), QColor(0xbc, 0xaa, 0xa4),
                                   QColor(0x90, 0xa4, 0xae)};
    const QPalette colours = palette();
    const bool dark = appearance::isDark(colours);
    const QColor base = colours.color(QPalette::Base), text = colours.color(QPalette::Text);
    m_truthLane->setBrush(appearance::mix(base, text, 0.07));
    m_truthCaption->setBrush(text);
    for (std::size_t i = 0; i < m_truthItems.size(); ++i) {
        const auto kind = std::size_t(m_truthKinds.indexOf(m_truthMarks[i].kind));
        m_truthItems[i]->setBrush((dark ? kDark : kLight)[kind % std::size(kLight)]);
        for (QGraphicsItem *child : m_truthItems[i]->childItems())
            static_cast<QGraphicsSimpleTextItem *>(child)->setBrush(base);
    }
}

void TimelineChart::refreshTruthLane()
{
    if (!m_truthLane)
        return;
    const QRectF area = m_chart->plotArea();
    const double top = m_chart->size().height() - m_chart->margins().bottom() + kTruthLaneGap;
    m_truthLane->setRect(QRectF(area.left(), top, area.width(), kTruthLaneHeight));
    const QRectF caption = m_truthCaption->boundingRect();
    m_truthCaption->setPos(area.left() - caption.width() - 4,
                           top + (kTruthLaneHeight - caption.height()) / 2);
    const double width = m_to - m_from;
    for (std::size_t i = 0; i < m_truthItems.size(); ++i) {
        const TruthMark &mark = m_truthMarks[i];
        QGraphicsRectItem *item = m_truthItems[i];
        const double left = std::max(mark.from, m_from);
        const double right = std::min(mark.to, m_to);
        item->setVisible(right > left);
        if (!item->isVisible())
            continue;
        double x0 = area.left() + (left - m_from) / width * area.width();
        double x1 = area.left() + (right - m_from) / width * area.width();
        if (x1 - x0 < kMinimumOverlayPixels) {
            const double middle = (x0 + x1) / 2;
            x0 = middle - kMinimumOverlayPixels / 2;
            x1 = middle + kMinimumOverlayPixels / 2;
        }
        item->setRect(QRectF(x0, top, x1 - x0, kTruthLaneHeight));
        // The kind is written in the mark only where it fits whole.
        auto *text = static_cast<QGraphicsSimpleTextItem *>(item->childItems().front());
        const QRectF bounds = text->boundingRect();
        text->setVisible(bounds.width() + 6 <= x1 - x0);
        text->setPos(x0 + 3, top + (kTruthLaneHeight - bounds.height()) / 2);
    }
}

QRectF TimelineChart::truthLaneRect() const
{
    return m_truthLane ? m_truthLane->rect() : QRectF();
}

QList<QRectF> TimelineChart::truthMarkRects() const
{
    QList<QRectF> rects;
    for (const QGraphicsRectItem *item : m_truthItems) {
        if (item->isVisible())
            rects << item->rect();
    }
    return rects;
}

QGraphicsRectItem *TimelineChart::addOverlay(Overlay::Kind kind, double from, double to, int index)
{
    auto *item = new QGraphicsRectItem(m_chart);
    item->setPen(Qt::NoPen);
    item->setZValue(kind == Overlay::Kind::Gap ? 1 : 2);
    m_overlays.push_back({kind, from, to, index, item});
    styleOverlay(m_overlays.back());
    return item;
}

void TimelineChart::removeOverlays(Overlay::Kind kind)
{
    const auto end = std::remove_if(m_overlays.begin(), m_overlays.end(), [kind](const Overlay &o) {
        if (o.kind != kind)
            return false;
        delete o.item;
        return true;
    });
    m_overlays.erase(end, m_overlays.end());
}

void TimelineChart::styleOverlay(const Overlay &overlay) const
{
    // Bands, the selection and the window are translucent over the base colour, so they read
    // on a light and on a dark chart alike (dark ones need more opacity for the same contrast).
    // Gaps are opaque, under the grid: there can be hundreds, and Qt's raster engine fills each
    // translucent rect taller than ~96 px with a thread pool, which then dominates a frame.
    const bool dark = appearance::isDark(palette());
    switch (overlay.kind) {
    case Overlay::Kind::Gap:
        overlay.item->setBrush(appearance::mix(palette().color(QPalette::Base),
                                               palette().color(QPalette::Text), dark ? 0.1 : 0.13));
        break;
    case Overlay::Kind::Band:
        overlay.item->setBrush(overlay.index == m_selectedBand
                                   ? QColor(255, 87, 34, dark ? 170 : 150)
                                   : QColor(255, 152, 0, dark ? 105 : 80));
        break;
    case Overlay::Kind::Drops:
        // Hatched red: lost data, unlike the orange of an anomaly.
        overlay.item->setBrush(QBrush(QColor(211, 47, 47, dark ? 200 : 170), Qt::BDiagPattern));
        overlay.item->setPen(QPen(QColor(211, 47, 47), 1));
        break;
    case Overlay::Kind::Selection:
        overlay.item->setBrush(QColor(33, 150, 243, dark ? 80 : 60));
        overlay.item->setPen(QPen(QColor(33, 150, 243), 1));
        break;
    case Overlay::Kind::Window:
        overlay.item->setBrush(QColor(33, 150, 243, dark ? 70 : 45));
        overlay.item->setPen(QPen(QColor(33, 150, 243), 1));
        break;
    }
}

void TimelineChart::setLeftInset(int pixels)
{
    if (pixels == m_leftInset)
        return;
    QMargins margins = m_chart->margins();
    margins.setLeft(margins.left() - m_leftInset + pixels);
    m_leftInset = pixels;
    m_chart->setMargins(margins);
}

void TimelineChart::setRightInset(int pixels)
{
    if (pixels == m_rightInset)
        return;
    QMargins margins = m_chart->margins();
    margins.setRight(margins.right() - m_rightInset + pixels);
    m_rightInset = pixels;
    m_chart->setMargins(margins);
}

void TimelineChart::setVisibleRows(double from, double to)
{
    applyRange(from, to, true);
}

void TimelineChart::showRows(double from, double to)
{
    applyRange(from, to, false);
}

void TimelineChart::applyRange(double from, double to, bool remember)
{
    const double rows = std::max<double>(1.0, m_series ? double(m_series->rowCount()) : 1.0);
    const double span = std::clamp(to - from, std::min(kMinimumVisibleRows, rows), rows);
    from = std::clamp(from, 0.0, rows - span);
    to = from + span;
    if (from == m_from && to == m_to && m_historyPosition >= 0)
        return;
    m_from = from;
    m_to = to;
    if (remember) {
        m_history.resize(m_historyPosition + 1);
        m_history.append({from, to});
        m_historyPosition = m_history.size() - 1;
        emit historyChanged();
    }
    m_axisX->setRange(from, to);
    refreshTimeAxis();
    refreshPoints();
    refreshOverlays();
    emit visibleRowsChanged(from, to);
}

void TimelineChart::zoomBy(double factor)
{
    const double middle = (m_from + m_to) / 2;
    const double half = (m_to - m_from) / factor / 2;
    setVisibleRows(middle - half, middle + half);
}

void TimelineChart::panBy(double fraction)
{
    const double shift = (m_to - m_from) * fraction;
    setVisibleRows(m_from + shift, m_to + shift);
}

void TimelineChart::resetZoom()
{
    setVisibleRows(0, m_series ? double(m_series->rowCount()) : 1.0);
}

void TimelineChart::back()
{
    if (!canGoBack())
        return;
    --m_historyPosition;
    applyRange(m_history[m_historyPosition].first, m_history[m_historyPosition].second, false);
    emit historyChanged();
}

void TimelineChart::forward()
{
    if (!canGoForward())
        return;
    ++m_historyPosition;
    applyRange(m_history[m_historyPosition].first, m_history[m_historyPosition].second, false);
    emit historyChanged();
}

void TimelineChart::refreshPoints()
{
    m_decimatedWidth = int(m_chart->plotArea().width());
    const auto first = qsizetype(std::floor(m_from));
    const auto last = qsizetype(std::ceil(m_to));
    std::vector<QList<QPointF>> points;
    double top = std::max(m_threshold.value_or(0.0), m_hold.value_or(0.0));
    double lowestPositive = std::numeric_limits<double>::max();
    for (const Line &line : m_lines) {
        points.push_back(decimateMinMax(line.values, first, last, std::max(1, m_decimatedWidth)));
        for (const QPointF &p : points.back()) {
            if (std::isnan(p.y()))
                continue;
            top = std::max(top, p.y());
            if (p.y() > 0)
                lowestPositive = std::min(lowestPositive, p.y());
        }
    }
    // Only a new range re-lays the axis out (and nice numbers move it once more).
    std::pair<double, double> range;
    if (m_logScale) {
        // A log axis cannot show zero: draw zeros on the floor of the visible positive values.
        const double floor =
            lowestPositive == std::numeric_limits<double>::max() ? 0.5 : lowestPositive / 2;
        for (QList<QPointF> &line : points) {
            for (QPointF &p : line)
                p.setY(std::max(p.y(), floor));
        }
        range = {floor, std::max(top * 1.5, floor * 10)};
    } else {
        range = {0.0, top > 0 ? top * 1.05 : 1.0};
    }
    if (range != m_yRange) {
        m_yRange = range;
        m_axisY->setRange(range.first, range.second);
        if (!m_logScale)
            static_cast<QValueAxis *>(m_axisY)->applyNiceNumbers();
        refreshRarityAxis();
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        m_lines[i].item->setPoints(std::move(points[i]));
    placeLines();
    if (m_threshold)
        m_thresholdLine->replace({QPointF(m_from, *m_threshold), QPointF(m_to, *m_threshold)});
    else
        m_thresholdLine->clear();
    if (m_hold && m_hold != m_threshold)
        m_holdLine->replace({QPointF(m_from, *m_hold), QPointF(m_to, *m_hold)});
    else
        m_holdLine->clear();
}

void TimelineChart::placeLines()
{
    double low = 0, high = 1;
    if (const auto *linear = qobject_cast<QValueAxis *>(m_axisY)) {
        low = linear->min();
        high = linear->max();
    } else if (const auto *log = qobject_cast<QLogValueAxis *>(m_axisY)) {
        low = log->min();
        high = log->max();
    }
    for (const Line &line : m_lines)
        line.item->setView(m_chart->plotArea(), m_from, m_to, low, high, m_logScale);
}

void TimelineChart::refreshTimeAxis()
{
    const QStringList old = m_axisX->categoriesLabels();
    for (const QString &label : old)
        m_axisX->remove(label);
    m_axisX->setStartValue(m_from);
    if (!m_series || m_series->rowCount() == 0 || m_role == Role::Overview)
        return;
    const int labels = std::max(2, int(m_chart->plotArea().width() / 140));
    // Leave the last few percent unlabelled so the final label is not cut at the edge.
    const double lastLabel = m_to - (m_to - m_from) * 0.04;
    const TimeNs binWidth = m_series->axis == Series::Axis::Time ? m_series->binWidth : 0;
    const TimeNs step = binWidth > 0 ? clockStep(binWidth, m_to - m_from, labels) : 0;
    const TimeNs firstStart =
        m_series
            ->starts[std::size_t(std::min(qsizetype(std::ceil(m_from)), m_series->rowCount() - 1))];
    if (step > 0 && floorMod(firstStart, binWidth) == 0) {
        labelClockTimes(step, lastLabel);
        return;
    }
    const double rowStep = labelStep(m_to - m_from, labels);
    const bool timed = m_series->axis == Series::Axis::Time;
    const qsizetype lastRow = m_series->rowCount() - 1;
    const auto timeOf = [&](double x) {
        return m_series->starts[std::size_t(std::clamp(qsizetype(x), qsizetype(0), lastRow))];
    };
    const TimeNs span = timed ? timeBetween(timeOf(m_from), timeOf(m_to)) : 0;
    // Irregular rows: label the rows' own times with enough digits to tell them apart.
    const TimeNs perLabel = span / labels;
    TimeLabels times(perLabel < 10 * kNsPerSecond ? kNsPerMs
                     : perLabel < kDay            ? kNsPerSecond
                                                  : kMinute,
                     timeOf(m_from), timeOf(m_to));
    QStringList used;
    for (double x = std::ceil(m_from / rowStep) * rowStep; x <= lastLabel; x += rowStep) {
        const QString label = timed ? times.next(timeOf(x)) : QString::number(qsizetype(x));
        if (used.contains(label))
            continue;
        used << label;
        m_axisX->append(label, x);
    }
}

void TimelineChart::labelClockTimes(TimeNs step, double lastLabel)
{
    // Rows are regular bins between gap rows, so the rows starting on a multiple of `step`
    // come every step / binWidth rows until a gap shifts them; re-align after each gap.
    const std::vector<TimeNs> &starts = m_series->starts;
    const TimeNs binWidth = m_series->binWidth;
    const qsizetype rowStep = step / binWidth;
    const qsizetype lastRow = std::min(qsizetype(lastLabel), m_series->rowCount() - 1);
    TimeLabels times(step, starts[std::size_t(qsizetype(m_from))], starts[std::size_t(lastRow)]);
    qsizetype previous = -rowStep;
    qsizetype r = qsizetype(std::ceil(m_from));
    while (r <= lastRow) {
        const TimeNs offset = floorMod(starts[std::size_t(r)], step);
        if (offset != 0) {
            // Whole bins to the next multiple, or the next row when a gap broke the grid.
            r += std::max<qsizetype>(1, (step - offset) / binWidth);
            continue;
        }
        if (r - previous >= rowStep / 2 && double(r) <= lastLabel) {
            m_axisX->append(times.next(starts[std::size_t(r)]), double(r));
            previous = r;
        }
        r += rowStep;
    }
}

void TimelineChart::refreshOverlays()
{
    const QRectF area = m_chart->plotArea();
    const double width = m_to - m_from;
    for (const Overlay &overlay : m_overlays) {
        const double left = std::max(overlay.from, m_from);
        const double right = std::min(overlay.to, m_to);
        // Bands and drops stay visible however narrow: one bin is one anomaly or one loss.
        const bool marker =
            overlay.kind == Overlay::Kind::Band || overlay.kind == Overlay::Kind::Drops;
        overlay.item->setVisible(right > left ||
                                 (marker && overlay.to >= m_from && overlay.from <= m_to));
        double x0 = area.left() + (left - m_from) / width * area.width();
        double x1 = area.left() + (right - m_from) / width * area.width();
        if (x1 - x0 < kMinimumOverlayPixels) {
            const double middle = (x0 + x1) / 2;
            x0 = middle - kMinimumOverlayPixels / 2;
            x1 = middle + kMinimumOverlayPixels / 2;
        }
        overlay.item->setRect(QRectF(x0, area.top(), x1 - x0, area.height()));
    }
    refreshTrainingStrip();
    refreshTruthLane();
}

void TimelineChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimelineChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_layoutTimer->start();
}

void TimelineChart::plotAreaMoved()
{
    // The number of time labels follows the width: a chart laid out while hidden (the score
    // chart before the first training) would otherwise keep its one or two labels.
    if (int(m_chart->plotArea().width()) != m_decimatedWidth) {
        refreshTimeAxis();
        refreshPoints();
    } else {
        placeLines();
    }
    refreshRarityAxis();
    refreshOverlays();
}

double TimelineChart::rowAt(const QPoint &viewPosition) const
{
    const QRectF area = m_chart->plotArea();
    const QPointF inChart = m_chart->mapFromScene(mapToScene(viewPosition));
    return m_from + (inChart.x() - area.left()) / area.width() * (m_to - m_from);
}

int TimelineChart::bandAt(double row) const
{
    // Bands are at least a couple of pixels wide: accept clicks that close.
    const double slack = (m_to - m_from) / std::max(1.0, m_chart->plotArea().width()) * 2;
    for (const Overlay &overlay : m_overlays) {
        if (overlay.kind == Overlay::Kind::Band && row >= overlay.from - slack &&
            row <= overlay.to + slack)
            return overlay.index;
    }
    return -1;
}

void TimelineChart::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || m_role == Role::Overview) {
        event->ignore();
        return;
    }
    const double factor = std::pow(1.25, steps);
    const double anchor = rowAt(event->position().toPoint());
    setVisibleRows(anchor - (anchor - m_from) / factor, anchor + (m_to - anchor) / factor);
    event->accept();
}

void TimelineChart::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->pos();
    m_pressFrom = m_from;
    m_pressTo = m_to;
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if (m_role == Role::Overview)
        m_drag = Drag::None;
    else if (event->button() == Qt::RightButton ||
             (event->button() == Qt::LeftButton && modifiers.testFlag(Qt::ShiftModifier)))
        m_drag = Drag::Zoom;
    else if (event->button() == Qt::LeftButton && modifiers.testFlag(Qt::ControlModifier))
        m_drag = Drag::Select;
    else if (event->button() == Qt::LeftButton)
        m_drag = Drag::Pan;
    else
        m_drag = Drag::None;
    if (m_drag == Drag::Zoom || m_drag == Drag::Select) {
        m_rubberBand->setGeometry(QRect(m_pressPosition, QSize()));
        m_rubberBand->show();
    }
    event->accept();
}

void TimelineChart::mouseMoveEvent(QMouseEvent *event)
{
    switch (m_drag) {
    case Drag::Pan: {
        const double perPixel =
            (m_pressTo - m_pressFrom) / std::max(1.0, m_chart->plotArea().width());
        const double shift = -(event->pos().x() - m_pressPosition.x()) * perPixel;
        applyRange(m_pressFrom + shift, m_pressTo + shift, false);
        break;
    }
    case Drag::Zoom:
    case Drag::Select: {
        const QRectF area = m_chart->plotArea();
        const QRect band = QRect(m_pressPosition, event->pos()).normalized();
        const int top = mapFromScene(m_chart->mapToScene(area.topLeft())).y();
        m_rubberBand->setGeometry(QRect(band.left(), top, band.width(), int(area.height())));
        break;
    }
    case Drag::None:
        showBinTip(event->pos(), event->globalPosition().toPoint());
        break;
    }
}

void TimelineChart::mouseReleaseEvent(QMouseEvent *event)
{
    const bool moved = (event->pos() - m_pressPosition).manhattanLength() > kDragThreshold;
    const double a = rowAt(m_pressPosition), b = rowAt(event->pos());
    m_rubberBand->hide();
    if (!moved) {
        const double row = rowAt(event->pos());
        const int band = bandAt(row);
        if (band >= 0)
            emit bandClicked(band);
        else if (row >= 0 && m_series && row < double(m_series->rowCount()))
            emit rowClicked(qsizetype(row));
    } else if (m_drag == Drag::Pan) {
        // Record the pan's end in the history once, not every mouse move.
        const double from = m_from, to = m_to;
        m_from = m_pressFrom;
        m_to = m_pressTo;
        applyRange(from, to, true);
    } else if (m_drag == Drag::Zoom) {
        setVisibleRows(std::min(a, b), std::max(a, b));
    } else if (m_drag == Drag::Select) {
        const double from = std::max(0.0, std::floor(std::min(a, b)));
        const double to = std::ceil(std::max(a, b));
        setSelection(std::make_pair(from, to));
        emit selectionChanged(from, to);
    }
    m_drag = Drag::None;
    event->accept();
}

QString TimelineChart::rowTimeText(qsizetype row) const
{
    if (m_series->axis == Series::Axis::Row)
        return tr("row %1").arg(row);
    return formatIsoUtc(m_series->starts[std::size_t(row)]);
}

void TimelineChart::showBinTip(const QPoint &viewPosition, const QPoint &globalPosition)
{
    const QRectF strip = trainingStripRect().adjusted(-kTrainingStripSlack, -kTrainingStripSlack,
                                                      kTrainingStripSlack, kTrainingStripSlack);
    const QPointF inChart = m_chart->mapFromScene(mapToScene(viewPosition));
    if (strip.contains(inChart)) {
        QToolTip::showText(globalPosition, m_trainingStrip->toolTip(), this);
        return;
    }
    if (m_truthLane && (m_truthLane->rect().contains(inChart) ||
                        m_truthCaption->sceneBoundingRect().contains(mapToScene(viewPosition)))) {
        // The mark under the pointer (a couple of pixels' slack for the narrow ones), else
        // where the lane's truth came from.
        QString tip = m_truthLane->toolTip();
        for (const QGraphicsRectItem *item : m_truthItems) {
            if (item->isVisible() && item->rect().adjusted(-2, 0, 2, 0).contains(inChart)) {
                tip = item->toolTip();
                break;
            }
        }
        QToolTip::showText(globalPosition, tip, this);
        return;
    }
    if (!m_series || m_lines.empty() || !m_chart->plotArea().contains(viewPosition)) {
        QToolTip::hideText();
        return;
    }
    const auto row = qsizetype(std::floor(rowAt(viewPosition)));
    if (row < 0 || row >= qsizetype(m_lines.front().values.size()))
        return;
    const bool hasData = m_series->rowHasData(row);
    const auto number = [hasData](double value) {
        return hasData ? QLocale().toString(value, 'g', 10) : tr("no data");
    };
    // Each feature's own value, also where the lines draw their running sum.
    QStringList text{rowTimeText(row)};
    for (qsizetype i = 0; i < lineCount(); ++i) {
        const double value = m_features.isEmpty() ? values(i)[std::size_t(row)]
                                                  : m_series->values(row, m_features[i]);
        text << tr("%1: %2").arg(m_lines[std::size_t(i)].name, number(value));
    }
    if (m_layout == Layout::Stacked)
        text << tr("total: %1").arg(number(m_lines.back().values[std::size_t(row)]));
    text << tr("bin %1").arg(row);
    // Drops as well: the pointer shows the bin's tip rather than the band's own.
    for (const Overlay &overlay : m_overlays) {
        if (overlay.kind == Overlay::Kind::Drops && double(row) >= overlay.from &&
            double(row) < overlay.to)
            text << overlay.item->toolTip();
    }
    QToolTip::showText(globalPosition, text.join(u'\n'), this);
}

} // namespace tideline
