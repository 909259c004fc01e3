// The charts of the stack share one time axis: the same row must sit at the same x on the
// timeline and on the score chart, whatever the widths of their y labels.

#include "chartstack.h"
#include "mainwindow.h"
#include "samplecapture.h"
#include "threshold/detectionrun.h"
#include "timelinechart.h"

#include <QChart>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
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
