#pragma once

#include "input/inputloader.h"
#include "threshold/detectionrun.h"

#include <QByteArray>
#include <QJsonObject>
#include <cstring>
#include <optional>
#include <vector>

namespace tideline::casecodec {

// How a case file spells what it keeps: options and summaries as JSON (64-bit integers as
// strings, which JSON numbers cannot hold exactly), arrays as raw little-endian blobs.

QJsonObject toJson(const LoadOptions &options);
LoadOptions loadOptionsFromJson(const QJsonObject &json);

QJsonObject toJson(const ThresholdSettings &settings);
ThresholdSettings thresholdSettingsFromJson(const QJsonObject &json);

QJsonObject toJson(const DetectionOptions &options);
DetectionOptions detectionOptionsFromJson(const QJsonObject &json);

QJsonObject toJson(const CaptureSummary &summary);
CaptureSummary captureSummaryFromJson(const QJsonObject &json);

QJsonObject toJson(const TableSummary &summary);
TableSummary tableSummaryFromJson(const QJsonObject &json);

QJsonObject toJson(const std::vector<FeatureInfo> &features, const QStringList &labels);
void featuresFromJson(const QJsonObject &json, std::vector<FeatureInfo> &features,
                      QStringList &labels);

QByteArray toBlob(const std::vector<bool> &flags);
std::vector<bool> flagsFromBlob(const QByteArray &blob);

template <typename T> QByteArray toBlob(const T *data, std::size_t count)
{
    static_assert(std::is_trivially_copyable_v<T>);
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(count * sizeof(T)));
}

// False when the blob is not a whole number of T.
template <typename T> bool fromBlob(const QByteArray &blob, std::vector<T> &out)
{
    static_assert(std::is_trivially_copyable_v<T>);
    if (blob.size() % qsizetype(sizeof(T)) != 0)
        return false;
    out.resize(std::size_t(blob.size()) / sizeof(T));
    if (!out.empty())
        std::memcpy(out.data(), blob.constData(), std::size_t(blob.size()));
    return true;
}

} // namespace tideline::casecodec
