#include "threshold/paretotail.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace tideline;

namespace {

// Uniform in (0, 1) from the top 53 bits: the same numbers on every standard library.
double uniform(std::mt19937_64 &random)
{
    return (double(random() >> 11) + 0.5) * 0x1.0p-53;
}

// n excesses drawn from a generalised Pareto distribution by inverting its survival.
std::vector<double> sample(double shape, double scale, int n, quint64 seed)
{
    const ParetoTail truth{shape, scale};
    std::mt19937_64 random(seed);
    std::vector<double> excesses;
    for (int i = 0; i < n; ++i)
        excesses.push_back(truth.quantile(uniform(random)));
    return excesses;
}

} // namespace

class TestParetoTail : public QObject
{
    Q_OBJECT

private slots:
    void recoversKnownParameters_data()
    {
        QTest::addColumn<double>("shape");
        QTest::addColumn<double>("scale");
        QTest::newRow("heavy") << 0.3 << 1.5;
        QTest::newRow("exponential") << 0.0 << 2.0;
        QTest::newRow("bounded") << -0.25 << 4.0;
        QTest::newRow("tiny scale") << 0.1 << 1e-6;
        QTest::newRow("huge scale") << 0.2 << 1e9;
    }
    void recoversKnownParameters()
    {
        QFETCH(double, shape);
        QFETCH(double, scale);
        const std::vector<double> excesses = sample(shape, scale, 20000, 7);
        const ParetoTail fitted = ParetoTail::fit(excesses);
        QVERIFY(fitted.fitted());
        // The maximum-likelihood estimate's standard error at n = 20,000 is about 0.01 for γ
        // and 1 % for σ: allow four of them.
        QVERIFY2(std::abs(fitted.shape - shape) < 0.04,
                 qPrintable(QStringLiteral("shape %1 vs %2").arg(fitted.shape).arg(shape)));
        QVERIFY2(std::abs(fitted.scale / scale - 1.0) < 0.05,
                 qPrintable(QStringLiteral("scale %1 vs %2").arg(fitted.scale).arg(scale)));
        // It is the maximum: nudging either parameter lowers the likelihood.
        const double best = fitted.logLikelihood(excesses);
        for (const ParetoTail &other : {ParetoTail{fitted.shape + 0.01, fitted.scale},
                                        ParetoTail{fitted.shape - 0.01, fitted.scale},
                                        ParetoTail{fitted.shape, fitted.scale * 1.01},
                                        ParetoTail{fitted.shape, fitted.scale * 0.99}})
            QVERIFY(other.logLikelihood(excesses) < best);
    }

    void fewExcessesCannotMakeTheTailExplode()
    {
        // A dozen excesses from a very heavy tail (γ = 1.5) would fit γ > 1 and send a rare
        // risk's threshold past 10^6 times the data; the penalty keeps γ below 1.
        for (quint64 seed = 1; seed <= 20; ++seed) {
            const ParetoTail fitted = ParetoTail::fit(sample(1.5, 1.0, 12, seed));
            QVERIFY2(fitted.shape < 1.0, qPrintable(QString::number(fitted.shape)));
            QVERIFY(std::isfinite(fitted.quantile(1e-6)));
        }
    }

    void quantileInvertsSurvival()
    {
        for (const ParetoTail tail :
             {ParetoTail{0.3, 2.0}, ParetoTail{0.0, 2.0}, ParetoTail{-0.4, 2.0}}) {
            for (double r : {0.9, 0.5, 1e-3, 1e-9}) {
                const double y = tail.quantile(r);
                QVERIFY(y >= 0.0);
                QVERIFY(y <= tail.endpoint());
                QCOMPARE(tail.logSurvival(y), std::log(r));
            }
        }
        QCOMPARE(ParetoTail({-0.5, 2.0}).endpoint(), 4.0);
        QVERIFY(std::isinf(ParetoTail({-0.5, 2.0}).logSurvival(5.0)));
    }

    void aKnownEndHoldsTheTailWithinIt()
    {
        // Heavy excesses (γ = 0.3) from scores that cannot pass an excess of 40: the free fit
        // reaches past it, the bounded one ends exactly there and still follows the data.
        const std::vector<double> excesses = sample(0.3, 1.5, 2000, 11);
        const ParetoTail free = ParetoTail::fit(excesses);
        const double bound = 40.0;
        QVERIFY(free.quantile(1e-6) > bound);
        const ParetoTail bounded = ParetoTail::fit(excesses, bound);
        QVERIFY(bounded.shape < 0.0);
        QVERIFY(std::abs(bounded.endpoint() - bound) < 1e-9 * bound);
        QVERIFY(bounded.quantile(1e-12) < bound);
        // Its one free parameter is the best one with that end: a neighbour fits worse.
        const double best = bounded.logLikelihood(excesses);
        for (const double shape : {bounded.shape * 1.01, bounded.shape * 0.99})
            QVERIFY(ParetoTail({shape, -shape * bound}).logLikelihood(excesses) < best);
        // It still has the sample's size: its median within 40 % of the sample's (the nearer
        // end pulls the body up).
        std::vector<double> sorted = excesses;
        std::nth_element(sorted.begin(), sorted.begin() + 1000, sorted.end());
        QVERIFY(std::abs(bounded.quantile(0.5) / sorted[1000] - 1.0) < 0.4);

        // A fit that already ends within the bound, or excesses that reach it, are left alone.
        const std::vector<double> light = sample(-0.25, 4.0, 2000, 5);
        QCOMPARE(ParetoTail::fit(light, 100.0).shape, ParetoTail::fit(light).shape);
        std::vector<double> reaching = excesses;
        reaching.push_back(bound);
        QCOMPARE(ParetoTail::fit(reaching, bound).shape, ParetoTail::fit(reaching).shape);
    }

    void fewOrDegenerateExcesses()
    {
        QVERIFY(!ParetoTail::fit({}).fitted());
        QVERIFY(!ParetoTail::fit({0.0, 0.0, 0.0}).fitted());
        QVERIFY(!ParetoTail::fit({std::nan(""), -1.0}).fitted());
        // Too few for two parameters: an exponential tail with their mean.
        const ParetoTail few = ParetoTail::fit({1.0, 2.0, 6.0});
        QCOMPARE(few.shape, 0.0);
        QCOMPARE(few.scale, 3.0);
        // Identical excesses have no shape to find but still a finite, positive fit.
        const ParetoTail same = ParetoTail::fit(std::vector<double>(50, 2.0));
        QVERIFY(same.fitted());
        QVERIFY(std::isfinite(same.shape) && same.shape >= -0.5);
        // One enormous excess among ordinary ones stays finite.
        std::vector<double> spiky = sample(0.1, 1.0, 200, 3);
        spiky.push_back(1e300);
        const ParetoTail wild = ParetoTail::fit(spiky);
        QVERIFY(wild.fitted() && std::isfinite(wild.shape) && std::isfinite(wild.scale));
    }
};

QTEST_GUILESS_MAIN(TestParetoTail)
#include "tst_paretotail.moc"
