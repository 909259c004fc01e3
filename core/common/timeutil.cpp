#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <array>
#include <chrono>
#include <cmath>

namespace tideline {

namespace {

struct Unit
{
    const char16_t *suffix;
    TimeNs ns;
};

// Longest suffixes first so "ms" is not read as "m" + garbage.
constexpr std::array<Unit, 10> kUnits{{
    {u"min", 60 * kNsPerSecond},
    {u"ns", 1},
    {u"us", kNsPerUs},
    {u"µs", kNsPerUs},
    {u"ms", kNsPerMs},
    {u"s", kNsPerSecond},
    {u"m", 60 * kNsPerSecond},
    {u"h", 3600 * kNsPerSecond},
    {u"d", 86400 * kNsPerSecond},
    {u"w", 7 * 86400 * kNsPerSecond},
}};

} // namespace

char *writeIsoUtc(TimeNs t, char *out)
{
    // Days to a civil date by Hinnant's algorithm ("chrono-Compatible Low-Level Date
    // Algorithms"), eras of 400 years from 0000-03-01: a hundred times faster than QDateTime,
    // which a scores file of a million rows would otherwise spend most of its time in.
    const qint64 ms = floorDiv(t, kNsPerMs);
    const qint64 days = floorDiv(ms, 86400000);
    const qint64 msOfDay = ms - days * 86400000;
    const qint64 z = days + 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    const auto put = [&out](qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[i] = char('0' + value % 10);
        out += digits;
    };
    put(year, 4); // TimeNs spans 1678-2262: always four digits
    *out++ = '-';
    put(month, 2);
    *out++ = '-';
    put(day, 2);
    *out++ = 'T';
    put(msOfDay / 3600000, 2);
    *out++ = ':';
    put(msOfDay / 60000 % 60, 2);
    *out++ = ':';
    put(msOfDay / 1000 % 60, 2);
    *out++ = '.';
    put(msOfDay % 1000, 3);
    *out++ = 'Z';
    return out;
}

QString formatIsoUtc(TimeNs t)
{
    std::array<char, kIsoUtcLength> text{};
    writeIsoUtc(t, text.data());
    return QString::fromLatin1(text.data(), text.size());
}

std::optional<TimeNs> parseIsoUtc(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
        R"(\s*(Z|[+-]\d{2}:?\d{2})?\s*$)"));
    const QRegularExpressionMatch m = re.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                     m.capturedView(3).toInt());
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(),
                     m.capturedView(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 seconds = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
    const QStringView zone = m.capturedView(8);
    if (!zone.isEmpty() && zone != u"Z") {
        const int sign = zone.front() == u'-' ? -1 : 1;
        const QString digits = zone.mid(1).toString().remove(QLatin1Char(':'));
        const int offsetMinutes = digits.left(2).toInt() * 60 + digits.mid(2).toInt();
        seconds -= sign * offsetMinutes * 60;
    }
    TimeNs fraction = 0;
    const QStringView frac = m.capturedView(7);
    if (!frac.isEmpty()) {
        fraction = frac.toLongLong();
        for (qsizetype i = frac.size(); i < 9; ++i)
            fraction *= 10;
    }
    return seconds * kNsPerSecond + fraction;
}

std::optional<TimeNs> parseDuration(QStringView text)
{
    text = text.trimmed();
    for (const Unit &unit : kUnits) {
        const QStringView suffix(unit.suffix);
        if (!text.endsWith(suffix))
            continue;
        bool ok = false;
        const double value = text.chopped(suffix.size()).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value) || value <= 0)
            return std::nullopt;
        const double ns = value * double(unit.ns);
        if (ns < 1 || ns > 9.0e18)
            return std::nullopt;
        return TimeNs(std::llround(ns));
    }
    return std::nullopt;
}

QString formatDuration(TimeNs ns)
{
    struct Named
    {
        TimeNs ns;
        const char *suffix;
    };
    static constexpr std::array<Named, 7> kNamed{{{86400 * kNsPerSecond, "d"},
                                                  {3600 * kNsPerSecond, "h"},
                                                  {60 * kNsPerSecond, "m"},
                                                  {kNsPerSecond, "s"},
                                                  {kNsPerMs, "ms"},
                                                  {kNsPerUs, "us"},
                                                  {1, "ns"}}};
    for (const Named &unit : kNamed) {
        if (ns >= unit.ns && ns % unit.ns == 0)
            return QString::number(ns / unit.ns) + QLatin1String(unit.suffix);
    }
    return QString::number(ns) + QLatin1String("ns");
}

TimeNs wallClock()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace tideline
