// File ▸ Save Model… / Open Model…: a trained supervised model kept in a .tlm file and read
// back to score another file, as `detect --save-model` and `--model` do; errors in the banner.

#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "fixturedir.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "modelfileactions.h"
#include "series/tableloader.h"
#include "threshold/modelfile.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tideline;

namespace {

// proto, packets, bytes and a label: one-packet tcp flows are scans, the rest normal.
QByteArray flowTable(int rows, int attackEvery, bool withBytes = true)
{
    QByteArray text(withBytes ? "proto,packets,bytes,label\n" : "proto,packets,label\n");
    for (int r = 0; r < rows; ++r) {
        const bool scan = r % attackEvery == 0;
        text += scan ? "tcp,1" : (r % 2 ? "udp," : "tcp,") + QByteArray::number(3 + r % 17);
        if (withBytes)
            text += ',' + QByteArray::number(scan ? 60 : 400 + 37 * (r % 23));
        text += scan ? ",scan\n" : ",normal\n";
    }
    return text;
}

void open(MainWindow &window, const QString &path)
{
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
}

} // namespace

class TestModelFileActions : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_table;
    QString m_other;
    QString m_model; // saved by savesAndOpensAModel

    // Opens `model` in a window showing `path`; the message the banner shows, empty if none.
    static QString refusal(const QString &path, const QString &model)
    {
        MainWindow window;
        open(window, path);
        QSignalSpy failed(window.detection(), &DetectionController::modelFailed);
        window.modelFiles()->open(model);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000); }();
        if (failed.isEmpty() || !window.banner()->isVisible() || window.detection()->result())
            return {};
        return window.banner()->text();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineModelFileActionsTest"));
        QSettings().clear();
        m_table = m_dir.write("flows.csv", flowTable(400, 5));
        m_other = m_dir.write("other.csv", flowTable(300, 3));
        QVERIFY(!m_table.isEmpty() && !m_other.isEmpty());
    }

    void savesAndOpensAModel()
    {
        MainWindow window;
        QAction *save = window.modelFiles()->saveAction();
        QAction *openModel = window.modelFiles()->openAction();
        QVERIFY(!save->isEnabled() && !openModel->isEnabled());
        open(window, m_table);
        QVERIFY(openModel->isEnabled());
        QVERIFY(!save->isEnabled()); // nothing trained yet

        // An unsupervised run cannot be kept.
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("robust_z"), std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        QVERIFY(!save->isEnabled());
        window.trainWith(QStringLiteral("random_forest"), std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 2, 60000);
        QVERIFY(save->isEnabled());

        m_model = m_dir.filePath(QStringLiteral("forest.tlm"));
        QSignalSpy saved(window.modelFiles(), &ModelFileActions::modelSaved);
        window.modelFiles()->save(m_model);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QString error;
        const std::optional<SavedModel> read = ModelFile::read(m_model, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->model.classCounts, window.detection()->result()->model.classCounts);

        // Another window scores another file with it: what applying the saved model gives.
        MainWindow other;
        open(other, m_other);
        QSignalSpy applied(&other, &MainWindow::trainingFinished);
        other.modelFiles()->open(m_model);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 60000);
        const TableLoadResult table = loadTable(m_other);
        QVERIFY(!table.error);
        const DetectionResult expected =
            applyModel(read->model, table.series, other.detectorPanel()->thresholdSettings(), {});
        const DetectionResult *result = other.detection()->result();
        QVERIFY(result);
        QVERIFY(result->scores == expected.scores);
        QCOMPARE(other.detection()->modelSource(), m_model);
        // As `detect --model` records it: the model file is no training file a case could
        // re-run the model from.
        QCOMPARE(other.detection()->investigation()->currentRun()->modelFrom, QString());
        QCOMPARE(other.detectorPanel()->detector(), QStringLiteral("random_forest"));
        QVERIFY(other.modelFiles()->saveAction()->isEnabled());
    }

    void aFailedSaveSaysWhy()
    {
        MainWindow window;
        open(window, m_table);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("knn_classifier"), std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
        const QString nowhere = m_dir.filePath(QStringLiteral("no/such/folder/model.tlm"));
        QSignalSpy failed(window.modelFiles(), &ModelFileActions::saveFailed);
        window.modelFiles()->save(nowhere);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY(window.banner()->isVisible());
        QVERIFY2(window.banner()->text().contains(QStringLiteral("model.tlm")),
                 qPrintable(window.banner()->text()));
    }

    void unusableModelsAreRefusedNamingWhy()
    {
        QVERIFY(!m_model.isEmpty());
        QFile file(m_model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();

        QByteArray otherVersion = bytes;
        otherVersion[int(qstrlen("TIDELINE-MODEL\n"))] = 9;
        const QString version = refusal(m_other, m_dir.write("version.tlm", otherVersion));
        QVERIFY2(version.contains(QStringLiteral("version 9")), qPrintable(version));

        const QString damaged =
            refusal(m_other, m_dir.write("cut.tlm", bytes.left(bytes.size() - 9)));
        QVERIFY2(damaged.contains(QStringLiteral("cut.tlm")) &&
                     damaged.contains(QStringLiteral("damaged")),
                 qPrintable(damaged));

        const QString noBytes = m_dir.write("nobytes.csv", flowTable(100, 4, false));
        const QString missing = refusal(noBytes, m_model);
        QVERIFY2(missing.contains(QStringLiteral("bytes")), qPrintable(missing));
    }
};

QTEST_MAIN(TestModelFileActions)
#include "tst_modelfileactions.moc"
