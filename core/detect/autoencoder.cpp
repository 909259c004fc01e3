#include "detect/autoencoder.h"

#include "common/parallel.h"
#include "common/portablerandom.h"
#include "common/throttledprogress.h"
#include "detect/adamoptimizer.h"
#include "detect/autoencodernetwork.h"
#include "detect/finite.h"
#include "detect/trimmedrefit.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tideline {

namespace {

// Rows per inference pass: large enough for efficient products, small enough to stay in cache.
constexpr Eigen::Index kChunkRows = 4096;
// Mid-epoch progress (and the chance to cancel) comes after this many training rows.
constexpr Eigen::Index kRowsPerReport = 65536;
// The plateau detector needs a relative improvement of this much (PyTorch's default rule).
constexpr double kPlateauThreshold = 1e-4;
// Inputs far outside the training range are clamped before the single-precision network so
// that it never overflows; the error is still measured against the (sanitized) true value.
constexpr double kInputLimit = 1e6;

ParameterSpec intSpec(const QString &name, const QString &description, int value, int minimum,
                      int maximum)
{
    return {name, description, ParameterSpec::Type::Int, value, double(minimum), double(maximum),
            {}};
}

ParameterSpec doubleSpec(const QString &name, const QString &description, double value,
                         double minimum, double maximum)
{
    return {name, description, ParameterSpec::Type::Double, value, minimum, maximum, {}};
}

const ParameterSpec &findSpec(const std::vector<ParameterSpec> &specs, QLatin1String name)
{
    return *std::find_if(specs.begin(), specs.end(),
                         [&](const ParameterSpec &spec) { return spec.name == name; });
}

// Values outside a parameter's range are clamped to it; unreadable ones take the default.
double numberValue(const ParameterValues &values, const std::vector<ParameterSpec> &specs,
                   QLatin1String name)
{
    const ParameterSpec &spec = findSpec(specs, name);
    bool ok = false;
    double value = values.value(spec.name, spec.defaultValue).toDouble(&ok);
    if (!ok || std::isnan(value))
        value = spec.defaultValue.toDouble();
    return std::clamp(value, spec.minimum, spec.maximum);
}

int intValue(const ParameterValues &values, const std::vector<ParameterSpec> &specs,
             QLatin1String name)
{
    return int(std::lround(numberValue(values, specs, name)));
}

std::vector<ParameterSpec> makeSpecs()
{
    return {
        {.name = QStringLiteral("preset"),
         .description = QCoreApplication::translate(
             "tideline",
             "general: layer widths sized from the number of features; published: the "
             "one-feature 8-4-2-4-8 network (use it with min-max scaling, the first 70 % as "
             "training range and the 95th percentile)"),
         .type = ParameterSpec::Type::Choice,
         .defaultValue = QStringLiteral("general"),
         .choices = {QStringLiteral("general"), QStringLiteral("published")}},
        intSpec(QStringLiteral("epochs"),
                QCoreApplication::translate("tideline", "maximum passes over the training rows"),
                50, 1, 10000),
        intSpec(QStringLiteral("batch_size"),
                QCoreApplication::translate("tideline", "rows per gradient step"), 256, 1, 65536),
        doubleSpec(QStringLiteral("learning_rate"),
                   QCoreApplication::translate("tideline", "Adam's initial step size"), 1e-3, 1e-6,
                   1.0),
        doubleSpec(
            QStringLiteral("dropout"),
            QCoreApplication::translate(
                "tideline", "fraction of hidden units dropped while training (not the bottleneck)"),
            0.1, 0.0, 0.9),
        doubleSpec(QStringLiteral("l2"),
                   QCoreApplication::translate("tideline", "L2 penalty on the hidden activations"),
                   1e-5, 0.0, 1.0),
        intSpec(QStringLiteral("patience"),
                QCoreApplication::translate(
                    "tideline",
                    "stop after this many epochs without a better validation loss; the best "
                    "weights are kept"),
                5, 1, 1000),
        doubleSpec(
            QStringLiteral("validation_fraction"),
            QCoreApplication::translate(
                "tideline", "last fraction of the training rows held out for early stopping"),
            0.1, 0.0, 0.5),
        {.name = QStringLiteral("shuffle"),
         .description =
             QCoreApplication::translate("tideline", "shuffle the mini-batches every epoch"),
         .type = ParameterSpec::Type::Bool,
         .defaultValue = true,
         .choices = {}},
        doubleSpec(QStringLiteral("lr_factor"),
                   QCoreApplication::translate(
                       "tideline", "multiply the learning rate by this on a plateau (1 = never)"),
                   0.5, 0.01, 1.0),
        intSpec(QStringLiteral("lr_patience"),
                QCoreApplication::translate(
                    "tideline", "epochs without improvement before the learning rate is reduced"),
                3, 1, 1000),
        doubleSpec(QStringLiteral("min_learning_rate"),
                   QCoreApplication::translate("tideline", "the learning rate's lower bound"), 1e-5,
                   0.0, 1.0),
        intSpec(QStringLiteral("bottleneck"),
                QCoreApplication::translate(
                    "tideline",
                    "width of the narrowest layer (general preset; 0 = half the features, at "
                    "least 2)"),
                0, 0, 1024),
        doubleSpec(QStringLiteral("trim"),
                   QCoreApplication::translate(
                       "tideline", "share of training rows, those reconstructed worst, left out "
                                   "when the network is trained again (0: trained once)"),
                   0.1, 0.0, 0.5),
    };
}

// Fisher–Yates on the seeded generator, so the batch order depends on the seed alone.
void shuffle(std::vector<Eigen::Index> &items, PortableRandom &random)
{
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[random.below(i)]);
}

} // namespace

Autoencoder::Autoencoder(const ParameterValues &values, quint64 seed)
    : m_seed(seed)
{
    const std::vector<ParameterSpec> specs = parameterSpecs();
    const QString preset = values.value(QStringLiteral("preset")).toString();
    m_settings.preset = preset == QLatin1String("published") ? Preset::Published : Preset::General;
    m_settings.epochs = intValue(values, specs, QLatin1String("epochs"));
    m_settings.batchSize = intValue(values, specs, QLatin1String("batch_size"));
    m_settings.learningRate = numberValue(values, specs, QLatin1String("learning_rate"));
    m_settings.dropout = numberValue(values, specs, QLatin1String("dropout"));
    m_settings.l2 = numberValue(values, specs, QLatin1String("l2"));
    m_settings.patience = intValue(values, specs, QLatin1String("patience"));
    m_settings.validationFraction =
        numberValue(values, specs, QLatin1String("validation_fraction"));
    m_settings.shuffle = values.value(QStringLiteral("shuffle"), true).toBool();
    m_settings.lrFactor = numberValue(values, specs, QLatin1String("lr_factor"));
    m_settings.lrPatience = intValue(values, specs, QLatin1String("lr_patience"));
    m_settings.minLearningRate = numberValue(values, specs, QLatin1String("min_learning_rate"));
    m_settings.bottleneck = intValue(values, specs, QLatin1String("bottleneck"));
    m_settings.trim = numberValue(values, specs, QLatin1String("trim"));
}

Autoencoder::~Autoencoder() = default;

QString Autoencoder::name()
{
    return QStringLiteral("autoencoder");
}

QString Autoencoder::description()
{
    return QCoreApplication::translate(
        "tideline", "Autoencoder: dense network (ReLU, dropout, Adam, early stopping); score = "
                    "reconstruction error");
}

std::vector<ParameterSpec> Autoencoder::parameterSpecs()
{
    return makeSpecs();
}

Autoencoder::PresetAdvice Autoencoder::publishedPresetAdvice()
{
    return {QStringLiteral("bidirectional_packets"), QStringLiteral("minmax"), 0.7, 95.0,
            QCoreApplication::translate(
                "tideline",
                "The published network reconstructs one feature, bidirectional_packets per flow, "
                "min-max scaled, with a 1-8-4-2-4-8-1 network (dropout 0.1, L2 1e-5, Adam 1e-3, "
                "batch 256, up to 50 epochs, patience 5). It was trained on the first 70 % of "
                "the rows in time order and flags rows whose reconstruction error is above the "
                "95th percentile of the training errors. It names no learning-rate schedule: "
                "set lr_factor=1 to train at a constant rate.")};
}

std::vector<int> Autoencoder::layerWidths(Preset preset, int features, int bottleneck)
{
    std::vector<int> encoder;
    if (preset == Preset::Published) {
        encoder = {8, 4, 2};
    } else {
        const int first = std::max(2 * features, 8);
        const int code = std::min(first, bottleneck > 0 ? bottleneck : std::max(features / 2, 2));
        encoder = {first};
        while (encoder.back() / 2 > code)
            encoder.push_back(encoder.back() / 2);
        if (encoder.back() != code)
            encoder.push_back(code);
    }
    std::vector<int> widths{features};
    widths.insert(widths.end(), encoder.begin(), encoder.end());
    widths.insert(widths.end(), encoder.rbegin() + 1, encoder.rend());
    widths.push_back(features);
    return widths;
}

qint64 Autoencoder::parameterCount(const std::vector<int> &widths)
{
    qint64 count = 0;
    for (std::size_t layer = 0; layer + 1 < widths.size(); ++layer)
        count += (qint64(widths[layer]) + 1) * widths[layer + 1];
    return count;
}

FitStatus Autoencoder::checkSize(qint64 rows, qint64 columns) const
{
    Q_UNUSED(rows); // the time grows with them, the memory does not
    const auto parameters = [this](qint64 features) {
        return parameterCount(layerWidths(m_settings.preset, int(features), m_settings.bottleneck));
    };
    // Beyond a million features the widths would not fit an int; the limit is far below.
    if (columns <= 1'000'000 && parameters(columns) <= kMaxParameters)
        return {};
    qint64 largest = 1;
    while (parameters(largest + 1) <= kMaxParameters)
        ++largest;
    return FitStatus::failed(
        QCoreApplication::translate(
            "tideline",
            "the autoencoder takes at most %1 features (a network of %2 million weights, about "
            "%3 MB to train); this input has %4: choose fewer features")
            .arg(largest)
            .arg(kMaxParameters / 1'000'000)
            .arg(kMaxParameters * 20 / 1'000'000)
            .arg(columns));
}

std::vector<int> Autoencoder::widths() const
{
    return m_fitted ? m_network->widths() : std::vector<int>();
}

FitStatus Autoencoder::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                           const ProgressCallback &progress)
{
    m_fitted = false;
    m_history.clear();
    m_bestEpoch = 0;
    m_bestLoss = 0.0;
    if (const FitStatus checked = checkTrainingMatrix(train, name()); !checked.ok())
        return checked;
    if (const FitStatus size = checkSize(train.rows(), train.cols()); !size.ok())
        return size;
    const bool refit = m_settings.trim > 0.0;
    const FitStatus first = fitOnce(train, refit ? halfOfProgress(progress, false) : progress);
    if (!first.ok() || !refit)
        return first;
    const std::vector<Eigen::Index> kept = rowsBelowTopShare(score(train), m_settings.trim);
    if (kept.empty() || Eigen::Index(kept.size()) == train.rows())
        return first;
    m_fitted = false;
    m_history.clear();
    return fitOnce(train(kept, Eigen::all), halfOfProgress(progress, true));
}

FitStatus Autoencoder::fitOnce(const Eigen::Ref<const Eigen::MatrixXd> &train,
                               const ProgressCallback &progress)
{

    // The sigmoid output can only reconstruct [0, 1], so the network sees the training range
    // mapped there whatever the pipeline's scaling; after scaling=minmax this is the identity.
    m_minimum = train.colwise().minCoeff();
    const Eigen::RowVectorXd range = train.colwise().maxCoeff() - m_minimum;
    m_inverseRange = (range.array() > 0.0).select(range.cwiseInverse(), 1.0);
    const Eigen::MatrixXf data =
        ((train.rowwise() - m_minimum).array().rowwise() * m_inverseRange.array())
            .cast<float>()
            .matrix();

    const Eigen::Index validationRows =
        Eigen::Index(std::floor(double(train.rows()) * m_settings.validationFraction));
    const FitStatus status = this->train(data, train.rows() - validationRows, progress);
    m_fitted = status.ok();
    return status;
}

FitStatus Autoencoder::train(const Eigen::MatrixXf &data, Eigen::Index trainingRows,
                             const ProgressCallback &progress)
{
    const Eigen::Index features = data.cols();
    const Eigen::Index validationRows = data.rows() - trainingRows;
    m_hasValidation = validationRows > 0;

    PortableRandom random(m_seed);
    m_network = std::make_unique<AutoencoderNetwork>(
        layerWidths(m_settings.preset, int(features), m_settings.bottleneck),
        float(m_settings.dropout), float(m_settings.l2), m_settings.preset == Preset::General);
    m_network->initialise(random);
    AdamOptimizer adam(m_network->parameters().size());

    std::vector<Eigen::Index> order(static_cast<std::size_t>(trainingRows));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    Eigen::MatrixXf batch;
    Eigen::VectorXf bestParameters = m_network->parameters();
    double bestLoss = std::numeric_limits<double>::infinity();
    int sinceBest = 0;
    double rate = m_settings.learningRate;
    double plateauBest = std::numeric_limits<double>::infinity();
    int plateauWait = 0;
    Eigen::Index rowsSinceReport = 0;
    ThrottledProgress throttle(progress, m_settings.epochs);
    const auto report = [&](double epochs) {
        return throttle.update(qint64(epochs), epochs / m_settings.epochs);
    };

    for (int epoch = 1; epoch <= m_settings.epochs; ++epoch) {
        if (m_settings.shuffle)
            shuffle(order, random);
        double lossSum = 0.0;
        for (Eigen::Index start = 0; start < trainingRows; start += m_settings.batchSize) {
            const Eigen::Index size =
                std::min<Eigen::Index>(m_settings.batchSize, trainingRows - start);
            batch = data(Eigen::Map<const Eigen::Array<Eigen::Index, Eigen::Dynamic, 1>>(
                             order.data() + start, size),
                         Eigen::all);
            lossSum += m_network->trainBatch(batch, random) * double(size);
            adam.step(m_network->parameters(), m_network->gradient(), rate);
            rowsSinceReport += size;
            if (rowsSinceReport >= kRowsPerReport) {
                rowsSinceReport = 0;
                if (!report(epoch - 1 + double(start + size) / double(trainingRows)))
                    return FitStatus::cancelled();
            }
        }

        const double trainingLoss = lossSum / double(trainingRows);
        const double monitored =
            m_hasValidation ? validationLoss(data.bottomRows(validationRows)) : trainingLoss;
        if (!std::isfinite(monitored))
            return FitStatus::failed(
                QCoreApplication::translate(
                    "tideline", "the autoencoder diverged in epoch %1; try a smaller learning_rate")
                    .arg(epoch));
        m_history.push_back({trainingLoss, monitored, rate});

        // Early stopping and the plateau rule watch the same loss, as Keras' callbacks do.
        if (monitored < bestLoss) {
            bestLoss = monitored;
            bestParameters = m_network->parameters();
            m_bestEpoch = epoch;
            sinceBest = 0;
        } else {
            ++sinceBest;
        }
        if (monitored < plateauBest * (1.0 - kPlateauThreshold)) {
            plateauBest = monitored;
            plateauWait = 0;
        } else if (++plateauWait >= m_settings.lrPatience) {
            rate = std::max(rate * m_settings.lrFactor, m_settings.minLearningRate);
            plateauWait = 0;
        }

        if (!throttle.force(epoch, double(epoch) / m_settings.epochs)) // every epoch
            return FitStatus::cancelled();
        if (sinceBest >= m_settings.patience)
            break;
    }
    m_network->parameters() = bestParameters;
    m_bestLoss = bestLoss;
    return {};
}

double Autoencoder::validationLoss(const Eigen::Ref<const Eigen::MatrixXf> &rows) const
{
    double squares = 0.0;
    double activity = 0.0;
    Eigen::MatrixXf output;
    for (Eigen::Index start = 0; start < rows.rows(); start += kChunkRows) {
        const Eigen::Index size = std::min(kChunkRows, rows.rows() - start);
        const Eigen::Ref<const Eigen::MatrixXf> chunk = rows.middleRows(start, size);
        m_network->reconstruct(chunk, output, &activity);
        squares += double((output - chunk).squaredNorm());
    }
    const double count = double(rows.rows());
    return squares / (count * double(rows.cols())) + m_settings.l2 * activity / count;
}

Eigen::VectorXd Autoencoder::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

// Blocks of rows are independent, so they may run on several threads: the scores are the
// same whatever the thread count.
Eigen::VectorXd Autoencoder::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                               const ProgressCallback &progress) const
{
    Eigen::VectorXd scores = Eigen::VectorXd::Zero(rows.rows());
    if (!m_fitted || rows.cols() != m_minimum.size())
        return scores;

    const auto work = [&](qint64 begin, qint64 end) {
        const Eigen::MatrixXd target =
            (rows.middleRows(begin, end - begin).unaryExpr(&sanitized).rowwise() - m_minimum)
                .array()
                .rowwise() *
            m_inverseRange.array();
        Eigen::MatrixXf output;
        m_network->reconstruct(target.cwiseMax(-kInputLimit).cwiseMin(kInputLimit).cast<float>(),
                               output);
        scores.segment(begin, end - begin) =
            ((output.cast<double>() - target).rowwise().squaredNorm() / double(rows.cols()))
                .unaryExpr(&finiteScore);
    };
    if (!parallelForBlocks(rows.rows(), kChunkRows, work, progress))
        return {};
    return scores;
}

} // namespace tideline
