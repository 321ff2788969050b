#include "server/backends/facts/AcceleratorSpec.h"

namespace suanli::server {

namespace {
constexpr int64_t kGiB = int64_t(1) << 30;

std::vector<AcceleratorSpec> makeSpecs()
{
    using namespace ::suanli::v1;
    std::vector<AcceleratorSpec> specs;
    auto add = [&](AcceleratorModel model, const char *name, const char *queue, const char *device,
                   const char *collective, int64_t memGiB, double tdp, double tflops, int perRack,
                   int cpus, int64_t hostMemGiB, double hostIdle, double hostBusy) {
        AcceleratorSpec s;
        s.model = model;
        s.name = name;
        s.queue = queue;
        s.device = device;
        s.collective = collective;
        s.memoryBytes = memGiB * kGiB;
        s.tdpWatts = tdp;
        s.fp16Tflops = tflops;
        s.nodesPerRack = perRack;
        s.cpusPerNode = cpus;
        s.nodeMemoryBytes = hostMemGiB * kGiB;
        s.hostIdleWatts = hostIdle;
        s.hostBusyWatts = hostBusy;
        specs.push_back(s);
    };
    // HGX servers: 2 x 56-core Xeon (224 threads), 2 TiB.
    add(ACCELERATOR_MODEL_NVIDIA_H100, "H100", "h100", "GPU", "NCCL", 80, 700, 989, 4, 224, 2048,
        900, 1300);
    // H800: the H100 die with NVLink cut to 400 GB/s; power and FLOPS as H100 (unconfirmed).
    add(ACCELERATOR_MODEL_NVIDIA_H800, "H800", "h800", "GPU", "NCCL", 80, 700, 989, 4, 224, 2048,
        900, 1300);
    // A100 80 GB SXM: 312 dense (624 with sparsity).
    add(ACCELERATOR_MODEL_NVIDIA_A100, "A100", "a100", "GPU", "NCCL", 80, 400, 312, 6, 256, 2048,
        800, 1200);
    add(ACCELERATOR_MODEL_NVIDIA_A800, "A800", "a800", "GPU", "NCCL", 80, 400, 312, 6, 256, 2048,
        800, 1200);
    // Atlas 800T A2: 4 x Kunpeng 920 (192 cores), 8 x 910B. Memory, power and
    // FLOPS of the 910B conflict between sources; the upper figures are used.
    add(ACCELERATOR_MODEL_ASCEND_910B, "910B", "910b", "NPU", "HCCL", 64, 400, 320, 6, 192, 2048,
        800, 1200);
    // MLU370-X8 servers: 8 cards, 48 GB LPDDR5, 250 W, 96 TFLOPS FP16.
    add(ACCELERATOR_MODEL_CAMBRICON_MLU370, "MLU370", "mlu370", "MLU", "CNCL", 48, 250, 96, 8, 128,
        1024, 600, 900);
    // Hygon K100_AI: 64 GB, 400 W cap; FP16 peak unconfirmed, so not counted.
    add(ACCELERATOR_MODEL_HYGON_K100, "K100", "k100", "DCU", "RCCL", 64, 400, 0, 6, 128, 1024, 700,
        1000);
    return specs;
}
} // namespace

const std::vector<AcceleratorSpec> &AcceleratorSpec::all()
{
    static const std::vector<AcceleratorSpec> specs = makeSpecs();
    return specs;
}

const AcceleratorSpec &AcceleratorSpec::of(::suanli::v1::AcceleratorModel model)
{
    for (const auto &s : all())
        if (s.model == model)
            return s;
    return all().front();
}

} // namespace suanli::server
