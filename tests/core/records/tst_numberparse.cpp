#include "common/portablerandom.h"
#include "records/numberparse.h"

#include <QTest>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

using namespace tideline;

class TestNumberParse : public QObject
{
    Q_OBJECT

private slots:
    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<double>("value");
        QTest::newRow("integer") << QByteArray("254") << 254.0;
        QTest::newRow("negative") << QByteArray("-21.0483826823") << -21.0483826823;
        QTest::newRow("small fraction") << QByteArray("0.000011") << 0.000011;
        QTest::newRow("leading point") << QByteArray(".5") << 0.5;
        QTest::newRow("plus and spaces") << QByteArray("  +7 ") << 7.0;
        QTest::newRow("exponent") << QByteArray("6.40000000000085e-05") << 6.40000000000085e-05;
        QTest::newRow("17 digits (slow path)")
            << QByteArray("0.71428573131561279") << 0.71428573131561279;
        QTest::newRow("epoch ms") << QByteArray("1499255057431") << 1499255057431.0;
        QTest::newRow("huge") << QByteArray("1e999") << std::numeric_limits<double>::infinity();
        QTest::newRow("tiny") << QByteArray("1e-999") << 0.0;
        QTest::newRow("Infinity") << QByteArray("Infinity")
                                  << std::numeric_limits<double>::infinity();
    }
    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(double, value);
        const std::optional<double> parsed =
            parseNumber(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, value);
    }

    void fastPathRoundsLikeFromChars()
    {
        // The fast path must give the correctly rounded double, the same as the slow one.
        for (const char *text :
             {"0.1", "0.3", "90909.0902", "180363632", "1.7976931348623", "123456789012345",
              "0.0000000000000000000001", "-0.0", "9007199254740992", "9007199254740993",
              "0.9007199254740993", "7.008502339449956", "1234567890123456789",
              "12345678901234567890"}) {
            double slow = 0.0;
            const std::string_view view(text);
            std::from_chars(view.data(), view.data() + view.size(), slow);
            QCOMPARE(*parseNumber(view), slow);
        }
    }

    // Every double written in its shortest form (up to 17 digits, most of them 16 or fewer)
    // reads back bit for bit, through the fast path or the slow one.
    void shortestFormsReadBack()
    {
        PortableRandom rng(17);
        for (int i = 0; i < 100000; ++i) {
            const double value = rng.uniform() * std::exp2(double(i % 64) - 32.0);
            std::array<char, 32> text{};
            const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
            QCOMPARE(*parseNumber(std::string_view(text.data(), std::size_t(end - text.data()))),
                     value);
        }
    }

    void notNumbers()
    {
        for (const char *text : {"", " ", "tcp", "1.2.3", "12a", "--1", "0x1F", "1,5", "+"})
            QVERIFY2(!parseNumber(text), text);
    }

    void nanIsANumber() { QVERIFY(std::isnan(*parseNumber("NaN"))); }

    void decimalComma()
    {
        QCOMPARE(parseNumber("3,5", true), std::optional<double>(3.5));
        QVERIFY(!parseNumber("3,5", false));
        QVERIFY(!parseNumber("1,000,000", true));
        QVERIFY(!parseNumber("1.000,5", true));
    }

    void missingValues()
    {
        for (const char *text :
             {"", "  ", "NA", "n/a", "N/A", "null", "NULL", "None", "#N/A", "-", "?"})
            QVERIFY2(isMissingValue(text), text);
        for (const char *text : {"0", "nan2", "none!", "n/a(capinfos failed)", "x"})
            QVERIFY2(!isMissingValue(text), text);
    }
};

QTEST_GUILESS_MAIN(TestNumberParse)
#include "tst_numberparse.moc"
