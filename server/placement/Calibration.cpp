#include "server/placement/Calibration.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace suanli::server::placement {

namespace {
double quantile(const std::vector<double> &sorted, double q)
{
    const auto n = double(sorted.size());
    const auto rank = size_t(std::clamp(std::ceil(q * n) - 1.0, 0.0, n - 1.0));
    return sorted[rank];
}
} // namespace

Calibration::Ratios Calibration::ratios(std::vector<double> values)
{
    Ratios r;
    r.count = values.size();
    if (values.empty())
        return r;
    std::sort(values.begin(), values.end());
    r.low = quantile(values, 0.05);
    r.mid = quantile(values, 0.50);
    r.high = quantile(values, 0.95);
    return r;
}

int Calibration::bin(int64_t forecastWaitS)
{
    return forecastWaitS < 600 ? 0 : forecastWaitS < 3600 ? 1 : forecastWaitS < 4 * 3600 ? 2 : 3;
}

Calibration::Calibration(const std::vector<Sample> &samples)
{
    std::map<std::string, std::array<std::vector<double>, kBins + 1>> byQueue;
    std::array<std::vector<double>, kBins + 1> all;
    for (const Sample &s : samples) {
        const double ratio = double(std::max<int64_t>(0, s.actualWaitS) + kSlackSeconds)
            / double(std::max<int64_t>(0, s.forecastWaitS) + kSlackSeconds);
        const auto b = size_t(bin(s.forecastWaitS));
        auto &queue = byQueue[s.queue];
        queue[b].push_back(ratio);
        queue[kBins].push_back(ratio);
        all[b].push_back(ratio);
        all[kBins].push_back(ratio);
    }
    for (auto &[name, values] : byQueue) {
        std::array<Ratios, kBins + 1> r;
        for (size_t b = 0; b <= kBins; ++b)
            if (values[b].size() >= kMinSamples)
                r[b] = ratios(std::move(values[b]));
        m_queues.push_back({ name, r });
    }
    for (size_t b = 0; b <= kBins; ++b)
        if (all[b].size() >= kMinSamples)
            m_all[b] = ratios(std::move(all[b]));
}

const Calibration::Ratios &Calibration::of(const std::string &queue, int64_t forecastWaitS) const
{
    const auto b = size_t(bin(forecastWaitS));
    const std::array<Ratios, kBins + 1> *own = nullptr;
    for (const auto &[name, r] : m_queues)
        if (name == queue)
            own = &r;
    if (own && (*own)[b].count)
        return (*own)[b];
    if (m_all[b].count)
        return m_all[b];
    if (own && (*own)[kBins].count)
        return (*own)[kBins];
    return m_all[kBins];
}

size_t Calibration::samples(const std::string &queue, int64_t forecastWaitS) const
{
    return of(queue, forecastWaitS).count;
}

void Calibration::apply(const std::string &queue, int64_t *p10, int64_t *p50, int64_t *p90) const
{
    const Ratios &r = of(queue, *p50);
    if (r.count == 0)
        return;
    const double base = double(*p50 + kSlackSeconds);
    auto stretched = [&](double ratio) {
        return std::max<int64_t>(0, std::llround(ratio * base) - kSlackSeconds);
    };
    const int64_t low = std::min(*p10, stretched(r.low));
    const int64_t high = std::max(*p90, stretched(r.high));
    *p50 = std::clamp(stretched(r.mid), low, high);
    *p10 = low;
    *p90 = high;
}

} // namespace suanli::server::placement
