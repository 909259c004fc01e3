#pragma once

#include "common/timeutil.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace tideline {

// Which rows a detector learns "normal" from: all of them, the first fraction, or the rows
// whose start lies in [start, end) — a stretch the analyst knows is clean.
struct TrainingRange
{
    enum class Kind : std::uint8_t { All, Fraction, Time };

    Kind kind = Kind::All;
    double fraction = 1.0; // (0, 1] for Kind::Fraction
    TimeNs start = 0;      // [start, end) for Kind::Time; row numbers for Series::Axis::Row
    TimeNs end = 0;

    static TrainingRange all() { return {}; }
    static TrainingRange firstFraction(double fraction);
    static TrainingRange between(TimeNs start, TimeNs end);

    // One flag per row; `starts` are Series::starts (ascending times, or row numbers).
    std::vector<bool> rows(const std::vector<TimeNs> &starts) const;
    // "all rows", "the first 70% of rows", "2024-01-01T00:00:00.000Z – 2024-01-01T01:00:00.000Z"
    QString describe() const;
};

// "START,END" with ISO 8601 times (or plain row numbers); nullopt with a reason otherwise.
std::optional<TrainingRange> parseTrainingRange(QStringView text, QString *error);
// "0.7" or "70%"; nullopt with a reason unless in (0, 1].
std::optional<TrainingRange> parseTrainingFraction(QStringView text, QString *error);

} // namespace tideline
