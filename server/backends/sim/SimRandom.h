#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace suanli::server {

// SimRandom draws the simulator's random numbers from one seeded stream, so a
// seed replays exactly; the distributions are written out here rather than
// taken from <random>, whose algorithms differ between standard libraries.
class SimRandom {
public:
    explicit SimRandom(uint64_t seed);

    uint64_t next() { return m_engine(); }
    // Uniform in [0, 1).
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi].
    int64_t uniformInt(int64_t lo, int64_t hi);
    bool chance(double p) { return uniform() < p; }
    double normal();
    // Lognormal with the given median and log-space standard deviation.
    double lognormal(double median, double sigma);
    double exponential(double mean);
    int64_t poisson(double mean);
    // Index drawn with probability proportional to weights[i]; n when all are zero.
    size_t pick(const double *weights, size_t n);
    template <class Container> size_t pick(const Container &weights)
    {
        return pick(weights.data(), weights.size());
    }

    // Stateless noise: the same inputs always give the same value, and no
    // draw is taken from the stream (telemetry jitter, names).
    static uint64_t hash(uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0);
    static double hashUniform(uint64_t a, uint64_t b = 0, uint64_t c = 0, uint64_t d = 0);

private:
    std::mt19937_64 m_engine;
};

} // namespace suanli::server
