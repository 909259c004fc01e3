#include "investigation/investigation.h"
#include "thresholdsettings.h"

#include <QTest>

using namespace tideline;

namespace {

constexpr TimeNs kStart = 1'700'000'000 * kNsPerSecond;

// `rows` bins of `width` seconds, one "packets" column.
std::shared_ptr<LoadedInput> makeInput(int rows, int width)
{
    auto input = std::make_shared<LoadedInput>();
    input->path = QStringLiteral("planted.csv");
    input->kind = LoadedInput::Kind::Table;
    Series &series = input->series;
    series.binWidth = width * kNsPerSecond;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count}};
    series.values = Eigen::MatrixXd::Constant(rows, 1, 10.0);
    for (int r = 0; r < rows; ++r)
        series.starts.push_back(kStart + TimeNs(r) * series.binWidth);
    series.hasData.assign(std::size_t(rows), true);
    return input;
}

// Scores of 0 except `high` rows (score 20) and `medium` rows (score 5), thresholded against
// training scores 0, 0.1, …, 10: percentile P gives threshold P / 10, so 99 flags the high rows
// and 40 the medium ones too.
std::shared_ptr<DetectionResult> makeResult(int rows, const std::vector<int> &high,
                                            const std::vector<int> &medium, double percentile)
{
    auto result = std::make_shared<DetectionResult>();
    result->model.detector = QStringLiteral("planted");
    result->scores = Eigen::VectorXd::Zero(rows);
    for (int r : medium)
        result->scores[r] = 5.0;
    for (int r : high)
        result->scores[r] = 20.0;
    result->model.trainingScores =
        ScoreDistribution(Eigen::VectorXd::LinSpaced(101, 0.0, 10.0), {});
    result->training.assign(std::size_t(rows), true);
    result->eligible.assign(std::size_t(rows), true);
    result->rethreshold(test::percentileSettings(percentile, 0));
    return result;
}

DetectionOptions options(double percentile)
{
    DetectionOptions o;
    o.detector = QStringLiteral("planted");
    o.threshold = test::percentileSettings(percentile, 0);
    return o;
}

int rowAt(const Investigation &investigation, TimeNs start)
{
    const auto &rows = investigation.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].anomaly.start == start)
            return int(i);
    }
    return -1;
}

TimeNs second(int s)
{
    return kStart + TimeNs(s) * kNsPerSecond;
}

} // namespace

class TestInvestigation : public QObject
{
    Q_OBJECT

private slots:
    void describesTheRunsIntervals()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        investigation.addRun(options(99), makeResult(100, {20, 21, 70}, {}, 99));
        const auto &rows = investigation.rows();
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].anomaly.start, second(20));
        QCOMPARE(rows[0].anomaly.end, second(22));
        QCOMPARE(rows[0].anomaly.packets, std::optional<qint64>(20));
        QCOMPARE(rows[0].anomaly.detector, QStringLiteral("planted"));
        QCOMPARE(rows[1].firstRow, qsizetype(70));
        QVERIFY(rows[0].origin == InvestigationRow::Origin::Detected);
    }

    void annotationsFollowTheThreshold()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        // At 99: [20, 22) and [70, 71). Lower: [18, 24) (medium rows around 20) and [70, 71).
        investigation.addRun(options(99), makeResult(100, {20, 21, 70}, {18, 19, 22, 23, 40}, 99));
        QVERIFY(investigation.setLabel(rowAt(investigation, second(20)), QStringLiteral("scan")));
        QVERIFY(investigation.setNote(rowAt(investigation, second(70)), QStringLiteral("look")));

        investigation.setThresholdSettings(test::percentileSettings(40, 0));
        const int widened = rowAt(investigation, second(18));
        QVERIFY(widened >= 0);
        QCOMPARE(investigation.rows()[std::size_t(widened)].anomaly.label, QStringLiteral("scan"));
        QCOMPARE(investigation.rows()[std::size_t(widened)].anomaly.end, second(24));
        QCOMPARE(investigation.rows()[std::size_t(rowAt(investigation, second(70)))].anomaly.note,
                 QStringLiteral("look"));
        QCOMPARE(investigation.rows().size(), std::size_t(3)); // [40, 41) is new and unannotated

        investigation.setThresholdSettings(test::percentileSettings(99, 0));
        QCOMPARE(investigation.rows().size(), std::size_t(2));
        QCOMPARE(investigation.rows()[0].anomaly.label, QStringLiteral("scan"));
        QCOMPARE(investigation.annotations().size(), std::size_t(2));
    }

    void keepsWhatMatchesNothingAsDetached()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        investigation.addRun(options(40), makeResult(100, {20}, {50}, 40));
        const int medium = rowAt(investigation, second(50));
        QVERIFY(investigation.setMarked(medium, true));
        investigation.setThresholdSettings(
            test::percentileSettings(99, 0)); // [50, 51) is no longer flagged
        const int kept = rowAt(investigation, second(50));
        QVERIFY(kept >= 0);
        const InvestigationRow &row = investigation.rows()[std::size_t(kept)];
        QVERIFY(row.origin == InvestigationRow::Origin::Detached);
        QVERIFY(row.anomaly.marked);
        QCOMPARE(row.anomaly.detector, QStringLiteral("planted"));
        QCOMPARE(investigation.markedAnomalies().size(), std::size_t(1));

        investigation.setThresholdSettings(
            test::percentileSettings(40, 0)); // flagged again: attached again
        QVERIFY(investigation.rows()[std::size_t(rowAt(investigation, second(50)))].origin ==
                InvestigationRow::Origin::Detected);
        QCOMPARE(investigation.rows().size(), std::size_t(2));
    }

    void survivesRebinningAndRetraining()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        investigation.addRun(options(99), makeResult(100, {31}, {}, 99));
        QVERIFY(investigation.setLabel(0, QStringLiteral("beacon")));
        const int manual = investigation.addManual(60, 64);
        QCOMPARE(investigation.rows()[std::size_t(manual)].anomaly.detector,
                 QStringLiteral("manual"));

        // Bins of 2 s: no run yet, so both are shown where they were made.
        investigation.setSeries(makeInput(50, 2));
        QVERIFY(!investigation.result());
        QCOMPARE(investigation.rows().size(), std::size_t(2));
        QVERIFY(investigation.rows()[0].origin == InvestigationRow::Origin::Detached);
        QVERIFY(investigation.rows()[1].origin == InvestigationRow::Origin::Manual);

        // Retrained: the 2 s bin [30, 32) overlaps the label's [31, 32).
        investigation.addRun(options(99), makeResult(50, {15}, {}, 99));
        QCOMPARE(investigation.rows().size(), std::size_t(2));
        const InvestigationRow &found = investigation.rows()[0];
        QVERIFY(found.origin == InvestigationRow::Origin::Detected);
        QCOMPARE(found.anomaly.start, second(30));
        QCOMPARE(found.anomaly.label, QStringLiteral("beacon"));
        const InvestigationRow &drawn = investigation.rows()[1];
        QCOMPARE(drawn.anomaly.start, second(60));
        QCOMPARE(drawn.anomaly.end, second(65));
        QCOMPARE(drawn.anomaly.detector, QStringLiteral("manual"));
        QCOMPARE(drawn.firstRow, qsizetype(30));
        QCOMPARE(drawn.lastRow, qsizetype(32));
        QCOMPARE(investigation.runs().size(), std::size_t(2));
    }

    void twoAnnotationsOnOneIntervalAreBothKept()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        investigation.addRun(options(99), makeResult(100, {10, 12}, {11}, 99));
        QVERIFY(investigation.setNote(rowAt(investigation, second(10)), QStringLiteral("first")));
        QVERIFY(investigation.setNote(rowAt(investigation, second(12)), QStringLiteral("second")));
        investigation.setThresholdSettings(
            test::percentileSettings(40, 0)); // one interval [10, 13) now
        QCOMPARE(investigation.rows().size(), std::size_t(2));
        QStringList notes;
        for (const InvestigationRow &row : investigation.rows())
            notes << row.anomaly.note;
        notes.sort();
        QCOMPARE(notes, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    }

    void forgetsAnAnnotationEmptiedOnItsInterval()
    {
        Investigation investigation;
        investigation.setInput(makeInput(100, 1));
        investigation.addRun(options(99), makeResult(100, {5}, {}, 99));
        std::vector<std::pair<Investigation::Change, qint64>> changes;
        investigation.setListener(
            [&](Investigation::Change change, qint64 id) { changes.emplace_back(change, id); });
        QVERIFY(investigation.setMarked(0, true));
        QVERIFY(!investigation.setMarked(0, true));
        QVERIFY(investigation.setMarked(0, false));
        QVERIFY(investigation.annotations().empty());
        QCOMPARE(changes.size(), std::size_t(2));
        QVERIFY(changes[0].first == Investigation::Change::Annotation);
        QVERIFY(changes[1].first == Investigation::Change::AnnotationRemoved);
        QCOMPARE(changes[0].second, changes[1].second);
    }

    void rowsBetweenCoversPartialBins()
    {
        const auto input = makeInput(10, 2);
        QCOMPARE(rowsBetween(input->series, second(3), second(5)),
                 (std::optional<std::pair<qsizetype, qsizetype>>{{1, 2}}));
        QCOMPARE(rowsBetween(input->series, second(4), second(6)),
                 (std::optional<std::pair<qsizetype, qsizetype>>{{2, 2}}));
        QVERIFY(!rowsBetween(input->series, second(30), second(40)));
        QVERIFY(!rowsBetween(input->series, second(4), second(4)));
    }

    void emptyInvestigationHasNoRows()
    {
        Investigation investigation;
        QVERIFY(investigation.rows().empty());
        QCOMPARE(investigation.addManual(0, 1), -1);
        investigation.setThresholdSettings(test::percentileSettings(50, 0));
        QVERIFY(!investigation.result());
    }
};

QTEST_GUILESS_MAIN(TestInvestigation)
#include "tst_investigation.moc"
