#include "common/portablerandom.h"
#include "detect/adamoptimizer.h"
#include "detect/autoencoder.h"
#include "detect/autoencodernetwork.h"
#include "detectorchecks.h"

#include <QSet>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace tideline;
using namespace tideline::testing;

namespace {

double between(PortableRandom &random, double low, double high)
{
    return low + (high - low) * random.uniform();
}

// Four features on a 2-D manifold: (t, s, (t + s) / 2, t·s) with a little noise, all in [0, 1].
Eigen::MatrixXd manifoldRows(Eigen::Index rows, PortableRandom &random)
{
    Eigen::MatrixXd values(rows, 4);
    for (Eigen::Index row = 0; row < rows; ++row) {
        const double t = random.uniform();
        const double s = random.uniform();
        values.row(row) << t, s, (t + s) / 2.0, t * s;
        for (Eigen::Index column = 0; column < 4; ++column)
            values(row, column) =
                std::clamp(values(row, column) + between(random, -0.01, 0.01), 0.0, 1.0);
    }
    return values;
}

FitStatus fitQuietly(Autoencoder &detector, const Eigen::MatrixXd &rows)
{
    return detector.fit(rows, ProgressCallback());
}

} // namespace

class TestAutoencoder : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Detector> make(quint64 seed)
    {
        return std::make_unique<Autoencoder>(ParameterValues{}, seed);
    }

private slots:
    // The checks every detector passes, with the default (general) preset.
    void findsPlantedOutliers() { checkPlanted(&TestAutoencoder::make); }
    void degenerate_data() { degenerateData(); }
    void degenerate()
    {
        QFETCH(Eigen::MatrixXd, rows);
        checkDegenerate(&TestAutoencoder::make, rows);
    }
    void deterministic() { checkDeterministic(&TestAutoencoder::make); }
    void cancellation() { checkCancellation(&TestAutoencoder::make); }

    void layerWidths_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("bottleneck");
        QTest::addColumn<std::vector<int>>("widths");
        const int general = int(Autoencoder::Preset::General);
        const int published = int(Autoencoder::Preset::Published);
        QTest::newRow("published, 1 feature")
            << published << 1 << 0 << std::vector<int>{1, 8, 4, 2, 4, 8, 1};
        QTest::newRow("published, 3 features")
            << published << 3 << 5 << std::vector<int>{3, 8, 4, 2, 4, 8, 3};
        QTest::newRow("general, 1 feature is the published shape")
            << general << 1 << 0 << std::vector<int>{1, 8, 4, 2, 4, 8, 1};
        QTest::newRow("general, 12 features")
            << general << 12 << 0 << std::vector<int>{12, 24, 12, 6, 12, 24, 12};
        QTest::newRow("general, 40 features")
            << general << 40 << 0 << std::vector<int>{40, 80, 40, 20, 40, 80, 40};
        QTest::newRow("general, bottleneck 3")
            << general << 4 << 3 << std::vector<int>{4, 8, 4, 3, 4, 8, 4};
        QTest::newRow("general, bottleneck wider than the first layer")
            << general << 4 << 100 << std::vector<int>{4, 8, 4};
    }
    void layerWidths()
    {
        QFETCH(int, preset);
        QFETCH(int, features);
        QFETCH(int, bottleneck);
        QFETCH(std::vector<int>, widths);
        QCOMPARE(Autoencoder::layerWidths(Autoencoder::Preset(preset), features, bottleneck),
                 widths);
    }

    void parameterTable()
    {
        const std::vector<ParameterSpec> specs = Autoencoder::parameterSpecs();
        QSet<QString> names;
        for (const ParameterSpec &spec : specs) {
            QVERIFY2(!names.contains(spec.name), qPrintable(spec.name));
            names.insert(spec.name);
            QVERIFY(!spec.description.isEmpty());
            if (spec.type == ParameterSpec::Type::Int || spec.type == ParameterSpec::Type::Double) {
                QVERIFY2(spec.minimum <= spec.defaultValue.toDouble(), qPrintable(spec.name));
                QVERIFY2(spec.defaultValue.toDouble() <= spec.maximum, qPrintable(spec.name));
            }
            if (spec.type == ParameterSpec::Type::Choice)
                QVERIFY(spec.choices.contains(spec.defaultValue.toString()));
        }
        const auto preset = std::find_if(specs.begin(), specs.end(), [](const auto &spec) {
            return spec.name == QLatin1String("preset");
        });
        QVERIFY(preset != specs.end());
        QCOMPARE(preset->defaultValue.toString(), QStringLiteral("general"));
        QVERIFY(preset->choices.contains(QStringLiteral("published")));

        // The defaults are the published training settings.
        const Autoencoder::Settings defaults = Autoencoder({}, 1).settings();
        QCOMPARE(defaults.preset, Autoencoder::Preset::General);
        QCOMPARE(defaults.epochs, 50);
        QCOMPARE(defaults.batchSize, 256);
        QCOMPARE(defaults.learningRate, 1e-3);
        QCOMPARE(defaults.dropout, 0.1);
        QCOMPARE(defaults.l2, 1e-5);
        QCOMPARE(defaults.patience, 5);

        const Autoencoder::PresetAdvice advice = Autoencoder::publishedPresetAdvice();
        QCOMPARE(advice.scaling, QStringLiteral("minmax"));
        QCOMPARE(advice.trainFraction, 0.7);
        QCOMPARE(advice.percentile, 95.0);
    }

    void parametersAreClampedToTheirRange()
    {
        const Autoencoder detector({{QStringLiteral("preset"), QStringLiteral("published")},
                                    {QStringLiteral("dropout"), 5.0},
                                    {QStringLiteral("epochs"), -3},
                                    {QStringLiteral("learning_rate"), QStringLiteral("fast")}},
                                   1);
        QCOMPARE(detector.settings().preset, Autoencoder::Preset::Published);
        QCOMPARE(detector.settings().dropout, 0.9);
        QCOMPARE(detector.settings().epochs, 1);
        QCOMPARE(detector.settings().learningRate, 1e-3);
    }

    // Backpropagation against central differences of the loss; the same dropout masks for
    // every evaluation.
    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<float>("dropout");
        QTest::addColumn<bool>("linearBottleneck");
        QTest::newRow("no dropout") << 0.0f << false;
        QTest::newRow("dropout 0.3") << 0.3f << false;
        QTest::newRow("dropout 0.3, linear code") << 0.3f << true;
    }
    void gradientMatchesFiniteDifferences()
    {
        QFETCH(float, dropout);
        QFETCH(bool, linearBottleneck);
        AutoencoderNetwork network({3, 6, 4, 2, 4, 6, 3}, dropout, 0.01f, linearBottleneck);
        PortableRandom random(7);
        network.initialise(random);
        network.parameters().array() += 0.05f; // non-zero biases, fewer dead units
        Eigen::MatrixXf batch(6, 3);
        for (Eigen::Index i = 0; i < batch.size(); ++i)
            batch.data()[i] = float(random.uniform());
        const auto loss = [&] {
            PortableRandom masks(11);
            return network.trainBatch(batch, masks);
        };

        loss();
        const Eigen::VectorXf analytic = network.gradient();
        QVERIFY(analytic.cwiseAbs().maxCoeff() > 1e-3f);
        const float step = 2e-3f;
        for (Eigen::Index i = 0; i < analytic.size(); ++i) {
            const float kept = network.parameters()[i];
            network.parameters()[i] = kept + step;
            const double above = loss();
            network.parameters()[i] = kept - step;
            const double below = loss();
            network.parameters()[i] = kept;
            const double numeric = (above - below) / (2.0 * double(step));
            QVERIFY2(std::abs(numeric - double(analytic[i])) <= 1e-4 + 2e-2 * std::abs(numeric),
                     qPrintable(QStringLiteral("parameter %1: numeric %2, analytic %3")
                                    .arg(i)
                                    .arg(numeric)
                                    .arg(analytic[i])));
        }
    }

    // In Keras' form of Adam the first step moves every parameter by the learning rate,
    // against the sign of its gradient.
    void adamFirstStepIsTheLearningRate()
    {
        Eigen::VectorXf parameters(4);
        parameters << 1.0f, -2.0f, 0.5f, 0.0f;
        Eigen::VectorXf gradient(4);
        gradient << 0.3f, -4.0f, 0.05f, 0.0f;
        const Eigen::VectorXf before = parameters;
        AdamOptimizer adam(4);
        adam.step(parameters, gradient, 0.01);
        QVERIFY(std::abs(parameters[0] - (before[0] - 0.01f)) < 1e-6f);
        QVERIFY(std::abs(parameters[1] - (before[1] + 0.01f)) < 1e-6f);
        QVERIFY(std::abs(parameters[2] - (before[2] - 0.01f)) < 2e-6f);
        QCOMPARE(parameters[3], before[3]);
    }

    void findsRowsOffTheManifold()
    {
        PortableRandom random(2024);
        Eigen::MatrixXd rows = manifoldRows(2010, random);
        // Off the manifold: every coordinate in the normal range, but the third is far from
        // the mean of the first two.
        std::vector<Eigen::Index> planted;
        for (Eigen::Index i = 0; i < 10; ++i) {
            const Eigen::Index row = 97 + 173 * i;
            const double t = between(random, 0.0, 0.3);
            const double s = between(random, 0.0, 0.3);
            rows.row(row) << t, s, 0.9, t * s;
            planted.push_back(row);
        }

        // Small data: more, smaller steps than the defaults. Without dropout, because on a
        // 4-8-4-2-4-8-4 network it leaves the fit at the mercy of the seed.
        Autoencoder detector({{QStringLiteral("epochs"), 200},
                              {QStringLiteral("batch_size"), 32},
                              {QStringLiteral("patience"), 10},
                              {QStringLiteral("dropout"), 0.0}},
                             42);
        QVERIFY(fitQuietly(detector, rows).ok());
        const Eigen::VectorXd scores = detector.score(rows);
        QVERIFY(scores.allFinite());
        QCOMPARE(topRows(scores, 10), planted);
    }

    // Trained on every row, 80 rows of one burst stretch the [0, 1] range every normal row is
    // squeezed into, and the network learns to rebuild them. Trained again without the rows it
    // rebuilt worst, it rebuilds every burst row worse than any normal row. Trained once
    // (trim 0), it does not.
    void trimmedRefitUnmasksAnAttackInTheTrainingRows()
    {
        const Planted planted = contaminatedMatrix();
        const Eigen::Index normal = planted.outliers.front();
        for (const double trim : {0.1, 0.0}) {
            Autoencoder detector(
                {{QStringLiteral("batch_size"), 32}, {QStringLiteral("trim"), trim}}, 3);
            QVERIFY(fitQuietly(detector, planted.rows).ok());
            const Eigen::VectorXd scores = detector.score(planted.rows);
            const double normalMax = scores.head(normal).maxCoeff();
            const double attackMin = scores.tail(scores.size() - normal).minCoeff();
            qInfo("trim %g: burst min %.4f, normal max %.4f", trim, attackMin, normalMax);
            QCOMPARE(attackMin > normalMax, trim > 0.0);
        }
    }

    void publishedPresetScoresSpikesAboveNormalRows_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed 1") << quint64(1);
        QTest::newRow("seed 2") << quint64(2);
        QTest::newRow("seed 3") << quint64(3);
    }
    // The published use: train on the first 70 % (clean here), threshold at the 95th
    // percentile of the training errors, spikes come later.
    void publishedPresetScoresSpikesAboveNormalRows()
    {
        QFETCH(quint64, seed);
        PortableRandom random(99);
        const Eigen::Index count = 10000;
        const Eigen::Index trainRows = count * 7 / 10;
        Eigen::VectorXd packets(count);
        for (Eigen::Index i = 0; i < count; ++i)
            packets[i] = 100.0 + 20.0 * std::sin(double(i) * 0.005) + between(random, -5.0, 5.0);
        std::vector<Eigen::Index> spikes;
        for (Eigen::Index i = 0; i < 20; ++i) {
            spikes.push_back(trainRows + 100 + 140 * i);
            packets[spikes.back()] = between(random, 300.0, 1200.0);
        }
        // The pipeline's min-max scaling, fitted on the training range.
        const double low = packets.head(trainRows).minCoeff();
        const double high = packets.head(trainRows).maxCoeff();
        const Eigen::MatrixXd scaled = (packets.array() - low) / (high - low);

        Autoencoder detector({{QStringLiteral("preset"), QStringLiteral("published")}}, seed);
        QVERIFY(fitQuietly(detector, scaled.topRows(trainRows)).ok());
        QCOMPARE(detector.widths(), (std::vector<int>{1, 8, 4, 2, 4, 8, 1}));
        const Eigen::VectorXd scores = detector.score(scaled);
        QVERIFY(scores.allFinite());

        const double threshold = percentileThreshold(scores.head(trainRows), {}, 95.0);
        double highestNormal = -1.0;
        double lowestSpike = std::numeric_limits<double>::max();
        for (Eigen::Index i = 0; i < count; ++i) {
            if (std::find(spikes.begin(), spikes.end(), i) != spikes.end())
                lowestSpike = std::min(lowestSpike, scores[i]);
            else
                highestNormal = std::max(highestNormal, scores[i]);
        }
        QVERIFY(lowestSpike > threshold);
        QVERIFY2(lowestSpike > highestNormal,
                 qPrintable(QStringLiteral("lowest spike %1, highest normal row %2")
                                .arg(lowestSpike)
                                .arg(highestNormal)));
    }

    void theSeedDecidesTheScores()
    {
        PortableRandom random(5);
        const Eigen::MatrixXd rows = manifoldRows(1500, random);
        const ParameterValues values{{QStringLiteral("epochs"), 5}};
        Autoencoder first(values, 11);
        Autoencoder second(values, 11);
        Autoencoder other(values, 12);
        QVERIFY(fitQuietly(first, rows).ok());
        QVERIFY(fitQuietly(second, rows).ok());
        QVERIFY(fitQuietly(other, rows).ok());
        const Eigen::VectorXd a = first.score(rows);
        const Eigen::VectorXd b = second.score(rows);
        const Eigen::VectorXd c = other.score(rows);
        QVERIFY(std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0);
        QVERIFY(a != c);
    }

    // Training rows sit near 0.2 and validation rows near 0.8: learning the former only makes
    // the latter worse, so the validation loss soon stops improving.
    void earlyStoppingRestoresTheBestWeights()
    {
        PortableRandom random(3);
        Eigen::MatrixXd rows(500, 2);
        for (Eigen::Index row = 0; row < rows.rows(); ++row)
            for (Eigen::Index column = 0; column < 2; ++column)
                rows(row, column) = (row < 400 ? 0.2 : 0.8) + between(random, -0.05, 0.05);

        const int patience = 2;
        const int epochs = 200;
        Autoencoder detector({{QStringLiteral("epochs"), epochs},
                              {QStringLiteral("patience"), patience},
                              {QStringLiteral("validation_fraction"), 0.2},
                              {QStringLiteral("learning_rate"), 0.01},
                              {QStringLiteral("l2"), 0.0},
                              {QStringLiteral("trim"), 0.0}}, // one training, one history
                             8);
        QVERIFY(fitQuietly(detector, rows).ok());
        QVERIFY(detector.hasValidation());
        QVERIFY(detector.epochsRun() < epochs);
        QCOMPARE(detector.epochsRun(), detector.bestEpoch() + patience);

        const std::vector<Autoencoder::Epoch> &history = detector.history();
        QCOMPARE(int(history.size()), detector.epochsRun());
        double best = std::numeric_limits<double>::infinity();
        for (const Autoencoder::Epoch &epoch : history)
            best = std::min(best, epoch.validationLoss);
        QCOMPARE(detector.bestValidationLoss(), best);
        QCOMPARE(history[std::size_t(detector.bestEpoch() - 1)].validationLoss, best);
        QVERIFY(history.back().validationLoss > best);

        // The kept weights are the best epoch's, not the last one's.
        const double validationError = detector.score(rows.bottomRows(100)).mean();
        QVERIFY2(std::abs(validationError - best) <= 1e-4 * best,
                 qPrintable(QStringLiteral("%1 vs %2").arg(validationError).arg(best)));
    }

    void progressIsReportedPerEpoch()
    {
        PortableRandom random(4);
        const Eigen::MatrixXd rows = manifoldRows(300, random);
        Autoencoder detector({{QStringLiteral("epochs"), 4}, {QStringLiteral("patience"), 100}}, 1);
        std::vector<Progress> reports;
        const FitStatus status = detector.fit(rows, [&](const Progress &progress) {
            reports.push_back(progress);
            return true;
        });
        QVERIFY(status.ok());
        // Two trainings (the trimmed refit), each reporting its epochs as half of the whole.
        QCOMPARE(reports.size(), std::size_t(8));
        for (std::size_t i = 0; i < reports.size(); ++i) {
            QCOMPARE(reports[i].items, qint64(i % 4 + 1));
            QCOMPARE(reports[i].fraction, double(i + 1) / 8.0);
        }
    }

    void cancellationStopsTraining_data()
    {
        QTest::addColumn<int>("stopAfter");
        QTest::newRow("at the first report") << 1;
        QTest::newRow("after three epochs") << 3;
    }
    void cancellationStopsTraining()
    {
        QFETCH(int, stopAfter);
        PortableRandom random(6);
        const Eigen::MatrixXd rows = manifoldRows(300, random);
        Autoencoder detector({{QStringLiteral("epochs"), 50}, {QStringLiteral("patience"), 100}},
                             1);
        int calls = 0;
        const FitStatus status =
            detector.fit(rows, [&](const Progress &) { return ++calls < stopAfter; });
        QCOMPARE(status.code, FitStatus::Code::Cancelled);
        QCOMPARE(calls, stopAfter);
        QCOMPARE(detector.epochsRun(), stopAfter);
        const Eigen::VectorXd scores = detector.score(rows);
        QCOMPARE(scores.size(), rows.rows());
        QVERIFY(scores.allFinite());
    }

    void oneRowTrainsWithoutValidation()
    {
        const Eigen::MatrixXd row = Eigen::MatrixXd::Constant(1, 3, 0.5);
        Autoencoder detector({{QStringLiteral("epochs"), 3}}, 1);
        QVERIFY(fitQuietly(detector, row).ok());
        QVERIFY(!detector.hasValidation());
        QCOMPARE(detector.epochsRun(), 3);
        QVERIFY(detector.score(row).allFinite());
    }

    void unusableTrainingInputFails_data()
    {
        QTest::addColumn<Eigen::MatrixXd>("rows");
        QTest::addColumn<QString>("message");
        Eigen::MatrixXd nan = Eigen::MatrixXd::Zero(5, 3);
        nan(2, 1) = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("NaN") << nan << QStringLiteral("row 3, column 2 is not a finite number");
        Eigen::MatrixXd infinite = Eigen::MatrixXd::Zero(5, 3);
        infinite(0, 2) = -std::numeric_limits<double>::infinity();
        QTest::newRow("infinity") << infinite
                                  << QStringLiteral("row 1, column 3 is not a finite number");
        QTest::newRow("no rows") << Eigen::MatrixXd(0, 3)
                                 << QStringLiteral("at least 1 training rows");
        QTest::newRow("no columns")
            << Eigen::MatrixXd(5, 0) << QStringLiteral("no feature columns");
    }
    void unusableTrainingInputFails()
    {
        QFETCH(Eigen::MatrixXd, rows);
        QFETCH(QString, message);
        Autoencoder detector({}, 1);
        const FitStatus status = fitQuietly(detector, rows);
        QCOMPARE(status.code, FitStatus::Code::Failed);
        QVERIFY2(status.message.contains(message), qPrintable(status.message));
        QVERIFY(detector.widths().empty());
        QVERIFY(detector.score(Eigen::MatrixXd::Zero(2, 3)).isZero());
    }

    // A table of thousands of columns would make a network of hundreds of millions of weights
    // (9,998 features: 900 million, 18 GB to train): refused with the limit named, before any
    // memory is taken. The largest network allowed is still trained.
    void tooManyFeaturesAreRefused()
    {
        Autoencoder detector({}, 1);
        const int largest = 666; // 9 f² + … weights at the general preset's widths
        QVERIFY(Autoencoder::parameterCount(Autoencoder::layerWidths(
                    Autoencoder::Preset::General, largest)) <= Autoencoder::kMaxParameters);
        QVERIFY(Autoencoder::parameterCount(Autoencoder::layerWidths(
                    Autoencoder::Preset::General, largest + 1)) > Autoencoder::kMaxParameters);
        QVERIFY(detector.checkSize(1'000'000, largest).ok());
        QCOMPARE(detector.checkSize(20, largest + 1).code, FitStatus::Code::Failed);
        const FitStatus wide = fitQuietly(detector, Eigen::MatrixXd::Random(20, 9998));
        QCOMPARE(wide.code, FitStatus::Code::Failed);
        QVERIFY2(wide.message.contains(QStringLiteral("at most 666 features")) &&
                     wide.message.contains(QStringLiteral("this input has 9998")),
                 qPrintable(wide.message));
        QVERIFY(detector.widths().empty());
        QCOMPARE(detector.checkSize(1, std::numeric_limits<qint64>::max()).code,
                 FitStatus::Code::Failed);
    }

    void unusableScoringRowsGiveFiniteScores()
    {
        PortableRandom random(9);
        const Eigen::MatrixXd rows = manifoldRows(300, random);
        Autoencoder detector({{QStringLiteral("epochs"), 3}}, 1);
        QVERIFY(fitQuietly(detector, rows).ok());

        Eigen::MatrixXd odd = rows.topRows(5);
        odd(1, 0) = std::numeric_limits<double>::quiet_NaN();
        odd(2, 3) = std::numeric_limits<double>::infinity();
        odd(3, 2) = -1e300;
        const Eigen::VectorXd scores = detector.score(odd);
        QVERIFY(scores.allFinite());
        QVERIFY(scores[2] > 1e100);
        QVERIFY(scores[3] > 1e100);

        QVERIFY(detector.score(Eigen::MatrixXd::Zero(4, 2)).isZero()); // wrong width
    }
};

QTEST_GUILESS_MAIN(TestAutoencoder)
#include "tst_autoencoder.moc"
