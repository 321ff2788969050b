#include "server/placement/RuntimeModel.h"

#include <algorithm>
#include <cmath>

namespace suanli::server::placement {

namespace {
double at(const std::vector<float> &sorted, size_t first, double q)
{
    // Nearest-rank quantile of sorted[first..]: deterministic and always a seen value.
    const size_t n = sorted.size() - first;
    const auto rank = size_t(std::clamp(std::ceil(q * double(n)) - 1.0, 0.0, double(n - 1)));
    return double(sorted[first + rank]);
}
} // namespace

RuntimeModel::RuntimeModel(const ForecastInput &input)
    : m_byQueueSize(input.queues.size())
    , m_byQueue(input.queues.size())
{
    for (const auto &f : input.finished) {
        if (!f.started || f.limitS <= 0 || f.queue >= input.queues.size())
            continue;
        const auto share = float(std::clamp(double(f.ranS) / double(f.limitS), 0.0, 1.0));
        m_byQueueSize[f.queue][size_t(sizeClass(f.accelerators))].push_back(share);
        m_byQueue[f.queue].push_back(share);
        m_all.push_back(share);
    }
    for (auto &sizes : m_byQueueSize)
        for (auto &v : sizes)
            std::sort(v.begin(), v.end());
    for (auto &v : m_byQueue)
        std::sort(v.begin(), v.end());
    std::sort(m_all.begin(), m_all.end());
}

int RuntimeModel::sizeClass(int32_t accelerators)
{
    return accelerators <= 1 ? 0 : accelerators <= 8 ? 1 : accelerators <= 64 ? 2 : 3;
}

const std::vector<float> &RuntimeModel::bucket(uint16_t queue, int32_t accelerators) const
{
    if (queue < m_byQueue.size()) {
        const auto &exact = m_byQueueSize[queue][size_t(sizeClass(accelerators))];
        if (exact.size() >= kMinSamples)
            return exact;
        if (m_byQueue[queue].size() >= kMinSamples)
            return m_byQueue[queue];
    }
    return m_all;
}

size_t RuntimeModel::samples(uint16_t queue, int32_t accelerators) const
{
    return bucket(queue, accelerators).size();
}

double RuntimeModel::quantile(uint16_t queue, int32_t accelerators, double q) const
{
    const auto &v = bucket(queue, accelerators);
    return v.empty() ? 1.0 : at(v, 0, q);
}

double RuntimeModel::conditionalQuantile(
    uint16_t queue, int32_t accelerators, double usedShare, double q) const
{
    const auto &v = bucket(queue, accelerators);
    const auto first = size_t(std::upper_bound(v.begin(), v.end(), float(usedShare)) - v.begin());
    if (first >= v.size())
        return 1.0;
    return std::max(usedShare, at(v, first, q));
}

} // namespace suanli::server::placement
