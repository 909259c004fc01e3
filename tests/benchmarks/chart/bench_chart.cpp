// Frame time of the real TimelineChart (offscreen, 1600 × 500) on a synthetic series of
// 1,000,000 bins: each frame is one pan step (5 % of the visible window) or one wheel notch,
// then the posted layout events and a synchronous repaint of the chart's viewport, so the
// figure covers decimation, the axes' layout and the painting. The reference is a
// plain QChartView with every point in one QLineSeries, panned the same way, which is what the
// chart would cost without decimation.
//
//   bench_chart [--rows N] [--steps N] [--reference-steps N]
//
// Prints median / 95th percentile / max milliseconds per frame for each scenario, in wall time
// and, steadier on a shared machine, in CPU time of the whole process (Qt flushes the backing
// store with a thread pool).

#include "decimation.h"
#include "timelinechart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QTextStream>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <time.h>

using namespace tideline;

namespace {

constexpr QSize kChartSize(1600, 500);
constexpr qsizetype kGapEvery = 10'000; // one "no data" row per this many

struct Options
{
    qsizetype rows = 1'000'000;
    int steps = 200;
    int referenceSteps = 10;
};

// Diurnal-looking traffic with noise, a few spikes and a gap row every kGapEvery rows.
std::shared_ptr<const Series> syntheticSeries(qsizetype rows)
{
    auto series = std::make_shared<Series>();
    series->source = QStringLiteral("synthetic");
    series->binWidth = kNsPerSecond;
    series->features = {{QStringLiteral("packets"), FeatureKind::Count}};
    series->starts.resize(std::size_t(rows));
    series->hasData.assign(std::size_t(rows), true);
    series->values.resize(rows, 1);
    std::mt19937_64 random(42);
    std::normal_distribution<double> noise(0.0, 40.0);
    const TimeNs start = 1'700'000'000 * kNsPerSecond;
    for (qsizetype r = 0; r < rows; ++r) {
        series->starts[std::size_t(r)] = start + r * kNsPerSecond;
        double value = 500 + 300 * std::sin(double(r) * 2 * M_PI / 86400.0) + noise(random);
        if (r % 77'777 == 0)
            value *= 20;
        if (r % kGapEvery == kGapEvery / 2) {
            series->hasData[std::size_t(r)] = false;
            value = 0;
        }
        series->values(r, 0) = std::max(0.0, value);
    }
    return series;
}

void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

struct Frames
{
    std::vector<double> wall; // ms
    std::vector<double> cpu;  // ms
};

double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// One frame: the change, the layout it posts, then a synchronous paint of the whole view.
void frame(Frames &frames, QChartView &view, const std::function<void()> &change)
{
    QElapsedTimer clock;
    clock.start();
    const double cpu = cpuMs();
    change();
    settle();
    view.viewport()->repaint();
    frames.wall.push_back(double(clock.nsecsElapsed()) / 1e6);
    frames.cpu.push_back(cpuMs() - cpu);
}

QString summary(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size() - 1) + 0.5))];
    };
    return QStringLiteral("%1 / %2 / %3")
        .arg(at(0.5), 7, 'f', 2)
        .arg(at(0.95), 7, 'f', 2)
        .arg(ms.back(), 7, 'f', 2);
}

void report(QTextStream &out, const QString &name, const Frames &frames)
{
    out << qSetFieldWidth(42) << Qt::left << name << qSetFieldWidth(0) << Qt::right
        << QStringLiteral("%1  %2  %3")
               .arg(frames.wall.size(), 6)
               .arg(summary(frames.wall), 27)
               .arg(frames.cpu.empty() ? QString() : summary(frames.cpu), 27)
        << Qt::endl;
}

// Pans back and forth over the rows (turning at either end) with `span` rows visible.
Frames panTimeline(TimelineChart &chart, double span, int steps)
{
    const double rows = double(chart.values().size());
    chart.setVisibleRows(0, span);
    settle();
    Frames frames;
    double direction = 1;
    for (int i = 0; i < steps; ++i) {
        const double shift = 0.05 * span * direction;
        if (chart.visibleTo() + shift > rows || chart.visibleFrom() + shift < 0)
            direction = -direction;
        frame(frames, chart, [&] { chart.panBy(0.05 * direction); });
    }
    return frames;
}

// Wheel notches at the plot's middle: in until about a thousand rows show, then out again.
Frames wheelTimeline(TimelineChart &chart, int steps)
{
    const double rows = double(chart.values().size());
    chart.resetZoom();
    settle();
    const QPoint middle = chart.mapFromScene(chart.chart()->plotArea().center());
    int direction = 1;
    Frames frames;
    for (int i = 0; i < steps; ++i) {
        const double span = chart.visibleTo() - chart.visibleFrom();
        if ((direction > 0 && span <= 1000) || (direction < 0 && span >= rows))
            direction = -direction;
        frame(frames, chart, [&] {
            QWheelEvent wheel(middle, chart.mapToGlobal(middle), QPoint(),
                              QPoint(0, 120 * direction), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(chart.viewport(), &wheel);
        });
    }
    return frames;
}

// Every point in one series, the axis moved by hand: what the chart costs undecimated.
Frames panReference(const Series &series, double span, int steps)
{
    QChart *chart = new QChart;
    chart->legend()->hide();
    auto *line = new QLineSeries;
    QList<QPointF> points;
    points.reserve(series.rowCount());
    for (qsizetype r = 0; r < series.rowCount(); ++r)
        points.append(QPointF(double(r) + 0.5, series.values(r, 0)));
    line->replace(points);
    chart->addSeries(line);
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(x);
    line->attachAxis(y);
    y->setRange(0, series.values.maxCoeff());
    QChartView view(chart);
    view.resize(kChartSize);
    view.show();
    double from = 0;
    x->setRange(from, from + span);
    settle();
    view.viewport()->repaint();
    Frames frames;
    const double rows = double(series.rowCount());
    double direction = 1;
    for (int i = 0; i < steps; ++i) {
        const double shift = 0.05 * span * direction;
        if (from + span + shift > rows || from + shift < 0)
            direction = -direction;
        from += 0.05 * span * direction;
        frame(frames, view, [&] { x->setRange(from, from + span); });
    }
    return frames;
}

Options parseOptions(const QStringList &arguments)
{
    Options options;
    const auto value = [&arguments](const QString &name, qsizetype fallback) {
        const qsizetype at = arguments.indexOf(name);
        return at >= 0 ? arguments.value(at + 1).toLongLong() : fallback;
    };
    options.rows = std::max<qsizetype>(100, value(QStringLiteral("--rows"), options.rows));
    options.steps = int(std::max<qsizetype>(1, value(QStringLiteral("--steps"), options.steps)));
    options.referenceSteps = int(
        std::max<qsizetype>(0, value(QStringLiteral("--reference-steps"), options.referenceSteps)));
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const Options options = parseOptions(app.arguments());
    const auto series = syntheticSeries(options.rows);
    const double rows = double(options.rows);

    TimelineChart chart(TimelineChart::Role::Timeline);
    chart.resize(kChartSize);
    chart.show();
    QElapsedTimer clock;
    clock.start();
    chart.setSeries(series, {0});
    settle();
    chart.viewport()->repaint();
    out << QStringLiteral("%L1 rows, %2 gap rows, chart %3×%4 px, plot %5 px wide")
               .arg(options.rows)
               .arg(options.rows / kGapEvery)
               .arg(kChartSize.width())
               .arg(kChartSize.height())
               .arg(int(chart.chart()->plotArea().width()))
        << Qt::endl;
    out << QStringLiteral("setSeries + first frame: %1 ms")
               .arg(clock.nsecsElapsed() / 1e6, 0, 'f', 1)
        << Qt::endl;

    const int columns = int(chart.chart()->plotArea().width());
    Frames decimation;
    qsizetype points = 0;
    for (int i = 0; i < 50; ++i) {
        clock.restart();
        points =
            decimateMinMax(chart.values(), 0, qsizetype(rows * 0.9), std::max(1, columns)).size();
        decimation.wall.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    out << qSetFieldWidth(42) << Qt::left << QStringLiteral("ms per frame") << qSetFieldWidth(0)
        << Qt::right << QStringLiteral("frames  wall median / p95 / max   cpu median / p95 / max")
        << Qt::endl;
    report(out, QStringLiteral("decimation alone, 90 % → %1 points").arg(points), decimation);
    report(out, QStringLiteral("pan, 90 % of rows visible"),
           panTimeline(chart, rows * 0.9, options.steps));
    report(out, QStringLiteral("pan, 10 % of rows visible"),
           panTimeline(chart, rows * 0.1, options.steps));
    report(out, QStringLiteral("pan, 1 % of rows visible"),
           panTimeline(chart, rows * 0.01, options.steps));
    report(out, QStringLiteral("pan, 2,000 rows visible (every row)"),
           panTimeline(chart, 2000, options.steps));
    report(out, QStringLiteral("wheel zoom, all ↔ 1,000 rows"),
           wheelTimeline(chart, options.steps));
    if (options.referenceSteps > 0) {
        report(out, QStringLiteral("reference: all points, pan at 90 %"),
               panReference(*series, rows * 0.9, options.referenceSteps));
        report(out, QStringLiteral("reference: all points, pan at 1 %"),
               panReference(*series, rows * 0.01, options.referenceSteps));
    }
    return 0;
}
