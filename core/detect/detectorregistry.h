#pragma once

#include "detect/detector.h"
#include "detect/featurepipeline.h"
#include "detect/parameters.h"

#include <memory>
#include <vector>

namespace tideline {

using DetectorFactory = std::unique_ptr<Detector> (*)(const ParameterValues &values, quint64 seed);

// Builds a detector whose constructor takes (checked parameter values, seed).
template <class T>
std::unique_ptr<Detector> makeDetector(const ParameterValues &values, quint64 seed)
{
    return std::make_unique<T>(values, seed);
}

// One entry of the detector table that the CLI's `detectors` command, the UI's detector panel
// and `detect` all read.
struct DetectorInfo
{
    QString name;        // fixed machine name: other tools call it
    QString description; // one line
    std::vector<ParameterSpec> parameters;
    DetectorFactory create = nullptr;                // values must have passed resolveParameters()
    FeatureScaling scaling = FeatureScaling::Robust; // what the pipeline does in front of it
    // A Classifier: trained on labelled rows (the categories one-hot encoded beside the
    // features), it predicts a class per row.
    bool supervised = false;
    // false: counts reach the detector as they are, which models them itself (windowed_counts).
    bool logCounts = true;
};

// Every detector, in the order they are listed.
const std::vector<DetectorInfo> &detectors();
const DetectorInfo *findDetector(QStringView name);
QStringList detectorNames();

// A detector built from unchecked values (strings from --param, or UI values), with the
// checked values it was built from, or the reasons it could not be built.
struct DetectorBuild
{
    std::unique_ptr<Detector> detector;
    ParameterValues parameters;
    QStringList errors;

    bool ok() const { return detector != nullptr; }
};

DetectorBuild createDetector(QStringView name, const ParameterValues &given, quint64 seed);

} // namespace tideline
