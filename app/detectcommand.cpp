#include "case/casefile.h"
#include "cli.h"
#include "commands.h"
#include "common/binwidth.h"
#include "detect/detectorregistry.h"
#include "detect/parameters.h"
#include "detect/randomforest.h"
#include "export/anomaliescsv.h"
#include "export/scorescsv.h"
#include "input/inputloader.h"
#include "investigation/investigation.h"
#include "loadprogress.h"
#include "prometheusoptions.h"
#include "series/flowrows.h"
#include "threshold/detectionrun.h"
#include "threshold/modelfile.h"
#include "thresholdoptions.h"

#include <QCoreApplication>
#include <cmath>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

struct DetectOptions
{
    QString file;
    QString modelFrom;
    QString modelPath;     // --model: a saved model instead of training
    QString saveModelPath; // --save-model
    bool flowRows = false; // --rows flows: a row per flow of the capture, not per bin
    QString casePath;      // --case: re-run the case's current run on its source
    QString saveCasePath;  // --save-case
    LoadOptions load;
    DetectionOptions detection;
    QString anomaliesPath;
    QString scoresPath;
};

// Reads the command line into options; a usage error is printed and its status returned.
std::optional<int> readOptions(const QStringList &arguments, DetectOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Score every bin of FILE with a detector, flag those above the threshold (from the "
           "distribution of the training rows' scores, with a fitted tail beyond what they "
           "resolve) and write the merged anomalous intervals. By default the threshold allows "
           "one false alarm per day of normal traffic.") +
        QLatin1Char(' ') + PrometheusOptions::sourceHelp());
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("A capture, a table or a prometheus+http(s):// URL (with "
                                    "--case: the case's source, when it has moved)."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption detector(QStringLiteral("detector"),
                                      tr("Detector name (see tideline detectors)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption bin(QStringLiteral("bin"), tr("Bin width (default: automatic)."),
                                 QStringLiteral("W"));
    const QCommandLineOption param(QStringLiteral("param"), tr("A detector parameter."),
                                   QStringLiteral("key=value"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed (1)."),
                                  QStringLiteral("N"));
    const QCommandLineOption trainRange(QStringLiteral("train-range"),
                                        tr("Train on rows starting in [START, END) (ISO 8601)."),
                                        QStringLiteral("START,END"));
    const QCommandLineOption trainFraction(QStringLiteral("train-fraction"),
                                           tr("Train on the first fraction of rows (0.7 or 70%)."),
                                           QStringLiteral("F"));
    const QCommandLineOption features(QStringLiteral("features"),
                                      tr("Comma-separated feature columns (default: all but "
                                         "largest_upload); +NAME,… adds to the default "
                                         "(+largest_upload)."),
                                      QStringLiteral("LIST"));
    const QCommandLineOption timeFeatures(
        QStringLiteral("time-features"),
        tr("Add time-of-day and day-of-week features, so a daily rhythm counts as normal."));
    const QCommandLineOption modelFrom(QStringLiteral("model-from"),
                                       tr("Train on this file (all of it, or "
                                          "--train-range/--train-fraction of it) and score FILE."),
                                       QStringLiteral("TRAIN_FILE"));
    const QCommandLineOption saveModel(
        QStringLiteral("save-model"),
        tr("Supervised detectors: also keep the trained model in this file, for --model."),
        QStringLiteral("M.tlm"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        tr("Score FILE with a model saved by --save-model instead of training one (its "
           "detector, parameters, features and classes come from the model)."),
        QStringLiteral("M.tlm"));
    const QCommandLineOption rows(
        QStringLiteral("rows"),
        tr("What FILE's rows are: its bins (the default) or, for a capture, its flows — one row "
           "per flow under the column names of NFStream, CICFlowMeter and UNSW-NB15 tables "
           "(see README), to label each flow with a supervised model trained on such a table."),
        QStringLiteral("bins|flows"));
    const QCommandLineOption labelColumn(
        QStringLiteral("label-column"),
        tr("The ground-truth column of both files (default: found by name: label, attack_cat, "
           "class…); supervised detectors learn from it."),
        QStringLiteral("COLUMN"));
    const QCommandLineOption classes(
        QStringLiteral("classes"),
        tr("Supervised detectors: learn normal / attack (binary, the default) or every value "
           "of the label column (multi)."),
        QStringLiteral("binary|multi"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Where to write the anomalies CSV (required)."),
                                    QStringLiteral("anomalies.csv"));
    const QCommandLineOption scores(QStringLiteral("scores"), tr("Also write per-bin scores."),
                                    QStringLiteral("scores.csv"));
    const QCommandLineOption saveCase(QStringLiteral("save-case"),
                                      tr("Also write the source, series, run and anomalies as a "
                                         "case the window opens."),
                                      QStringLiteral("CASE.tideline"));
    const QCommandLineOption fromCase(QStringLiteral("case"),
                                      tr("Run the case's current run again on its source (which "
                                         "must be unchanged) instead of the options above."),
                                      QStringLiteral("CASE.tideline"));
    parser.addOptions({detector, bin, param, seed, trainRange, trainFraction, features,
                       timeFeatures, modelFrom, saveModel, model, rows, labelColumn, classes,
                       output, scores, saveCase, fromCase});
    const ThresholdOptions thresholdOptions;
    thresholdOptions.addTo(parser);
    const PrometheusOptions prometheus;
    prometheus.addTo(parser);
    if (const auto status = parse(parser, arguments))
        return status;
    if (!parser.isSet(output))
        return usageError(tr("-o anomalies.csv is required"));
    options.anomaliesPath = parser.value(output);
    options.scoresPath = parser.value(scores);
    options.saveCasePath = parser.value(saveCase);
    if (parser.isSet(fromCase)) {
        for (const QCommandLineOption &runOption :
             thresholdOptions.options() + QList{detector, bin, param, seed, trainRange,
                                                trainFraction, features, timeFeatures, modelFrom,
                                                saveModel, model, rows, labelColumn, classes}) {
            if (parser.isSet(runOption))
                return usageError(tr("--case runs what the case holds: --%1 cannot be given too")
                                      .arg(runOption.names().constFirst()));
        }
        if (parser.positionalArguments().size() > 1)
            return usageError(tr("--case takes at most one FILE (where the source is now)"));
        options.casePath = parser.value(fromCase);
        options.file = parser.positionalArguments().value(0);
        return std::nullopt;
    }
    if (!takeOnePositional(parser, options.file, QStringLiteral("FILE")))
        return UsageError;
    if (const auto status = prometheus.read(parser, options.file, options.load.prometheus))
        return status;
    // A case is checked against its source file's checksum, which a server has not.
    if (PrometheusSource::isSourceUrl(options.file) && !options.saveCasePath.isEmpty())
        return usageError(tr("--save-case needs a file as the source; write the series to a "
                             "file first (tideline series … -o series.csv)"));

    DetectionOptions &detection = options.detection;
    options.saveModelPath = parser.value(saveModel);
    if (parser.isSet(model)) {
        // The model fixes everything training would choose.
        for (const QCommandLineOption &trainOption :
             {detector, param, seed, trainRange, trainFraction, features, timeFeatures, modelFrom,
              saveModel, classes, saveCase}) {
            if (parser.isSet(trainOption))
                return usageError(tr("--model scores with a trained model: --%1 cannot be given "
                                     "too")
                                      .arg(trainOption.names().constFirst()));
        }
        options.modelPath = parser.value(model);
    }
    if (options.modelPath.isEmpty()) {
        detection.detector = parser.value(detector);
        if (detection.detector.isEmpty())
            return usageError(tr("--detector is required (see tideline detectors)"));
        const DetectorInfo *info = findDetector(detection.detector);
        if (!info)
            return usageError(
                tr("unknown detector '%1' (see tideline detectors)").arg(detection.detector));
        if (!options.saveModelPath.isEmpty() && !info->supervised)
            return usageError(tr("--save-model keeps supervised models (random_forest, "
                                 "knn_classifier), not %1")
                                  .arg(detection.detector));
        const ParameterCheck check = parseAssignments(detection.detector, parser.values(param));
        if (!check.ok())
            return usageError(check.errors.join(QStringLiteral("; ")));
        detection.parameters = check.values;
    }

    if (parser.isSet(bin)) {
        const auto width = parseDuration(parser.value(bin));
        if (!width)
            return usageError(
                tr("--bin: '%1' is not a duration like 100ms, 1s or 1m").arg(parser.value(bin)));
        if (const QString problem = binwidth::widthProblem(*width); !problem.isEmpty())
            return usageError(tr("--bin: %1").arg(problem));
        options.load.binWidth = *width;
    }
    if (const auto status = thresholdOptions.read(parser, detection.threshold))
        return status;
    bool ok = true;
    if (parser.isSet(seed)) {
        detection.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return usageError(tr("--seed needs a whole number"));
    }
    if (parser.isSet(trainRange) && parser.isSet(trainFraction))
        return usageError(tr("give --train-range or --train-fraction, not both"));
    QString why;
    if (parser.isSet(trainRange)) {
        const auto range = parseTrainingRange(parser.value(trainRange), &why);
        if (!range)
            return usageError(QStringLiteral("--train-range: ") + why);
        detection.training = *range;
    }
    if (parser.isSet(trainFraction)) {
        const auto range = parseTrainingFraction(parser.value(trainFraction), &why);
        if (!range)
            return usageError(QStringLiteral("--train-fraction: ") + why);
        detection.training = *range;
    }
    if (parser.isSet(features))
        detection.features = parser.value(features).split(QLatin1Char(','), Qt::SkipEmptyParts);
    detection.timeFeatures = parser.isSet(timeFeatures);
    options.modelFrom = parser.value(modelFrom);
    if (parser.isSet(rows)) {
        const QString kind = parser.value(rows);
        if (kind != u"bins" && kind != u"flows")
            return usageError(tr("--rows takes bins or flows"));
        options.flowRows = kind == u"flows";
        // A flow table's rows are its flows, not binned by their start times.
        options.load.table.perRow = options.flowRows;
        if (options.flowRows && !options.saveCasePath.isEmpty())
            return usageError(tr("--save-case keeps bins: it cannot be given with --rows flows"));
    }
    options.load.table.labelColumn = parser.value(labelColumn);
    if (parser.isSet(classes)) {
        const QString kind = parser.value(classes);
        if (kind != u"binary" && kind != u"multi")
            return usageError(tr("--classes takes binary or multi"));
        detection.multiClass = kind == u"multi";
    }
    return std::nullopt;
}

// What to do when a model needs columns a capture's flows do not have.
QString flowColumnsHint()
{
    return tr("; a capture's flows have %1 — train with --features naming those")
        .arg(FlowRows::columnNames().join(QStringLiteral(", ")));
}

// Loads a file, printing its warnings; nullopt (after printing why) when it is unusable.
std::optional<LoadedInput> load(const QString &path, const LoadOptions &options)
{
    LoadedInput input = loadInput(path, options, terminalProgress());
    if (input.error) {
        inputError(input.error->toString());
        return std::nullopt;
    }
    for (const Diagnostic &warning : input.warnings)
        err() << tr("warning: ") << warning.toString() << Qt::endl;
    return input;
}

// Gives a loaded capture's series `width` wide bins: from memory when its kept resolution
// allows, else by reading it again. False (after printing why) when that fails.
bool binAt(LoadedInput &input, TimeNs width, LoadOptions options)
{
    if (input.series.binWidth == width)
        return true;
    if (auto series = rebin(input, width)) {
        input.series = std::move(*series);
        return true;
    }
    options.binWidth = width;
    auto reloaded = load(input.path, options);
    if (!reloaded)
        return false;
    input = std::move(*reloaded);
    return true;
}

// --case: the options of the case's current run, its load options and its source (checked to
// be the same file).
std::optional<int> takeRunFromCase(DetectOptions &options)
{
    QString error;
    const std::optional<CaseRecipe> stored = CaseFile::readRecipe(options.casePath, &error);
    if (!stored)
        return inputError(error);
    if (!stored->run)
        return inputError(tr("%1 holds no detector run").arg(options.casePath));
    const DetectorRun &run = *stored->run;
    options.detection = run.options;
    options.modelFrom = run.modelFrom;
    options.load = stored->load;
    if (run.binWidth != stored->seriesBinWidth)
        options.load.binWidth = run.binWidth; // re-binned since, and not trained again
    if (options.file.isEmpty())
        options.file = stored->source.path;
    if (!stored->source.matches(options.file, &error, terminalProgress()))
        return inputError(
            tr("%1 (the case's source; give the file where it is now after -o)").arg(error));
    return std::nullopt;
}

} // namespace

// tideline detect FILE --detector NAME [...] -o anomalies.csv [--scores scores.csv]
//     [--save-case CASE]
// tideline detect --case CASE [FILE] -o anomalies.csv
int runDetect(const QStringList &arguments)
{
    DetectOptions options;
    if (const auto status = readOptions(arguments, options))
        return *status;
    if (!options.casePath.isEmpty()) {
        if (const auto status = takeRunFromCase(options))
            return *status;
    }

    std::optional<SavedModel> saved;
    if (!options.modelPath.isEmpty()) {
        QString error;
        saved = ModelFile::read(options.modelPath, &error);
        if (!saved)
            return inputError(error);
        // The run as the model was trained, for the case and the anomalies' detector column.
        const DetectionModel &model = saved->model;
        options.detection.detector = model.detector;
        options.detection.parameters = model.parameters;
        options.detection.seed = model.seed;
        options.detection.multiClass = !model.classifier()->classes().binary;
        // A model of bins scores bins as wide as those it learnt from.
        if (options.load.binWidth <= 0)
            options.load.binWidth = saved->rowWidth;
    }
    auto loaded = load(options.file, options.load);
    if (!loaded)
        return InputError;
    const bool captureFlows = options.flowRows && loaded->kind == LoadedInput::Kind::Capture;
    if (captureFlows) {
        if (!loaded->traffic || loaded->traffic->flows().empty())
            return inputError(
                tr("%1: the capture has no IP flows (--rows flows)").arg(options.file));
        loaded->series = FlowRows::series(*loaded->traffic, loaded->path);
    }

    // A model whose columns FILE lacks is refused naming them, and what a capture offers.
    const auto refuseMismatch = [&](const DetectionModel &model,
                                    const QString &from) -> std::optional<int> {
        const QString mismatch = ModelFile::mismatch(model, loaded->series);
        if (mismatch.isEmpty())
            return std::nullopt;
        QString hint;
        if (captureFlows)
            hint = flowColumnsHint();
        else if (loaded->kind == LoadedInput::Kind::Capture)
            hint = tr("; a model of flow rows scores a capture's flows with --rows flows");
        return inputError(QStringLiteral("%1: %2 (%3)%4").arg(options.file, mismatch, from, hint));
    };

    DetectionResult result;
    TimeNs rowWidth = loaded->traffic ? loaded->series.binWidth : 0; // of the training rows
    if (saved) {
        if (const auto refused = refuseMismatch(saved->model, options.modelPath))
            return *refused;
        result = applyModel(saved->model, loaded->series, options.detection.threshold,
                            terminalProgress());
    } else if (options.modelFrom.isEmpty()) {
        result = runDetection(loaded->series, options.detection, terminalProgress());
    } else {
        // Bin the training file like FILE so the model sees the same kind of rows. Left
        // automatic, the width must suit both: the coarser of the two files' own widths, so a
        // short burst scored against a long quiet training file does not leave the training
        // file in bins that are nearly all empty.
        const bool automatic = options.load.binWidth <= 0 && loaded->traffic && !options.flowRows;
        LoadOptions trainLoad = options.load;
        trainLoad.binWidth = automatic ? 0 : loaded->series.binWidth;
        auto training = load(options.modelFrom, trainLoad);
        if (!training)
            return InputError;
        if (automatic && training->traffic) {
            const TimeNs width = std::max(loaded->series.binWidth, training->series.binWidth);
            if (!binAt(*loaded, width, options.load) || !binAt(*training, width, options.load))
                return InputError;
        }
        rowWidth = training->traffic ? training->series.binWidth : 0;
        const DetectionModel model =
            fitModel(training->series, options.detection, terminalProgress());
        if (!model.ok())
            return inputError(
                QStringLiteral("%1: %2").arg(options.modelFrom, model.status.message));
        if (const auto refused = refuseMismatch(model, options.modelFrom))
            return *refused;
        result = applyModel(model, loaded->series, options.detection.threshold, terminalProgress());
    }
    if (!result.status.ok())
        return inputError(QStringLiteral("%1: %2").arg(options.file, result.status.message));
    for (const QString &warning : result.warnings)
        err() << tr("warning: ") << warning << Qt::endl;

    if (!options.saveModelPath.isEmpty()) {
        QString error;
        if (!ModelFile::write(options.saveModelPath, SavedModel{result.model, rowWidth}, &error))
            return inputError(error);
    }

    const auto input = std::make_shared<const LoadedInput>(std::move(*loaded));
    Investigation investigation;
    investigation.setInput(input);
    const auto shared = std::make_shared<DetectionResult>(std::move(result));
    investigation.addRun(options.detection, shared, options.modelFrom);
    QString error;
    if (!writeInvestigationCsv(options.anomaliesPath, investigation, AnomalySelection::All, &error))
        return inputError(error);
    // Tables without a time column are numbered by row, and so are their outputs.
    const CsvTimes times =
        input->series.axis == Series::Axis::Row ? CsvTimes::RowNumbers : CsvTimes::Iso;
    if (!options.scoresPath.isEmpty()) {
        ScoreRows rows;
        rows.times = input->series.starts;
        rows.scores = shared->scores;
        rows.threshold = shared->threshold;
        rows.anomalous = shared->flagged;
        rows.normalized = shared->normalizedScores();
        const ClassPrediction &prediction = shared->prediction;
        for (int predicted : prediction.predicted)
            rows.predicted << prediction.classes.names[predicted];
        rows.probability = prediction.probability;
        if (captureFlows)
            rows.flows = FlowRows::names(*input->traffic);
        if (!writeScoresCsv(options.scoresPath, rows, &error, times))
            return inputError(error);
    }
    if (!options.saveCasePath.isEmpty()) {
        const std::optional<SourceIdentity> source =
            SourceIdentity::of(options.file, &error, terminalProgress());
        if (!source ||
            !CaseFile::write(options.saveCasePath, investigation, *source, options.load, &error))
            return inputError(error);
    }
    for (const Anomaly &anomaly : investigation.anomalies()) {
        if (!anomaly.kind.isEmpty())
            err() << formatIsoUtc(anomaly.start) << QStringLiteral("  ") << anomaly.kind
                  << QStringLiteral("  ") << anomaly.shownSummary() << Qt::endl;
    }
    if (const auto *forest = dynamic_cast<const RandomForest *>(shared->model.fitted.get()))
        err() << tr("%1 trees, out-of-bag error %2")
                     .arg(forest->treeCount())
                     .arg(forest->outOfBagError(), 0, 'f', 4)
              << Qt::endl;
    err() << tr("%1 anomalous interval(s); threshold %2 = %3, hold %4")
                 .arg(investigation.rows().size())
                 .arg(shared->thresholdDescription())
                 .arg(shared->threshold, 0, 'g', 6)
                 .arg(shared->hold, 0, 'g', 6)
          << Qt::endl;
    return Success;
}

} // namespace tideline::cli
