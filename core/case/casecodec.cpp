#include "casecodec.h"

#include <QJsonArray>

namespace tideline::casecodec {

namespace {

QString number(qint64 n)
{
    return QString::number(n);
}

qint64 integer(const QJsonValue &value)
{
    return value.toString().toLongLong();
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

QJsonObject toJson(const LoadOptions &options)
{
    return {{QStringLiteral("bin_width"), number(options.binWidth)},
            {QStringLiteral("flavour"), int(options.table.flavour)},
            {QStringLiteral("bad_rows"), int(options.table.badRows)},
            {QStringLiteral("per_row"), options.table.perRow},
            {QStringLiteral("max_diagnostics"), options.table.maxDiagnostics}};
}

LoadOptions loadOptionsFromJson(const QJsonObject &json)
{
    LoadOptions options;
    options.binWidth = integer(json.value(QStringLiteral("bin_width")));
    options.table.flavour = TableFlavour(json.value(QStringLiteral("flavour")).toInt());
    options.table.badRows = BadRowPolicy(json.value(QStringLiteral("bad_rows")).toInt());
    options.table.perRow = json.value(QStringLiteral("per_row")).toBool();
    options.table.maxDiagnostics = json.value(QStringLiteral("max_diagnostics")).toInt(100);
    return options;
}

QJsonObject toJson(const ThresholdSettings &settings)
{
    const bool percentile = settings.rule.kind == ThresholdRule::Kind::Percentile;
    return {{QStringLiteral("rule"),
             percentile ? QStringLiteral("percentile") : QStringLiteral("false_alarms_per_day")},
            {QStringLiteral("value"), settings.rule.value},
            {QStringLiteral("hold"), settings.holdPercentile},
            {QStringLiteral("gap"), settings.gap}};
}

ThresholdSettings thresholdSettingsFromJson(const QJsonObject &json)
{
    ThresholdSettings settings;
    const double value = json.value(QStringLiteral("value")).toDouble(settings.rule.value);
    settings.rule = json.value(QStringLiteral("rule")).toString() == u"percentile"
                        ? ThresholdRule::percentile(value)
                        : ThresholdRule::falseAlarmsPerDay(value);
    settings.holdPercentile =
        json.value(QStringLiteral("hold")).toDouble(ThresholdSettings::kDefaultHoldPercentile);
    settings.gap = json.value(QStringLiteral("gap")).toInt(1);
    return settings;
}

QJsonObject toJson(const DetectionOptions &options)
{
    // Parameter values as the text --param takes: typed values round-trip through it exactly.
    QJsonObject parameters;
    for (auto it = options.parameters.begin(); it != options.parameters.end(); ++it)
        parameters.insert(it.key(), it.value().toString());
    QJsonObject training{{QStringLiteral("kind"), int(options.training.kind)},
                         {QStringLiteral("fraction"), options.training.fraction},
                         {QStringLiteral("start"), number(options.training.start)},
                         {QStringLiteral("end"), number(options.training.end)}};
    QJsonObject json{{QStringLiteral("detector"), options.detector},
                     {QStringLiteral("parameters"), parameters},
                     {QStringLiteral("seed"), QString::number(options.seed)},
                     {QStringLiteral("features"), toArray(options.features)},
                     {QStringLiteral("log_counts"), options.logCounts},
                     {QStringLiteral("time_features"), options.timeFeatures},
                     {QStringLiteral("training"), training},
                     {QStringLiteral("threshold"), toJson(options.threshold)}};
    if (options.scaling)
        json.insert(QStringLiteral("scaling"), int(*options.scaling));
    return json;
}

DetectionOptions detectionOptionsFromJson(const QJsonObject &json)
{
    DetectionOptions options;
    options.detector = json.value(QStringLiteral("detector")).toString();
    const QJsonObject parameters = json.value(QStringLiteral("parameters")).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        options.parameters.insert(it.key(), it.value().toString());
    options.seed = json.value(QStringLiteral("seed")).toString().toULongLong();
    options.features = toStrings(json.value(QStringLiteral("features")));
    options.logCounts = json.value(QStringLiteral("log_counts")).toBool(true);
    if (json.contains(QStringLiteral("scaling")))
        options.scaling = FeatureScaling(json.value(QStringLiteral("scaling")).toInt());
    const QJsonObject training = json.value(QStringLiteral("training")).toObject();
    options.training.kind = TrainingRange::Kind(training.value(QStringLiteral("kind")).toInt());
    options.training.fraction = training.value(QStringLiteral("fraction")).toDouble(1.0);
    options.training.start = integer(training.value(QStringLiteral("start")));
    options.training.end = integer(training.value(QStringLiteral("end")));
    options.timeFeatures = json.value(QStringLiteral("time_features")).toBool(false);
    options.threshold =
        thresholdSettingsFromJson(json.value(QStringLiteral("threshold")).toObject());
    return options;
}

QJsonObject toJson(const CaptureSummary &summary)
{
    return {{QStringLiteral("file"), summary.file},
            {QStringLiteral("packets"), number(summary.packets)},
            {QStringLiteral("bytes"), number(summary.bytes)},
            {QStringLiteral("captured_bytes"), number(summary.capturedBytes)},
            {QStringLiteral("decoded"), number(summary.decoded)},
            {QStringLiteral("undecoded"), number(summary.undecoded)},
            {QStringLiteral("malformed"), number(summary.malformed)},
            {QStringLiteral("first"), number(summary.first)},
            {QStringLiteral("last"), number(summary.last)},
            {QStringLiteral("backward_timestamps"), number(summary.backwardTimestamps)}};
}

CaptureSummary captureSummaryFromJson(const QJsonObject &json)
{
    CaptureSummary summary;
    summary.file = json.value(QStringLiteral("file")).toString();
    summary.packets = integer(json.value(QStringLiteral("packets")));
    summary.bytes = integer(json.value(QStringLiteral("bytes")));
    summary.capturedBytes = integer(json.value(QStringLiteral("captured_bytes")));
    summary.decoded = integer(json.value(QStringLiteral("decoded")));
    summary.undecoded = integer(json.value(QStringLiteral("undecoded")));
    summary.malformed = integer(json.value(QStringLiteral("malformed")));
    summary.first = integer(json.value(QStringLiteral("first")));
    summary.last = integer(json.value(QStringLiteral("last")));
    summary.backwardTimestamps = integer(json.value(QStringLiteral("backward_timestamps")));
    return summary;
}

QJsonObject toJson(const TableSummary &summary)
{
    return {{QStringLiteral("file"), summary.file},
            {QStringLiteral("flavour"), int(summary.flavour)},
            {QStringLiteral("rows"), number(summary.rows)},
            {QStringLiteral("loaded_rows"), number(summary.loadedRows)},
            {QStringLiteral("skipped_rows"), number(summary.skippedRows)},
            {QStringLiteral("columns"), summary.columns},
            {QStringLiteral("column_names"), toArray(summary.columnNames)},
            {QStringLiteral("label_column"), summary.labelColumn},
            {QStringLiteral("time_column"), summary.timeColumn}};
}

TableSummary tableSummaryFromJson(const QJsonObject &json)
{
    TableSummary summary;
    summary.file = json.value(QStringLiteral("file")).toString();
    summary.flavour = TableFlavour(json.value(QStringLiteral("flavour")).toInt());
    summary.rows = integer(json.value(QStringLiteral("rows")));
    summary.loadedRows = integer(json.value(QStringLiteral("loaded_rows")));
    summary.skippedRows = integer(json.value(QStringLiteral("skipped_rows")));
    summary.columns = json.value(QStringLiteral("columns")).toInt();
    summary.columnNames = toStrings(json.value(QStringLiteral("column_names")));
    summary.labelColumn = json.value(QStringLiteral("label_column")).toString();
    summary.timeColumn = json.value(QStringLiteral("time_column")).toString();
    return summary;
}

QJsonObject toJson(const std::vector<FeatureInfo> &features, const QStringList &labels)
{
    QJsonArray names;
    QJsonArray kinds;
    for (const FeatureInfo &feature : features) {
        names.append(feature.name);
        kinds.append(int(feature.kind));
    }
    return {{QStringLiteral("names"), names},
            {QStringLiteral("kinds"), kinds},
            {QStringLiteral("labels"), toArray(labels)}};
}

void featuresFromJson(const QJsonObject &json, std::vector<FeatureInfo> &features,
                      QStringList &labels)
{
    const QJsonArray names = json.value(QStringLiteral("names")).toArray();
    const QJsonArray kinds = json.value(QStringLiteral("kinds")).toArray();
    features.clear();
    for (qsizetype i = 0; i < names.size(); ++i)
        features.push_back({names[i].toString(), FeatureKind(kinds[i].toInt())});
    labels = toStrings(json.value(QStringLiteral("labels")));
}

QByteArray toBlob(const std::vector<bool> &flags)
{
    QByteArray blob(qsizetype(flags.size()), '\0');
    for (std::size_t i = 0; i < flags.size(); ++i)
        blob[qsizetype(i)] = flags[i] ? '\1' : '\0';
    return blob;
}

std::vector<bool> flagsFromBlob(const QByteArray &blob)
{
    std::vector<bool> flags(std::size_t(blob.size()));
    for (qsizetype i = 0; i < blob.size(); ++i)
        flags[std::size_t(i)] = blob[i] != '\0';
    return flags;
}

} // namespace tideline::casecodec
