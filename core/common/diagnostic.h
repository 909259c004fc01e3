#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace tideline {

// Something a reader noticed about its input, as data: where it was and what was wrong.
// Locations are 1-based; 0 means "not applicable". For captures `record` is the packet number
// and `offset` the byte offset in the file; for tables `record` is the line and `column` the
// 1-based column.
struct Diagnostic
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Warning;
    QString file;
    qint64 record = 0;
    qint64 offset = -1;
    int column = 0;
    QString message;

    // "file: line 12, column 3: message" (or packet / byte offset for captures).
    QString toString() const;
};

using Diagnostics = std::vector<Diagnostic>;

QStringList toStrings(const Diagnostics &diagnostics);

} // namespace tideline
