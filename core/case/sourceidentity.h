#pragma once

#include "common/progress.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace tideline {

// Where a case's source file is and how to tell it is still the same file: its size and SHA-256.
struct SourceIdentity
{
    QString path; // absolute
    qint64 size = -1;
    QByteArray sha256; // hex, lower case

    // The file at `path` now: nullopt with the reason when it cannot be read (or when `progress`
    // asked to stop).
    static std::optional<SourceIdentity> of(const QString &path, QString *error,
                                            const ProgressCallback &progress = {});
    // Whether the file at `path` is this source (size first, then the checksum); false with the
    // reason otherwise.
    bool matches(const QString &path, QString *error, const ProgressCallback &progress = {}) const;
};

} // namespace tideline
