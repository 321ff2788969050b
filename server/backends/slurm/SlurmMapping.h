#pragma once

#include "server/backends/slurm/SlurmText.h"
#include "server/backends/slurm/Topology.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <chrono>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

// Slurm's JSON (slurmrestd openapi/v0.0.38 and dbv0.0.38) and the
// association manager's text turned into Suanli's objects. Pure functions
// over parsed documents, so captured answers test them.
namespace suanli::server::slurm {

using Json = nlohmann::json;

// The model a GRES type names: "a100" -> NVIDIA A100, "910b" -> Ascend 910B,
// anything else -> OTHER (the type is kept as the model's name).
v1::AcceleratorModel modelOfType(const std::string &gresType);
// "A100", "910B", or the raw type for models Suanli does not know.
std::string modelNameOfType(const std::string &gresType);

// One node of GET /slurm/v0.0.38/nodes.
struct NodeRecord {
    v1::Node node; // job_ids and the accelerators' job ids are filled in by jobs
    std::string gresType;
    std::vector<int> usedIndexes; // accelerators in use (gres_used IDX)
};
NodeRecord parseNode(const Json &j, const Topology &topology);

// Which tenant and project an account is: tenants are the accounts under
// root; their sub-accounts are projects (deeper ones count for the project
// above them).
class AccountTree {
public:
    void add(const std::string &account, const std::string &parent);
    bool empty() const { return m_parent.empty(); }
    // {tenant, project}; project empty for a tenant's own account. An unknown
    // account is its own tenant.
    std::pair<std::string, std::string> place(const std::string &account) const;
    const std::map<std::string, std::string> &parents() const { return m_parent; }

private:
    std::map<std::string, std::string> m_parent;
};

// One job of GET /slurm/v0.0.38/jobs.
struct JobRecord {
    v1::Job job;
    std::string account;
    std::string gresType; // "" when untyped: the backend names it from the nodes
    std::string resolvedType; // gresType, or the backend's name for an untyped request
    // Accelerator indexes per node, from gres_detail (running jobs).
    std::vector<std::pair<std::string, std::vector<int>>> allocation;
    int64_t lastUpdate = 0;
};
JobRecord parseJob(const Json &j, const AccountTree &accounts);
bool isFinal(v1::JobState state);

// One partition of GET /slurm/v0.0.38/partitions.
struct PartitionRecord {
    std::string name;
    std::vector<std::string> nodes;
    int64_t maxTimeSeconds = 0; // 0: unlimited
    bool isDefault = false;
    std::string state;
};
PartitionRecord parsePartition(const Json &j);

// A queue's figures from its nodes and the active jobs in it; `waits` are
// the waits (seconds) of jobs that started in the last hour.
v1::Queue buildQueue(const PartitionRecord &partition, const std::vector<const v1::Node *> &nodes,
    const std::vector<const v1::Job *> &jobs, std::vector<double> waits);
// p-th percentile (0..1) by nearest rank; 0 when there are none.
double percentile(std::vector<double> values, double p);

// An account's association (user empty) from GET /slurmdb/v0.0.38/associations.
struct Association {
    std::string account;
    std::string parent;
    Tres grpTres; // GrpTRES: "gres/gpu" -> 8, "gres/gpu:a100" -> 4
    Tres grpTresMins; // GrpTRESMins
};
std::vector<Association> parseAssociations(const Json &j);
// Account descriptions from GET /slurmdb/v0.0.38/accounts, by name.
std::map<std::string, std::string> parseAccountDescriptions(const Json &j);

// What slurmctld counts against each account's limits, from `scontrol show
// assoc_mgr flags=assoc` (the REST API of 22.05 has no usage): TRES in use
// now and TRES-minutes used, including sub-accounts.
struct AccountUsage {
    Tres inUse;
    Tres minutesUsed;
};
std::map<std::string, AccountUsage> parseAssocMgr(const std::string &text);
// The accounts' tree and limits from the same text, so a gateway reading
// through libslurm needs no slurmdbd call for them.
std::vector<Association> parseAssocMgrAssociations(const std::string &text);

// Accelerators pending per account and GRES type.
using PendingByAccount = std::map<std::string, std::map<std::string, int64_t>>;

// The tenant tree with limits and usage. `types` are the GRES types the
// cluster has (with their totals, for a limit on time only). A typed limit
// (gres/gpu:a100) is that model's; the untyped gres/gpu is one limit across
// all models, which Slurm counts against every type's use together, and its
// use (the sum over models) is given where it applies.
std::vector<v1::Tenant> buildTenants(const std::vector<Association> &associations,
    const std::map<std::string, std::string> &descriptions,
    const std::map<std::string, AccountUsage> &usage, const PendingByAccount &pending,
    const std::map<std::string, int64_t> &types);

// Which limit holds back a job that Slurm says waits for its association's
// GRES (AssocGrpGRES) or GRES minutes (`minutes`): Slurm names neither the
// account nor the TRES. The project's before the tenant's (as slurmctld looks:
// the job's own account, then its parent; the simulator's TenantBook::check
// keeps the same order), and for each the limit across all models before the
// model's own, the first that the job's
// ask (gresType, accelerators) would pass by what slurmctld counts in use;
// else the tenant's own limit. found is false when the tenant has none.
struct QuotaBinding {
    bool found = false;
    bool project = false; // the project's limit, not the tenant's
    bool allModels = false; // the limit across all models (untyped gres/gpu)
    int64_t used = 0; // accelerators, or hours for minutes
    int64_t limit = 0;
};
QuotaBinding quotaThatBinds(const std::vector<Association> &associations,
    const std::map<std::string, AccountUsage> &usage, const std::string &tenant,
    const std::string &project, const std::string &gresType, int64_t accelerators, bool minutes);

// The GrpTRES / GrpTRESMins values `sacctmgr modify account` sets for one
// model: {"GrpTRES=gres/gpu:a100=8", "GrpTRESMins=gres/gpu:a100=60000"}, or
// with gresType "" for the limit across all models ("GrpTRES=gres/gpu=8");
// hours 0 clears the minutes limit (-1).
std::vector<std::string> quotaSettings(const std::string &gresType, const v1::QuotaLimit &limit);

// The Suanli user in a reason written by this gateway ("fan [by alice]").
std::pair<std::string, std::string> splitReasonUser(const std::string &reason);
std::string reasonWithUser(const std::string &reason, const std::string &user);

} // namespace suanli::server::slurm
