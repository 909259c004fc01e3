#include "anomalymodel.h"
#include "evaluate/truth.h"
#include "plantedinvestigation.h"
#include "samplecapture.h"
#include "thresholdsettings.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

namespace {

constexpr TimeNs kStart = kPlantedStart;

// Four intervals, with packet counts whose text order differs from their value order
// (9 < 10 < 100 but "10" < "100" < "9") and peaks and durations in other orders than time.
void plantSample(Investigation &investigation)
{
    plantInvestigation(investigation,
                       {{10, 10, 0.7, 9}, {30, 2, 0.9, 100}, {50, 1, 1.5, 10}, {70, 3, 0.6, 1000}},
                       80);
}

// The model's values of `column` in the proxy's order.
QVariantList sortedColumn(const QSortFilterProxyModel &proxy, int column)
{
    QVariantList values;
    for (int row = 0; row < proxy.rowCount(); ++row)
        values << proxy.index(row, column).data(AnomalyModel::SortRole);
    return values;
}

} // namespace

class TestAnomalyModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        AnomalyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(AnomalyModel::ColumnCount));
        model.markAll(true);
        QVERIFY(model.setData(model.index(1, AnomalyModel::Label), QStringLiteral("scan")));
        model.setTimeAxis(false);
        investigation.setThresholdSettings(
            test::percentileSettings(99, 0)); // threshold 0.5 still: the same rows, rebuilt
        model.refresh();
        QCOMPARE(model.rowCount(), 4);
        model.setInvestigation(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.setInvestigation(&investigation);
    }

    void displaysFormattedValues()
    {
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        const auto text = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(text(1, AnomalyModel::Start), formatIsoUtc(kStart + 30 * kNsPerSecond));
        QCOMPARE(text(1, AnomalyModel::End), QStringLiteral("2023-11-14T22:13:52.000Z"));
        QVERIFY(text(0, AnomalyModel::Duration).startsWith(QStringLiteral("10.000")));
        QCOMPARE(text(2, AnomalyModel::PeakScore), QStringLiteral("1.5"));
        QCOMPARE(text(2, AnomalyModel::Detector), QStringLiteral("isolation_forest"));
        QCOMPARE(text(1, AnomalyModel::Packets), QLocale().toString(100));
        // Unknown values are empty, not 0: a table knows no sources or ports.
        QCOMPARE(text(3, AnomalyModel::Bytes), QString());
        QCOMPARE(text(3, AnomalyModel::TopDestinationPort), QString());
        QCOMPARE(model.index(0, AnomalyModel::Marked).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QVERIFY(!model.headerData(AnomalyModel::Label, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }

    void showsKindAndSummary()
    {
        // A run flagging exactly the sample's port scan: the row says what it was.
        QTemporaryDir dir;
        const QString path =
            generateSample(dir.path(), {QStringLiteral("--duration"), QStringLiteral("60")});
        QVERIFY(!path.isEmpty());
        auto input = std::make_shared<LoadedInput>(loadInput(path, {}));
        QVERIFY(input->ok() && input->traffic);
        Diagnostics diagnostics;
        const auto truth =
            readTruthCsv(dir.filePath(QStringLiteral("sample.truth.csv")), diagnostics);
        QVERIFY(truth);
        const auto scan = std::find_if(truth->begin(), truth->end(), [](const TruthInterval &t) {
            return t.kind == QStringLiteral("port_scan");
        });
        QVERIFY(scan != truth->end());
        const auto rows = rowsBetween(input->series, scan->start, scan->end);
        QVERIFY(rows);
        const qsizetype rowCount = input->series.rowCount();
        auto result = std::make_shared<DetectionResult>();
        result->model.detector = QStringLiteral("planted");
        result->scores = Eigen::VectorXd::Zero(rowCount);
        result->scores.segment(rows->first, rows->second - rows->first + 1).setConstant(1.0);
        result->model.trainingScores = ScoreDistribution(Eigen::VectorXd::Constant(1, 0.5), {});
        result->training.assign(std::size_t(rowCount), true);
        result->eligible.assign(std::size_t(rowCount), true);
        result->rethreshold(test::percentileSettings(50, 0));
        Investigation investigation;
        investigation.setInput(input);
        investigation.addRun({}, result);

        AnomalyModel model;
        model.setInvestigation(&investigation);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AnomalyModel::Kind).data().toString(), QStringLiteral("Port scan"));
        const QString summary = model.index(0, AnomalyModel::Summary).data().toString();
        QVERIFY2(summary.contains(QStringLiteral("port scan")), qPrintable(summary));
        QVERIFY(model.index(0, AnomalyModel::Summary)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Evidence: ")));
    }

    void numbersFollowTheLocale()
    {
        // German: a decimal comma, so "1,000 s" cannot be read as a thousand.
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        const QString duration = model.index(2, AnomalyModel::Duration).data().toString();
        const QString peak = model.index(2, AnomalyModel::PeakScore).data().toString();
        QLocale::setDefault(previous);
        QCOMPARE(duration, QStringLiteral("1,000 s"));
        QCOMPARE(peak, QStringLiteral("1,5"));
    }

    void rowAxisShowsRowNumbers()
    {
        AnomalyModel model;
        Investigation investigation;
        plantInvestigation(investigation, {{120, 5, 1.0, 3}}, 200, Series::Axis::Row);
        model.setInvestigation(&investigation);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTimeAxis(false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, AnomalyModel::Start).data().toString(), QStringLiteral("120"));
        QCOMPARE(model.index(0, AnomalyModel::End).data().toString(), QStringLiteral("125"));
        QVERIFY(model.index(0, AnomalyModel::Duration).data().toString().startsWith(u"5 row"));
        QCOMPARE(model.index(0, AnomalyModel::Start).data(AnomalyModel::SortRole).toLongLong(),
                 qint64(120));
    }

    void truthColumnNamesTheOverlappingTruth()
    {
        // Intervals at rows 10–19, 30–31, 50 and 70–72 (one-second rows); truth overlapping the
        // second (two kinds), touching the third's end only, and away from the rest.
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        const auto at = [](int second) { return kStart + second * kNsPerSecond; };
        const auto text = [&](int row) {
            return model.index(row, AnomalyModel::Truth).data().toString();
        };
        QCOMPARE(text(1), QString()); // no truth known
        QVERIFY(!model.hasTruth());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTruth(std::vector<TruthInterval>{
            {at(31), at(40), QStringLiteral("port_scan"), QStringLiteral("from 10.0.0.1")},
            {at(25), at(31), QStringLiteral("syn_flood"), {}},
            {at(29), at(30), QStringLiteral("port_scan"), {}},
            {at(51), at(60), QStringLiteral("exfiltration"), {}}});
        QVERIFY(model.hasTruth());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(text(0), QString());
        QCOMPARE(text(1), QStringLiteral("port_scan, syn_flood")); // each kind once
        QCOMPARE(text(2), QString()); // row 50 ends where the exfiltration starts
        QCOMPARE(text(3), QString());
        const QString tip = model.index(1, AnomalyModel::Truth).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("from 10.0.0.1")), qPrintable(tip));
        QVERIFY2(tip.contains(formatIsoUtc(at(25))), qPrintable(tip));
        QVERIFY(!model.index(0, AnomalyModel::Truth).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!model.headerData(AnomalyModel::Truth, Qt::Horizontal).toString().isEmpty());

        // Many kinds: the first few and a count.
        std::vector<TruthInterval> many;
        for (int k = 0; k < 5; ++k)
            many.push_back({at(30), at(31), QStringLiteral("k%1").arg(k), {}});
        model.setTruth(many);
        QCOMPARE(text(1), QStringLiteral("k0, k1, k2 +2 more"));
        model.setTruth(std::nullopt);
        QCOMPARE(text(1), QString());
    }

    void truthColumnOnRowNumbers()
    {
        // Without a time column, truth and intervals are row numbers alike.
        AnomalyModel model;
        Investigation investigation;
        plantInvestigation(investigation, {{10, 2, 0.9, 5}, {40, 1, 0.9, 5}}, 60,
                           Series::Axis::Row);
        model.setInvestigation(&investigation);
        model.setTimeAxis(false);
        model.setTruth(std::vector<TruthInterval>{{40, 41, QStringLiteral("neptune"), {}}});
        QCOMPARE(model.index(0, AnomalyModel::Truth).data().toString(), QString());
        QCOMPARE(model.index(1, AnomalyModel::Truth).data().toString(), QStringLiteral("neptune"));
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariantList>("ascending");
        const auto at = [](int s) { return QVariant(kStart + s * kNsPerSecond); };
        QTest::newRow("start") << int(AnomalyModel::Start)
                               << QVariantList{at(10), at(30), at(50), at(70)};
        QTest::newRow("duration") << int(AnomalyModel::Duration)
                                  << QVariantList{
                                         QVariant(1 * kNsPerSecond), QVariant(2 * kNsPerSecond),
                                         QVariant(3 * kNsPerSecond), QVariant(10 * kNsPerSecond)};
        QTest::newRow("peak") << int(AnomalyModel::PeakScore) << QVariantList{0.6, 0.7, 0.9, 1.5};
        // Unknown packets sort after every known count.
        QTest::newRow("packets") << int(AnomalyModel::Packets)
                                 << QVariantList{qint64(9), qint64(10), qint64(100), qint64(1000)};
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(QVariantList, ascending);
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AnomalyModel::SortRole);
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(sortedColumn(proxy, column), ascending);
    }

    void editingEmitsSignals_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("label") << int(AnomalyModel::Label) << int(Qt::EditRole)
                               << QVariant(QStringLiteral("  false positive "));
        QTest::newRow("note") << int(AnomalyModel::Note) << int(Qt::EditRole)
                              << QVariant(QStringLiteral("backup job, see ticket 42"));
        QTest::newRow("marked") << int(AnomalyModel::Marked) << int(Qt::CheckStateRole)
                                << QVariant(Qt::Checked);
    }

    void editingEmitsSignals()
    {
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, value);
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy edited(&model, &AnomalyModel::anomalyEdited);
        const QModelIndex cell = model.index(2, column);
        QVERIFY(model.flags(cell) &
                (column == AnomalyModel::Marked ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable));
        QVERIFY(model.setData(cell, value, role));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), cell);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.first().at(0).toInt(), 2);

        const Anomaly &a = model.anomaly(2);
        if (column == AnomalyModel::Label)
            QCOMPARE(a.label, QStringLiteral("false positive"));
        else if (column == AnomalyModel::Note)
            QCOMPARE(a.note, value.toString());
        else
            QVERIFY(a.marked);
        // The other rows are untouched; setting the same value again changes nothing.
        QCOMPARE(model.anomaly(1).label, QString());
        QVERIFY(model.setData(cell, value, role));
        QCOMPARE(edited.count(), 1);
    }

    void readOnlyColumnsRejectEdits()
    {
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QSignalSpy edited(&model, &AnomalyModel::anomalyEdited);
        for (int column : {int(AnomalyModel::Start), int(AnomalyModel::PeakScore),
                           int(AnomalyModel::Detector), int(AnomalyModel::TopSource)}) {
            const QModelIndex cell = model.index(0, column);
            QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
            QVERIFY(!model.setData(cell, QStringLiteral("x")));
        }
        QVERIFY(
            !model.setData(model.index(0, AnomalyModel::Label), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(edited.count(), 0);
        QCOMPARE(model.anomaly(0).peakScore, 0.7);
    }

    void markedAnomaliesAreExactlyTheChecked()
    {
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QVERIFY(model.markedAnomalies().empty());
        QVERIFY(
            model.setData(model.index(1, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(
            model.setData(model.index(3, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(1, AnomalyModel::Note), QStringLiteral("why")));
        std::vector<Anomaly> marked = model.markedAnomalies();
        QCOMPARE(marked.size(), std::size_t(2));
        QCOMPARE(marked[0].start, model.anomaly(1).start);
        QCOMPARE(marked[0].note, QStringLiteral("why"));
        QCOMPARE(marked[1].start, model.anomaly(3).start);

        QVERIFY(
            model.setData(model.index(1, AnomalyModel::Marked), Qt::Unchecked, Qt::CheckStateRole));
        marked = model.markedAnomalies();
        QCOMPARE(marked.size(), std::size_t(1));
        QCOMPARE(marked[0].start, model.anomaly(3).start);
    }

    void markAllChangesOnlyWhatDiffers()
    {
        AnomalyModel model;
        Investigation investigation;
        plantSample(investigation);
        model.setInvestigation(&investigation);
        QVERIFY(
            model.setData(model.index(0, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        QSignalSpy edited(&model, &AnomalyModel::anomalyEdited);
        model.markAll(true);
        QCOMPARE(edited.count(), 3);
        QCOMPARE(model.markedAnomalies().size(), std::size_t(4));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, AnomalyModel::Marked).data(Qt::CheckStateRole).toInt(),
                     int(Qt::Checked));
        model.markAll(false);
        QCOMPARE(edited.count(), 7);
        QVERIFY(model.markedAnomalies().empty());
    }
};

QTEST_MAIN(TestAnomalyModel)
#include "tst_anomalymodel.moc"
