// File ▸ Open from Prometheus…: the dialog (what it remembers and what it never does, the
// metric names it offers) and the window reading a server in the background, against a
// canned server on 127.0.0.1.

#include "cannedprometheus.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "prometheusdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

using namespace tideline;

namespace {

constexpr qint64 kStart = 1'700'000'000;

Answer rising(const Request &request)
{
    if (request.path.endsWith(QStringLiteral("/values")))
        return {200, QByteArray(R"({"status":"success","data":["container_cpu","up"]})")};
    return {200, matrix(request, {{QJsonObject{{QStringLiteral("pod"), QStringLiteral("a")}},
                                   [](qint64 t) { return QString::number(t - kStart); }},
                                  {QJsonObject{{QStringLiteral("pod"), QStringLiteral("b")}},
                                   [](qint64) { return QStringLiteral("NaN"); }}})};
}

} // namespace

class TestPrometheusDialog : public QObject
{
    Q_OBJECT

private slots:
    void init() { QSettings().clear(); }

    void remembersEverythingButTheSecret()
    {
        {
            PrometheusDialog dialog;
            dialog.setUrl(QStringLiteral("prometheus+http://127.0.0.1:9009/prometheus"));
            dialog.setQueries({QStringLiteral("cpu=rate(cpu_seconds_total[1m])")});
            dialog.setRange(kStart * kNsPerSecond, (kStart + 3600) * kNsPerSecond,
                            30 * kNsPerSecond);
            auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("auth"));
            auth->setCurrentIndex(auth->findData(int(PrometheusAuth::Kind::Bearer)));
            dialog.findChild<QLineEdit *>(QStringLiteral("secret"))
                ->setText(QStringLiteral("t0ken"));
            dialog.findChild<QLineEdit *>(QStringLiteral("tenant"))
                ->setText(QStringLiteral("team-a"));
            dialog.findChild<QLineEdit *>(QStringLiteral("caFile"))
                ->setText(QStringLiteral("/etc/tideline/ca.pem"));
            dialog.findChild<QCheckBox *>(QStringLiteral("skipVerification"))->setChecked(true);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            const PrometheusSource source = dialog.source();
            QCOMPARE(source.auth.kind, PrometheusAuth::Kind::Bearer);
            QCOMPARE(source.auth.secret, QStringLiteral("t0ken"));
            QCOMPARE(source.tenant, QStringLiteral("team-a"));
            QCOMPARE(source.tls.caFile, QStringLiteral("/etc/tideline/ca.pem"));
            QVERIFY(source.tls.skipVerification);
            QCOMPARE(source.step, 30 * kNsPerSecond);
            QCOMPARE(source.baseUrl.path(), QStringLiteral("/prometheus"));
            QCOMPARE(source.end - source.start, 3600 * kNsPerSecond);
        }
        QSettings settings;
        for (const QString &key : settings.allKeys()) {
            const QString value = settings.value(key).toStringList().join(QLatin1Char(' ')) +
                                  settings.value(key).toString();
            QVERIFY2(!value.contains(QStringLiteral("t0ken")), qPrintable(key));
        }
        PrometheusDialog again;
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("secret"))->text(), QString());
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("tenant"))->text(),
                 QStringLiteral("team-a"));
        again.accept();
        QCOMPARE(again.source().tls.caFile, QStringLiteral("/etc/tideline/ca.pem"));
        QVERIFY(again.source().tls.skipVerification);
        QCOMPARE(again.source().queries.size(), std::size_t(1));
        QCOMPARE(again.source().queries.front().promql,
                 QStringLiteral("rate(cpu_seconds_total[1m])"));
    }

    void refusesWhatCannotBeRead()
    {
        PrometheusDialog dialog;
        dialog.setUrl(QStringLiteral("prometheus+http://127.0.0.1:9090"));
        dialog.setQueries({});
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(QStringLiteral("query")), qPrintable(problem->text()));

        dialog.setUrl(QStringLiteral("prometheus+http://me:pw@127.0.0.1:9090"));
        dialog.setQueries({QStringLiteral("up=up")});
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(!problem->text().contains(QStringLiteral("pw")));
    }

    void offersTheServersMetricNames()
    {
        CannedServer server(rising);
        PrometheusDialog dialog;
        dialog.setUrl(server.url(QStringLiteral("/select/0/prometheus")));
        dialog.findChild<QPushButton *>(QStringLiteral("fetchMetricNames"))->click();
        auto *names = dialog.findChild<QStringListModel *>();
        QTRY_COMPARE_WITH_TIMEOUT(
            names->stringList(),
            QStringList({QStringLiteral("container_cpu"), QStringLiteral("up")}), 10000);
        QCOMPARE(server.requests().front().path,
                 QStringLiteral("/select/0/prometheus/api/v1/label/__name__/values"));
    }

    void theWindowReadsTheServer()
    {
        CannedServer server(rising);
        MainWindow window;
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        PrometheusSource source;
        source.queries = {{QStringLiteral("cpu"), QStringLiteral("cpu")}};
        source.start = kStart * kNsPerSecond;
        source.end = (kStart + 600) * kNsPerSecond;
        QVERIFY(window.openPrometheus(server.url(), source));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(window.input());
        QCOMPARE(window.input()->kind, LoadedInput::Kind::Prometheus);
        QCOMPARE(window.input()->series.features.size(), std::size_t(2));
        QVERIFY(window.windowTitle().contains(server.url()));
        // The all-NaN series is a gap, which the banner says.
        QVERIFY(window.banner()->isVisible());
        QCOMPARE(window.banner()->level(), MessageBanner::Level::Warning);
        // A server is no recent file: reopening it needs its queries.
        QVERIFY(QSettings().value(QStringLiteral("recentFiles")).toStringList().isEmpty());
    }

    void theServersOwnErrorIsInTheBanner()
    {
        CannedServer server([](const Request &) {
            return Answer{422, prometheusError(QStringLiteral("execution"),
                                               QStringLiteral("query processing would load too "
                                                              "many samples into memory"))};
        });
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        PrometheusSource source;
        source.queries = {{QStringLiteral("cpu"), QStringLiteral("cpu")}};
        source.start = kStart * kNsPerSecond;
        source.end = (kStart + 600) * kNsPerSecond;
        window.openPrometheus(server.url(), source);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(window.banner()->level(), MessageBanner::Level::Error);
        QVERIFY2(window.banner()->text().contains(QStringLiteral("too many samples")),
                 qPrintable(window.banner()->text()));
        QVERIFY(window.banner()->text().contains(QStringLiteral("422")));
    }
};

QTEST_MAIN(TestPrometheusDialog)
#include "tst_prometheusdialog.moc"
