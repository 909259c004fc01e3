#include "common/portablerandom.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace tideline;

class TestPortableRandom : public QObject
{
    Q_OBJECT

private slots:
    void followsTheStandardEngine()
    {
        // The raw sequence is std::mt19937_64's, which the standard fixes bit for bit.
        PortableRandom random(99);
        std::mt19937_64 engine(99);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(random.next(), engine());
    }

    void sameSeedSameDraws()
    {
        PortableRandom a(5), b(5);
        for (int i = 0; i < 1000; ++i) {
            QCOMPARE(a.normal(0, 1), b.normal(0, 1));
            QCOMPARE(a.poisson(3.5), b.poisson(3.5));
            QCOMPARE(a.below(7), b.below(7));
        }
    }

    void rangesHold()
    {
        PortableRandom random(1);
        for (int i = 0; i < 100000; ++i) {
            const double u = random.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
            QVERIFY(random.below(3) < 3);
            const qint64 v = random.between(-2, 2);
            QVERIFY(v >= -2 && v <= 2);
            QVERIFY(random.exponential(1.0) >= 0.0);
        }
    }

    void moments_data()
    {
        QTest::addColumn<QString>("distribution");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("variance");
        QTest::newRow("uniform") << QStringLiteral("uniform") << 0.5 << 1.0 / 12.0;
        QTest::newRow("below(10)") << QStringLiteral("below") << 4.5 << 8.25;
        QTest::newRow("exponential(2)") << QStringLiteral("exponential") << 2.0 << 4.0;
        QTest::newRow("normal(3, 2)") << QStringLiteral("normal") << 3.0 << 4.0;
        QTest::newRow("poisson(4)") << QStringLiteral("poisson small") << 4.0 << 4.0;
        QTest::newRow("poisson(200)") << QStringLiteral("poisson large") << 200.0 << 200.0;
    }
    void moments()
    {
        QFETCH(QString, distribution);
        QFETCH(double, mean);
        QFETCH(double, variance);
        PortableRandom random(17);
        constexpr int n = 200000;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; ++i) {
            double x = 0;
            if (distribution == u"uniform")
                x = random.uniform();
            else if (distribution == u"below")
                x = double(random.below(10));
            else if (distribution == u"exponential")
                x = random.exponential(2.0);
            else if (distribution == u"normal")
                x = random.normal(3.0, 2.0);
            else if (distribution == u"poisson small")
                x = double(random.poisson(4.0));
            else
                x = double(random.poisson(200.0));
            sum += x;
            squares += x * x;
        }
        const double m = sum / n;
        const double v = squares / n - m * m;
        QVERIFY2(std::abs(m - mean) < 0.02 * std::max(1.0, mean), qPrintable(QString::number(m)));
        QVERIFY2(std::abs(v - variance) < 0.05 * variance, qPrintable(QString::number(v)));
    }
};

QTEST_GUILESS_MAIN(TestPortableRandom)
#include "tst_portablerandom.moc"
