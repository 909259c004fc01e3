// Prints fit and score times and ROC AUC for each detector on synthetic matrices: Gaussian
// clusters in 12 dimensions with 1% outliers, the same data sklearn_reference.py reads
// (--write-data). A readable table on stdout; --results FILE for run.sh.

#include "common/csvwriter.h"
#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/timeutil.h"
#include "detect/detectorregistry.h"
#include "evaluate/metrics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <cmath>
#include <ctime>
#include <numbers>

using namespace tideline;

namespace {

struct Data
{
    Eigen::MatrixXd rows;
    std::vector<bool> outlier;
};

double gaussian(PortableRandom &rng)
{
    const double u = 1.0 - rng.uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * rng.uniform());
}

// Five clusters (means in [0, 10], σ 0.3–1.5 per dimension) and 1% outliers: half uniform in
// [-5, 15] per dimension, half from a cluster with twice its spread, some of which land among
// normal rows, so that no detector is perfect.
Data makeData(Eigen::Index n, Eigen::Index d, quint64 seed)
{
    PortableRandom rng(seed);
    constexpr int kClusters = 5;
    Eigen::MatrixXd means(kClusters, d);
    Eigen::MatrixXd sigmas(kClusters, d);
    for (int k = 0; k < kClusters; ++k) {
        for (Eigen::Index c = 0; c < d; ++c) {
            means(k, c) = 10.0 * rng.uniform();
            sigmas(k, c) = 0.3 + 1.2 * rng.uniform();
        }
    }
    Data data;
    data.rows.resize(n, d);
    data.outlier.assign(std::size_t(n), false);
    for (Eigen::Index r = 0; r < n; ++r) {
        const bool outlier = rng.below(100) == 0;
        data.outlier[std::size_t(r)] = outlier;
        if (outlier && rng.below(2) == 0) {
            for (Eigen::Index c = 0; c < d; ++c)
                data.rows(r, c) = -5.0 + 20.0 * rng.uniform();
            continue;
        }
        const int k = int(rng.below(kClusters));
        const double spread = outlier ? 2.0 : 1.0;
        for (Eigen::Index c = 0; c < d; ++c)
            data.rows(r, c) = means(k, c) + spread * sigmas(k, c) * gaussian(rng);
    }
    return data;
}

// Row-major little-endian float64 and one byte per label, for numpy.fromfile.
bool writeData(const Data &data, const QString &directory)
{
    const QString stem =
        QStringLiteral("%1/bench_%2x%3").arg(directory).arg(data.rows.rows()).arg(data.rows.cols());
    QFile matrix(stem + QStringLiteral(".f64"));
    QFile labels(stem + QStringLiteral(".labels"));
    if (!matrix.open(QIODevice::WriteOnly) || !labels.open(QIODevice::WriteOnly))
        return false;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor =
        data.rows;
    matrix.write(reinterpret_cast<const char *>(rowMajor.data()),
                 qint64(rowMajor.size() * sizeof(double)));
    QByteArray bytes(qsizetype(data.outlier.size()), '\0');
    for (std::size_t i = 0; i < data.outlier.size(); ++i)
        bytes[qsizetype(i)] = data.outlier[i] ? 1 : 0;
    labels.write(bytes);
    return true;
}

// The same matrix as a metric table, as `tideline detect` reads it: an ISO timestamp a second
// apart and columns f1..fN in shortest round-trip form (about 17 digits each).
bool writeCsv(const Data &data, const QString &directory)
{
    CsvWriter writer(QStringLiteral("%1/bench_%2x%3.csv")
                         .arg(directory)
                         .arg(data.rows.rows())
                         .arg(data.rows.cols()));
    QStringList fields{QStringLiteral("timestamp")};
    for (Eigen::Index c = 0; c < data.rows.cols(); ++c)
        fields << QStringLiteral("f%1").arg(c + 1);
    writer.writeRow(fields);
    const TimeNs start = *parseIsoUtc(u"2024-01-01T00:00:00Z");
    for (Eigen::Index r = 0; r < data.rows.rows(); ++r) {
        fields.clear();
        fields << formatIsoUtc(start + r * kNsPerSecond);
        for (Eigen::Index c = 0; c < data.rows.cols(); ++c)
            fields << CsvWriter::number(data.rows(r, c));
        writer.writeRow(fields);
    }
    return !writer.commit();
}

// Process CPU seconds: on a shared machine these say more than wall time does.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

struct Case
{
    QString label; // what the results file calls it
    QString detector;
    ParameterValues parameters;
    int seeds = 1; // runs with seeds 1..seeds, averaged: isolation forest AUC varies by seed
};

struct Figures
{
    double fit = 0.0;
    double score = 0.0;
    double fitCpu = 0.0;
    double scoreCpu = 0.0;
    double auc = 0.0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Detector fit/score benchmark"));
    parser.addHelpOption();
    const QCommandLineOption sizes(QStringLiteral("rows"),
                                   QStringLiteral("Comma-separated row counts (100000,1000000)."),
                                   QStringLiteral("N,N"), QStringLiteral("100000,1000000"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Comma-separated thread counts (1,0); 0 = "
                                                    "one per core."),
                                     QStringLiteral("T,T"), QStringLiteral("1,0"));
    const QCommandLineOption only(QStringLiteral("detectors"),
                                  QStringLiteral("Comma-separated detector names (all)."),
                                  QStringLiteral("NAMES"));
    const QCommandLineOption writeTo(
        QStringLiteral("write-data"),
        QStringLiteral("Write each matrix, its labels and a CSV of it here."),
        QStringLiteral("DIR"));
    const QCommandLineOption resultsTo(
        QStringLiteral("results"),
        QStringLiteral("Also write one line per run here: tideline LABEL ROWS THREADS FIT SCORE "
                       "FIT_CPU SCORE_CPU AUC (seconds)."),
        QStringLiteral("FILE"));
    const QCommandLineOption seeds(
        QStringLiteral("seeds"),
        QStringLiteral("Isolation forest runs (seeds 1..N) to average: its AUC varies by seed."),
        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({sizes, threads, only, writeTo, resultsTo, seeds});
    parser.process(app);

    QTextStream out(stdout);
    QFile resultsFile(parser.value(resultsTo));
    if (parser.isSet(resultsTo) && !resultsFile.open(QIODevice::WriteOnly | QIODevice::Text)) {
        out << "cannot write " << parser.value(resultsTo) << Qt::endl;
        return 1;
    }
    QTextStream results(&resultsFile);
    const QStringList wanted = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("detector"), -26)
               .arg(QStringLiteral("rows"), 8)
               .arg(QStringLiteral("threads"), 7)
               .arg(QStringLiteral("fit s"), 9)
               .arg(QStringLiteral("score s"), 9)
               .arg(QStringLiteral("fit cpu"), 9)
               .arg(QStringLiteral("score cpu"), 9)
               .arg(QStringLiteral("ROC AUC"), 8);
    for (const QString &sizeText : parser.value(sizes).split(QLatin1Char(','))) {
        const Eigen::Index n = sizeText.toLongLong();
        const Data data = makeData(n, 12, 2024);
        if (parser.isSet(writeTo) &&
            !(writeData(data, parser.value(writeTo)) && writeCsv(data, parser.value(writeTo)))) {
            out << "cannot write data to " << parser.value(writeTo) << Qt::endl;
            return 1;
        }
        std::vector<Case> cases;
        for (const DetectorInfo &info : detectors()) {
            // Supervised detectors need labelled rows: bench_supervised measures them.
            if (info.supervised || (!wanted.isEmpty() && !wanted.contains(info.name)))
                continue;
            cases.push_back({info.name,
                             info.name,
                             {},
                             info.name == u"isolation_forest" ? parser.value(seeds).toInt() : 1});
            // Equal work with scikit-learn's NearestNeighbors, every row a training row; only
            // up to 100k rows, as sklearn_reference.py (a million would take hours there).
            if (info.name == u"knn" && n > 20000 && n <= 100000)
                cases.push_back({QStringLiteral("knn_all_rows"),
                                 info.name,
                                 {{QStringLiteral("max_train_rows"), qlonglong(n)}},
                                 1});
        }
        for (const QString &threadText : parser.value(threads).split(QLatin1Char(','))) {
            setDetectorThreads(threadText.toInt());
            for (const Case &c : cases) {
                Figures mean;
                QString failure;
                for (int seed = 1; seed <= c.seeds && failure.isEmpty(); ++seed) {
                    DetectorBuild build = createDetector(c.detector, c.parameters, quint64(seed));
                    if (!build.ok()) {
                        failure = build.errors.join(u'\n');
                        break;
                    }
                    QElapsedTimer timer;
                    timer.start();
                    double cpu = cpuSeconds();
                    const FitStatus status = build.detector->fit(data.rows, {});
                    mean.fit += double(timer.nsecsElapsed()) / 1e9 / c.seeds;
                    mean.fitCpu += (cpuSeconds() - cpu) / c.seeds;
                    if (!status.ok()) {
                        failure = status.message;
                        break;
                    }
                    timer.restart();
                    cpu = cpuSeconds();
                    const Eigen::VectorXd scores = build.detector->score(data.rows);
                    mean.score += double(timer.nsecsElapsed()) / 1e9 / c.seeds;
                    mean.scoreCpu += (cpuSeconds() - cpu) / c.seeds;
                    mean.auc +=
                        rocAuc(std::vector<double>(scores.begin(), scores.end()), data.outlier) /
                        c.seeds;
                }
                if (!failure.isEmpty()) {
                    out << c.label << ": " << failure << Qt::endl;
                    continue;
                }
                out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                           .arg(c.label, -26)
                           .arg(n, 8)
                           .arg(detectorThreads(), 7)
                           .arg(mean.fit, 9, 'f', 3)
                           .arg(mean.score, 9, 'f', 3)
                           .arg(mean.fitCpu, 9, 'f', 3)
                           .arg(mean.scoreCpu, 9, 'f', 3)
                           .arg(mean.auc, 8, 'f', 4);
                if (parser.isSet(resultsTo))
                    results << QStringLiteral("tideline %1 %2 %3 %4 %5 %6 %7 %8\n")
                                   .arg(c.label)
                                   .arg(n)
                                   .arg(detectorThreads())
                                   .arg(mean.fit, 0, 'f', 4)
                                   .arg(mean.score, 0, 'f', 4)
                                   .arg(mean.fitCpu, 0, 'f', 4)
                                   .arg(mean.scoreCpu, 0, 'f', 4)
                                   .arg(mean.auc, 0, 'f', 4);
                results.flush();
                out.flush();
            }
        }
    }
    return 0;
}
