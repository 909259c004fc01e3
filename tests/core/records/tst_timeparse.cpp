#include "records/timeparse.h"

#include <QTest>
#include <string>

using namespace tideline;

namespace {

std::string bytes(const QString &s)
{
    return s.toStdString();
}

TimeFormat detect(const QStringList &values, const QString &name = QString())
{
    std::vector<std::string> storage;
    for (const QString &v : values)
        storage.push_back(bytes(v));
    const std::vector<std::string_view> views(storage.begin(), storage.end());
    const std::string key = bytes(name);
    return detectTimeFormat(views, key);
}

constexpr qint64 kJuly2017 = 1499255057; // 2017-07-05T11:44:17Z

} // namespace

class TestTimeParse : public QObject
{
    Q_OBJECT

private slots:
    void epochByMagnitude_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::addColumn<qint64>("first");
        QTest::newRow("seconds") << QStringList{QStringLiteral("1499255057"),
                                                QStringLiteral("1499255058")}
                                 << QString() << int(TimeFormat::UnixSeconds)
                                 << kJuly2017 * kNsPerSecond;
        QTest::newRow("fractional seconds")
            << QStringList{QStringLiteral("1499255057.431"), QStringLiteral("1499255058.5")}
            << QString() << int(TimeFormat::UnixSeconds)
            << kJuly2017 * kNsPerSecond + 431 * kNsPerMs;
        QTest::newRow("milliseconds")
            << QStringList{QStringLiteral("1499255057431")} << QString()
            << int(TimeFormat::UnixMillis) << kJuly2017 * kNsPerSecond + 431 * kNsPerMs;
        QTest::newRow("microseconds") << QStringList{QStringLiteral("1499255057431002")}
                                      << QString() << int(TimeFormat::UnixMicros)
                                      << kJuly2017 * kNsPerSecond + 431 * kNsPerMs + 2 * kNsPerUs;
        QTest::newRow("nanoseconds")
            << QStringList{QStringLiteral("1499255057431002003")} << QString()
            << int(TimeFormat::UnixNanos)
            << kJuly2017 * kNsPerSecond + 431 * kNsPerMs + 2 * kNsPerUs + 3;
        QTest::newRow("relative seconds (Wireshark)")
            << QStringList{QStringLiteral("0.000000"), QStringLiteral("0.250000")} << QString()
            << int(TimeFormat::RelativeSeconds) << qint64(0);
        QTest::newRow("unit from the name beats magnitude")
            << QStringList{QStringLiteral("5000")} << QStringLiteral("first seen ms")
            << int(TimeFormat::UnixMillis) << 5000 * kNsPerMs;
        QTest::newRow("exponent") << QStringList{QStringLiteral("1.5e9")} << QString()
                                  << int(TimeFormat::UnixSeconds)
                                  << qint64(1500000000) * kNsPerSecond;
    }
    void epochByMagnitude()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, name);
        QFETCH(int, format);
        QFETCH(qint64, first);
        const TimeFormat detected = detect(values, name);
        QCOMPARE(int(detected), format);
        QCOMPARE(parseTime(bytes(values.first()), detected), std::optional<TimeNs>(first));
    }

    void isoAgreesWithParseIsoUtc_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("nab") << QStringLiteral("2014-04-01 00:05:00");
        QTest::newRow("T and Z") << QStringLiteral("2024-01-31T12:00:00.250Z");
        QTest::newRow("offset") << QStringLiteral("2024-01-31T13:00:00+01:00");
        QTest::newRow("offset without colon") << QStringLiteral("2024-01-31T13:00:00-0130");
        QTest::newRow("nanoseconds") << QStringLiteral("2024-01-31T12:00:00.000000007Z");
        QTest::newRow("comma fraction") << QStringLiteral("2024-01-31 12:00:00,5");
        QTest::newRow("no seconds") << QStringLiteral("2024-01-31T12:00");
        QTest::newRow("date only") << QStringLiteral("2024-01-31");
        QTest::newRow("leap day") << QStringLiteral("2024-02-29 23:59:59");
        QTest::newRow("before 1970") << QStringLiteral("1969-12-31T23:59:59.999Z");
        QTest::newRow("far future") << QStringLiteral("2200-06-15T00:00:00Z");
        QTest::newRow("spaces around") << QStringLiteral("  2024-01-31 12:00:00 ");
    }
    void isoAgreesWithParseIsoUtc()
    {
        QFETCH(QString, text);
        const std::optional<TimeNs> expected = parseIsoUtc(text);
        QVERIFY(expected.has_value());
        QCOMPARE(parseIsoBytes(bytes(text)), expected);
        QCOMPARE(int(detect({text})), int(TimeFormat::Iso));
    }

    void isoRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("month 13") << QStringLiteral("2024-13-01T00:00:00Z");
        QTest::newRow("feb 30") << QStringLiteral("2023-02-29");
        QTest::newRow("hour 24") << QStringLiteral("2024-01-01T24:00:00");
        QTest::newRow("garbage after") << QStringLiteral("2024-01-01T00:00:00 CET");
        QTest::newRow("word") << QStringLiteral("yesterday");
        QTest::newRow("empty") << QString();
        QTest::newRow("truncated") << QStringLiteral("2024-01-");
    }
    void isoRejects()
    {
        QFETCH(QString, text);
        QVERIFY(!parseIsoBytes(bytes(text)));
        QCOMPARE(parseIsoUtc(text).has_value(), false);
    }

    void dayMonthYear_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("iso"); // the first value
        QTest::newRow("cicids short")
            << QStringList{QStringLiteral("3/7/2017 8:55"), QStringLiteral("3/7/2017 9:01")}
            << int(TimeFormat::DayMonthYear) << QStringLiteral("2017-07-03T08:55:00Z");
        QTest::newRow("cicids with AM")
            << QStringList{QStringLiteral("03/07/2017 08:55:58 AM")}
            << int(TimeFormat::DayMonthYear) << QStringLiteral("2017-07-03T08:55:58Z");
        QTest::newRow("PM") << QStringList{QStringLiteral("03/07/2017 01:02:03 PM")}
                            << int(TimeFormat::DayMonthYear)
                            << QStringLiteral("2017-07-03T13:02:03Z");
        QTest::newRow("12 AM is midnight")
            << QStringList{QStringLiteral("03/07/2017 12:30:00 AM")}
            << int(TimeFormat::DayMonthYear) << QStringLiteral("2017-07-03T00:30:00Z");
        QTest::newRow("cicids 2018")
            << QStringList{QStringLiteral("14/02/2018 08:31:01")} << int(TimeFormat::DayMonthYear)
            << QStringLiteral("2018-02-14T08:31:01Z");
        QTest::newRow("month first proven by a day > 12")
            << QStringList{QStringLiteral("07/03/2017 08:00"), QStringLiteral("07/25/2017 08:00")}
            << int(TimeFormat::MonthDayYear) << QStringLiteral("2017-07-03T08:00:00Z");
        QTest::newRow("date only, dots")
            << QStringList{QStringLiteral("31.12.2020")} << int(TimeFormat::DayMonthYear)
            << QStringLiteral("2020-12-31T00:00:00Z");
        QTest::newRow("time of day")
            << QStringList{QStringLiteral("08:55:58.250"), QStringLiteral("08:55:59")}
            << int(TimeFormat::TimeOfDay) << QStringLiteral("1970-01-01T08:55:58.250Z");
    }
    void dayMonthYear()
    {
        QFETCH(QStringList, values);
        QFETCH(int, format);
        QFETCH(QString, iso);
        const TimeFormat detected = detect(values);
        QCOMPARE(int(detected), format);
        QCOMPARE(parseTime(bytes(values.first()), detected), parseIsoUtc(iso));
    }

    void undecidable_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::newRow("words") << QStringList{QStringLiteral("tcp"), QStringLiteral("udp")};
        QTest::newRow("mixed forms")
            << QStringList{QStringLiteral("2024-01-01"), QStringLiteral("1/2/2024")};
        QTest::newRow("both orders proven")
            << QStringList{QStringLiteral("13/01/2020"), QStringLiteral("01/13/2020")};
        QTest::newRow("nothing") << QStringList{QString(), QStringLiteral("  ")};
        QTest::newRow("bad AM/PM hour") << QStringList{QStringLiteral("03/07/2017 13:00 PM")};
    }
    void undecidable()
    {
        QFETCH(QStringList, values);
        QCOMPARE(int(detect(values)), int(TimeFormat::None));
    }

    void strayValuesDoNotHideTheFormat()
    {
        QCOMPARE(int(detect({QStringLiteral("2014-04-01 00:00:00"),
                             QStringLiteral("2014-04-01 00:05:00"), QStringLiteral("yesterday")})),
                 int(TimeFormat::Iso));
        QCOMPARE(int(detect({QStringLiteral("1499255057"), QStringLiteral("n/a"),
                             QStringLiteral("1499255059")})),
                 int(TimeFormat::UnixSeconds));
        QCOMPARE(int(detect({QStringLiteral("2014-04-01"), QStringLiteral("never"),
                             QStringLiteral("later")})),
                 int(TimeFormat::None));
    }

    void hugeNumbersDoNotOverflow()
    {
        QVERIFY(!parseTime("99999999999999999999999", TimeFormat::UnixSeconds));
        QVERIFY(!parseTime("1e300", TimeFormat::UnixMillis));
        QVERIFY(!parseTime("nan", TimeFormat::UnixSeconds));
        QVERIFY(!parseIsoBytes("9999-12-31T23:59:59Z")); // past what TimeNs holds
        QVERIFY(!parseTime("1/1/0001 00:00", TimeFormat::DayMonthYear));
        QVERIFY(parseIsoBytes("2262-01-01T00:00:00Z"));
    }

    void rangeIsTold()
    {
        // The years every reader accepts, and times outside them told from non-times.
        QCOMPARE(parseIsoBytes("1678-01-01T00:00:00Z"), std::optional<TimeNs>(kEarliestTime));
        QVERIFY(!parseIsoBytes("1677-12-31T23:59:59Z"));
        QVERIFY(outOfRangeTime("1677-12-31T23:59:59Z", TimeFormat::Iso));
        QVERIFY(outOfRangeTime("0001-01-01", TimeFormat::Iso));
        QVERIFY(!outOfRangeTime("2024-13-01", TimeFormat::Iso));
        QVERIFY(parseTime("9219743999", TimeFormat::UnixSeconds));
        QVERIFY(outOfRangeTime("9219744000", TimeFormat::UnixSeconds));
        QVERIFY(outOfRangeTime("99999999999999999999999", TimeFormat::UnixMillis));
        QVERIFY(!outOfRangeTime("12x", TimeFormat::UnixMillis));
        const std::vector<std::string_view> millis{"100000000000000", "100000000060000"};
        QCOMPARE(detectTimeFormat(millis, "first seen ms"), TimeFormat::None);
        QCOMPARE(outOfRangeTimeFormat(millis, "first seen ms"), TimeFormat::UnixMillis);
        QCOMPARE(outOfRangeTimeFormat(millis), TimeFormat::None); // microseconds by magnitude
    }

    void names()
    {
        QCOMPARE(timeFormatName(TimeFormat::UnixMillis), QStringLiteral("unix_ms"));
        QCOMPARE(timeFormatName(TimeFormat::DayMonthYear), QStringLiteral("day_month_year"));
        QVERIFY(isRelative(TimeFormat::RelativeSeconds));
        QVERIFY(!isRelative(TimeFormat::Iso));
    }
};

QTEST_GUILESS_MAIN(TestTimeParse)
#include "tst_timeparse.moc"
