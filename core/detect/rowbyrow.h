#pragma once

#include "detect/detector.h"

#include <memory>

namespace tideline {

// A stream of rows for any fitted unsupervised detector, as live data needs: the detector's own
// stream when it learns online (htm, contextual, windowed_gaussian), else its fitted model
// scoring each row alone — isolation_forest, knn, robust_z and autoencoder score a row alone as
// they score it among others, so the model trained on the first rows scores every later one.
// The detector must outlive the stream.
std::unique_ptr<RowStream> rowByRow(const Detector &detector);

} // namespace tideline
