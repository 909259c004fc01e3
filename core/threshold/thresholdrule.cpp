#include "thresholdrule.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace tideline {

namespace {

constexpr double kDayNs = 86400.0 * double(kNsPerSecond);

// Enough digits to tell 99.999 from 99.9999, none that only say rounding error; in the
// user's locale, like every number the user reads ("99,999421" in German).
QString percentileNumber(double percentile)
{
    const QLocale locale;
    QString text = locale.toString(percentile, 'f', 6);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(locale.decimalPoint()))
        text.chop(locale.decimalPoint().size());
    return text;
}

// Three significant digits without an exponent for what people count: 1,730 false alarms a
// day, not 1.73e+03.
QString alarmsNumber(double alarms)
{
    const QLocale locale;
    if (std::abs(alarms) >= 1000.0)
        return locale.toString(qlonglong(std::llround(alarms)));
    return locale.toString(alarms, 'g', 3);
}

} // namespace

ThresholdRule ThresholdRule::percentile(double percentile)
{
    return {Kind::Percentile, percentile};
}

ThresholdRule ThresholdRule::falseAlarmsPerDay(double alarms)
{
    return {Kind::FalseAlarmsPerDay, alarms};
}

double ThresholdRule::risk(TimeNs rowDuration) const
{
    if (kind == Kind::Percentile)
        return std::clamp(1.0 - value / 100.0, 0.0, 1.0);
    if (rowDuration <= 0)
        return 1.0 - kPercentileWithoutDuration / 100.0;
    return std::clamp(riskForFalseAlarms(value, rowDuration), 0.0, 1.0);
}

double ThresholdRule::falseAlarmsPerDayFor(TimeNs rowDuration) const
{
    return tideline::falseAlarmsPerDay(risk(rowDuration), rowDuration);
}

QString ThresholdRule::describe(TimeNs rowDuration) const
{
    const double p = percentileFor(rowDuration);
    const QString ordinal = ordinalPercentile(p);
    if (rowDuration <= 0)
        return QCoreApplication::translate("tideline", "%1 percentile").arg(ordinal);
    const double alarms = falseAlarmsPerDayFor(rowDuration);
    const QString perDay = alarmsNumber(alarms);
    if (kind == Kind::FalseAlarmsPerDay)
        return QCoreApplication::translate("tideline", "%1 false alarm(s) per day (%2 percentile)")
            .arg(perDay, ordinal);
    return QCoreApplication::translate("tideline", "%1 percentile (%2 false alarm(s) per day)")
        .arg(ordinal, perDay);
}

double falseAlarmsPerDay(double risk, TimeNs rowDuration)
{
    if (rowDuration <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return risk * kDayNs / double(rowDuration);
}

double riskForFalseAlarms(double alarmsPerDay, TimeNs rowDuration)
{
    if (rowDuration <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return std::max(0.0, alarmsPerDay) * double(rowDuration) / kDayNs;
}

// "99th" in English, "99." in German: the suffix is the translator's, the number the locale's.
QString ordinalPercentile(double percentile)
{
    const QString number = percentileNumber(percentile);
    const int n = int(std::lround(percentile));
    const bool whole = !number.contains(QLocale().decimalPoint());
    const char *form = QT_TRANSLATE_NOOP("tideline", "%1th");
    if (whole && !(n % 100 >= 11 && n % 100 <= 13)) {
        switch (n % 10) {
        case 1:
            form = QT_TRANSLATE_NOOP("tideline", "%1st");
            break;
        case 2:
            form = QT_TRANSLATE_NOOP("tideline", "%1nd");
            break;
        case 3:
            form = QT_TRANSLATE_NOOP("tideline", "%1rd");
            break;
        default:
            break;
        }
    }
    return QCoreApplication::translate("tideline", form).arg(number);
}

} // namespace tideline
