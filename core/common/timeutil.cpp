#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <array>
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

QString formatIsoUtc(TimeNs t)
{
    const qint64 ms = floorDiv(t, kNsPerMs);
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
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

} // namespace tideline
