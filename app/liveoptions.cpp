#include "liveoptions.h"

#include "cli.h"
#include "detect/detectorregistry.h"
#include "detect/parameters.h"

#include <QCoreApplication>

namespace tideline::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline::cli", text);
}

} // namespace

LiveCommandOptions::LiveCommandOptions()
    : m_detector(QStringLiteral("detector"),
                 tr("An unsupervised detector: windowed_counts (the default), windowed_gaussian, "
                    "htm and contextual learn as they go, the others score each bin with the "
                    "model the warm-up trained."),
                 QStringLiteral("NAME"))
    , m_param(QStringLiteral("param"), tr("A detector parameter."), QStringLiteral("key=value"))
    , m_seed(QStringLiteral("seed"), tr("Random seed (1)."), QStringLiteral("N"))
    , m_bin(QStringLiteral("bin"), tr("Bin width (default 1s)."), QStringLiteral("W"))
    , m_warmUp(QStringLiteral("warm-up"),
               tr("Fit the detector and the threshold on this many first bins with traffic (60)."),
               QStringLiteral("BINS"))
{}

void LiveCommandOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_detector, m_param, m_seed, m_bin, m_warmUp});
    m_threshold.addTo(parser);
}

std::optional<int> LiveCommandOptions::read(const QCommandLineParser &parser,
                                            LiveOptions &options) const
{
    DetectionOptions &detection = options.detection;
    detection.detector =
        parser.isSet(m_detector) ? parser.value(m_detector) : QStringLiteral("windowed_counts");
    if (!findDetector(detection.detector))
        return usageError(
            tr("unknown detector '%1' (see tideline detectors)").arg(detection.detector));
    const ParameterCheck check = parseAssignments(detection.detector, parser.values(m_param));
    if (!check.ok())
        return usageError(check.errors.join(QStringLiteral("; ")));
    detection.parameters = check.values;
    bool ok = true;
    if (parser.isSet(m_seed)) {
        detection.seed = parser.value(m_seed).toULongLong(&ok);
        if (!ok)
            return usageError(tr("--seed needs a whole number"));
    }
    if (const auto status = m_threshold.read(parser, detection.threshold))
        return status;
    if (parser.isSet(m_bin)) {
        const auto width = parseDuration(parser.value(m_bin));
        if (!width)
            return usageError(
                tr("--bin: '%1' is not a duration like 100ms, 1s or 1m").arg(parser.value(m_bin)));
        options.binWidth = *width;
    }
    if (parser.isSet(m_warmUp)) {
        options.warmUpBins = parser.value(m_warmUp).toInt(&ok);
        if (!ok)
            return usageError(tr("--warm-up needs a whole number of bins"));
    }
    if (const QString problem = LivePipeline::problem(options); !problem.isEmpty())
        return usageError(problem);
    return std::nullopt;
}

} // namespace tideline::cli
