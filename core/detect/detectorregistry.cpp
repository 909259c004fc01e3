#include "detectorregistry.h"

#include "common/translate.h"
#include "detect/autoencoder.h"
#include "detect/contextual.h"
#include "detect/htm.h"
#include "detect/isolationforest.h"
#include "detect/knnclassifier.h"
#include "detect/knndistance.h"
#include "detect/randomforest.h"
#include "detect/robustz.h"
#include "detect/windowedgaussian.h"

#include <QCoreApplication>

namespace tideline {

namespace {

std::vector<DetectorInfo> buildTable()
{
    return {
        {QStringLiteral("robust_z"),
         tr("Robust z-score: largest |x - median| / MAD over the features"),
         RobustZ::parameterSpecs(), &makeDetector<RobustZ>},
        {QStringLiteral("windowed_gaussian"),
         tr("Windowed Gaussian: tail probability against the mean and deviation of the "
            "preceding rows"),
         WindowedGaussian::parameterSpecs(), &makeDetector<WindowedGaussian>},
        {QStringLiteral("windowed_counts"),
         tr("Windowed counts: counts against a negative binomial with the mean and variance of "
            "the preceding rows (other features against Student's t), the most surprising one's "
            "tail probability"),
         WindowedGaussian::parameterSpecs(), &WindowedGaussian::makeCounting, FeatureScaling::None,
         false, false},
        {QStringLiteral("isolation_forest"),
         tr("Isolation forest (Liu, Ting & Zhou 2008): rows that random cuts isolate quickly"),
         IsolationForest::parameterSpecs(), &makeDetector<IsolationForest>},
        {QStringLiteral("knn"), tr("k-nearest-neighbour distance to the training rows (k-d tree)"),
         KnnDistance::parameterSpecs(), &makeDetector<KnnDistance>},
        {Autoencoder::name(), Autoencoder::description(), Autoencoder::parameterSpecs(),
         &makeDetector<Autoencoder>, FeatureScaling::MinMax},
        {QStringLiteral("contextual"),
         tr("Contextual: levels that the preceding levels did not predict, learned online "
            "(after CAD OSE); score in [0, 1]"),
         Contextual::parameterSpecs(), &makeDetector<Contextual>, FeatureScaling::None},
        {QStringLiteral("htm"),
         tr("Hierarchical temporal memory with anomaly likelihood (Numenta, as run on NAB): "
            "values and time of day the memory did not predict, learned online; score in [0, 1]"),
         Htm::parameterSpecs(), &makeDetector<Htm>, FeatureScaling::None},
        {QStringLiteral("random_forest"),
         tr("Random forest (Breiman 2001), supervised: trained on a labelled file, the "
            "probability that a row is an attack; score in [0, 1]"),
         RandomForest::parameterSpecs(), &makeDetector<RandomForest>, FeatureScaling::MinMax, true},
        {QStringLiteral("knn_classifier"),
         tr("k-nearest-neighbour classifier, supervised: the share of the k nearest labelled "
            "training rows that are attacks (or their distance-weighted vote); score in [0, 1]"),
         KnnClassifier::parameterSpecs(), &makeDetector<KnnClassifier>, FeatureScaling::MinMax,
         true},
    };
}

} // namespace

const std::vector<DetectorInfo> &detectors()
{
    static const std::vector<DetectorInfo> table = buildTable();
    return table;
}

const DetectorInfo *findDetector(QStringView name)
{
    for (const DetectorInfo &info : detectors()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QStringList detectorNames()
{
    QStringList names;
    for (const DetectorInfo &info : detectors())
        names << info.name;
    return names;
}

DetectorBuild createDetector(QStringView name, const ParameterValues &given, quint64 seed)
{
    DetectorBuild build;
    const DetectorInfo *info = findDetector(name);
    if (!info) {
        build.errors << QCoreApplication::translate("tideline",
                                                    "unknown detector '%1' (detectors: %2)")
                            .arg(name.toString(), detectorNames().join(QStringLiteral(", ")));
        return build;
    }
    ParameterCheck check = resolveParameters(info->name, info->parameters, given);
    if (!check.ok()) {
        build.errors = check.errors;
        return build;
    }
    build.parameters = check.values;
    build.detector = info->create(build.parameters, seed);
    return build;
}

} // namespace tideline
