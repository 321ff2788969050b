#pragma once

#include "server/backends/Backend.h"
#include "server/backends/sim/SimOptions.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace suanli::server {

class SimEngine;

// SimBackend is the built-in simulated compute centre behind the Backend
// interface: a named site of racks, nodes and accelerators, tenants with
// quotas, a Slurm-like scheduler, jobs shaped like public traces, faults and
// telemetry. Seeded and deterministic; every call is serialised by one lock.
class SimBackend : public Backend {
public:
    // Builds the centre (a few seconds for 20,000 nodes and 200,000 jobs).
    // Throws std::invalid_argument for an unknown site.
    explicit SimBackend(const SimOptions &options = {});
    ~SimBackend() override;
    SimBackend(const SimBackend &) = delete;
    SimBackend &operator=(const SimBackend &) = delete;

    std::string kind() const override { return "sim"; }
    SiteInfo site() const override;
    bool tick(std::string *error) override;
    std::chrono::system_clock::time_point now() const override;
    std::chrono::milliseconds unreplayed() const override;
    void replay(std::chrono::milliseconds time) override;

    BackendChanges snapshot() override;
    BackendChanges collectChanges() override;
    std::vector<v1::Tenant> tenants() override;

    TargetResults drainNodes(const std::vector<std::string> &names, const Actor &actor) override;
    TargetResults resumeNodes(const std::vector<std::string> &names, const Actor &actor) override;
    TargetResults rebootNodes(const std::vector<std::string> &names, const Actor &actor) override;

    TargetResults cancelJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults holdJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults releaseJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults requeueJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults setJobPriority(
        const std::vector<std::string> &ids, int64_t priority, const Actor &actor) override;

    bool setQuota(const std::string &tenant, const std::string &project,
        const v1::QuotaLimit &limit, std::string *error) override;
    bool acknowledgeAlert(
        const std::string &id, const std::string &user, const std::string &comment) override;
    bool sampleTelemetry(std::vector<NodeSample> *out) override;

    // Simulator-only controls, for the gateway's command line, demos and tests.
    double speed() const;
    // Simulated seconds per real second from the next tick on; 0 pauses.
    void setSpeed(double speed);
    // Advances the clock by `seconds` of simulated time at once (in 10 s steps).
    void advance(double seconds);
    // Active jobs (pending, held, running).
    size_t activeJobs() const;
    // Takes a node down as a hardware fault would (its jobs fail; an alert is
    // raised; it is repaired later). False for an unknown or already-down node.
    bool injectNodeFailure(const std::string &node);
    // Fails one card with an uncorrectable ECC error (XID 48 on NVIDIA).
    bool injectAcceleratorFailure(const std::string &node, int index);
    // Ids of the centres SimOptions::site accepts.
    static std::vector<std::string> siteIds();

private:
    mutable std::mutex m_mutex;
    std::unique_ptr<SimEngine> m_engine;
};

} // namespace suanli::server
