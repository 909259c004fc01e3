// Supervised detectors on a labelled table (NSL-KDD's KDDTrain+_20Percent.txt by default):
// k-fold cross-validated accuracy, binary normal / attack, of random_forest and knn_classifier,
// and their fit and predict times on the whole file. The features are those `tideline detect`
// gives them: the numeric columns through the feature pipeline (counts on a log scale, min-max
// scaled on the training rows) and the categories one-hot encoded. With --write-data DIR it
// writes the whole file's matrix, the labels and the folds for sklearn_supervised.py, which
// runs scikit-learn on the very same rows. --results FILE: "name value" lines for run.sh.

#include "common/executor.h"
#include "common/labels.h"
#include "common/portablerandom.h"
#include "detect/categoryencoder.h"
#include "detect/featurepipeline.h"
#include "detect/knnclassifier.h"
#include "detect/randomforest.h"
#include "series/tableloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <ctime>
#include <numeric>

using namespace tideline;

namespace {

struct Encoded
{
    Eigen::MatrixXd matrix;
    QStringList names;
};

// The pipeline and the category encoder fitted on `train` rows, applied to every row.
Encoded encode(const Series &series, const std::vector<bool> &train)
{
    FeaturePipeline pipeline;
    FeaturePipeline::Options options;
    options.scaling = FeatureScaling::MinMax;
    pipeline.fit(series.values, series.features, train, options);
    CategoryEncoder categories;
    categories.fit(series.categories, train);
    const Eigen::MatrixXd numbers = pipeline.transform(series.values, series.features).matrix;
    const Eigen::MatrixXd onehot =
        categories.transform(series.categories, series.rowCount()).matrix;
    Encoded e;
    e.matrix.resize(numbers.rows(), numbers.cols() + onehot.cols());
    e.matrix << numbers, onehot;
    e.names = pipeline.columnNames() + categories.columnNames();
    return e;
}

double accuracy(const Eigen::VectorXd &attackProbability, const std::vector<int> &targets,
                const std::vector<Eigen::Index> &rows)
{
    qint64 right = 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
        right += int(attackProbability[Eigen::Index(i)] > 0.5) == targets[std::size_t(rows[i])];
    return rows.empty() ? 0.0 : double(right) / double(rows.size());
}

std::unique_ptr<Classifier> make(const QString &name, int trees)
{
    if (name == u"random_forest") {
        RandomForest::Parameters p;
        p.trees = trees;
        return std::make_unique<RandomForest>(p, 1);
    }
    return std::make_unique<KnnClassifier>(KnnClassifier::Parameters{});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TABLE"), QStringLiteral("A labelled table."));
    const QCommandLineOption folds(QStringLiteral("folds"),
                                   QStringLiteral("Folds (5; 0: times only)."), QStringLiteral("K"),
                                   QStringLiteral("5"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Detector threads (0: all cores)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption predictRows(
        QStringLiteral("predict-rows"),
        QStringLiteral("Rows predicted in the timing (22544, the size of KDDTest+)."),
        QStringLiteral("N"), QStringLiteral("22544"));
    const QCommandLineOption writeData(QStringLiteral("write-data"),
                                       QStringLiteral("Write the matrix for scikit-learn here."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption results(QStringLiteral("results"),
                                     QStringLiteral("Write name value lines here."),
                                     QStringLiteral("FILE"));
    parser.addOptions({folds, threads, predictRows, writeData, results});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    setDetectorThreads(parser.value(threads).toInt());
    QTextStream out(stdout);

    const TableLoadResult loaded = loadTable(parser.positionalArguments().constFirst());
    if (loaded.error) {
        out << loaded.error->toString() << Qt::endl;
        return 1;
    }
    const Series &series = loaded.series;
    const Eigen::Index n = series.rowCount();
    if (series.labels.size() != n || n < 10) {
        out << "the table has no labels (or too few rows)" << Qt::endl;
        return 1;
    }
    std::vector<int> targets;
    for (const QString &label : series.labels)
        targets.push_back(isAttackLabel(label) ? 1 : 0);
    const ClassSet classes = ClassSet::twoClasses();
    out << series.source << ": " << n << " rows, " << series.features.size() << " numeric and "
        << series.categories.size() << " category columns, "
        << std::accumulate(targets.begin(), targets.end(), 0) << " attacks" << Qt::endl;

    // Folds: a shuffled assignment by seed, the same for scikit-learn.
    const int k = parser.value(folds).toInt() == 0 ? 0 : std::max(2, parser.value(folds).toInt());
    std::vector<int> fold(static_cast<std::size_t>(n));
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    PortableRandom rng(20261207);
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(rng.below(i))]);
    for (std::size_t i = 0; i < order.size(); ++i)
        fold[std::size_t(order[i])] = k > 0 ? int(i % std::size_t(k)) : 0;

    QStringList lines;
    for (const QString &name :
         {QStringLiteral("random_forest"), QStringLiteral("knn_classifier")}) {
        if (k == 0)
            break;
        double sum = 0.0;
        QStringList each;
        for (int f = 0; f < k; ++f) {
            std::vector<bool> train(static_cast<std::size_t>(n));
            std::vector<Eigen::Index> trainRows, testRows;
            std::vector<int> trainTargets;
            for (Eigen::Index r = 0; r < n; ++r) {
                train[std::size_t(r)] = fold[std::size_t(r)] != f;
                if (train[std::size_t(r)]) {
                    trainRows.push_back(r);
                    trainTargets.push_back(targets[std::size_t(r)]);
                } else {
                    testRows.push_back(r);
                }
            }
            const Encoded e = encode(series, train);
            std::unique_ptr<Classifier> model = make(name, 100);
            if (!model->fitLabelled(e.matrix(trainRows, Eigen::all), trainTargets, classes, {})
                     .ok())
                return 1;
            const double a =
                accuracy(model->score(e.matrix(testRows, Eigen::all)), targets, testRows);
            sum += a;
            each << QString::number(a, 'f', 4);
        }
        out << name << ": " << k << "-fold accuracy " << QString::number(sum / k, 'f', 4) << " ("
            << each.join(QStringLiteral(", ")) << ")" << Qt::endl;
        lines << QStringLiteral("%1_cv_accuracy %2").arg(name).arg(sum / k, 0, 'f', 6);
    }

    // Times on the whole file, as the targets were measured: the forest's fit on all
    // rows, the neighbours' prediction of --predict-rows rows against all rows.
    const Encoded all = encode(series, {});
    out << "encoded: " << all.matrix.cols() << " columns" << Qt::endl;
    // Wall and CPU seconds (all threads), the fastest of three rounds each: on a shared
    // machine the CPU time is the steadier of the two.
    struct Seconds
    {
        double wall = 1e300;
        double cpu = 1e300;
    };
    const auto best = [](const std::function<void()> &run) {
        Seconds fastest;
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer timer;
            const std::clock_t start = std::clock();
            timer.start();
            run();
            fastest.wall = std::min(fastest.wall, double(timer.nsecsElapsed()) / 1e9);
            fastest.cpu = std::min(fastest.cpu, double(std::clock() - start) / CLOCKS_PER_SEC);
        }
        return fastest;
    };
    const auto shown = [](const Seconds &s) {
        return QStringLiteral("%1 s (CPU %2 s)").arg(s.wall, 0, 'f', 3).arg(s.cpu, 0, 'f', 3);
    };
    RandomForest forest(RandomForest::Parameters{}, 1);
    const Seconds fit = best([&] { forest.fitLabelled(all.matrix, targets, classes, {}); });
    const Seconds forestPredict = best([&] { forest.probabilities(all.matrix, {}); });
    out << "random_forest: fit " << shown(fit) << " (" << n << " rows, 100 trees), predict "
        << shown(forestPredict) << ", out-of-bag error " << forest.outOfBagError() << Qt::endl;
    KnnClassifier knn(KnnClassifier::Parameters{});
    const Seconds knnFit = best([&] { knn.fitLabelled(all.matrix, targets, classes, {}); });
    const Eigen::Index predicted =
        std::min<Eigen::Index>(parser.value(predictRows).toLongLong(), n);
    const Eigen::MatrixXd queries = all.matrix.topRows(predicted);
    const Seconds knnPredict = best([&] { knn.probabilities(queries, {}); });
    out << "knn_classifier: fit " << shown(knnFit) << ", predict " << shown(knnPredict) << " ("
        << predicted << " rows against " << n << ", " << (knn.usesTree() ? "k-d tree" : "scan")
        << ")" << Qt::endl;
    lines << QStringLiteral("random_forest_fit_seconds %1").arg(fit.wall, 0, 'g', 6)
          << QStringLiteral("random_forest_fit_cpu_seconds %1").arg(fit.cpu, 0, 'g', 6)
          << QStringLiteral("knn_classifier_predict_seconds %1").arg(knnPredict.wall, 0, 'g', 6)
          << QStringLiteral("knn_classifier_predict_cpu_seconds %1").arg(knnPredict.cpu, 0, 'g', 6)
          << QStringLiteral("threads %1").arg(detectorThreads())
          << QStringLiteral("predict_rows %1").arg(predicted);

    if (parser.isSet(writeData)) {
        // Row-major little-endian float64, one byte per label and per fold, for numpy.fromfile.
        const QString stem = parser.value(writeData) + QStringLiteral("/supervised");
        QFile matrix(stem + QStringLiteral(".f64"));
        QFile meta(stem + QStringLiteral(".meta"));
        if (!matrix.open(QIODevice::WriteOnly) || !meta.open(QIODevice::WriteOnly))
            return 1;
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rowMajor =
            all.matrix;
        matrix.write(reinterpret_cast<const char *>(rowMajor.data()),
                     qint64(rowMajor.size()) * qint64(sizeof(double)));
        QByteArray bytes;
        for (Eigen::Index r = 0; r < n; ++r)
            bytes.append(char(targets[std::size_t(r)])).append(char(fold[std::size_t(r)]));
        meta.write(bytes);
        QFile shape(stem + QStringLiteral(".shape"));
        if (!shape.open(QIODevice::WriteOnly))
            return 1;
        shape.write(QStringLiteral("%1 %2 %3\n").arg(n).arg(all.matrix.cols()).arg(k).toUtf8());
    }
    if (parser.isSet(results)) {
        QFile file(parser.value(results));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    }
    return 0;
}
