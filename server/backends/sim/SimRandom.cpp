#include "server/backends/sim/SimRandom.h"

#include <cmath>

namespace suanli::server {

namespace {
uint64_t splitmix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
constexpr double kTwoPi = 6.283185307179586;
} // namespace

SimRandom::SimRandom(uint64_t seed)
    : m_engine(splitmix(seed))
{
}

double SimRandom::uniform()
{
    return double(m_engine() >> 11) * 0x1.0p-53;
}

int64_t SimRandom::uniformInt(int64_t lo, int64_t hi)
{
    if (hi <= lo)
        return lo;
    const uint64_t span = uint64_t(hi - lo) + 1;
    return lo + int64_t(m_engine() % span);
}

double SimRandom::normal()
{
    // Box-Muller without a cached second value: two draws per call, always.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

double SimRandom::lognormal(double median, double sigma)
{
    return median * std::exp(sigma * normal());
}

double SimRandom::exponential(double mean)
{
    return -mean * std::log(1.0 - uniform());
}

int64_t SimRandom::poisson(double mean)
{
    if (mean <= 0)
        return 0;
    if (mean < 30) {
        const double limit = std::exp(-mean);
        int64_t k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }
    const double x = std::round(mean + std::sqrt(mean) * normal());
    return x < 0 ? 0 : int64_t(x);
}

size_t SimRandom::pick(const double *weights, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; ++i)
        total += weights[i] > 0 ? weights[i] : 0;
    if (total <= 0)
        return n;
    double x = uniform() * total;
    for (size_t i = 0; i < n; ++i) {
        if (weights[i] <= 0)
            continue;
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    for (size_t i = n; i-- > 0;)
        if (weights[i] > 0)
            return i;
    return n;
}

uint64_t SimRandom::hash(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    uint64_t h = splitmix(a);
    h = splitmix(h ^ b);
    h = splitmix(h ^ c);
    return splitmix(h ^ d);
}

double SimRandom::hashUniform(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return double(hash(a, b, c, d) >> 11) * 0x1.0p-53;
}

} // namespace suanli::server
