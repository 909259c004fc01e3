#pragma once

#include "common/series.h"
#include "threshold/detectionrun.h"

#include <optional>

namespace tideline {

// A trained supervised model kept in a file (`detect --save-model M.tlm`, `--model M.tlm`): the
// detector and its parameters, the feature pipeline (column names, logs, scaling), the category
// encoder, the classes and the classifier's fitted state (a forest's trees, a k-NN's training
// rows), with the training rows' scores and the width of the rows it was trained on.
//
// The file is a magic line, a format version, the payload's length and its SHA-256, then the
// payload; it is written atomically and read with every length checked against what is left,
// so a truncated or altered file is refused with a reason and never costs more memory than
// its own size.
struct SavedModel
{
    DetectionModel model;
    TimeNs rowWidth = 0; // the training rows' bin width; 0 for the rows of a table
};

class ModelFile
{
public:
    static constexpr std::uint32_t kVersion = 1;
    // Larger files are refused before reading: more than any training set a classifier here
    // takes.
    static constexpr qint64 kLargestFile = qint64(4) << 30;

    // Only supervised models can be kept; false, with `error` saying why, otherwise.
    static bool write(const QString &path, const SavedModel &saved, QString *error);
    static std::optional<SavedModel> read(const QString &path, QString *error);
    // What keeps `model` from scoring `series`: the features and category columns it was
    // trained on that `series` lacks; empty when it has them all.
    static QString mismatch(const DetectionModel &model, const Series &series);
};

} // namespace tideline
