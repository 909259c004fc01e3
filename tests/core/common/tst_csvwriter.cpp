#include "common/csvwriter.h"
#include "common/portablerandom.h"

#include <QTemporaryDir>
#include <QTest>
#include <bit>
#include <cmath>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace tideline;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void aPipeIsWrittenInPlaceNotReplaced()
    {
        // As root, an atomic save onto /dev/null replaced the device with a file; a FIFO shows
        // the same without touching the machine.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray fifo = dir.filePath(QStringLiteral("pipe")).toLocal8Bit();
        QCOMPARE(mkfifo(fifo.constData(), 0600), 0);
        const int reader = open(fifo.constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        {
            CsvWriter writer(QString::fromLocal8Bit(fifo));
            QVERIFY2(writer.isOpen(), qPrintable(writer.error()));
            writer.writeRow({QStringLiteral("a"), QStringLiteral("b")});
            QCOMPARE(writer.commit(), std::nullopt);
        }
        struct stat status = {};
        QCOMPARE(stat(fifo.constData(), &status), 0);
        QVERIFY(S_ISFIFO(status.st_mode));
        char buffer[16] = {};
        QCOMPARE(read(reader, buffer, sizeof buffer), ssize_t(5));
        QCOMPARE(QByteArray(buffer), QByteArray("a,b\r\n"));
        close(reader);
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
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
