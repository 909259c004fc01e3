// `tideline series|detect|summarize prometheus+http://…` against Debian's own Prometheus on
// 127.0.0.1, over a data folder backfilled with promtool from series this test writes: five
// container metrics of a day at 15 s with a planted anomaly six hours before the end.

#include "runtideline.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

namespace {

constexpr qint64 kStep = 15;
constexpr qint64 kRows = 24 * 3600 / kStep + 1;
// The planted anomaly: 20 minutes, six hours before the last sample.
constexpr qint64 kAnomalyRow = kRows - 6 * 3600 / kStep;
constexpr qint64 kAnomalyRows = 20 * 60 / kStep;

const char *const kMetrics[] = {
    "container_cpu_usage_seconds",       "container_network_receive_bytes",
    "container_request_latency_seconds", "container_memory_working_set_bytes",
    "container_spec_memory_limit_bytes",
};

// A container's day: CPU, traffic and latency follow the requests with noise, memory drifts,
// the limit is constant. In the anomaly CPU and latency climb while traffic collapses.
QByteArray openMetrics(qint64 start)
{
    std::mt19937_64 random(17);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<std::array<double, 5>> rows(kRows);
    for (qint64 r = 0; r < kRows; ++r) {
        const double load = 1.0 + 0.3 * std::sin(2.0 * M_PI * double(r) / double(kRows));
        const bool anomaly = r >= kAnomalyRow && r < kAnomalyRow + kAnomalyRows;
        rows[std::size_t(r)] = {
            0.4 * load * (anomaly ? 4.0 : 1.0) + 0.02 * noise(random),
            std::round(2.0e6 * load * (anomaly ? 0.1 : 1.0) * (1.0 + 0.03 * noise(random))),
            0.05 * (anomaly ? 12.0 : 1.0) * (1.0 + 0.05 * noise(random)),
            std::round(3.0e8 + 2.0e7 * load + 1.0e6 * noise(random)),
            5.0e8,
        };
    }
    QByteArray text;
    for (std::size_t m = 0; m < std::size(kMetrics); ++m) {
        text += QByteArray("# TYPE ") + kMetrics[m] + " gauge\n";
        for (qint64 r = 0; r < kRows; ++r)
            text += QByteArray(kMetrics[m]) + "{container=\"shop\",pod=\"shop-1\"} " +
                    QByteArray::number(rows[std::size_t(r)][m], 'g', 10) + ' ' +
                    QByteArray::number(start + r * kStep) + '\n';
    }
    return text + "# EOF\n";
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QString iso(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (prometheus.isEmpty() || promtool.isEmpty())
            QSKIP("Debian's prometheus is not installed (packaging/install-dependencies.sh)");
        QVERIFY(m_dir.isValid());

        // Backfilled blocks must lie before the server's head: the day ends four hours ago.
        m_end = (QDateTime::currentSecsSinceEpoch() / 3600 - 4) * 3600;
        m_start = m_end - (kRows - 1) * kStep;
        QFile samples(m_dir.filePath(QStringLiteral("samples.om")));
        QVERIFY(samples.open(QIODevice::WriteOnly));
        samples.write(openMetrics(m_start));
        samples.close();
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess backfill;
        backfill.start(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                  QStringLiteral("openmetrics"), samples.fileName(), data});
        QVERIFY(backfill.waitForFinished(120000));
        QVERIFY2(backfill.exitCode() == 0, backfill.readAllStandardError().constData());

        // No scrape jobs: the server reads what was backfilled and sends nothing anywhere.
        QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("global: {}\nscrape_configs: []\n");
        config.close();
        const quint16 port = freePort();
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
        m_server.start(prometheus, {QStringLiteral("--config.file=") + config.fileName(),
                                    QStringLiteral("--storage.tsdb.path=") + data,
                                    QStringLiteral("--storage.tsdb.retention.time=30d"),
                                    QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
        QVERIFY(m_server.waitForStarted());
        m_url = QStringLiteral("prometheus+http://127.0.0.1:%1").arg(port);

        QNetworkAccessManager manager;
        const QUrl ready(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port));
        bool isReady = false;
        for (int attempt = 0; attempt < 300 && !isReady; ++attempt) {
            QNetworkReply *reply = manager.get(QNetworkRequest(ready));
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            isReady = reply->error() == QNetworkReply::NoError;
            reply->deleteLater();
            if (!isReady)
                QTest::qWait(100);
        }
        QVERIFY2(isReady, "prometheus did not become ready on 127.0.0.1");
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000))
                m_server.kill();
        }
    }

    void seriesReadsWhatWasBackfilled()
    {
        const QString out = m_dir.filePath(QStringLiteral("series.csv"));
        const TidelineRun run = runTideline(
            {QStringLiteral("series"), m_url, QStringLiteral("--query"),
             QStringLiteral("limit=container_spec_memory_limit_bytes"), QStringLiteral("--query"),
             QStringLiteral("all={__name__=~\"container_.*\",container=\"shop\"}"),
             QStringLiteral("--start"), iso(m_start), QStringLiteral("--end"),
             QString::number(m_end), QStringLiteral("--step"), QStringLiteral("15s"),
             QStringLiteral("-o"), out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray header = file.readLine().trimmed();
        // One query, five series: five features named by the label that differs.
        QCOMPARE(header,
                 QByteArray("start,has_data,limit,all{__name__=container_cpu_usage_seconds},"
                            "all{__name__=container_memory_working_set_bytes},"
                            "all{__name__=container_network_receive_bytes},"
                            "all{__name__=container_request_latency_seconds},"
                            "all{__name__=container_spec_memory_limit_bytes}"));
        qint64 rows = 0;
        while (!file.atEnd()) {
            const QList<QByteArray> cells = file.readLine().trimmed().split(',');
            QCOMPARE(cells.value(1), QByteArray("1"));
            QCOMPARE(cells.value(2).toDouble(), 5.0e8);
            ++rows;
        }
        QCOMPARE(rows, kRows);
    }

    void detectFindsThePlantedAnomaly()
    {
        const QString out = m_dir.filePath(QStringLiteral("anomalies.csv"));
        QStringList arguments{QStringLiteral("detect"), m_url};
        for (const char *metric : kMetrics)
            arguments << QStringLiteral("--query")
                      << QStringLiteral("%1=%1{container=\"shop\"}").arg(QLatin1String(metric));
        arguments << QStringLiteral("--start") << QString::number(m_start)
                  << QStringLiteral("--end") << QString::number(m_end) << QStringLiteral("--step")
                  << QStringLiteral("15s") << QStringLiteral("--detector")
                  << QStringLiteral("robust_z") << QStringLiteral("-o") << out;
        const TidelineRun run = runTideline(arguments);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        file.readLine();
        const QDateTime plantedStart =
            QDateTime::fromSecsSinceEpoch(m_start + kAnomalyRow * kStep, Qt::UTC);
        const QDateTime plantedEnd = plantedStart.addSecs(kAnomalyRows * kStep);
        // The planted interval is found, and nothing else scores as high.
        int found = 0;
        double plantedPeak = 0.0;
        double otherPeak = 0.0;
        while (!file.atEnd()) {
            const QList<QByteArray> cells = file.readLine().split(',');
            const QDateTime start =
                QDateTime::fromString(QString::fromUtf8(cells[0]), Qt::ISODateWithMs);
            const QDateTime end =
                QDateTime::fromString(QString::fromUtf8(cells[1]), Qt::ISODateWithMs);
            QVERIFY(start.isValid() && end.isValid());
            const double peak = cells.value(3).toDouble();
            if (start < plantedEnd && end > plantedStart) {
                ++found;
                plantedPeak = std::max(plantedPeak, peak);
            } else {
                otherPeak = std::max(otherPeak, peak);
            }
        }
        QCOMPARE(found, 1);
        QVERIFY2(plantedPeak > otherPeak,
                 qPrintable(QStringLiteral("%1 vs %2").arg(plantedPeak).arg(otherPeak)));
    }

    void summarizeDescribesTheSource()
    {
        const TidelineRun run = runTideline(
            {QStringLiteral("summarize"), m_url, QStringLiteral("--json"),
             QStringLiteral("--query"), QStringLiteral("cpu=container_cpu_usage_seconds"),
             QStringLiteral("--start"), QString::number(m_start - 3600), QStringLiteral("--end"),
             QString::number(m_end), QStringLiteral("--step"), QStringLiteral("15s")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("prometheus"));
        QCOMPARE(summary.value(QStringLiteral("rows")).toInteger(), kRows + 3600 / kStep);
        const QJsonObject feature =
            summary.value(QStringLiteral("features")).toArray().at(0).toObject();
        QCOMPARE(feature.value(QStringLiteral("points")).toInteger(), kRows);
        // The hour before the first sample is a gap, not zeros.
        QCOMPARE(feature.value(QStringLiteral("gaps")).toInteger(), 3600 / kStep);
    }

    void prometheusErrorsReachTheUser()
    {
        const TidelineRun run = runTideline(
            {QStringLiteral("series"), m_url, QStringLiteral("--query"),
             QStringLiteral("bad=rate(container_cpu_usage_seconds[1m]"), QStringLiteral("--start"),
             QString::number(m_start), QStringLiteral("--end"), QString::number(m_end)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("HTTP 400")), run.err.constData());
        QVERIFY2(run.errText().contains(QStringLiteral("bad_data")), run.err.constData());
        QVERIFY2(run.errText().contains(QStringLiteral("parse error")), run.err.constData());
    }

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_url;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
