#pragma once

#include "server/backends/Backend.h"
#include "server/backends/sim/AlertBook.h"
#include "server/backends/sim/FaultCatalog.h"
#include "server/backends/sim/JobGenerator.h"
#include "server/backends/sim/JobTable.h"
#include "server/backends/sim/SimClock.h"
#include "server/backends/sim/SimCluster.h"
#include "server/backends/sim/SimOptions.h"
#include "server/backends/sim/SimRandom.h"
#include "server/backends/sim/SimScheduler.h"
#include "server/backends/sim/SiteProfile.h"
#include "server/backends/sim/TenantBook.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <queue>
#include <string>
#include <vector>

namespace suanli::server {

// SimEngine is the simulated centre itself, single-threaded: the clock and
// its sub-steps, job arrivals and endings, faults and repairs, telemetry,
// operator actions, and the change tracking behind snapshot() and
// collectChanges(). SimBackend puts a lock in front of it.
class SimEngine : private SimScheduler::Hooks {
public:
    // The longest sub-step of the live clock: a scheduler pass every 10 simulated seconds.
    static constexpr int64_t kMaxStepMs = 10 * kSecond;

    explicit SimEngine(const SimOptions &options);
    ~SimEngine() override;
    SimEngine(const SimEngine &) = delete;
    SimEngine &operator=(const SimEngine &) = delete;

    const SiteProfile &site() const { return *m_site; }
    const SimCluster &cluster() const { return m_cluster; }
    std::chrono::system_clock::time_point now() const { return m_clock.now(); }
    double speed() const { return m_speed; }
    void setSpeed(double speed) { m_speed = speed < 0 ? 0 : speed; }

    // Simulated milliseconds from now to the start time (SimOptions::historySeconds).
    int64_t unreplayedMs() const { return std::max<int64_t>(0, m_historyMs - m_clock.nowMs); }
    void tick();
    // Advances simulated time by `ms`, in sub-steps of at most `stepMs` (10 s by default).
    void advance(int64_t ms, int64_t stepMs = kMaxStepMs);

    BackendChanges snapshot();
    BackendChanges collectChanges();
    std::vector<::suanli::v1::Tenant> tenants() const;

    TargetResults drainNodes(const std::vector<std::string> &names, const Actor &actor);
    TargetResults resumeNodes(const std::vector<std::string> &names, const Actor &actor);
    TargetResults rebootNodes(const std::vector<std::string> &names, const Actor &actor);
    TargetResults cancelJobs(const std::vector<std::string> &ids, const Actor &actor);
    TargetResults holdJobs(const std::vector<std::string> &ids, const Actor &actor);
    TargetResults releaseJobs(const std::vector<std::string> &ids, const Actor &actor);
    TargetResults requeueJobs(const std::vector<std::string> &ids, const Actor &actor);
    TargetResults setJobPriority(
        const std::vector<std::string> &ids, int64_t priority, const Actor &actor);
    bool setQuota(const std::string &tenant, const std::string &project,
        const ::suanli::v1::QuotaLimit &limit, std::string *error);
    bool acknowledgeAlert(
        const std::string &id, const std::string &user, const std::string &comment);
    void sampleTelemetry(std::vector<NodeSample> *out) const;

    size_t activeJobs() const { return m_jobs.size(); }

    // Fault injection, for tests and demonstrations: the node goes down (its
    // jobs fail) or one of its cards fails with an uncorrectable ECC error.
    bool failNode(const std::string &name);
    bool failAccelerator(const std::string &name, int index);

private:
    enum class TimerKind : uint8_t {
        JobEnd,
        HoldRelease,
        Abandon,
        NodeRepair,
        RebootDone,
        CardRepair
    };
    struct Timer {
        int64_t atMs;
        uint64_t seq;
        uint32_t target; // job id or node index
        uint32_t generation;
        TimerKind kind;
        uint8_t card;
        bool operator>(const Timer &o) const
        {
            return atMs != o.atMs ? atMs > o.atMs : seq > o.seq;
        }
    };
    struct QueueStats {
        int64_t pending = 0;
        int64_t running = 0;
        int64_t held = 0;
        int64_t acceleratorsPending = 0;
        std::deque<std::pair<int64_t, float>> waits; // start time, wait seconds
    };

    // SimScheduler::Hooks
    void start(uint32_t slot, const Placement &placement) override;
    void setReason(uint32_t slot, ::suanli::v1::PendingReason reason, int64_t used, int64_t limit,
        bool allModels = false) override;

    void build();
    void buildInitialFaults();
    void buildInitialJobs();
    void step(int64_t dtMs);
    void runTimers();
    void injectFaults(int64_t dtMs);
    void arrivals(int64_t dtMs);
    // False when `extra` more accelerators asked of queue q would take its tenants' demand
    // (running and waiting) past the site's load level for the model (SiteProfile::demand).
    bool withinDemand(size_t q, int64_t extra) const;
    void updateTargets();
    void refreshTelemetry(bool deadband);
    void refreshNodeTelemetry(uint32_t node);

    void addTimer(
        int64_t atMs, TimerKind kind, uint32_t target, uint32_t generation, uint8_t card = 0);
    void markJob(SimJob &job);
    uint32_t submit(SimJob job, bool held);
    void enqueuePending(uint32_t slot);
    void endRunning(uint32_t slot, ::suanli::v1::JobState state, int64_t atMs, std::string text,
        int32_t exitCode);
    void endWaiting(uint32_t slot, ::suanli::v1::JobState state, int64_t atMs, std::string text);
    void finish(uint32_t slot, ::suanli::v1::JobState state, int64_t atMs, std::string text,
        int32_t exitCode);
    void freeResources(uint32_t slot);
    void holdPending(uint32_t slot, bool byOperator);
    void releaseHeld(uint32_t slot);
    void onJobEnd(uint32_t slot);

    void nodeDown(uint32_t node, const FaultCatalog::Fault &fault, int64_t atMs);
    void repairNode(uint32_t node);
    void cardFault(uint32_t node, int card, uint8_t fault, int64_t atMs);
    void repairCard(uint32_t node, int card);
    void beginReboot(uint32_t node);
    void finishReboot(uint32_t node);
    void afterRelease(const std::vector<uint32_t> &nodes);

    // The loops of node and job actions: NOT_FOUND for a name or id the centre lacks, else
    // `one(name, index, node)` or `one(id, slot)` says what became of it.
    template <class One> TargetResults eachNode(const std::vector<std::string> &names, One one);
    template <class One> TargetResults eachJob(const std::vector<std::string> &ids, One one);

    ::suanli::v1::NodeState nodeState(const SimNode &node) const;
    void fillNode(uint32_t index, ::suanli::v1::Node *out);
    void fillJob(const SimJob &job, ::suanli::v1::Job *out) const;
    ::suanli::v1::Queue buildQueue(size_t q);
    uint32_t findJob(const std::string &id) const;
    int64_t monthEnd(int64_t simMs) const;
    std::string jobName(const SimJob &job) const;

    SimOptions m_options;
    const SiteProfile *m_site = nullptr;
    SimClock m_clock;
    double m_speed = 1.0;
    SimRandom m_rng; // jobs and arrivals
    SimRandom m_faultRng; // faults and repairs
    SimCluster m_cluster;
    TenantBook m_tenants;
    JobTable m_jobs;
    std::unique_ptr<JobGenerator> m_generator;
    std::unique_ptr<SimScheduler> m_scheduler;
    AlertBook m_alerts;
    std::vector<QueueStats> m_queueStats;
    // Per queue: accelerators its tenants ask for at most, running and waiting; -1 = no cap.
    std::vector<int64_t> m_demandCap;
    // Active jobs per project and the share of SimOptions::jobs each keeps
    // active: a project whose jobs are stuck stops submitting, one whose
    // jobs flow keeps its queue full.
    std::vector<int64_t> m_projectActive;
    std::vector<double> m_projectTarget;
    std::vector<::suanli::v1::AcceleratorModel> m_queueModels;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    uint64_t m_timerSeq = 0;
    uint32_t m_nextJobId = 1000001;
    std::vector<uint32_t> m_dirtyJobs; // ids
    std::deque<SimJob> m_ended; // ended since the last change list
    std::vector<std::string> m_sentQueues;
    std::string m_sentTenants;
    int64_t m_telemetryPeriod = 0;
    int64_t m_monthEndMs = 0;
    int64_t m_historyMs = 0; // the start time, in simulated milliseconds since construction
};

} // namespace suanli::server
