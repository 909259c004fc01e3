#include "threshold/trainingrange.h"

#include <QTest>

using namespace tideline;

class TestTrainingRange : public QObject
{
    Q_OBJECT

private slots:
    void rows_data()
    {
        QTest::addColumn<TrainingRange>("range");
        QTest::addColumn<std::vector<bool>>("expected");
        QTest::newRow("all") << TrainingRange::all() << std::vector<bool>(5, true);
        QTest::newRow("first 40%") << TrainingRange::firstFraction(0.4)
                                   << std::vector<bool>{true, true, false, false, false};
        QTest::newRow("first 1% is still a row")
            << TrainingRange::firstFraction(0.01)
            << std::vector<bool>{true, false, false, false, false};
        QTest::newRow("[20, 40)") << TrainingRange::between(20, 40)
                                  << std::vector<bool>{false, false, true, true, false};
    }
    void rows()
    {
        QFETCH(TrainingRange, range);
        QFETCH(std::vector<bool>, expected);
        QCOMPARE(range.rows({0, 10, 20, 30, 40}), expected);
    }

    void parsesRanges()
    {
        QString error;
        const std::optional<TrainingRange> range =
            parseTrainingRange(u"2024-01-01T00:00:00Z,2024-01-01T01:00:00.500Z", &error);
        QVERIFY(range);
        QCOMPARE(range->kind, TrainingRange::Kind::Time);
        QCOMPARE(range->start, *parseIsoUtc(u"2024-01-01T00:00:00Z"));
        QCOMPARE(range->end - range->start, 3600 * kNsPerSecond + 500 * kNsPerMs);
        QCOMPARE(parseTrainingRange(u"10,20", &error)->end, TimeNs(20));
        for (const char16_t *bad : {u"", u"2024-01-01", u"5,3", u"a,b"}) {
            QVERIFY(!parseTrainingRange(bad, &error));
            QVERIFY(error.contains(QStringLiteral("START,END")));
        }
    }

    void parsesFractions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("fraction"); // 0: rejected
        QTest::newRow("0.7") << "0.7" << 0.7;
        QTest::newRow("70%") << "70%" << 0.7;
        QTest::newRow("1") << "1" << 1.0;
        QTest::newRow("0") << "0" << 0.0;
        QTest::newRow("1.5") << "1.5" << 0.0;
        QTest::newRow("abc") << "abc" << 0.0;
    }
    void parsesFractions()
    {
        QFETCH(QString, text);
        QFETCH(double, fraction);
        QString error;
        const std::optional<TrainingRange> range = parseTrainingFraction(text, &error);
        QCOMPARE(bool(range), fraction > 0);
        if (range)
            QCOMPARE(range->fraction, fraction);
        else
            QVERIFY(!error.isEmpty());
    }

    void describes()
    {
        QCOMPARE(TrainingRange::all().describe(), QStringLiteral("all rows"));
        QCOMPARE(TrainingRange::firstFraction(0.7).describe(),
                 QStringLiteral("the first 70% of rows"));
    }
};

QTEST_GUILESS_MAIN(TestTrainingRange)
#include "tst_trainingrange.moc"
