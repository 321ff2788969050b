#pragma once

#include "suanli/v1/common.pb.h"

#include <cstdint>
#include <vector>

namespace suanli::server {

// AcceleratorSpec holds the published figures of one accelerator model and of
// the 8-card server it ships in (docs/FACTS.md section 1), for the simulator and
// for anyone who needs peak FLOPS or power of a model.
struct AcceleratorSpec {
    ::suanli::v1::AcceleratorModel model = ::suanli::v1::ACCELERATOR_MODEL_UNSPECIFIED;
    const char *name = ""; // as the scheduler names it: "H100", "910B"
    const char *queue = ""; // partition of this model: "h100", "910b"
    const char *device = ""; // what operators call one card: "GPU", "NPU", "MLU", "DCU"
    const char *collective = ""; // collective-communication library: "NCCL", "HCCL"
    int64_t memoryBytes = 0;
    double tdpWatts = 0;
    double idleWatts = 60; // Acme: idle GPUs draw about 60 W
    // Peak dense FP16; 0 where no source confirms a figure (Hygon K100_AI).
    double fp16Tflops = 0;
    int acceleratorsPerNode = 8;
    // Servers per rack, by power density (a 10 kW HGX H100 fills a rack at 4).
    int nodesPerRack = 4;
    int cpusPerNode = 192;
    int64_t nodeMemoryBytes = 0;
    // Host (CPUs, NICs, fans) at idle and at full load.
    double hostIdleWatts = 800;
    double hostBusyWatts = 1200;

    // The spec of a model; the H100 entry for a model not in the table.
    static const AcceleratorSpec &of(::suanli::v1::AcceleratorModel model);
    static const std::vector<AcceleratorSpec> &all();
};

} // namespace suanli::server
