#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/scheduler.pb.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Slurm's small text grammars (hostlists, GRES, TRES) and its state and
// reason words, turned into Suanli's terms. Pure functions, unit-tested on
// strings captured from Slurm 22.05.
namespace suanli::server::slurm {

namespace v1 = ::suanli::v1;

// "n[1-3,7],gpu[01-02],login" -> n1 n2 n3 n7 gpu01 gpu02 login (zero padding kept).
// At most this many names: a longer list (no cluster has one) stays as written.
inline constexpr size_t kMaxHostlistNames = 1000000;
std::vector<std::string> expandHostlist(std::string_view list);
// "0-1,3" -> 0 1 3; "N/A" or "" -> none.
std::vector<int> parseIndexList(std::string_view list);

// One GRES of a node or job: "gpu:a100:4(S:0-1)", "gpu:a100:2(IDX:0-1)", "gpu:2".
struct Gres {
    std::string name; // "gpu"
    std::string type; // "a100"; empty when untyped
    int64_t count = 0;
    std::vector<int> indexes; // from "(IDX:...)" in gres_used / gres_detail
};
// Parses a comma-separated GRES list; commas inside parentheses belong to their entry.
std::vector<Gres> parseGres(std::string_view text);
// The accelerators among a node's GRES: the first "gpu" (or "npu") entries, summed.
struct AcceleratorGres {
    std::string type; // "a100", "910b", or "" when untyped
    int64_t count = 0;
    std::vector<int> indexes;
};
AcceleratorGres acceleratorGres(std::string_view text);

// TRES lists: "cpu=4,mem=8G,gres/gpu=2,gres/gpu:a100=2". Values keep
// Slurm's units except memory suffixes (K, M, G, T), which become MiB.
using Tres = std::map<std::string, int64_t>;
Tres parseTres(std::string_view text);
// Back to Slurm's syntax, keys in order: "gres/gpu=4,gres/gpu:a100=2".
std::string formatTres(const Tres &tres);
// Accelerators in a TRES list: the "gres/gpu:TYPE" entry if there is one
// (type set), else "gres/gpu".
struct TresAccelerators {
    std::string type;
    int64_t count = 0;
};
TresAccelerators tresAccelerators(const Tres &tres);

// Node state as Slurm 22.05 reports it (base state "idle", "allocated",
// "mixed", "down", "error", "future", "unknown" and flags such as "DRAIN",
// "MAINTENANCE", "REBOOT_REQUESTED", "NOT_RESPONDING") in Suanli's words:
// a drained node is idle + DRAIN, a draining one allocated/mixed + DRAIN.
struct NodeStateResult {
    v1::NodeState state = v1::NODE_STATE_UNSPECIFIED;
    bool rebootPending = false;
};
NodeStateResult mapNodeState(std::string_view base, const std::vector<std::string> &flags);

// Job states: PENDING (HELD when the reason is JobHeldUser/JobHeldAdmin),
// RUNNING, SUSPENDED, COMPLETING, COMPLETED, CANCELLED, FAILED, TIMEOUT, ...
v1::JobState mapJobState(std::string_view state, std::string_view reason);

// Pending reasons: "Priority", "Resources", "AssocGrpGRES", "ReqNodeNotAvail,
// UnavailableNodes:n3", ... Quota reasons come back as TENANT_QUOTA; the
// caller tells a project's quota from its tenant's.
v1::PendingReason mapPendingReason(std::string_view reason);
// Plain words for reasons the enum has no value for ("QOSMaxGRESPerUser" ->
// "the QoS limit on accelerators per user is reached"); empty if unknown.
std::string reasonWords(std::string_view reason);

} // namespace suanli::server::slurm
