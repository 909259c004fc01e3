// The charts of the stack share one time axis: the same row must sit at the same x on the
// timeline and on the score chart, whatever the widths of their y labels.

#include "anomalymodel.h"
#include "chartstack.h"
#include "mainwindow.h"
#include "samplecapture.h"
#include "threshold/detectionrun.h"
#include "timelinechart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QFile>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QLogValueAxis>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <cmath>

using namespace tideline;

namespace {

constexpr qsizetype kRows = 600;
constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

// Values of very different magnitudes so the two charts' y labels differ in width.
std::shared_ptr<const Series> makeSeries(double scale)
{
    auto series = std::make_shared<Series>();
    series->binWidth = kNsPerSecond;
    series->features = {{QStringLiteral("bytes"), FeatureKind::Count}};
    series->values.resize(kRows, 1);
    for (qsizetype r = 0; r < kRows; ++r) {
        series->starts.push_back(kStart + r * kNsPerSecond);
        series->values(r, 0) = scale * (1.0 + std::sin(double(r) / 17.0) * 0.5);
    }
    series->hasData.assign(std::size_t(kRows), true);
    return series;
}

DetectionResult makeResult(double scale)
{
    DetectionResult result;
    result.model.detector = QStringLiteral("knn");
    result.scores = Eigen::VectorXd::Constant(kRows, 0.5 * scale);
    result.scores[300] = 3.0 * scale;
    result.threshold = 2.0 * scale;
    result.training.assign(std::size_t(kRows), false);
    for (qsizetype r = 0; r < kRows * 7 / 10; ++r)
        result.training[std::size_t(r)] = true;
    return result;
}

// Normal bins scoring 0.5 and a flood scoring thousands, as windowed_counts scores one.
DetectionResult floodResult()
{
    DetectionResult result = makeResult(1.0);
    result.scores[300] = 3000.0;
    return result;
}

// `stack` shown with the sine series and `result`'s scores; false when it never appeared.
bool showScores(ChartStack &stack, const DetectionResult &result)
{
    stack.resize(1200, 700);
    stack.show();
    if (!QTest::qWaitForWindowExposed(&stack))
        return false;
    stack.setSeries(makeSeries(1.0), {0}, TimelineChart::Layout::Overlaid);
    stack.setResult(&result);
    return true;
}

// The vertical axis of type Axis on `chart` (the scores' value axis, the rarity axis).
template <class Axis> Axis *verticalAxis(TimelineChart *chart)
{
    for (QAbstractAxis *axis : chart->chart()->axes(Qt::Vertical)) {
        if (auto *found = qobject_cast<Axis *>(axis))
            return found;
    }
    return nullptr;
}

// The plot area of `chart` in the stack's coordinates.
QRectF plotInStack(const ChartStack &stack, TimelineChart *chart)
{
    const QRectF inScene = chart->chart()->mapRectToScene(chart->chart()->plotArea());
    const QPolygon inView = chart->mapFromScene(inScene);
    const QRect inViewRect = inView.boundingRect();
    return QRectF(chart->viewport()->mapTo(&stack, inViewRect.topLeft()), inViewRect.size());
}

// Left edges of the visible anomaly bands of `chart`, in the stack's coordinates, sorted.
QList<double> bandLefts(const ChartStack &stack, TimelineChart *chart)
{
    QList<double> lefts;
    for (QGraphicsItem *item : chart->scene()->items()) {
        auto *rect = dynamic_cast<QGraphicsRectItem *>(item);
        if (!rect || rect->zValue() != 2 || !rect->isVisible() || rect->rect().width() <= 0)
            continue;
        const QRectF inScene = rect->mapRectToScene(rect->rect());
        const QPoint left = chart->mapFromScene(inScene.topLeft());
        lefts << chart->viewport()->mapTo(&stack, left).x();
    }
    std::sort(lefts.begin(), lefts.end());
    return lefts;
}

// `rect` of `chart`'s chart coordinates in the stack's coordinates.
QRectF inStack(const ChartStack &stack, TimelineChart *chart, const QRectF &rect)
{
    const QRect inView = chart->mapFromScene(chart->chart()->mapRectToScene(rect)).boundingRect();
    return QRectF(chart->viewport()->mapTo(&stack, inView.topLeft()), inView.size());
}

QString describe(const ChartStack &stack)
{
    const QRectF t = plotInStack(stack, stack.timeline());
    const QRectF s = plotInStack(stack, stack.scores());
    return QStringLiteral("timeline x %1..%2, scores x %3..%4")
        .arg(t.left())
        .arg(t.right())
        .arg(s.left())
        .arg(s.right());
}

} // namespace

class TestChartStack : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineChartStackTest"));
        QSettings().clear();
        QVERIFY(m_directory.isValid());
        m_sample = generateSample(m_directory.path());
        QVERIFY(!m_sample.isEmpty());
    }

    // A run with no interval to zoom to: the first layout after training is the last one.
    void bandsLineUpInTheWindowAfterTraining()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("robust_z"), 99.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        const ChartStack &stack = *window.charts();
        QVERIFY(!bandLefts(stack, stack.timeline()).isEmpty());
        const auto aligned = [&] {
            const QRectF timeline = plotInStack(stack, stack.timeline());
            const QRectF scores = plotInStack(stack, stack.scores());
            const QList<double> timelineBands = bandLefts(stack, stack.timeline());
            const QList<double> scoreBands = bandLefts(stack, stack.scores());
            if (timelineBands.size() != scoreBands.size())
                return false;
            for (qsizetype i = 0; i < timelineBands.size(); ++i) {
                if (std::abs(timelineBands[i] - scoreBands[i]) > 1.0)
                    return false;
            }
            return std::abs(timeline.left() - scores.left()) <= 1.0 &&
                   std::abs(timeline.right() - scores.right()) <= 1.0;
        };
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        // Settled, not passing through.
        QTest::qWait(200);
        QVERIFY2(aligned(), qPrintable(describe(stack)));
    }

    void trainingRangeIsDrawnUnderBothAxes()
    {
        ChartStack stack;
        stack.resize(1200, 700);
        stack.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stack));
        stack.setSeries(makeSeries(100.0), {0}, TimelineChart::Layout::Overlaid);
        DetectionResult result = makeResult(1.0); // trained on rows [0, 420)
        result.model.trainingDescription = QStringLiteral("the first 70% of rows");
        stack.setResult(&result);
        for (TimelineChart *chart : {stack.timeline(), stack.scores()}) {
            QCOMPARE(chart->trainingRange(), std::make_optional(std::make_pair(0.0, 420.0)));
            // Placed once the plots have settled.
            const auto underTheAxis = [chart] {
                const QRectF strip = chart->trainingStripRect();
                const QRectF plot = chart->chart()->plotArea();
                return !strip.isEmpty() && std::abs(strip.left() - plot.left()) <= 1.0 &&
                       std::abs(strip.width() - plot.width() * 0.7) <= 1.0 &&
                       strip.top() >= plot.bottom(); // under the axis, not over the data
            };
            QTRY_VERIFY(underTheAxis());
        }
        // Zoomed past its end, the strip is out of view; back, it is there again.
        stack.timeline()->setVisibleRows(500, 560);
        QTRY_VERIFY(stack.scores()->trainingStripRect().isEmpty());
        stack.timeline()->resetZoom();
        QTRY_VERIFY(!stack.scores()->trainingStripRect().isEmpty());

        // A model fitted on another file trained on none of these rows; no run, no strip.
        DetectionResult applied = makeResult(1.0);
        applied.training.assign(std::size_t(kRows), false);
        stack.setResult(&applied);
        QCOMPARE(stack.timeline()->trainingRange(), std::nullopt);
        QVERIFY(stack.scores()->trainingStripRect().isEmpty());
        stack.setResult(&result);
        stack.setResult(nullptr);
        QCOMPARE(stack.timeline()->trainingRange(), std::nullopt);
        QVERIFY(stack.timeline()->trainingStripRect().isEmpty());
    }

    void truthLaneLinesUpWithThePlots()
    {
        ChartStack stack;
        stack.resize(1200, 700);
        stack.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stack));
        stack.setSeries(makeSeries(1.5e9), {0}, TimelineChart::Layout::Overlaid);
        const DetectionResult result = makeResult(1.0);
        stack.setResult(&result);
        stack.setBands({{300, 309}}, 0);
        TimelineChart *timeline = stack.timeline();
        QVERIFY(!timeline->hasTruthLane());
        // Rows 300–309 and 500–501 in time; one before the rows, which has no place.
        stack.setTruth(
            std::vector<TruthInterval>{{kStart + 300 * kNsPerSecond, kStart + 310 * kNsPerSecond,
                                        QStringLiteral("port_scan"), QStringLiteral("planted")},
                                       {kStart + 500 * kNsPerSecond,
                                        kStart + 501 * kNsPerSecond + 1,
                                        QStringLiteral("syn_flood"),
                                        {}},
                                       {kStart - 20 * kNsPerSecond,
                                        kStart - 10 * kNsPerSecond,
                                        QStringLiteral("old"),
                                        {}}},
            QStringLiteral("truth.csv"));
        QVERIFY(timeline->hasTruthLane());
        QVERIFY(!stack.scores()->hasTruthLane());
        const auto aligned = [&] {
            const QList<QRectF> marks = timeline->truthMarkRects();
            const QList<double> scoreBands = bandLefts(stack, stack.scores());
            if (marks.size() != 2 || scoreBands.size() != 1)
                return false;
            const QRectF plot = timeline->chart()->plotArea();
            const QRectF lane = timeline->truthLaneRect();
            const QRectF scan = inStack(stack, timeline, marks[0]);
            const QRectF scores = plotInStack(stack, stack.scores());
            const QRectF laneInStack = inStack(stack, timeline, lane);
            // Under the axis labels, as wide as the plot, and the scan where the scores'
            // band of the same rows is.
            return lane.top() > plot.bottom() + 8 && std::abs(lane.left() - plot.left()) <= 1.0 &&
                   std::abs(lane.right() - plot.right()) <= 1.0 &&
                   std::abs(laneInStack.left() - scores.left()) <= 1.0 &&
                   std::abs(laneInStack.right() - scores.right()) <= 1.0 &&
                   std::abs(scan.left() - scoreBands[0]) <= 1.0 &&
                   laneInStack.bottom() <=
                       timeline->viewport()
                           ->mapTo(&stack, QPoint(0, timeline->viewport()->height()))
                           .y();
        };
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        // Hovering a mark names its kind, description and times at once (not after the help
        // delay); the lane elsewhere, its source.
        const auto hover = [&](const QPointF &inChart) {
            const QPoint inView = timeline->mapFromScene(timeline->chart()->mapToScene(inChart));
            QTest::mouseMove(timeline->viewport(), inView);
        };
        hover(timeline->truthMarkRects().front().center());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("port_scan: planted")),
                 qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(formatIsoUtc(kStart + 300 * kNsPerSecond)));
        hover(
            QPointF(timeline->truthLaneRect().left() + 3, timeline->truthLaneRect().center().y()));
        QVERIFY2(QToolTip::text().contains(QStringLiteral("truth.csv")),
                 qPrintable(QToolTip::text()));
        // Kept on zoom (the flood out of view) and resize.
        timeline->setVisibleRows(290, 320);
        QTRY_COMPARE(timeline->truthMarkRects().size(), 1);
        const QRectF plot = timeline->chart()->plotArea();
        const QRectF scan = timeline->truthMarkRects().front();
        QVERIFY(std::abs(scan.left() - (plot.left() + plot.width() / 3)) <= 1.0);
        QVERIFY(std::abs(scan.width() - plot.width() / 3) <= 1.0);
        timeline->resetZoom();
        stack.resize(900, 600);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));

        // At another bin width the truth finds its rows again.
        auto coarse = std::make_shared<Series>(*makeSeries(1.0));
        coarse->binWidth = 10 * kNsPerSecond;
        for (qsizetype r = 0; r < kRows; ++r)
            coarse->starts[std::size_t(r)] = kStart + r * 10 * kNsPerSecond;
        stack.setSeries(coarse, {0}, TimelineChart::Layout::Overlaid);
        QTRY_COMPARE(timeline->truthMarkRects().size(), 2);
        const QRectF wide = timeline->chart()->plotArea();
        QVERIFY(std::abs(timeline->truthMarkRects().front().left() -
                         (wide.left() + wide.width() * 30 / kRows)) <= 1.0);

        // No truth: no lane, and the room it took is given back.
        const double plotBottom = timeline->chart()->plotArea().bottom();
        stack.setTruth(std::nullopt, {});
        QVERIFY(!timeline->hasTruthLane());
        QVERIFY(timeline->truthMarkRects().isEmpty());
        QTRY_VERIFY(timeline->chart()->plotArea().bottom() >= plotBottom + 15);
    }

    void truthLaneInTheWindow()
    {
        // The generator's truth file beside the sample: the four attacks in the lane, and the
        // anomaly table names the one each flagged interval overlaps.
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(window.timeline()->hasTruthLane());
        QTRY_COMPARE(window.timeline()->truthMarkRects().size(), 4);
        QVERIFY(!window.anomalyView()->isColumnHidden(AnomalyModel::Truth));
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("knn"), 99.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        const AnomalyModel &model = *window.anomalyModel();
        QStringList kinds;
        for (int row = 0; row < model.rowCount(); ++row)
            kinds << model.index(row, AnomalyModel::Truth).data().toString();
        QVERIFY2(kinds.contains(QStringLiteral("port_scan")), qPrintable(kinds.join(u'|')));
    }

    void truthLaneFromTheLabelColumn()
    {
        // A table whose label column marks two runs of attacks; no truth file beside it.
        QByteArray table = "timestamp,packets,label\n";
        for (int r = 0; r < 200; ++r) {
            const char *label = r >= 50 && r < 60     ? "ddos"
                                : r >= 120 && r < 125 ? "scan"
                                                      : "normal";
            table += QStringLiteral("%1,%2,%3\n")
                         .arg(formatIsoUtc(kStart + r * kNsPerSecond))
                         .arg(r % 7 + 10)
                         .arg(QLatin1String(label))
                         .toUtf8();
        }
        const QString path = m_directory.filePath(QStringLiteral("labelled.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(table);
        }
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        TimelineChart *timeline = window.timeline();
        QVERIFY(timeline->hasTruthLane());
        QTRY_COMPARE(timeline->truthMarkRects().size(), 2);
        QVERIFY(!window.anomalyView()->isColumnHidden(AnomalyModel::Truth));

        // Load Truth… replaces it; a file it cannot use leaves it as it was.
        const QString truth = m_directory.filePath(QStringLiteral("other.truth.csv"));
        {
            QFile file(truth);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("start,end,kind\n%1,%2,outage\n")
                           .arg(formatIsoUtc(kStart + 10 * kNsPerSecond),
                                formatIsoUtc(kStart + 20 * kNsPerSecond))
                           .toUtf8());
        }
        QVERIFY(window.loadTruth(truth));
        QTRY_COMPARE(timeline->truthMarkRects().size(), 1);
        QVERIFY(!window.loadTruth(m_directory.filePath(QStringLiteral("absent.csv"))));
        QCOMPARE(timeline->truthMarkRects().size(), 1);
    }

    // A live capture's timeline grows; following keeps the newest rows in view until the
    // analyst moves away from them, and the Follow toggle pins the view again.
    void followingPinsTheNewestRows()
    {
        ChartStack stack;
        stack.resize(1200, 700);
        const std::shared_ptr<const Series> full = makeSeries(1.0);
        const auto firstRows = [&full](qsizetype rows) {
            auto part = std::make_shared<Series>(*full);
            part->starts.resize(std::size_t(rows));
            part->hasData.resize(std::size_t(rows));
            part->values.conservativeResize(rows, 1);
            return std::shared_ptr<const Series>(part);
        };
        stack.setSeries(firstRows(100), {0}, TimelineChart::Layout::Overlaid);
        QSignalSpy following(&stack, &ChartStack::followingChanged);
        stack.setFollowRows(60);
        stack.setFollowing(true);
        QCOMPARE(following.count(), 1);
        TimelineChart *timeline = stack.timeline();
        QCOMPARE(timeline->visibleTo(), 100.0);
        QCOMPARE(timeline->visibleFrom(), 40.0);

        stack.growSeries(firstRows(250));
        QCOMPARE(timeline->series()->rowCount(), 250);
        QCOMPARE(timeline->values().size(), std::size_t(250));
        QCOMPARE(timeline->visibleFrom(), 190.0);
        QCOMPARE(timeline->visibleTo(), 250.0);
        QCOMPARE(stack.scores()->visibleTo(), 250.0);
        QCOMPARE(stack.overview()->visibleTo(), 250.0);
        QVERIFY(!timeline->canGoBack()); // following is not the analyst's history

        // Scrolling back unpins: more rows leave the view where the analyst put it.
        timeline->panBy(-1.0);
        QVERIFY(!stack.isFollowing());
        QCOMPARE(following.count(), 2);
        QCOMPARE(following.last().at(0).toBool(), false);
        const double from = timeline->visibleFrom();
        stack.growSeries(firstRows(400));
        QCOMPARE(timeline->visibleFrom(), from);
        QCOMPARE(stack.overview()->visibleTo(), 400.0);

        stack.setFollowing(true);
        QCOMPARE(timeline->visibleTo(), 400.0);
        QCOMPARE(following.last().at(0).toBool(), true);
    }

    // Where a capture lost packets is drawn on both charts, however narrow.
    void dropBandsOnBothCharts()
    {
        ChartStack stack;
        stack.resize(1200, 700);
        stack.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stack));
        stack.setSeries(makeSeries(1.0), {0}, TimelineChart::Layout::Overlaid);
        DetectionResult result = makeResult(1.0);
        stack.setResult(&result);
        stack.setDropBands({{300, 300, QStringLiteral("12 packets dropped here")}});
        QCOMPARE(stack.timeline()->dropRects().size(), 1);
        QCOMPARE(stack.scores()->dropRects().size(), 1);
        QVERIFY(stack.timeline()->dropRects().front().width() >= 1.0);
        // Hovering a bin of a band says so, beside the bin's values.
        stack.setDropBands({{280, 320, QStringLiteral("12 packets dropped here")}});
        TimelineChart *timeline = stack.timeline();
        QTRY_VERIFY(timeline->dropRects().front().width() > 10.0);
        const QRectF drop = timeline->dropRects().front();
        QTest::mouseMove(timeline->viewport(),
                         timeline->mapFromScene(timeline->chart()->mapToScene(drop.center())));
        QVERIFY2(QToolTip::text().contains(QStringLiteral("12 packets dropped here")),
                 qPrintable(QToolTip::text()));
        stack.setDropBands({});
        QVERIFY(stack.timeline()->dropRects().isEmpty());
    }

    void theRarestOfCrowdedRarityTicksStays()
    {
        // A flood scores thousands where normal bins score a few: every tick from 1 in 10 to
        // 1 in 10k lies at the foot of the axis, and the one that stays is the rarest.
        ChartStack stack;
        const DetectionResult result = floodResult();
        QVERIFY(showScores(stack, result));
        TimelineChart *scores = stack.scores();
        scores->setRarityTicks({{1.0, QStringLiteral("1 in 10")},
                                {1.5, QStringLiteral("1 in 100")},
                                {2.0, QStringLiteral("1 in 1k")},
                                {2.5, QStringLiteral("1 in 10k")},
                                {1500.0, QStringLiteral("1 in 1T")}});
        auto *rarity = verticalAxis<QCategoryAxis>(scores);
        QVERIFY(rarity);
        QTRY_COMPARE(rarity->categoriesLabels(),
                     (QStringList{QStringLiteral("1 in 10k"), QStringLiteral("1 in 1T")}));
    }

    void theLogScaleSpreadsScoresAndTheirRarity()
    {
        // Ctrl+L puts the scores on a log axis too; the rarity labels then sit where their
        // scores are drawn: a tick at score 30 where the score axis shows 30.
        ChartStack stack;
        const DetectionResult result = floodResult();
        QVERIFY(showScores(stack, result));
        TimelineChart *scores = stack.scores();
        scores->setRarityTicks(
            {{3.0, QStringLiteral("1 in 100")}, {30.0, QStringLiteral("1 in 1M")}});
        stack.setLogScale(true);
        QVERIFY(scores->logScale());
        auto *rarity = verticalAxis<QCategoryAxis>(scores);
        auto *log = verticalAxis<QLogValueAxis>(scores);
        QVERIFY(rarity && log);
        QTRY_COMPARE(rarity->categoriesLabels(),
                     (QStringList{QStringLiteral("1 in 100"), QStringLiteral("1 in 1M")}));
        const auto fraction = [](double at, double low, double high) {
            return (at - low) / (high - low);
        };
        const double onLog =
            fraction(std::log10(30.0), std::log10(log->min()), std::log10(log->max()));
        const double onRarity =
            fraction(rarity->endValue(QStringLiteral("1 in 1M")), rarity->min(), rarity->max());
        QVERIFY2(std::abs(onLog - onRarity) < 1e-9,
                 qPrintable(QStringLiteral("%1 against %2").arg(onLog).arg(onRarity)));
        // Back on a linear axis up to 3,000 the two crowd each other: the rarer stays.
        stack.setLogScale(false);
        QTRY_COMPARE(rarity->categoriesLabels(), QStringList{QStringLiteral("1 in 1M")});
        QCOMPARE(rarity->endValue(QStringLiteral("1 in 1M")), 30.0);
    }

    void plotsLineUp_data()
    {
        QTest::addColumn<double>("valueScale");
        QTest::addColumn<double>("scoreScale");
        QTest::newRow("wide values, narrow scores") << 1.5e9 << 1.0;
        QTest::newRow("narrow values, wide scores") << 3.0 << 2.5e7;
        QTest::newRow("alike") << 100.0 << 100.0;
    }

    void plotsLineUp()
    {
        QFETCH(double, valueScale);
        QFETCH(double, scoreScale);
        ChartStack stack;
        stack.resize(1200, 700);
        stack.show();
        QVERIFY(QTest::qWaitForWindowExposed(&stack));
        stack.setSeries(makeSeries(valueScale), {0}, TimelineChart::Layout::Overlaid);
        const DetectionResult result = makeResult(scoreScale);
        stack.setResult(&result);
        stack.setBands({{300, 300}}, 0);

        const auto aligned = [&] {
            const QRectF timeline = plotInStack(stack, stack.timeline());
            const QRectF scores = plotInStack(stack, stack.scores());
            return std::abs(timeline.left() - scores.left()) <= 1.0 &&
                   std::abs(timeline.right() - scores.right()) <= 1.0;
        };
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));

        // Kept on resize, zoom, log scale and when the labels change.
        stack.resize(900, 650);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        stack.timeline()->setVisibleRows(290, 320);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        stack.setLogScale(true);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        stack.setLogScale(false);
        const DetectionResult wider = makeResult(scoreScale * 1e6);
        stack.setResult(&wider);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        stack.setResult(&result);
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
        stack.timeline()->resetZoom();
        QTRY_VERIFY2(aligned(), qPrintable(describe(stack)));
    }

private:
    QTemporaryDir m_directory;
    QString m_sample;
};

QTEST_MAIN(TestChartStack)
#include "tst_chartstack.moc"
