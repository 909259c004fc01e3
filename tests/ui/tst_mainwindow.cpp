#include "detectorpanel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "samplecapture.h"
#include "timelinechart.h"

#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

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
        QCOMPARE(window.timeline()->features(), QList<int>{0});
        QCOMPARE(window.timeline()->visibleTo(), double(series.rowCount()));
        QVERIFY(window.banner()->isHidden());

        auto *features = window.findChild<QComboBox *>(QStringLiteral("featureBox"));
        QVERIFY(features);
        // Each feature, then packets and bytes by protocol, stacked and overlaid.
        QCOMPARE(features->count(), int(series.features.size()) + 4);
        features->setCurrentIndex(features->findText(QStringLiteral("syn_no_ack")));
        QCOMPARE(window.timeline()->features(),
                 QList<int>{series.featureIndex(QStringLiteral("syn_no_ack"))});

        // The detector panel offers every feature; the one that looks ahead starts unchecked,
        // and checking it names it.
        auto *list = window.detectorPanel()->findChild<QListWidget *>();
        QVERIFY(list);
        QCOMPARE(list->count(), int(series.features.size()));
        const QList<QListWidgetItem *> upload =
            list->findItems(QStringLiteral("largest_upload"), Qt::MatchExactly);
        QCOMPARE(upload.size(), 1);
        QCOMPARE(upload.front()->checkState(), Qt::Unchecked);
        QStringList expected;
        for (const FeatureInfo &feature : series.features) {
            if (feature.name != u"largest_upload")
                expected << feature.name;
        }
        QCOMPARE(window.detectorPanel()->options().features, expected);
        upload.front()->setCheckState(Qt::Checked);
        QVERIFY(
            window.detectorPanel()->options().features.contains(QStringLiteral("largest_upload")));
        // A run that added it to the default (--features +largest_upload) shows every feature
        // checked; one with the default, all but it.
        DetectionOptions shown = window.detectorPanel()->options();
        shown.features = QStringList{QStringLiteral("+largest_upload")};
        window.detectorPanel()->showOptions(shown);
        QCOMPARE(window.detectorPanel()->options().features.size(), list->count());
        shown.features.clear();
        window.detectorPanel()->showOptions(shown);
        QCOMPARE(window.detectorPanel()->options().features, expected);
    }

    void theSeriesChoiceIsRememberedForTheNextWindow()
    {
        for (const QString &choice : {QStringLiteral("bytes_udp"), QStringLiteral("packets")}) {
            {
                MainWindow window;
                QSignalSpy finished(&window, &MainWindow::loadFinished);
                window.openFile(m_sample);
                QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
                auto *box = window.findChild<QComboBox *>(QStringLiteral("featureBox"));
                box->setCurrentIndex(box->findText(choice));
            }
            MainWindow next;
            QSignalSpy finished(&next, &MainWindow::loadFinished);
            next.openFile(m_sample);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
            QCOMPARE(next.findChild<QComboBox *>(QStringLiteral("featureBox"))->currentText(),
                     choice);
            QCOMPARE(next.timeline()->features(),
                     QList<int>{next.input()->series.featureIndex(choice)});
        }
    }

    void drawsPacketsByProtocol_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("stacked");
        QTest::newRow("stacked") << QStringLiteral("packets by protocol (stacked)") << true;
        QTest::newRow("overlaid") << QStringLiteral("packets by protocol (overlaid)") << false;
    }

    void drawsPacketsByProtocol()
    {
        QFETCH(QString, entry);
        QFETCH(bool, stacked);
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        window.openFile(m_sample);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        auto *features = window.findChild<QComboBox *>(QStringLiteral("featureBox"));
        QVERIFY(features);
        const int index = features->findText(entry);
        QVERIFY(index >= 0);
        features->setCurrentIndex(index);

        const Series &series = window.input()->series;
        const TimelineChart *chart = window.timeline();
        QCOMPARE(chart->layout(),
                 stacked ? TimelineChart::Layout::Stacked : TimelineChart::Layout::Overlaid);
        QCOMPARE(chart->lineCount(), 4);
        const auto rows = std::size_t(series.rowCount());
        std::vector<double> below(rows, 0.0);
        int linesAboveZero = 0;
        const QStringList names{QStringLiteral("packets_tcp"), QStringLiteral("packets_udp"),
                                QStringLiteral("packets_icmp"), QStringLiteral("packets_other")};
        for (qsizetype line = 0; line < names.size(); ++line) {
            const auto own = series.values.col(series.featureIndex(names[line]));
            const std::vector<double> &drawn = chart->values(line);
            QCOMPARE(drawn.size(), rows);
            bool aboveZero = false;
            for (std::size_t r = 0; r < rows; ++r) {
                below[r] += own(qsizetype(r));
                aboveZero = aboveZero || own(qsizetype(r)) > 0;
                if (!series.hasData[r])
                    QVERIFY(std::isnan(drawn[r]));
                else
                    QCOMPARE(drawn[r], stacked ? below[r] : own(qsizetype(r)));
            }
            linesAboveZero += aboveZero;
        }
        // The sample has traffic of several protocols, so the sums are not one line repeated.
        QVERIFY(linesAboveZero >= 3);
        if (stacked) {
            // The top line is the total: every packet is of one of the four.
            const auto packets = series.values.col(series.featureIndex(QStringLiteral("packets")));
            for (std::size_t r = 0; r < rows; ++r) {
                if (series.hasData[r])
                    QCOMPARE(chart->values(3)[r], packets(qsizetype(r)));
            }
        }
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
