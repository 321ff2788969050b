#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace suanli::server {

namespace v1 = ::suanli::v1;

// Static facts about the centre a backend fronts. PUE and grid carbon intensity are what the
// site's operators configured (a simulated centre: its own); absent when nobody did, and then
// the gateway reports them, and what follows from them, as not configured.
struct SiteInfo {
    std::string name; // "Shanghai Lingang"
    std::string nameZh; // "上海临港"
    std::string province; // "Shanghai"; empty when not configured
    std::optional<double> pue; // facility power / IT power
    std::optional<double> carbonGPerKwh; // grid carbon intensity where the centre draws power
    double peakTflopsFp16 = 0; // FP16 peak of all accelerators; 0 when not known
};

// Everything that changed since the last collectChanges(): whole objects, so
// the gateway's cache can replace them and fan them out as deltas.
struct BackendChanges {
    std::vector<v1::Node> nodes;
    std::vector<std::string> removedNodes;
    // Jobs that were added or changed. A job that ended is reported once with
    // its final state (completed, failed, cancelled); the cache then retires it.
    std::vector<v1::Job> jobs;
    std::vector<v1::Queue> queues;
    std::vector<std::string> removedQueues;
    // Alerts raised, changed (acknowledged) or cleared (clear_time set).
    std::vector<v1::Alert> alerts;
    // Tenants, projects, quotas or usage changed: the gateway re-reads tenants().
    bool tenantsChanged = false;
    bool empty() const
    {
        return nodes.empty() && removedNodes.empty() && jobs.empty() && queues.empty()
            && removedQueues.empty() && alerts.empty() && !tenantsChanged;
    }
};

// One sample of a node's telemetry, for the gateway's metrics history.
struct NodeSample {
    // Position in the order nodes were first reported: the first snapshot's order, then
    // nodes that came later in the order collectChanges() first reported them.
    uint32_t nodeIndex = 0;
    float utilisationPercent = 0; // mean over accelerators
    float temperatureCelsius = 0; // hottest accelerator
    float powerWatts = 0; // whole node
    float memoryUsedPercent = 0; // accelerator memory, mean
    struct Acc {
        float utilisationPercent = 0;
        float temperatureCelsius = 0;
        float powerWatts = 0;
        float memoryUsedPercent = 0;
    };
    std::vector<Acc> accelerators;
};

// Result of a per-target action: one entry per target, in request order.
using TargetResults = std::vector<v1::TargetResult>;

// Who asked for an action, passed to the backend for its own records
// (Slurm's reason user, the simulator's reason_user).
struct Actor {
    std::string user;
    std::string reason;
};

// Backend is what suanlid fronts: the built-in simulated centre or a real
// Slurm cluster. One instance per gateway; the gateway calls tick() from its
// single tick thread and actions from the threads of its action executor, so
// implementations lock internally. Every call returns quickly (no call blocks for more than a
// backend round trip).
class Backend {
public:
    virtual ~Backend() = default;

    // "sim" or "slurm".
    virtual std::string kind() const = 0;
    virtual SiteInfo site() const = 0;

    // Advances the backend by one tick (the simulator moves its clock; a
    // real backend polls its scheduler). Returns false with a message when
    // the backend cannot be reached; the gateway then marks data stale.
    virtual bool tick(std::string *error) = 0;

    // Backend time: wall time for a real cluster, simulated time for the
    // simulator (which may run faster than the wall clock).
    virtual std::chrono::system_clock::time_point now() const = 0;

    // Time before the present the backend can still replay, and replay() that advances
    // through it: a simulated centre is built before its start time and run up to it, so the
    // gateway records its metrics history first. Zero for a real cluster, whose past is not
    // replayable.
    virtual std::chrono::milliseconds unreplayed() const { return {}; }
    virtual void replay(std::chrono::milliseconds) { }

    // False while the scheduler cannot be reached (the last tick failed); the
    // gateway then answers actions that need it with UNAVAILABLE.
    virtual bool reachable() const { return true; }
    // True when the scheduler keeps quotas itself (Slurm's associations), so
    // the gateway must not re-apply the ones it stored at start.
    virtual bool keepsQuotas() const { return false; }

    // Work of a shape that the scheduler is asked about without running it.
    struct StartQuestion {
        std::string queue; // partition
        std::string model; // the scheduler's name of the accelerator model, e.g. "910b"
        int accelerators = 0;
        int perNode = 0;
        int64_t seconds = 0;
        std::string account; // tenant; empty: the scheduler's default
    };
    // The scheduler's own estimate of when such work would start, and the name of its method
    // ("slurm sbatch --test-only"); an empty method when the scheduler has none (the default),
    // nullopt with `error` when it could not answer this time.
    virtual std::string startEstimateMethod() const { return {}; }
    virtual std::optional<std::chrono::system_clock::time_point> estimateStart(
        const StartQuestion &, std::string *error)
    {
        *error = "this scheduler gives no estimate";
        return std::nullopt;
    }

    // Full current state (first call, and after the gateway decides to
    // resynchronise). Clears pending changes.
    virtual BackendChanges snapshot() = 0;
    // What changed since the previous snapshot() or collectChanges().
    virtual BackendChanges collectChanges() = 0;

    // Tenants with projects, quotas and usage.
    virtual std::vector<v1::Tenant> tenants() = 0;

    // Node actions; one result per name.
    virtual TargetResults drainNodes(const std::vector<std::string> &names, const Actor &actor) = 0;
    virtual TargetResults resumeNodes(const std::vector<std::string> &names, const Actor &actor)
        = 0;
    virtual TargetResults rebootNodes(const std::vector<std::string> &names, const Actor &actor)
        = 0;

    // Job actions; one result per id.
    virtual TargetResults cancelJobs(const std::vector<std::string> &ids, const Actor &actor) = 0;
    virtual TargetResults holdJobs(const std::vector<std::string> &ids, const Actor &actor) = 0;
    virtual TargetResults releaseJobs(const std::vector<std::string> &ids, const Actor &actor) = 0;
    virtual TargetResults requeueJobs(const std::vector<std::string> &ids, const Actor &actor) = 0;
    virtual TargetResults setJobPriority(
        const std::vector<std::string> &ids, int64_t priority, const Actor &actor)
        = 0;

    // Sets a tenant's (project empty) or project's limit for one model.
    // Returns false with a message a person can act on when the scheduler
    // refuses.
    virtual bool setQuota(const std::string &tenant, const std::string &project,
        const v1::QuotaLimit &limit, std::string *error)
        = 0;

    // Acknowledges an alert (kept by the backend so it survives in its
    // collection); false when the id is unknown.
    virtual bool acknowledgeAlert(
        const std::string &id, const std::string &user, const std::string &comment)
        = 0;

    // Current telemetry of every node, in snapshot order. Returns false
    // when the backend has no accelerator telemetry source (the API then
    // says "unavailable", never zeros).
    virtual bool sampleTelemetry(std::vector<NodeSample> *out) = 0;
};

} // namespace suanli::server
