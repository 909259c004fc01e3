#include "modelfile.h"

#include "detect/detectorregistry.h"
#include "detect/modelstream.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QtEndian>
#include <algorithm>
#include <cstring>

namespace tideline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline", text);
}

constexpr QByteArrayView kMagic("TIDELINE-MODEL\n");
constexpr qsizetype kDigestSize = 32; // SHA-256
constexpr qsizetype kHeaderSize = kMagic.size() + 4 + 8 + kDigestSize;

QByteArray payloadOf(const SavedModel &saved)
{
    const DetectionModel &model = saved.model;
    ModelWriter writer;
    writer.text(model.detector);
    writer.i64(model.parameters.size());
    for (auto it = model.parameters.cbegin(); it != model.parameters.cend(); ++it) {
        writer.text(it.key());
        writer.text(it.value().toString());
    }
    writer.i64(qint64(model.seed));
    writer.text(model.trainingDescription);
    writer.texts(model.warnings);
    writer.i64(saved.rowWidth);
    model.pipeline.write(writer);
    model.categories.write(writer);
    writer.doubles(model.trainingScores.sorted());
    model.classifier()->write(writer);
    writer.int32s(std::vector<qint32>(model.classCounts.begin(), model.classCounts.end()));
    return writer.bytes();
}

std::optional<SavedModel> modelOf(QByteArrayView payload, QString *why)
{
    ModelReader reader(payload);
    SavedModel saved;
    DetectionModel &model = saved.model;
    const QString detector = reader.text();
    ParameterValues parameters;
    const qint64 count = reader.i64();
    for (qint64 p = 0; p < count && reader.ok(); ++p) {
        const QString name = reader.text();
        parameters.insert(name, reader.text());
    }
    model.seed = quint64(reader.i64());
    model.trainingDescription = reader.text();
    model.warnings = reader.texts();
    saved.rowWidth = reader.i64();
    if (!reader.ok()) {
        *why = reader.error();
        return std::nullopt;
    }
    const DetectorInfo *info = findDetector(detector);
    if (!info || !info->supervised) {
        *why = tr("'%1' is not a supervised detector this Tideline knows").arg(detector);
        return std::nullopt;
    }
    DetectorBuild build = createDetector(detector, parameters, model.seed);
    auto *classifier = dynamic_cast<Classifier *>(build.detector.get());
    if (!classifier) {
        *why = build.errors.join(QStringLiteral("; "));
        return std::nullopt;
    }
    model.detector = info->name;
    model.parameters = build.parameters;
    model.pipeline.read(reader);
    model.categories.read(reader);
    model.trainingScores = ScoreDistribution(reader.doubles());
    classifier->read(reader);
    for (qint32 rows : reader.int32s())
        model.classCounts.push_back(rows);
    if (reader.ok() && (model.classCounts.size() != std::size_t(classifier->classes().size()) ||
                        std::any_of(model.classCounts.begin(), model.classCounts.end(),
                                    [](qint64 rows) { return rows < 0; })))
        reader.fail(tr("the training rows per class are damaged"));
    if (reader.ok() && classifier->dimensions() != int(model.featureNames().size()))
        reader.fail(tr("the classifier has %1 columns, the features %2")
                        .arg(classifier->dimensions())
                        .arg(model.featureNames().size()));
    if (reader.ok() && !reader.atEnd())
        reader.fail(tr("more bytes follow the model"));
    if (!reader.ok()) {
        *why = reader.error();
        return std::nullopt;
    }
    model.fitted = std::move(build.detector);
    return saved;
}

} // namespace

bool ModelFile::write(const QString &path, const SavedModel &saved, QString *error)
{
    if (!saved.model.ok() || !saved.model.classifier()) {
        *error = tr("%1: only a trained supervised model (random_forest, knn_classifier) can be "
                    "saved")
                     .arg(path);
        return false;
    }
    const QByteArray payload = payloadOf(saved);
    QByteArray header(kMagic.data(), kMagic.size());
    const quint32 version = qToLittleEndian(kVersion);
    header.append(reinterpret_cast<const char *>(&version), sizeof version);
    const qint64 length = qToLittleEndian(qint64(payload.size()));
    header.append(reinterpret_cast<const char *>(&length), sizeof length);
    header.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(header) != header.size() ||
        file.write(payload) != payload.size() || !file.commit()) {
        *error = tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<SavedModel> ModelFile::read(const QString &path, QString *error)
{
    const auto refuse = [&](const QString &why) {
        *error = tr("%1: %2").arg(path, why);
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    if (file.size() > kLargestFile)
        return refuse(tr("%1 bytes is larger than any model file (at most %2)")
                          .arg(file.size())
                          .arg(kLargestFile));
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith(kMagic))
        return refuse(tr("not a Tideline model file (saved with detect --save-model)"));
    if (bytes.size() < kHeaderSize)
        return refuse(tr("the file ends inside its header (%1 bytes)").arg(bytes.size()));
    quint32 version = 0;
    std::memcpy(&version, bytes.constData() + kMagic.size(), sizeof version);
    version = qFromLittleEndian(version);
    if (version != kVersion)
        return refuse(tr("a model file of version %1; this Tideline reads version %2 (save the "
                         "model again with this version)")
                          .arg(version)
                          .arg(kVersion));
    qint64 length = 0;
    std::memcpy(&length, bytes.constData() + kMagic.size() + 4, sizeof length);
    length = qFromLittleEndian(length);
    const QByteArrayView digest(bytes.constData() + kHeaderSize - kDigestSize, kDigestSize);
    const QByteArrayView payload(bytes.constData() + kHeaderSize, bytes.size() - kHeaderSize);
    if (length != payload.size())
        return refuse(tr("damaged: the header promises %1 bytes of model, the file holds %2")
                          .arg(length)
                          .arg(payload.size()));
    if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != digest)
        return refuse(tr("damaged: its checksum does not match its contents"));
    QString why;
    std::optional<SavedModel> saved = modelOf(payload, &why);
    if (!saved)
        return refuse(tr("damaged: %1").arg(why));
    return saved;
}

QString ModelFile::mismatch(const DetectionModel &model, const Series &series)
{
    QStringList missing;
    for (const FeaturePipeline::Column &column : model.pipeline.columns()) {
        const bool found =
            column.clock != ClockFeature::None ||
            std::any_of(series.features.begin(), series.features.end(),
                        [&](const FeatureInfo &feature) { return feature.name == column.name; });
        if (!found)
            missing << column.name;
    }
    for (const QString &category : model.categories.categoryNames()) {
        if (std::none_of(series.categories.begin(), series.categories.end(),
                         [&](const CategoryColumn &c) { return c.name == category; }))
            missing << category;
    }
    if (missing.isEmpty())
        return {};
    return tr("the model was trained on columns this file does not have: %1")
        .arg(missing.join(QStringLiteral(", ")));
}

} // namespace tideline
