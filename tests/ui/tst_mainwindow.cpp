#include "mainwindow.h"
#include "messagebanner.h"
#include "samplecapture.h"
#include "timelinechart.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tideline;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineTest"));
        QSettings().clear();
        QVERIFY(m_directory.isValid());
        m_sample = generateSample(m_directory.path());
        QVERIFY(!m_sample.isEmpty());
    }

    void opensTheSampleAndDrawsItsPackets()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);

        const LoadedInput *input = window.input();
        QVERIFY(input);
        QVERIFY(input->capture);
        QVERIFY(input->capture->packets > 10000);
        const Series &series = input->series;
        QVERIFY(series.rowCount() > 50);
        QCOMPARE(series.values.col(series.featureIndex(QStringLiteral("packets"))).sum(),
                 double(input->capture->packets));
        QVERIFY(window.windowTitle().contains(QStringLiteral("sample.pcap")));
        QCOMPARE(window.timeline()->feature(), 0);
        QCOMPARE(window.timeline()->visibleTo(), double(series.rowCount()));
        QVERIFY(window.banner()->isHidden());

        auto *features = window.findChild<QComboBox *>(QStringLiteral("featureBox"));
        QVERIFY(features);
        QCOMPARE(features->count(), int(series.features.size()));
        features->setCurrentIndex(features->findText(QStringLiteral("syn_no_ack")));
        QCOMPARE(window.timeline()->feature(), series.featureIndex(QStringLiteral("syn_no_ack")));
    }

    void zoomHistoryGoesBackAndForward()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        TimelineChart *chart = window.timeline();
        const double fullTo = chart->visibleTo();
        chart->zoomBy(4);
        QVERIFY(chart->visibleTo() - chart->visibleFrom() < fullTo / 3);
        chart->back();
        QCOMPARE(chart->visibleTo(), fullTo);
        QVERIFY(chart->canGoForward());
        chart->forward();
        QVERIFY(chart->visibleTo() - chart->visibleFrom() < fullTo / 3);
    }

    void aMissingFileShowsAnErrorBannerNamingIt()
    {
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openFile(m_directory.filePath(QStringLiteral("nowhere.pcap")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(window.banner()->isVisible());
        QCOMPARE(window.banner()->level(), MessageBanner::Level::Error);
        QVERIFY(window.banner()->text().contains(QStringLiteral("nowhere.pcap")));
        QVERIFY(!window.input());
    }

    void cancellingALoadKeepsWhatWasShown()
    {
        // The core checks for cancellation every 64k packets; the sample has over 200k.
        const QString other = m_directory.filePath(QStringLiteral("other.pcap"));
        QVERIFY(QFile::copy(m_sample, other));

        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        QSignalSpy cancelled(&window, &MainWindow::loadCancelled);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const qsizetype rows = window.input()->series.rowCount();

        window.openFile(other);
        window.cancelWork();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, 60000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(window.input()->path, m_sample);
        QCOMPARE(window.input()->series.rowCount(), rows);
    }

    void aSecondOpenSupersedesTheFirst()
    {
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(m_directory.filePath(QStringLiteral("other.pcap")));
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.front().front().toString(), m_sample);
    }

private:
    QTemporaryDir m_directory;
    QString m_sample;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
