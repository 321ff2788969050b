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

FaultCatalog::Fault FaultCatalog::nodeDown(const AcceleratorSpec &spec, uint64_t variant)
{
    using namespace ::suanli::v1;
    const std::string dev = spec.device;
    const std::string index = std::to_string(variant / 4 % 8);
    switch (variant % 4) {
    case 0:
        if (isNvidia(spec))
            return { "XID 79: GPU fell off the bus", ALERT_CAUSE_XID_79_FELL_OFF_BUS, {} };
        if (isAscend(spec))
            return { "NHC: NPU " + index + " heartbeat lost", ALERT_CAUSE_HEARTBEAT_LOST,
                { "NPU", index } };
        return { "NHC: " + dev + " " + index + " not responding", ALERT_CAUSE_DEVICE_NOT_RESPONDING,
            { dev, index } };
    case 1:
        if (isAscend(spec))
            return { "NHC: RoCE link down (hccn eth" + index + ")", ALERT_CAUSE_ROCE_LINK_DOWN,
                { "hccn eth" + index } };
        return { "NHC: IB link down (mlx5_" + index + ")", ALERT_CAUSE_IB_LINK_DOWN,
            { "mlx5_" + index } };
    case 2:
        return { "Not responding", ALERT_CAUSE_NODE_NOT_RESPONDING, {} };
    default:
        return { "NHC: " + dev + " count 7 < 8", ALERT_CAUSE_DEVICE_COUNT_LOW, { dev, "7", "8" } };
    }
}

FaultCatalog::Fault FaultCatalog::accelerator(
    const AcceleratorSpec &spec, SimFault fault, uint64_t variant)
{
    using namespace ::suanli::v1;
    if (fault == SimFault::Ecc) {
        if (isNvidia(spec))
            return { "XID 48: double-bit ECC error", ALERT_CAUSE_XID_48_DOUBLE_BIT_ECC, {} };
        const std::string memory = isAscend(spec) ? "HBM" : "memory";
        return { "uncorrectable " + memory + " ECC error", ALERT_CAUSE_UNCORRECTABLE_ECC,
            { memory } };
    }
    if (isNvidia(spec))
        return variant % 2
            ? Fault { "XID 31: GPU memory page fault", ALERT_CAUSE_XID_31_PAGE_FAULT, {} }
            : Fault { "XID 13: graphics engine exception", ALERT_CAUSE_XID_13_ENGINE_EXCEPTION,
                  {} };
    if (isAscend(spec))
        return variant % 2
            ? Fault { "AI Core exception", ALERT_CAUSE_AI_CORE_EXCEPTION, {} }
            : Fault { "HBM correctable ECC storm", ALERT_CAUSE_CORRECTABLE_ECC_STORM, {} };
    const std::string dev = spec.device;
    return variant % 2
        ? Fault { dev + " core exception", ALERT_CAUSE_CORE_EXCEPTION, { dev } }
        : Fault { dev + " memory page fault", ALERT_CAUSE_MEMORY_PAGE_FAULT, { dev } };
}

FaultCatalog::Fault FaultCatalog::thermal(double celsius)
{
    const std::string degrees = std::to_string(int(std::lround(celsius)));
    return { "thermal throttling at " + degrees + " °C",
        ::suanli::v1::ALERT_CAUSE_THERMAL_THROTTLING, { degrees } };
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
