// A supervised run in the window: the threshold controls step aside, the training rows per
// class are named (also when trained on another file), and the Classifier dock shows the
// confusion matrix against the file's labels and the forest's feature importances.

#include "classifierpanel.h"
#include "confusionmodel.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "fixturedir.h"
#include "importancemodel.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>

using namespace tideline;

namespace {

// proto, packets, bytes and a label: one-packet tcp flows are scans, the rest normal; every
// `attackEvery`-th row is a scan.
QByteArray flowTable(int rows, int attackEvery)
{
    QByteArray text("proto,packets,bytes,label\n");
    for (int r = 0; r < rows; ++r) {
        if (r % attackEvery == 0)
            text += "tcp,1,60,scan\n";
        else
            text += (r % 2 ? "udp," : "tcp,") + QByteArray::number(3 + r % 17) + ',' +
                    QByteArray::number(400 + 37 * (r % 23)) + ",normal\n";
    }
    return text;
}

} // namespace

class TestClassifierPanel : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_table;
    QString m_other;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineClassifierPanelTest"));
        QSettings().clear();
        m_table = m_dir.write("flows.csv", flowTable(400, 5));
        m_other = m_dir.write("other.csv", flowTable(300, 3));
        QVERIFY(!m_table.isEmpty() && !m_other.isEmpty());
    }

    void supervisedRunShowsWhatItLearnt()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(m_table);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        DetectorPanel *panel = window.detectorPanel();
        auto *slider = panel->findChild<QSlider *>(QStringLiteral("percentileSlider"));
        auto *note = panel->findChild<QLabel *>(QStringLiteral("supervisedNote"));
        auto *classes = panel->findChild<QLabel *>(QStringLiteral("trainingClasses"));
        QVERIFY(slider && note && classes);
        QVERIFY(slider->isEnabled());
        QVERIFY(!note->isVisible());

        panel->setDetector(QStringLiteral("random_forest"));
        QVERIFY(!slider->isEnabled());
        QVERIFY(note->isVisible());

        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.train();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 120000);
        QVERIFY(classes->isVisible());
        // The category column is a feature to choose like the numbers.
        const DetectionOptions options = panel->options();
        QVERIFY(options.features.contains(QStringLiteral("proto")));
        QCOMPARE(classes->text(), QStringLiteral("Trained on normal 320 · attack 80"));

        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("classifierDock"));
        QVERIFY(dock && dock->isVisible());
        ClassifierPanel *classifier = window.classifierPanel();
        QCOMPARE(classifier->currentIndex(), 0); // the matrix, at the front as it appears
        QAbstractItemModelTester confusionTester(classifier->confusion());
        QAbstractItemModelTester importanceTester(classifier->importances());
        // Binary: normal and attack, every row counted once, the scans found.
        const ConfusionMatrix &matrix = classifier->confusion()->matrix();
        QCOMPARE(matrix.classes, QStringList({QStringLiteral("attack"), QStringLiteral("normal")}));
        QCOMPARE(matrix.rows, 400);
        QCOMPARE(matrix.counts[0][0], 80);
        QCOMPARE(classifier->confusion()->columnCount(), 2 + ConfusionModel::ScoreCount);
        QCOMPARE(classifier->confusion()->headerData(0, Qt::Vertical).toString(),
                 QStringLiteral("attack"));
        // packets, bytes, proto=tcp, proto=udp: the most important first.
        ImportanceModel *importances = classifier->importances();
        QCOMPARE(importances->rowCount(), 4);
        QVERIFY(classifier->isTabEnabled(0) && classifier->isTabEnabled(1));
        double previous = 101.0;
        for (int r = 0; r < importances->rowCount(); ++r) {
            const double percent = importances->index(r, ImportanceModel::Importance)
                                       .data()
                                       .toString()
                                       .chopped(2)
                                       .toDouble();
            QVERIFY(percent <= previous);
            previous = percent;
        }

        // Trained on the other file: its rows per class.
        window.trainFrom(m_other);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 2, 120000);
        QCOMPARE(classes->text(), QStringLiteral("Trained on normal 200 · attack 100"));
        QCOMPARE(classifier->confusion()->matrix().rows, 400);

        // An unsupervised detector: the threshold back, the dock and the classes gone.
        panel->setDetector(QStringLiteral("robust_z"));
        QVERIFY(slider->isEnabled());
        QVERIFY(!note->isVisible());
        window.train();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 3, 120000);
        QVERIFY(!dock->isVisible());
        QVERIFY(!classes->isVisible());
    }

    void withoutLabelsNoMatrix()
    {
        ClassifierPanel panel;
        QVERIFY(!panel.showResult(nullptr, Series()));
        QCOMPARE(panel.confusion()->rowCount(), 0);
        QCOMPARE(panel.confusion()->columnCount(), 0);
        QCOMPARE(panel.importances()->rowCount(), 0);
    }
};

QTEST_MAIN(TestClassifierPanel)
#include "tst_classifierpanel.moc"
