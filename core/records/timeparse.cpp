#include "timeparse.h"

#include "numberparse.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

constexpr TimeNs kNsPerDay = 86400 * kNsPerSecond;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool validDate(int y, int m, int d)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// A small cursor over a field's bytes.
struct Cursor
{
    std::string_view s;
    std::size_t i = 0;

    bool atEnd() const { return i >= s.size(); }
    char peek() const { return atEnd() ? '\0' : s[i]; }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // Between minDigits and maxDigits decimal digits.
    bool number(int minDigits, int maxDigits, int &value)
    {
        value = 0;
        int digits = 0;
        while (digits < maxDigits && !atEnd() && s[i] >= '0' && s[i] <= '9') {
            value = value * 10 + (s[i] - '0');
            ++i;
            ++digits;
        }
        return digits >= minDigits;
    }
    void skipSpaces()
    {
        while (!atEnd() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
    }
};

// ".123456789" → nanoseconds; true when there was no fraction or a valid one.
bool fraction(Cursor &c, TimeNs &ns)
{
    ns = 0;
    if (!c.eat('.') && !c.eat(','))
        return true;
    int digits = 0;
    while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
        if (digits < 9) {
            ns = ns * 10 + (c.peek() - '0');
            ++digits;
        }
        ++c.i;
    }
    if (digits == 0)
        return false;
    for (int k = digits; k < 9; ++k)
        ns *= 10;
    return true;
}

// hh:mm[:ss[.f]] → nanoseconds since midnight.
bool clock(Cursor &c, TimeNs &ns, bool requireSeconds)
{
    int h = 0, m = 0, s = 0;
    if (!c.number(1, 2, h) || !c.eat(':') || !c.number(2, 2, m))
        return false;
    TimeNs frac = 0;
    if (c.eat(':')) {
        if (!c.number(2, 2, s) || !fraction(c, frac))
            return false;
    } else if (requireSeconds) {
        return false;
    }
    if (h > 23 || m > 59 || s > 59)
        return false;
    ns = (qint64(h) * 3600 + m * 60 + s) * kNsPerSecond + frac;
    return true;
}

// Whether a time outside kEarliestTime..kLatestTime is refused (what the readers keep) or read
// as 0 (to tell a column of times Tideline cannot hold from one that holds no times).
enum class Range : std::uint8_t { Checked, Unlimited };

std::optional<TimeNs> inRange(TimeNs t, Range range)
{
    if (t >= kEarliestTime && t <= kLatestTime)
        return t;
    return range == Range::Unlimited ? std::optional<TimeNs>(0) : std::nullopt;
}

std::optional<TimeNs> epochFromParts(int y, int mo, int d, TimeNs dayNs, Range range)
{
    if (!validDate(y, mo, d))
        return std::nullopt;
    // Far outside the range days × kNsPerDay would overflow: only days near it are multiplied.
    const qint64 days = daysFromCivil(y, unsigned(mo), unsigned(d));
    if (days < -106740 || days > 106740)
        return inRange(std::numeric_limits<TimeNs>::min(), range);
    return inRange(days * kNsPerDay + dayNs, range);
}

// d/m/yyyy [h:mm[:ss[.f]] [AM|PM]], also with '-' or '.' between the date parts.
std::optional<TimeNs> parseSlashDate(std::string_view text, bool dayFirst, Range range)
{
    Cursor c{text};
    int a = 0, b = 0, y = 0;
    if (!c.number(1, 2, a))
        return std::nullopt;
    const char sep = c.peek();
    if ((sep != '/' && sep != '-' && sep != '.') || !c.eat(sep) || !c.number(1, 2, b) ||
        !c.eat(sep) || !c.number(4, 4, y))
        return std::nullopt;
    TimeNs dayNs = 0;
    if (!c.atEnd()) {
        if (!c.eat(' ') && !c.eat('T'))
            return std::nullopt;
        c.skipSpaces();
        if (!clock(c, dayNs, false))
            return std::nullopt;
        c.skipSpaces();
        const char p = char(c.peek() | 0x20);
        if (p == 'a' || p == 'p') {
            ++c.i;
            if (char(c.peek() | 0x20) != 'm')
                return std::nullopt;
            ++c.i;
            const TimeNs hour = dayNs / (3600 * kNsPerSecond);
            if (hour < 1 || hour > 12)
                return std::nullopt;
            if (hour == 12)
                dayNs -= 12 * 3600 * kNsPerSecond;
            if (p == 'p')
                dayNs += 12 * 3600 * kNsPerSecond;
        }
        if (!c.atEnd())
            return std::nullopt;
    }
    return dayFirst ? epochFromParts(y, b, a, dayNs, range) : epochFromParts(y, a, b, dayNs, range);
}

// The first two numbers of a slash date, to tell d/m from m/d.
bool slashParts(std::string_view text, int &first, int &second)
{
    Cursor c{text};
    if (!c.number(1, 2, first))
        return false;
    const char sep = c.peek();
    return (sep == '/' || sep == '-' || sep == '.') && c.eat(sep) && c.number(1, 2, second);
}

// A decimal number as an exact count of `unit` ns ("1499255057.431" s), falling back to a
// double for exponents.
std::optional<TimeNs> parseScaled(std::string_view text, TimeNs unit, Range range)
{
    Cursor c{text};
    const bool negative = c.eat('-');
    if (!negative)
        c.eat('+');
    qint64 whole = 0;
    int digits = 0;
    bool huge = false; // more digits than a qint64 holds
    while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
        huge = huge || whole > (std::numeric_limits<qint64>::max() - 9) / 10;
        if (!huge)
            whole = whole * 10 + (c.peek() - '0');
        ++c.i;
        ++digits;
    }
    TimeNs frac = 0; // in units of 1e-9 `unit`
    if (c.eat('.')) {
        int fd = 0;
        while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
            if (fd < 9) {
                frac = frac * 10 + (c.peek() - '0');
                ++fd;
            }
            ++c.i;
            ++digits;
        }
        for (int k = fd; k < 9; ++k)
            frac *= 10;
    }
    if (digits > 0 && c.atEnd()) {
        if (huge || whole > std::numeric_limits<qint64>::max() / unit - 1)
            return inRange(std::numeric_limits<TimeNs>::max(), range);
        const TimeNs ns = whole * unit + (frac * unit) / 1000000000;
        return inRange(negative ? -ns : ns, range);
    }
    const std::optional<double> value = parseNumber(text);
    if (!value || !std::isfinite(*value))
        return std::nullopt;
    const double ns = *value * double(unit);
    if (std::fabs(ns) > 9.0e18)
        return inRange(std::numeric_limits<TimeNs>::max(), range);
    return inRange(TimeNs(std::llround(ns)), range);
}

TimeNs unitOf(TimeFormat format)
{
    switch (format) {
    case TimeFormat::UnixMillis:
        return kNsPerMs;
    case TimeFormat::UnixMicros:
        return kNsPerUs;
    case TimeFormat::UnixNanos:
        return TimeNs(1);
    default:
        return kNsPerSecond;
    }
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<TimeNs> parseIso(std::string_view text, Range range)
{
    Cursor c{trimField(text)};
    int y = 0, mo = 0, d = 0;
    if (!c.number(4, 4, y) || !c.eat('-') || !c.number(2, 2, mo) || !c.eat('-') ||
        !c.number(2, 2, d))
        return std::nullopt;
    TimeNs dayNs = 0;
    if (c.eat('T') || c.eat(' ')) {
        int h = 0, mi = 0, s = 0;
        if (!c.number(2, 2, h) || !c.eat(':') || !c.number(2, 2, mi))
            return std::nullopt;
        TimeNs frac = 0;
        if (c.eat(':') && (!c.number(2, 2, s) || !fraction(c, frac)))
            return std::nullopt;
        if (h > 23 || mi > 59 || s > 59)
            return std::nullopt;
        dayNs = (qint64(h) * 3600 + mi * 60 + s) * kNsPerSecond + frac;
    }
    c.skipSpaces();
    qint64 offsetSeconds = 0;
    if (c.eat('Z') || c.eat('z')) {
    } else if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.peek() == '-' ? -1 : 1;
        ++c.i;
        int oh = 0, om = 0;
        if (!c.number(2, 2, oh))
            return std::nullopt;
        c.eat(':');
        if (!c.number(2, 2, om))
            return std::nullopt;
        offsetSeconds = sign * (qint64(oh) * 3600 + om * 60);
    }
    if (!c.atEnd())
        return std::nullopt;
    if (!validDate(y, mo, d))
        return std::nullopt;
    // The offset is applied before the range is checked: it may carry a time out of it.
    const qint64 days = daysFromCivil(y, unsigned(mo), unsigned(d));
    if (days < -106740 || days > 106740)
        return inRange(std::numeric_limits<TimeNs>::min(), range);
    return inRange(days * kNsPerDay + dayNs - offsetSeconds * kNsPerSecond, range);
}

std::optional<TimeNs> parse(std::string_view text, TimeFormat format, Range range)
{
    text = trimField(text);
    if (text.empty())
        return std::nullopt;
    switch (format) {
    case TimeFormat::None:
        return std::nullopt;
    case TimeFormat::UnixSeconds:
    case TimeFormat::UnixMillis:
    case TimeFormat::UnixMicros:
    case TimeFormat::UnixNanos:
    case TimeFormat::RelativeSeconds:
        return parseScaled(text, unitOf(format), range);
    case TimeFormat::Iso:
        return parseIso(text, range);
    case TimeFormat::DayMonthYear:
        return parseSlashDate(text, true, range);
    case TimeFormat::MonthDayYear:
        return parseSlashDate(text, false, range);
    case TimeFormat::TimeOfDay: {
        Cursor c{text};
        TimeNs ns = 0;
        if (!clock(c, ns, true) || !c.atEnd())
            return std::nullopt;
        return ns;
    }
    }
    return std::nullopt;
}

TimeFormat detect(const std::vector<std::string_view> &samples, std::string_view nameHint,
                  Range range)
{
    // A stray bad value must not hide the format of a column: the format that reads more than
    // half of the values wins, and the reader reports the rows it cannot read.
    std::vector<std::string_view> values;
    std::vector<double> numbers;
    for (std::string_view s : samples) {
        s = trimField(s);
        if (s.empty())
            continue;
        values.push_back(s);
        if (const std::optional<double> number = parseNumber(s))
            numbers.push_back(*number);
    }
    if (values.empty())
        return TimeFormat::None;
    const auto majority = [&](std::size_t count) { return count * 2 > values.size(); };
    const auto reads = [&](TimeFormat f) {
        return majority(
            std::size_t(std::count_if(values.begin(), values.end(), [f, range](std::string_view v) {
                return parse(v, f, range).has_value();
            })));
    };

    if (majority(numbers.size())) {
        // A unit in the name is taken at its word, as long as the values read in it.
        if (endsWith(nameHint, " ms") || endsWith(nameHint, "(ms)"))
            return reads(TimeFormat::UnixMillis) ? TimeFormat::UnixMillis : TimeFormat::None;
        if (endsWith(nameHint, " us") || endsWith(nameHint, "(us)"))
            return reads(TimeFormat::UnixMicros) ? TimeFormat::UnixMicros : TimeFormat::None;
        if (endsWith(nameHint, " ns") || endsWith(nameHint, "(ns)"))
            return reads(TimeFormat::UnixNanos) ? TimeFormat::UnixNanos : TimeFormat::None;
        double largest = 0.0;
        for (double v : numbers)
            largest = std::max(largest, std::fabs(v));
        if (!std::isfinite(largest))
            return TimeFormat::None;
        // Epoch seconds reach 1e8 in 1973; milliseconds pass 1e11 in the same year, and so on.
        TimeFormat f = TimeFormat::UnixNanos;
        if (largest < 1e8)
            f = TimeFormat::RelativeSeconds;
        else if (largest < 1e11)
            f = TimeFormat::UnixSeconds;
        else if (largest < 1e14)
            f = TimeFormat::UnixMillis;
        else if (largest < 1e17)
            f = TimeFormat::UnixMicros;
        return reads(f) ? f : TimeFormat::None;
    }
    if (reads(TimeFormat::Iso))
        return TimeFormat::Iso;
    if (reads(TimeFormat::TimeOfDay))
        return TimeFormat::TimeOfDay;
    bool dayFirstPossible = true;
    bool monthFirstPossible = true;
    for (std::string_view v : values) {
        int first = 0, second = 0;
        if (!slashParts(v, first, second))
            continue;
        dayFirstPossible = dayFirstPossible && second <= 12;
        monthFirstPossible = monthFirstPossible && first <= 12;
    }
    // Ambiguous dates (both parts ≤ 12) are read day first, as CICFlowMeter writes them.
    if (dayFirstPossible && reads(TimeFormat::DayMonthYear))
        return TimeFormat::DayMonthYear;
    if (monthFirstPossible && reads(TimeFormat::MonthDayYear))
        return TimeFormat::MonthDayYear;
    return TimeFormat::None;
}

} // namespace

QString timeFormatName(TimeFormat format)
{
    switch (format) {
    case TimeFormat::None:
        return QString();
    case TimeFormat::UnixSeconds:
        return QStringLiteral("unix_s");
    case TimeFormat::UnixMillis:
        return QStringLiteral("unix_ms");
    case TimeFormat::UnixMicros:
        return QStringLiteral("unix_us");
    case TimeFormat::UnixNanos:
        return QStringLiteral("unix_ns");
    case TimeFormat::RelativeSeconds:
        return QStringLiteral("relative_s");
    case TimeFormat::Iso:
        return QStringLiteral("iso8601");
    case TimeFormat::DayMonthYear:
        return QStringLiteral("day_month_year");
    case TimeFormat::MonthDayYear:
        return QStringLiteral("month_day_year");
    case TimeFormat::TimeOfDay:
        return QStringLiteral("time_of_day");
    }
    return QString();
}

bool isRelative(TimeFormat format)
{
    return format == TimeFormat::RelativeSeconds || format == TimeFormat::TimeOfDay;
}

std::optional<TimeNs> parseTime(std::string_view text, TimeFormat format)
{
    return parse(text, format, Range::Checked);
}

std::optional<TimeNs> parseIsoBytes(std::string_view text)
{
    return parseIso(text, Range::Checked);
}

bool outOfRangeTime(std::string_view text, TimeFormat format)
{
    return !parse(text, format, Range::Checked) && parse(text, format, Range::Unlimited);
}

TimeFormat detectTimeFormat(const std::vector<std::string_view> &samples, std::string_view nameHint)
{
    return detect(samples, nameHint, Range::Checked);
}

TimeFormat outOfRangeTimeFormat(const std::vector<std::string_view> &samples,
                                std::string_view nameHint)
{
    if (detect(samples, nameHint, Range::Checked) != TimeFormat::None)
        return TimeFormat::None;
    return detect(samples, nameHint, Range::Unlimited);
}

} // namespace tideline
