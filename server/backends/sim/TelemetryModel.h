#pragma once

#include "server/backends/facts/AcceleratorSpec.h"
#include "server/backends/sim/JobTable.h"
#include "server/backends/sim/SimNode.h"

#include <cstdint>

namespace suanli::server {

// TelemetryModel computes what a node's cards would report (utilisation,
// power, memory, temperature) from what runs on them: busy cards near 97%
// and near their TDP, idle ones at 0% and about 60 W (docs/FACTS.md section 5).
class TelemetryModel {
public:
    // Recomputes the cards and the node figures; `period` (the simulated
    // 10-second interval) and the seed drive the jitter, so it replays.
    static void refresh(SimNode &node, uint32_t index, const AcceleratorSpec &spec,
        const JobTable &jobs, uint64_t seed, int64_t period);
    // Temperature of a card throttling after a thermal fault.
    static float throttleTemperature(uint32_t generation) { return 86.0f + float(generation % 7); }
};

} // namespace suanli::server
