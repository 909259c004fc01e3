#include "portablerandom.h"

#include <cmath>

namespace tideline {

quint64 PortableRandom::below(quint64 n)
{
    // Reject the low values that make 2^64 not a multiple of n.
    const quint64 threshold = (0 - n) % n;
    for (;;) {
        const quint64 r = m_engine();
        if (r >= threshold)
            return r % n;
    }
}

double PortableRandom::exponential(double mean)
{
    return -mean * std::log1p(-uniform());
}

double PortableRandom::normal(double mean, double deviation)
{
    // Marsaglia's polar method: no trigonometry, one spare value kept for the next call.
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + deviation * m_spareNormal;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpare = true;
    return mean + deviation * u * factor;
}

double PortableRandom::logNormal(double median, double sigma)
{
    return median * std::exp(normal(0.0, sigma));
}

quint64 PortableRandom::poisson(double mean)
{
    if (mean <= 0.0)
        return 0;
    if (mean < 30.0) {
        // Knuth: count uniforms until their product drops below e^-mean.
        const double limit = std::exp(-mean);
        quint64 count = 0;
        double product = uniform();
        while (product > limit) {
            ++count;
            product *= uniform();
        }
        return count;
    }
    const double value = std::round(normal(mean, std::sqrt(mean)));
    return value < 0.0 ? 0 : quint64(value);
}

} // namespace tideline
