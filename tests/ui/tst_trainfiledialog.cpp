// Train on Another File… with a supervised detector: the training file is read in the
// background and the classes of its label column are shown, with their rows and shares under
// the chosen rule and column, before the model trains on them.

#include "classcountmodel.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "fixturedir.h"
#include "mainwindow.h"
#include "trainfiledialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tideline;

namespace {

// proto, packets, bytes, the kind of traffic and a label: every `scanEvery`-th row a scan,
// every `floodEvery`-th (when not a scan) a flood, the rest normal.
QByteArray flowTable(int rows, int scanEvery, int floodEvery)
{
    QByteArray text("proto,packets,bytes,kind,label\n");
    for (int r = 0; r < rows; ++r) {
        if (r % scanEvery == 0)
            text += "tcp,1,60,scan,attack\n";
        else if (r % floodEvery == 0)
            text += "udp,900,90000,flood,attack\n";
        else
            text += (r % 2 ? "udp," : "tcp,") + QByteArray::number(3 + r % 17) + ',' +
                    QByteArray::number(400 + 37 * (r % 23)) + ",web,normal\n";
    }
    return text;
}

// Each row of the model as "class rows share".
QStringList shown(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        rows << cells.join(QLatin1Char(' '));
    }
    return rows;
}

} // namespace

class TestTrainFileDialog : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_shown;
    QString m_training;

    // A window showing m_shown with the forest chosen.
    static void openWithForest(MainWindow &window, const QString &path)
    {
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        window.detectorPanel()->setDetector(QStringLiteral("random_forest"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineTrainFileDialogTest"));
        QSettings().clear();
        m_shown = m_dir.write("shown.csv", flowTable(200, 4, 7));
        // 300 rows: 100 scans (r % 3 == 0), 40 floods (r % 5 == 0 but not a scan), 160 web.
        m_training = m_dir.write("training.csv", flowTable(300, 3, 5));
        QVERIFY(!m_shown.isEmpty() && !m_training.isEmpty());
    }

    void showsTheClassesBeforeTraining()
    {
        MainWindow window;
        openWithForest(window, m_shown);
        TrainFileDialog *dialog = window.askTrainFrom(m_training);
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->classModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(dialog, &TrainFileDialog::classesShown);
        QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 1, 60000);
        QCOMPARE(shown(*dialog->classModel()), (QStringList{QStringLiteral("normal 160 53.3 %"),
                                                            QStringLiteral("attack 140 46.7 %")}));
        auto *column = dialog->findChild<QComboBox *>(QStringLiteral("labelColumn"));
        QVERIFY(column && column->isEnabled());
        QCOMPARE(column->currentText(), QStringLiteral("label"));

        // Every label value a class: counted again at once, without reading the file again.
        dialog->setMultiClass(true);
        QCOMPARE(counted.size(), 2);
        QCOMPARE(shown(*dialog->classModel()), (QStringList{QStringLiteral("attack 140 46.7 %"),
                                                            QStringLiteral("normal 160 53.3 %")}));

        // Another label column: the file is read with it.
        dialog->setLabelColumn(QStringLiteral("kind"));
        QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 3, 60000);
        QCOMPARE(shown(*dialog->classModel()),
                 (QStringList{QStringLiteral("flood 40 13.3 %"), QStringLiteral("scan 100 33.3 %"),
                              QStringLiteral("web 160 53.3 %")}));

        // Back to the labels, every value a class: training learns what was shown.
        dialog->setLabelColumn(QStringLiteral("label"));
        QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 4, 60000);
        QCOMPARE(shown(*dialog->classModel()), (QStringList{QStringLiteral("attack 140 46.7 %"),
                                                            QStringLiteral("normal 160 53.3 %")}));
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        QSignalSpy failed(&window, &MainWindow::trainingFailed);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE_WITH_TIMEOUT(trained.size() + failed.size(), 1, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        const DetectionResult *result = window.detection()->result();
        QVERIFY(result);
        QCOMPARE(result->model.classCounts, (std::vector<qint64>{140, 160}));
        QCOMPARE(result->model.describeClasses(), QStringLiteral("attack 140 · normal 160"));
        QVERIFY(!result->model.classifier()->classes().binary);
        QCOMPARE(window.detection()->modelSource(), m_training);
    }

    void aFileWithoutLabelsCannotTrain()
    {
        const QString unlabelled =
            m_dir.write("unlabelled.csv", QByteArray("proto,packets,bytes\ntcp,3,400\nudp,1,60\n"));
        MainWindow window;
        openWithForest(window, m_shown);
        TrainFileDialog *dialog = window.askTrainFrom(unlabelled);
        QSignalSpy counted(dialog, &TrainFileDialog::classesShown);
        QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 1, 60000);
        QCOMPARE(dialog->classModel()->rowCount(), 0);
        QVERIFY(
            !dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        auto *column = dialog->findChild<QComboBox *>(QStringLiteral("labelColumn"));
        QCOMPARE(column->currentText(), QStringLiteral("(none found)"));
    }

    void aFileThatCannotBeReadSaysWhy()
    {
        MainWindow window;
        openWithForest(window, m_shown);
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        TrainFileDialog *dialog = window.askTrainFrom(missing);
        QSignalSpy failed(dialog, &TrainFileDialog::readFailed);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("missing.csv")),
                 qPrintable(failed.front().front().toString()));
        QVERIFY(
            !dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    }
};

QTEST_MAIN(TestTrainFileDialog)
#include "tst_trainfiledialog.moc"
