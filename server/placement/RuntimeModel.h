#pragma once

#include "server/placement/ForecastInput.h"

#include <array>
#include <cstdint>
#include <vector>

namespace suanli::server::placement {

// RuntimeModel is the observed distribution of (time run / time limit) of finished jobs, per
// queue and size class, falling back to the queue's and then to every queue's: how much of
// its time limit a job of that kind really uses. With no history at all a job is expected to
// use its whole limit, as a scheduler assumes.
class RuntimeModel {
public:
    // Buckets with fewer samples than this borrow the wider bucket's distribution.
    static constexpr size_t kMinSamples = 20;

    explicit RuntimeModel(const ForecastInput &input);

    // The q-quantile (0..1) of the share of its limit a job of this queue and size runs.
    double quantile(uint16_t queue, int32_t accelerators, double q) const;
    // The same for a job that has already run `usedShare` of its limit: the quantile of the
    // share among finished jobs that ran at least that long; the limit when none did.
    double conditionalQuantile(
        uint16_t queue, int32_t accelerators, double usedShare, double q) const;
    // Samples behind the distribution a job of this queue and size uses.
    size_t samples(uint16_t queue, int32_t accelerators) const;

    // 1, 2-8, 9-64, over 64 accelerators.
    static int sizeClass(int32_t accelerators);

private:
    const std::vector<float> &bucket(uint16_t queue, int32_t accelerators) const;

    std::vector<std::array<std::vector<float>, 4>> m_byQueueSize; // sorted shares
    std::vector<std::vector<float>> m_byQueue;
    std::vector<float> m_all;
};

} // namespace suanli::server::placement
