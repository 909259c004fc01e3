#include "cannedprometheus.h"
#include "input/inputloader.h"
#include "remote/prometheusclient.h"
#include "remote/rangesplit.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace tideline;

namespace {

constexpr qint64 kStart = 1'700'000'000;

QString number(qint64 t)
{
    return QString::number(t - kStart);
}

PrometheusSource sourceAt(const CannedServer &server, const QString &prefix, qint64 seconds,
                          TimeNs step = 15 * kNsPerSecond)
{
    PrometheusSource source;
    source.baseUrl = *PrometheusSource::baseUrlOf(server.url(prefix), nullptr);
    source.queries = {{QStringLiteral("cpu"), QStringLiteral("rate(cpu_seconds_total[1m])")}};
    source.start = kStart * kNsPerSecond;
    source.end = (kStart + seconds) * kNsPerSecond;
    source.step = step;
    return source;
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private slots:
    void sourceUrls()
    {
        QString why;
        const auto mimir = PrometheusSource::baseUrlOf(
            QStringLiteral("prometheus+http://127.0.0.1:9009/prometheus/"), &why);
        QVERIFY(mimir);
        QCOMPARE(mimir->toString(), QStringLiteral("http://127.0.0.1:9009/prometheus"));
        const auto tls = PrometheusSource::baseUrlOf(
            QStringLiteral("prometheus+https://127.0.0.1:8481/select/0/prometheus"), &why);
        QVERIFY(tls);
        QCOMPARE(tls->scheme(), QStringLiteral("https"));
        QVERIFY(!PrometheusSource::baseUrlOf(QStringLiteral("http://127.0.0.1:9090"), &why));
        // A password in the URL would show in every process list.
        QVERIFY(!PrometheusSource::baseUrlOf(
            QStringLiteral("prometheus+http://me:secret@127.0.0.1:9090"), &why));
        QVERIFY(why.contains(QStringLiteral("TIDELINE_PROMETHEUS_PASSWORD")));
        QVERIFY(!why.contains(QStringLiteral("secret")));
    }

    void queriesAndTimes()
    {
        QString why;
        const auto query =
            PrometheusSource::parseQuery(QStringLiteral("rx=sum by (pod) (rate(x[1m])) > 0"), &why);
        QVERIFY(query);
        QCOMPARE(query->name, QStringLiteral("rx"));
        QCOMPARE(query->promql, QStringLiteral("sum by (pod) (rate(x[1m])) > 0"));
        QVERIFY(!PrometheusSource::parseQuery(QStringLiteral("rate(x[1m])==0"), &why));
        QVERIFY(!PrometheusSource::parseQuery(QStringLiteral("rx="), &why));
        const TimeNs now = 1'800'000'000 * kNsPerSecond;
        QCOMPARE(PrometheusSource::parseTime(u"1700000000.25", now),
                 std::optional<TimeNs>(1'700'000'000'250'000'000));
        QCOMPARE(PrometheusSource::parseTime(u"2023-11-14T22:13:20Z", now),
                 std::optional<TimeNs>(1'700'000'000 * kNsPerSecond));
        QVERIFY(!PrometheusSource::parseTime(u"yesterday", now));
        // Relative to now.
        QCOMPARE(PrometheusSource::parseTime(u"now", now), std::optional<TimeNs>(now));
        QCOMPARE(PrometheusSource::parseTime(u"-7d", now),
                 std::optional<TimeNs>(now - 7 * 86400 * kNsPerSecond));
        QCOMPARE(PrometheusSource::parseTime(u"-3h", now),
                 std::optional<TimeNs>(now - 3 * 3600 * kNsPerSecond));
        QVERIFY(!PrometheusSource::parseTime(u"-0s", now));
        QVERIFY(!PrometheusSource::parseTime(u"-3 fortnights", now));
    }

    void rangeSplitsOnTheGrid()
    {
        const TimeNs step = 15 * kNsPerSecond;
        const std::vector<TimeSlice> slices = splitRange(0, 25'000 * step, step, 11'000);
        QCOMPARE(slices.size(), std::size_t(3));
        qint64 row = 0;
        for (const TimeSlice &slice : slices) {
            QVERIFY(slice.points(step) <= 11'000);
            QCOMPARE(slice.firstRow, row);
            QCOMPARE(slice.start, row * step);
            row += slice.points(step);
        }
        QCOMPARE(row, qint64(25'001));
        QCOMPARE(splitRange(0, 0, step, 11'000).size(), std::size_t(1));
        QVERIFY(splitRange(step, 0, step, 11'000).empty());
    }

    void prefixTenantAndBearer()
    {
        CannedServer server([](const Request &request) {
            return Answer{
                200, matrix(request,
                            {{QJsonObject{{QStringLiteral("job"), QStringLiteral("a")}}, number}})};
        });
        PrometheusSource source = sourceAt(server, QStringLiteral("/select/0/prometheus"), 600);
        qputenv("TIDELINE_PROMETHEUS_TOKEN", "s3cret");
        qputenv("TIDELINE_PROMETHEUS_TENANT", "team-a");
        source.takeEnvironment();
        qunsetenv("TIDELINE_PROMETHEUS_TOKEN");
        qunsetenv("TIDELINE_PROMETHEUS_TENANT");
        const PrometheusResult result = PrometheusClient::read(source);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(server.requests().size(), std::size_t(1));
        const Request &request = server.requests().front();
        QCOMPARE(request.path, QStringLiteral("/select/0/prometheus/api/v1/query_range"));
        QCOMPARE(request.headers.value("x-scope-orgid"), QByteArray("team-a"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer s3cret"));
        QCOMPARE(request.form.value(QStringLiteral("query")),
                 QStringLiteral("rate(cpu_seconds_total[1m])"));
        QCOMPARE(request.form.value(QStringLiteral("step")), QStringLiteral("15"));
        QCOMPARE(result.series.rowCount(), qsizetype(41));
        QCOMPARE(result.series.values(40, 0), 600.0);
        QVERIFY(!result.summary.url.contains(QStringLiteral("s3cret")));
    }

    void basicAuthAndAnotherTenantHeader()
    {
        CannedServer server([](const Request &request) {
            return Answer{200, matrix(request, {{QJsonObject{}, number}})};
        });
        PrometheusSource source = sourceAt(server, QStringLiteral("/prometheus"), 60);
        source.auth = {PrometheusAuth::Kind::Basic, QStringLiteral("ann"), QStringLiteral("pw")};
        source.tenant = QStringLiteral("1");
        source.tenantHeader = QStringLiteral("AccountID");
        QVERIFY(PrometheusClient::read(source).ok());
        const Request &request = server.requests().front();
        QCOMPARE(request.path, QStringLiteral("/prometheus/api/v1/query_range"));
        QCOMPARE(request.headers.value("authorization"),
                 QByteArray("Basic ") + QByteArray("ann:pw").toBase64());
        QCOMPARE(request.headers.value("accountid"), QByteArray("1"));
        QVERIFY(!request.headers.contains("x-scope-orgid"));
    }

    void longRangesAreSplit()
    {
        // 25,001 steps: no request may ask for more than 11,000 points per series.
        CannedServer server([](const Request &request) {
            return Answer{200, matrix(request, {{QJsonObject{}, number}})};
        });
        const qint64 steps = 25'000;
        const PrometheusSource source = sourceAt(server, {}, steps * 15);
        std::vector<double> fractions;
        const PrometheusResult result = PrometheusClient::read(source, [&](const Progress &p) {
            fractions.push_back(p.fraction);
            return true;
        });
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(server.requests().size(), std::size_t(3));
        for (const Request &request : server.requests()) {
            const qint64 points = (request.form.value(QStringLiteral("end")).toLongLong() -
                                   request.form.value(QStringLiteral("start")).toLongLong()) /
                                      15 +
                                  1;
            QVERIFY(points <= 11'000);
        }
        QCOMPARE(result.series.rowCount(), qsizetype(steps + 1));
        for (qsizetype r = 0; r <= steps; ++r)
            QCOMPARE(result.series.values(r, 0), double(r * 15));
        QCOMPARE(fractions.back(), 1.0);
    }

    void nanInfAndMissingStepsAreGaps()
    {
        CannedServer server([](const Request &request) {
            const auto value = [](qint64 t) -> QString {
                const qint64 row = (t - kStart) / 15;
                if (row == 2)
                    return QStringLiteral("NaN");
                if (row == 3)
                    return QStringLiteral("+Inf");
                if (row == 4)
                    return QStringLiteral("-Inf");
                if (row == 5)
                    return {}; // missing
                return QStringLiteral("0");
            };
            const auto other = [](qint64 t) {
                return (t - kStart) / 15 == 5 ? QString() : QStringLiteral("7");
            };
            const QJsonObject a{{QStringLiteral("pod"), QStringLiteral("a")}};
            const QJsonObject b{{QStringLiteral("pod"), QStringLiteral("b")}};
            return Answer{200, matrix(request, {{a, value}, {b, other}})};
        });
        const PrometheusResult result = PrometheusClient::read(sourceAt(server, {}, 7 * 15));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Series &series = result.series;
        QCOMPARE(series.features.size(), std::size_t(2));
        QCOMPARE(series.features[0].name, QStringLiteral("cpu{pod=a}"));
        QCOMPARE(series.features[1].name, QStringLiteral("cpu{pod=b}"));
        QCOMPARE(series.values(0, 0), 0.0);
        for (int row : {2, 3, 4, 5})
            QVERIFY2(std::isnan(series.values(row, 0)), qPrintable(QString::number(row)));
        QCOMPARE(series.values(4, 1), 7.0);
        QVERIFY(std::isnan(series.values(5, 1)));
        QVERIFY(series.rowHasData(4));
        QVERIFY(!series.rowHasData(5)); // nothing at all at this step
        QCOMPARE(result.summary.features[0].gaps, qint64(4));
        QCOMPARE(result.summary.features[1].gaps, qint64(1));
    }

    void offGridAnswersLandOnTheNearestStep()
    {
        // VictoriaMetrics aligns the range to multiples of the step: times beside ours.
        CannedServer server([](const Request &request) {
            Request shifted = request;
            shifted.form[QStringLiteral("start")] = QString::number(kStart - 5);
            shifted.form[QStringLiteral("end")] = QString::number(kStart + 55);
            return Answer{200, matrix(shifted, {{QJsonObject{}, [](qint64 t) {
                                                     return QString::number(t - kStart + 5);
                                                 }}})};
        });
        const PrometheusResult result = PrometheusClient::read(sourceAt(server, {}, 60));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.series.values(0, 0), 0.0);
        QCOMPARE(result.series.values(1, 0), 15.0);
        QCOMPARE(result.series.values(4, 0), 60.0);
        QCOMPARE(result.summary.features[0].gaps, qint64(0));
    }

    void serverErrorsAreReportedInItsOwnWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("400") << 400
                             << prometheusError(QStringLiteral("bad_data"),
                                                QStringLiteral("1:6: parse error: unexpected "
                                                               "right parenthesis ')'"))
                             << QStringLiteral("parse error: unexpected right parenthesis");
        QTest::newRow("422") << 422
                             << prometheusError(QStringLiteral("execution"),
                                                QStringLiteral("query processing would load too "
                                                               "many samples into memory"))
                             << QStringLiteral("422");
        QTest::newRow("503") << 503
                             << prometheusError(QStringLiteral("unavailable"),
                                                QStringLiteral("too many outstanding requests"))
                             << QStringLiteral("too many outstanding requests");
        QTest::newRow("proxy page") << 502 << QByteArray("<html>Bad Gateway</html>")
                                    << QStringLiteral("<html>Bad Gateway</html>");
    }
    void serverErrorsAreReportedInItsOwnWords()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        CannedServer server([&](const Request &) { return Answer{status, body}; });
        const PrometheusResult result = PrometheusClient::read(sourceAt(server, {}, 60));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QVERIFY2(result.error.contains(QString::number(status)), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("query cpu")), qPrintable(result.error));
    }

    void unreachableAndSilentServers()
    {
        quint16 closed = 0;
        {
            CannedServer server([](const Request &) { return Answer{}; });
            closed = server.port();
        }
        PrometheusSource source;
        source.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed));
        source.queries = {{QStringLiteral("up"), QStringLiteral("up")}};
        source.start = kStart * kNsPerSecond;
        source.end = source.start + 60 * kNsPerSecond;
        PrometheusResult result = PrometheusClient::read(source);
        QVERIFY2(result.error.contains(QStringLiteral("cannot reach")), qPrintable(result.error));

        CannedServer silent([](const Request &) { return Answer{200, {}, true}; });
        source = sourceAt(silent, {}, 60);
        source.timeout = 300 * kNsPerMs;
        result = PrometheusClient::read(source);
        QVERIFY2(result.error.contains(QStringLiteral("no answer within 300ms")),
                 qPrintable(result.error));
    }

    // https: a self-signed certificate made here with openssl is refused, trusted through a CA
    // file, or accepted unchecked when asked.
    void httpsVerifiesTheServer()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed (packaging/install-dependencies.sh)");
        QTemporaryDir dir;
        const QString certificate = dir.filePath(QStringLiteral("server.pem"));
        const QString key = dir.filePath(QStringLiteral("server.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
        QFile keyFile(key);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(QSslCertificate::fromPath(certificate));
        tls.setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        CannedServer server(
            [](const Request &request) {
                return Answer{200, matrix(request, {{QJsonObject{}, number}})};
            },
            tls);

        PrometheusSource source = sourceAt(server, {}, 60);
        QCOMPARE(source.baseUrl.scheme(), QStringLiteral("https"));
        PrometheusResult result = PrometheusClient::read(source);
        QVERIFY2(result.error.contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
                     result.error.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(result.error));

        source.tls.caFile = certificate;
        result = PrometheusClient::read(source);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.series.values(4, 0), 60.0);

        source.tls = {};
        source.tls.skipVerification = true;
        result = PrometheusClient::read(source);
        QVERIFY2(result.ok(), qPrintable(result.error));

        source.tls = {};
        source.tls.caFile = key; // a key, no certificate
        result = PrometheusClient::read(source);
        QVERIFY2(result.error.contains(QStringLiteral("holds no PEM certificate")),
                 qPrintable(result.error));
        source.tls.caFile = dir.filePath(QStringLiteral("missing.pem"));
        QString why;
        QVERIFY(!PrometheusClient::metricNames(source, &why));
        QVERIFY2(why.contains(QStringLiteral("cannot read the CA file")), qPrintable(why));
    }

    void cancelStopsTheRequests()
    {
        CannedServer silent([](const Request &) { return Answer{200, {}, true}; });
        int calls = 0;
        const PrometheusResult result = PrometheusClient::read(
            sourceAt(silent, {}, 60), [&](const Progress &) { return ++calls < 3; });
        QVERIFY(result.cancelled);
        QVERIFY(result.error.isEmpty());
    }

    void loadInputReadsASourceUrl()
    {
        CannedServer server([](const Request &request) {
            return Answer{200, matrix(request, {{QJsonObject{}, number}})};
        });
        LoadOptions options;
        options.prometheus = sourceAt(server, {}, 150);
        LoadedInput input = loadInput(server.url(QStringLiteral("/prometheus")), options);
        QVERIFY(input.ok());
        QCOMPARE(input.kind, LoadedInput::Kind::Prometheus);
        QCOMPARE(input.series.binWidth, 15 * kNsPerSecond);
        QCOMPARE(input.series.rowCount(), qsizetype(11));
        QVERIFY(input.prometheus);
        QCOMPARE(server.requests().front().path, QStringLiteral("/prometheus/api/v1/query_range"));

        // Rows are the query's steps: other bins are refused, not silently ignored.
        options.binWidth = kNsPerSecond * 60;
        input = loadInput(server.url(), options);
        QVERIFY(input.error);
    }

    void metricNamesAreOffered()
    {
        CannedServer server([](const Request &) {
            return Answer{200, QByteArray(R"({"status":"success","data":["container_cpu","up"]})")};
        });
        QString error;
        const auto names = PrometheusClient::metricNames(sourceAt(server, {}, 60), &error);
        QVERIFY2(names, qPrintable(error));
        QCOMPARE(*names, QStringList({QStringLiteral("container_cpu"), QStringLiteral("up")}));
        QCOMPARE(server.requests().front().path, QStringLiteral("/api/v1/label/__name__/values"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
