// Re-thresholding in the window: the rows are there at once, and the new ones are described off
// the GUI thread (describing one reads the traffic around it), the same as described at once.

#include "anomalymodel.h"
#include "detectioncontroller.h"
#include "samplecapture.h"
#include "thresholdsettings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

namespace {

void compareDescriptions(const std::vector<InvestigationRow> &shown,
                         const std::vector<InvestigationRow> &direct)
{
    QCOMPARE(shown.size(), direct.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Anomaly &a = shown[i].anomaly;
        const Anomaly &b = direct[i].anomaly;
        QCOMPARE(a.start, b.start);
        QVERIFY(!shown[i].describing);
        QVERIFY(!a.kind.isEmpty());
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.summary, b.summary);
        QCOMPARE(a.evidence, b.evidence);
        QCOMPARE(a.packets, b.packets);
        QCOMPARE(a.topSource, b.topSource);
    }
}

} // namespace

class TestDetectionController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = generateSample(m_dir.path());
        QVERIFY(!path.isEmpty());
        m_input = std::make_shared<const LoadedInput>(loadInput(path, {}));
        QVERIFY(m_input->ok() && m_input->traffic);
    }

    void describesNewRowsOffTheGuiThread()
    {
        DetectionController controller;
        AnomalyModel model;
        model.setInvestigation(controller.investigation());
        controller.setInput(m_input);
        DetectionOptions options;
        options.detector = QStringLiteral("robust_z");
        options.threshold = test::percentileSettings(99);
        QSignalSpy trained(&controller, &DetectionController::trainingFinished);
        controller.train(options);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isDescribing(), 60000);
        const std::size_t before = controller.rows().size();

        // Far lower: many new rows. They are shown at once, waiting for their descriptions.
        QSignalSpy described(&controller, &DetectionController::descriptionsChanged);
        controller.setThresholdSettings(test::percentileSettings(60));
        const std::size_t after = controller.rows().size();
        QVERIFY2(after > before + 20, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        QVERIFY(controller.isDescribing());
        QVERIFY(described.isEmpty());
        int waiting = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (controller.rows()[std::size_t(row)].describing) {
                ++waiting;
                QCOMPARE(model.index(row, AnomalyModel::Summary).data().toString(),
                         QStringLiteral("Describing…"));
            }
        }
        QVERIFY(waiting > 20);

        // A move before they are done supersedes the work; what it leaves is described too.
        controller.setThresholdSettings(test::percentileSettings(70));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isDescribing(), 120000);
        QVERIFY(!described.isEmpty());

        // As described at once.
        Investigation direct;
        direct.setInput(m_input);
        direct.addRun(options, std::make_shared<DetectionResult>(*controller.result()));
        compareDescriptions(controller.rows(), direct.rows());
        const int row = int(controller.rows().size()) - 1;
        QCOMPARE(model.index(row, AnomalyModel::Summary).data().toString(),
                 direct.rows().back().anomaly.shownSummary());
    }

    // Exporting does not wait for the background: the marked rows are described there and then.
    void describesMarkedRowsAtOnceForExport()
    {
        DetectionController controller;
        controller.setInput(m_input);
        DetectionOptions options;
        options.detector = QStringLiteral("robust_z");
        options.threshold = test::percentileSettings(60);
        QSignalSpy trained(&controller, &DetectionController::trainingFinished);
        controller.train(options);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        const auto &rows = controller.rows();
        const auto waiting = std::find_if(rows.begin(), rows.end(),
                                          [](const InvestigationRow &r) { return r.describing; });
        QVERIFY(waiting != rows.end());
        const int index = int(waiting - rows.begin());
        QVERIFY(controller.investigation()->setMarked(index, true));
        controller.describeMarkedNow();
        QVERIFY(!rows[std::size_t(index)].describing);
        QVERIFY(!rows[std::size_t(index)].anomaly.kind.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const LoadedInput> m_input;
};

QTEST_MAIN(TestDetectionController)
#include "tst_detectioncontroller.moc"
