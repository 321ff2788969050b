#include "server/backends/sim/FaultCatalog.h"

#include <cmath>
#include <cstring>

namespace suanli::server {

namespace {
bool isNvidia(const AcceleratorSpec &spec)
{
    return std::strcmp(spec.device, "GPU") == 0;
}
bool isAscend(const AcceleratorSpec &spec)
{
    return std::strcmp(spec.device, "NPU") == 0;
}
} // namespace

std::string FaultCatalog::nodeDown(const AcceleratorSpec &spec, uint64_t variant)
{
    const std::string dev = spec.device;
    switch (variant % 4) {
    case 0:
        if (isNvidia(spec))
            return "XID 79: GPU fell off the bus";
        if (isAscend(spec))
            return "NHC: NPU " + std::to_string(variant / 4 % 8) + " heartbeat lost";
        return "NHC: " + dev + " " + std::to_string(variant / 4 % 8) + " not responding";
    case 1:
        if (isAscend(spec))
            return "NHC: RoCE link down (hccn eth" + std::to_string(variant / 4 % 8) + ")";
        return "NHC: IB link down (mlx5_" + std::to_string(variant / 4 % 8) + ")";
    case 2:
        return "Not responding";
    default:
        return "NHC: " + dev + " count 7 < 8";
    }
}

std::string FaultCatalog::accelerator(const AcceleratorSpec &spec, SimFault fault, uint64_t variant)
{
    if (fault == SimFault::Ecc) {
        if (isNvidia(spec))
            return "XID 48: double-bit ECC error";
        return std::string("uncorrectable ") + (isAscend(spec) ? "HBM" : "memory") + " ECC error";
    }
    if (isNvidia(spec))
        return variant % 2 ? "XID 31: GPU memory page fault" : "XID 13: graphics engine exception";
    if (isAscend(spec))
        return variant % 2 ? "AI Core exception" : "HBM correctable ECC storm";
    return std::string(spec.device) + (variant % 2 ? " core exception" : " memory page fault");
}

std::string FaultCatalog::thermal(double celsius)
{
    return "thermal throttling at " + std::to_string(int(std::lround(celsius))) + " °C";
}

std::string FaultCatalog::appFailure(const AcceleratorSpec &spec, uint8_t kind, int32_t *exitCode)
{
    *exitCode = 1;
    const std::string dev = isNvidia(spec) ? "CUDA" : spec.device;
    switch (kind % 8) {
    case 0:
    case 1:
        return "exit code 1: Python exception (RuntimeError)";
    case 2:
        return dev + " out of memory";
    case 3:
        *exitCode = 137;
        return "killed by the OOM killer (host memory)";
    case 4:
        *exitCode = 139;
        return "segmentation fault";
    case 5:
        return "loss became NaN; training stopped";
    case 6:
        return "checkpoint write failed: No space left on device";
    default:
        return "exit code 1: ModuleNotFoundError";
    }
}

std::string FaultCatalog::infraFailure(
    const AcceleratorSpec &spec, uint8_t kind, const std::string &node, int rank)
{
    switch (kind % 4) {
    case 0:
    case 1:
        return std::string(spec.collective) + " timeout: rank " + std::to_string(rank) + " on "
            + node + " stopped responding";
    case 2:
        return "node " + node + " failed: "
            + (isAscend(spec) ? std::string("RoCE link down") : std::string("IB link down"));
    default:
        return "lost contact with slurmstepd on " + node;
    }
}

} // namespace suanli::server
