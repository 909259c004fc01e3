#include "trainingrange.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

std::optional<TimeNs> parseInstant(QStringView text)
{
    bool ok = false;
    const qlonglong row = text.trimmed().toLongLong(&ok);
    if (ok)
        return TimeNs(row);
    return parseIsoUtc(text);
}

QString describeInstant(TimeNs t)
{
    // Row numbers are small; real times are after 1970-01-02.
    return t >= 0 && t < 86400 * kNsPerSecond ? QString::number(t) : formatIsoUtc(t);
}

} // namespace

TrainingRange TrainingRange::firstFraction(double fraction)
{
    TrainingRange range;
    range.kind = Kind::Fraction;
    range.fraction = fraction;
    return range;
}

TrainingRange TrainingRange::between(TimeNs start, TimeNs end)
{
    TrainingRange range;
    range.kind = Kind::Time;
    range.start = start;
    range.end = end;
    return range;
}

std::vector<bool> TrainingRange::rows(const std::vector<TimeNs> &starts) const
{
    const std::size_t n = starts.size();
    switch (kind) {
    case Kind::All:
        return std::vector<bool>(n, true);
    case Kind::Fraction: {
        std::size_t count = std::size_t(std::floor(std::clamp(fraction, 0.0, 1.0) * double(n)));
        if (count == 0 && n > 0 && fraction > 0)
            count = 1;
        std::vector<bool> mask(n, false);
        std::fill(mask.begin(), mask.begin() + std::ptrdiff_t(count), true);
        return mask;
    }
    case Kind::Time: {
        std::vector<bool> mask(n, false);
        for (std::size_t i = 0; i < n; ++i)
            mask[i] = starts[i] >= start && starts[i] < end;
        return mask;
    }
    }
    return {};
}

QString TrainingRange::describe() const
{
    switch (kind) {
    case Kind::All:
        return QCoreApplication::translate("tideline", "all rows");
    case Kind::Fraction:
        return QCoreApplication::translate("tideline", "the first %1% of rows")
            .arg(QString::number(fraction * 100.0, 'g', 6));
    case Kind::Time:
        return QStringLiteral("%1 – %2").arg(describeInstant(start), describeInstant(end));
    }
    return {};
}

std::optional<TrainingRange> parseTrainingRange(QStringView text, QString *error)
{
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    const std::optional<TimeNs> start = comma < 0 ? std::nullopt : parseInstant(text.left(comma));
    const std::optional<TimeNs> end = comma < 0 ? std::nullopt : parseInstant(text.mid(comma + 1));
    if (!start || !end || *end <= *start) {
        if (error)
            *error = QCoreApplication::translate(
                         "tideline", "training range '%1' is not START,END with ISO 8601 times "
                                     "(or row numbers) and START before END")
                         .arg(text);
        return std::nullopt;
    }
    return TrainingRange::between(*start, *end);
}

std::optional<TrainingRange> parseTrainingFraction(QStringView text, QString *error)
{
    QStringView number = text.trimmed();
    const bool percent = number.endsWith(QLatin1Char('%'));
    if (percent)
        number.chop(1);
    bool ok = false;
    double fraction = number.toDouble(&ok);
    if (percent)
        fraction /= 100.0;
    if (!ok || !(fraction > 0.0 && fraction <= 1.0)) {
        if (error)
            *error = QCoreApplication::translate(
                         "tideline", "training fraction '%1' is not a number in (0, 1] or a "
                                     "percentage in (0%, 100%]")
                         .arg(text);
        return std::nullopt;
    }
    return TrainingRange::firstFraction(fraction);
}

} // namespace tideline
