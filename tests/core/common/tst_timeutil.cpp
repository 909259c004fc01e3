#include "common/portablerandom.h"
#include "common/timeutil.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>
#include <limits>

using namespace tideline;

class TestTimeUtil : public QObject
{
    Q_OBJECT

private slots:
    void isoRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00.000Z") << qint64(0);
        QTest::newRow("millis") << QStringLiteral("2024-01-31T12:00:00.250Z")
                                << qint64(1706702400250) * kNsPerMs;
        QTest::newRow("before epoch")
            << QStringLiteral("1969-12-31T23:59:59.999Z") << qint64(-1) * kNsPerMs;
    }
    void isoRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        QCOMPARE(formatIsoUtc(ns), text);
        QCOMPARE(parseIsoUtc(text), std::optional<TimeNs>(ns));
    }

    // The calendar arithmetic agrees with QDateTime's over the whole range of TimeNs,
    // including leap days, century years and times before 1970.
    void isoFormatAgreesWithQDateTime()
    {
        PortableRandom rng(29);
        std::vector<TimeNs> times{
            std::numeric_limits<TimeNs>::min(), std::numeric_limits<TimeNs>::max(), -1, 0,
            951782400LL * kNsPerSecond,      // 2000-02-29
            4107542400LL * kNsPerSecond - 1, // 2100-02-28T23:59:59.999
            -2203891200LL * kNsPerSecond};   // 1900-02-28
        for (int i = 0; i < 20000; ++i)
            times.push_back(TimeNs(rng.next()));
        for (const TimeNs t : times) {
            const QString expected =
                QDateTime::fromMSecsSinceEpoch(t / kNsPerMs - (t % kNsPerMs < 0 ? 1 : 0),
                                               QTimeZone::utc())
                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
            QCOMPARE(formatIsoUtc(t), expected);
        }
    }

    void isoVariants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        const qint64 noon = qint64(1706702400) * kNsPerSecond;
        QTest::newRow("space, no zone") << QStringLiteral("2024-01-31 12:00:00") << noon;
        QTest::newRow("offset") << QStringLiteral("2024-01-31T13:00:00+01:00") << noon;
        QTest::newRow("nanoseconds")
            << QStringLiteral("2024-01-31T12:00:00.000000007Z") << noon + 7;
        QTest::newRow("date only")
            << QStringLiteral("2024-01-31") << noon - 12 * 3600 * kNsPerSecond;
    }
    void isoVariants()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        QCOMPARE(parseIsoUtc(text), std::optional<TimeNs>(ns));
    }

    void isoRejectsGarbage()
    {
        QVERIFY(!parseIsoUtc(u"yesterday"));
        QVERIFY(!parseIsoUtc(u"2024-13-01T00:00:00Z"));
        QVERIFY(!parseIsoUtc(u""));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        QTest::newRow("100ms") << QStringLiteral("100ms") << 100 * kNsPerMs;
        QTest::newRow("1s") << QStringLiteral("1s") << kNsPerSecond;
        QTest::newRow("1m") << QStringLiteral("1m") << 60 * kNsPerSecond;
        QTest::newRow("5min") << QStringLiteral("5min") << 300 * kNsPerSecond;
        QTest::newRow("2.5s") << QStringLiteral("2.5s") << 2500 * kNsPerMs;
        QTest::newRow("250us") << QStringLiteral("250us") << 250 * kNsPerUs;
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        QCOMPARE(parseDuration(text), std::optional<TimeNs>(ns));
    }

    void durationsRejectGarbage()
    {
        QVERIFY(!parseDuration(u"fast"));
        QVERIFY(!parseDuration(u"0s"));
        QVERIFY(!parseDuration(u"-1s"));
        QVERIFY(!parseDuration(u"10"));
    }

    void formatDurationIsShortest()
    {
        QCOMPARE(formatDuration(kNsPerSecond), QStringLiteral("1s"));
        QCOMPARE(formatDuration(100 * kNsPerMs), QStringLiteral("100ms"));
        QCOMPARE(formatDuration(60 * kNsPerSecond), QStringLiteral("1m"));
        QCOMPARE(formatDuration(90 * kNsPerSecond), QStringLiteral("90s"));
    }
};

QTEST_GUILESS_MAIN(TestTimeUtil)
#include "tst_timeutil.moc"
