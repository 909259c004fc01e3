#include "common/csv.h"
#include "common/csvwriter.h"
#include "common/portablerandom.h"

#include <QBuffer>
#include <QTest>
#include <bit>
#include <cmath>
#include <limits>

using namespace tideline;

namespace {

QStringList list(std::initializer_list<const char *> fields)
{
    QStringList out;
    for (const char *field : fields)
        out << QString::fromUtf8(field);
    return out;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::newRow("plain") << QByteArray("a,b\r\n1,2\n")
                               << QList<QStringList>{list({"a", "b"}), list({"1", "2"})}
                               << QList<qint64>{1, 2};
        QTest::newRow("quotes") << QByteArray("\"x, y\",\"say \"\"hi\"\"\",\n")
                                << QList<QStringList>{list({"x, y", "say \"hi\"", ""})}
                                << QList<qint64>{1};
        QTest::newRow("line break in quotes")
            << QByteArray("\"one\r\ntwo\",3\nnext,4")
            << QList<QStringList>{list({"one\r\ntwo", "3"}), list({"next", "4"})}
            << QList<qint64>{1, 3};
        QTest::newRow("byte-order mark")
            << QByteArray("\xEF\xBB\xBFtime,v\n") << QList<QStringList>{list({"time", "v"})}
            << QList<qint64>{1};
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9\n")
                               << QList<QStringList>{list({"caf\xC3\xA9"})} << QList<qint64>{1};
    }
    void reads()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, records);
        QFETCH(QList<qint64>, lines);
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer);
        QList<QStringList> got;
        QList<qint64> gotLines;
        QStringList fields;
        while (reader.next(fields)) {
            got << fields;
            gotLines << reader.line();
        }
        QVERIFY(reader.error().isEmpty());
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
    }

    void unclosedQuoteIsAnError()
    {
        QByteArray input("a\n\"open,2\nmore\n");
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer);
        QStringList fields;
        QVERIFY(reader.next(fields));
        QVERIFY(!reader.next(fields));
        QVERIFY(reader.error().contains(QStringLiteral("line 2")));
    }

    void quotesWhenNeeded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "a\"b"
                               << "\"a\"\"b\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("edge space") << " a"
                                    << "\" a\"";
        QTest::newRow("empty") << ""
                               << "";
    }
    void quotesWhenNeeded()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(csvField(text), field);
    }

    void numbersAreShortestRoundTrip_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("0.17") << 0.17 << QStringLiteral("0.17");
        QTest::newRow("0.03") << 0.03 << QStringLiteral("0.03");
        QTest::newRow("0.1+0.2") << 0.1 + 0.2 << QStringLiteral("0.30000000000000004");
        QTest::newRow("1/3") << 1.0 / 3.0 << QStringLiteral("0.3333333333333333");
        QTest::newRow("count") << 1000000.0 << QStringLiteral("1000000");
        QTest::newRow("negative count") << -42.0 << QStringLiteral("-42");
        QTest::newRow("huge") << 1e300 << QStringLiteral("1e+300");
        QTest::newRow("tiny") << 1.5e-300 << QStringLiteral("1.5e-300");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
        QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QStringLiteral("inf");
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QStringLiteral("-inf");
        QTest::newRow("nan") << -std::numeric_limits<double>::quiet_NaN() << QStringLiteral("nan");
    }

    void numbersAreShortestRoundTrip()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(CsvWriter::number(value), text);
    }

    // Any double comes back bit for bit, with no more digits than it needs: one digit less
    // would read back as another double.
    void randomNumbersReadBackExactly()
    {
        PortableRandom rng(13);
        for (int i = 0; i < 20000; ++i) {
            // Every bit pattern half the time, the scores and rates a CSV holds the other half.
            const double value = i % 2 == 0 ? std::bit_cast<double>(rng.next())
                                            : rng.uniform() * std::exp2(double(i % 40) - 20.0);
            if (!std::isfinite(value))
                continue;
            const QString text = CsvWriter::number(value);
            bool ok = false;
            QCOMPARE(text.toDouble(&ok), value);
            QVERIFY(ok);
            // Whole numbers are written in full, whatever their length: "1e+17" is no shorter
            // than "100000000000000000" to a reader.
            if (value == std::trunc(value))
                continue;
            // Significant digits: no sign, point, exponent, leading or trailing zeros.
            QString mantissa = text.left(text.indexOf(u'e'));
            mantissa.remove(u'-').remove(u'.');
            while (mantissa.startsWith(u'0'))
                mantissa.remove(0, 1);
            while (mantissa.endsWith(u'0'))
                mantissa.chop(1);
            const int digits = int(mantissa.size());
            QVERIFY2(digits <= 17, qPrintable(text));
            if (digits > 1)
                QVERIFY2(QString::number(value, 'g', digits - 1).toDouble() != value,
                         qPrintable(text));
        }
    }

    void findsColumnsLoosely()
    {
        const QStringList header{QStringLiteral(" Flow Duration"), QStringLiteral(" Label ")};
        QCOMPARE(csvColumn(header, u"label"), 1);
        QCOMPARE(csvColumn(header, u"flow duration"), 0);
        QCOMPARE(csvColumn(header, u"x"), -1);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
