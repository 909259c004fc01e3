// The analyst's annotations through the real window, offscreen: mark, label and note anomalies,
// change the bin, retrain, re-threshold, and find every annotation again; save the case,
// reopen it in another window and find them there; be asked before unsaved work is dropped;
// find a moved source again only when it is the same file.

#include "anomalymodel.h"
#include "case/casefile.h"
#include "common/binwidth.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "samplecapture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace tideline;

namespace {

// Every label and note the table shows, with the Export ticks, as one text.
QStringList shownAnnotations(const AnomalyModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Anomaly &a = model.anomaly(row);
        if (a.marked || !a.label.isEmpty() || !a.note.isEmpty())
            shown << QStringLiteral("%1|%2|%3").arg(a.marked).arg(a.label, a.note);
    }
    shown.sort();
    return shown;
}

// Answers the next modal question with `button` once it shows.
void answerNextQuestion(QMessageBox::StandardButton button, bool *asked)
{
    QTimer::singleShot(0, [button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return answerNextQuestion(button, asked);
        *asked = true;
        box->button(button)->click();
    });
}

} // namespace

class TestInvestigationWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineInvestigationTest"));
        QSettings().clear();
        QVERIFY(m_directory.isValid());
        m_sample = generateSample(m_directory.path());
        QVERIFY(!m_sample.isEmpty());
    }

    void annotationsSurviveEverything()
    {
        MainWindow window;
        QAbstractItemModelTester tester(window.anomalyModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QSignalSpy trained(&window, &MainWindow::trainingFinished);
        window.trainWith(QStringLiteral("robust_z"), 90.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);

        AnomalyModel &model = *window.anomalyModel();
        QVERIFY(model.rowCount() >= 4);
        QVERIFY(
            model.setData(model.index(0, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(1, AnomalyModel::Label), QStringLiteral("port scan")));
        QVERIFY(model.setData(model.index(2, AnomalyModel::Note), QStringLiteral("ask the owner")));
        QVERIFY(model.setData(model.index(3, AnomalyModel::Label), QStringLiteral("benign")));
        QVERIFY(
            model.setData(model.index(3, AnomalyModel::Marked), Qt::Checked, Qt::CheckStateRole));
        const int manual = window.detection()->addManual(5, 8);
        QVERIFY(model.setData(model.index(manual, AnomalyModel::Note), QStringLiteral("mine")));
        QCOMPARE(model.anomaly(manual).detector, QStringLiteral("manual"));
        const QStringList annotated = shownAnnotations(model);
        QCOMPARE(annotated.size(), 5);
        QVERIFY(window.hasUnsavedWork());

        // Re-threshold both ways: nothing lost.
        window.detectorPanel()->setPercentile(99.5);
        QTRY_COMPARE(window.detection()->result()->percentile, 99.5);
        QCOMPARE(shownAnnotations(model), annotated);
        window.detectorPanel()->setPercentile(80);
        QTRY_COMPARE(window.detection()->result()->percentile, 80.0);
        QCOMPARE(shownAnnotations(model), annotated);

        // A wider bin, then retraining with another detector.
        const TimeNs width = window.input()->series.binWidth;
        TimeNs wider = 0;
        for (TimeNs w : binwidth::niceWidths()) {
            if (w > width) {
                wider = w;
                break;
            }
        }
        QSignalSpy rebinned(&window, &MainWindow::seriesChanged);
        QVERIFY(window.setBinWidth(wider));
        QTRY_COMPARE_WITH_TIMEOUT(rebinned.size(), 1, 60000);
        QCOMPARE(window.input()->series.binWidth, wider);
        QCOMPARE(shownAnnotations(model), annotated);
        window.trainWith(QStringLiteral("isolation_forest"), 95.0);
        QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 2, 60000);
        QCOMPARE(shownAnnotations(model), annotated);
        window.detectorPanel()->setPercentile(99);
        QTRY_COMPARE(window.detection()->result()->percentile, 99.0);
        QCOMPARE(shownAnnotations(model), annotated);

        // Saved, then reopened in another window.
        const QString path = m_directory.filePath(QStringLiteral("annotated.tideline"));
        QSignalSpy saved(&window, &MainWindow::caseSaved);
        window.saveCase(path);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        QVERIFY(!window.hasUnsavedWork());
        // Changed after the save: written as it happens.
        QVERIFY(model.setData(model.index(0, AnomalyModel::Note), QStringLiteral("after save")));
        const QStringList final = shownAnnotations(model);

        MainWindow reopened;
        QSignalSpy reopenedLoaded(&reopened, &MainWindow::loadFinished);
        QVERIFY(reopened.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(reopenedLoaded.size(), 1, 60000);
        QCOMPARE(shownAnnotations(*reopened.anomalyModel()), final);
        QCOMPARE(reopened.input()->series.binWidth, wider);
        QCOMPARE(reopened.detection()->investigation()->runs().size(), std::size_t(2));
        QCOMPARE(reopened.anomalyModel()->rowCount(), model.rowCount());
    }

    void asksBeforeDroppingUnsavedWork()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(!window.hasUnsavedWork());
        window.detection()->addManual(1, 2);
        QVERIFY(window.hasUnsavedWork());

        bool asked = false;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!window.openFile(m_sample));
        QVERIFY(asked);
        QCOMPARE(window.detection()->investigation()->annotations().size(), std::size_t(1));

        asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.openFile(m_sample));
        QVERIFY(asked);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 60000);
        QVERIFY(window.detection()->investigation()->annotations().empty());
    }

    void asksBeforeClosingWithUnsavedWork()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(m_sample));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        window.show();
        QVERIFY(window.close()); // nothing to lose: closes without asking
        window.show();
        window.detection()->addManual(1, 2);

        bool asked = false;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!window.close());
        QVERIFY(asked);
        QVERIFY(window.isVisible());

        asked = false;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(window.close());
        QVERIFY(asked);
    }

    // A case whose source has moved shows what it saved and says so; the source is taken at
    // its new place only once its SHA-256 matched.
    void asksForAMovedSourceAndChecksIt()
    {
        const QString original = m_directory.filePath(QStringLiteral("moving.pcap"));
        QVERIFY(QFile::copy(m_sample, original));
        const QString path = m_directory.filePath(QStringLiteral("moving.tideline"));
        {
            MainWindow window;
            QSignalSpy loaded(&window, &MainWindow::loadFinished);
            QVERIFY(window.openFile(original));
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
            QSignalSpy trained(&window, &MainWindow::trainingFinished);
            window.trainWith(QStringLiteral("robust_z"), 90.0);
            QTRY_COMPARE_WITH_TIMEOUT(trained.size(), 1, 60000);
            QSignalSpy saved(&window, &MainWindow::caseSaved);
            window.saveCase(path);
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 60000);
        }
        const QString moved = m_directory.filePath(QStringLiteral("moved.pcap"));
        QVERIFY(QFile::rename(original, moved));
        const QString other = m_directory.filePath(QStringLiteral("other.pcap"));
        {
            QFile in(moved);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
            QFile out(other);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        const auto sourceOfCase = [&path] {
            QString error;
            const std::optional<CaseContents> contents = CaseFile::read(path, &error);
            return contents ? contents->source.path : error;
        };

        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        QVERIFY(window.anomalyModel()->rowCount() > 0);
        QVERIFY(window.banner()->isVisibleTo(&window));
        QVERIFY2(window.banner()->text().contains(QStringLiteral("not at")),
                 qPrintable(window.banner()->text()));

        window.locateSource(other);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.banner()->text().contains(QStringLiteral("not the case's source")), 60000);
        QCOMPARE(sourceOfCase(), QFileInfo(original).absoluteFilePath());

        window.locateSource(moved);
        QTRY_COMPARE_WITH_TIMEOUT(sourceOfCase(), QFileInfo(moved).absoluteFilePath(), 60000);
    }

    void refusesANewerCase()
    {
        const QString path = m_directory.filePath(QStringLiteral("newer.tideline"));
        QByteArray header(100, '\0');
        header.replace(0, 16, QByteArrayLiteral("SQLite format 3\0"));
        header[63] = 9;                            // user_version 9
        header.replace(68, 4, QByteArray("TDLN")); // a case's application id
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(header);
        file.close();
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        QVERIFY(window.openFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 60000);
        QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("newer Tideline")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(QFileInfo(path).size(), 100);
    }

private:
    QTemporaryDir m_directory;
    QString m_sample;
};

QTEST_MAIN(TestInvestigationWindow)
#include "tst_investigationwindow.moc"
