#pragma once

#include "server/backends/facts/AcceleratorSpec.h"
#include "suanli/v1/events.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server {

// Accelerator faults the simulator injects (SimAccelerator::fault).
enum class SimFault : uint8_t { None, Ecc, Xid, Thermal };

// FaultCatalog words faults and job failures as the vendor's tools and Slurm
// would ("XID 48: double-bit ECC error", "NCCL timeout: rank 12 on ...").
class FaultCatalog {
public:
    // A fault in English words, and as the code and parts an alert carries so a console can say
    // it in its own language.
    struct Fault {
        std::string text;
        ::suanli::v1::AlertCause cause = ::suanli::v1::ALERT_CAUSE_UNSPECIFIED;
        std::vector<std::string> args;
    };

    // Why a node went down; variant picks one of several.
    static Fault nodeDown(const AcceleratorSpec &spec, uint64_t variant);
    // An accelerator fault: SimFault::Ecc (card unusable) or Xid (degraded).
    static Fault accelerator(const AcceleratorSpec &spec, SimFault fault, uint64_t variant);
    static Fault thermal(double celsius);
    // A job's own failure and its exit code.
    static std::string appFailure(const AcceleratorSpec &spec, uint8_t kind, int32_t *exitCode);
    // An infrastructure failure naming the node it happened on.
    static std::string infraFailure(
        const AcceleratorSpec &spec, uint8_t kind, const std::string &node, int rank);
};

} // namespace suanli::server
