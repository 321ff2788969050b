#pragma once

#include "server/backends/sim/SimBackend.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::test {

namespace v1 = ::suanli::v1;

// OutageBackend is the simulated centre behind a switch, for tests of what the gateway does
// when its scheduler goes away, as Slurm's does when slurmctld stops: switched off, ticks fail
// and actions come back UNAVAILABLE. Started off, it reports no nodes until switched on, then
// the whole centre at once (a Slurm backend whose first read failed). Nodes can also be
// withheld and shown later, as a centre that grows. NodeSample indexes follow the order in
// which nodes were first reported, as the Backend contract asks.
class OutageBackend final : public server::Backend {
public:
    explicit OutageBackend(const server::SimOptions &options, bool reachable = true);

    // Switches the scheduler on (answers) or off (unreachable).
    void setReachable(bool reachable);
    // Actions (node, job and quota changes) wait from now on, as they do behind a scheduler
    // command that hangs, until releaseActions(); reads and ticks go on.
    void holdActions();
    void releaseActions();
    // How many actions wait for releaseActions() now.
    int heldActions() const;
    // Nodes not reported until reveal(); call before the gateway starts.
    void withhold(const std::set<std::string> &names);
    // Reports the withheld nodes with the next changes.
    void reveal();
    server::SimBackend &sim() { return m_sim; }
    // Every node of the centre, withheld or not, in the simulator's order.
    std::vector<std::string> nodeNames() const;

    std::string kind() const override { return m_sim.kind(); }
    server::SiteInfo site() const override { return m_sim.site(); }
    bool tick(std::string *error) override;
    std::chrono::system_clock::time_point now() const override { return m_sim.now(); }
    bool reachable() const override { return m_reachable; }
    server::BackendChanges snapshot() override;
    server::BackendChanges collectChanges() override;
    std::vector<v1::Tenant> tenants() override;
    server::TargetResults drainNodes(
        const std::vector<std::string> &names, const server::Actor &actor) override;
    server::TargetResults resumeNodes(
        const std::vector<std::string> &names, const server::Actor &actor) override;
    server::TargetResults rebootNodes(
        const std::vector<std::string> &names, const server::Actor &actor) override;
    server::TargetResults cancelJobs(
        const std::vector<std::string> &ids, const server::Actor &actor) override;
    server::TargetResults holdJobs(
        const std::vector<std::string> &ids, const server::Actor &actor) override;
    server::TargetResults releaseJobs(
        const std::vector<std::string> &ids, const server::Actor &actor) override;
    server::TargetResults requeueJobs(
        const std::vector<std::string> &ids, const server::Actor &actor) override;
    server::TargetResults setJobPriority(
        const std::vector<std::string> &ids, int64_t priority, const server::Actor &actor) override;
    bool setQuota(const std::string &tenant, const std::string &project,
        const v1::QuotaLimit &limit, std::string *error) override;
    bool acknowledgeAlert(
        const std::string &id, const std::string &user, const std::string &comment) override;
    bool sampleTelemetry(std::vector<server::NodeSample> *out) override;

    // What a tick and an action say while switched off.
    static constexpr const char *kOutage = "simulated outage: the scheduler does not answer";

private:
    // Drops withheld nodes and numbers the others in the order first reported; the caller
    // holds m_mutex.
    void reportLocked(server::BackendChanges *changes);
    server::TargetResults unavailable(const std::vector<std::string> &targets) const;
    // Returns once actions are not held.
    void waitWhileHeld();
    template <class F> server::TargetResults act(const std::vector<std::string> &targets, F f);

    server::SimBackend m_sim;
    std::atomic<bool> m_reachable;
    mutable std::mutex m_holdMutex;
    std::condition_variable m_holdChanged;
    bool m_holding = false;
    int m_held = 0;
    mutable std::mutex m_mutex;
    // Started off: the whole centre is owed at the first answer.
    bool m_snapshotOwed = false;
    bool m_revealPending = false;
    std::set<std::string> m_withheld;
    std::set<std::string> m_revealed;
    std::vector<std::string> m_simOrder;
    std::unordered_map<std::string, uint32_t> m_reported;
};

} // namespace suanli::test
