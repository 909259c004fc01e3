#include "comparisonmodel.h"
#include "evaluate/truth.h"
#include "flowmodel.h"
#include "input/inputloader.h"
#include "inspectorpanel.h"
#include "plantedflows.h"
#include "samplecapture.h"
#include "threshold/detectionrun.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace tideline;

namespace {

// Rows [first, last] of `series` that cover [start, end).
std::pair<qsizetype, qsizetype> rowsCovering(const Series &series, TimeNs start, TimeNs end)
{
    const auto &starts = series.starts;
    const auto first = std::upper_bound(starts.begin(), starts.end(), start) - starts.begin() - 1;
    const auto last = std::lower_bound(starts.begin(), starts.end(), end) - starts.begin() - 1;
    return {std::max<qsizetype>(first, 0), last};
}

// Shows an interval and waits until the background work has filled every tab.
bool showAndWait(InspectorPanel &panel, std::shared_ptr<const LoadedInput> input,
                 const DetectionResult *result, qsizetype first, qsizetype last)
{
    QSignalSpy shown(&panel, &InspectorPanel::intervalShown);
    panel.showInterval(std::move(input), result, first, last);
    return shown.size() == 1 || shown.wait(60000);
}

QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace

class TestInspectorPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const LoadedInput> m_capture;
    TruthInterval m_scan;
    QString m_scanner;
    QString m_target;
    qsizetype m_first = 0;
    qsizetype m_last = 0;

    template <typename T> static T *child(const InspectorPanel &panel, const char *name)
    {
        T *widget = panel.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path =
            generateSample(m_dir.path(), {QStringLiteral("--duration"), QStringLiteral("60")});
        QVERIFY(!path.isEmpty());
        auto input = std::make_shared<LoadedInput>(loadInput(path, {}));
        QVERIFY2(input->ok(), qPrintable(input->error ? input->error->message : QString()));
        QVERIFY(input->traffic);
        m_capture = input;

        Diagnostics diagnostics;
        const auto truth =
            readTruthCsv(m_dir.filePath(QStringLiteral("sample.truth.csv")), diagnostics);
        QVERIFY(truth);
        const auto scan = std::find_if(truth->begin(), truth->end(), [](const TruthInterval &t) {
            return t.kind == QStringLiteral("port_scan");
        });
        QVERIFY(scan != truth->end());
        m_scan = *scan;
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("from (\\S+) across the ports of (\\S+?);"))
                .match(m_scan.description);
        QVERIFY2(match.hasMatch(), qPrintable(m_scan.description));
        m_scanner = match.captured(1);
        m_target = match.captured(2);
        std::tie(m_first, m_last) = rowsCovering(m_capture->series, m_scan.start, m_scan.end);
        QVERIFY(m_first <= m_last);
    }

    void scannerRanksFirstInWhatChanged()
    {
        InspectorPanel panel;
        QVERIFY(showAndWait(panel, m_capture, nullptr, m_first, m_last));
        QCOMPARE(child<QStackedWidget>(panel, "changesStack")->currentIndex(), 1);
        const auto *selector = child<QComboBox>(panel, "dimensionSelector");
        QCOMPARE(ComparisonDimension(selector->currentData().toInt()), ComparisonDimension::Source);
        const auto *view = child<QTableView>(panel, "comparisonView");
        QVERIFY(view->model()->rowCount() > 1);
        QVERIFY(view->model()->rowCount() <= InspectorPanel::kComparisonRows);
        // The target answers every probe, so it sends as many packets as the scanner (seed 7:
        // 1,493 each); it also sent a few in the baseline and the scanner none, so the scanner
        // is the more surprising, and it is new.
        QCOMPARE(cell(view, 0, ComparisonModel::Key), m_scanner);
        QCOMPARE(cell(view, 0, ComparisonModel::New), QStringLiteral("yes"));
        QCOMPARE(cell(view, 1, ComparisonModel::Key), m_target);
        const auto surprise = [view](int row) {
            return view->model()
                ->index(row, ComparisonModel::Surprise)
                .data(ComparisonModel::SortRole)
                .toDouble();
        };
        QVERIFY(surprise(0) > surprise(1));
        QVERIFY(child<QLabel>(panel, "header")
                    ->text()
                    .contains(formatIsoUtc(m_capture->series.starts[std::size_t(m_first)])));
    }

    void dimensionSelectorSwitchesTheBreakdown()
    {
        InspectorPanel panel;
        QVERIFY(showAndWait(panel, m_capture, nullptr, m_first, m_last));
        auto *selector = child<QComboBox>(panel, "dimensionSelector");
        const auto *view = child<QTableView>(panel, "comparisonView");
        selector->setCurrentIndex(selector->findData(int(ComparisonDimension::Destination)));
        // The target receives the probes and the scanner the answers, nearly as many: both
        // lead, the scanner marked new.
        const QStringList topTwo{cell(view, 0, ComparisonModel::Key),
                                 cell(view, 1, ComparisonModel::Key)};
        QVERIFY2(topTwo.contains(m_target) && topTwo.contains(m_scanner),
                 qPrintable(topTwo.join(QLatin1Char(' '))));
        QCOMPARE(view->model()->headerData(ComparisonModel::Key, Qt::Horizontal).toString(),
                 selector->currentText());
        selector->setCurrentIndex(selector->findData(int(ComparisonDimension::SourceNetwork)));
        QVERIFY(cell(view, 0, ComparisonModel::Key).endsWith(QStringLiteral("/24")));
        selector->setCurrentIndex(selector->findData(int(ComparisonDimension::Protocol)));
        QCOMPARE(cell(view, 0, ComparisonModel::Key), QStringLiteral("TCP"));
    }

    void flowsTabListsTheScan()
    {
        InspectorPanel panel;
        QVERIFY(showAndWait(panel, m_capture, nullptr, m_first, m_last));
        QCOMPARE(child<QStackedWidget>(panel, "flowsStack")->currentIndex(), 1);
        const auto *view = child<QTableView>(panel, "flowView");
        const int all = view->model()->rowCount();
        QVERIFY(all > 0);
        int fromScanner = 0;
        for (int row = 0; row < all; ++row)
            fromScanner += cell(view, row, FlowModel::Client) == m_scanner;
        QVERIFY(fromScanner > 1); // one flow per probed port

        // The filter applies after the debounce; only the scanner's flows stay.
        child<QLineEdit>(panel, "flowFilter")->setText(m_scanner);
        QTRY_COMPARE(view->model()->rowCount(), fromScanner);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QVERIFY(view->model()
                        ->index(row, 0)
                        .data(FlowModel::FilterRole)
                        .toString()
                        .contains(m_scanner));
    }

    // A flow table is drilled into like a capture, and each flow shows the row it came from.
    void flowTableShowsFlowsWithTheirRows()
    {
        const QString path = m_dir.filePath(QStringLiteral("flows.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(plantedflows::table());
        file.close();
        auto input = std::make_shared<LoadedInput>(loadInput(path, {}));
        QVERIFY(input->ok());
        QVERIFY(input->traffic);
        const TimeNs scan = (plantedflows::kStart + plantedflows::kScanAt) * kNsPerSecond;
        const auto [first, last] = rowsCovering(input->series, scan, scan + 5 * kNsPerSecond);

        InspectorPanel panel;
        QVERIFY(showAndWait(panel, input, nullptr, first, last));
        QCOMPARE(child<QStackedWidget>(panel, "changesStack")->currentIndex(), 1);
        QCOMPARE(child<QStackedWidget>(panel, "flowsStack")->currentIndex(), 1);
        auto *view = child<QTableView>(panel, "flowView");
        QVERIFY(!view->isColumnHidden(FlowModel::Label));
        const QString scanner = QLatin1String(plantedflows::kScanner);
        child<QLineEdit>(panel, "flowFilter")->setText(scanner);
        QTRY_COMPARE(view->model()->rowCount(), plantedflows::kScanPorts);
        QCOMPARE(cell(view, 0, FlowModel::Label), QStringLiteral("portscan"));

        view->setCurrentIndex(view->model()->index(0, 0));
        const auto *record = child<QTableWidget>(panel, "recordView");
        QCOMPARE(record->rowCount(), 12); // every column of the table
        QCOMPARE(record->item(1, 0)->text(), QStringLiteral("id.orig_h"));
        QCOMPARE(record->item(1, 1)->text(), scanner);
        QCOMPARE(record->item(11, 0)->text(), QStringLiteral("label"));
        QCOMPARE(record->item(11, 1)->text(), QStringLiteral("portscan"));
    }

    // A table without times has no flows; its Flows tab, called Rows, shows the rows whole.
    void untimedTableShowsItsRows()
    {
        const QString path = m_dir.filePath(QStringLiteral("untimed.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,dur,proto,spkts,attack_cat,label\n");
        for (int i = 0; i < 40; ++i)
            file.write(QStringLiteral("%1,0.%2,tcp,%3,%4,%5\n")
                           .arg(i + 1)
                           .arg(i % 10)
                           .arg(2 + i % 3)
                           .arg(i == 20 ? QStringLiteral("Exploits") : QStringLiteral("Normal"))
                           .arg(i == 20 ? 1 : 0)
                           .toUtf8());
        file.close();
        auto input = std::make_shared<LoadedInput>(loadInput(path, {}));
        QVERIFY(input->ok());
        QCOMPARE(input->series.axis, Series::Axis::Row);

        InspectorPanel panel;
        QVERIFY(showAndWait(panel, input, nullptr, 19, 21));
        QCOMPARE(child<QStackedWidget>(panel, "changesStack")->currentIndex(), 0);
        auto *flows = child<QStackedWidget>(panel, "flowsStack");
        QCOMPARE(flows->currentIndex(), 2);
        QCOMPARE(panel.findChild<QTabWidget *>()->tabText(InspectorPanel::kFlowsTab),
                 QStringLiteral("Rows"));
        const auto *rows = child<QTableView>(panel, "rowView");
        QCOMPARE(rows->model()->rowCount(), 3);
        QCOMPARE(rows->model()->columnCount(), 6);
        QCOMPARE(cell(rows, 1, 0), QStringLiteral("21"));
        QCOMPARE(cell(rows, 1, 4), QStringLiteral("Exploits"));
        QCOMPARE(rows->model()->headerData(1, Qt::Vertical).toInt(), 20);

        panel.clear();
        QCOMPARE(panel.findChild<QTabWidget *>()->tabText(InspectorPanel::kFlowsTab),
                 QStringLiteral("Flows"));
        QCOMPARE(rows->model()->rowCount(), 0);
    }

    void featuresNeedADetector()
    {
        InspectorPanel panel;
        QVERIFY(showAndWait(panel, m_capture, nullptr, m_first, m_last));
        QCOMPARE(child<QStackedWidget>(panel, "featuresStack")->currentIndex(), 0);

        DetectionOptions options;
        options.detector = QStringLiteral("robust_z");
        const DetectionResult result = runDetection(m_capture->series, options, {});
        QVERIFY2(result.status.ok(), qPrintable(result.status.message));
        QVERIFY(showAndWait(panel, m_capture, &result, m_first, m_last));
        QCOMPARE(child<QStackedWidget>(panel, "featuresStack")->currentIndex(), 1);
        const auto *view = child<QTableView>(panel, "featureView");
        QCOMPARE(view->model()->rowCount(), int(result.model.featureNames().size()));
        QVERIFY(child<QLabel>(panel, "header")->text().contains(QStringLiteral("peak score")));
    }

    // Clicking another interval before the first is worked out: only the second one is shown,
    // and the first one's result never arrives.
    void aSecondIntervalSupersedesTheFirst()
    {
        InspectorPanel panel;
        QSignalSpy shown(&panel, &InspectorPanel::intervalShown);
        const qsizetype rows = m_capture->series.rowCount();
        panel.showInterval(m_capture, nullptr, 0, rows - 1); // the whole capture: slow
        panel.showInterval(m_capture, nullptr, m_first, m_last);
        QVERIFY(shown.wait(60000));
        QTest::qWait(300);
        QCOMPARE(shown.size(), 1);
        const auto *view = child<QTableView>(panel, "comparisonView");
        QCOMPARE(cell(view, 0, ComparisonModel::Key), m_scanner);
        const auto *flows = child<QTableView>(panel, "flowView");
        QVERIFY(flows->model()->rowCount() > 0);
        QVERIFY(flows->model()->rowCount() <
                int(m_capture->traffic
                        ->flowsBetween(m_capture->series.starts.front(),
                                       rowEnd(m_capture->series, rows - 1))
                        .size()));
    }

    void tablesHaveNoDrillDown()
    {
        // A metrics table as the table reader makes it: rows are bins already, no Traffic.
        auto table = std::make_shared<LoadedInput>();
        table->kind = LoadedInput::Kind::Table;
        table->series.features = {{QStringLiteral("packets"), FeatureKind::Count},
                                  {QStringLiteral("value"), FeatureKind::Gauge}};
        table->series.values.resize(30, 2);
        for (int i = 0; i < 30; ++i) {
            table->series.starts.push_back(m_scan.start + i * kNsPerSecond);
            table->series.values(i, 0) = 10.0 * i;
            table->series.values(i, 1) = i % 7;
        }
        table->series.hasData.assign(30, true);

        InspectorPanel panel;
        QVERIFY(showAndWait(panel, table, nullptr, 3, 6));
        QCOMPARE(child<QStackedWidget>(panel, "changesStack")->currentIndex(), 0);
        QCOMPARE(child<QStackedWidget>(panel, "flowsStack")->currentIndex(), 0);
        QCOMPARE(child<QTableView>(panel, "flowView")->model()->rowCount(), 0);
        // Rows 3..6 hold 30 + 40 + 50 + 60 packets.
        QVERIFY(child<QLabel>(panel, "header")->text().contains(QStringLiteral("180 packets")));
        const auto *message =
            qobject_cast<QLabel *>(child<QStackedWidget>(panel, "changesStack")->widget(0));
        QVERIFY(message && message->text().contains(QStringLiteral("capture")));
    }

    void clearAndBadRowsEmptyEverything_data()
    {
        QTest::addColumn<bool>("viaClear");
        QTest::addColumn<qsizetype>("first");
        QTest::addColumn<qsizetype>("last");
        QTest::newRow("clear") << true << qsizetype(0) << qsizetype(0);
        QTest::newRow("reversed") << false << qsizetype(5) << qsizetype(4);
        QTest::newRow("past the end") << false << qsizetype(0) << qsizetype(1'000'000);
        QTest::newRow("negative") << false << qsizetype(-1) << qsizetype(2);
    }

    void clearAndBadRowsEmptyEverything()
    {
        QFETCH(bool, viaClear);
        QFETCH(qsizetype, first);
        QFETCH(qsizetype, last);
        InspectorPanel panel;
        QVERIFY(showAndWait(panel, m_capture, nullptr, m_first, m_last));
        if (viaClear)
            panel.clear();
        else
            QVERIFY(showAndWait(panel, m_capture, nullptr, first, last));
        QCOMPARE(child<QTableView>(panel, "comparisonView")->model()->rowCount(), 0);
        QCOMPARE(child<QTableView>(panel, "flowView")->model()->rowCount(), 0);
        QCOMPARE(child<QStackedWidget>(panel, "changesStack")->currentIndex(), 0);
        QCOMPARE(child<QStackedWidget>(panel, "flowsStack")->currentIndex(), 0);
    }
};

QTEST_MAIN(TestInspectorPanel)
#include "tst_inspectorpanel.moc"
